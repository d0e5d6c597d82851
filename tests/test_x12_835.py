"""The 835 reader against the public samples, a hand-built remittance, malformed variants, fuzzed variants and a
seeded synthetic file.

Values asserted against the sample files were read off the files by hand (claim ids, totals, CAS amounts).
"""

from __future__ import annotations

import importlib.util
import io
import logging
import sys
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from gravida.domain.remittance import Adjustment, ClaimPayment, Remark, Remittance, ServicePayment
from gravida.interchange.x12 import X12Error, balance_problems, read_835, read_835_file
from gravida.knowledge.remittance_codes import describe_carc, describe_code, describe_rarc, remittance_codes

SAMPLES = Path("/work/shared/x12-samples")
if not SAMPLES.is_dir():
    SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "x12-samples"
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
D = Decimal


def sample(name: str) -> str:
    return (SAMPLES / name).read_text()


def load_benchmark(name: str) -> ModuleType:
    """A module of benchmarks/ (not a package), loaded by path."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# --- the public samples ----------------------------------------------------------------------------------------

Carc = tuple[str, str, Decimal]
#: file, claim ids (CLP01), BPR02, sum of CLP04, sum of PLB amounts, the first CAS triplet of the file (claim or
#: line level, in file order), number of warnings. All read off the files by hand.
SAMPLE_TOTALS: list[tuple[str, list[str], Decimal, Decimal, Decimal, Carc, int]] = [
    ("835_lfh_cob-contractural-adjustment.x12", ["0001000055"], D("34.00"), D("34.00"), D(0),
     ("OA", "23", D("516.00")), 2),
    ("835_lfh_managed-care.x12", ["5554555444", "8765432112"], D("945.00"), D("945.00"), D(0),
     ("CO", "A2", D("50.00")), 1),
    ("835_lfh_medicare-part-a.x12", ["666123", "777777"], D("150000.00"), D("149998.73"), D("-1.27"),
     ("CO", "45", D("73348.57")), 0),
    ("835_lfh_secondary-payment.x12", ["L0004828311", "0001000053"], D("1222.00"), D("1222.00"), D(0),
     ("OA", "23", D("9411.64")), 3),
    ("835_lfh_tertiary-payment.x12", ["0001000054"], D("187.50"), D("187.50"), D(0), ("OA", "23", D("1579.00")), 2),
]  # fmt: skip
BARE_SAMPLE = "835_edi835parser_blue_cross_nc_sample.x12"


def test_the_table_covers_every_835_in_the_shared_samples() -> None:
    on_disk = {path.name for path in SAMPLES.glob("835_*.x12")}
    assert on_disk == {row[0] for row in SAMPLE_TOTALS} | {BARE_SAMPLE}


@pytest.mark.parametrize(("name", "claim_ids", "total", "claims_paid", "plb", "first_cas", "warnings"), SAMPLE_TOTALS)
def test_every_enveloped_sample_reads_with_its_totals_and_balances(
    name: str, claim_ids: list[str], total: Decimal, claims_paid: Decimal, plb: Decimal, first_cas: Carc, warnings: int
) -> None:
    [remittance] = read_835(sample(name))
    assert [c.claim_id for c in remittance.claims] == claim_ids
    assert remittance.total_paid == total
    assert sum((c.paid for c in remittance.claims), D(0)) == claims_paid
    assert sum((p.amount for p in remittance.provider_adjustments), D(0)) == plb
    first = remittance.claims[0].all_adjustments[0]
    assert (first.group, first.reason, first.amount) == first_cas
    assert first.reason_label and not first.reason_label.startswith("unknown")
    assert len(remittance.warnings) == warnings, remittance.warnings
    assert balance_problems(remittance) == []


def test_a_sample_read_from_its_file_equals_the_text_read() -> None:
    path = SAMPLES / "835_lfh_medicare-part-a.x12"
    assert read_835_file(path) == read_835(path.read_text())


def test_the_bare_transaction_set_without_isa_is_refused_with_a_clear_message() -> None:
    with pytest.raises(X12Error) as caught:
        read_835(sample(BARE_SAMPLE))
    assert caught.value.segment_number == 1
    assert "bare transaction set" in str(caught.value) and "ISA" in str(caught.value)


def test_managed_care_sample_reads_header_claims_lines_and_labels() -> None:
    [remittance] = read_835(sample("835_lfh_managed-care.x12"))
    assert (remittance.control_number, remittance.handling, remittance.payment_method) == ("112233", "I", "ACH")
    assert remittance.trace_number == "7170066655"
    assert (remittance.payer_name, remittance.payee_name) == ("RUSHMORE LIFE", "ACME MEDICAL CENTER")
    assert (remittance.payee_npi, remittance.payee_tax_id) == ("5544667733", "777667755")
    assert remittance.production_date == date(2002, 3, 14)
    assert remittance.payment_date is None, "BPR16 20002316 is no calendar date"
    assert any("BPR16 '20002316' is not a calendar date" in w for w in remittance.warnings)
    first, second = remittance.claims
    assert (first.status, first.status_label) == ("1", "Processed as primary")
    assert (first.charge, first.paid, first.patient_responsibility) == (D("800.00"), D("450.00"), D("300.00"))
    assert (first.filing_indicator, first.payer_claim_number) == ("12", "94060555410000")
    assert (first.patient_last_name, first.patient_member_id) == ("BUDD", "33344555510")
    assert [(a.group, a.reason, a.amount) for a in first.adjustments] == [("CO", "A2", D("50.00"))]
    [line] = first.services
    assert (line.qualifier, line.code, line.charge, line.paid) == ("HC", "99211", D("800.00"), D("500.00"))
    assert (line.service_date, line.service_through) == (date(2002, 3, 1), date(2002, 3, 4))
    assert [(a.group, a.reason, a.amount) for a in line.adjustments] == [("PR", "1", D("300.00"))]
    assert line.adjustments[0].reason_label == "Deductible amount."
    assert line.adjustments[0].group_label.startswith("Patient responsibility")
    assert [(a.group, a.reason, a.amount) for a in second.services[0].adjustments] == [
        ("PR", "1", D("600.00")),
        ("CO", "45", D("50.00")),
    ]


def test_cob_sample_reads_a_negative_adjustment_and_the_stray_component_separator() -> None:
    [remittance] = read_835(sample("835_lfh_cob-contractural-adjustment.x12"))
    [claim] = remittance.claims
    assert (claim.status_label, claim.service_from, claim.service_to) == (
        "Processed as secondary",
        date(2005, 2, 2),
        date(2005, 2, 2),
    )
    assert claim.rendering_provider_id == "34426"
    [line] = claim.services
    assert (line.code, line.units_paid, line.allowed) == ("55669", D("1.00"), D("550.00"))
    assert [(a.group, a.reason, a.amount) for a in line.adjustments] == [
        ("OA", "23", D("516.00")),
        ("OA", "94", D("-9.00")),
    ]
    assert remittance.payment_date is None
    warnings = " | ".join(remittance.warnings)
    assert "SVC01 'HC>55669' separates its parts with '>'" in warnings
    assert "BPR15 holds '20050318'" in warnings


def test_medicare_sample_reads_plb_moa_and_payer_id() -> None:
    [remittance] = read_835(sample("835_lfh_medicare-part-a.x12"))
    assert (remittance.handling, remittance.payment_date, remittance.payer_id) == ("C", date(2002, 9, 13), "999")
    first, second = remittance.claims
    assert (first.filing_indicator, first.facility_code, first.frequency_code) == ("MA", "11", "1")
    assert (first.patient_last_name, first.patient_member_id) == ("JONES", "666666666A")
    assert [r.code for r in second.remarks] == ["MA02"]
    assert second.remarks[0].label.startswith("Alert: if you do not agree")
    [plb] = remittance.provider_adjustments
    assert (plb.provider_id, plb.fiscal_period_end, plb.reason, plb.reference, plb.amount) == (
        "6543210903",
        date(2002, 12, 31),
        "CV",
        "CP",
        D("-1.27"),
    )
    assert plb.reason_label == "Capital passthru"


def test_secondary_sample_reads_modifiers_revenue_code_and_multi_triplet_cas() -> None:
    [remittance] = read_835(sample("835_lfh_secondary-payment.x12"))
    first, second = remittance.claims
    assert first.services == () and first.adjustments[0].amount == D("9411.64")
    line1, line2 = second.services
    assert (line1.code, line1.modifiers, line1.charge, line1.paid) == ("12345", ("26",), D("166.50"), D("30.00"))
    assert (line2.revenue_code, line2.units_paid) == ("220", D("1.00"))
    assert [(a.group, a.reason, a.amount) for a in line2.adjustments] == [
        ("PR", "1", D("150.00")),
        ("PR", "2", D("70.00")),
        ("CO", "42", D("85.00")),
    ]


def test_tertiary_sample_reads_a_code_written_outside_its_composite_with_a_warning() -> None:
    [remittance] = read_835(sample("835_lfh_tertiary-payment.x12"))
    [line] = remittance.claims[0].services
    assert (line.code, line.charge, line.paid, line.units_paid) == ("24599.00", D("1766.50"), D("187.50"), D("1"))
    assert any("SVC01 'HC' names no procedure code" in w for w in remittance.warnings)


def test_every_code_in_the_samples_has_a_label_in_the_tables() -> None:
    codes = remittance_codes()
    for name, *_rest in SAMPLE_TOTALS:
        for remittance in read_835(sample(name)):
            for claim in remittance.claims:
                assert claim.status in codes.codes("claim_status")
                for adjustment in claim.all_adjustments:
                    assert adjustment.reason in codes.codes("carc"), (name, adjustment.reason)
                    assert adjustment.group in codes.codes("group_codes")
                assert {r.code for r in claim.remarks} <= codes.codes("rarc")
            assert {p.reason for p in remittance.provider_adjustments} <= codes.codes("plb_reasons")


def test_common_therapy_denial_codes_are_in_the_tables_and_unknown_codes_say_so() -> None:
    codes = remittance_codes()
    carcs = {"1", "2", "3", "4", "5", "16", "18", "22", "23", "29", "45", "50", "96", "97", "109", "119", "151"}
    carcs |= {"167", "170", "185", "197", "204", "242", "252", "253"}
    rarcs = {"N4", "N115", "N130", "M20", "M51", "M76", "MA04", "MA130", "N29", "N362", "N657", "N640", "N641"}
    assert carcs <= codes.codes("carc") and rarcs <= codes.codes("rarc")
    unknown = codes.describe("carc", "999")
    assert (unknown.known, unknown.label) == (False, "unknown CARC 999 (not in Gravida's table)")
    assert codes.describe("rarc", "N29").uncertain, "N29 was not found on the list copy used"
    assert codes.describe("carc", "45").citation is not None


def test_describe_carc_and_rarc_give_the_label_whether_known_and_the_source() -> None:
    carc = describe_carc(" 45 ")
    assert (carc.code, carc.known) == ("45", True)
    assert carc.label.startswith("Charge exceeds fee schedule")
    assert carc.citation is not None and "x12.org" in str(carc.citation.url)
    rarc = describe_rarc("n115")
    assert (rarc.code, rarc.known) == ("N115", True)
    assert rarc.label.startswith("This decision was based on a Local Coverage")
    assert describe_rarc("ZZ999").known is False
    assert describe_code("group_codes", "PR").label.startswith("Patient responsibility")


# --- a hand-built, conformant remittance -----------------------------------------------------------------------

ISA = "ISA*00*          *00*          *ZZ*SYNTHPAYER     *ZZ*GRAVIDA        *240315*1200*^*00501*000000042*0*T*:"
#: The body of the transaction set (between ST and SE). ST is segment 3, so BODY[i] is segment i + 4.
BODY = [
    "BPR*I*152.50*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20240315",  # 4
    "TRN*1*EFT0001*1512345678",  # 5
    "DTM*405*20240314",  # 6
    "N1*PR*SYNTHETIC HEALTH PLAN",  # 7
    "N3*100 EXAMPLE WAY",  # 8
    "N4*SEATTLE*WA*98101",  # 9
    "REF*2U*SYN01",  # 10
    "N1*PE*GRAVIDA TEST CLINIC*XX*1234567893",  # 11
    "REF*TJ*123456789",  # 12
    "LX*1",  # 13
    "CLP*SYN-TEST-1-20240312*1*240.00*150.00*30.00*12*PAYER0001*11*1",  # 14
    "NM1*QC*1*DOE*JANE****MI*MEM001",  # 15
    "DTM*050*20240320",  # 16
    "SVC*HC:97140:GP*120.00*100.00**2",  # 17
    "DTM*472*20240312",  # 18
    "CAS*CO*45*20.00",  # 19
    "REF*6R*L1",  # 20
    "AMT*B6*100.00",  # 21
    "SVC*HC:97124:GP*120.00*50.00**2",  # 22
    "DTM*472*20240312",  # 23
    "CAS*CO*45*40.00",  # 24
    "CAS*PR*2*30.00",  # 25
    "REF*6R*L2",  # 26
    "CLP*SYN-OTHER-2*4*90.00*0*0*12*PAYER0002",  # 27
    "NM1*QC*1*ROE*ANN****MI*MEM002",  # 28
    "MOA***N115",  # 29
    "SVC*HC:97140:GP*90.00*0**1",  # 30
    "DTM*472*20240313",  # 31
    "CAS*CO*50*90.00",  # 32
    "LQ*HE*N115",  # 33
    "PLB*1234567893*20241231*L6*-2.50",  # 34
]


def interchange(
    body: list[str] | None = None,
    *,
    se_count: int | None = None,
    se_control: str = "0001",
    ge_count: int = 1,
    iea_count: int = 1,
    trailers: bool = True,
) -> str:
    lines = body if body is not None else BODY
    st = ["ST*835*0001", *lines]
    count = se_count if se_count is not None else len(st) + 1
    segments = [ISA, "GS*HP*SYNTHPAYER*GRAVIDA*20240315*1200*42*X*005010X221A1", *st, f"SE*{count}*{se_control}"]
    if trailers:
        segments += [f"GE*{ge_count}*42", f"IEA*{iea_count}*000000042"]
    return "~\n".join(segments) + "~\n"


def replaced(index: int, new: str) -> list[str]:
    """BODY with BODY[index] (segment index + 4) replaced."""
    return [new if position == index else segment for position, segment in enumerate(BODY)]


def test_the_hand_built_remittance_reads_and_balances() -> None:
    [remittance] = read_835(interchange())
    assert remittance.warnings == ()
    assert balance_problems(remittance) == []
    assert (remittance.payer_id, remittance.payment_date) == ("SYN01", date(2024, 3, 15))
    assert remittance.total_paid == D("152.50")
    first, denied = remittance.claims
    assert [s.control_number for s in first.services] == ["L1", "L2"]
    assert first.services[0].modifiers == ("GP",) and first.services[0].allowed == D("100.00")
    assert denied.status_label == "Denied" and [r.code for r in denied.remarks] == ["N115"]
    assert denied.services[0].remarks[0].label.startswith("This decision was based on a Local Coverage")
    assert denied.services[0].adjustments[0].reason_label.startswith("These are non-covered services")
    assert remittance.provider_adjustments[0].reason_label.startswith("Interest owed")


def test_moa_and_mia_remarks_and_a_cas_with_six_triplets_and_quantities_are_read() -> None:
    six = "CAS*CO*45*5.00*1*253*3.00**59*2.00*2*B10*4.00**97*3.00**16*3.00*1"
    edited = replaced(15, six)
    body = [*edited[:25], "MIA*0****MA01" + "*" * 15 + "N4*M51", "MOA***N115*M20", *edited[26:]]  # for BODY[25]
    [remittance] = read_835(interchange(body))
    first, denied = remittance.claims
    cas = first.services[0].adjustments
    assert [(a.reason, a.amount, a.units) for a in cas] == [
        ("45", D("5.00"), D(1)),
        ("253", D("3.00"), None),
        ("59", D("2.00"), D(2)),
        ("B10", D("4.00"), None),
        ("97", D("3.00"), None),
        ("16", D("3.00"), D(1)),
    ]
    assert {a.group for a in cas} == {"CO"} and balance_problems(remittance) == []
    assert [r.code for r in denied.remarks] == ["MA01", "N4", "M51", "N115", "M20"]
    assert all(r.label and not r.label.startswith("unknown") for r in denied.remarks)


def test_an_unbalanced_line_and_claim_are_reported_with_their_amounts() -> None:
    [remittance] = read_835(interchange(replaced(20, "CAS*CO*45*39.00")))
    problems = balance_problems(remittance)
    assert [(p.level, p.claim_id, p.line) for p in problems] == [
        ("line", "SYN-TEST-1-20240312", 2),
        ("claim", "SYN-TEST-1-20240312", None),
    ]
    assert all(p.difference == D("-1.00") for p in problems)


def test_a_payment_total_that_does_not_add_up_is_reported() -> None:
    body = replaced(0, BODY[0].replace("152.50", "150.00"))
    [problem] = balance_problems(read_835(interchange(body))[0])
    assert (problem.level, problem.expected, problem.found) == ("transaction", D("152.50"), D("150.00"))


def test_a_sample_made_unbalanced_reports_the_claim_and_the_payment() -> None:
    claim = "CLP*5554555444*1*800.00*"
    text = sample("835_lfh_managed-care.x12").replace(claim + "450.00*", claim + "451.00*")
    [remittance] = read_835(text)
    problems = balance_problems(remittance)
    assert [(p.level, p.claim_id, p.expected, p.found) for p in problems] == [
        ("claim", "5554555444", D("349.00"), D("350.00")),
        ("claim", "5554555444", D("451.00"), D("450.00")),
        ("transaction", None, D("946.00"), D("945.00")),
    ]
    assert "BPR02 pays 945.00" in problems[-1].message


# --- malformed input: (what is wrong, the text, segment number, words the message must contain) ----------------

GOOD = interchange()
BINARY = bytes(range(256)).decode("latin-1") * 2

MALFORMED: list[tuple[str, Callable[[], str], int, list[str]]] = [
    # the file as a whole
    ("empty file", lambda: "", 1, ["empty", "ISA"]),
    ("only blank lines", lambda: "\n \r\n\t", 1, ["empty"]),
    ("binary data", lambda: BINARY, 1, ["binary data", "ISA"]),
    ("a PNG image", lambda: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, ["binary data"]),
    ("bare transaction set", lambda: GOOD.split("~\n", 2)[2], 1, ["expected an ISA", "bare transaction set"]),
    ("truncated inside the ISA", lambda: GOOD[:60], 1, ["ISA header is 60 characters", "106"]),
    ("truncated in a claim", lambda: GOOD[: GOOD.index("CAS*CO*50") + 6], 32, ["end with IEA", "found CAS"]),
    ("truncated after SE", lambda: GOOD[: GOOD.index("GE*")], 35, ["end with IEA", "found SE"]),
    ("segment id not an identifier", lambda: interchange([*BODY[:3], "n1*PR*X", *BODY[3:]]), 7, ["segment identifier"]),
    # envelope counts and control numbers
    ("SE count wrong", lambda: interchange(se_count=40), 35, ["SE01 says 40", "there are 33"]),
    ("SE count not a number", lambda: GOOD.replace("SE*33*", "SE*3X*"), 35, ["SE01 '3X' is not a count"]),
    ("SE control number wrong", lambda: interchange(se_control="0002"), 35, ["SE02 '0002'", "'0001'"]),
    ("SE missing", lambda: interchange(se_count=0).replace("SE*0*0001~\n", ""), 35, ["expected SE", "found GE"]),
    ("GE count wrong", lambda: interchange(ge_count=2), 36, ["GE01 says 2"]),
    ("IEA count wrong", lambda: interchange(iea_count=3), 37, ["IEA01 says 3", "there are 1"]),
    ("IEA missing", lambda: interchange(trailers=False), 35, ["expected the interchange to end with IEA"]),
    ("an 837 passed to the 835 reader", lambda: sample("837p_lfh_example1.x12"), 3, ["837", "not an 835"]),
    # the payment header
    ("CLP before BPR", lambda: interchange([BODY[10], *BODY]), 4, ["expected BPR", "found CLP"]),
    ("BPR02 empty", lambda: interchange(replaced(0, BODY[0].replace("*152.50*", "**"))), 4, ["BPR02", "required"]),
    ("BPR02 not an amount", lambda: interchange(replaced(0, BODY[0].replace("*152.50*", "*15O.00*"))), 4,
     ["BPR02 '15O.00' is not an amount"]),
    ("BPR03 neither credit nor debit", lambda: interchange(replaced(0, BODY[0].replace("*C*ACH", "*X*ACH"))), 4,
     ["BPR03 'X'"]),
    ("BPR16 not a date", lambda: interchange(replaced(0, BODY[0].replace("*20240315", "*2024031"))), 4,
     ["BPR16 '2024031' is not a date"]),
    ("a second BPR", lambda: interchange([*BODY[:2], BODY[0], *BODY[2:]]), 6, ["second BPR"]),
    ("TRN without trace number", lambda: interchange(replaced(1, "TRN*1")), 5, ["TRN02", "required"]),
    ("unknown segment in the header", lambda: interchange([*BODY[:5], "XYZ*1", *BODY[5:]]), 9, ["XYZ does not belong"]),
    # claims (CLP)
    ("CLP04 not an amount", lambda: interchange(replaced(10, BODY[10].replace("*150.00*", "*abc*"))), 14,
     ["CLP04 'abc' is not an amount"]),
    ("CLP01 empty", lambda: interchange(replaced(10, BODY[10].replace("CLP*SYN-TEST-1-20240312", "CLP*"))), 14,
     ["CLP01", "required"]),
    ("CLP with only two elements", lambda: interchange(replaced(10, "CLP*SYN-TEST-1-20240312*1")), 14,
     ["CLP03 (total claim charge amount) is required"]),
    ("CLP02 status missing", lambda: interchange(replaced(10, "CLP*SYN-TEST-1-20240312**240.00*150.00")), 14,
     ["CLP02 (claim status code) is required"]),
    ("CLP with too many elements", lambda: interchange(replaced(10, BODY[10] + "*****1*2")), 14,
     ["CLP has 15 elements", "at most 14"]),
    ("TRN inside a claim", lambda: interchange([*BODY[:12], BODY[1], *BODY[12:]]), 16,
     ["TRN does not belong in a claim"]),
    ("N1 inside a service line", lambda: interchange([*BODY[:15], BODY[3], *BODY[15:]]), 19,
     ["N1 does not belong in a service line"]),
    ("unknown segment in a claim", lambda: interchange([*BODY[:12], "ZZZ*1", *BODY[12:]]), 16, ["ZZZ does not belong"]),
    ("LQ in a claim before its lines", lambda: interchange([*BODY[:12], BODY[29], *BODY[12:]]), 16,
     ["LQ does not belong in a claim"]),
    ("NM1 after the service line", lambda: interchange([*BODY[:16], BODY[11], *BODY[16:]]), 20,
     ["NM1", "before its first SVC"]),
    ("CLP after PLB", lambda: interchange([*BODY, BODY[23]]), 35, ["expected PLB or SE", "found CLP"]),
    # adjustments (CAS)
    ("CAS reason without amount", lambda: interchange(replaced(15, "CAS*CO*45")), 19, ["CAS02", "no amount"]),
    ("CAS second reason without amount", lambda: interchange(replaced(15, "CAS*CO*45*20.00**97")), 19,
     ["CAS05", "'97'", "CAS06"]),
    ("CAS amount without reason", lambda: interchange(replaced(15, "CAS*CO**20.00")), 19, ["CAS03", "no reason"]),
    ("CAS amount not a number", lambda: interchange(replaced(15, "CAS*CO*45*20,00")), 19,
     ["CAS03 '20,00' is not an amount"]),
    ("CAS quantity not a number", lambda: interchange(replaced(15, "CAS*CO*45*20.00*two")), 19,
     ["CAS04 'two' is not a quantity"]),
    ("CAS unknown group", lambda: interchange(replaced(15, "CAS*XX*45*20.00")), 19, ["CAS01 'XX'", "group code"]),
    ("CAS with seven triplets", lambda: interchange(replaced(15, "CAS*CO" + "*45*1.00*" * 7)), 19,
     ["CAS has", "at most 19"]),
    ("SVC before any CLP", lambda: interchange([*BODY[:10], BODY[13], *BODY[10:]]), 14, ["SVC outside a claim"]),
    ("CAS before any CLP", lambda: interchange([*BODY[:10], BODY[15], *BODY[10:]]), 14, ["CAS outside a claim"]),
    # service lines (SVC)
    ("SVC03 not an amount", lambda: interchange(replaced(13, "SVC*HC:97140:GP*120.00*1OO.00**2")), 17,
     ["SVC03 '1OO.00' is not an amount"]),
    ("SVC without procedure code", lambda: interchange(replaced(13, "SVC*HC:*120.00*100.00**2")), 17,
     ["SVC01", "no procedure code"]),
    ("service line with ten elements", lambda: interchange(replaced(13, "SVC*HC:59426******742*742**1")), 17,
     ["SVC has 10 elements", "at most 7"]),
    ("service qualifier unknown", lambda: interchange(replaced(13, BODY[13].replace("HC:", "ZZ:"))), 17,
     ["SVC01-1 'ZZ'", "qualifier"]),
    ("service date not CCYYMMDD", lambda: interchange(replaced(14, "DTM*472*2024-03-12")), 18,
     ["DTM02 '2024-03-12' is not a date"]),
    ("AMT*B6 not an amount", lambda: interchange(replaced(17, "AMT*B6*lots")), 21, ["AMT02 'lots' is not an amount"]),
    ("LQ without a remark code", lambda: interchange(replaced(29, "LQ*HE")), 33, ["LQ02 (remark code) is required"]),
    # provider adjustments (PLB)
    ("PLB reason without amount", lambda: interchange(replaced(30, "PLB*1234567893*20241231*L6")), 34,
     ["PLB03", "no amount", "PLB04"]),
    ("PLB amount not a number", lambda: interchange(replaced(30, "PLB*1234567893*20241231*L6*x")), 34,
     ["PLB04 'x' is not an amount"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "number", "words"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED])
def test_malformed_input_is_refused_with_the_segment_number_and_what_was_expected(
    text: Callable[[], str], number: int, words: list[str]
) -> None:
    with pytest.raises(X12Error) as caught:
        read_835(text())
    assert caught.value.segment_number == number, str(caught.value)
    assert str(caught.value).startswith(f"segment {number}")
    for word in words:
        assert word in str(caught.value)


def test_a_binary_file_on_disk_is_refused_not_decoded_into_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "scan.835"
    path.write_bytes(bytes(range(256)))
    with pytest.raises(X12Error, match="binary data"):
        read_835_file(path)
    latin = tmp_path / "latin1.835"
    latin.write_bytes(GOOD.replace("DOE*JANE", "DOË*JANE").encode("latin-1"))
    [remittance] = read_835_file(latin)
    assert remittance.claims[0].patient_last_name == "DOË"


# --- fuzzing: a mutated 835 gives a remittance or an X12Error, never another exception --------------------------

_NOISE = st.text(alphabet=st.sampled_from("*:~^>\n\r 0123456789.-ABCDEHILMNOPQRSTVXZ\x00é٣²"), min_size=1, max_size=6)


@st.composite
def mutated_835(draw: st.DrawFn) -> str:
    """A valid 835 with one to four random edits: characters cut, inserted or changed; segments dropped, doubled,
    swapped or cut short; an element replaced by noise."""
    base = draw(st.sampled_from([GOOD, sample("835_lfh_managed-care.x12"), sample("835_lfh_secondary-payment.x12")]))
    segments = base.split("~")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "insert", "drop", "double", "swap", "shorten", "element"]))
        at = draw(st.integers(0, len(segments) - 1))
        if kind in ("cut", "insert"):
            text = "~".join(segments)
            where = draw(st.integers(0, len(text)))
            text = text[:where] + (draw(_NOISE) if kind == "insert" else "") + text[where + draw(st.integers(0, 8)) :]
            segments = text.split("~")
        elif kind == "drop" and len(segments) > 1:
            del segments[at]
        elif kind == "double":
            segments.insert(at, segments[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(segments) - 1))
            segments[at], segments[other] = segments[other], segments[at]
        elif kind == "shorten":
            segments[at] = segments[at][: draw(st.integers(0, len(segments[at])))]
        elif kind == "element":
            elements = segments[at].split("*")
            elements[draw(st.integers(0, len(elements) - 1))] = draw(_NOISE)
            segments[at] = "*".join(elements)
    return "~".join(segments)


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated_835())
def test_a_mutated_835_reads_or_raises_x12error_naming_a_segment(text: str) -> None:
    try:
        remittances = read_835(text)
    except X12Error as error:
        assert error.segment_number is not None and error.segment_number >= 1
        assert str(error).startswith(f"segment {error.segment_number}")
        return
    assert all(isinstance(r, Remittance) for r in remittances)
    for remittance in remittances:
        balance_problems(remittance)


# --- the seeded synthetic 835 -----------------------------------------------------------------------------------


def test_the_synthetic_835_reads_back_with_its_totals_and_balances_and_pyx12_accepts_it(tmp_path: Path) -> None:
    generator = load_benchmark("synthetic_835")
    made = generator.synthetic_835(60, seed=11, claims_per_payment=25)
    remittances = read_835(made.text)
    assert len(remittances) == made.transactions == 3
    assert [len(r.claims) for r in remittances] == [25, 25, 10]
    assert [c.claim_id for r in remittances for c in r.claims] == made.claim_ids
    assert sum((r.total_paid for r in remittances), D(0)) == made.total_paid
    assert sum(len(c.services) for r in remittances for c in r.claims) == made.lines
    denied = [c.claim_id for r in remittances for c in r.claims if c.status == "4"]
    assert denied == made.denied_claims and denied, "the seed gives some denials"
    assert all(balance_problems(r) == [] and r.warnings == () for r in remittances)
    import pyx12.params
    import pyx12.x12n_document

    path = tmp_path / "synthetic.835"
    path.write_text(made.text)
    logging.disable(logging.CRITICAL)
    try:
        ok = pyx12.x12n_document.x12n_document(pyx12.params.params(), str(path), io.StringIO(), None, None)
    finally:
        logging.disable(logging.NOTSET)
    assert ok, "pyx12 refuses the synthetic 835"


# --- what the reader builds without pydantic validating it ----------------------------------------------------


def _pairs(built: object, validated: object) -> Iterator[tuple[BaseModel, BaseModel]]:
    """The models of two results side by side, depth first."""
    if isinstance(built, BaseModel) and isinstance(validated, BaseModel):
        yield built, validated
        for name in type(built).model_fields:
            yield from _pairs(getattr(built, name), getattr(validated, name))
    elif isinstance(built, tuple | list) and isinstance(validated, tuple | list):
        assert len(built) == len(validated)
        for pair in zip(built, validated, strict=True):
            yield from _pairs(*pair)


def test_every_model_the_reader_builds_is_what_pydantic_validation_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader builds its models from values it checked itself, without validating them (domain/trusted.py).
    Read with pydantic validating every model instead, the same files give the same models: equal, in the same
    field order (repr) and with the same fields set."""
    made = load_benchmark("synthetic_835").synthetic_835(120, seed=3, claims_per_payment=50)
    texts = [made.text, interchange(), *(sample(row[0]) for row in SAMPLE_TOTALS)]
    built = [read_835(text) for text in texts]
    claims_module = sys.modules["gravida.interchange.x12.r835_claims"]
    for name, model in [("_ADJUSTMENT", Adjustment), ("_REMARK", Remark), ("_SERVICE", ServicePayment),
                        ("_CLAIM", ClaimPayment)]:  # fmt: skip
        monkeypatch.setattr(claims_module, name, lambda values, model=model: model(**values))
    validated = [read_835(text) for text in texts]
    kinds = set()
    for model, check in _pairs(built, validated):
        kinds.add(type(model).__name__)
        assert type(model) is type(check) and model == check and repr(model) == repr(check)
        assert model.model_fields_set == check.model_fields_set
    assert kinds >= {"Remittance", "ClaimPayment", "ServicePayment", "Adjustment", "Remark", "ProviderAdjustment"}


