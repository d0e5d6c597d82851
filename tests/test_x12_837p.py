"""The 837P writer and reader: pyx12 validates every file the tests write, claims survive the round trip, the
public samples are read (or refused) with the segment and the reason, and malformed files get an X12Error.

Expected segments and sample outcomes were worked out by hand from the implementation guide's loop order and the
sample files themselves.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gravida.domain.encounter import Credential, Provider
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.x12 import (
    Claim837Error,
    Directory,
    Envelope,
    X12Error,
    carried_by_837p,
    read_837p,
    write_837p,
)
from gravida.synthetic_claims.parties import claims_with_parties, clean_claims_with_parties
from pyx12_check import pyx12_errors

SAMPLES = Path("/work/shared/x12-samples")
if not SAMPLES.is_dir():
    SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "x12-samples"

ENVELOPE = Envelope(
    sender_id="SYNSENDER",
    receiver_id="SYNRECEIVER",
    submitter_name="SYNTHETIC BILLING",
    submitter_contact="Avery Testwell",
    submitter_phone="2065550100",
    receiver_name="SYNTHETIC CLEARINGHOUSE",
    interchange_control_number=42,
    created=datetime(2024, 10, 17, 9, 30),
)
SENT_ON = ENVELOPE.created.date()


# --- pyx12, the independent validator --------------------------------------------------------------------------


def test_pyx12_finds_errors_so_a_clean_result_means_something() -> None:
    text = write_837p(clean_claims_with_parties()[:1], ENVELOPE).replace("*UN*", "*XX*", 1)
    assert any("SV103" in error for error in pyx12_errors(text))


# --- claims to write -------------------------------------------------------------------------------------------


def insured_corpus() -> list[ClaimSubmission]:
    """The defect corpus's clean claims with parties, less the self-pay ones (no 837P goes to nobody)."""
    return [claim for claim in clean_claims_with_parties() if claim.payer != "self-pay"]


HAND_CLAIM: dict[str, Any] = {
    "claim_id": "SYN-HAND-1",
    "payer": "aetna-style",
    "date_of_service": "2024-03-12",
    "submitted_on": "2024-10-17",
    "frequency": "replacement",
    "billing_provider": {"npi": "1234567893", "tax_id": "12-3456789", "name": "Maple Bodywork (synthetic)"},
    "rendering_provider": {"npi": "1679576722", "credential": "PT", "state": "WA"},
    "patient": {"id": "SYN-PAT-1", "birth_date": "1992-05-01", "sex": "F"},
    "subscriber_id": "SYNMEMBER01",
    "referral": {"by_npi": "1245319599", "by_credential": "CNM"},
    "prior_authorization": "AUTH-777",
    "diagnoses": ["O26.893", "M54.50", "Z3A.28"],
    "lines": [
        {"code": "97140", "units": 2, "modifiers": ["GP", "59"], "diagnosis_pointers": [1, 2], "charge": 120.0},
        {"code": "97124", "units": 1, "modifiers": ["GP"], "diagnosis_pointers": [1, 3], "charge": 65.5},
    ],
    "parties": {
        "payer": {
            "name": "Synthetic Aetna-style payer",
            "payer_id": "SYN-AETNA",
            "address": {"line1": "200 Sample Ave", "city": "Portland", "state": "OR", "zip": "97201"},
        },
        "patient_name": {"last": "Sampleton", "first": "Riley", "middle": "A"},
        "patient_address": {
            "line1": "300 Testing Rd",
            "line2": "Suite 101",
            "city": "Portland",
            "state": "OR",
            "zip": "97202",
        },
        "subscriber": {
            "name": {"last": "Sampleton", "first": "Jordan"},
            "relationship": "spouse",
            "group_number": "GRP000123",
        },
        "billing_address": {"line1": "100 Example St", "city": "Seattle", "state": "WA", "zip": "981010001"},
        "billing_phone": "2065550123",
        "rendering_name": {"last": "Fakename", "first": "Quinn"},
        "rendering_taxonomy": "225100000X",
        "referring_name": {"last": "Placeholder", "first": "Casey"},
        "payer_claim_number": "SYNPCN000000042",
        "amount_paid": 20.0,
    },
}

