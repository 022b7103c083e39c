"""Turning checked YAML nodes into the frozen ``Questionnaire``, gathering every problem on the way.

Parts that fail a check get a placeholder so that reading goes on and later problems are found too; if any
problem was found, ``build_questionnaire`` raises ``QuestionnaireError`` with all of them.
"""

from __future__ import annotations

import dataclasses

from yaml.nodes import MappingNode, Node, ScalarNode

from assessor.model.questionnaire import (
    MAX_REVIEW_DAYS,
    SCORING_LIMITS,
    Area,
    Band,
    Level,
    Questionnaire,
    Scale,
    ScoringSettings,
    Source,
    Wording,
    format_value,
    level_value,
)
from assessor.questionnaire.build_parts import read_area, read_pilots
from assessor.questionnaire.errors import QuestionnaireError
from assessor.questionnaire.schema import fields as spec
from assessor.questionnaire.schema.reader import Fields, Reader, describe
from assessor.questionnaire.schema.validate import Index, check_bands, check_levels, check_range


def build_questionnaire(root: Node, file: str) -> Questionnaire:
    """The questionnaire described by ``root``; QuestionnaireError listing every problem otherwise."""
    reader = Reader(file)
    if not isinstance(root, MappingNode):
        reader.add(
            root,
            (
                f"the file holds {describe(root)}, not a questionnaire. Its top level must be keys with values, "
                "starting with 'format: 1'; see docs/questionnaire-format.md."
            ),
        )
        raise QuestionnaireError(reader.problems)
    _refuse_application_files(reader, root)
    index = Index(reader)
    top = reader.fields(root, spec.TOP, "the questionnaire")
    assert top is not None  # root is a mapping
    version = top.integer("format")
    if version is not None and version not in spec.SUPPORTED_FORMATS:
        reader.add(
            top.nodes["format"],
            (
                f"format {version} is not supported: this version of the application reads format "
                f"{', '.join(map(str, spec.SUPPORTED_FORMATS))}. Use a newer application or rewrite the file."
            ),
        )
    if "id" in top.values:
        index.define("questionnaire", top.text("id"), top.nodes["id"])
    sources = tuple(source for node in top.items("sources") if (source := _source(reader, index, node)))
    scale, usable = _scale(reader, top.mapping("scale"))
    scoring = _scoring(reader, index, top.mapping("scoring"), scale if usable else Scale(levels=()))
    # A broken scale is reported once, not again as wrong descriptors in every question.
    question_scale = scale if usable else dataclasses.replace(scale, levels=())
    areas: list[Area] = [
        area for node in top.items("areas") if (area := read_area(reader, index, node, question_scale))
    ]
    if "areas" in top.values and not areas and not top.items("areas"):
        reader.add(top.nodes["areas"], "'areas' is empty. List at least one area.")
    pilots = read_pilots(reader, index, top.items("pilots"))
    index.resolve()
    if reader.problems:
        raise QuestionnaireError(reader.problems)
    return Questionnaire(
        id=top.text("id"),
        title=top.text("title"),
        version=top.text("version"),
        scale=scale,
        areas=tuple(areas),
        pilots=pilots,
        scoring=scoring,
        authors=top.texts("authors"),
        description=top.text("description"),
        licence=top.text("licence"),
        attribution=top.text("attribution"),
        sources=sources,
        guide=top.text("guide"),
        wording=_wording(reader, top.mapping("wording")),
    )


def _refuse_application_files(reader: Reader, root: MappingNode) -> None:
    """An assessment or a participant pack (JSON is YAML too) gets one clear problem, not a page of keys."""
    for key, value in root.value:
        if key.value == "format" and isinstance(value, ScalarNode) and value.value in _APPLICATION_FILES:
            reader.add(
                value,
                f"this is {_APPLICATION_FILES[value.value]} saved by the application, not a questionnaire. "
                "Questionnaires are YAML files such as those in the questionnaires folder; to see an "
                "assessment's scores, run 'collab-assessor score FILE'.",
            )
            raise QuestionnaireError(reader.problems)


#: The "format" values of the files the application writes (as ``assessor.storage.documents.KINDS``).
_APPLICATION_FILES = {
    "collaboration-assessment": "an assessment",
    "collaboration-assessment-pack": "a participant pack",
    "collaboration-assessment-recovery": "a recovery file",
}


def _wording(reader: Reader, node: MappingNode | None) -> Wording:
    """The words about who is assessed; each one left out keeps the neutral default."""
    defaults = Wording()
    fields = reader.fields(node, spec.WORDING, "the wording") if node is not None else None
    if fields is None:
        return defaults
    noun = fields.text("organisation", defaults.organisation)
    if noun != noun.lower() and "organisation" in fields.values:
        reader.add(
            fields.nodes["organisation"],
            (
                f"'organisation' is '{noun}'; write it in lower case ('{noun.lower()}'): it is used inside "
                f"sentences such as 'Overall the {noun.lower()} is at ...', and capitalised where a label needs it."
            ),
        )
    return Wording(
        organisation=noun,
        report_title=fields.text("report_title", defaults.report_title),
        confidentiality=fields.text("confidentiality", defaults.confidentiality),
    )


