"""What every input model shares: unknown fields are refused, values are frozen, text is trimmed."""

from __future__ import annotations

from datetime import date

from pydantic import ConfigDict

#: Inputs refuse unknown fields, so a misspelt field is an error rather than a silently missing fact.
STRICT_INPUT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

#: Alias for fields named `date`, which would shadow the type inside their class.
Day = date
