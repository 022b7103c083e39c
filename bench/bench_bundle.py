"""Build the bundle that runs without Python (if needed) and smoke-test it as a user would run it.

Every run of the bundle has an empty environment: only ``HOME`` (a fresh folder, so the user folder is new)
and, for the window, ``DISPLAY``; no ``PATH``, so no Python either. Checked:

* ``--version``; ``validate`` on the questionnaire the bundle ships; ``score --demo`` prints what the
  source tree prints; ``report --demo`` writes a valid PDF whose text (pypdf) is the source tree's, page by
  page;
* the window shows under Xvfb (found with xdotool), closes with Ctrl+Q and exits with status 0, and its
  files went to the fresh user folder;
* figures: the folder's size and what makes it up, the zip's size, and the start-up time (from starting the
  process to its window showing, median of ``--runs``, runs alternating) of the bundle against the source
  tree's ``main.py`` under the same interpreter that runs this script. Target: ratio at most 1.2.

    python bench/bench_bundle.py [--rebuild] [--runs 7] [--smoke]

Exit status 0 when every check passes and the ratio is within target, 1 otherwise. Needs Xvfb and xdotool
(tools/setup installs them) and pypdf (the test extra).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DIST = ROOT / "dist"
BUNDLE = DIST / "collab-assessor"
WINDOW_TITLE = "Collaboration Assessor"
TARGET_RATIO = 1.2


def executable(bundle: Path = BUNDLE) -> Path:
    """The bundle's console program."""
    windows = bundle / "collab-assessor.exe"
    return windows if windows.exists() else bundle / "collab-assessor"


def shipped_questionnaire(bundle: Path = BUNDLE) -> Path:
    """The questionnaire inside the bundle (where PyInstaller puts the package's data)."""
    return bundle / "_internal" / "assessor" / "_data" / "questionnaires" / "council-collaboration.yaml"


def empty_env(home: Path, **extra: str) -> dict[str, str]:
    """Nothing but a fresh HOME (and what ``extra`` adds): no PATH, no Python, no Qt settings."""
    return {"HOME": str(home), **extra}


def run_bundle(
    *args: str, home: Path, cwd: Path, bundle: Path = BUNDLE, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run the bundle's program with an empty environment."""
    return subprocess.run(
        [str(executable(bundle)), *args],
        env=empty_env(home),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_source(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """The same command from the source tree (``main.py`` under this interpreter)."""
    env = {**os.environ, "HOME": str(home), "ASSESSOR_HOME": str(home / "assessor")}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
    )


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pypdf), which also proves the file is a readable PDF."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def smoke(bundle: Path = BUNDLE) -> list[str]:
    """The command-line checks; returns the failures (empty when all passed)."""
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bundle-smoke-") as temp:
        work = Path(temp)
        home = work / "home"
        home.mkdir()
        import assessor

        version = run_bundle("--version", home=home, cwd=work, bundle=bundle)
        expected = f"{assessor.APP_NAME} {assessor.__version__}"
        if version.returncode != 0 or version.stdout.strip() != expected:
            failures.append(f"--version: status {version.returncode}, {version.stdout!r} {version.stderr!r}")
        validate = run_bundle(
            "validate", str(shipped_questionnaire(bundle)), home=home, cwd=work, bundle=bundle
        )
        if validate.returncode != 0:
            failures.append(f"validate: status {validate.returncode}: {validate.stdout} {validate.stderr}")
        score = run_bundle("score", "--demo", home=home, cwd=work, bundle=bundle)
        source_score = run_source("score", "--demo", cwd=work, home=home)
        if score.returncode != 0 or score.stdout != source_score.stdout:
            failures.append(f"score --demo: status {score.returncode}, differs from the source tree's")
        report = run_bundle("report", "--demo", "-o", "bundle.pdf", home=home, cwd=work, bundle=bundle)
        source_report = run_source("report", "--demo", "-o", "source.pdf", cwd=work, home=home)
        if report.returncode != 0 or source_report.returncode != 0:
            failures.append(f"report --demo: status {report.returncode}: {report.stderr}")
        else:
            bundle_text, source_text = pdf_pages(work / "bundle.pdf"), pdf_pages(work / "source.pdf")
            if bundle_text != source_text:
                failures.append(
                    f"report --demo: the PDF's text differs from the source tree's "
                    f"({len(bundle_text)} pages against {len(source_text)})"
                )
        # The Word report and the action-plan workbook need their libraries' own data files in the bundle
        # (python-docx's templates went missing once: packaging/collab-assessor.spec collects them).
        for output in ("bundle.docx", "bundle.summary.docx", "plan.xlsx"):
            command = ["export-plan"] if output.endswith(".xlsx") else ["report"]
            extra = ["--summary"] if ".summary." in output else []
            written = run_bundle(*command, "--demo", *extra, "-o", output, home=home, cwd=work, bundle=bundle)
            target = work / output
            if written.returncode != 0 or not target.is_file() or not target.read_bytes().startswith(b"PK"):
                failures.append(
                    f"{command[0]} --demo -o {output}: status {written.returncode}: {written.stderr}"
                )
        broken = run_bundle("score", str(work / "missing.assessment"), home=home, cwd=work, bundle=bundle)
        if broken.returncode != 2 or "Traceback" in broken.stderr:
            failures.append(f"a missing file: status {broken.returncode}, {broken.stderr!r}")
    return failures


# The window ----------------------------------------------------------------------------------------------


def _window_shown(display: str, pid: int) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", WINDOW_TITLE],
        env={"DISPLAY": display, "PATH": os.environ.get("PATH", os.defpath)},
        capture_output=True,
        text=True,
        timeout=10,
    )
    return bool(found.stdout.split())


