"""Narrative notes: a voice-recognition dictation, a DAP (Data/Assessment/Plan) note, and a PT's paragraph note
with clock times for each service.

Why these three: free text is where extractors lose facts that a template would have put on their own line. The
dictation runs sentences together, drops capitals and keeps a few misspellings of everyday words; the DAP note
uses a different heading scheme from SOAP; the paragraph note states minutes only as clock spans.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes.people import clinician
from gravida.blind_notes.services import Clock, Service, massage_visit, pt_visit, say, session_clock
from gravida.blind_notes.styles.common import (
    PRENATAL_COMPLAINTS,
    Visit,
    and_join,
    cap,
    complaint_names,
    detail,
    dos,
    due_date,
    filler,
    finding,
    position,
    positions,
    pregnancy,
    random_ga,
    referral,
    signature,
    typos,
    unused,
    unused_precautions,
)

PT_COMPLAINTS = ("low_back_pain", "pelvic_girdle_pain", "sciatica", "symphysis_pubis_dysfunction")


def write(v: Visit, index: int) -> str:
    return (_dictated, _dap, _pt_paragraph)[index % 3](v)


def _services_sentence(v: Visit, services: list[Service], span: Clock | None = None) -> str:
    clauses = [say(v.rng, v.draft, s, False, span) for s in services]
    if len(clauses) == 1:
        return f"I performed {clauses[0]}."
    middle = "".join(f", {v.choice(('followed by', 'then', 'and then'))} {x}" for x in clauses[1:-1])
    return f"I began with {clauses[0]}{middle}, and finished with {clauses[-1]}."


def _history(v: Visit) -> list[str]:
    """Sentences carrying negated, historical and family statuses, in the words a dictating clinician uses."""
    rng = v.rng
    out = [cap(c.precaution(rng, v.draft, "vaginal_bleeding", "negated",
                            cues=("she denies any {x} or leaking of fluid", "no {x} or cramping reported")))]
    spare = unused(v, ("anxiety", "low_back_pain", "sciatica", "carpal_tunnel", "neck_pain"))
    if spare:
        cues: tuple[str, ...] = ("she has a history of {x}", "she has a h/o {x}")
        if v.patient.gravida > 1:
            cues += ("she had {x} with her first pregnancy which resolved after delivery",)
        out.append(cap(c.condition(rng, v.draft, rng.choice(spare), "historical", cues=cues)))
    if v.chance(0.6):
        pick = rng.choice(unused_precautions(v, ("preeclampsia", "dvt_history", "gestational_hypertension")))
        out.append(cap(c.precaution(rng, v.draft, pick, "family",
                                    cues=("her mother had {x}", "family history is significant for {x} in her sister"),
                                    )))
    return out


def _run_on(v: Visit, sentences: list[str]) -> str:
    """Join sentences the way dictation software leaves them: some run together, some without capitals."""
    out: list[str] = []
    for sentence in sentences:
        sentence = sentence.rstrip(".")
        if out and v.chance(0.3):
            out[-1] = f"{out[-1]} and {sentence[:1].lower()}{sentence[1:]}"
        elif out and v.chance(0.25):
            out.append(sentence[:1].lower() + sentence[1:])
        else:
            out.append(sentence)
    return ". ".join(out) + "."


def _dictated(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("LMT", "LMT", "PT")))
    weeks, days = random_ga(v, 16, 38)
    p = v.patient
    opening = (f"{p.first} {p.last} was seen today {dos(v, ('long',))} for {v.choice(('her', 'a'))} "
               f"{v.choice(('prenatal massage', 'pre-natal massage', 'massage session'))}")
    ga = pregnancy(v, weeks, days if v.chance(0.6) else None)
    about = f"She is a {p.age} year old {v.choice((p.gp, f'G{p.gravida} P{p.para}'))} currently {ga} pregnant"
    if v.chance(0.6):
        about += f" with an EDD of {due_date(v, weeks, days)}"
    names = complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 2), False)
    since = v.choice(("for the past few weeks", "since about 20 weeks", "that is worse in the evenings"))
    complaint = f"She reports {and_join(names)} {since}"
    sentences = [opening, about, complaint]
    if v.chance(0.7):
        score = rng.randint(3, 8)
        v.draft.pain_score(score, "unspecified", "unspecified")
        sentences.append(f"She rates her pain as {score} out of 10 today")
    if v.chance(0.5):
        lims = c.limitations(rng, v.draft, ("sleeping", "standing", "walking", "household_tasks", "driving"), 1, 2)
        sentences.append(f"She is having difficulty with {and_join(lims)}")
    sentences += _history(v)
    placed = position(v, "side_lying", False)
    sentences.append(f"She was positioned {placed}" + ("" if "pillow" in placed else " with pillows for support"))
    sentences.append(_services_sentence(v, massage_visit(rng, "prenatal_massage")))
    if v.chance(0.8):
        sentences.append(c.response(rng, v.draft))
    if v.chance(0.5):
        sentences.append(f"Plan is to continue {c.plan(rng, v.draft, 1, rng.choice((4, 6, None)))}")
    else:
        sentences.append("She will call to schedule her next appointment")
    text = typos(v, _run_on(v, sentences), rng.randint(1, 3))
    tail = v.choice(("This note was dictated using voice recognition software and may contain errors.",
                     "Dictated but not read.", "Dictated, not proofread."))
    return f"{text}\n\n{tail}\n{signature(v, who, v.choice(('esign', 'slash')))}"


def _dap(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks, days = random_ga(v, 14, 37)
    p = v.patient
    head = [f"DAP NOTE - {dos(v)}",
            f"Client: {p.first} {p.last} | {pregnancy(v, weeks, days)} | EDD {due_date(v, weeks, days)}"]
    names = complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 3), True)
    data = [f"Client reports {and_join(names)}."]
    if v.chance(0.6):
        data.append(f"{cap(c.pain(rng, v.draft, rng.randint(2, 7), 'before'))}.")
    data.append(f"{cap(c.precaution(rng, v.draft, 'vaginal_bleeding', 'negated'))}.")
    spare = unused(v, ("sciatica", "carpal_tunnel", "coccyx_pain", "round_ligament_pain"))
    if spare and v.chance(0.6):
        cues = ("advised to contact her OB if {x} develops", "to call her OB should {x} develop")
        data.append(f"Client {c.condition(rng, v.draft, rng.choice(spare), 'hypothetical', cues=cues)}.")
    data.append(f"Positioned {' and '.join(positions(v, ('side_lying', 'semi_reclined', 'seated'), 1, 2, False))}.")
    services = massage_visit(rng, v.choice(("prenatal_massage", "therapeutic_massage")))
    data.append(cap(_services_sentence(v, services)).replace("I began", "Began").replace("I performed", "Performed"))
    assessment = [f"{cap(finding(v, False))} at start of session"]
    if v.chance(0.7):
        assessment.append(c.response(rng, v.draft).rstrip("."))
    if v.chance(0.4):
        assessment.append(c.pain(rng, v.draft, rng.randint(0, 3), "after"))
    plan = [c.goal(rng, v.draft, False) + " (client goal)"] if v.chance(0.5) else []
    if v.chance(0.6):
        plan.append(f"Rebook {c.plan(rng, v.draft, 1, rng.choice((4, 6, 8)))}")
    plan.append(filler(v))
    return "\n".join([*head, "D: " + " ".join(data), "A: " + "; ".join(assessment) + ".", "P: " + ". ".join(plan),
                      signature(v, who, "signed")])


def _pt_paragraph(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("PT", "PTA")))
    weeks, days = random_ga(v, 20, 36)
    span = session_clock(rng)
    p = v.patient
    first = (f"Treatment note {dos(v, ('us', 'us_short'))}. {p.first} ({pregnancy(v, weeks, days)}) returns for PT "
             f"for {and_join(complaint_names(v, PT_COMPLAINTS, rng.randint(1, 2), False))}.")
    if v.chance(0.5):
        first += f" {referral(v, prose=True)}."
    before = rng.randint(2, 7)
    first += f" Today she rates her pain {c.pain(rng, v.draft, before, 'before', scale='nprs')}."
    services = pt_visit(rng, (2, 3), modality=False)
    body: list[str] = []
    for service in services:
        text = say(rng, v.draft, service, False, span)
        extra = detail(v, service)
        body.append(cap(text) + (f" ({extra})" if extra else "") + ".")
    closing: list[str] = []
    if v.chance(0.75):
        closing.append(c.response(rng, v.draft))
    if v.chance(0.6):
        closing.append(f"{cap(c.pain(rng, v.draft, rng.randrange(before), 'after', scale='nprs'))}.")
    poc = c.plan(rng, v.draft, rng.choice((1, 2)), rng.choice((4, 6, 8)))
    closing.append(f"Continue POC {poc}, progress HEP as tolerated.")
    return "\n".join([first, " ".join(body), " ".join(closing), signature(v, who, "esign")])