#: The file for HAND_CLAIM, segment by segment, in the guide's loop order (worked out by hand).
HAND_FILE = """\
ISA*00*          *00*          *ZZ*SYNSENDER      *ZZ*SYNRECEIVER    *241017*0930*^*00501*000000042*0*T*:~
GS*HC*SYNSENDER*SYNRECEIVER*20241017*0930*42*X*005010X222A1~
ST*837*0001*005010X222A1~
BHT*0019*00*42*20241017*0930*CH~
NM1*41*2*SYNTHETIC BILLING*****46*SYNSENDER~
PER*IC*Avery Testwell*TE*2065550100~
NM1*40*2*SYNTHETIC CLEARINGHOUSE*****46*SYNRECEIVER~
HL*1**20*1~
NM1*85*2*Maple Bodywork (synthetic)*****XX*1234567893~
N3*100 Example St~
N4*Seattle*WA*981010001~
REF*EI*123456789~
PER*IC**TE*2065550123~
HL*2*1*22*1~
SBR*P**GRP000123******CI~
NM1*IL*1*Sampleton*Jordan****MI*SYNMEMBER01~
NM1*PR*2*Synthetic Aetna-style payer*****PI*SYN-AETNA~
N3*200 Sample Ave~
N4*Portland*OR*97201~
HL*3*2*23*0~
PAT*01~
NM1*QC*1*Sampleton*Riley*A~
N3*300 Testing Rd*Suite 101~
N4*Portland*OR*97202~
DMG*D8*19920501*F~
CLM*SYN-HAND-1*185.5***11:B:7*Y*A*Y*Y~
AMT*F5*20~
REF*G1*AUTH-777~
REF*F8*SYNPCN000000042~
REF*EA*SYN-PAT-1~
HI*ABK:O26893*ABF:M5450*ABF:Z3A28~
NM1*DN*1*Placeholder*Casey****XX*1245319599~
NM1*82*1*Fakename*Quinn****XX*1679576722~
PRV*PE*PXC*225100000X~
LX*1~
SV1*HC:97140:GP:59*120*UN*2***1:2~
DTP*472*D8*20240312~
LX*2~
SV1*HC:97124:GP*65.5*UN*1***1:3~
DTP*472*D8*20240312~
SE*39*0001~
GE*1*42~
IEA*1*000000042~
"""


def hand_claim(**changes: Any) -> ClaimSubmission:
    return ClaimSubmission.model_validate({**HAND_CLAIM, **changes})


def test_the_hand_built_claim_is_written_segment_for_segment() -> None:
    assert write_837p([hand_claim()], ENVELOPE, line_breaks=True) == HAND_FILE
    assert write_837p([hand_claim()], ENVELOPE) == HAND_FILE.replace("\n", "")


def test_the_hand_built_claim_passes_pyx12_and_reads_back() -> None:
    assert pyx12_errors(HAND_FILE) == []
    claim = hand_claim()
    read = read_837p(HAND_FILE, Directory.of([claim]))
    assert read.envelope == ENVELOPE
    assert read.claims == (carried_by_837p(claim, SENT_ON),)
    assert read.skipped == () and read.warnings == ()


# --- pyx12 on what the writer writes ---------------------------------------------------------------------------


def _mixed(claims: list[ClaimSubmission]) -> None:
    """The batch holds what the 837P must get right: originals, replacements, dependants, referrals, auths."""
    assert {claim.frequency for claim in claims} >= {"original", "replacement"}
    assert any(claim.parties is not None and claim.parties.subscriber is not None for claim in claims)
    assert any(claim.parties is not None and claim.parties.subscriber is None for claim in claims)
    assert any(claim.referral is not None and claim.referral.by_npi for claim in claims)
    assert any(claim.prior_authorization for claim in claims)
    assert any(len(line.modifiers) > 1 for claim in claims for line in claim.lines)


