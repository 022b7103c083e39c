"""The bundle that runs without Python: its recipe is consistent (always checked, no build), and a built
bundle in dist/ passes the smoke checks (only when one is there: building takes minutes, so the suite never
builds it; ``python bench/bench_bundle.py`` builds it and runs everything, the window and the figures too).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "collab-assessor.spec"
BUILD_SCRIPT = ROOT / "tools" / "build-bundle"
WORKFLOW = ROOT / ".github" / "workflows" / "bundle.yml"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


config = _load(PACKAGING / "bundle_config.py", "bundle_config")
bench = _load(ROOT / "bench" / "bench_bundle.py", "bench_bundle")


def test_the_spec_parses_and_takes_everything_from_bundle_config() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= names
    text = SPEC.read_text(encoding="utf-8")
    for used in (
        "config.data_files",
        "config.EXCLUDED_MODULES",
        "config.keep",
        "config.info_plist",
        'collect_submodules("assessor")',
    ):
        assert used in text
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert [s for s in strings if "/" in s or "\\" in s] == [], "paths are joined with Path, never written"


def test_the_shipped_data_is_where_the_wheel_puts_it_and_exists() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert wheel == config.DATA
    for source, dest in config.data_files(ROOT):
        assert Path(source).is_dir() and any(Path(source).iterdir()), source
        assert dest.startswith("assessor/_data/")
    assert pyproject["project"]["optional-dependencies"]["bundle"] == ["pyinstaller>=6.10"]
    assert not [d for d in pyproject["project"]["optional-dependencies"]["test"] if "pyinstaller" in d]
    for icon in ("icon.ico", "icon.icns", "entry.py"):
        assert (PACKAGING / icon).is_file()
    assert (ROOT / "resources" / "icon.png").read_bytes().startswith(b"\x89PNG")


def test_no_excluded_module_is_one_the_application_imports() -> None:
    # Every module of the package (UI included) is imported in a fresh interpreter; none of what the spec
    # excludes may be among what that loads.
    code = (
        "import importlib, pkgutil, sys, assessor\n"
        "for info in pkgutil.walk_packages(assessor.__path__, 'assessor.'):\n"
        "    if info.name != 'assessor.__main__':  # that one starts the application\n"
        "        importlib.import_module(info.name)\n"
        "import assessor.ui.app, reportlab.pdfgen.canvas, reportlab.lib.utils\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(done.stdout.split())
    assert "PySide6.QtCharts" in loaded and "assessor.ui.main_window" in loaded
    clashes = [m for m in loaded for ex in config.EXCLUDED_MODULES if m == ex or m.startswith(ex + ".")]
    assert clashes == []
    assert {f"PySide6.{name}" for name in config.QT_MODULES_USED} == {
        m for m in loaded if re.fullmatch(r"PySide6\.Qt\w+", m)
    }


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Charts.so.6", True),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),  # QtCharts links it
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("libgtk-3.so.0", True),  # never collected; if it were, not by these rules' doing
        ("libcairo.so.2", False),
        ("libXau-154567c4.so.6.0.0", True),  # Pillow's own copy, which its core needs
        # Windows: backslashes, DLL names.
        ("PySide6\\Qt6Charts.dll", True),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", False),  # always Fusion
        ("PySide6\\translations\\qt_fr.qm", False),
        ("PySide6\\opengl32sw.dll", False),
        # macOS: frameworks and dylibs.
        ("PySide6/Qt/lib/QtCharts.framework/Versions/A/QtCharts", True),
        ("PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        # The application's own data is never filtered.
        ("assessor/_data/resources/fonts/DejaVuSans.ttf", True),
        ("assessor/_data/questionnaires/council-collaboration.yaml", True),
    ],
)
def test_what_the_filter_keeps_on_each_platform(dest: str, kept: bool) -> None:
    assert config.keep(dest) is kept


def test_version_information_for_windows_and_macos() -> None:
    import assessor

    assert config.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert config.version_tuple("2.10.3.7") == (2, 10, 3, 7)
    text = config.windows_version_info(assessor.__version__, assessor.APP_NAME)
    calls: dict[str, object] = {}

    def record(name: str):  # type: ignore[no-untyped-def]
        def make(*args: object, **kwargs: object) -> str:
            calls.setdefault(name, (args, kwargs))
            return name

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]
    eval(text, {name: record(name) for name in names})  # the expression PyInstaller evaluates
    fixed = calls["FixedFileInfo"][1]  # type: ignore[index]
    assert fixed["filevers"] == config.version_tuple(assessor.__version__)
    assert f"'ProductVersion', '{assessor.__version__}'" in text
    plist = config.info_plist(assessor.__version__, assessor.APP_NAME)
    (document,) = plist["CFBundleDocumentTypes"]  # type: ignore[misc]
    assert document["CFBundleTypeExtensions"] == ["assessment"]
    assert plist["CFBundleShortVersionString"] == assessor.__version__


def test_the_build_script_the_workflow_and_the_readme_agree() -> None:
    script = BUILD_SCRIPT.read_text(encoding="utf-8")
    assert BUILD_SCRIPT.stat().st_mode & 0o111
    assert "packaging/collab-assessor.spec" in script and "[bundle]" in script and "-m venv" in script
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "packaging/collab-assessor.spec" in workflow and ".[bundle]" in workflow
    assert "windows-latest" in workflow and "macos-latest" in workflow
    for command in ("--version", "validate", "report --demo"):
        assert command in workflow
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Run without Python" in readme and "tools/build-bundle" in readme
    assert "--unregister-file-types" in readme


# A built bundle --------------------------------------------------------------------------------------------

built = pytest.mark.skipif(
    not bench.executable().exists(),
    reason="no bundle in dist/collab-assessor/ (tools/build-bundle makes one; bench/bench_bundle.py runs it all)",
)


@built
@pytest.mark.slow
def test_the_built_bundle_runs_the_commands_with_an_empty_environment() -> None:
    assert bench.smoke() == []


@built
def test_every_shared_library_in_the_built_bundle_is_needed() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("reads ELF dependencies with objdump (Linux)")
    folder = bench.BUNDLE / "_internal"
    libraries = {p.name: p for p in folder.rglob("*.so*") if p.is_file()}
    needed: dict[str, list[str]] = {}
    for name, path in libraries.items():
        dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True)
        needed[name] = re.findall(r"NEEDED\s+(\S+)", dump.stdout)
    roots = [
        name
        for name, path in libraries.items()
        if "cpython" in name or ".abi3." in name or "/plugins/" in path.as_posix() or "libpython" in name
    ]
    seen: set[str] = set()
    while roots:
        name = roots.pop()
        if name not in seen:
            seen.add(name)
            roots += [dependency for dependency in needed.get(name, []) if dependency in libraries]
    assert sorted(set(libraries) - seen) == []
