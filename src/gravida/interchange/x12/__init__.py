"""X12 005010 transactions: the 837P professional claim out and back in, the 835 remittance in."""

from gravida.interchange.x12.read_835 import BalanceProblem, balance_problems, read_835, read_835_file
from gravida.interchange.x12.tokens import Delimiters, Segment, X12Error, tokenize

__all__ = [
    "BalanceProblem",
    "Delimiters",
    "Segment",
    "X12Error",
    "balance_problems",
    "read_835",
    "read_835_file",
    "tokenize",
]
