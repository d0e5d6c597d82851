"""Code system and identifier system URLs the FHIR mapping uses, each with where it was checked.

Why one module: the writer and the reader must agree on every URL, and a reviewer checks them in one place. HL7's
terminology (THO, https://terminology.hl7.org) is the authority for external code systems; where THO's URL differs
from a commonly seen spelling, the reader accepts both and the writer uses THO's.

Gravida's own URLs (under https://gravida.dev/fhir/) carry facts FHIR has no element or code system for: the payer
policy pack, the claim frequency, the X12 claim status and adjustment group. They are ours alone; another system
reading the FHIR ignores them safely.
"""

from __future__ import annotations

import re
from typing import Final

# --- External code systems --------------------------------------------------------------------------------------

#: ICD-10-CM, dotted codes. THO NamingSystem icd10CM: http://hl7.org/fhir/sid/icd-10-cm
ICD10CM: Final = "http://hl7.org/fhir/sid/icd-10-cm"

#: CPT (codes and CPT modifiers). THO CodeSystem CPT: https://terminology.hl7.org/CodeSystem-CPT.html
CPT: Final = "http://www.ama-assn.org/go/cpt"

#: HCPCS Level II (G0283, and modifiers such as GP, KX, CQ, XS). THO CodeSystem hcpcs-Level-II
#: (https://terminology.hl7.org/CodeSystem-hcpcs-Level-II.html) gives the URL with http, not https.
HCPCS: Final = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
#: The https spelling some implementation guides use; accepted on import, never written.
HCPCS_HTTPS: Final = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"

#: CMS place of service. THO ValueSet CMSPlaceOfServiceCodes includes this system:
#: https://terminology.hl7.org/ValueSet-CMSPlaceOfServiceCodes.html
PLACE_OF_SERVICE: Final = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"

#: X12 claim adjustment reason codes (CARC). THO CodeSystem X12ClaimAdjustmentReasonCodes:
#: https://terminology.hl7.org/CodeSystem-X12ClaimAdjustmentReasonCodes.html
CARC: Final = "https://x12.org/codes/claim-adjustment-reason-codes"

#: X12 remittance advice remark codes (RARC), as CARIN Blue Button's value set
#: X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes includes them:
#: https://hl7.org/fhir/us/carin-bb/ValueSet-X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes.html
RARC: Final = "https://x12.org/codes/remittance-advice-remark-codes"

#: NUCC health care provider taxonomy. THO NamingSystem nucc-provider-taxonomy.
NUCC_TAXONOMY: Final = "http://nucc.org/provider-taxonomy"

# --- HL7 code systems (THO) -----------------------------------------------------------------------------------

CLAIM_TYPE: Final = "http://terminology.hl7.org/CodeSystem/claim-type"
PROCESS_PRIORITY: Final = "http://terminology.hl7.org/CodeSystem/processpriority"
#: `primary` for the rendering provider, `referring` for the referring one (claimcareteamrole 1.0.1).
CARE_TEAM_ROLE: Final = "http://terminology.hl7.org/CodeSystem/claimcareteamrole"
#: submitted, eligible, benefit, deductible, copay, ...: https://terminology.hl7.org/CodeSystem-adjudication.html
ADJUDICATION: Final = "http://terminology.hl7.org/CodeSystem/adjudication"
#: `prior`: the claim this one replaces or voids.
RELATED_CLAIM: Final = "http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship"
SUBSCRIBER_RELATIONSHIP: Final = "http://terminology.hl7.org/CodeSystem/subscriber-relationship"
COVERAGE_CLASS: Final = "http://terminology.hl7.org/CodeSystem/coverage-class"
CLAIM_INFORMATION: Final = "http://terminology.hl7.org/CodeSystem/claiminformationcategory"
IDENTIFIER_TYPE: Final = "http://terminology.hl7.org/CodeSystem/v2-0203"

# --- Identifier systems -----------------------------------------------------------------------------------------

