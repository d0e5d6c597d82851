"""Small FHIR datatypes as JSON, both ways: money, codings, references, names, addresses, extensions.

The writers build plain JSON-shaped dicts (the shape the FHIR spec and the mapping table show) and let fhir.resources
validate the finished document; the readers turn a `Node` back into the keyword arguments of a domain model.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from gravida.domain.parties import Address, PersonName
from gravida.interchange.fhir.codes import IDENTIFIER_TYPE
from gravida.interchange.fhir.errors import FhirError
from gravida.interchange.fhir.reading import Node

JSON = dict[str, Any]

#: Bundle entries are named urn:uuid:<uuid5 of claim id and role>, so one claim always gives the same Bundle.
_NAMESPACE = uuid5(NAMESPACE_URL, "https://gravida.dev/fhir")


def full_url(claim_id: str, role: str) -> str:
    """The Bundle fullUrl of one resource of a claim: stable for a claim id, distinct across roles and claims."""
    return f"urn:uuid:{uuid5(_NAMESPACE, f'{claim_id}/{role}')}"


def dollars(value: float | Decimal, where: str) -> Decimal:
    """An amount as the exact decimal its text shows (120.1 stays 120.1, not 120.09999...)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FhirError(where, f"is {value}; a FHIR Money value must be a finite number")
        return value
    if not math.isfinite(value):
        raise FhirError(where, f"is {value}; a FHIR Money value must be a finite number")
    return Decimal(repr(float(value)))


def money(value: float | Decimal, where: str) -> JSON:
    return {"value": dollars(value, where), "currency": "USD"}


def coding(system: str | None, code: str, display: str | None = None) -> JSON:
    found: JSON = {"code": code}
    if system:
        found = {"system": system, **found}
    if display:
        found["display"] = display
    return found


def concept(system: str | None, code: str, display: str | None = None) -> JSON:
    return {"coding": [coding(system, code, display)]}


def reference(url: str) -> JSON:
    return {"reference": url}


def identifier(system: str, value: str, type_code: str | None = None) -> JSON:
    found: JSON = {"system": system, "value": value}
    if type_code:
        found = {"type": concept(IDENTIFIER_TYPE, type_code), **found}
    return found


def extension(url: str, kind: str, value: Any) -> JSON:
    """An extension: `kind` is the value[x] suffix (String, Code, Date, Money, Coding, Decimal)."""
    return {"url": url, f"value{kind}": value}


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def human_name(name: PersonName) -> JSON:
    given = [name.first] + ([name.middle] if name.middle else [])
    return {"family": name.last, "given": given}


def address(place: Address) -> JSON:
    lines = [place.line1] + ([place.line2] if place.line2 else [])
    return {"line": lines, "city": place.city, "state": place.state, "postalCode": place.zip, "country": "US"}


def compact(resource: JSON) -> JSON:
    """The dict without None values or empty lists, so optional elements are simply absent."""
    return {key: value for key, value in resource.items() if value is not None and value != []}


def read_name(node: Node) -> JSON:
    """A HumanName as PersonName fields: family, first given name, the other given names as the middle name."""
    given = [item.text() for item in node.each("given")]
    if not given:
        raise FhirError(f"{node.path}.given", "required element is missing: a claim prints the first name")
    return {"last": node.need("family").text(), "first": given[0], "middle": " ".join(given[1:]) or None}


def read_address(node: Node) -> JSON:
    """An Address as our Address fields (US postal address; postalCode without its hyphen)."""
    lines = [item.text() for item in node.each("line")]
    if not lines:
        raise FhirError(f"{node.path}.line", "required element is missing: a claim prints the street")
    return {
        "line1": lines[0],
        "line2": " ".join(lines[1:]) or None,
        "city": node.need("city").text(),
        "state": node.need("state").text(),
        "zip": node.need("postalCode").text().replace("-", ""),
    }