def test_a_cas_met_again_reads_the_same_and_a_wrong_one_is_refused_where_it_is() -> None:
    [remittance] = read_835(interchange(replaced(20, "CAS*CO*45*20.00")))  # line 2 repeats line 1's CAS
    first, second = remittance.claims[0].services
    assert second.adjustments[0] == first.adjustments[0] and len(second.adjustments) == 2
    wrong = replaced(20, "CAS*XX*45*20.00")
    wrong[15] = "CAS*XX*45*20.00"
    with pytest.raises(X12Error, match=r"^segment 19 \(CAS\): CAS01 'XX' is not an adjustment group code"):
        read_835(interchange(wrong))


@pytest.mark.parametrize("layout", ["one line", "CR LF", "blank lines and segments", "spaces before identifiers"])
def test_the_layout_around_terminators_does_not_change_what_is_read(layout: str) -> None:
    text = interchange()  # written with a line break after each terminator
    variants = {
        "one line": text.replace("~\n", "~"),
        "CR LF": text.replace("~\n", "~\r\n"),
        "blank lines and segments": text.replace("~\n", "~\n\n").replace("~", "~ ~", 1),
        "spaces before identifiers": text.replace("~\nGS", "~\n  GS").replace("~\nCLP", "~\n\tCLP"),
    }
    assert variants[layout] != text
    assert read_835(variants[layout]) == read_835(text)
