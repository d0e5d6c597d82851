"""The claim (2100) and service line (2110) loops of an 835: CLP with its CAS, NM1, MOA/MIA and DTM; SVC with its
DTM, CAS, REF, AMT and LQ.

Values are collected in plain builders while the segments stream past, and frozen into domain models when the loop
closes, so a segment that arrives out of place can still be refused with its number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gravida.domain.remittance import Adjustment, ClaimPayment, Remark, ServicePayment
from gravida.interchange.x12.r835_values import (
    SERVICE_QUALIFIERS,
    Context,
    amount,
    check_width,
    element,
    optional,
    optional_amount,
    optional_date,
    optional_quantity,
    place,
    required,
)
from gravida.interchange.x12.tokens import Segment

GROUP_CODES = frozenset({"CO", "OA", "PI", "PR", "CR"})
_CAS_TRIPLETS = 6


def adjustments(context: Context, segment: Segment) -> list[Adjustment]:
    """One CAS: a group code and up to six (reason, amount, quantity) triplets."""
    check_width(segment, 1 + 3 * _CAS_TRIPLETS)
    group = required(segment, 1, "claim adjustment group code")
    if group not in GROUP_CODES:
        raise segment.error(f"CAS01 {group!r} is not an adjustment group code (CO, OA, PI, PR)")
    group_label = context.label("group_codes", group)
    elements = segment.elements
    found = []
    for first in range(2, len(elements), 3):
        reason = elements[first].strip()
        money = elements[first + 1].strip() if first + 1 < len(elements) else ""
        units = elements[first + 2].strip() if first + 2 < len(elements) else ""
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
            Adjustment(
                group=group,
                reason=reason,
                amount=amount(segment, first + 1, "adjustment amount"),
                units=optional_quantity(segment, first + 2) if units else None,
                group_label=group_label,
                reason_label=context.label("carc", reason),
            )
        )
    if not found:
        raise segment.error("CAS02 (the first adjustment reason code) is required but empty")
    return found


def remark(context: Context, code: str) -> Remark:
    return Remark(code=code, label=context.label("rarc", code))


@dataclass
class ServiceBuilder:
    """A 2110 loop under construction."""

    segment: Segment
    fields: dict[str, Any]
    adjustments: list[Adjustment] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)

    def build(self) -> ServicePayment:
        return ServicePayment(**self.fields, adjustments=tuple(self.adjustments), remarks=tuple(self.remarks))


def _procedure(context: Context, segment: Segment, position: int) -> tuple[str, str, tuple[str, ...]]:
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
    return qualifier, code, tuple(m.strip() for m in parts[2:6] if m.strip())


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
    if element(segment, 1) in SERVICE_QUALIFIERS:
        segment = _realign_bare_qualifier(context, segment)
    qualifier, code, modifiers = _procedure(context, segment, 1)
    fields: dict[str, Any] = {
        "code": code,
        "qualifier": qualifier,
        "modifiers": modifiers,
        "charge": amount(segment, 2, "line item charge amount"),
        "paid": amount(segment, 3, "line item provider payment amount"),
        "revenue_code": optional(segment, 4),
        "units_paid": optional_quantity(segment, 5),
        "units_billed": optional_quantity(segment, 7),
    }
    if element(segment, 6):
        _, original, original_modifiers = _procedure(context, segment, 6)
        fields["original_code"] = original
        fields["original_modifiers"] = original_modifiers
    return ServiceBuilder(segment, fields)


def service_segment(context: Context, builder: ServiceBuilder, segment: Segment) -> bool:
    """Read a segment of the 2110 loop into `builder`; False when it does not belong to a service line."""
    kind = segment.id
    if kind == "CAS":
        builder.adjustments.extend(adjustments(context, segment))
    elif kind == "DTM":
        qualifier = element(segment, 1)
        day = optional_date(context, segment, 2)
        if qualifier in ("472", "150"):
            builder.fields["service_date"] = day
        elif qualifier == "151":
            builder.fields["service_through"] = day
    elif kind == "REF":
        if element(segment, 1) == "6R":
            builder.fields["control_number"] = optional(segment, 2)
    elif kind == "AMT":
        if element(segment, 1) == "B6":
            builder.fields["allowed"] = amount(segment, 2, "allowed amount")
    elif kind == "LQ":
        code = required(segment, 2, "remark code")
        if element(segment, 1) == "RX":
            builder.remarks.append(Remark(code=code, label=f"NCPDP reject reason {code}"))
        else:
            builder.remarks.append(remark(context, code))
    elif kind != "QTY":
        return False
    return True


@dataclass
class ClaimBuilder:
    """A 2100 loop under construction, with its service lines."""

    segment: Segment
    fields: dict[str, Any]
    adjustments: list[Adjustment] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    services: list[ServicePayment] = field(default_factory=list)
    service: ServiceBuilder | None = None

    def close_service(self) -> None:
        if self.service is not None:
            self.services.append(self.service.build())
            self.service = None

    def build(self) -> ClaimPayment:
        self.close_service()
        return ClaimPayment(
            **self.fields,
            adjustments=tuple(self.adjustments),
            remarks=tuple(self.remarks),
            services=tuple(self.services),
        )


def start_claim(context: Context, segment: Segment) -> ClaimBuilder:
    """CLP: every element the 005010X221A1 guide uses (CLP10 is not used there)."""
    check_width(segment, 14)
    status = required(segment, 2, "claim status code")
    fields: dict[str, Any] = {
        "claim_id": required(segment, 1, "patient control number"),
        "status": status,
        "status_label": context.label("claim_status", status),
        "charge": amount(segment, 3, "total claim charge amount"),
        "paid": amount(segment, 4, "claim payment amount"),
        "patient_responsibility": optional_amount(segment, 5),
        "filing_indicator": optional(segment, 6),
        "payer_claim_number": optional(segment, 7),
        "facility_code": optional(segment, 8),
        "frequency_code": optional(segment, 9),
        "drg_code": optional(segment, 11),
        "drg_weight": optional_quantity(segment, 12),
        "discharge_fraction": optional_quantity(segment, 13),
    }
    return ClaimBuilder(segment, fields)


_CLAIM_DATES = {"232": "service_from", "233": "service_to", "050": "received_on"}
_MOA_REMARKS = (3, 4, 5, 6, 7)
_MIA_REMARKS = (5, 20, 21, 22, 23)


def claim_segment(context: Context, builder: ClaimBuilder, segment: Segment) -> bool:
    """Read a segment of the 2100 loop into `builder`; False when it does not belong to a claim."""
    kind = segment.id
    if kind == "CAS":
        builder.adjustments.extend(adjustments(context, segment))
    elif kind == "NM1":
        _person(builder.fields, segment)
    elif kind in ("MOA", "MIA"):
        for position in _MOA_REMARKS if kind == "MOA" else _MIA_REMARKS:
            code = element(segment, position)
            if code:
                builder.remarks.append(remark(context, code))
    elif kind == "DTM":
        name = _CLAIM_DATES.get(element(segment, 1))
        day: date | None = optional_date(context, segment, 2)
        if name is not None:
            builder.fields[name] = day
    elif kind not in ("REF", "PER", "AMT", "QTY"):
        return False
    return True


def _person(fields: dict[str, Any], segment: Segment) -> None:
    role = element(segment, 1)
    identifier = optional(segment, 9)
    if role == "QC":
        fields["patient_last_name"] = optional(segment, 3)
        fields["patient_first_name"] = optional(segment, 4)
        fields["patient_member_id"] = identifier
    elif role == "IL":
        fields["insured_member_id"] = identifier
    elif role == "82":
        fields["rendering_provider_id"] = identifier
