"""FHIR R4B out and back in: a claim as a Claim in a collection Bundle, a remittance's claim as an ExplanationOfBenefit.

Every resource is built as JSON and validated with fhir.resources (R4B models) before it is returned; every import
validates with fhir.resources first and then reads with paths, so bad FHIR raises `FhirError` (a `ValueError`)
that names the resource, the element and the problem. The mapping table is in the README; the code system and
extension URLs, with where each was checked, are in `codes`.
"""

from gravida.interchange.fhir.claim_in import claim_from_fhir
from gravida.interchange.fhir.claim_out import claim_to_bundle
from gravida.interchange.fhir.eob_in import remittance_claim_from_eob
from gravida.interchange.fhir.eob_out import eob_from_remittance
from gravida.interchange.fhir.errors import FhirError
from gravida.interchange.fhir.reading import FhirSource

__all__ = [
    "FhirError",
    "FhirSource",
    "claim_from_fhir",
    "claim_to_bundle",
    "eob_from_remittance",
    "remittance_claim_from_eob",
]