@contextlib.contextmanager
def started(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def window_run(
    command: list[str], env: dict[str, str], display: str, timeout: float = 90
) -> tuple[float, int]:
    """Start ``command``; returns (seconds until its window showed, exit status after Ctrl+Q)."""
    begin = time.perf_counter()
    with started(command, env) as process:
        while not _window_shown(display, process.pid):
            if process.poll() is not None:
                error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(
                    f"exited with status {process.returncode} before its window: {error[-2000:]}"
                )
            if time.perf_counter() - begin > timeout:
                raise RuntimeError(f"no window within {timeout:.0f} s")
            time.sleep(0.02)
        shown = time.perf_counter() - begin
        xdotool = {"DISPLAY": display, "PATH": os.environ.get("PATH", os.defpath)}
        window = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid), "--name", WINDOW_TITLE],
            env=xdotool,
            capture_output=True,
            text=True,
            timeout=20,
        ).stdout.split()[0]
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", window], env=xdotool, capture_output=True, timeout=20
        )
        subprocess.run(
            ["xdotool", "key", "--clearmodifiers", "ctrl+q"], env=xdotool, capture_output=True, timeout=20
        )
        try:
            status = process.wait(20)
        except subprocess.TimeoutExpired:
            process.terminate()  # Ctrl+Q did not reach it: SIGTERM, as a session's end does
            status = process.wait(20)
    return shown, status


def window_checks(
    display: str, runs: int, bundle: Path = BUNDLE
) -> tuple[list[str], list[float], list[float]]:
    """The window shows and closes cleanly; returns (failures, bundle start-up times, source start-up times)."""
    failures: list[str] = []
    bundle_times: list[float] = []
    source_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bundle-window-") as temp:
        first_home = Path(temp) / "first"
        first_home.mkdir()
        _shown, status = window_run(
            [str(executable(bundle))], empty_env(first_home, DISPLAY=display), display
        )
        if status != 0:
            failures.append(f"the window closed with status {status}")
        user_folder = first_home / ".local" / "share" / "CollaborationAssessor"
        if sys.platform.startswith("linux") and not user_folder.is_dir():
            failures.append(f"the application's user folder {user_folder} was not made")
        source_env = {"HOME": str(first_home), "DISPLAY": display, "ASSESSOR_HOME": str(Path(temp) / "src")}
        window_run([sys.executable, str(ROOT / "main.py")], source_env, display)  # warm caches, untimed
        for run in range(runs):
            home = Path(temp) / f"run{run}"
            home.mkdir()
            env = empty_env(home, DISPLAY=display)
            shown, status = window_run([str(executable(bundle))], env, display)
            bundle_times.append(shown)
            if status != 0:
                failures.append(f"run {run}: the bundle's window closed with status {status}")
            source_env = {"HOME": str(home), "DISPLAY": display, "ASSESSOR_HOME": str(home / "src")}
            shown, _status = window_run([sys.executable, str(ROOT / "main.py")], source_env, display)
            source_times.append(shown)
    return failures, bundle_times, source_times


