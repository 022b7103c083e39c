"""Shared test set-up: Qt offscreen, and every user folder redirected to a temporary one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's data, settings or recovery files."""
    home = tmp_path_factory.mktemp("assessor-home")
    monkeypatch.setenv("ASSESSOR_HOME", str(home))
    return home


@pytest.fixture
def shape_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab validates every attribute set on a chart shape, as it does unless the report's own
    settings (assessor/report/rl_private.py) turn the checks off for speed."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "shapeChecking", 1)


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def root_dir() -> Path:
    return ROOT


def run_cli(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run ``python main.py ARGS`` in a subprocess; returns (exit code, stdout, stderr)."""
    import subprocess

    completed = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return completed.returncode, completed.stdout, completed.stderr
