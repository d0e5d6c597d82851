"""The claim (2100) and service line (2110) loops of an 835: CLP with its CAS, NM1, MOA/MIA and DTM; SVC with its
DTM, CAS, REF, AMT and LQ.

Values are collected in plain builders while the segments stream past, and frozen into domain models when the loop
closes, so a segment that arrives out of place can still be refused with its number.

Every value is checked here, with the element named when it is wrong (amounts against the X12 R pattern, dates
against the calendar, required elements present), and reaches a model as the type its field declares. So the models
are built with `Trusted`, without pydantic checking them again: a 1 MB remittance is some 15,000 models, and
validating each (or `model_construct`, slower still) took two fifths of the read. tests/test_x12_835.py reads files
with pydantic validating every model instead, and compares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gravida.domain.remittance import Adjustment, ClaimPayment, Remark, ServicePayment
from gravida.domain.trusted import Trusted
from gravida.interchange.x12.r835_values import (
    SERVICE_QUALIFIERS,
    Context,
    check_width,
    date_of,
    element,
    missing,
    padded,
    place,
    qualified,
)
from gravida.interchange.x12.tokens import Segment

GROUP_CODES = frozenset({"CO", "OA", "PI", "PR", "CR"})
_CAS_TRIPLETS = 6
_ADJUSTMENT = Trusted(Adjustment).build
_REMARK = Trusted(Remark).build
_SERVICE = Trusted(ServicePayment).build
_CLAIM = Trusted(ClaimPayment).build


def adjustments(context: Context, segment: Segment) -> tuple[Adjustment, ...]:
    """One CAS: a group code and up to six (reason, amount, quantity) triplets.

    A CAS the read has already met (same elements) gives the same adjustments, so they are read once: the models
    are frozen values, and the same value may stand in two claims.
    """
    known = context.adjustments.get(segment.elements)
    if known is None:
        known = context.adjustments[segment.elements] = tuple(_adjustments(context, segment))
    return known


def _adjustments(context: Context, segment: Segment) -> list[Adjustment]:
    check_width(segment, 1 + 3 * _CAS_TRIPLETS)
    elements = segment.elements
    width = len(elements)
    group = elements[1].strip() if width > 1 else ""
    if not group:
        raise missing(segment, 1, "claim adjustment group code")
    if group not in GROUP_CODES:
        raise segment.error(f"CAS01 {group!r} is not an adjustment group code (CO, OA, PI, PR)")
    group_label = context.label("group_codes", group)
    found = []
    for first in range(2, width, 3):
        reason = elements[first].strip()
        money = elements[first + 1].strip() if first + 1 < width else ""
        units = elements[first + 2].strip() if first + 2 < width else ""
        if not reason:
            if money or units:
                raise segment.error(
                    f"{place(segment, first + 1)} has an amount but {place(segment, first)} has no reason code"
                )
            continue
        if not money:
            raise segment.error(
                f"{place(segment, first)} reason {reason!r} has no amount ({place(segment, first + 1)}); "
                "CAS reasons come in reason, amount, quantity triplets"
            )
        found.append(
            _ADJUSTMENT(
                {
                    "group": group,
                    "reason": reason,
                    "amount": context.decimal(segment, first + 1, money, "an amount"),
                    "units": context.decimal(segment, first + 2, units, "a quantity") if units else None,
                    "group_label": group_label,
                    "reason_label": context.label("carc", reason),
                }
            )
        )
    if not found:
        raise segment.error("CAS02 (the first adjustment reason code) is required but empty")
    return found


def remark(context: Context, code: str) -> Remark:
    """The RARC `code` with its label; one Remark value per code for the whole read."""
    found = context.remarks.get(code)
    if found is None:
        found = context.remarks[code] = _REMARK({"code": code, "label": context.label("rarc", code)})
    return found


class ServiceBuilder:
    """A 2110 loop under construction: the fields read so far, with its adjustments and remarks."""

    __slots__ = ("adjustments", "fields", "remarks")

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields
        self.adjustments: tuple[Adjustment, ...] = ()  # a line's one CAS keeps the tuple it was read into
        self.remarks: list[Remark] = []

    def build(self) -> ServicePayment:
        fields = self.fields
        fields["adjustments"] = self.adjustments
        fields["remarks"] = tuple(self.remarks)
        return _SERVICE(fields)


def _procedure(context: Context, segment: Segment, position: int) -> tuple[str, str, tuple[str, ...]]:
    """SVC01 or SVC06: qualifier, code and modifiers, remembered when the composite reads without a warning."""
    raw = segment.get(position)
    known = context.procedures.get(raw)
    if known is not None:
        return known
    found = _read_procedure(context, segment, position)
    if context.delimiters.component in raw:  # split by the declared separator: no warning to repeat next time
        context.procedures[raw] = found
    return found


def _read_procedure(context: Context, segment: Segment, position: int) -> tuple[str, str, tuple[str, ...]]:
    parts = context.composite(segment, position)
    qualifier = parts[0].strip()
    if qualifier not in SERVICE_QUALIFIERS:
        raise segment.error(
            f"{place(segment, position)}-1 {qualifier!r} is not a product/service qualifier "
            f"({', '.join(sorted(SERVICE_QUALIFIERS))})"
        )
    code = parts[1].strip() if len(parts) > 1 else ""
    if not code:
        raise segment.error(f"{place(segment, position)} {segment.get(position)!r} has no procedure code")
    return qualifier, code, tuple([m.strip() for m in parts[2:6] if m.strip()])


def _realign_bare_qualifier(context: Context, segment: Segment) -> Segment:
    """SVC*HC*24599.00*1766.50*...: a qualifier alone in SVC01, the code in SVC02. Read the code into SVC01."""
    head = element(segment, 1)
    if element(segment, 2) and len(segment.elements) >= 4:
        code = element(segment, 2)
        context.warn(
            segment,
            f"SVC01 {head!r} names no procedure code and SVC02 is {code!r}; read {code!r} as the code and the "
            "elements after it one place earlier (the file seems to use the element separator inside SVC01)",
        )
        joined = f"{head}{context.delimiters.component}{code}"
        return Segment(segment.number, (segment.id, joined, *segment.elements[3:]))
    return segment


def start_service(context: Context, segment: Segment) -> ServiceBuilder:
    """SVC: the adjudicated code with modifiers, charge, paid, units, and the code as billed when it changed."""
    check_width(segment, 7)
    procedure = context.procedures.get(segment.get(1))  # a code read before is not a bare qualifier
    if procedure is None:
        if element(segment, 1) in SERVICE_QUALIFIERS:
            segment = _realign_bare_qualifier(context, segment)
        procedure = _procedure(context, segment, 1)
    qualifier, code, modifiers = procedure
    elements = padded(segment, 7)
    charge, paid = elements[2].strip(), elements[3].strip()
    units_paid, units_billed = elements[5].strip(), elements[7].strip()
    decimal = context.decimal
    if not charge:
        raise missing(segment, 2, "line item charge amount")
    charged = decimal(segment, 2, charge, "an amount")
    if not paid:
        raise missing(segment, 3, "line item provider payment amount")
    fields: dict[str, Any] = {
        "code": code,
        "qualifier": qualifier,
        "modifiers": modifiers,
        "charge": charged,
        "paid": decimal(segment, 3, paid, "an amount"),
        "revenue_code": elements[4].strip() or None,
        "units_paid": decimal(segment, 5, units_paid, "a quantity") if units_paid else None,
        "units_billed": decimal(segment, 7, units_billed, "a quantity") if units_billed else None,
    }
    if elements[6].strip():
        _, original, original_modifiers = _procedure(context, segment, 6)
        fields["original_code"] = original
        fields["original_modifiers"] = original_modifiers
    return ServiceBuilder(fields)


def _service_adjustments(context: Context, builder: ServiceBuilder, segment: Segment) -> None:
    builder.adjustments += adjustments(context, segment)


def _service_date(context: Context, builder: ServiceBuilder, segment: Segment) -> None:
    qualifier, raw = qualified(segment)
    day = date_of(context, segment, 2, raw)
    if qualifier in ("472", "150"):
        builder.fields["service_date"] = day
    elif qualifier == "151":
        builder.fields["service_through"] = day


def _service_reference(context: Context, builder: ServiceBuilder, segment: Segment) -> None:
    qualifier, value = qualified(segment)
    if qualifier == "6R":
        builder.fields["control_number"] = value or None


def _service_amount(context: Context, builder: ServiceBuilder, segment: Segment) -> None:
    qualifier, value = qualified(segment)
    if qualifier == "B6":
        if not value:
            raise missing(segment, 2, "allowed amount")
        builder.fields["allowed"] = context.decimal(segment, 2, value, "an amount")


def _service_remark(context: Context, builder: ServiceBuilder, segment: Segment) -> None:
    qualifier, code = qualified(segment)
    if not code:
        raise missing(segment, 2, "remark code")
    if qualifier == "RX":
        builder.remarks.append(_REMARK({"code": code, "label": f"NCPDP reject reason {code}"}))
    else:
        builder.remarks.append(remark(context, code))


def _not_held(context: Context, builder: ServiceBuilder, segment: Segment) -> None:
    """QTY: a service line's quantities, which the remittance does not keep."""