# Figures --------------------------------------------------------------------------------------------------


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def breakdown(folder: Path) -> dict[str, int]:
    """The folder's bytes by kind."""
    kinds: dict[str, int] = {}
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(folder).as_posix().lower()
        name = path.name.lower()
        if "icu" in name:
            kind = "ICU (Unicode data for QtCore)"
        elif "/qt/plugins/" in rel:
            kind = "Qt plugins"
        elif "qt6" in name or ".framework/" in rel:
            kind = "Qt libraries"
        elif (
            rel.startswith("_internal/pyside6/")
            or rel.startswith("_internal/shiboken6/")
            or "pyside6" in name
            or "shiboken6" in name
        ):
            kind = "PySide6 bindings"
        elif (
            "python3" in name
            or "lib-dynload" in rel
            or name == "base_library.zip"
            or name.startswith("collab-assessor")
        ):
            kind = "Python runtime and the program"
        elif rel.startswith("_internal/pil/") or "pillow.libs" in rel:
            kind = "Pillow (reportlab's images)"
        elif rel.startswith("_internal/assessor/_data/"):
            kind = "questionnaires, fonts, demo"
        elif ".so" in name or name.endswith((".dll", ".dylib")):
            kind = "system libraries (X11/xcb, fonts, D-Bus, OpenSSL, ...)"
        else:
            kind = "other Python packages"
        kinds[kind] = kinds.get(kind, 0) + path.stat().st_size
    return dict(sorted(kinds.items(), key=lambda item: -item[1]))


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB ({size / 1_048_576:.1f} MiB)"


def build(rebuild: bool) -> None:
    if rebuild or not executable().exists():
        print("bench_bundle: building (tools/build-bundle) ...", flush=True)
        subprocess.run([str(ROOT / "tools" / "build-bundle")], check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build even if dist/collab-assessor exists")
    parser.add_argument("--runs", type=int, default=7, help="timed window starts of each side")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="one timed start of each side; every check made, the start-up ratio printed but not judged",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.runs = 1
    build(args.rebuild)

    failures = smoke()
    print(f"command line: {'all checks passed' if not failures else 'FAILED'}")
    from kill_window import virtual_display

    with virtual_display() as display:
        window_failures, bundle_times, source_times = window_checks(display, args.runs)
    failures += window_failures

    total = folder_size(BUNDLE)
    zips = sorted(DIST.glob("collab-assessor-*.zip"), key=lambda p: p.stat().st_mtime)
    print(f"folder dist/collab-assessor/: {megabytes(total)} (target under 160 MB)")
    for kind, size in breakdown(BUNDLE).items():
        print(f"  {kind:58} {megabytes(size):>9}")
    if zips:
        print(f"zip {zips[-1].name}: {megabytes(zips[-1].stat().st_size)} (target under 90 MB)")
    bundle_median, source_median = statistics.median(bundle_times), statistics.median(source_times)
    ratio = bundle_median / source_median
    print(
        f"start-up to the window shown, median of {len(bundle_times)}: bundle {bundle_median * 1000:.0f} ms, "
        f"source tree {source_median * 1000:.0f} ms, ratio {ratio:.2f} (target at most {TARGET_RATIO})"
    )
    if ratio > TARGET_RATIO and not args.smoke:
        failures.append(f"the bundle starts {ratio:.2f}x slower than the source tree")
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
