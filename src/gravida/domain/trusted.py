"""Building domain models from values the engine produced itself, without re-validating them.

Batch coding makes tens of thousands of findings and claim lines a second; pydantic's validation (and
even `model_construct`, which resolves aliases and defaults field by field) costs more than the coding.
`trusted` does what `model_construct` does for a model whose every field is given: it sets the instance
dict directly. tests/test_domain.py checks that the result equals a validated instance, so a pydantic
upgrade that changes these internals fails the tests, not production.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)

_set = object.__setattr__


def trusted(cls: type[Model], **values: Any) -> Model:
    """An instance of `cls` from already-valid values; fields left out take their defaults."""
    fields = cls.__pydantic_fields__
    if len(values) != len(fields):
        for name, field in fields.items():
            if name not in values:
                values[name] = field.get_default(call_default_factory=True, validated_data=values)
    instance = cls.__new__(cls)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(values))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance
