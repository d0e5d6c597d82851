"""What every edit reads: the claim, the rules of its date of service, the history, and the day of scrubbing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from gravida.domain.submission import ClaimSubmission, History, SubmittedLine
from gravida.knowledge import Resolved, Snapshot
from gravida.knowledge.ncci import NcciTables
from gravida.knowledge.specs import ProcedureSpec


@dataclass(frozen=True)
class ScrubContext:
    """Inputs of the edits. `today` is passed in (edits read no clock) and stands for the submission date."""

    claim: ClaimSubmission
    snapshot: Snapshot
    history: History
    today: date
    ncci: NcciTables = field(default_factory=lambda: NcciTables([], []))

    @property
    def submitted_on(self) -> date:
        return self.claim.submitted_on or self.today

    def procedure(self, code: str) -> Resolved | None:
        return self.snapshot.procedure(code)

    def spec(self, line: SubmittedLine) -> ProcedureSpec | None:
        resolved = self.snapshot.procedure(line.code)
        return resolved.value if resolved else None

    @cached_property
    def benefits(self) -> frozenset[str]:
        """The benefits this claim's lines count under (massage, therapy, manipulation, ...)."""
        return frozenset(spec.benefit_name for line in self.claim.lines if (spec := self.spec(line)) is not None)

    def payer_rule(self, name: str) -> Resolved | None:
        return self.snapshot.payer_rule(name)
