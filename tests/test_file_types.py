"""Windows file association, per user: the keys written and removed, checked with a fake registry on any
system, and the launcher's options with the platform faked (the real winreg exists only on Windows)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from assessor import file_types, launcher

EXE = Path(r"C:\Users\jo\Apps\collab-assessor\Collaboration Assessor.exe")


class FakeRegistry:
    """A registry of one hive, HKEY_CURRENT_USER, as a dict of key path to default value."""

    HKEY_CURRENT_USER = "HKCU"
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, str | None] = {}
        self.open: list[str] = []

    def CreateKey(self, key: Any, sub_key: str) -> str:
        assert key == "HKCU", "only the current user's hive may be written (no administrator rights)"
        parts = sub_key.split("\\")
        for depth in range(1, len(parts) + 1):
            self.keys.setdefault("\\".join(parts[:depth]), None)
        self.open.append(sub_key)
        return sub_key

    def SetValueEx(self, key: str, name: str, reserved: int, kind: int, value: str) -> None:
        assert key in self.open and name == "" and kind == self.REG_SZ
        self.keys[key] = value

    def QueryValue(self, key: Any, sub_key: str) -> str:
        if sub_key not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self.keys[sub_key] or ""

    def DeleteKey(self, key: Any, sub_key: str) -> None:
        if sub_key not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        if any(other.startswith(sub_key + "\\") for other in self.keys):
            raise PermissionError(5, "Access is denied (the key has subkeys)")  # as winreg does
        del self.keys[sub_key]

    def CloseKey(self, key: str) -> None:
        self.open.remove(key)


def test_registering_writes_the_per_user_classes_for_both_suffixes() -> None:
    registry = FakeRegistry()
    written = file_types.register(EXE, registry)
    keys = registry.keys
    assert all(path.startswith("Software\\Classes\\") for path in written)
    assert keys[r"Software\Classes\.assessment"] == "CollaborationAssessor.assessment"
    assert keys[r"Software\Classes\.assessment-pack"] == "CollaborationAssessor.pack"
    command = keys[r"Software\Classes\CollaborationAssessor.assessment\shell\open\command"]
    assert command == f'"{EXE}" "%1"'  # quoted: the folder has spaces
    assert keys[r"Software\Classes\CollaborationAssessor.assessment\DefaultIcon"] == f'"{EXE}",0'
    assert not registry.open, "every key opened is closed"


def test_unregistering_removes_what_was_written_and_leaves_a_suffix_another_program_took() -> None:
    registry = FakeRegistry()
    registry.keys["Software"] = None
    registry.keys[r"Software\Classes"] = None
    file_types.register(EXE, registry)
    registry.keys[r"Software\Classes\.assessment-pack"] = "SomeOtherProgram.pack"
    file_types.unregister(registry)
    assert registry.keys == {
        "Software": None,
        r"Software\Classes": None,
        r"Software\Classes\.assessment-pack": "SomeOtherProgram.pack",
    }
    assert file_types.unregister(registry) == []  # again: nothing left, no error


def test_a_registry_that_refuses_gives_a_message_not_a_traceback() -> None:
    class Refusing(FakeRegistry):
        def SetValueEx(self, *args: Any) -> None:
            raise PermissionError(5, "Access is denied")

    with pytest.raises(file_types.FileTypesError, match="could not register the file types"):
        file_types.register(EXE, Refusing())


def test_the_launcher_registers_the_windowed_program_of_a_frozen_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = FakeRegistry()
    console = tmp_path / "collab-assessor.exe"
    windowed = tmp_path / "Collaboration Assessor.exe"
    console.write_bytes(b"MZ")
    windowed.write_bytes(b"MZ")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(console))
    monkeypatch.setitem(sys.modules, "winreg", registry)
    assert launcher.main(["--register-file-types"]) == 0
    assert (
        str(windowed)
        in registry.keys[r"Software\Classes\CollaborationAssessor.assessment\shell\open\command"]
    )
    assert "now open with" in capsys.readouterr().out
    assert launcher.main(["--unregister-file-types"]) == 0
    assert not [key for key in registry.keys if "Assessor" in key or "assessment" in key]


def test_the_launcher_explains_where_registering_does_not_apply(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert launcher.main(["--unregister-file-types"]) == 2
    assert "only on Windows" in capsys.readouterr().err
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert launcher.main(["--register-file-types"]) == 2  # from a Python installation: not the bundle
    err = capsys.readouterr().err
    assert "only the bundled application" in err and "Traceback" not in err


def test_the_windowed_program_has_no_console_and_a_bad_argument_still_ends_cleanly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PyInstaller's windowed program on Windows runs with sys.stdout and sys.stderr set to None.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert launcher.main(["scroe"]) == 2
    with pytest.raises(SystemExit) as ended:
        launcher.main(["--version"])
    assert ended.value.code == 0
