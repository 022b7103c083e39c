"""Checking YAML nodes against the schema: keys, duplicate keys and value types, gathering problems.

A ``Reader`` never stops at the first problem: it records it and goes on, so that every problem in the file
is reported at once. Values that fail their check are left out, and the caller falls back to a default.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessor.questionnaire.errors import Problem, did_you_mean
from assessor.questionnaire.schema.fields import Field, Kind, Spec

_TAG = "tag:yaml.org,2002:"
ID_RULE = (
    "use lower-case letters, digits, '-', '_' and '.', starting with a letter (a letter of any alphabet: "
    "a to z, ŵ, é ...)"
)
_ID_MARKS = frozenset("0123456789._-")
_constructor = SafeConstructor()


def describe(node: Node) -> str:
    """How a value reads to a person, for 'should be X, not Y' messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    if node.tag == _TAG + "null":
        return "empty"
    value = str(node.value)
    return f"'{value[:40]}...'" if len(value) > 40 else f"'{value}'"


def label(name: str) -> str:
    """A key in quotes ('title'); a phrase (each entry of 'authors') as it is."""
    return name if " " in name else f"'{name}'"


def _lower_letter(char: str) -> bool:
    """A lower-case letter of any alphabet: a, ŵ, é, ß (not a capital, a digit or a letter without case)."""
    return char.isalpha() and char.islower()


def is_valid_id(text: str) -> bool:
    """Lower-case letters of any alphabet, digits, '-', '_' and '.', starting with a letter."""
    return (
        bool(text)
        and _lower_letter(text[0])
        and all(_lower_letter(char) or char in _ID_MARKS for char in text[1:])
    )


def suggest_id(text: str) -> str:
    """A valid id close to ``text`` (``Shared Purpose`` -> ``shared-purpose``, ``Cymuned Ŵyl`` -> ``cymuned-ŵyl``)."""
    lowered = unicodedata.normalize("NFC", text.strip().lower())
    kept = "".join(char if _lower_letter(char) or char in _ID_MARKS else " " for char in lowered)
    slug = re.sub(r" +", "-", kept.strip()).strip("-")
    return slug if is_valid_id(slug) else ""


@dataclass
class Fields:
    """The checked values of one mapping, with their nodes for later messages."""

    node: MappingNode
    values: dict[str, object] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)

    def text(self, key: str, default: str = "") -> str:
        value = self.values.get(key)
        return value if isinstance(value, str) else default

    def flag(self, key: str, default: bool) -> bool:
        value = self.values.get(key)
        return value if isinstance(value, bool) else default

    def integer(self, key: str) -> int | None:
        value = self.values.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def number(self, key: str) -> float | None:
        value = self.values.get(key)
        return value if isinstance(value, float) else None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.values.get(key)
        return tuple(str(item) for item in value) if isinstance(value, list) else ()

    def ids(self, key: str) -> list[tuple[str, Node]]:
        value = self.values.get(key)
        return list(value) if isinstance(value, list) else []

    def items(self, key: str) -> list[Node]:
        value = self.values.get(key)
        return list(value) if isinstance(value, list) else []

    def mapping(self, key: str) -> MappingNode | None:
        value = self.values.get(key)
        return value if isinstance(value, MappingNode) else None


