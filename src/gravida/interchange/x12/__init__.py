"""X12 005010 transactions: the 837P professional claim out and back in, the 835 remittance in."""

from gravida.interchange.x12.envelope import Envelope
from gravida.interchange.x12.read_835 import BalanceProblem, balance_problems, read_835, read_835_file
from gravida.interchange.x12.read_837p import Directory, Read837, SkippedClaim, carried_by_837p, read_837p
from gravida.interchange.x12.tokens import Delimiters, Segment, X12Error, tokenize
from gravida.interchange.x12.w837_fields import Claim837Error
from gravida.interchange.x12.write_837p import write_837p

__all__ = [
    "BalanceProblem",
    "Claim837Error",
    "Delimiters",
    "Directory",
    "Envelope",
    "Read837",
    "Segment",
    "SkippedClaim",
    "X12Error",
    "balance_problems",
    "carried_by_837p",
    "read_835",
    "read_835_file",
    "read_837p",
    "tokenize",
    "write_837p",
]