def _source(reader: Reader, index: Index, node: Node) -> Source | None:
    fields = reader.fields(node, spec.SOURCE, "a source")
    if fields is None:
        return None
    if "id" in fields.values:
        index.define("source", fields.text("id"), fields.nodes["id"])
    return Source(fields.text("id"), fields.text("title"), fields.text("citation"))


def _scale(reader: Reader, node: MappingNode | None) -> tuple[Scale, bool]:
    """The scale, and whether its levels are sound enough to check the questions' descriptors by."""
    if node is None:
        return Scale(levels=()), False
    fields = reader.fields(node, spec.SCALE, "the scale")
    if fields is None:
        return Scale(levels=()), False
    levels: list[tuple[Level, Node]] = []
    for level_node in fields.items("levels"):
        level = reader.fields(level_node, spec.LEVEL, "a level of the scale")
        value = level.number("value") if level else None
        if level is not None and value is not None:
            levels.append(
                (Level(level_value(value), level.text("name"), level.text("descriptor")), level_node)
            )
    usable = "levels" in fields.values and check_levels(reader, levels, fields.nodes["levels"])
    scale = Scale(
        levels=tuple(level for level, _ in levels),
        allow_dont_know=fields.flag("dont_know", True),
        allow_not_applicable=fields.flag("not_applicable", True),
    )
    return scale, usable


def _scoring(reader: Reader, index: Index, node: MappingNode | None, scale: Scale) -> ScoringSettings:
    """The defaults derived from the scale (``ScoringSettings.for_scale``), with the file's overrides.

    ``scale`` has no levels when the file's scale is broken (already reported): then the numbers that must
    lie on the scale are not checked against it.
    """
    defaults = ScoringSettings.for_scale(scale)
    if node is None:
        return defaults
    fields = reader.fields(node, spec.SCORING, "the scoring settings")
    if fields is None:
        return defaults
    changes: dict[str, object] = {}
    for name, rule in spec.SCORING.items():
        if name in ("bands", "review_days") or name not in fields.values:
            continue
        value = fields.integer(name) if rule.kind is spec.Kind.INT else fields.number(name)
        low, high = SCORING_LIMITS.get(name, (float("-inf"), None))
        if name == "divergence_range" and scale.levels:
            high = scale.span
        if value is not None and check_range(reader, fields.nodes[name], name, value, low, high):
            changes[name] = level_value(value) if name == "cap_level" else value
    for name in ("cap_below", "recommend_below"):
        threshold = changes.get(name)
        if isinstance(threshold, float) and scale.levels:
            what = f"'{name}' is {format_value(threshold)}"
            _check_on_scale(reader, fields.nodes[name], what, threshold, scale)
    cap_level = changes.get("cap_level")
    if isinstance(cap_level, int | float) and scale.levels and cap_level not in scale.values:
        reader.add(
            fields.nodes["cap_level"],
            (
                f"'cap_level' is {format_value(cap_level)}, but the scale has no such level. "
                f"Use one of {', '.join(map(format_value, scale.values))}."
            ),
        )
    if "bands" in fields.values:
        changes["bands"] = _bands(reader, index, fields, scale)
    if "review_days" in fields.values:
        days: list[int] = []
        for day_node in fields.items("review_days"):
            day = reader.scalar(day_node, spec.Kind.INT, "each entry of 'review_days'")
            if isinstance(day, int) and check_range(
                reader, day_node, "a review day", day, 1, MAX_REVIEW_DAYS
            ):
                days.append(day)
        changes["review_days"] = tuple(days)
    return dataclasses.replace(defaults, **changes)  # type: ignore[arg-type]


def _check_on_scale(reader: Reader, node: Node, what: str, value: float, scale: Scale) -> bool:
    """A threshold must lie between the scale's lowest and highest values, or no score could ever cross it."""
    low, high = scale.minimum, scale.maximum
    if low - 1e-9 <= value <= high + 1e-9:
        return True
    reader.add(
        node,
        (
            f"{what}, outside the scale, which runs from {format_value(low)} to {format_value(high)}: "
            f"no score could ever {'reach' if value > high else 'fall below'} it. "
            "Use a number on the scale, or remove the line to use the default."
        ),
    )
    return False


def _bands(reader: Reader, index: Index, fields: Fields, scale: Scale) -> tuple[Band, ...]:
    """The score bands of the scoring settings, highest first (``check_bands`` reports any disorder)."""
    bands: list[tuple[Band, Node]] = []
    for band_node in fields.items("bands"):
        band = reader.fields(band_node, spec.BAND, "a band")
        if band is None:
            continue
        if "id" in band.values:
            index.define("band", band.text("id"), band.nodes["id"])
        minimum = band.number("from")
        lowest = float("-inf") if minimum is None else minimum
        if minimum is not None and scale.levels:
            what = f"the band '{band.text('id')}' starts at {format_value(minimum)}"
            _check_on_scale(reader, band.nodes["from"], what, minimum, scale)
        bands.append((Band(band.text("id"), band.text("name"), lowest, band.text("description")), band_node))
    check_bands(reader, bands, fields.nodes["bands"])
    return tuple(band for band, _ in bands)
