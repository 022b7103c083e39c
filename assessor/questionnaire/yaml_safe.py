"""Reading a questionnaire file into YAML nodes, safely.

Nothing here constructs Python objects from tags: the file is parsed into events by PyYAML's safe parser
(libyaml when available) and composed into plain nodes that keep their line and column. Hostile files are
refused early and cheaply:

- files larger than ``MAX_FILE_BYTES`` are refused before they are read;
- aliases (``*name``) are refused, so "billion laughs" expansion cannot happen;
- nesting deeper than ``MAX_DEPTH`` and more than ``MAX_NODES`` values stop the reading;
- tags other than YAML's plain ones (``!!python/object``, ``!custom``...) are reported, never acted on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessor.questionnaire.errors import Problem, QuestionnaireError

#: A questionnaire is text: even a large one is a few hundred kilobytes.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: A questionnaire nests about ten levels deep; far more is a broken or hostile file.
MAX_DEPTH = 40
#: Values (keys, texts, numbers, lists, mappings) in one file.
MAX_NODES = 50_000

_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
#: Aliases reported one by one; beyond this, one line says how many more there are.
_ALIASES_LISTED = 5
_Parser: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Stop(Exception):
    """Reading cannot go on; the problem has been recorded."""


def _file_error(file: str, message: str) -> QuestionnaireError:
    """An error about the file as a whole (line 0: no place in it)."""
    return QuestionnaireError([Problem(file, 0, 0, message)])


def read_text(path: Path, *, name: str | None = None) -> str:
    """The file's text, decoded as UTF-8; QuestionnaireError if missing, too large, not UTF-8 or empty."""
    file = name or str(path)
    limit = f"{MAX_FILE_BYTES // 1024 // 1024} MB"
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            megabytes = f"{size / 1024 / 1024:.1f} MB"
            raise _file_error(
                file,
                f"the file is {megabytes}; a questionnaire may be at most {limit}. "
                "Check that this is the right file.",
            )
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # never more, even if the file grows meanwhile
    except FileNotFoundError:
        raise _file_error(file, "no such file. Check the name and the folder.") from None
    except IsADirectoryError:
        raise _file_error(file, "this is a folder, not a questionnaire file.") from None
    except OSError as error:
        raise _file_error(file, f"the file cannot be read ({error.strerror}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise _file_error(file, f"the file is larger than {limit}, the most a questionnaire may be.")
    return decode(data, file)


def decode(data: bytes, file: str) -> str:
    """UTF-8 bytes (with or without a byte-order mark) to text; QuestionnaireError names the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise QuestionnaireError(
            [
                Problem(
                    file,
                    line,
                    column,
                    (
                        f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} here). "
                        "Save it as UTF-8 in your editor (in Word or Excel: 'Save as', encoding 'UTF-8')."
                    ),
                )
            ]
        ) from None
    if not text.strip():
        raise QuestionnaireError(
            [
                Problem(
                    file,
                    1,
                    1,
                    (
                        "the file is empty. A questionnaire starts with 'format: 1'; see docs/questionnaire-format.md."
                    ),
                )
            ]
        )
    return text


def compose(text: str, file: str) -> Node:
    """The YAML nodes of ``text`` (one document); QuestionnaireError lists what was refused and why."""
    composer = _Composer(text, file)
    root = composer.run()
    if composer.problems or root is None:
        if root is None and not composer.problems:
            composer.problems.append(Problem(file, 1, 1, "the file holds only comments: it is empty."))
        raise QuestionnaireError(composer.problems)
    return root


def _mark(mark: object) -> Mark:
    """A plain PyYAML mark (line and column from 0) from libyaml's or PyYAML's own."""
    return Mark("", 0, int(getattr(mark, "line", 0)), int(getattr(mark, "column", 0)), None, 0)


class _Composer:
    """Builds nodes from parser events, refusing aliases, odd tags, deep nesting and huge files."""

    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self._parser = _Parser(text)
        self._resolver = yaml.resolver.Resolver()
        self._nodes = 0
        self._aliases = 0

    def run(self) -> Node | None:
        try:
            try:
                root = self._stream()
                if self._aliases > _ALIASES_LISTED:
                    more = self._aliases - _ALIASES_LISTED
                    self.problems.append(
                        Problem(
                            self.file,
                            self.problems[-1].line,
                            self.problems[-1].column,
                            f"...and {more} more aliases after this one, none allowed.",
                        )
                    )
                return root
            except yaml.MarkedYAMLError as error:
                self._syntax_problem(error)
            except yaml.YAMLError as error:
                self.problems.append(Problem(self.file, 1, 1, f"this is not valid YAML: {error}"))
            except _Stop:
                pass
            return None
        finally:
            self._parser.dispose()

    def _add(self, event: Event, message: str) -> None:
        mark = _mark(event.start_mark)
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, message))

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> None:
        mark = error.problem_mark or error.context_mark
        what = " ".join(part for part in (error.context, error.problem) if part)
        if "nesting depth" in what:
            what = "it nests far too deep for a questionnaire"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.problems.append(
            Problem(
                self.file,
                line,
                column,
                (
                    f"this is not valid YAML ({what}). Check the indentation and the quotes on this line "
                    "and the one before it."
                ),
            )
        )

    def _stream(self) -> Node | None:
        self._parser.get_event()  # stream start
        if self._parser.check_event(StreamEndEvent):
            return None
        self._parser.get_event()  # document start
        root = self._node(depth=1)
        self._parser.get_event()  # document end
        if self._parser.check_event(DocumentStartEvent):
            self._add(
                self._parser.peek_event(),
                (
                    "a second YAML document starts here ('---'). A questionnaire is one document: "
                    "remove the '---' line or split the file."
                ),
            )
            raise _Stop
        return root

    def _node(self, depth: int) -> Node:
        event = self._parser.get_event()
        self._nodes += 1
        if self._nodes > MAX_NODES:
            self._add(event, f"the file holds more than {MAX_NODES:,} values; that is not a questionnaire.")
            raise _Stop
        if depth > MAX_DEPTH:
            self._add(
                event,
                (
                    f"the file nests deeper than {MAX_DEPTH} levels here; a questionnaire never needs that. "
                    "Check the indentation."
                ),
            )
            raise _Stop
        if isinstance(event, AliasEvent):
            # Reported (the first few), then read as an empty value so that reading goes on.
            self._aliases += 1
            if self._aliases <= _ALIASES_LISTED:
                self._add(
                    event,
                    (
                        f"aliases ('*{event.anchor}') are not allowed in a questionnaire, so that no file can "
                        "expand to billions of values. Write the text out in full."
                    ),
                )
            return ScalarNode("tag:yaml.org,2002:null", "", _mark(event.start_mark), _mark(event.end_mark))
        tag = self._check_tag(event)
        if isinstance(event, ScalarEvent):
            if tag is None:
                tag = self._resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
            return ScalarNode(
                tag, event.value, _mark(event.start_mark), _mark(event.end_mark), style=event.style
            )
        if isinstance(event, SequenceStartEvent):
            items: list[Node] = []
            while not self._parser.check_event(SequenceEndEvent):
                items.append(self._node(depth + 1))
            return self._collection(SequenceNode, tag or "tag:yaml.org,2002:seq", items, event)
        if isinstance(event, MappingStartEvent):
            pairs: list[tuple[Node, Node]] = []
            while not self._parser.check_event(MappingEndEvent):
                key = self._node(depth + 1)
                pairs.append((key, self._node(depth + 1)))
            return self._collection(MappingNode, tag or "tag:yaml.org,2002:map", pairs, event)
        raise _Stop  # pragma: no cover - the parser yields nothing else here

    def _collection(
        self,
        kind: type[SequenceNode] | type[MappingNode],
        tag: str,
        value: list[Any],
        start: SequenceStartEvent | MappingStartEvent,
    ) -> Node:
        """The list or mapping that ``start`` opened, once its contents are read: takes its end event."""
        end = self._parser.get_event()
        return kind(tag, value, _mark(start.start_mark), _mark(end.end_mark), flow_style=start.flow_style)

    def _check_tag(self, event: Event) -> str | None:
        """The explicit plain tag of the event, or None to resolve it; odd tags are reported, not used."""
        tag: str | None = getattr(event, "tag", None)
        if tag is None or tag == "!":
            return None
        if tag in _PLAIN_TAGS:
            return tag
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        self._add(
            event,
            (
                f"the tag '{shown}' is not allowed: a questionnaire holds only text, numbers, true/false, "
                "lists and mappings. Remove the tag."
            ),
        )
        return None


__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES", "compose", "decode", "read_text"]
