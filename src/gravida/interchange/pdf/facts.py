"""What the PDFs look up about a claim: its parties, the plain-language label of each code, each diagnosis's title.

Labels come from Gravida's own procedure catalog (`knowledge/data/procedures`), never from CPT, whose descriptors
are the AMA's copyright. Diagnosis titles come from the ICD-10-CM tabular as of the date of service.
"""

from __future__ import annotations

from dataclasses import dataclass

from gravida.domain.parties import ClaimParties
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.pdf.errors import MissingClaimFieldError
from gravida.knowledge import Knowledge, Snapshot, default_knowledge

#: Item 21 of the 1500 names its twelve diagnosis slots A-L; item 24E and the superbill point to them by letter.
DIAGNOSIS_LETTERS = "ABCDEFGHIJKL"
UNKNOWN_PROCEDURE = "(not in Gravida's procedure catalog)"
UNKNOWN_DIAGNOSIS = "(not found in the ICD-10-CM tabular)"


def require_parties(claim: ClaimSubmission, document: str) -> ClaimParties:
    """The claim's parties block, or an error naming the claim and saying what the document needs it for."""
    if claim.parties is None:
        raise MissingClaimFieldError(
            claim.claim_id,
            "parties",
            f"the {document} prints the patient's, insured's, provider's and payer's names and addresses; "
            "add the parties block to the claim",
        )
    return claim.parties


def snapshot_for(claim: ClaimSubmission, knowledge: Knowledge | None) -> Snapshot:
    """Rules and code sets as of the claim's date of service (payer-neutral: labels and titles only)."""
    return (knowledge or default_knowledge()).at(claim.date_of_service)


@dataclass(frozen=True, slots=True)
class DiagnosisRow:
    letter: str
    code: str
    description: str


def diagnosis_rows(claim: ClaimSubmission, snapshot: Snapshot) -> list[DiagnosisRow]:
    """Each diagnosis with its letter and its ICD-10-CM title on the date of service."""
    rows = []
    for letter, code in zip(DIAGNOSIS_LETTERS, claim.diagnoses, strict=False):
        status = snapshot.diagnosis(code)
        rows.append(DiagnosisRow(letter, status.code or code, status.description or UNKNOWN_DIAGNOSIS))
    return rows


def procedure_label(code: str, snapshot: Snapshot) -> str:
    """Gravida's own short label for a procedure code (never the CPT descriptor)."""
    found = snapshot.procedure(code)
    if found is None or found.value is None:
        return UNKNOWN_PROCEDURE
    label: str = found.value.label
    return label


def pointer_letters(pointers: tuple[int, ...]) -> str:
    """(1, 3) -> 'AC'."""
    return "".join(DIAGNOSIS_LETTERS[pointer - 1] for pointer in pointers)
