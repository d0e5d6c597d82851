"""The FHIR mapping's one error: where in the document, and what is wrong there.

fhir.resources reports problems as pydantic errors with tuple locations ("entry", 1, "resource", "insurance") and
pydantic's wording. A biller reading that cannot tell which resource is meant, so `from_validation_error` rewrites
each into a FHIR path ("Bundle.entry[1].resource(Claim).insurance") and a short problem ("required element is
missing"). The error is an `InputError` (a `ValueError`), like every other error in what the user gave us.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from gravida.domain.errors import InputError

#: At most this many problems are spelled out in the message; the rest are counted.
_SHOWN = 5

_ELEMENT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SPACES = re.compile(r"\s+")


class FhirError(InputError):
    """FHIR that cannot be read as a Gravida record, or a record that cannot be written as valid FHIR.

    `where` is a FHIR path into the document (or the name of the argument); `issues` lists every problem found
    when validation found several, first one first.
    """

    def __init__(self, where: str, problem: str, issues: tuple[tuple[str, str], ...] = ()) -> None:
        self.where = where
        self.issues = issues or ((where, problem),)
        extra = [f"{path}: {text}" for path, text in self.issues[1:_SHOWN]]
        hidden = len(self.issues) - 1 - len(extra)
        if extra:
            problem = f"{problem}; also " + "; ".join(extra)
        if hidden > 0:
            problem = f"{problem}; and {hidden} more problem(s)"
        super().__init__(where, problem)


def from_validation_error(exc: ValidationError, data: Any, root: str) -> FhirError:
    """A readable FhirError from a fhir.resources (or domain) validation error over `data`."""
    issues = tuple((fhir_path(error["loc"], data, root), _problem(error)) for error in exc.errors())
    if not issues:
        return FhirError(root, "is not valid")
    first_where, first_problem = issues[0]
    return FhirError(first_where, first_problem, issues)


def fhir_path(loc: tuple[int | str, ...], data: Any, root: str) -> str:
    """`("entry", 1, "resource", "status")` over a Bundle as `Bundle.entry[1].resource(Claim).status`.

    Steps pydantic adds for its own validators (names with brackets or dashes) are skipped; a step that lands on a
    resource says the resource's type, so the reader knows which entry is meant.
    """
    path = root
    node: Any = data
    for step in loc:
        if isinstance(step, int):
            path += f"[{step}]"
            node = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            continue
        name = "resourceType" if step == "resource_type" else step
        if not _ELEMENT_NAME.match(name):
            continue
        path += f".{name}"
        node = node.get(name) if isinstance(node, dict) else None
        if isinstance(node, dict) and isinstance(node.get("resourceType"), str):
            path += f"({node['resourceType']})"
    return path


def _problem(error: Any) -> str:
    kind = str(error.get("type", ""))
    if kind.endswith("missing"):
        return "required element is missing"
    if kind == "extra_forbidden":
        return "is not an element FHIR R4B defines here"
    if kind == "fhir-validation-wrong-resource-type":
        return "has the wrong resourceType for this place"
    if kind == "string_pattern_mismatch":
        return "is empty or has stray whitespace (FHIR text must not start or end with a space)"
    message = str(error.get("msg", "is not valid"))
    message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return _SPACES.sub(" ", message).strip()
