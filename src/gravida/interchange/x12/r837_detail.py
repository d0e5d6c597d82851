"""The detail of an 837P transaction (the HL loops) read into ClaimSubmissions, one segment at a time.

A single pass over the segments with the current loop in hand: HL opens the billing provider (20), subscriber (22)
or patient (23) level, NM1 opens the named loops, CLM a claim and LX a service line. Segments of loops Gravida does
not hold (pay-to, service facility, supervising provider, other payers in 2320/2330, drug and DME detail, notes) are
read past. A claim is built when the next one, the next HL or the transaction's end closes it.

A claim Gravida cannot hold (`Unholdable`) is skipped with its reason and the reader moves on to the next claim; a
problem found in a billing provider or subscriber loop skips every claim under that loop.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from gravida.domain.submission import ClaimSubmission
from gravida.interchange.x12 import r837_values as v
from gravida.interchange.x12.r837_build import Directory, ValidatedParts, build_claim
from gravida.interchange.x12.tokens import Segment, ascii_digits


class DetailReader:
    """Reads the HL loops of one transaction set; `claims` collects what it built."""

    def __init__(self, component: str, submitted_on: date, directory: Directory) -> None:
        self.component = component
        self.submitted_on = submitted_on
        self.directory = directory
        self.known = ValidatedParts()
        self.claims: list[ClaimSubmission] = []
        self.skipped: list[v.SkippedClaim] = []
        self.skipping = False
        self.levels: dict[str, str] = {}
        self.billing: v.BillingLoop | None = None
        self.insured: v.InsuredLoop | None = None
        self.patient: v.PatientLoop | None = None
        self.claim: v.ClaimLoop | None = None
        self.loop = ""

    def read_until(self, segments: list[Segment], index: int, stops: frozenset[str]) -> int:
        """Read segments from `index` up to the first whose id is in `stops` (or the end); return its index.

        This is the reader's hot loop (every detail segment passes here), so it dispatches in place.
        """
        handlers = _HANDLERS
        for position in range(index, len(segments)):
            segment = segments[position]
            segment_id = segment.elements[0]
            if segment_id in stops:
                return position
            if self.skipping and segment_id != "HL" and segment_id != "CLM":
                continue
            handler = handlers.get(segment_id)
            if handler is None:
                if segment_id not in v.DETAIL_SEGMENTS:
                    raise segment.error(f"{segment_id} is not a segment of the 837P (005010X222A1) claim detail")
                continue
            try:
                handler(self, segment)
            except v.Unholdable as problem:
                self._skip(problem)
        return len(segments)

    def finish(self) -> None:
        """Close the open claim (at the next HL, CLM or SE)."""
        if self.claim is not None:
            claim, self.claim = self.claim, None
            try:
                self._close_line(claim)
                assert self.billing is not None and self.insured is not None  # a CLM is only opened inside them
                self.claims.append(
                    build_claim(
                        self.billing, self.insured, self.patient, claim, self.submitted_on, self.directory, self.known
                    )
                )
            except v.Unholdable as problem:
                self.skipped.append(v.SkippedClaim.because(claim.claim_id, problem))

    def _skip(self, problem: v.Unholdable) -> None:
        """Skip the open claim, or every claim under the loop where the problem is, up to the next HL."""
        if self.claim is not None:
            self.skipped.append(v.SkippedClaim.because(self.claim.claim_id, problem))
            self.claim = None
        else:
            level = self.patient or self.insured or self.billing
            if level is None:
                raise problem
            level.problem = problem
        self.skipping = True

    # ---------------------------------------------------------------- levels

    def _hl(self, segment: Segment) -> None:
        self.finish()
        self.skipping = False
        _, number, parent, level = v.padded(segment, 3)[:4]
        if not number or number in self.levels:
            raise segment.error(f"HL01 must be a new hierarchical id, found {number!r}")
        self.levels[number] = level
        if level == "20":
            if parent:
                raise segment.error("a billing provider level (HL03 20) has no parent; HL02 must be empty")
            self.billing, self.insured, self.patient, self.loop = v.BillingLoop(segment), None, None, "2000A"
        elif level == "22":
            if self.billing is None or parent != self.billing.hl.get(1):
                raise segment.error("a subscriber level (HL03 22) must follow its billing provider level (HL02)")
            self.insured, self.patient, self.loop = v.InsuredLoop(segment), None, "2000B"
        elif level == "23":
            if self.insured is None or parent != self.insured.hl.get(1):
                raise segment.error("a patient level (HL03 23) must follow its subscriber level (HL02)")
            self.patient, self.loop = v.PatientLoop(segment), "2000C"
        else:
            raise segment.error(
                f"expected HL03 20 (billing provider), 22 (subscriber) or 23 (patient), found {level!r}"
            )

    def _sbr(self, segment: Segment) -> None:
        if self.claim is not None:
            self.loop = "2320"  # another payer of this claim: Gravida holds only the payer it is sent to
            return
        if self.insured is None or self.loop != "2000B":
            raise segment.error("expected SBR right after a subscriber HL (HL03 22)")
        elements = v.padded(segment, 9)
        self.insured.sbr = segment
        self.insured.is_patient = elements[2] == "18"
        filing = elements[9]
        if not filing:
            raise segment.error("SBR09 (the claim filing indicator code) is required")
        if elements[1] != "P":
            raise v.unholdable(segment, f"SBR01 is {elements[1]!r}; Gravida reads claims to the primary payer (P) only")
        if filing not in v.FILING_INDICATORS:
            raise v.unholdable(segment, f"SBR09 claim filing indicator {filing!r} is not one Gravida holds")
        self.insured.group_number = elements[3] or None
        self.insured.filing_indicator = filing

    def _pat(self, segment: Segment) -> None:
        if self.loop != "2000C" or self.patient is None:
            return  # 2000B PAT (death date, weight, pregnancy flag): not held
        relationship = v.RELATIONSHIPS.get(segment.get(1))
        if relationship is None:
            raise v.unholdable(
                segment,
                f"PAT01 relationship {segment.get(1)!r} is not one Gravida holds (01 spouse, 19 child, G8 other)",
            )
        self.patient.relationship = relationship

    # ---------------------------------------------------------------- names and their details

    def _nm1(self, segment: Segment) -> None:
        elements = v.padded(segment, 9)
        entity = elements[1]
        if self.claim is None:
            if entity == "85" and self.loop == "2000A" and self.billing is not None:
                self.loop = "2010AA"
                self.billing.npi = v.npi(segment, elements, "the billing provider (2010AA NM1*85)")
                if elements[2] == "2":
                    self.billing.name = elements[3]
                else:
                    self.billing.person = v.person(segment, elements, "the billing provider (2010AA NM1*85)")
            elif entity == "IL" and self.insured is not None and self.loop == "2000B":
                if self.insured.sbr is None:
                    raise segment.error("expected SBR before the subscriber name (2000B)")
                self.loop = "2010BA"
                self.insured.name = v.person(segment, elements, "the subscriber (2010BA NM1*IL)")
                self.insured.member_id = elements[9] or None
            elif entity == "PR" and self.insured is not None and self.loop in {"2010BA", "2010BA-other"}:
                self.loop = "2010BB"
                self.insured.payer = {"name": elements[3], "payer_id": elements[9]}
            elif entity == "QC" and self.patient is not None and self.loop == "2000C":
                self.loop = "2010CA"
                self.patient.name = v.person(segment, elements, "the patient (2010CA NM1*QC)")
            else:
                self.loop = "2010BA-other" if self.loop.startswith("2010BA") else "other"
            return
        claim = self.claim
        if self.loop in {"2320", "2330"}:
            self.loop = "2330"  # the other payer's subscriber, payer and providers: not held
        elif entity == "DN" and not claim.lines:
            self.loop = "2310A"
            if elements[8] == "XX":
                claim.referring_npi = v.npi(segment, elements, "the referring provider (2310A NM1*DN)")
                claim.referring_name = v.person(segment, elements, "the referring provider (2310A NM1*DN)")
        elif entity == "82" and not claim.lines:
            self.loop = "2310B"
            claim.rendering = segment
            claim.rendering_npi = v.npi(segment, elements, "the rendering provider (2310B NM1*82)")
            claim.rendering_name = v.person(segment, elements, "the rendering provider (2310B NM1*82)")
        elif entity == "82" and claim.lines:
            line_npi = v.npi(segment, elements, "the line's rendering provider (2420A NM1*82)")
            assert self.billing is not None
            if line_npi != (claim.rendering_npi or self.billing.npi):
                raise v.unholdable(
                    segment, "this line has its own rendering provider; a Gravida claim holds one for all lines"
                )
            self.loop = "2420A"
        else:
            self.loop = "2420-other" if claim.lines else "2310-other"

    def _n3(self, segment: Segment) -> None:
        if self.loop == "2010AA" and self.billing is not None:
            self.billing.address = v.n3(segment)
        elif self.loop == "2010BA" and self.insured is not None:
            self.insured.address = v.n3(segment)
        elif self.loop == "2010BB" and self.insured is not None and self.insured.payer is not None:
            self.insured.payer["address"] = v.n3(segment)
        elif self.loop == "2010CA" and self.patient is not None:
            self.patient.address = v.n3(segment)

    def _n4(self, segment: Segment) -> None:
        if self.loop == "2010AA" and self.billing is not None:
            v.n4(segment, self.billing.address)
        elif self.loop == "2010BA" and self.insured is not None:
            v.n4(segment, self.insured.address)
        elif self.loop == "2010BB" and self.insured is not None and self.insured.payer is not None:
            v.n4(segment, self.insured.payer.get("address"))
        elif self.loop == "2010CA" and self.patient is not None:
            v.n4(segment, self.patient.address)

    def _dmg(self, segment: Segment) -> None:
        target: v.InsuredLoop | v.PatientLoop | None = None
        if self.loop == "2010BA":
            target = self.insured
        elif self.loop == "2010CA":
            target = self.patient
        if target is None:
            return
        elements = v.padded(segment, 3)
        if elements[1] != "D8":
            raise segment.error(f"expected DMG01 D8 (a birth date), found {elements[1]!r}")
        target.birth_date = v.d8_of(segment, 2, elements[2], "birth date")
        target.sex = elements[3] or "U"

    def _ref(self, segment: Segment) -> None:
        _, kind, value = v.padded(segment, 2)[:3]
        if self.loop == "2010AA" and self.billing is not None:
            if kind == "EI":
                self.billing.tax_id = v.tax_id(value)
            elif kind == "SY":
                raise v.unholdable(
                    segment, "the billing provider's tax id is a social security number (REF*SY); Gravida holds an EIN"
                )
        elif self.loop == "2300" and self.claim is not None:
            if kind == "G1":
                self.claim.prior_authorization = value
            elif kind == "F8":
                self.claim.payer_claim_number = value
            elif kind == "EA":
                self.claim.patient_id = value

    def _per(self, segment: Segment) -> None:
        if self.loop == "2010AA" and self.billing is not None:
            for position in (3, 5, 7):
                number = segment.get(position + 1)
                if segment.get(position) == "TE" and len(number) == 10 and ascii_digits(number):
                    self.billing.phone = number
                    return

    def _prv(self, segment: Segment) -> None:
        elements = v.padded(segment, 3)
        if elements[2] != "PXC":
            return
        if self.loop == "2000A" and self.billing is not None:
            self.billing.taxonomy = elements[3]
        elif self.loop == "2310B" and self.claim is not None:
            self.claim.rendering_taxonomy = elements[3]

    # ---------------------------------------------------------------- the claim and its lines

    def _clm(self, segment: Segment) -> None:
        self.finish()
        self.skipping = False
        insured = self.insured
        if insured is None or insured.sbr is None or self.loop in {"2000A", "2010AA"}:
            raise segment.error("expected CLM inside a subscriber (2000B) or patient (2000C) level")
        if self.patient is None and not insured.is_patient:
            raise segment.error("the subscriber is not the patient (SBR02 is not 18), so CLM must follow a 2000C loop")
        elements = v.padded(segment, 5)
        place, qualifier, frequency = [*elements[5].split(self.component), "", "", ""][:3]
        if len(place) != 2 or qualifier != "B" or frequency not in v.FREQUENCIES:
            raise segment.error(
                f"CLM05 must be place of service, B and frequency 1, 7 or 8 (like 11{self.component}B"
                f"{self.component}1), found {elements[5]!r}"
            )
        if not elements[1]:
            raise segment.error("CLM01 (the claim id) is empty")
        total = v.amount_of(segment, 2, elements[2], "total charge")
        self.claim = v.ClaimLoop(segment, elements[1], total, place, v.FREQUENCIES[frequency])
        self.loop = "2300"
        for level in (self.billing, insured, self.patient):
            if level is not None and level.problem is not None:
                raise level.problem

    def _amt(self, segment: Segment) -> None:
        if self.loop == "2300" and self.claim is not None and segment.get(1) == "F5":
            self.claim.amount_paid = v.amount(segment, 2, "patient amount paid")

    def _hi(self, segment: Segment) -> None:
        if self.loop != "2300" or self.claim is None:
            return
        first = segment.get(1).split(self.component)[0]
        if first in v.ICD9_QUALIFIERS:
            raise v.unholdable(
                segment, f"the diagnoses are ICD-9-CM (qualifier {first}); Gravida reads ICD-10-CM diagnoses (ABK/ABF)"
            )
        if first != "ABK":
            return  # condition codes, anesthesia procedures: not held
        if self.claim.diagnoses is not None:
            raise segment.error("a second diagnosis HI (ABK); the claim's diagnoses go in one HI segment")
        codes = []
        for position, element in enumerate(segment.elements[1:], start=1):
            qualifier, _, code = element.partition(self.component)
            expected = "ABK" if position == 1 else "ABF"
            if qualifier != expected or not code:
                raise segment.error(f"element {position} must be {expected}{self.component}code, found {element!r}")
            codes.append(v.dotted(code))
        self.claim.diagnoses = codes

    def _lx(self, segment: Segment) -> None:
        if self.claim is None:
            raise segment.error("expected LX (a service line) inside a claim (after CLM)")
        self._close_line(self.claim)
        self.claim.line_segments.append(segment)
        self.loop = "2400"

    def _sv1(self, segment: Segment) -> None:
        claim = self.claim
        if claim is None or self.loop != "2400" or len(claim.lines) != len(claim.line_segments) - 1:
            raise segment.error("expected SV1 right after LX")
        elements = v.padded(segment, 7)
        procedure = elements[1].split(self.component)
        if len(procedure) < 2 or not procedure[1]:
            raise segment.error(
                f"SV101 must be a qualifier and a procedure code (like HC{self.component}97140), found "
                f"{elements[1]!r}"
            )
        if procedure[0] != "HC":
            raise v.unholdable(segment, f"SV101 qualifier is {procedure[0]!r}; Gravida holds HCPCS/CPT codes (HC)")
        code = procedure[1]
        if len(code) != 5:
            raise v.unholdable(segment, f"procedure code {code!r} is not 5 characters (a CPT or HCPCS code)")
        charge = v.amount_of(segment, 2, elements[2], "line charge")
        units = v.amount_of(segment, 4, elements[4], "units")
        if elements[3] != "UN":
            raise v.unholdable(segment, f"SV103 is {elements[3]!r}; Gravida holds services counted in units (UN)")
        if units != int(units) or not 1 <= units <= 99:
            raise v.unholdable(segment, f"SV104 units must be a whole number from 1 to 99, found {elements[4]!r}")
        if elements[5] and elements[5] != claim.place_of_service:
            raise v.unholdable(
                segment, "this line has its own place of service; a Gravida claim holds one for all lines"
            )
        pointers = []
        for text in elements[7].split(self.component):
            if not (ascii_digits(text) and 1 <= (pointer := int(text)) <= 12):
                raise segment.error(f"SV107 must hold 1 to 4 diagnosis pointers 1-12, found {elements[7]!r}")
            pointers.append(pointer)
        claim.lines.append(
            {
                "code": code,
                "units": int(units),
                "modifiers": list(filter(None, procedure[2:6])),
                "diagnosis_pointers": pointers,
                "charge": charge,
            }
        )

    def _dtp(self, segment: Segment) -> None:
        claim = self.claim
        if (
            self.loop == "2400"
            and claim is not None
            and segment.get(1) == "472"
            and len(claim.dates) < len(claim.lines)
        ):
            claim.dates.append((segment, v.service_date(segment)))

    @staticmethod
    def _close_line(claim: v.ClaimLoop) -> None:
        if not claim.line_segments:
            return
        lx = claim.line_segments[-1]
        if len(claim.lines) != len(claim.line_segments):
            raise lx.error("the service line has no SV1")
        if len(claim.dates) != len(claim.lines):
            raise lx.error("the service line has no date of service (DTP*472)")


_HANDLERS: dict[str, Callable[[DetailReader, Segment], None]] = {
    "HL": DetailReader._hl,
    "SBR": DetailReader._sbr,
    "PAT": DetailReader._pat,
    "NM1": DetailReader._nm1,
    "N3": DetailReader._n3,
    "N4": DetailReader._n4,
    "DMG": DetailReader._dmg,
    "REF": DetailReader._ref,
    "PER": DetailReader._per,
    "PRV": DetailReader._prv,
    "CLM": DetailReader._clm,
    "AMT": DetailReader._amt,
    "HI": DetailReader._hi,
    "LX": DetailReader._lx,
    "SV1": DetailReader._sv1,
    "DTP": DetailReader._dtp,
}
