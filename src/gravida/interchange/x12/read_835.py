"""Read an X12 835 (005010X221A1) health care claim payment/advice into `Remittance` values.

One `Remittance` per ST/SE transaction set. The reader walks the segments once, in the order the implementation
guide fixes (BPR first, then the payer and payee loops, then LX/CLP/SVC loops, then PLB), and refuses a segment
out of place with its number and what was expected there, because a remittance read wrongly is money posted to
the wrong claim. Codes are labelled from Gravida's CARC/RARC tables; balancing is checked by `balance_problems`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gravida.domain.remittance import ClaimPayment, ProviderAdjustment, Remittance
from gravida.interchange.x12.collector import cyclic_collector_paused
from gravida.interchange.x12.r835_balance import BalanceProblem, balance_problems
from gravida.interchange.x12.r835_claims import (
    SERVICE_SEGMENTS,
    ClaimBuilder,
    claim_segment,
    start_claim,
    start_service,
)
from gravida.interchange.x12.r835_envelope import TransactionSet, transaction_sets
from gravida.interchange.x12.r835_values import (
    Context,
    amount,
    check_width,
    element,
    optional,
    optional_date,
    place,
    required,
)
from gravida.interchange.x12.tokens import Segment, X12Error, tokenize
from gravida.knowledge.remittance_codes import remittance_codes

__all__ = ["BalanceProblem", "balance_problems", "read_835", "read_835_file"]

GUIDE = "005010X221A1"
_PLB_PAIRS = 6
#: Segments of the 835 that carry nothing the remittance keeps (addresses, contacts, institutional totals).
_PASSED_OVER = frozenset({"N2", "N3", "N4", "PER", "RDM", "NTE", "CUR", "TS3", "TS2", "QTY"})
_HEADER_SEGMENTS = frozenset({"TRN", "CUR", "REF", "DTM", "NTE", "N1", "N2", "N3", "N4", "PER", "RDM"})
#: Segments that belong to a claim (2100) and not to its service lines.
_CLAIM_LEVEL = frozenset({"CAS", "NM1", "MOA", "MIA"})
#: Segments that open or close a loop (or are refused) wherever they come; any other inside a claim is its own.
_LOOP_STARTS = frozenset({"CLP", "SVC", "LX", "PLB", "BPR"})


def read_835_file(path: Path | str) -> list[Remittance]:
    """Read an 835 file. The bytes are taken as UTF-8, else Latin-1 (X12 text is ASCII; some payers send Latin-1).

    An unreadable file raises OSError; anything wrong with its content raises X12Error.
    """
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return read_835(text)


def read_835(text: str) -> list[Remittance]:
    """Every 835 transaction set in an interchange, in order. Malformed input raises X12Error (a ValueError)."""
    _refuse_non_text(text)
    with cyclic_collector_paused():
        return _read(text)  # the segments are freed on return, before the collector looks at what is left


def _read(text: str) -> list[Remittance]:
    delimiters, segments = tokenize(text)
    context = Context(delimiters, remittance_codes())
    remittances = []
    for transaction in transaction_sets(segments, "835"):
        first_warning = len(context.warnings)
        if transaction.version and not transaction.version.startswith("005010X221"):
            gs_segment = transaction.segments[0]
            context.warn(gs_segment, f"the functional group declares {transaction.version!r}, not {GUIDE}")
        remittances.append(_TransactionReader(context, transaction, first_warning).read())
    return remittances


def _refuse_non_text(text: str) -> None:
    """An empty file or a binary one (a PDF or a zip sent by mistake) gets its own message, not 'found \\x89PN'."""
    start = text.lstrip("\ufeff \t\r\n")
    if not start:
        raise X12Error("the file is empty: expected an X12 interchange beginning with ISA", 1)
    head = start[:16]
    control = any(not c.isprintable() and c not in "\r\n\t" for c in head)
    if not head.startswith("ISA") and ("\x00" in start[:1024] or control):
        raise X12Error(
            "the file holds binary data, not X12 text: expected an interchange beginning with ISA "
            f"(it begins with {head[:8].encode('unicode_escape').decode('ascii')!r})",
            1,
        )


@dataclass
class _TransactionReader:
    """The walk through one transaction set: which loop we are in decides which segments may come next."""

    context: Context
    transaction: TransactionSet
    first_warning: int
    header: dict[str, Any] = field(default_factory=dict)
    claims: list[ClaimPayment] = field(default_factory=list)
    plb: list[ProviderAdjustment] = field(default_factory=list)
    claim: ClaimBuilder | None = None
    party: str | None = None
    state: str = "header"

    def read(self) -> Remittance:
        st, *body, _se = self.transaction.segments
        if not body or body[0].id != "BPR":
            found = body[0] if body else _se
            raise found.error(
                f"expected BPR (financial information) right after the ST at segment {st.number}, found {found.id}"
            )
        self._bpr(body[0])
        context = self.context
        loop_starts = _LOOP_STARTS
        service_segments = SERVICE_SEGMENTS
        for segment in body[1:]:
            # The hot path, in place: most segments are a claim's or a service line's own (CAS, DTM, REF, AMT).
            claim = self.claim
            kind = segment.elements[0]
            if claim is None or kind in loop_starts:
                self._segment(segment)
            elif claim.service is not None:
                read = service_segments.get(kind)
                if read is None:
                    self._misplaced_in_service(segment)
                else:
                    read(context, claim.service, segment)
            elif not claim_segment(context, claim, segment):
                self._unexpected(segment, "in a claim (2100 loop)")
        self._close_claim()
        return Remittance(
            control_number=st.get(2).strip(),
            **self.header,
            claims=tuple(self.claims),
            provider_adjustments=tuple(self.plb),
            warnings=tuple(self.context.warnings[self.first_warning :]),
        )

    def _segment(self, segment: Segment) -> None:
        """A segment outside a claim, or one that opens or closes a loop."""
        kind = segment.elements[0]
        claim = self.claim
        if self.state == "plb" and kind != "PLB":
            raise segment.error(f"expected PLB or SE after the provider adjustments, found {kind}")
        if kind == "CLP":
            self._close_claim()
            self.claim = start_claim(self.context, segment)
            self.state = "claim"
        elif kind == "SVC":
            if claim is None:
                raise segment.error("SVC outside a claim: expected a CLP before the first service line")
            claim.close_service()
            claim.service = start_service(self.context, segment)
            self.state = "service"
        elif kind == "LX":
            self._close_claim()
            self.state = "lx"
        elif kind == "PLB":
            self._close_claim()
            self.state = "plb"
            self.plb.extend(self._provider_adjustments(segment))
        elif kind == "BPR":
            raise segment.error("a second BPR: one transaction set carries one payment")
        elif kind in _CLAIM_LEVEL or kind in ("LQ", "AMT"):
            raise segment.error(f"{kind} outside a claim: expected a CLP before it")
        elif self.state == "header" and kind in _HEADER_SEGMENTS:
            self._header_segment(segment)
        elif kind not in _PASSED_OVER:
            self._unexpected(segment, "here")

    def _misplaced_in_service(self, segment: Segment) -> None:
        kind = segment.elements[0]
        if kind in _CLAIM_LEVEL:
            raise segment.error(f"{kind} belongs to the claim, before its first SVC (it came after one)")
        self._unexpected(segment, "in a service line (2110 loop)")

    def _unexpected(self, segment: Segment, where: str) -> None:
        raise segment.error(f"{segment.id} does not belong {where} of an 835 ({GUIDE})")

    def _close_claim(self) -> None:
        if self.claim is not None:
            self.claims.append(self.claim.build())
            self.claim = None

    def _bpr(self, segment: Segment) -> None:
        check_width(segment, 21)
        credit_debit = required(segment, 3, "credit/debit flag")
        if credit_debit not in ("C", "D"):
            raise segment.error(f"BPR03 {credit_debit!r} is not C (credit) or D (debit)")
        self.header.update(
            handling=required(segment, 1, "transaction handling code"),
            total_paid=amount(self.context, segment, 2, "total actual provider payment amount"),
            credit_debit=credit_debit,
            payment_method=optional(segment, 4),
            payment_date=optional_date(self.context, segment, 16),
        )
        early = element(segment, 15)
        looks_like_date = early.isdigit() and len(early) == 8 and early[:2] in ("19", "20")
        no_bank_details = not any(element(segment, position) for position in range(5, 15))
        if not element(segment, 16) and no_bank_details and looks_like_date:
            self.context.warn(
                segment,
                f"BPR16 (payment date) is empty and BPR15 holds {early!r}, which looks like the date one element "
                "early; the payment date is left empty",
            )

    def _header_segment(self, segment: Segment) -> None:
        kind = segment.id
        qualifier = element(segment, 1)
        if kind == "TRN":
            self.header["trace_number"] = required(segment, 2, "check or EFT trace number")
        elif kind == "DTM" and qualifier == "405":
            self.header["production_date"] = optional_date(self.context, segment, 2)
        elif kind == "N1":
            self._party(segment)
        elif kind == "REF" and self.party == "PR" and qualifier == "2U":
            self.header.setdefault("payer_id", optional(segment, 2))
        elif kind == "REF" and self.party == "PE" and qualifier == "TJ":
            self.header.setdefault("payee_tax_id", optional(segment, 2))

    def _party(self, segment: Segment) -> None:
        self.party = element(segment, 1)
        name = optional(segment, 2)
        qualifier = element(segment, 3)
        identifier = optional(segment, 4)
        if self.party == "PR":
            self.header["payer_name"] = name
            if identifier:
                self.header["payer_id"] = identifier
        elif self.party == "PE":
            self.header["payee_name"] = name
            if qualifier == "XX":
                self.header["payee_npi"] = identifier
            elif qualifier == "FI":
                self.header["payee_tax_id"] = identifier

    def _provider_adjustments(self, segment: Segment) -> list[ProviderAdjustment]:
        """PLB: provider id, fiscal period date, then up to six (reason[:reference], amount) pairs."""
        check_width(segment, 2 + 2 * _PLB_PAIRS)
        provider = required(segment, 1, "provider identifier")
        fiscal = optional_date(self.context, segment, 2)
        found = []
        for first in range(3, 3 + 2 * _PLB_PAIRS, 2):
            reason_part = element(segment, first)
            money = element(segment, first + 1)
            if not reason_part:
                if money:
                    raise segment.error(
                        f"{place(segment, first + 1)} has an amount but {place(segment, first)} "
                        "has no adjustment reason"
                    )
                continue
            if not money:
                raise segment.error(
                    f"{place(segment, first)} reason {reason_part!r} has no amount ({place(segment, first + 1)})"
                )
            parts = self.context.composite(segment, first)
            reason = parts[0].strip()
            found.append(
                ProviderAdjustment(
                    provider_id=provider,
                    fiscal_period_end=fiscal,
                    reason=reason,
                    reason_label=self.context.label("plb_reasons", reason),
                    reference=(parts[1].strip() or None) if len(parts) > 1 else None,
                    amount=amount(self.context, segment, first + 1, "provider adjustment amount"),
                )
            )
        if not found:
            raise segment.error("PLB03 (the first adjustment reason) is required but empty")
        return found