#: National Provider Identifier. THO NamingSystem npi.
NPI: Final = "http://hl7.org/fhir/sid/us-npi"
#: NUBC revenue codes (SVC04 on institutional lines), as HL7's terminology names the system.
NUBC_REVENUE: Final = "https://www.nubc.org/CodeSystem/RevenueCodes"
#: US Employer Identification Number (federal tax id). THO NamingSystem USEIN.
EIN: Final = "urn:oid:2.16.840.1.113883.4.4"

_GRAVIDA: Final = "https://gravida.dev/fhir"

#: Our patient control number (CLM01 / CLP01): Claim.identifier and ExplanationOfBenefit.claim.identifier.
PATIENT_CONTROL_NUMBER: Final = f"{_GRAVIDA}/sid/patient-control-number"
#: The practice's own patient id (the encounter's `patient.id`).
PATIENT_ID: Final = f"{_GRAVIDA}/sid/patient-id"
#: Gravida's payer policy pack id ("medicare", "aetna-style"): how the payer pays, not who it is.
POLICY_PACK: Final = f"{_GRAVIDA}/sid/policy-pack"
#: The payer's id at the clearinghouse (2010BB NM109).
PAYER_ID: Final = f"{_GRAVIDA}/sid/payer-id"
#: The payer's claim control number (CLP07; REF*F8 on a replacement or void).
PAYER_CLAIM_NUMBER: Final = f"{_GRAVIDA}/sid/payer-claim-number"
#: A member id as the payer wrote it in an 835 (NM1*QC / NM1*IL NM109), typed MB.
MEMBER_ID: Final = f"{_GRAVIDA}/sid/payer-member-id"
#: A provider id of the payer's own (NM1*82 NM109 that is not an NPI).
PAYER_PROVIDER_ID: Final = f"{_GRAVIDA}/sid/payer-provider-id"
#: The check or EFT trace number (TRN02).
TRACE_NUMBER: Final = f"{_GRAVIDA}/sid/payment-trace-number"

# --- Gravida code systems -----------------------------------------------------------------------------------------

#: The rendering and referring provider's licence (LMT, PT, PTA, OT, OTA, DC, MD, DO, CNM, NP).
CREDENTIAL: Final = f"{_GRAVIDA}/CodeSystem/credential"
#: X12 SBR09 claim filing indicator (MB, MC, CI, ...), as Coverage.type.
FILING_INDICATOR: Final = f"{_GRAVIDA}/CodeSystem/x12-claim-filing-indicator"
#: X12 CLP02 claim status code (1 processed as primary, 4 denied, 22 reversal, ...).
CLAIM_STATUS: Final = f"{_GRAVIDA}/CodeSystem/x12-claim-status"
#: X12 CAS01 claim adjustment group code (CO, PR, OA, PI, CR): no HL7 code system holds it.
ADJUSTMENT_GROUP: Final = f"{_GRAVIDA}/CodeSystem/x12-claim-adjustment-group"
#: Adjudication categories HL7's list lacks: `remark` (a RARC, no amount), `patient-responsibility`.
GRAVIDA_ADJUDICATION: Final = f"{_GRAVIDA}/CodeSystem/adjudication"
#: Supporting information: `plan-of-care` (timingPeriod) and `plan-of-care-certified` (timingDate).
SUPPORTING_INFO: Final = f"{_GRAVIDA}/CodeSystem/supporting-info"

# --- Gravida extensions -------------------------------------------------------------------------------------------

