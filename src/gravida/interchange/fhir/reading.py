"""Reading FHIR JSON: load it, validate it with fhir.resources, then walk it with paths that name every step.

Why not read the fhir.resources models directly: every element is optional there, so each access would need its
own None check and its own error text. `Node` pairs a JSON value with its FHIR path, so a missing element is one
call (`need`) that raises a `FhirError` naming exactly where it is missing. The JSON is parsed with `Decimal` for
numbers, so money reads back to the cent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.resource import Resource
from pydantic import ValidationError

from gravida.interchange.fhir.errors import FhirError, from_validation_error

#: What the importers take: a fhir.resources model, parsed JSON, JSON text or bytes, or a path to a JSON file.
FhirSource = Resource | Mapping[str, Any] | str | bytes | os.PathLike[str]


def load(source: FhirSource) -> Node:
    """The document as a validated `Node`; a `FhirError` says what is wrong and where."""
    label = "input"
    if isinstance(source, Resource):
        data: Any = json.loads(source.model_dump_json(), parse_float=Decimal)
    elif isinstance(source, Mapping):
        data = _plain(source)
    elif isinstance(source, os.PathLike):
        label = str(source)
        try:
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise FhirError(label, f"cannot be read: {exc.strerror or exc}") from exc
        data = _parse(raw, label)
    else:
        data = _parse(source, label)
    if not isinstance(data, dict):
        raise FhirError(label, f"is JSON but not a FHIR resource (a JSON object): it is a {type(data).__name__}")
    resource_type = data.get("resourceType")
    if not isinstance(resource_type, str):
        raise FhirError(f"{label}.resourceType", "required element is missing: say which FHIR resource this is")
    _check_types(data, resource_type)
    try:
        get_fhir_model_class(resource_type).model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc, data, resource_type) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise FhirError(resource_type, f"fhir.resources could not read it: {exc}") from exc
    return Node(data, resource_type)


def _plain(value: Any) -> Any:
    """A copy of parsed JSON with floats as Decimal, as `json.loads(..., parse_float=Decimal)` would give."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _parse(raw: str | bytes, label: str) -> Any:
    try:
        return json.loads(raw, parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise FhirError(label, "is not UTF-8 text, so it cannot be FHIR JSON") from exc
    except json.JSONDecodeError as exc:
        hint = " (to read a file, pass a pathlib.Path)" if isinstance(raw, str) and "{" not in raw else ""
        raise FhirError(label, f"is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}{hint}") from exc


def _check_types(resource: dict[str, Any], path: str) -> None:
    """Refuse an unknown resourceType up front: fhir.resources fails on one with a bare KeyError."""
    kind = resource.get("resourceType")
    try:
        get_fhir_model_class(str(kind))
    except (KeyError, ValueError) as exc:
        raise FhirError(f"{path}.resourceType", f"{kind!r} is not a FHIR R4B resource type") from exc
    children: list[tuple[str, Any]] = [
        (f"{path}.contained[{i}]", c) for i, c in enumerate(resource.get("contained", []))
    ]
    if kind == "Bundle":
        children += [
            (f"{path}.entry[{i}].resource", e.get("resource")) for i, e in enumerate(resource.get("entry", []))
        ]
    for child_path, child in children:
        if isinstance(child, dict):
            _check_types(child, child_path)


@dataclass(frozen=True)
class Node:
    """A JSON value and its FHIR path, with readers that raise a `FhirError` naming that path."""

    value: Any
    path: str

    @property
    def resource_type(self) -> str | None:
        kind = self.value.get("resourceType") if isinstance(self.value, dict) else None
        return kind if isinstance(kind, str) else None

    def get(self, key: str) -> Node | None:
        """The child element, or None when it is absent (or empty)."""
        if isinstance(self.value, dict):
            child = self.value.get(key)
            if child is not None and child != [] and child != "":
                return Node(child, f"{self.path}.{key}")
        return None

    def need(self, key: str, why: str = "") -> Node:
        """The child element; a `FhirError` when it is absent."""
        child = self.get(key)
        if child is None:
            raise FhirError(f"{self.path}.{key}", "required element is missing" + (f": {why}" if why else ""))
        return child

    def each(self, key: str) -> list[Node]:
        """The items of a repeating element (none when it is absent)."""
        child = self.get(key)
        if child is None:
            return []
        if not isinstance(child.value, list):
            raise FhirError(child.path, "should be a list")
        return [Node(item, f"{child.path}[{i}]") for i, item in enumerate(child.value)]

    def first(self, key: str) -> Node | None:
        items = self.each(key)
        return items[0] if items else None

    def text(self) -> str:
        if not isinstance(self.value, str):
            raise FhirError(self.path, f"should be text, not {type(self.value).__name__}")
        return self.value

    def day(self) -> date:
        """A full date (the date part of a dateTime)."""
        value = self.text()
        try:
            return date.fromisoformat(value[:10])
        except ValueError as exc:
            raise FhirError(self.path, f"{value!r} is not a full date (YYYY-MM-DD)") from exc

    def decimal(self) -> Decimal:
        if isinstance(self.value, bool) or not isinstance(self.value, int | Decimal | float):
            raise FhirError(self.path, f"should be a number, not {self.value!r}")
        return self.value if isinstance(self.value, Decimal) else Decimal(repr(self.value))

    def integer(self) -> int:
        number = self.decimal()
        if number != number.to_integral_value():
            raise FhirError(self.path, f"{number} should be a whole number")
        return int(number)

    def extension(self, url: str) -> Node | None:
        """The first extension with this url, if any."""
        return next((e for e in self.each("extension") if e.value.get("url") == url), None)

    def identifier(self, system: str) -> str | None:
        """The value of the first identifier in this system, if any."""
        for item in self.each("identifier"):
            if item.value.get("system") == system and item.get("value") is not None:
                return item.need("value").text()
        return None

    def code(self, systems: Collection[str] | None = None) -> str | None:
        """On a CodeableConcept: the code of the first coding in one of `systems` (any system when None)."""
        coding = self.coding(systems)
        return None if coding is None or coding.get("code") is None else coding.need("code").text()

    def coding(self, systems: Collection[str] | None = None) -> Node | None:
        for coding in self.each("coding"):
            if systems is None or coding.value.get("system") in systems:
                return coding
        return None


def document(source: FhirSource, kind: str) -> tuple[Resources, Node]:
    """The loaded document and its one resource of `kind`: the document is that resource, or a Bundle holding it."""
    root = load(source)
    if root.resource_type not in ("Bundle", kind):
        raise FhirError(
            f"{root.path}.resourceType",
            f"expected a Bundle or {_a(kind)} {kind}, got {_a(str(root.resource_type))} {root.resource_type}",
        )
    resources = Resources(root)
    return resources, resources.single(kind)


def _a(word: str) -> str:
    return "an" if word[:1] in ("A", "E", "I", "O", "U") else "a"


class Resources:
    """The resources of a Bundle (or one resource with contained ones), found by the references that name them."""

    def __init__(self, root: Node) -> None:
        self.root = root
        self._by_reference: dict[str, Node] = {}
        self.all: list[Node] = []
        if root.resource_type == "Bundle":
            for i, entry in enumerate(root.each("entry")):
                resource = entry.get("resource")
                if resource is None:
                    continue
                node = Node(resource.value, f"{root.path}.entry[{i}].resource({resource.resource_type})")
                self._add(node, entry.value.get("fullUrl"))
        else:
            self._add(root, None)

    def _add(self, node: Node, full_url: object) -> None:
        self.all.append(node)
        if isinstance(full_url, str):
            self._by_reference[full_url] = node
        if isinstance(node.value.get("id"), str):
            self._by_reference[f"{node.resource_type}/{node.value['id']}"] = node

    def single(self, resource_type: str) -> Node:
        """The one resource of this type: the document's subject (its Claim or ExplanationOfBenefit)."""
        found = [node for node in self.all if node.resource_type == resource_type]
        if len(found) != 1:
            count = "no" if not found else str(len(found))
            raise FhirError(self.root.path, f"holds {count} {resource_type} resources; Gravida reads exactly one")
        return found[0]

    def resolve(self, reference: Node, container: Node, *kinds: str) -> Node:
        """The resource a Reference names: a contained one (#id), a Bundle entry by fullUrl, or Type/id."""
        target = reference.need("reference", "Gravida needs the referenced resource itself").text()
        found: Node | None = None
        if target.startswith("#"):
            for i, item in enumerate(container.each("contained")):
                if item.value.get("id") == target[1:]:
                    found = Node(item.value, f"{container.path}.contained[{i}]({item.resource_type})")
        else:
            found = self._by_reference.get(target) or self._by_reference.get("/".join(target.split("/")[-2:]))
        if found is None:
            raise FhirError(f"{reference.path}.reference", f"{target!r} names no resource in this document")
        if kinds and found.resource_type not in kinds:
            wanted = " or ".join(kinds)
            raise FhirError(f"{reference.path}.reference", f"names a {found.resource_type}, expected a {wanted}")
        return found