@pytest.mark.parametrize("seed", [1, 7, 2024])
def test_batches_of_synthetic_claims_pass_pyx12_with_zero_errors(seed: int) -> None:
    claims = claims_with_parties(120, seed)
    _mixed(claims)
    text = write_837p(claims, ENVELOPE.model_copy(update={"interchange_control_number": seed}))
    assert pyx12_errors(text) == []
    providers = len(re.findall(r"~HL\*\d+\*\*20\*1~", text))
    assert providers == 2  # claims_with_parties(120) comes from two practices, in blocks
    assert text.count("~CLM*") == 120 and text.count("~HL*") == providers + 120 + text.count("~PAT*")


@pytest.mark.parametrize("seed", [3, 11])
def test_one_claim_files_pass_pyx12_for_a_subscriber_and_for_a_dependant(seed: int) -> None:
    claims = claims_with_parties(60, seed)
    dependant = next(claim for claim in claims if claim.parties is not None and claim.parties.subscriber)
    insured = next(claim for claim in claims if claim.parties is not None and not claim.parties.subscriber)
    replacement = next(claim for claim in claims if claim.frequency == "replacement")
    files = [write_837p([claim], ENVELOPE) for claim in (dependant, insured, replacement)]
    assert "~HL*3*2*23*0~PAT*" in files[0] and "*23*" not in files[1]
    assert ":B:7*" in files[2] and "~REF*F8*" in files[2]
    for text in files:
        assert pyx12_errors(text) == []


def test_the_defect_corpus_clean_claims_pass_pyx12_in_several_transaction_sets() -> None:
    claims = insured_corpus()
    text = write_837p(claims, ENVELOPE, line_breaks=True, claims_per_transaction=50)
    assert [line for line in text.splitlines() if line.startswith("ST*")] == [
        "ST*837*0001*005010X222A1~",
        "ST*837*0002*005010X222A1~",
        "ST*837*0003*005010X222A1~",
    ]
    assert text.splitlines()[-2:] == ["GE*3*42~", "IEA*1*000000042~"]
    assert pyx12_errors(text) == []
    assert read_837p(text, Directory.of(claims)).claims == tuple(carried_by_837p(c, SENT_ON) for c in claims)


def test_a_solo_provider_billing_under_their_own_npi_is_the_billing_provider() -> None:
    solo = hand_claim(
        billing_provider={"npi": "1679576722", "tax_id": "12-3456789"},
        frequency="original",
        parties={**HAND_CLAIM["parties"], "payer_claim_number": None, "subscriber": None, "group_number": "GRP000123"},
    )
    text = write_837p([solo], ENVELOPE, line_breaks=True)
    assert "PRV*BI*PXC*225100000X~\nNM1*85*1*Fakename*Quinn****XX*1679576722~" in text
    assert "NM1*82" not in text and "PAT*" not in text and "SBR*P*18*GRP000123" in text
    assert pyx12_errors(text) == []
    assert read_837p(text, Directory.of([solo])).claims == (carried_by_837p(solo, SENT_ON),)


