"""docs/architecture.md stays true: every file, module and name it quotes exists.

The page names modules (``session.py``), paths (``storage/migrations.py``), packages (``assessor.storage``)
and functions (``write_report``). When one is renamed or removed, this fails and names it, so the page is
corrected with the code rather than found wrong years later.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from tests.conftest import ROOT

DOC = ROOT / "docs" / "architecture.md"

#: Where a bare file name or a path relative to a package is looked for.
PLACES = [ROOT, ROOT / "docs", ROOT / "assessor"] + [
    path for path in (ROOT / "assessor").rglob("*") if path.is_dir() and path.name != "__pycache__"
]

#: Quoted text that is not a name in the code: key presses, commands, call forms.
NOT_NAMES = re.compile(r"\s|^[A-Z]\w*\+|^python |^\.|->")


@cache
def source_names() -> frozenset[str]:
    """Every name defined or imported in assessor/ and tests/: functions, classes, their parameters,
    assigned names and attributes, and imported names."""
    names: set[str] = set()
    for path in [*(ROOT / "assessor").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.alias):
                names.add((node.asname or node.name).split(".")[-1])
    return frozenset(names)


def exists(quoted: str) -> bool:
    text = quoted.split("(")[0].split("=")[0]  # a call's or a keyword argument's name
    if text.endswith((".py", ".md", ".toml", ".yaml")) or "/" in text:
        return any((place / text).exists() for place in PLACES)
    if text.startswith("assessor."):
        module = ROOT / Path(*text.split("."))
        return module.is_dir() or module.with_suffix(".py").is_file()
    return text in source_names() or (ROOT / "assessor" / text / "__init__.py").is_file()


def quoted_names(markdown: str) -> list[str]:
    names = [match for match in re.findall(r"`([^`\n]+)`", markdown) if not NOT_NAMES.search(match)]
    # Names in the diagrams: module paths and dotted package names.
    for block in re.findall(r"```\n(.*?)```", markdown, re.DOTALL):
        names += re.findall(r"\b(?:assessor\.\w+|\w+\.py)\b", block)
    return names


def test_every_name_the_architecture_page_quotes_exists() -> None:
    names = quoted_names(DOC.read_text(encoding="utf-8"))
    assert len(names) > 40
    missing = sorted({name for name in names if not exists(name)})
    assert missing == [], f"docs/architecture.md names what is not in the code (any more): {missing}"


def test_a_name_that_is_not_in_the_code_is_found() -> None:
    page = (
        "The `session.py` module calls `write_report(path)` with `options=None`; `no_such_module.py`,"
        " `gone/` and `vanished_function` do not exist."
    )
    assert sorted(name for name in quoted_names(page) if not exists(name)) == [
        "gone/",
        "no_such_module.py",
        "vanished_function",
    ]


def test_the_readme_links_the_page() -> None:
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
