"""Strict readers for decoded JSON: each names where in the document a value is wrong.

The codecs use these so that a damaged or hand-edited file gets a message such as
``assessment.rounds[0].answers.p1.q3.choice: expected a level number, "dk" or "na"`` instead
of a KeyError deep inside the program.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, TypeVar

_Enum = TypeVar("_Enum", bound=StrEnum)


class FormatError(ValueError):
    """A value in a document has the wrong shape; ``where`` is its path in the document."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


_MISSING: Any = object()


def obj(value: Any, where: str) -> dict[str, Any]:
    """``value`` as a JSON object, or FormatError."""
    if not isinstance(value, dict):
        raise FormatError(where, f"expected an object, found {_kind(value)}")
    return value


def arr(value: Any, where: str) -> list[Any]:
    """``value`` as a JSON array, or FormatError."""
    if not isinstance(value, list):
        raise FormatError(where, f"expected a list, found {_kind(value)}")
    return value


def field(data: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> Any:
    """``data[key]``; a missing key gives ``default`` or, with no default, FormatError."""
    if key in data:
        return data[key]
    if default is _MISSING:
        raise FormatError(f"{where}.{key}", "is missing")
    return default


def each(data: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> Iterator[tuple[Any, str]]:
    """Each item of the list ``data[key]`` with where it stands (``WHERE.KEY[i]``)."""
    for index, item in enumerate(arr(field(data, key, where, default), f"{where}.{key}")):
        yield item, f"{where}.{key}[{index}]"


def entries(data: dict[str, Any], key: str, where: str) -> Iterator[tuple[str, Any, str]]:
    """Each member of the object ``data[key]`` (none if missing): its key, value and ``WHERE.KEY.NAME``."""
    for name, item in obj(field(data, key, where, {}), f"{where}.{key}").items():
        yield name, item, f"{where}.{key}.{name}"


def text(data: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> str:
    value = field(data, key, where, default)
    if not isinstance(value, str):
        raise FormatError(f"{where}.{key}", f"expected text, found {_kind(value)}")
    return valid_text(value, f"{where}.{key}")


def valid_text(value: str, where: str) -> str:
    """``value`` if it can be written back: JSON's ``\\ud800`` escapes can give a lone surrogate, which
    no UTF-8 file can hold (saving the assessment would then fail)."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise FormatError(
                where, "the text holds an invalid character (a lone surrogate, \\ud800 to \\udfff)"
            ) from None
    return value


def flag(data: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> bool:
    value = field(data, key, where, default)
    if not isinstance(value, bool):
        raise FormatError(f"{where}.{key}", f"expected true or false, found {_kind(value)}")
    return value


def integer(data: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> int:
    return as_int(field(data, key, where, default), f"{where}.{key}")


#: The largest whole number (either sign) any of our counts, days or settings may hold; a file with a larger
#: one is damaged (no workshop counts a billion of anything).
MAX_WHOLE = 10**9


def as_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(where, f"expected a whole number, found {_kind(value)}")
    if abs(value) > MAX_WHOLE:
        raise FormatError(where, f"expected a whole number of at most {MAX_WHOLE:,}, found one far larger")
    return value


def number(data: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> float:
    value = field(data, key, where, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FormatError(f"{where}.{key}", f"expected a number, found {_kind(value)}")
    try:
        converted = float(value)  # a whole number too large for a float raises OverflowError
    except OverflowError:
        converted = math.inf
    if not math.isfinite(converted):
        raise FormatError(f"{where}.{key}", "expected a number, found one far too large")
    return converted


def texts(data: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> list[str]:
    """A list of strings."""
    values = arr(field(data, key, where, default), f"{where}.{key}")
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise FormatError(f"{where}.{key}[{index}]", f"expected text, found {_kind(value)}")
        valid_text(value, f"{where}.{key}[{index}]")
    return list(values)


def member(
    data: dict[str, Any], key: str, where: str, kind: type[_Enum], default: _Enum | None = None
) -> _Enum:
    """``data[key]`` as a member of the text enum ``kind``; a missing key gives ``default`` if there is one."""
    value = field(data, key, where, _MISSING if default is None else default.value)
    try:
        return kind(value)
    except ValueError:
        names = [f'"{choice.value}"' for choice in kind]
        listed = ", ".join(names[:-1]) + " or " + names[-1]
        raise FormatError(f"{where}.{key}", f"expected {listed}, found {value!r}") from None


def known(data: dict[str, Any], allowed: tuple[str, ...], where: str) -> dict[str, Any]:
    """``data``, after checking it has no key outside ``allowed``; FormatError names the first stranger.

    A key we never write is damage (a flipped byte turns "confidence" into "$onfidence") or an edit by
    hand: reading on without it would silently lose its value, so it is reported, with the closest
    allowed key when one is close.
    """
    for key in data:
        if key not in allowed:
            import difflib  # only when a file is damaged: reading a good one never needs it

            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            close = close or [name for name in allowed if name.lower() == key.lower()][:1]
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            shown = key if len(key) <= 40 else key[:37] + "..."
            place = f"{where}.{shown}" if where else shown
            raise FormatError(place, f"there is no such field here{hint}")
    return data


def int_key(key: str, where: str) -> int:
    """An object key that must hold a whole number (JSON keys are always text)."""
    try:
        return int(key)
    except ValueError:
        raise FormatError(where, f"expected a whole number as the key, found {key!r}") from None


def level_key(key: str, where: str) -> float:
    """An object key that holds a level value ("3", "-1", "0.25"; JSON keys are always text): a whole
    number comes back as an ``int``, as ``assessor.model.questionnaire.level_value`` keeps it."""
    try:
        number = float(key)
    except ValueError:
        raise FormatError(where, f"expected a level value as the key, found {key!r}") from None
    if not math.isfinite(number):
        raise FormatError(where, f"expected a level value as the key, found {key!r}")
    return int(number) if number.is_integer() else number


def level_number(data: dict[str, Any], key: str, where: str) -> float:
    """A level value: any finite number, a whole number as an ``int``."""
    value = number(data, key, where)
    return int(value) if value.is_integer() else value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
