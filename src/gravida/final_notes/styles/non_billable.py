"""Notes with nothing to bill: cancellations, no-shows, sessions held for a red flag, intake-only visits and
unfinished templates.

Each one names techniques that did not happen (scheduled, held, deferred, unticked), so `techniques` is empty,
`billable` False, and `responded` False (nothing was done to respond to). The facts that are stated (the date,
gestational age, a new precaution, a referral, the plan once cleared) are still labelled.
"""

from __future__ import annotations

from gravida.final_notes import words
from gravida.final_notes.clinical import PRENATAL_CASES, complaint, denial, family, history_items
from gravida.final_notes.draft import Draft
from gravida.final_notes.people import days_before, full_name, npi, visit_date
from gravida.final_notes.styles.common import gestation, join_list
from gravida.synthetic_notes.labels import Credential

_REASONS = ("childcare fell through", "illness (head cold)", "car trouble", "work conflict")
_ROLES: tuple[Credential, ...] = ("LMT", "LMT", "PT")


def write(d: Draft, index: int) -> str:
    layout = (index - 1) % 6
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 3)
    weeks, days = gestation(d, visit, low=14, high=38)
    role = d.pick(_ROLES)
    dos = d.service_date(visit)
    name = full_name(d.rng)
    planned = d.pick(["60 min prenatal massage", "prenatal massage (50 min)", "MLD to bilat LE"] if role == "LMT"
                     else ["STM + ther ex", "ther ex 30 min", "manual therapy + NMR"])
    sign = d.signature(name, role, npi(d.rng) if d.chance(0.5) else None, None, "short")

    if layout == 0:
        reason = d.pick(_REASONS)
        lines = [f"{dos}  Cancellation", f"Pt called 2 hrs before appt to cancel: {reason}.",
                 f"Scheduled service ({planned}) not performed. Rescheduled for next available.",
                 "No charge per late-cancel policy waiver.", sign]
    elif layout == 1:
        concept = d.pick(["vaginal_bleeding", "preeclampsia"])
        ga = d.gestation(weeks, days)
        found = d.concept(concept, "affirmed", register="short")
        extra = denial(d, ["preterm_labor"] if concept == "vaginal_bleeding" else ["vaginal_bleeding"], "short")
        lines = [f"DOS {dos} | GA {ga}",
                 f"Pt arrived reporting {found} since this morning." if concept == "vaginal_bleeding" else
                 f"Pt reports new dx of {found} at OB visit yesterday; no clearance yet.",
                 extra,
                 "SESSION HELD - no treatment provided. Pt advised to go to L&D / contact OB now; OB office notified.",
                 f"Planned {planned} deferred until written clearance received.", sign]
    elif layout == 2:
        case = PRENATAL_CASES[d.pick(sorted(PRENATAL_CASES))]
        ga = d.gestation(weeks, days, "weeks")
        cc = complaint(d, case, "full", None)
        hx = history_items(d, "short", 2)
        neg = denial(d, ["vaginal_bleeding", "placenta_previa"], "short")
        ref = d.referral(full_name(d.rng), d.pick(["CNM", "MD", "NP"]), days_before(visit, d.rng, 2, 20), "short")
        plan = d.plan(1, d.pick([4, 6, 8]), "short")
        lines = [f"INTAKE / CONSULT ONLY - {dos}", ref, f"New client, {ga} pregnant, seeking care for {join_list(cc)}.",
                 "Health history reviewed: " + "; ".join(hx) if hx else "Health history reviewed.", neg,
                 "Consent reviewed; pt to return after provider clearance form is signed.",
                 "No hands-on treatment today.", f"Proposed: {plan} once cleared.", sign]
    elif layout == 3:
        skin = ("[ ]", "[ ]")
        rows = [f"{skin[0]} {words.TECHNIQUES[t][1][0]}" for t in ("prenatal_massage", "hot_pack", "stretching",
                                                                   "effleurage")]
        ga = d.gestation(weeks, days, "wd")
        fam = family(d, d.pick(["preeclampsia", "gestational_hypertension"]), "short")
        lines = [f"Visit date: {dos}    GA: {ga}", "Interventions:", *(f"  {r}" for r in rows),
                 "Positioning:  [ ] SL  [ ] semi-reclined", f"Hx update: {fam}.",
                 "Note: pt left before session began (called away by daycare). Visit not completed.", sign]
    elif layout == 5:
        lines = [f"{dos} NO SHOW", f"Pt did not arrive for scheduled {planned}. Called x2, left VM.",
                 "Second missed visit; attendance policy to be reviewed at next session.", sign]
    else:
        ga = d.gestation(weeks, days)
        worry = d.concept("round_ligament_pain", "affirmed", register="short")
        lines = [f"Telephone note {dos}", f"Pt ({ga}) called re: {worry} since yesterday, no other sx.",
                 denial(d, d.rng.sample(["vaginal_bleeding", "preterm_labor", "preeclampsia"], 2), "short"),
                 f"Advised to discuss w/ OB; {planned} on Friday kept as scheduled.", sign]
    return "\n".join(line for line in lines if line.strip())
