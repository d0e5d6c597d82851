"""Claims in the forms payers take and give back: X12 837P and 835, CMS-1500 and other PDFs, FHIR."""
