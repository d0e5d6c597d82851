"""The labelled corpus: the labelled claim type, the clean claims beyond the defects, and defect_corpus()."""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from gravida.domain.submission import ClaimSubmission, History
from gravida.synthetic_claims.catalog import _AET, _AUTHORIZED, _CPT, _HIG, _MCR, _OPT, _PRE, _SELF, _TX, _WA
from gravida.synthetic_claims.clean import _clean, _Draft
from gravida.synthetic_claims.defects import _DEFECTS

DEFAULT_SEED = 2026


@dataclass(frozen=True)
class CorpusClaim:
    """One labelled claim: what is wrong with it, and the edit that must say so (None: nothing is wrong).

    `derived_from` is the claim id of the clean corpus claim a defect was made from (None for clean claims), so a
    comparison can tell what a tool says about the defect from what it says about the claim anyway.
    """

    name: str
    submission: ClaimSubmission
    history: History
    today: date
    expected_rule_id: str | None
    derived_from: str | None = None

    @property
    def is_clean(self) -> bool:
        return self.expected_rule_id is None


_PACKS: tuple[tuple[str, str | None], ...] = (
    (_MCR, None),
    (_AET, None),
    (_PRE, None),
    (_HIG, None),
    (_OPT, None),
    ("commercial-template", "ppo"),
    ("commercial-template", "hmo"),
    (_WA, None),
    (_TX, None),
    (_SELF, None),
    (_CPT, None),
)
#: Clean claims beyond the defects' own originals: three for every payer pack and plan, with whatever visit fits,
#: and a few visits the defects do not start from.
_EXTRA_CLEAN: tuple[dict[str, Any], ...] = (
    *({"payer": payer, "plan": plan} for payer, plan in _PACKS for _ in range(3)),
    {"payer": _MCR, "menu": "manipulation"},
    {"payer": _HIG, "menu": "manipulation+massage"},
    {"payer": _MCR, "menu": "evaluation"},
    {"payer": _MCR, "menu": "manual+activities", "credential": "OT"},
    {"payer": "commercial-template", "plan": "ppo", "menu": "self-care+massage", "visits_used": _AUTHORIZED},
)


def _freeze(draft: _Draft, name: str, expected: str | None, derived_from: str | None) -> CorpusClaim:
    return CorpusClaim(
        name=name,
        submission=ClaimSubmission.model_validate(draft.claim),
        history=History.model_validate(draft.history),
        today=draft.today,
        expected_rule_id=expected,
        derived_from=derived_from,
    )


def _clean_claim(draft: _Draft) -> CorpusClaim:
    return _freeze(draft, f"Nothing is wrong: {draft.summary}.", None, None)


def _with_medicare_assistant(rng: random.Random, draft: _Draft) -> None:
    """Some clean Medicare therapy lines from 2020 on were furnished partly by a PTA: CQ beside GP is right."""
    if draft.claim["payer"] != "medicare" or draft.claim["rendering_provider"]["credential"] != "PT":
        return
    line = draft.lines[-1]
    if "GP" in line["modifiers"] and rng.random() < 0.25:
        line["modifiers"].append("CQ")
        draft.summary += " (a PTA furnished part of the last line: CQ)"


def defect_corpus(seed: int = DEFAULT_SEED) -> list[CorpusClaim]:
    """The labelled corpus for a seed: each defect's clean original, then the defect; then more clean claims.

    Every claim is synthetic. A defect claim has exactly one known defect, named in a full sentence, and the rule id
    of the edit that must report it; its claim id is its original's with "-D" added.
    """
    rng = random.Random(seed)
    corpus: list[CorpusClaim] = []
    number = 0
    for defect in _DEFECTS:
        number += 1
        base = _clean(rng, number, **defect.recipe)
        original = _clean_claim(base)
        corpus.append(original)
        mutated = copy.deepcopy(base)
        mutated.claim["claim_id"] += "-D"
        problem = defect.mutate(rng, mutated)
        corpus.append(_freeze(mutated, f"{problem} ({base.summary}).", defect.rule_id, original.submission.claim_id))
    for recipe in _EXTRA_CLEAN:
        number += 1
        draft = _clean(rng, number, **recipe)
        _with_medicare_assistant(rng, draft)
        corpus.append(_clean_claim(draft))
    return corpus
