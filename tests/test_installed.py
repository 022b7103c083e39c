"""The installed-package path: the wheel carries the questionnaire, the demo and the fonts, and the
commands find them with no source checkout beside the package.

The wheel is built once (a few seconds). With hatchling in the venv the build needs no network; without
it pip fetches hatchling, and the tests are skipped only when that fetch is impossible.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

SHIPPED = (
    "assessor/_data/questionnaires/council-collaboration.yaml",
    "assessor/_data/resources/demo.assessment",
    "assessor/_data/resources/fonts/DejaVuSans.ttf",
    "assessor/_data/resources/fonts/DejaVuSans-Bold.ttf",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)]
    if importlib.util.find_spec("hatchling") is not None:
        command.insert(4, "--no-build-isolation")
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0 and "No matching distribution found for hatchling" in completed.stderr:
        pytest.skip("cannot build the wheel: hatchling is not installed and cannot be fetched")
    assert completed.returncode == 0, completed.stderr
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_ships_the_questionnaire_the_demo_and_the_fonts(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode("utf-8")
    assert set(SHIPPED) <= names
    assert "assessor/paths.py" in names and "assessor/py.typed" in names
    assert not [name for name in names if "__pycache__" in name or name.startswith("tests/")]
    assert "collab-assessor = assessor.launcher:main" in scripts


def _run_unpacked(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_the_unpacked_wheel_finds_its_data_and_runs_commands_without_a_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    where = _run_unpacked(
        site,
        tmp_path,
        "-c",
        "import assessor, assessor.paths as p; print(assessor.__file__); print(p.questionnaires_dir())",
    )
    assert where.returncode == 0, where.stderr
    package_file, questionnaires = where.stdout.splitlines()
    # The unpacked copy is the one imported, and its data comes from inside it.
    assert Path(package_file).is_relative_to(site)
    assert Path(questionnaires) == site / "assessor" / "_data" / "questionnaires"
    validate = _run_unpacked(
        site, tmp_path, "-m", "assessor", "validate", str(Path(questionnaires) / "council-collaboration.yaml")
    )
    assert validate.returncode == 0 and validate.stdout.startswith("OK "), validate.stderr
    score = _run_unpacked(site, tmp_path, "-m", "assessor", "score", "--demo", "--json")
    assert score.returncode == 0, score.stderr
    assert '"organisation": "Northbridge Borough Council"' in score.stdout


def test_without_qt_the_launcher_explains_instead_of_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor.launcher import main

    # None in sys.modules makes the import fail as it does when PySide6 (or a library it needs) is missing.
    monkeypatch.setitem(sys.modules, "assessor.ui.app", None)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "the desktop application cannot start" in err and "collab-assessor --help" in err
    assert "Traceback" not in err


def test_the_project_declares_its_dependencies_and_the_command() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0].lower() for requirement in requirements}

    assert names(project["dependencies"]) == {
        "pyside6-essentials",
        "pyside6-addons",
        "reportlab",
        "pyyaml",
        "platformdirs",
        "python-docx",
        "openpyxl",
        "markdown-it-py",
    }
    assert {"pytest", "pytest-qt", "pypdf", "hypothesis", "import-linter", "ruff", "mypy"} <= names(
        project["optional-dependencies"]["test"]
    )
    assert project["scripts"] == {"collab-assessor": "assessor.launcher:main"}
    assert project["requires-python"] == ">=3.11"
    # main.py stays a few lines.
    assert len((ROOT / "main.py").read_text(encoding="utf-8").splitlines()) <= 10


def test_readme_opens_with_the_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line.strip() for line in readme[:12] if line.startswith("    ")]
    assert commands == [
        "tools/setup && .venv/bin/python main.py",
        "tools/setup && .venv/bin/python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