# --- what the writer refuses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"parties": None}, "parties", "required for the 837P"),
        (
            {"parties": {**HAND_CLAIM["parties"], "payer_claim_number": None}},
            "parties.payer_claim_number",
            "REF*F8",
        ),
        (
            {
                "parties": {
                    **HAND_CLAIM["parties"],
                    "billing_address": {"line1": "PO Box 12", "city": "Seattle", "state": "WA", "zip": "981010001"},
                }
            },
            "parties.billing_address.line1",
            "PO box",
        ),
        (
            {"parties": {**HAND_CLAIM["parties"], "patient_name": {"last": "Samp*leton", "first": "Riley"}}},
            "parties.patient_name.last",
            "cannot carry",
        ),
        ({"subscriber_id": None}, "subscriber_id", "member id"),
        ({"subscriber_id": "X"}, "subscriber_id", "at least 2"),
        ({"billing_provider": {"npi": "1234567893", "name": "Maple"}}, "billing_provider.tax_id", "REF*EI"),
        (
            {"lines": [{**HAND_CLAIM["lines"][0], "charge": 12.345}]},
            "lines[0].charge",
            "whole cents",
        ),
        ({"patient": {"id": "SYN-PAT-1"}}, "patient.birth_date", "DMG"),
    ],
)
def test_a_claim_the_837p_cannot_carry_is_refused_naming_the_claim_field_and_loop(
    changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(Claim837Error) as caught:
        write_837p([hand_claim(**changes)], ENVELOPE)
    assert caught.value.field == field and caught.value.claim_id == "SYN-HAND-1"
    assert words in str(caught.value) and str(caught.value).startswith("claim SYN-HAND-1: ")


def test_an_empty_batch_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one claim"):
        write_837p([], ENVELOPE)


# --- the round trip --------------------------------------------------------------------------------------------


def test_the_corpus_round_trips_with_a_directory_and_reads_without_one() -> None:
    claims = claims_with_parties(200, 5)
    text = write_837p(claims, ENVELOPE)
    read = read_837p(text, Directory.of(claims))
    assert read.claims == tuple(carried_by_837p(claim, SENT_ON) for claim in claims)
    bare = read_837p(text)
    assert len(bare.claims) + len(bare.skipped) == len(claims)
    for claim in bare.claims:  # credential from the NUCC taxonomy, the payer id as the pack
        assert claim.parties is not None and claim.parties.rendering_taxonomy is not None
        assert claim.payer == claim.parties.payer.payer_id and claim.rendering_provider.state is None
    for skipped in bare.skipped:
        assert skipped.segment_id == "NM1" and "add the provider to the directory" in skipped.reason
    assert {c.rendering_provider.credential for c in bare.claims} <= {Credential.PT, Credential.OT, Credential.DC}


_TEXT = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,'-&#/()", min_size=1, max_size=20
).filter(lambda value: len(value.strip()) >= 2)
_MODIFIERS = st.lists(st.sampled_from(["GP", "GO", "59", "XS", "KX", "CQ", "AT", "25", "TC"]), max_size=4, unique=True)


@st.composite
def batches(draw: st.DrawFn) -> list[ClaimSubmission]:
    """Synthetic claims with parties, varied where the 837P has choices: frequency, who is insured, amounts, names,
    modifiers, units and pointers, authorizations, the patient's payment, solo providers."""
    count = draw(st.integers(1, 3))
    claims = []
    for base in claims_with_parties(count, draw(st.integers(0, 10_000))):
        data = base.model_dump()
        parties = data["parties"]
        diagnoses = len(data["diagnoses"])
        data["lines"] = [
            {
                **line,
                "units": draw(st.integers(1, 99)),
                "modifiers": draw(_MODIFIERS),
                "diagnosis_pointers": draw(st.lists(st.integers(1, diagnoses), min_size=1, max_size=4, unique=True)),
                "charge": draw(st.integers(0, 10**7)) / 100,
            }
            for line in data["lines"]
        ]
        data["frequency"] = draw(st.sampled_from(["original", "original", "replacement", "void"]))
        parties["payer_claim_number"] = None if data["frequency"] == "original" else draw(_TEXT)
        data["prior_authorization"] = draw(st.none() | _TEXT)
        parties["amount_paid"] = draw(st.integers(0, 10**5)) / 100
        parties["patient_name"] = {"last": draw(_TEXT), "first": draw(_TEXT), "middle": draw(st.none() | _TEXT)}
        if draw(st.booleans()):
            parties["subscriber"] = {
                "name": {"last": draw(_TEXT), "first": draw(_TEXT)},
                "relationship": draw(st.sampled_from(["spouse", "child", "other"])),
                "group_number": draw(st.none() | _TEXT),
            }
            parties["group_number"] = None
        else:
            parties["subscriber"] = None
        if draw(st.booleans()):  # a provider billing alone, under their own NPI
            data["billing_provider"] = {
                **data["billing_provider"],
                "npi": data["rendering_provider"]["npi"],
                "name": None,
            }
        claims.append(ClaimSubmission.model_validate(data))
    return claims