#: How each segment of a 2110 loop after its SVC is read; a segment not here does not belong to a service line.
SERVICE_SEGMENTS: dict[str, Callable[[Context, ServiceBuilder, Segment], None]] = {
    "CAS": _service_adjustments,
    "DTM": _service_date,
    "REF": _service_reference,
    "AMT": _service_amount,
    "LQ": _service_remark,
    "QTY": _not_held,
}


class ClaimBuilder:
    """A 2100 loop under construction, with its service lines (the open one in `service`)."""

    __slots__ = ("adjustments", "fields", "remarks", "service", "services")

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields
        self.adjustments: tuple[Adjustment, ...] = ()
        self.remarks: list[Remark] = []
        self.services: list[ServicePayment] = []
        self.service: ServiceBuilder | None = None

    def close_service(self) -> None:
        if self.service is not None:
            self.services.append(self.service.build())
            self.service = None

    def build(self) -> ClaimPayment:
        self.close_service()
        fields = self.fields
        fields["adjustments"] = self.adjustments
        fields["remarks"] = tuple(self.remarks)
        fields["services"] = tuple(self.services)
        return _CLAIM(fields)


def start_claim(context: Context, segment: Segment) -> ClaimBuilder:
    """CLP: every element the 005010X221A1 guide uses (CLP10 is not used there)."""
    check_width(segment, 14)
    elements = padded(segment, 14)
    claim_id, status = elements[1].strip(), elements[2].strip()
    charge, paid, share = elements[3].strip(), elements[4].strip(), elements[5].strip()
    weight, fraction = elements[12].strip(), elements[13].strip()
    if not status:
        raise missing(segment, 2, "claim status code")
    if not claim_id:
        raise missing(segment, 1, "patient control number")
    status_label = context.label("claim_status", status)
    decimal = context.decimal
    if not charge:
        raise missing(segment, 3, "total claim charge amount")
    charged = decimal(segment, 3, charge, "an amount")
    if not paid:
        raise missing(segment, 4, "claim payment amount")
    fields: dict[str, Any] = {
        "claim_id": claim_id,
        "status": status,
        "status_label": status_label,
        "charge": charged,
        "paid": decimal(segment, 4, paid, "an amount"),
        "patient_responsibility": decimal(segment, 5, share, "an amount") if share else None,
        "filing_indicator": elements[6].strip() or None,
        "payer_claim_number": elements[7].strip() or None,
        "facility_code": elements[8].strip() or None,
        "frequency_code": elements[9].strip() or None,
        "drg_code": elements[11].strip() or None,
        "drg_weight": decimal(segment, 12, weight, "a quantity") if weight else None,
        "discharge_fraction": decimal(segment, 13, fraction, "a quantity") if fraction else None,
    }
    return ClaimBuilder(fields)