class Reader:
    """Checks nodes and gathers problems for one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, message))

    # Mappings and lists -------------------------------------------------------------------------

    def pairs(self, node: Node, what: str) -> list[tuple[ScalarNode, Node]] | None:
        """The key/value pairs of a mapping, without repeated keys; None (and a problem) if not a mapping."""
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} should be a mapping of keys to values, not {describe(node)}.")
            return None
        seen: dict[str, ScalarNode] = {}
        result: list[tuple[ScalarNode, Node]] = []
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag == _TAG + "null":
                self.add(key, f"a key in {what} should be a plain word, not {describe(key)}.")
                continue
            first = seen.get(key.value)
            if first is not None:
                self.add(
                    key,
                    (
                        f"the key '{key.value}' appears twice in {what} (first on line "
                        f"{first.start_mark.line + 1}). Keep one of them."
                    ),
                )
                continue
            seen[key.value] = key
            result.append((key, value))
        return result

    def sequence(self, node: Node, what: str) -> list[Node]:
        if isinstance(node, SequenceNode):
            return list(node.value)
        self.add(
            node, f"{what} should be a list (each entry on a line starting with '- '), not {describe(node)}."
        )
        return []

    def fields(self, node: Node, spec: Spec, what: str) -> Fields | None:
        """Check a mapping against ``spec``: unknown keys, missing keys, and each value's kind."""
        pairs = self.pairs(node, what)
        if pairs is None:
            return None
        assert isinstance(node, MappingNode)
        result = Fields(node)
        what = _named(what, pairs) if "id" in spec else what
        suggested: set[str] = set()
        for key, value in pairs:
            name = key.value
            rule = spec.get(name)
            if rule is None:
                hint = did_you_mean(name, spec)
                suggested.add(hint.split("'")[1] if hint else "")
                hint = hint or f" The keys allowed here are: {', '.join(spec)}."
                if node.flow_style and _is_null(value):
                    hint += (
                        " If this is the end of a text, put the whole text in quotes: inside { } a comma "
                        "starts a new key."
                    )
                self.add(key, f"unknown key '{name}' in {what}.{hint}")
                continue
            result.nodes[name] = value
            checked = self._value(value, rule, name)
            if checked is not None:
                result.values[name] = checked
        for name, rule in spec.items():
            if rule.required and name not in result.nodes and name not in suggested:
                self.add(node, f"{what} has no '{name}'. Add it: it is required.")
        return result

    # Values -------------------------------------------------------------------------------------

    def _value(self, node: Node, rule: Field, name: str) -> object | None:
        kind = rule.kind
        if kind is Kind.LIST:
            return self.sequence(node, label(name)) if not _is_null(node) or rule.required else []
        if kind is Kind.MAPPING:
            if isinstance(node, MappingNode):
                return node
            self.add(node, f"{label(name)} should be {kind.value}, not {describe(node)}.")
            return None
        if kind in (Kind.TEXTS, Kind.IDS):
            if _is_null(node) and not rule.required:
                return []
            single = Field(Kind.ID if kind is Kind.IDS else Kind.TEXT, required=True)
            checked = [
                (self._value(item, single, f"each entry of '{name}'"), item)
                for item in self.sequence(node, label(name))
            ]
            if kind is Kind.IDS:
                return [(value, item) for value, item in checked if isinstance(value, str)]
            return [value for value, _ in checked if isinstance(value, str)]
        return self.scalar(node, kind, name, required=rule.required)

    def scalar(self, node: Node, kind: Kind, name: str, *, required: bool = True) -> object | None:
        """A checked text, id, boolean or number; None (with a problem if it matters) otherwise."""
        if not isinstance(node, ScalarNode):
            self.add(node, f"{label(name)} should be {kind.value}, not {describe(node)}.")
            return None
        if kind in (Kind.TEXT, Kind.ID):
            text = "" if _is_null(node) else str(node.value).strip()
            if not text:
                if required:
                    self.add(node, f"{label(name)} is empty. Write {kind.value} here.")
                    return None
                return ""
            if kind is Kind.ID and not is_valid_id(text):
                better = suggest_id(text)
                hint = f" For example '{better}'." if better else ""
                where = "" if name == "id" else f" for '{name}'"
                self.add(node, f"'{text}' is not a valid id{where}: {ID_RULE}.{hint}")
                return None
            return text
        if kind is Kind.BOOL:
            if node.tag == _TAG + "bool":
                return bool(_constructor.construct_yaml_bool(node))
            self.add(node, f"{label(name)} should be true or false, not {describe(node)}.")
            return None
        if kind is Kind.INT:
            if node.tag == _TAG + "int":
                return int(_constructor.construct_yaml_int(node))
            self.add(node, f"{label(name)} should be a whole number, not {describe(node)}.")
            return None
        # Kind.NUMBER
        if node.tag in (_TAG + "int", _TAG + "float"):
            try:
                if node.tag == _TAG + "int":
                    number = float(_constructor.construct_yaml_int(node))
                else:
                    number = float(_constructor.construct_yaml_float(node))
            except (OverflowError, ValueError):
                number = math.inf
            if math.isfinite(number):
                return number
        self.add(node, f"{label(name)} should be a number, not {describe(node)}.")
        return None


def _named(what: str, pairs: list[tuple[ScalarNode, Node]]) -> str:
    """'an area' becomes "the area 'purpose'" when the mapping has a usable id."""
    for key, value in pairs:
        if key.value == "id" and isinstance(value, ScalarNode) and is_valid_id(str(value.value)):
            article, _, noun = what.partition(" ")
            return f"the {noun} '{value.value}'" if article in ("a", "an") else what
    return what


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _TAG + "null"