def test_claims_survive_write_then_read_and_every_file_passes_pyx12() -> None:
    written: list[str] = []
    numbers = itertools.count(1)

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(batches())
    def round_trip(claims: list[ClaimSubmission]) -> None:
        envelope = ENVELOPE.model_copy(update={"interchange_control_number": next(numbers)})
        text = write_837p(claims, envelope)
        written.append(text)
        directory = Directory.of(claims)
        carried = [carried_by_837p(claim, SENT_ON) for claim in claims]
        read = read_837p(text, directory)
        assert read.envelope == envelope and read.skipped == ()
        assert read.claims == tuple(carried)
        assert read_837p(write_837p(carried, envelope), directory).claims == tuple(carried)  # unchanged, exactly

    round_trip()
    assert len(written) >= 50
    assert pyx12_errors("".join(written)) == []  # one pyx12 run over every interchange the property wrote


def test_carried_by_837p_drops_only_what_an_837p_has_no_place_for() -> None:
    claim = hand_claim(
        referral={"by_npi": "1245319599", "by_credential": "CNM", "date": "2024-02-20", "expires": "2024-08-20"},
        plan_of_care={"start": "2024-02-26", "certified_on": "2024-03-01"},
        diagnoses=["o26893", "M54.50", "Z3A.28"],
        billing_provider={"npi": "1234567893", "tax_id": "123456789", "name": "Maple Bodywork (synthetic)"},
        submitted_on="2024-03-20",
    )
    carried = carried_by_837p(claim, SENT_ON)
    assert carried.referral is not None and carried.referral.date is None and carried.referral.by_npi == "1245319599"
    assert carried.plan_of_care is None and carried.submitted_on == SENT_ON
    assert carried.diagnoses == ("O26.893", "M54.50", "Z3A.28") and carried.billing_provider.tax_id == "12-3456789"
    changed = {"referral", "plan_of_care", "submitted_on", "diagnoses", "billing_provider"}
    assert carried.model_dump(exclude=changed) == claim.model_dump(exclude=changed)


def test_the_directory_refuses_claims_that_disagree() -> None:
    claim = hand_claim()
    other_pack = hand_claim(payer="optum-style")
    with pytest.raises(ValueError, match="payer id 'SYN-AETNA'"):
        Directory.of([claim, other_pack])
    moved = hand_claim(rendering_provider={"npi": "1679576722", "credential": "OT", "state": "WA"})
    with pytest.raises(ValueError, match="NPI 1679576722"):
        Directory.of([claim, moved])


def test_an_unknown_provider_takes_the_directory_default_and_an_unknown_payer_keeps_its_id() -> None:
    claim = hand_claim(parties={**HAND_CLAIM["parties"], "rendering_taxonomy": None})
    text = write_837p([claim], ENVELOPE)
    skipped = read_837p(text).skipped
    assert [(s.claim_id, s.segment_number, s.segment_id) for s in skipped] == [("SYN-HAND-1", 33, "NM1")]
    read = read_837p(text, Directory(default_credential=Credential.LMT))
    assert read.claims[0].rendering_provider == Provider(npi="1679576722", credential=Credential.LMT)
    assert read.claims[0].payer == "SYN-AETNA" and read.claims[0].plan is None
    assert read.claims[0].referral is not None and read.claims[0].referral.by_credential is None


# --- the public samples ----------------------------------------------------------------------------------------