_CLAIM_DATES = {"232": "service_from", "233": "service_to", "050": "received_on"}
_MOA_REMARKS = (3, 4, 5, 6, 7)
_MIA_REMARKS = (5, 20, 21, 22, 23)


def claim_segment(context: Context, builder: ClaimBuilder, segment: Segment) -> bool:
    """Read a segment of the 2100 loop into `builder`; False when it does not belong to a claim."""
    kind = segment.elements[0]
    if kind == "CAS":
        builder.adjustments += adjustments(context, segment)
    elif kind == "NM1":
        _person(builder.fields, segment)
    elif kind in ("MOA", "MIA"):
        for position in _MOA_REMARKS if kind == "MOA" else _MIA_REMARKS:
            code = element(segment, position)
            if code:
                builder.remarks.append(remark(context, code))
    elif kind == "DTM":
        qualifier, raw = qualified(segment)
        day = date_of(context, segment, 2, raw)
        name = _CLAIM_DATES.get(qualifier)
        if name is not None:
            builder.fields[name] = day
    elif kind not in ("REF", "PER", "AMT", "QTY"):
        return False
    return True


def _person(fields: dict[str, Any], segment: Segment) -> None:
    elements = padded(segment, 9)
    role = elements[1].strip()
    identifier = elements[9].strip() or None
    if role == "QC":
        fields["patient_last_name"] = elements[3].strip() or None
        fields["patient_first_name"] = elements[4].strip() or None
        fields["patient_member_id"] = identifier
    elif role == "IL":
        fields["insured_member_id"] = identifier
    elif role == "82":
        fields["rendering_provider_id"] = identifier
