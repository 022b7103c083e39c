"""reportlab is contained: only assessor/report/rl_private.py touches its private state or its settings, and
making a report changes no setting (so a report on a worker thread cannot disturb anything else).

"Private" is judged against reportlab's own source: an attribute whose name starts with one underscore
and that reportlab itself defines or uses (``_doc``, ``_code``, ``_rowHeights``, ...), an object's
``__dict__`` or ``vars()``, an object made with ``__new__`` (past its constructor), and any use of
``rl_config``. Modules that import reportlab are checked for all of these; every module for ``rl_config``.
"""

from __future__ import annotations

import ast
import functools
import threading
import types
from pathlib import Path
from typing import Any

import pytest
import reportlab
from reportlab import rl_config

from tests.conftest import ROOT

ALLOWED = ROOT / "assessor" / "report" / "rl_private.py"
ATTRIBUTE_FUNCTIONS = {"getattr", "setattr", "hasattr", "delattr"}


@functools.cache
def reportlab_private_names() -> frozenset[str]:
    """Every single-underscore name reportlab's source uses as an attribute or defines in a class."""
    names: set[str] = set()
    for path in Path(reportlab.__file__).parent.rglob("*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        names.add(item.name)
                    elif isinstance(item, ast.Assign):
                        names.update(target.id for target in item.targets if isinstance(target, ast.Name))
    return frozenset(name for name in names if name.startswith("_") and not name.endswith("__"))


def imports_reportlab(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
            alias.name.split(".")[0] == "reportlab" for alias in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "reportlab":
            return True
    return False


def names_rl_config(node: ast.AST) -> bool:
    """Whether ``node`` names reportlab's settings: as a name, an attribute or in an import."""
    if isinstance(node, ast.Name):
        return node.id == "rl_config"
    if isinstance(node, ast.Attribute):
        return node.attr == "rl_config"
    if isinstance(node, ast.Import):
        return any(alias.name == "reportlab.rl_config" for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        return node.module == "reportlab.rl_config" or any(alias.name == "rl_config" for alias in node.names)
    return False


def reaches_into_reportlab(source: str) -> list[str]:
    """What in ``source`` touches reportlab's private state or settings, as "line: what" strings."""
    tree = ast.parse(source)
    private = reportlab_private_names()
    checked = imports_reportlab(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if names_rl_config(node):
            found.append(f"{line}: rl_config")
        elif not checked:
            continue
        elif isinstance(node, ast.Attribute) and (
            node.attr in private or node.attr in ("__dict__", "__new__")
        ):
            found.append(f"{line}: .{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "vars":
                found.append(f"{line}: vars()")
            elif node.func.id in ATTRIBUTE_FUNCTIONS and len(node.args) > 1:
                name = node.args[1]
                if isinstance(name, ast.Constant) and (name.value in private or name.value == "__dict__"):
                    found.append(f"{line}: {node.func.id}(..., {name.value!r})")
    return sorted(set(found), key=lambda item: int(item.split(":")[0]))


def test_only_rl_private_touches_reportlabs_private_state_or_settings() -> None:
    offenders = {}
    for path in sorted((ROOT / "assessor").rglob("*.py")):
        if path == ALLOWED:
            continue
        found = reaches_into_reportlab(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}, (
        f"Only {ALLOWED.relative_to(ROOT)} may touch reportlab's private state or rl_config (add a function "
        f"there, with why it is needed, and a canary in tests/test_reportlab_canaries.py): {offenders}"
    )


def test_rl_private_is_where_the_private_state_is_touched() -> None:
    """The scan sees what rl_private does (so it would see the same anywhere else)."""
    found = reaches_into_reportlab(ALLOWED.read_text(encoding="utf-8"))
    for expected in (
        "._doc",
        "._startPage",
        "._code",
        "._annotationCount",
        "._rowHeights",
        "vars()",
        "rl_config",
    ):
        assert any(expected in item for item in found), expected


@pytest.mark.parametrize(
    "source",
    [
        "from reportlab.pdfgen.canvas import Canvas\ndef f(c: Canvas):\n    return c._doc.pageCounter\n",
        "from reportlab.platypus import Table\ndef f(t: Table):\n    return t._rowHeights\n",
        "from reportlab.pdfbase.ttfonts import TTFontFace\ndef f(face):\n    return face.__dict__\n",
        "from reportlab.pdfbase.ttfonts import TTFontFace\nface = TTFontFace.__new__(TTFontFace)\n",
        "from reportlab.platypus import Paragraph\ndef f(p: Paragraph):\n    return vars(p)\n",
        "import reportlab\ndef f(c):\n    return getattr(c, '_annotationCount')\n",
        "from reportlab import rl_config\n",
        "import reportlab.rl_config\nreportlab.rl_config.useA85 = 0\n",
        "def f():\n    from reportlab.rl_config import shapeChecking\n    return shapeChecking\n",
        "def later():\n    import reportlab.pdfgen.canvas\n    canvas = reportlab.pdfgen.canvas.Canvas('x')\n    canvas._code\n",
    ],
)
def test_the_scan_finds_a_reach_into_reportlab(source: str) -> None:
    assert reaches_into_reportlab(source) != []


def test_the_scan_leaves_public_use_and_our_own_private_names_alone() -> None:
    source = (
        "from reportlab.platypus import Table\n"
        "class Ours(Table):\n"
        "    def __init__(self):\n"
        "        self._held_pages = []\n"
        "        self._finishers = []\n"
        "    def draw(self):\n"
        "        self.canv.drawString(0, 0, self.text)\n"
    )
    assert reaches_into_reportlab(source) == []
    # Modules without reportlab (the UI's own private names) are only checked for rl_config.
    assert reaches_into_reportlab("def f(session):\n    return session._results, vars(session)\n") == []


class _RecordingModule(types.ModuleType):
    """rl_config with every setting written to it recorded (module attribute writes go through here)."""

    written: list[tuple[str, Any, str]]

    def __setattr__(self, name: str, value: Any) -> None:
        if name != "written":
            self.written.append((name, value, threading.current_thread().name))
        super().__setattr__(name, value)


def test_a_report_made_on_another_thread_changes_no_reportlab_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assessor.report import render_report
    from tests.report_helpers import rich_assessment

    assert (rl_config.useA85, rl_config.shapeChecking) == (0, 0)  # made once, when the report code loaded
    original_class = rl_config.__class__
    monkeypatch.setattr(rl_config, "written", [], raising=False)
    rl_config.__class__ = _RecordingModule
    try:
        errors: list[BaseException] = []

        def make() -> None:
            try:
                render_report(rich_assessment())
            except BaseException as error:  # reported below, on the test's thread
                errors.append(error)

        worker = threading.Thread(target=make, name="report worker")
        worker.start()
        worker.join(timeout=120)
        assert not worker.is_alive() and errors == []
        written = list(rl_config.written)
    finally:
        rl_config.__class__ = original_class
    assert written == []
    assert (rl_config.useA85, rl_config.shapeChecking) == (0, 0)


def test_the_recording_module_sees_a_write_from_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: a setting written on another thread is recorded."""
    original_class = rl_config.__class__
    monkeypatch.setattr(rl_config, "written", [], raising=False)
    monkeypatch.setattr(rl_config, "useA85", rl_config.useA85)  # restored afterwards
    rl_config.__class__ = _RecordingModule
    try:
        worker = threading.Thread(target=lambda: setattr(rl_config, "useA85", 1), name="writer")
        worker.start()
        worker.join()
        written = list(rl_config.written)
    finally:
        rl_config.__class__ = original_class
    assert written == [("useA85", 1, "writer")]
