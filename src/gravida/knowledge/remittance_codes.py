"""What the codes in an 835 mean: CARC, RARC, claim status, adjustment group and PLB reason labels.

The tables live under knowledge/data/remittance/ as ordinary rule files (loaded by the strict loader, each with its
source and verification date), so a label shown to a biller can always be traced to the list it came from. A code
that is not in a table gets a label that says so ("unknown CARC 999 (not in Gravida's table)"): a remittance from a
payer that uses a newer code must still be readable, and the label must not pretend to know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from gravida.domain import Citation
from gravida.knowledge.rules import Rule


class CodeEntry(BaseModel):
    """One code's label, when it needs more than a plain string: a doubt or a note about where it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    uncertain: bool = False
    note: str | None = None


#: The value shape of every `remittance.*` rule: code -> label, or code -> {label, uncertain, note}.
CodeTable = dict[str, str | CodeEntry]

Kind = Literal["carc", "rarc", "claim_status", "group_codes", "plb_reasons"]

#: How each table names its codes in the label of an unknown one.
KIND_NAMES: dict[Kind, str] = {
    "carc": "CARC",
    "rarc": "RARC",
    "claim_status": "claim status",
    "group_codes": "adjustment group",
    "plb_reasons": "PLB reason",
}


@dataclass(frozen=True, slots=True)
class CodeLabel:
    """A code with its label, whether Gravida knows it, and the list the label came from."""

    code: str
    label: str
    known: bool
    uncertain: bool
    citation: Citation | None


class RemittanceCodes:
    """Labels for the codes of an 835, from the newest version of each `remittance.*` table.

    The newest version is used whatever the remittance's date: the X12 lists keep retired codes with their old
    wording, so the current table is the best description of an old code too.
    """

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self._tables: dict[str, tuple[dict[str, CodeEntry], Citation | None, bool]] = {}
        for kind in KIND_NAMES:
            rule = rules.get(f"remittance.{kind}")
            if rule is None or not rule.versions or rule.versions[-1].ended:
                self._tables[kind] = ({}, None, False)
                continue
            newest = rule.versions[-1]
            table: CodeTable = newest.value
            entries = {code: e if isinstance(e, CodeEntry) else CodeEntry(label=e) for code, e in table.items()}
            self._tables[kind] = (entries, newest.source, newest.uncertain or rule.uncertain)

    def describe(self, kind: Kind, code: str) -> CodeLabel:
        """The label of `code` in table `kind`; an unknown code gets a label that says it is unknown."""
        entries, citation, table_uncertain = self._tables[kind]
        key = code.strip().upper()
        entry = entries.get(key)
        if entry is None:
            return CodeLabel(key, f"unknown {KIND_NAMES[kind]} {key} (not in Gravida's table)", False, True, None)
        return CodeLabel(key, entry.label, True, entry.uncertain or table_uncertain, citation)

    def label(self, kind: Kind, code: str) -> str:
        return self.describe(kind, code).label

    def codes(self, kind: Kind) -> frozenset[str]:
        """Every code the table `kind` knows."""
        return frozenset(self._tables[kind][0])


@lru_cache(maxsize=1)
def remittance_codes() -> RemittanceCodes:
    """The bundled tables, read once per process with the same strict loader as every other rule file."""
    # Imported here, not at the top: the loader imports CodeEntry from this module to validate these tables.
    from gravida.knowledge.loader import DATA_DIR, load_rule

    folder = DATA_DIR / "remittance"
    rules = {rule.id: rule for rule in (load_rule(path, DATA_DIR) for path in sorted(folder.glob("*.yaml")))}
    return RemittanceCodes(rules)


def describe_code(kind: Kind, code: str) -> CodeLabel:
    """The label of one remittance code from the bundled tables, e.g. `describe_code("group_codes", "CO")`."""
    return remittance_codes().describe(kind, code)


def describe_carc(code: str) -> CodeLabel:
    """A claim adjustment reason code (CAS02, CAS05, ...): `describe_carc("45").label`."""
    return describe_code("carc", code)


def describe_rarc(code: str) -> CodeLabel:
    """A remittance advice remark code (MOA, MIA, LQ*HE): `describe_rarc("N115").label`."""
    return describe_code("rarc", code)
