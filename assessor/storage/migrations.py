"""Upgrading older files on open: a registry of steps, each from schema version N to N+1.

A step takes the whole decoded document (the envelope with ``schema_version``) at version N and
returns it at version N+1; :meth:`Migrations.upgrade` applies the steps in turn on a deep copy,
so the caller's data (and the file on disk) is never changed. To change the format: raise
``SCHEMA_VERSION`` in :mod:`assessor.storage.fileformat`, add the step here, add a fixture of the
old version under ``tests/data/files/`` and describe the change in ``docs/file-format.md``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: A step: the document at version N in, the document at version N+1 out.
Step = Callable[[dict[str, Any]], dict[str, Any]]


class MigrationError(ValueError):
    """No chain of steps leads from the file's version to the current one."""


@dataclass(frozen=True)
class Migrations:
    """The steps from each older schema version to the next, and the version this code reads."""

    current: int
    steps: Mapping[int, Step] = field(default_factory=dict)

    def upgrade(self, document: dict[str, Any], version: int) -> tuple[dict[str, Any], list[int]]:
        """``document`` (at ``version``) brought to ``current``; also the versions it passed through."""
        if version > self.current:
            raise MigrationError(f"version {version} is newer than {self.current}")
        upgraded = copy.deepcopy(document)
        passed: list[int] = []
        while version < self.current:
            step = self.steps.get(version)
            if step is None:
                raise MigrationError(f"there is no upgrade from version {version}")
            upgraded = step(upgraded)
            passed.append(version)
            version += 1
            upgraded["schema_version"] = version
        return upgraded, passed


#: Assessment files: version 1 is the first; no steps yet.
ASSESSMENT_MIGRATIONS = Migrations(current=1)

#: Participant packs: version 1 is the first; no steps yet.
PACK_MIGRATIONS = Migrations(current=1)
