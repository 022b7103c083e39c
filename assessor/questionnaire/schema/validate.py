"""The rules between parts of a questionnaire: unique ids, references, the scale, descriptors and bands.

Type checks live in ``reader``; these rules need several values at once. Every rule records problems on
the shared ``Reader`` and carries on.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode

from assessor.model.questionnaire import Band, Level, format_value, level_value
from assessor.questionnaire.errors import did_you_mean
from assessor.questionnaire.schema.fields import MAX_LEVELS, MIN_LEVELS, Kind
from assessor.questionnaire.schema.reader import Reader


class Index:
    """Ids defined in the file, by kind, and the references to them waiting to be resolved."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._defined: dict[str, dict[str, Node]] = {}
        self._references: list[tuple[str, str, Node, str]] = []
        self._unsure: set[str] = set()

    def define_invalid(self, kind: str) -> None:
        """A ``kind`` was given an invalid id (already reported). References to that kind are then not
        checked, so that one bad id is not reported again at every place that names it."""
        self._unsure.add(kind)

    def define(self, kind: str, ident: str, node: Node) -> None:
        """Record an id; a second definition of the same id (anywhere in the file) is a problem."""
        known = self._defined.setdefault(kind, {})
        first = known.get(ident)
        if first is not None:
            self._reader.add(
                node,
                (
                    f"the {kind} id '{ident}' is already used on line {first.start_mark.line + 1}. "
                    f"Each {kind} needs its own id, unique in the whole file."
                ),
            )
            return
        known[ident] = node

    def refer(self, kind: str, ident: str, node: Node, what: str) -> None:
        """Note that ``what`` names a ``kind`` by ``ident``; checked by ``resolve`` once all is read."""
        self._references.append((kind, ident, node, what))

    def resolve(self) -> None:
        for kind, ident, node, what in self._references:
            if kind in self._unsure:
                continue
            known = self._defined.get(kind, {})
            if ident not in known:
                hint = did_you_mean(ident, known) or (
                    f" The {kind} ids are: {', '.join(known)}." if known and len(known) <= 12 else ""
                )
                self._reader.add(
                    node, f"{what} names the {kind} '{ident}', but there is no such {kind}.{hint}"
                )


def check_levels(reader: Reader, levels: Sequence[tuple[Level, Node]], node: Node) -> bool:
    """3 to 7 levels, values strictly increasing; whether they are sound enough to check questions by."""
    usable = MIN_LEVELS <= len(levels) <= MAX_LEVELS
    if not usable:
        count = f"{len(levels)} level{'s' if len(levels) != 1 else ''}"
        reader.add(node, f"the scale has {count}; it needs {MIN_LEVELS} to {MAX_LEVELS}.")
    for (before, _), (level, level_node) in itertools.pairwise(levels):
        if level.value <= before.value:
            usable = False
            reader.add(
                level_node,
                f"level values must increase from one level to the next: {format_value(level.value)} comes "
                f"after {format_value(before.value)}. List the levels from lowest to highest, each value once.",
            )
    return usable


def _key_number(key: ScalarNode) -> float | None:
    """A descriptor's key as a number: "2" (quoted) is still the level 2, as are -1, 0.25 and "0.25"."""
    try:
        number = float(str(key.value).strip())
    except ValueError:
        return None
    return level_value(number) if math.isfinite(number) else None


def check_descriptors(
    reader: Reader, node: MappingNode, levels: Sequence[Level], what: str
) -> dict[float, str]:
    """One non-empty descriptor per level of the scale, and none for a level the scale lacks."""
    pairs = reader.pairs(node, f"the descriptors of {what}")
    names = {level.value: level.name for level in levels}
    result: dict[float, str] = {}
    for key, value in pairs or []:
        number = _key_number(key)
        if number is None:
            reader.scalar(key, Kind.NUMBER, "the level of a descriptor")
            continue
        shown = format_value(number)
        if levels and number not in names:
            reader.add(
                key,
                (
                    f"the scale has no level {shown}: descriptors are written for the levels "
                    f"{', '.join(format_value(v) for v in names)}. Remove this one or correct its number."
                ),
            )
            continue
        text = reader.scalar(value, Kind.TEXT, f"the descriptor for level {shown}")
        if isinstance(text, str):
            result[number] = text
        elif isinstance(value, ScalarNode):
            result[number] = ""  # empty: already reported, do not report it as missing too
    missing = [level for level in levels if level.value not in result]
    for level in missing:
        reader.add(
            node,
            (
                f"{what} has no descriptor for level {format_value(level.value)} ({level.name}). "
                "Write what you would see at that level."
            ),
        )
    return {value: text for value, text in result.items() if text}


def check_bands(reader: Reader, bands: Sequence[tuple[Band, Node]], node: Node) -> None:
    """Bands are listed from the highest down; all but the last need 'from'."""
    if not bands:
        reader.add(node, "'bands' is empty. List at least one band, or remove 'bands' to use the defaults.")
        return
    for index, (band, band_node) in enumerate(bands):
        last = index == len(bands) - 1
        if band.minimum == float("-inf") and not last:
            reader.add(
                band_node,
                (
                    f"the band '{band.id}' has no 'from'. Every band but the last needs 'from', its lowest score."
                ),
            )
        before = bands[index - 1][0].minimum if index else float("inf")
        if math.isfinite(band.minimum) and math.isfinite(before) and band.minimum >= before:
            reader.add(
                band_node,
                (
                    f"bands must be listed from the highest down: '{band.id}' starts at {band.minimum:g}, not below "
                    f"'{bands[index - 1][0].id}' ({bands[index - 1][0].minimum:g})."
                ),
            )


def check_range(
    reader: Reader, node: Node | None, name: str, value: float | None, low: float, high: float | None = None
) -> bool:
    """Whether ``value`` lies in [low, high]; a problem at ``node`` if it does not."""
    if value is None or node is None:
        return False
    if value < low or (high is not None and value > high):
        limits = f"between {low:g} and {high:g}" if high is not None else f"{low:g} or more"
        reader.add(node, f"'{name}' is {value:g}; it must be {limits}.")
        return False
    return True