#: file -> the X12Error (segment number, words of the message), or the claims skipped (CLM01, segment, words).
#: Read off the files by hand; pyx12 4.0.0 also fails every file given an X12Error here (see the samples README).
SAMPLE_ERRORS: dict[str, tuple[int, str]] = {
    "837p_ims_NEG_missing_elements.x12": (7, "expected NM102 2, found ''"),
    "837p_ims_valid.x12": (22, "so CLM must follow a 2000C loop"),
    "837p_lfh_ambulance.example5.x12": (23, "found '41::1'"),
    "837p_lfh_example11.x12": (21, "found '11>B>1'"),
    "837p_lfh_example6.x12": (21, "found '11>B>1'"),
    "837p_lfh_example9.x12": (20, "found '22>B>1'"),
}
SAMPLE_SKIPS: dict[str, tuple[str, int, str]] = {
    "837p_lfh_autoaccident.x12": ("900000032", 14, "SBR09 claim filing indicator 'AM'"),
    "837p_lfh_cob.example3.A.x12": ("26407789", 32, "ICD-9-CM"),
    "837p_lfh_cob.example4.x12": ("101KEN6055", 14, "primary payer (P) only"),
    "837p_lfh_drug.example10.1.x12": ("CLMNO12345", 21, "ICD-9-CM"),
    "837p_lfh_example1.x12": ("26463774", 29, "ICD-9-CM"),
    "837p_lfh_example2.x12": ("26462967", 27, "ICD-9-CM"),
    "837p_lfh_example7.x12": ("R03996273 #01", 21, "ICD-9-CM"),
    "837p_lfh_example8.x12": ("SMI123", 23, "ICD-9-CM"),
}


def test_every_837p_sample_has_an_expected_outcome() -> None:
    assert sorted(path.name for path in SAMPLES.glob("837p_*.x12")) == sorted({**SAMPLE_ERRORS, **SAMPLE_SKIPS})


@pytest.mark.parametrize("name", sorted(SAMPLE_ERRORS))
def test_malformed_samples_are_refused_at_the_segment_at_fault(name: str) -> None:
    number, words = SAMPLE_ERRORS[name]
    with pytest.raises(X12Error) as caught:
        read_837p((SAMPLES / name).read_text())
    assert caught.value.segment_number == number and words in str(caught.value)
    assert str(caught.value).startswith(f"segment {number} (")


@pytest.mark.parametrize("name", sorted(SAMPLE_SKIPS))
def test_samples_gravida_cannot_hold_are_read_with_each_claim_skipped_and_why(name: str) -> None:
    claim_id, number, words = SAMPLE_SKIPS[name]
    read = read_837p((SAMPLES / name).read_text())
    assert read.claims == ()
    assert [(s.claim_id, s.segment_number) for s in read.skipped] == [(claim_id, number)]
    assert words in read.skipped[0].reason
    assert read.warnings == ("segment 2 (GS): the group declares 005010X222A2; read as 005010X222A1",)
    assert read.envelope.interchange_control_number == 907 and read.envelope.sender_qualifier == "30"


def _as_icd10(name: str) -> str:
    """A sample with its ICD-9 qualifiers (BK/BF) restated as ICD-10 ones, to reach the loops after HI."""
    return re.sub(r"\*B([KF]):", r"*AB\1:", (SAMPLES / name).read_text())


def test_real_world_loops_gravida_does_not_hold_are_read_past() -> None:
    """cob.example3.A has a pay-to loop, a payer REF, a service facility and another payer (2320/2330)."""
    read = read_837p(_as_icd10("837p_lfh_cob.example3.A.x12"), Directory(default_credential=Credential.MD))
    (claim,) = read.claims
    assert claim.parties is not None and claim.parties.subscriber is not None
    assert (claim.claim_id, claim.date_of_service, claim.submitted_on) == (
        "26407789",
        date(2005, 10, 3),
        date(2005, 10, 15),
    )
    assert claim.parties.patient_name.first == "TED" and claim.parties.subscriber.relationship == "child"
    assert claim.parties.subscriber.birth_date == "1943-05-01" and claim.subscriber_id == "111223333"
    assert claim.billing_provider.name is None and claim.billing_provider.tax_id == "12-3456789"
    assert claim.parties.payer.payer_id == "999996666" and claim.parties.payer.address is not None
    assert claim.rendering_provider.npi == "1999996666" and claim.parties.rendering_taxonomy == "204C00000X"
    assert [(line.code, line.charge, line.diagnosis_pointers) for line in claim.lines] == [
        ("99213", 43.0, (1, 2, 3, 4)),
        ("90782", 15.0, (1, 2)),
        ("J3301", 21.04, (1, 2)),
    ]
    drug = read_837p(_as_icd10("837p_lfh_drug.example10.1.x12"), Directory(default_credential=Credential.MD))
    assert [line.code for line in drug.claims[0].lines] == ["90782", "J1550"]  # LIN/CTP drug detail read past


