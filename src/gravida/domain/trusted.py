"""Building domain models from values the engine produced itself, without re-validating them.

Batch coding makes tens of thousands of findings and claim lines a second; pydantic's validation (and
even `model_construct`, which resolves aliases and defaults field by field) costs more than the coding.
`trusted` does what `model_construct` does for a model whose every field is given: it sets the instance
dict directly. `Trusted` does the same for readers that build thousands of one model from a dict of the
fields they read (the X12 835 reader), and gives exactly what validation gives: the fields in the model's
order and only the given ones in `model_fields_set`. tests/test_domain.py checks both against validated
instances, so a pydantic upgrade that changes these internals fails the tests, not production.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

Model = TypeVar("Model", bound=BaseModel)

_set = object.__setattr__
_new = object.__new__


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


# The four slots of every pydantic model, set through their descriptors (a third cheaper than object.__setattr__).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class Trusted(Generic[Model]):
    """Builds instances of `model` from dicts of already-valid values, as validation would build them.

    For models with nothing to run at construction (no validators, no `model_post_init`) and immutable defaults,
    which is checked here, once. The values must be of the types the fields declare; a reader that checks its
    input itself (and names the element when it is wrong) guarantees that, and pydantic would only check again.
    """

    def __init__(self, model: type[Model]) -> None:
        decorators = model.__pydantic_decorators__
        if (
            decorators.validators
            or decorators.field_validators
            or decorators.root_validators
            or decorators.model_validators
            or model.__pydantic_post_init__
        ):
            raise TypeError(f"{model.__name__} runs code when validated; build it with validation")
        defaults: dict[str, Any] = {}  # every field, in the model's order; None holds a required one's place
        required = []
        for name, info in model.__pydantic_fields__.items():
            default = info.get_default(call_default_factory=True)
            if default is PydanticUndefined:
                required.append(name)
                default = None
            else:
                hash(default)  # a mutable default would be shared between instances: refuse it (TypeError)
            defaults[name] = default
        self.model = model
        self.defaults = defaults
        self.required = tuple(required)

    def build(self, values: dict[str, Any]) -> Model:
        """An instance equal to `model(**values)`: the same field values, in field order, and the same fields set.

        Takes a dict rather than keywords, which cost as much again to pack. A field name the model does not
        have is a TypeError; the required fields are the caller's to give (`missing` says which it left out).
        """
        defaults = self.defaults
        fields = {**defaults, **values}
        if len(fields) != len(defaults):
            raise TypeError(f"{self.model.__name__} has no field {sorted(values.keys() - defaults.keys())}")
        instance = _new(self.model)
        _set_dict(instance, fields)
        _set_fields_set(instance, set(values))
        _set_extra(instance, None)
        _set_private(instance, None)
        return instance

    def missing(self, values: dict[str, Any]) -> list[str]:
        """The required fields `values` leaves out: for tests of the code that calls `build`."""
        return [name for name in self.required if name not in values]
