"""PDFs a prenatal therapy practice hands out or sends: the 1500 claim form, a superbill, a letter of necessity.

Each renderer takes the claim (with its `parties` block) and returns PDF bytes; the same input always gives the
same bytes. A claim that lacks what a document prints raises ClaimDocumentError (a ValueError) naming the claim
and the field.
"""

from gravida.interchange.pdf.cms1500 import Pointers, render_cms1500
from gravida.interchange.pdf.errors import ClaimDocumentError, MissingClaimFieldError
from gravida.interchange.pdf.lmn import IRS_PUBLICATION_502, render_lmn
from gravida.interchange.pdf.superbill import render_superbill

__all__ = [
    "IRS_PUBLICATION_502",
    "ClaimDocumentError",
    "MissingClaimFieldError",
    "Pointers",
    "render_cms1500",
    "render_lmn",
    "render_superbill",
]
