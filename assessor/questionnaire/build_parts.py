"""Reading areas (with their dimensions and questions) and pilots, checking each as it goes."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import TypeVar

from yaml.nodes import Node

from assessor.model.questionnaire import Area, Dimension, Example, Pilot, Question, Scale
from assessor.questionnaire.errors import did_you_mean
from assessor.questionnaire.schema import fields as spec
from assessor.questionnaire.schema.reader import Fields, Reader
from assessor.questionnaire.schema.validate import Index, check_descriptors

_Part = TypeVar("_Part", Dimension, Question)


def _named(kind: str, fields: Fields) -> str:
    ident = fields.text("id")
    return f"the {kind} '{ident}'" if ident else f"this {kind}"


def _define(index: Index, kind: str, fields: Fields) -> None:
    if "id" in fields.values:
        index.define(kind, fields.text("id"), fields.nodes["id"])
    elif "id" in fields.nodes:
        index.define_invalid(kind)


def _opened(
    reader: Reader, index: Index, node: Node, schema: spec.Spec, kind: str
) -> tuple[Fields, str] | None:
    """The checked fields of one area, dimension or question, with its id defined, and how to name it."""
    article = "an" if kind[0] in "aeiou" else "a"
    fields = reader.fields(node, schema, f"{article} {kind}")
    if fields is None:
        return None
    _define(index, kind, fields)
    return fields, _named(kind, fields)


def _children(
    reader: Reader, fields: Fields, key: str, what: str, read: Callable[[Node], _Part | None]
) -> tuple[_Part, ...]:
    """The parts listed under ``key`` (those that could be read); an empty list is reported."""
    items = fields.items(key)
    if key in fields.values and not items:
        reader.add(fields.nodes[key], f"{what} has no {key}: list at least one.")
    return tuple(part for item in items if (part := read(item)))


def read_area(reader: Reader, index: Index, node: Node, scale: Scale) -> Area | None:
    opened = _opened(reader, index, node, spec.AREA, "area")
    if opened is None:
        return None
    fields, what = opened
    return Area(
        id=fields.text("id"),
        title=fields.text("title"),
        dimensions=_children(
            reader, fields, "dimensions", what, lambda child: _dimension(reader, index, child, scale)
        ),
        description=fields.text("description"),
        enabler=fields.flag("enabler", False),
    )


def _dimension(reader: Reader, index: Index, node: Node, scale: Scale) -> Dimension | None:
    opened = _opened(reader, index, node, spec.DIMENSION, "dimension")
    if opened is None:
        return None
    fields, what = opened
    for source, source_node in fields.ids("sources"):
        index.refer("source", source, source_node, what)
    return Dimension(
        id=fields.text("id"),
        title=fields.text("title"),
        questions=_children(
            reader, fields, "questions", what, lambda child: _question(reader, index, child, scale)
        ),
        description=fields.text("description"),
        sources=tuple(source for source, _ in fields.ids("sources")),
    )


def _question(reader: Reader, index: Index, node: Node, scale: Scale) -> Question | None:
    opened = _opened(reader, index, node, spec.QUESTION, "question")
    if opened is None:
        return None
    fields, what = opened
    descriptors_node = fields.mapping("descriptors")
    descriptors = check_descriptors(reader, descriptors_node, scale.levels, what) if descriptors_node else {}
    weight = fields.number("weight")
    if weight is not None and weight <= 0:
        reader.add(
            fields.nodes["weight"],
            (
                f"the weight of {what} is {weight:g}; a weight must be a positive number, such as 1 or 2. "
                "To leave a question out, remove it."
            ),
        )
    return Question(
        id=fields.text("id"),
        text=fields.text("text"),
        descriptors=MappingProxyType(descriptors),
        guidance=fields.text("guidance"),
        evidence=fields.texts("evidence"),
        weight=weight if weight is not None and weight > 0 else 1.0,
        allow_not_applicable=scale.allow_not_applicable and fields.flag("not_applicable", True),
        not_applicable_when=fields.text("not_applicable_when"),
    )


def read_pilots(reader: Reader, index: Index, nodes: list[Node]) -> tuple[Pilot, ...]:
    pilots: list[Pilot] = []
    always: Pilot | None = None
    always_line = 0
    for node in nodes:
        fields = reader.fields(node, spec.PILOT, "a pilot")
        if fields is None:
            continue
        pilot = _pilot(reader, index, fields)
        if pilot.always_recommend:
            if always is not None:
                reader.add(
                    fields.nodes["always_recommend"],
                    (
                        f"only one pilot may have 'always_recommend: true', and '{always.id}' (line {always_line}) "
                        "already has it. Remove it from one of them."
                    ),
                )
            else:
                always, always_line = pilot, fields.nodes["always_recommend"].start_mark.line + 1
        pilots.append(pilot)
    return tuple(pilots)


def _pilot(reader: Reader, index: Index, fields: Fields) -> Pilot:
    _define(index, "pilot", fields)
    what = _named("pilot", fields)
    if "area" in fields.values:
        index.refer("area", fields.text("area"), fields.nodes["area"], what)
    for trigger, trigger_node in fields.ids("triggers"):
        index.refer("dimension", trigger, trigger_node, f"a trigger of {what}")
    always = fields.flag("always_recommend", False)
    if "outcomes" in fields.nodes and not fields.texts("outcomes") and "outcomes" in fields.values:
        reader.add(
            fields.nodes["outcomes"],
            (
                f"{what} has no outcomes. List at least one measurable outcome, so that the pilot can be judged."
            ),
        )
    if "triggers" in fields.values and not fields.ids("triggers") and not always:
        reader.add(
            fields.nodes["triggers"],
            (f"{what} has no triggers. Name the dimensions whose low scores should suggest it."),
        )
    effort = fields.text("effort", "medium")
    if "effort" in fields.values and effort not in spec.EFFORTS:
        hint = did_you_mean(effort, spec.EFFORTS) or ""
        reader.add(fields.nodes["effort"], f"'effort' is '{effort}'; it must be low, medium or high.{hint}")
    examples = []
    for node in fields.items("examples"):
        example = reader.fields(node, spec.EXAMPLE, f"an example of {what}")
        if example is not None:
            examples.append(
                Example(example.text("text"), example.text("source"), example.flag("verified", True))
            )
    return Pilot(
        id=fields.text("id"),
        title=fields.text("title"),
        area=fields.text("area"),
        summary=fields.text("summary"),
        outcomes=fields.texts("outcomes"),
        baseline=fields.text("baseline"),
        stop_scale_rule=fields.text("stop_scale_rule"),
        triggers=tuple(trigger for trigger, _ in fields.ids("triggers")),
        examples=tuple(examples),
        size=fields.text("size"),
        timescale=fields.text("timescale"),
        cost=fields.text("cost"),
        first_step=fields.text("first_step"),
        effort=effort,
        always_recommend=always,
    )
