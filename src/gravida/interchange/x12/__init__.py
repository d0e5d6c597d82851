"""X12 005010 transactions: the 837P professional claim out and back in, the 835 remittance in."""

from gravida.interchange.x12.tokens import Delimiters, Segment, X12Error, tokenize

__all__ = ["Delimiters", "Segment", "X12Error", "tokenize"]