# --- malformed files -------------------------------------------------------------------------------------------

SMALL = write_837p([hand_claim()], ENVELOPE, line_breaks=True)
SMALL_LINES = SMALL.splitlines()


def _replace(old: str, new: str) -> str:
    assert SMALL.count(old) == 1, old
    return SMALL.replace(old, new)


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        ("\n".join(SMALL_LINES[:30]), 31, "the file ends after segment 30 (REF); expected SE"),
        (SMALL[: len(SMALL) // 2], None, ""),
        (_replace("SE*39*0001", "SE*40*0001"), 41, "SE01 says 40 segment(s), but there are 39"),
        (_replace("SE*39*0001", "SE*39*0002"), 41, "does not match the control number '0001' of the ST at segment 3"),
        (_replace("GE*1*42", "GE*2*42"), 42, "GE01 says 2 transaction set(s), but there are 1"),
        (_replace("GE*1*42", "GE*1*43"), 42, "control number '42' of the GS at segment 2"),
        (_replace("IEA*1*000000042", "IEA*2*000000042"), 43, "IEA01 says 2 functional group(s), but there are 1"),
        (_replace("IEA*1*000000042", "IEA*1*000000043"), 43, "'000000042' of the ISA at segment 1"),
        (_replace("IEA*1*000000042~", "IEA*1*000000042~\nGE*1*42~"), 44, "expected the end of the file"),
        (_replace("11:B:7", ""), 26, "CLM05 must be place of service, B and frequency"),
        (_replace("CLM*SYN-HAND-1*", "CLM**"), 26, "CLM01 (the claim id) is empty"),
        (_replace("CLM*SYN-HAND-1*185.5*", "CLM*SYN-HAND-1**"), 26, "element 2 (total charge) must be an amount"),
        (_replace("SV1*HC:97124:GP*65.5*UN*1***1:3~\n", ""), 38, "the service line has no SV1"),
        (_replace("DTP*472*D8*20240312~\nLX*2", "LX*2"), 35, "no date of service (DTP*472)"),
        (_replace("SV1*HC:97124:GP*65.5*UN*1***1:3", "SV1*HC:97124:GP*65.5*UN*1***A"), 39, "diagnosis pointers"),
        (_replace("DMG*D8*19920501", "DMG*D8*19921301"), 25, "not a calendar date: '19921301'"),
        (_replace("HL*3*2*23*0", "HL*2*2*23*0"), 20, "HL01 must be a new hierarchical id, found '2'"),
        (_replace("HL*3*2*23*0", "HL*3*1*23*0"), 20, "must follow its subscriber level"),
        (_replace("BHT*0019*00*42*20241017*0930*CH~\n", ""), 4, "expected BHT"),
        (_replace("PAT*01~", "PAT*01~\nXYZ*1~"), 22, "XYZ is not a segment of the 837P"),
        (_replace("ST*837*", "ST*835*"), 3, "not an 837"),
        (_replace("GS*HC*", "GS*HP*"), 2, "an 835 remittance (GS01 HP)"),
        (_replace("*00501*", "*00401*"), 1, "ISA12 is '00401'"),
        ("", 1, "expected an ISA interchange header"),
        ("this is not an X12 file at all, just words", 1, "expected an ISA interchange header"),
        ("ST*837*0001*005010X222A1~BHT*0019~", 1, "a bare transaction set without its ISA/GS envelope"),
        (SMALL_LINES[0][:60], 1, "the ISA header is 60 characters long"),
    ],
)
def test_malformed_files_raise_x12_error_naming_the_segment_and_what_was_expected(
    text: str, number: int | None, words: str
) -> None:
    with pytest.raises(X12Error) as caught:
        read_837p(text)
    if number is not None:
        assert caught.value.segment_number == number, str(caught.value)
        assert words in str(caught.value), str(caught.value)


