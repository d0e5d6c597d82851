"""A YAML reader that refuses what a hand-written rule file should never contain: duplicate keys.

It keeps the line of every mapping key, so that later checks can name the line of a bad value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from gravida.knowledge.errors import RuleFileError

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    path: str = "<string>"

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if isinstance(key, list | dict):
                raise RuleFileError(self.path, line, "a mapping key must be a plain value")
            if key in seen:
                raise RuleFileError(self.path, line, f"duplicate key {key!r} (first given on line {seen[key]})")
            seen[key] = line
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_strict_timestamp(self, node: yaml.ScalarNode) -> object:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError as exc:
            raise RuleFileError(self.path, node.start_mark.line + 1, f"{node.value!r} is not a date ({exc})") from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_strict_timestamp)


def key_lines(node: yaml.Node, *path: str) -> dict[Any, int]:
    """Lines of the keys of the mapping found by following `path` from the document root."""
    current: yaml.Node | None = node
    for name in path:
        if not isinstance(current, yaml.MappingNode):
            return {}
        current = next((v for k, v in current.value if k.value == name), None)
    if not isinstance(current, yaml.MappingNode):
        return {}
    lines: dict[Any, int] = {}
    for key_node, _ in current.value:
        lines[key_node.value] = key_node.start_mark.line + 1
    return lines


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree; a syntax error or a duplicate key names the file and line."""
    text = path.read_text(encoding="utf-8")
    loader = _StrictLoader(text)
    loader.path = str(path)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RuleFileError(path, line, f"not valid YAML: {exc.problem}") from None
    finally:
        loader.dispose()
    return data, node
