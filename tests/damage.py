"""Damage a real save as a careless or unlucky user would meet it, for the property test and its bench.

:func:`damages` is a hypothesis strategy of functions bytes -> bytes, each one kind of damage: the file cut
short, a byte flipped, a key deleted or misspelt, a value replaced by one of the wrong type or out of
range (numbers too large for a float, or thousands of digits long), nesting (the whole document, or one value) far beyond anything we write; :func:`run_command` runs a command in-process.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

Damage = Callable[[bytes], bytes]

#: Values a damaged or careless edit might leave where another belongs: wrong types, out of range.
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    99,
    2.5,
    -0.0,
    1e308,
    10**30,
    10**400,  # a whole number too large for a float
    -(10**400),
    10**20,  # fits a float, but no count or day is this large
    "",
    "x",
    "dk",
    "na",
    "99",
    "p1",
    "a1.d1.q1",
    "\u0000",
    "\ud800",
    [],
    [1, 2],
    {},
    {"choice": 1},
    {"": None},
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a decoded document: keys of objects and indexes of lists."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _edited(data: bytes, edit: Callable[[Any], Any]) -> bytes:
    document = json.loads(data.decode("utf-8-sig"))
    document = edit(document)
    try:
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: written as the JSON escape \ud800, as other tools do
        return json.dumps(document, indent=1).encode("ascii")


def _nest(depth: int, kind: str, inner: Any) -> Any:
    for _ in range(depth):
        inner = [inner] if kind == "list" else {"x": inner}
    return inner


@st.composite
def damages(draw: st.DrawFn, data: bytes) -> tuple[str, Damage]:
    """One damage to apply to ``data`` (a real save), with a description for the failure report."""
    document = json.loads(data.decode("utf-8-sig"))
    places = _paths(document)
    kind = draw(
        st.sampled_from(
            ["truncate", "flip", "delete", "rename", "replace", "digits", "nest-value", "nest-document"]
        )
    )
    if kind == "truncate":
        at = draw(st.integers(0, len(data) - 1))
        return f"truncate at {at}", lambda raw: raw[:at]
    if kind == "flip":
        at = draw(st.integers(0, len(data) - 1))
        bit = draw(st.integers(0, 7))
        return (
            f"flip bit {bit} of byte {at}",
            lambda raw: raw[:at] + bytes([raw[at] ^ (1 << bit)]) + raw[at + 1 :],
        )
    keyed = [p for p in places if p and isinstance(_at(document, p[:-1]), dict)]
    if kind in ("delete", "rename"):
        path = draw(st.sampled_from(keyed))
        if kind == "delete":

            def delete(doc: Any) -> Any:
                del _at(doc, path[:-1])[path[-1]]
                return doc

            return f"delete {path}", lambda raw: _edited(raw, delete)
        key = str(path[-1])
        at = draw(st.integers(0, max(len(key) - 1, 0)))
        new_key = key[:at] + draw(st.sampled_from("$_Xé0 ")) + key[at + 1 :]

        def rename(doc: Any) -> Any:
            parent = _at(doc, path[:-1])
            parent[new_key] = parent.pop(path[-1])
            return doc

        return f"rename {path} to {new_key!r}", lambda raw: _edited(raw, rename)
    if kind == "replace":
        path = draw(st.sampled_from([p for p in places if p]))
        value = draw(st.sampled_from(ODD_VALUES))

        def replace(doc: Any) -> Any:
            _at(doc, path[:-1])[path[-1]] = value
            return doc

        return f"replace {path} with {value!r}", lambda raw: _edited(raw, replace)
    if kind == "digits":  # a number beyond Python's limit on converting text to int (json.dumps refuses it)
        path = draw(st.sampled_from([p for p in places if p]))
        digits = draw(st.sampled_from([4301, 5000, 100_000]))
        return (
            f"replace {path} with a number of {digits} digits, as text",
            lambda raw: _edited(raw, lambda doc: _mark(doc, path)).replace(b'"@@NEST@@"', b"9" * digits),
        )
    depth = draw(st.sampled_from([20, 33, 100, 900, 5000]))
    shape = draw(st.sampled_from(["list", "object"]))
    if kind == "nest-value":
        path = draw(st.sampled_from([p for p in places if p]))

        def nest(doc: Any) -> Any:
            _at(doc, path[:-1])[path[-1]] = _nest(depth, shape, 1)
            return doc

        if depth > 500:  # too deep for json.dumps: build the text around the value's own
            text = (b"[" if shape == "list" else b'{"x":') * depth
            close = (b"]" if shape == "list" else b"}") * depth
            return (
                f"nest {path} {depth} deep ({shape}s), as text",
                lambda raw: _edited(raw, lambda doc: _mark(doc, path)).replace(
                    b'"@@NEST@@"', text + b"1" + close
                ),
            )
        return f"nest {path} {depth} deep ({shape}s)", lambda raw: _edited(raw, nest)
    open_, close_ = (b"[", b"]") if shape == "list" else (b'{"assessment":', b"}")
    return f"wrap the document {depth} deep ({shape}s)", lambda raw: open_ * depth + raw + close_ * depth


def _mark(doc: Any, path: tuple[Any, ...]) -> Any:
    _at(doc, path[:-1])[path[-1]] = "@@NEST@@"
    return doc


def run_command(args: list[str]) -> tuple[int, str]:
    """A command run in-process (an exception propagates: the test fails with its traceback)."""
    from assessor.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, err.getvalue()
