"""The architecture rules are checked, not hoped for."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_only_the_ui_package_names_pyside6() -> None:
    """A belt to the contracts' braces: no core source file even mentions a Qt import."""
    offenders = []
    for path in (ROOT / "assessor").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "assessor").parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in names):
                offenders.append(str(path))
    assert offenders == []


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_the_whole_application() -> None:
    """``mypy`` with no arguments (pyproject.toml names the files) checks every module, the UI included."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir=/dev/null"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    modules = len(list((ROOT / "assessor").rglob("*.py")))
    assert f"no issues found in {modules} source files" in result.stdout


def test_no_module_is_let_off_type_checking() -> None:
    """Any relaxation is per module and named; none ignores a module's errors or skips following imports."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True and "exclude" not in config
    for override in config.get("overrides", []):
        assert not override.get("ignore_errors") and "follow_imports" not in override, override