_EXT: Final = f"{_GRAVIDA}/StructureDefinition"
#: Claim: `replacement` or `void` (absent: original). X12 CLM05-3 frequency 7 / 8.
EXT_FREQUENCY: Final = f"{_EXT}/claim-frequency"
#: Claim: what the patient already paid (AMT*F5), valueMoney.
EXT_PATIENT_PAID: Final = f"{_EXT}/patient-amount-paid"
#: Coverage: the plan within the policy pack (e.g. "hmo"), valueString.
EXT_POLICY_PLAN: Final = f"{_EXT}/policy-plan"
#: Practitioner.qualification: the state that issued the licence, valueString ("WA").
EXT_LICENCE_STATE: Final = f"{_EXT}/licence-state"
#: RelatedPerson (the subscriber): the subscriber's group number, valueString.
EXT_SUBSCRIBER_GROUP: Final = f"{_EXT}/subscriber-group-number"
#: ExplanationOfBenefit: the X12 claim status (CLP02) as valueCoding, its label as display.
EXT_CLAIM_STATUS: Final = f"{_EXT}/x12-claim-status"
#: ExplanationOfBenefit: the facility code (CLP08; the place of service on a professional claim), valueCode.
EXT_FACILITY_CODE: Final = f"{_EXT}/x12-facility-code"
#: ExplanationOfBenefit: the claim frequency code (CLP09: 1 original, 7 replacement, 8 void), valueCode.
EXT_FREQUENCY_CODE: Final = f"{_EXT}/x12-claim-frequency-code"
#: ExplanationOfBenefit, institutional claims: the DRG (CLP11) valueCode, its weight (CLP12) and the discharge
#: fraction (CLP13) valueDecimal.
EXT_DRG: Final = f"{_EXT}/x12-drg-code"
EXT_DRG_WEIGHT: Final = f"{_EXT}/x12-drg-weight"
EXT_DISCHARGE_FRACTION: Final = f"{_EXT}/x12-discharge-fraction"
#: ExplanationOfBenefit: the date the payer received the claim (DTM*050), valueDate.
EXT_RECEIVED: Final = f"{_EXT}/claim-received-date"
#: ExplanationOfBenefit.item: the line item control number (REF*6R), valueString.
EXT_LINE_CONTROL: Final = f"{_EXT}/line-item-control-number"
#: ExplanationOfBenefit.item: the code as billed when the payer changed it (SVC06), valueString.
EXT_ORIGINAL_CODE: Final = f"{_EXT}/original-procedure-code"
#: ExplanationOfBenefit.item: the units billed when they differ from those paid (SVC07), valueDecimal.
EXT_ORIGINAL_UNITS: Final = f"{_EXT}/original-units"
#: ExplanationOfBenefit.item: each modifier as billed when the payer changed the code (SVC06), valueString.
EXT_ORIGINAL_MODIFIER: Final = f"{_EXT}/original-procedure-modifier"
#: ExplanationOfBenefit.item: the SVC01-1 product qualifier when not HC (CPT/HCPCS), valueCode.
EXT_PRODUCT_QUALIFIER: Final = f"{_EXT}/x12-product-qualifier"

# --- Codes ------------------------------------------------------------------------------------------------------

#: Patient.gender from the claim's sex code.
GENDER: Final = {"F": "female", "M": "male", "U": "unknown"}
SEX: Final = {value: key for key, value in GENDER.items()}

#: The CARCs whose meaning is exactly one of HL7's adjudication categories, when the patient owes them (group PR):
#: 1 "Deductible Amount", 3 "Co-payment Amount" (https://x12.org/codes/claim-adjustment-reason-codes).
HL7_CATEGORY_FOR_PR_CARC: Final = {"1": "deductible", "3": "copay"}

_CPT_SHAPE = re.compile(r"^\d{4}[0-9FTU]$")
_HCPCS_SHAPE = re.compile(r"^[A-V]\d{4}$")
#: Systems a procedure or modifier code is read from on import.
PROCEDURE_SYSTEMS: Final = (CPT, HCPCS, HCPCS_HTTPS)


def procedure_system(code: str) -> str | None:
    """CPT for five digits (and category II/III codes like 0552T), HCPCS Level II for a letter and four digits.

    None when the code has neither shape: the coding then goes out without a system rather than a wrong one.
    """
    if _CPT_SHAPE.match(code):
        return CPT
    if _HCPCS_SHAPE.match(code):
        return HCPCS
    return None


def modifier_system(modifier: str) -> str:
    """CPT modifiers are two digits (25, 59); HCPCS Level II modifiers have a letter (GP, KX, CQ, XS)."""
    return CPT if modifier.isdigit() else HCPCS


def dotted(code: str) -> str:
    """An ICD-10-CM code with its dot after the third character, as FHIR's ICD-10-CM system writes it."""
    code = code.strip().upper()
    if "." in code or len(code) <= 3:
        return code
    return f"{code[:3]}.{code[3:]}"
