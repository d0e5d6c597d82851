"""FHIR R4B out and back: Claim bundles and ExplanationOfBenefits, validated by the real fhir.resources models."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.explanationofbenefit import ExplanationOfBenefit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import claim_dict
from gravida.domain.encounter import Credential
from gravida.domain.remittance import Adjustment, ClaimPayment, Remark, Remittance, ServicePayment
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.fhir import (
    FhirError,
    claim_from_fhir,
    claim_to_bundle,
    codes,
    eob_from_remittance,
    remittance_claim_from_eob,
)
from gravida.interchange.fhir.codes import dotted
from gravida.synthetic_claims import defect_corpus

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PARTIES: dict[str, Any] = {
    "payer": {
        "name": "Synthetic Health Plan",
        "payer_id": "SYN01",
        "address": {"line1": "1 Payer Way", "city": "Olympia", "state": "WA", "zip": "98501"},
        "filing_indicator": "MB",
    },
    "patient_name": {"last": "Synthetic", "first": "Jane", "middle": "Q"},
    "patient_address": {"line1": "12 Elm St", "line2": "Apt 3", "city": "Tacoma", "state": "WA", "zip": "984021234"},
    "group_number": "GRP1",
    "subscriber": {
        "name": {"last": "Synthetic", "first": "John"},
        "relationship": "spouse",
        "birth_date": "1990-01-01",
        "sex": "M",
        "group_number": "G2",
    },
    "billing_address": {"line1": "5 Clinic Rd", "city": "Seattle", "state": "WA", "zip": "98101"},
    "billing_phone": "2065550100",
    "rendering_name": {"last": "Therapist", "first": "Ann"},
    "rendering_taxonomy": "225100000X",
    "referring_name": {"last": "Midwife", "first": "Kim"},
    "payer_claim_number": "PCN123",
    "amount_paid": 15.5,
}

LINES = [
    {"code": "97140", "units": 3, "modifiers": ["GP", "59"], "diagnosis_pointers": [1, 2], "charge": 100.0},
    {"code": "G0283", "units": 1, "diagnosis_pointers": [3], "charge": 20.33},
]


def full_claim(**overrides: Any) -> ClaimSubmission:
    data = claim_dict(parties=PARTIES, frequency="replacement", plan="hmo", prior_authorization="AUTH1", lines=LINES)
    data.update(overrides)
    return ClaimSubmission.model_validate(data)


def resource(bundle: Bundle, kind: str) -> dict[str, Any]:
    """The JSON of the one entry of this resource type."""
    found = [
        e["resource"] for e in json.loads(bundle.model_dump_json())["entry"] if e["resource"]["resourceType"] == kind
    ]
    assert len(found) == 1, kind
    return found[0]


def by_url(bundle: Bundle) -> dict[str, dict[str, Any]]:
    return {e["fullUrl"]: e["resource"] for e in json.loads(bundle.model_dump_json())["entry"]}


# --- Claim out ------------------------------------------------------------------------------------------------------


def test_claim_carries_the_required_r4b_elements_with_their_code_systems() -> None:
    bundle = claim_to_bundle(full_claim())
    claim = resource(bundle, "Claim")
    assert bundle.type == "collection"
    assert claim["status"] == "active" and claim["use"] == "claim"
    assert claim["type"]["coding"] == [{"system": codes.CLAIM_TYPE, "code": "professional"}]
    assert claim["priority"]["coding"][0]["code"] == "normal"
    assert claim["created"] == "2024-03-20"
    assert claim["identifier"] == [{"system": codes.PATIENT_CONTROL_NUMBER, "value": "SYN-TEST-1-20240312"}]
    assert claim["total"] == {"value": 120.33, "currency": "USD"}
    assert [d["diagnosisCodeableConcept"]["coding"][0] for d in claim["diagnosis"]] == [
        {"system": codes.ICD10CM, "code": code} for code in ("O26.893", "M54.50", "Z3A.28")
    ]
    first, second = claim["item"]
    assert first["productOrService"]["coding"] == [{"system": "http://www.ama-assn.org/go/cpt", "code": "97140"}]
    assert second["productOrService"]["coding"][0]["system"] == codes.HCPCS
    assert [m["coding"][0] for m in first["modifier"]] == [
        {"system": codes.HCPCS, "code": "GP"},
        {"system": "http://www.ama-assn.org/go/cpt", "code": "59"},
    ]
    assert first["quantity"] == {"value": 3} and first["net"] == {"value": 100.0, "currency": "USD"}
    assert "unitPrice" not in first  # 100.00 / 3 is not a whole number of cents
    assert second["unitPrice"] == {"value": 20.33, "currency": "USD"}
    assert first["diagnosisSequence"] == [1, 2] and second["diagnosisSequence"] == [3]
    assert first["servicedDate"] == "2024-03-12"
    assert first["locationCodeableConcept"]["coding"] == [{"system": codes.PLACE_OF_SERVICE, "code": "11"}]
    assert claim["insurance"][0]["preAuthRef"] == ["AUTH1"] and claim["insurance"][0]["focal"] is True
    assert claim["related"][0]["claim"]["identifier"]["value"] == "PCN123"
    assert claim["related"][0]["relationship"]["coding"][0]["code"] == "prior"


def test_claim_references_resolve_to_the_bundle_resources() -> None:
    bundle = claim_to_bundle(full_claim())
    entries = by_url(bundle)
    claim = resource(bundle, "Claim")
    billing = entries[claim["provider"]["reference"]]
    assert billing["resourceType"] == "Organization"
    assert {"system": codes.NPI, "value": "1234567893"}.items() <= billing["identifier"][0].items()
    coverage = entries[claim["insurance"][0]["coverage"]["reference"]]
    assert coverage["subscriberId"] == "1EG4TE5MK73"
    payer = entries[coverage["payor"][0]["reference"]]
    assert payer["name"] == "Synthetic Health Plan" and claim["insurer"] == coverage["payor"][0]
    rendering = entries[claim["careTeam"][0]["provider"]["reference"]]
    assert rendering["resourceType"] == "Practitioner" and rendering["identifier"][0]["system"] == codes.NPI
    assert claim["careTeam"][0]["qualification"]["coding"][0]["code"] == "PT"
    referral = entries[claim["referral"]["reference"]]
    assert referral["resourceType"] == "ServiceRequest" and referral["authoredOn"] == "2024-02-20"
    assert entries[referral["requester"]["reference"]]["identifier"][0]["value"] == "1245319599"
    assert entries[coverage["subscriber"]["reference"]]["resourceType"] == "RelatedPerson"


def test_every_bundle_entry_validates_as_its_own_r4b_resource_and_survives_json_text() -> None:
    bundle = claim_to_bundle(full_claim())
    text = bundle.model_dump_json()
    assert Bundle.model_validate_json(text).model_dump_json() == text
    for entry in json.loads(text)["entry"]:
        kind = entry["resource"]["resourceType"]
        get_fhir_model_class(kind).model_validate(entry["resource"])


def test_the_same_claim_always_gives_the_same_bundle() -> None:
    one, two = claim_to_bundle(full_claim()), claim_to_bundle(full_claim())
    assert one.model_dump_json() == two.model_dump_json()
    other = claim_to_bundle(full_claim(claim_id="ANOTHER"))
    assert not set(by_url(one)) & set(by_url(other))


def test_undotted_diagnoses_go_out_dotted() -> None:
    claim = resource(claim_to_bundle(full_claim(diagnoses=["O26893", "M5450", "Z3A28"])), "Claim")
    assert [d["diagnosisCodeableConcept"]["coding"][0]["code"] for d in claim["diagnosis"]] == [
        "O26.893",
        "M54.50",
        "Z3A.28",
    ]


def test_created_is_the_callers_date_and_required() -> None:
    undated = full_claim(submitted_on=None)
    assert resource(claim_to_bundle(undated, created=date(2024, 4, 1)), "Claim")["created"] == "2024-04-01"
    with pytest.raises(FhirError, match="created"):
        claim_to_bundle(undated)


def test_a_claim_without_parties_still_makes_valid_fhir_and_comes_back() -> None:
    bare = ClaimSubmission.model_validate(claim_dict())
    bundle = claim_to_bundle(bare)
    payer = by_url(bundle)[resource(bundle, "Claim")["insurer"]["reference"]]
    assert payer["identifier"] == [{"system": codes.POLICY_PACK, "value": "medicare"}]
    assert claim_from_fhir(bundle) == bare


# --- Claim back in --------------------------------------------------------------------------------------------------


def test_full_claim_round_trips_from_model_dict_text_and_file(tmp_path: Path) -> None:
    claim = full_claim()
    bundle = claim_to_bundle(claim)
    path = tmp_path / "claim.json"
    path.write_text(bundle.model_dump_json(indent=2))
    for source in (bundle, json.loads(bundle.model_dump_json()), bundle.model_dump_json(), path):
        assert claim_from_fhir(source) == claim


def test_synthetic_corpus_claims_round_trip() -> None:
    for labelled in defect_corpus():
        claim = labelled.submission
        expected = claim.model_copy(update={"diagnoses": tuple(dotted(d) for d in claim.diagnoses)})
        assert claim_from_fhir(claim_to_bundle(claim).model_dump_json()) == expected, labelled.name


CODES = ["97124", "97140", "97530", "97110", "97112", "98940", "97161", "G0283", "0552T"]
MODIFIERS = ["GP", "GO", "59", "XS", "KX", "CQ", "25", "76"]
DIAGNOSES = ["O26.893", "M54.50", "Z3A.28", "O99.891", "G56.01", "O26.713", "Z33.1", "O12.03", "M54.31", "F41.1"]
words = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-", min_size=1, max_size=12)
ids = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=16)
npis = st.from_regex(r"\d{10}", fullmatch=True)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))
states = st.sampled_from(["WA", "TX", "OR", "NY"])


@st.composite
def names(draw: st.DrawFn) -> dict[str, Any]:
    return {"last": draw(words), "first": draw(words), "middle": draw(st.none() | words)}


@st.composite
def addresses(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "line1": f"{draw(st.integers(1, 9999))} {draw(words)} St",
        "line2": draw(st.none() | st.just("Suite 2")),
        "city": draw(st.sampled_from(["Seattle", "Austin", "Tacoma"])),
        "state": draw(states),
        "zip": draw(st.from_regex(r"\d{5}(\d{4})?", fullmatch=True)),
    }


@st.composite
def claim_parties(draw: st.DrawFn) -> dict[str, Any]:
    subscriber = None
    if draw(st.booleans()):
        subscriber = {
            "name": draw(names()),
            "relationship": draw(st.sampled_from(["spouse", "child", "other"])),
            "birth_date": draw(st.none() | days.map(date.isoformat)),
            "sex": draw(st.none() | st.sampled_from(["F", "M", "U"])),
            "address": draw(st.none() | addresses()),
            "group_number": draw(st.none() | ids),
        }
    payer_address = draw(st.none() | addresses())
    filing = draw(st.sampled_from(["MB", "MC", "CI", "BL", "HM"]))
    return {
        "payer": {"name": draw(words), "payer_id": draw(ids.filter(lambda v: len(v) >= 2)), "address": payer_address}
        | {"filing_indicator": filing},
        "patient_name": draw(names()),
        "patient_address": draw(addresses()),
        "group_number": draw(st.none() | ids),
        "subscriber": subscriber,
        "billing_address": draw(addresses()),
        "billing_phone": draw(st.none() | st.from_regex(r"\d{10}", fullmatch=True)),
        "rendering_name": draw(names()),
        "rendering_taxonomy": draw(st.none() | st.just("225100000X")),
        "referring_name": draw(st.none() | names()),
        "payer_claim_number": draw(st.none() | ids),
        "amount_paid": draw(st.integers(0, 50000)) / 100,
    }


@st.composite
def submissions(draw: st.DrawFn) -> ClaimSubmission:
    diagnoses = draw(st.lists(st.sampled_from(DIAGNOSES), min_size=1, max_size=12, unique=True))
    lines = [
        {
            "code": draw(st.sampled_from(CODES)),
            "units": draw(st.integers(1, 8)),
            "modifiers": draw(st.lists(st.sampled_from(MODIFIERS), max_size=4, unique=True)),
            "diagnosis_pointers": draw(
                st.lists(st.integers(1, len(diagnoses)), min_size=1, max_size=min(4, len(diagnoses)), unique=True)
            ),
            "charge": draw(st.integers(0, 200000)) / 100,
        }
        for _ in range(draw(st.integers(1, 5)))
    ]
    dos = draw(days)
    referral = None
    if draw(st.booleans()):
        written = draw(st.none() | st.just(dos - timedelta(days=20)))
        referral = {
            "by_npi": draw(st.none() | npis),
            "by_credential": draw(st.none() | st.sampled_from(["MD", "DO", "CNM", "NP"])),
            "date": written,
            "expires": draw(st.none() | st.just(dos + timedelta(days=90))),
        }
    plan_of_care = None
    if draw(st.booleans()):
        plan_of_care = {
            "start": dos - timedelta(days=10),
            "certified_on": draw(st.none() | st.just(dos - timedelta(days=5))),
            "end": draw(st.none() | st.just(dos + timedelta(days=60))),
        }
    data = {
        "claim_id": draw(ids),
        "payer": draw(st.sampled_from(["medicare", "aetna-style", "commercial-template", "wa-medicaid"])),
        "plan": draw(st.none() | st.sampled_from(["hmo", "ppo"])),
        "date_of_service": dos,
        "submitted_on": draw(st.none() | st.just(dos + timedelta(days=draw(st.integers(0, 60))))),
        "frequency": draw(st.sampled_from(["original", "replacement", "void"])),
        "place_of_service": draw(st.sampled_from(["11", "12", "02", "10", "22"])),
        "billing_provider": {
            "npi": draw(npis),
            "tax_id": draw(st.none() | st.from_regex(r"\d{2}-?\d{7}", fullmatch=True)),
            "name": draw(st.none() | words),
        },
        "rendering_provider": {
            "npi": draw(npis),
            "credential": draw(st.sampled_from(list(Credential))),
            "state": draw(st.none() | states),
        },
        "patient": {
            "id": draw(ids),
            "birth_date": draw(st.none() | days),
            "sex": draw(st.sampled_from(["F", "M", "U"])),
        },
        "subscriber_id": draw(st.none() | ids),
        "referral": referral,
        "plan_of_care": plan_of_care,
        "prior_authorization": draw(st.none() | ids),
        "diagnoses": diagnoses,
        "lines": lines,
        "parties": draw(st.none() | claim_parties()),
    }
    return ClaimSubmission.model_validate(data)


@PROPERTY
@given(submissions())
def test_generated_claims_round_trip_through_fhir_json(claim: ClaimSubmission) -> None:
    created = claim.submitted_on or date(2027, 1, 15)
    text = claim_to_bundle(claim, created=created).model_dump_json()
    assert claim_from_fhir(text) == claim.model_copy(update={"submitted_on": created})


# --- Claim import errors --------------------------------------------------------------------------------------------


def claim_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(claim_to_bundle(full_claim()).model_dump_json())
    return data


def test_non_json_text_and_files_are_refused_with_their_name(tmp_path: Path) -> None:
    with pytest.raises(FhirError, match="is not JSON"):
        claim_from_fhir("ISA*00*~")
    garbage = tmp_path / "claim.json"
    garbage.write_bytes(b"\xff\xfe\x00 not json")
    with pytest.raises(FhirError, match=r"claim\.json"):
        claim_from_fhir(garbage)
    with pytest.raises(FhirError, match="cannot be read"):
        claim_from_fhir(tmp_path / "missing.json")
    with pytest.raises(FhirError, match="not a FHIR resource"):
        claim_from_fhir("[1, 2]")


def test_a_missing_required_element_names_the_resource_and_element() -> None:
    data = claim_json()
    del data["entry"][0]["resource"]["priority"]
    with pytest.raises(FhirError) as caught:
        claim_from_fhir(data)
    assert caught.value.where == "Bundle.entry[0].resource(Claim).priority"
    assert "required element is missing" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_wrong_or_unknown_resource_type_is_refused() -> None:
    patient = resource(claim_to_bundle(full_claim()), "Patient")
    with pytest.raises(FhirError, match="expected a Bundle or a Claim, got a Patient"):
        claim_from_fhir(patient)
    data = claim_json()
    data["entry"][1]["resource"]["resourceType"] = "Patent"
    with pytest.raises(FhirError, match=r"entry\[1\]\.resource\.resourceType: 'Patent' is not a FHIR R4B"):
        claim_from_fhir(data)
    with pytest.raises(FhirError, match="resourceType: required element is missing"):
        claim_from_fhir({"type": "collection"})


def test_invalid_values_are_reported_at_their_path() -> None:
    data = claim_json()
    data["entry"][0]["resource"]["created"] = "20 March 2024"
    with pytest.raises(FhirError, match=r"Bundle\.entry\[0\]\.resource\(Claim\)\.created"):
        claim_from_fhir(json.dumps(data))


def test_a_reference_to_nothing_is_refused() -> None:
    data = claim_json()
    data["entry"][0]["resource"]["patient"]["reference"] = "Patient/nobody"
    with pytest.raises(FhirError, match="'Patient/nobody' names no resource"):
        claim_from_fhir(data)


def test_the_policy_pack_can_be_named_when_the_fhir_lacks_it() -> None:
    data = claim_json()
    payer = next(e["resource"] for e in data["entry"] if e["resource"]["id"] == "payer")
    payer["identifier"] = [i for i in payer["identifier"] if i["system"] != codes.POLICY_PACK]
    with pytest.raises(FhirError, match="policy pack"):
        claim_from_fhir(data)
    assert claim_from_fhir(data, payer="medicare") == full_claim()


def test_fhir_that_is_valid_but_not_a_gravida_claim_says_why() -> None:
    data = claim_json()
    data["entry"][0]["resource"]["item"][0]["servicedDate"] = "2024-03-13"
    with pytest.raises(FhirError, match="dates of service other than 2024-03-12"):
        claim_from_fhir(data)
    data = claim_json()
    del data["entry"][0]["resource"]["item"]
    with pytest.raises(FhirError, match=r"does not make a valid Gravida claim: .*lines"):
        claim_from_fhir(data)


# --- ExplanationOfBenefit -------------------------------------------------------------------------------------------

PAID = ClaimPayment(
    claim_id="SYN-TEST-1-20240312",
    status="1",
    status_label="Processed as primary",
    charge=Decimal("120.00"),
    paid=Decimal("60.50"),
    patient_responsibility=Decimal("20.00"),
    filing_indicator="MB",
    payer_claim_number="PCN9",
    patient_last_name="Synthetic",
    patient_first_name="Jane",
    patient_member_id="1EG4TE5MK73",
    service_from=date(2024, 3, 12),
    service_to=date(2024, 3, 12),
    received_on=date(2024, 3, 20),
    services=(
        ServicePayment(
            code="97140",
            modifiers=("GP",),
            charge=Decimal("120.00"),
            paid=Decimal("60.50"),
            units_paid=Decimal("2"),
            service_date=date(2024, 3, 12),
            control_number="L1",
            allowed=Decimal("80.50"),
            adjustments=(
                Adjustment(group="CO", reason="45", amount=Decimal("39.50"), group_label="Contractual Obligations"),
                Adjustment(group="PR", reason="1", amount=Decimal("20.00"), reason_label="Deductible Amount"),
            ),
            remarks=(Remark(code="N130", label="Consult plan benefit documents"),),
        ),
    ),
)
DENIED = ClaimPayment(
    claim_id="SYN-TEST-2",
    status="4",
    charge=Decimal("58"),
    paid=Decimal("0"),
    adjustments=(Adjustment(group="CO", reason="50", amount=Decimal("58")),),
    remarks=(Remark(code="N115"),),
    services=(
        ServicePayment(
            code="G0283",
            qualifier="HC",
            charge=Decimal("58"),
            paid=Decimal("0"),
            original_code="97014",
            units_billed=Decimal("2"),
        ),
        ServicePayment(code="D0120", qualifier="AD", charge=Decimal("0"), paid=Decimal("0")),
    ),
)
REVERSED = ClaimPayment(claim_id="SYN-TEST-3", status="22", charge=Decimal("-58"), paid=Decimal("-40.10"))
REMITTANCE = Remittance(
    control_number="0001",
    handling="I",
    total_paid=Decimal("20.40"),
    payment_method="ACH",
    payment_date=date(2024, 4, 2),
    trace_number="TRACE-77",
    payer_name="Synthetic Health Plan",
    payer_id="SYN01",
    payee_name="Synthetic Clinic",
    payee_npi="1234567893",
    claims=(PAID, DENIED, REVERSED),
)


def eob_json(payment: ClaimPayment, remittance: Remittance = REMITTANCE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(eob_from_remittance(remittance, payment).model_dump_json())
    return data


def test_eob_carries_outcome_payment_and_adjudication() -> None:
    eob = eob_json(PAID)
    assert (eob["status"], eob["use"], eob["outcome"]) == ("active", "claim", "complete")
    assert eob["type"]["coding"][0]["code"] == "professional"
    assert eob["claim"]["identifier"] == {"system": codes.PATIENT_CONTROL_NUMBER, "value": "SYN-TEST-1-20240312"}
    assert eob["payment"] == {
        "date": "2024-04-02",
        "amount": {"value": 60.5, "currency": "USD"},
        "identifier": {"system": codes.TRACE_NUMBER, "value": "TRACE-77"},
    }
    contained = {r["id"]: r for r in eob["contained"]}
    assert eob["insurer"] == {"reference": "#payer"} and contained["payer"]["name"] == "Synthetic Health Plan"
    assert contained["payee"]["identifier"][0]["value"] == "1234567893"
    assert contained["coverage"]["subscriberId"] == "1EG4TE5MK73"
    item = eob["item"][0]
    by_category = {a["category"]["coding"][0]["code"]: a for a in item["adjudication"]}
    assert by_category["submitted"]["amount"]["value"] == 120
    assert by_category["benefit"]["amount"]["value"] == 60.5
    assert by_category["eligible"]["amount"]["value"] == 80.5
    contractual = by_category["CO"]
    assert contractual["category"]["coding"][0]["system"] == codes.ADJUSTMENT_GROUP
    assert contractual["reason"]["coding"][0] == {"system": codes.CARC, "code": "45"}
    deductible = by_category["deductible"]
    assert deductible["category"]["coding"][0]["system"] == codes.ADJUDICATION
    assert deductible["category"]["coding"][1]["code"] == "PR"
    assert by_category["remark"]["reason"]["coding"][0]["system"] == codes.RARC
    totals = {t["category"]["coding"][0]["code"]: t["amount"]["value"] for t in eob["total"]}
    assert totals == {"submitted": 120, "benefit": 60.5, "patient-responsibility": 20}


def test_a_denied_claim_has_outcome_error_and_its_reasons_at_the_header() -> None:
    eob = eob_json(DENIED)
    assert eob["outcome"] == "error"
    header = eob["adjudication"]
    assert header[0]["reason"]["coding"][0] == {"system": codes.CARC, "code": "50"}
    assert header[1]["reason"]["coding"][0] == {"system": codes.RARC, "code": "N115"}
    assert "system" not in eob["item"][1]["productOrService"]["coding"][0]  # an AD (dental) code is not CPT


@pytest.mark.parametrize("payment", [PAID, DENIED, REVERSED], ids=["paid", "denied", "reversal"])
def test_hand_built_payments_round_trip(payment: ClaimPayment) -> None:
    eob = eob_from_remittance(REMITTANCE, payment)
    text = eob.model_dump_json()
    assert ExplanationOfBenefit.model_validate_json(text).model_dump_json() == text
    assert remittance_claim_from_eob(text) == payment
    assert remittance_claim_from_eob(eob) == payment


def test_a_remittance_without_names_or_dates_still_makes_a_valid_eob() -> None:
    bare = Remittance(control_number="2", handling="H", total_paid=Decimal(0), claims=(REVERSED,))
    with pytest.raises(FhirError, match="created"):
        eob_from_remittance(bare, REVERSED)
    eob = eob_from_remittance(bare, REVERSED, created=date(2024, 5, 1))
    assert eob.insurer.display == "payer not named in the remittance"
    assert remittance_claim_from_eob(eob) == REVERSED


def test_eob_errors_name_what_and_where() -> None:
    with pytest.raises(FhirError, match="not one of this remittance's claims"):
        eob_from_remittance(REMITTANCE.model_copy(update={"claims": (PAID,)}), DENIED)
    data = eob_json(PAID)
    del data["claim"]
    with pytest.raises(FhirError, match=r"ExplanationOfBenefit\.claim: required element is missing"):
        remittance_claim_from_eob(data)
    with pytest.raises(FhirError, match="expected a Bundle or an ExplanationOfBenefit, got a Claim"):
        remittance_claim_from_eob(resource(claim_to_bundle(full_claim()), "Claim"))
    data = eob_json(PAID)
    del data["insurer"]
    with pytest.raises(FhirError, match=r"ExplanationOfBenefit\.insurer: required element is missing"):
        remittance_claim_from_eob(json.dumps(data))


money = st.integers(-100000, 1000000).map(lambda cents: Decimal(cents) / 100)
labels = st.sampled_from(["", "Deductible Amount", "Contractual Obligations"])


@st.composite
def adjustments(draw: st.DrawFn) -> Adjustment:
    return Adjustment(
        group=draw(st.sampled_from(["CO", "PR", "OA", "PI", "CR"])),
        reason=draw(st.sampled_from(["1", "2", "3", "45", "50", "97", "B7", "197"])),
        amount=draw(money),
        units=draw(st.none() | st.integers(1, 4).map(Decimal)),
        group_label=draw(labels),
        reason_label=draw(labels),
    )


remarks = st.builds(Remark, code=st.sampled_from(["N130", "M51", "N115", "MA01"]), label=st.sampled_from(["", "x"]))


@st.composite
def services(draw: st.DrawFn) -> ServicePayment:
    return ServicePayment(
        code=draw(st.sampled_from([*CODES, "D0120"])),
        qualifier=draw(st.sampled_from(["HC", "HC", "AD", "N4"])),
        modifiers=tuple(draw(st.lists(st.sampled_from(MODIFIERS), max_size=4, unique=True))),
        charge=draw(money),
        paid=draw(money),
        units_paid=draw(st.none() | st.integers(0, 8).map(Decimal)),
        original_code=draw(st.none() | st.sampled_from(CODES)),
        units_billed=draw(st.none() | st.integers(1, 8).map(Decimal)),
        service_date=draw(st.none() | days),
        service_through=draw(st.none() | days),
        original_modifiers=tuple(draw(st.lists(st.sampled_from(MODIFIERS), max_size=2, unique=True))),
        revenue_code=draw(st.none() | st.sampled_from(["0420", "0424", "0300"])),
        control_number=draw(st.none() | ids),
        allowed=draw(st.none() | money),
        adjustments=tuple(draw(st.lists(adjustments(), max_size=4))),
        remarks=tuple(draw(st.lists(remarks, max_size=3))),
    )


@st.composite
def payments(draw: st.DrawFn) -> ClaimPayment:
    return ClaimPayment(
        claim_id=draw(ids),
        status=draw(st.sampled_from(["1", "2", "3", "4", "19", "22"])),
        status_label=draw(st.sampled_from(["", "Denied", "Processed as Primary"])),
        charge=draw(money),
        paid=draw(money),
        patient_responsibility=draw(st.none() | money),
        filing_indicator=draw(st.none() | st.sampled_from(["MB", "CI", "MC"])),
        payer_claim_number=draw(st.none() | ids),
        patient_last_name=draw(st.none() | words),
        patient_first_name=draw(st.none() | words),
        patient_member_id=draw(st.none() | ids),
        service_from=draw(st.none() | days),
        service_to=draw(st.none() | days),
        received_on=draw(st.none() | days),
        facility_code=draw(st.none() | st.sampled_from(["11", "12", "13", "02"])),
        frequency_code=draw(st.none() | st.sampled_from(["1", "7", "8"])),
        drg_code=draw(st.none() | st.sampled_from(["775", "807"])),
        drg_weight=draw(st.none() | st.integers(1, 40000).map(lambda n: Decimal(n) / 10000)),
        discharge_fraction=draw(st.none() | st.integers(0, 100).map(lambda n: Decimal(n) / 100)),
        insured_member_id=draw(st.none() | ids),
        rendering_provider_id=draw(st.none() | npis | ids),
        adjustments=tuple(draw(st.lists(adjustments(), max_size=3))),
        remarks=tuple(draw(st.lists(remarks, max_size=3))),
        services=tuple(draw(st.lists(services(), max_size=4))),
    )


@PROPERTY
@given(payments())
def test_generated_payments_round_trip_through_eob_json(payment: ClaimPayment) -> None:
    """Every field of an 835 claim payment survives: ids, codes, amounts, the insured, the rendering provider."""
    remittance = REMITTANCE.model_copy(update={"claims": (payment,)})
    text = eob_from_remittance(remittance, payment).model_dump_json()
    assert remittance_claim_from_eob(text) == payment