_SEGMENT_EDITS = st.sampled_from(["drop", "duplicate", "cut", "blank element", "swap"])


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(SMALL_LINES) - 1), _SEGMENT_EDITS, st.integers(0, 200))
def test_a_damaged_file_is_read_or_refused_with_x12_error_never_a_traceback(index: int, edit: str, at: int) -> None:
    lines = list(SMALL_LINES)
    if edit == "drop":
        del lines[index]
    elif edit == "duplicate":
        lines.insert(index, lines[index])
    elif edit == "cut":
        lines[index] = lines[index][: at % max(1, len(lines[index]))] + "~"
    elif edit == "blank element":
        elements = lines[index].rstrip("~").split("*")
        elements[at % len(elements)] = ""
        lines[index] = "*".join(elements) + "~"
    else:
        lines[index], lines[(index + at) % len(lines)] = lines[(index + at) % len(lines)], lines[index]
    try:
        read = read_837p("\n".join(lines), Directory.of([hand_claim()]))
    except X12Error as error:
        assert error.segment_number is not None and str(error).startswith(f"segment {error.segment_number}")
    else:
        assert len(read.claims) + len(read.skipped) <= 1


# --- parts validated once per read ----------------------------------------------------------------------------


def _edited(text: str, edit: Any) -> str:
    """`text` with `edit(elements)` applied to every segment (the elements as a list, edited in place)."""
    segments = []
    for segment in text.split("~"):
        elements = segment.split("*")
        edit(elements)
        segments.append("*".join(elements))
    return "~".join(segments)


def test_a_repeated_part_that_fails_validation_is_reported_in_each_claim_as_the_claim_reports_it() -> None:
    """The billing provider's tax id is validated once for all its claims; when it fails, each claim says so
    exactly as a claim validated on its own does."""
    claims = claims_with_parties(12, 4)

    def short_tax_id(elements: list[str]) -> None:
        if elements[:2] == ["REF", "EI"]:
            elements[2] = "12345"

    read = read_837p(_edited(write_837p(claims, ENVELOPE), short_tax_id), Directory.of(claims))
    assert not read.claims and len(read.skipped) == len(claims)
    reasons = {skipped.reason for skipped in read.skipped}
    assert len(reasons) == 1 and reasons.pop().startswith("Gravida cannot hold this claim: billing_provider.tax_id:")


def test_lines_validated_once_keep_the_charge_as_written() -> None:
    """Lines alike but for a charge of 0 and of -0 (-0.0 == 0.0): each keeps its own."""
    claims = claims_with_parties(6, 3)
    lines = itertools.count()

    def zero_charges(elements: list[str]) -> None:
        if elements[0] == "CLM":
            elements[2] = "0"
        elif elements[0] == "SV1":
            elements[1:5] = ["HC:97140:GP", "-0" if next(lines) % 2 else "0", "UN", "1"]
            elements[7] = "1"

    read = read_837p(_edited(write_837p(claims, ENVELOPE), zero_charges), Directory.of(claims))
    charges = [repr(line.charge) for claim in read.claims for line in claim.lines]
    assert "-0.0" in charges and "0.0" in charges and not read.skipped


@pytest.mark.parametrize(("old", "new"), [("***1:2~", "***1:²~"), ("*000000042*", "*00000004³*")])
def test_digits_int_cannot_read_are_refused_with_their_segment(old: str, new: str) -> None:
    """'²' passes str.isdigit but not int(): a damaged pointer or control number is an X12Error, not a traceback."""
    text = write_837p([hand_claim()], ENVELOPE)
    assert text.count(old) == 1
    damaged = text.replace(old, new)
    with pytest.raises(X12Error, match=r"segment \d+"):
        read_837p(damaged)
