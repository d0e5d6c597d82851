"""Units for each coded service, by the method the payer's policy names on the date of service."""

from __future__ import annotations

from gravida.coding.procedures import CodedService
from gravida.coding.units import UnitTable, cms_total_time_units, per_code_units
from gravida.domain import Encounter, Finding, Severity
from gravida.knowledge import Snapshot
from gravida.knowledge.findings import finding

METHOD_NAMES = {"cms": "CMS total-time method", "cpt": "CPT per-code method"}


def unit_table(snapshot: Snapshot) -> UnitTable:
    """The timed-unit table in force on the snapshot's date (built once per stretch of unchanged rules)."""
    rule = snapshot.require("units.timed_unit_table")
    table: UnitTable = snapshot.memo(
        "<unit table>", lambda: UnitTable(rule.value.minutes_per_unit, rule.value.minimum_minutes)
    )
    return table


def assign_units(
    services: list[CodedService], encounter: Encounter, snapshot: Snapshot, out: list[Finding]
) -> dict[str, int]:
    table_rule = snapshot.require("units.timed_unit_table")
    table = unit_table(snapshot)
    method_rule = snapshot.payer_rule("units_method")
    method = method_rule.value if method_rule else "cms"
    units: dict[str, int] = {}

    pooled = {s.code: s.minutes for s in services if s.spec.timed and s.spec.in_total_time}
    separate = {s.code: s.minutes for s in services if s.spec.timed and not s.spec.in_total_time}
    for service in services:
        if not service.spec.timed:
            units[service.code] = 1
        elif service.minutes == 0:
            out.append(
                finding(
                    "coding.units.no_minutes",
                    Severity.ERROR,
                    f"{service.code} is a timed code but no minutes are documented, so no unit can be billed.",
                    fix="Document the direct one-on-one minutes for this code.",
                    basis=table_rule,
                    evidence_items=service.evidence(encounter),
                    carc="CO-16",
                )
            )

    allocation = (cms_total_time_units if method == "cms" else per_code_units)(pooled, table)
    units.update(allocation.units)
    units.update(per_code_units(separate, table).units)
    if pooled:
        detail = ", ".join(f"{code} {minutes} min -> {allocation.units[code]}" for code, minutes in pooled.items())
        out.append(
            finding(
                f"coding.units.{method}",
                Severity.INFO,
                f"{METHOD_NAMES[method]} ({snapshot.payer}): {allocation.total_minutes} timed minutes, "
                f"{allocation.total_units} unit(s): {detail}.",
                basis=method_rule,
            )
        )
    if allocation.tie_broken_between:
        out.append(
            finding(
                "coding.units.tie",
                Severity.WARNING,
                "Codes " + " and ".join(allocation.tie_broken_between) + " have equal leftover minutes; the last unit "
                "went to the code with more minutes in all (then the one listed first). The clinician may choose.",
                fix="Confirm which code the last unit belongs to.",
                basis=method_rule,
            )
        )
    for service in services:
        if service.spec.timed and service.minutes and units.get(service.code, 0) == 0:
            out.append(
                finding(
                    "coding.units.below_threshold",
                    Severity.WARNING,
                    f"{service.code}: {service.minutes} minute(s) do not earn a unit under the {METHOD_NAMES[method]}; "
                    "the line is left off the claim.",
                    basis=method_rule,
                    evidence_items=service.evidence(encounter),
                )
            )
    return units
