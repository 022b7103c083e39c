"""Upgrading older files on open: a registry of steps, each from schema version N to N+1.

A step takes the whole decoded document (the envelope with ``schema_version``) at version N and
returns it at version N+1; :meth:`Migrations.upgrade` applies the steps in turn on a deep copy,
so the caller's data (and the file on disk) is never changed. A step may add sentences to the
``notices`` list it is given, to be shown after the file opens (something it could not carry over). To change the format: raise
``SCHEMA_VERSION`` in :mod:`assessor.storage.fileformat`, add the step here, add a fixture of the
old version under ``tests/data/files/`` and describe the change in ``docs/file-format.md``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from assessor.model.questionnaire import LEGACY_WORDING
from assessor.storage.logos import LogoError, load_logo, logo_to_dict

#: A step: the document at version N and a list for notices in, the document at version N+1 out.
Step = Callable[[dict[str, Any], list[str]], dict[str, Any]]


class Upgrade(NamedTuple):
    """An upgraded document, the versions it passed through and the notices the steps left."""

    document: dict[str, Any]
    passed: list[int]
    notices: list[str]


class MigrationError(ValueError):
    """No chain of steps leads from the file's version to the current one."""


@dataclass(frozen=True)
class Migrations:
    """The steps from each older schema version to the next, and the version this code reads."""

    current: int
    steps: Mapping[int, Step] = field(default_factory=dict)

    def upgrade(self, document: dict[str, Any], version: int) -> Upgrade:
        """``document`` (at ``version``) brought to ``current``; also the versions it passed through and
        the steps' notices."""
        if version > self.current:
            raise MigrationError(f"version {version} is newer than {self.current}")
        upgraded = copy.deepcopy(document)
        passed: list[int] = []
        notices: list[str] = []
        while version < self.current:
            step = self.steps.get(version)
            if step is None:
                raise MigrationError(f"there is no upgrade from version {version}")
            upgraded = step(upgraded, notices)
            passed.append(version)
            version += 1
            upgraded["schema_version"] = version
        return Upgrade(upgraded, passed, notices)


# Assessment files -------------------------------------------------------------------------------------


def embed_logos(document: dict[str, Any], notices: list[str]) -> dict[str, Any]:
    """Version 1 -> 2: the branding's logos were file paths; now the images are kept in the file.

    Each logo file is read from the path as written (the application stored absolute paths). One that
    cannot be found or used is left out, with a notice saying so; the file still opens.
    """
    assessment = document.get("assessment")
    branding = assessment.get("branding") if isinstance(assessment, dict) else None
    if not isinstance(branding, dict):
        return document
    # A version 1 file has the legacy wording (its questionnaire snapshot has no wording of its own).
    for key, which in (("council_logo", LEGACY_WORDING.organisation), ("consultancy_logo", "consultancy")):
        path = branding.get(key)
        if not isinstance(path, str):
            continue  # missing (no logo) or damaged: the decoder reports a wrong value
        branding[key] = None
        if not path.strip():
            continue
        source = Path(path.strip())
        try:
            branding[key] = logo_to_dict(load_logo(source))
        except LogoError as error:
            found = "could not be found" if not source.exists() else f"could not be used ({error.problem})"
            notices.append(
                f"The {which} logo {path.strip()} {found}, so it was left out: choose it again in Set-up."
            )
    return document


def version_three_keys(document: dict[str, Any], notices: list[str]) -> dict[str, Any]:
    """Assessments 2 -> 3: new optional members, none of which a version 2 file has, so the document is
    unchanged:

    - ``pack_secrets``: the secrets of the participant packs exported (a pack exported before it carried a
      secret cannot be imported: see ``assessor.storage.pack_import``);
    - a chosen pilot's team wording (``title``, ``summary``, ``size``, ``timescale``, ``stop_scale_rule``,
      ``cost``, ``first_step``) and a ``reason`` for not choosing it, each read as empty ("as the pilot library
      has it"); the branding's ``header_logo``;
    - ``flags``: each participant's private flags (questions flagged for themself, not parked for everyone).

    The step exists so that an older application refuses a version 3 file as newer instead of reporting the
    new members as damage."""
    return document


def version_four_keys(document: dict[str, Any], notices: list[str]) -> dict[str, Any]:
    """Assessments 3 -> 4 (the second year): new optional members, none of which a version 3 file has, so the
    document is unchanged:

    - ``predecessor``: the earlier assessment a follow-up was made from, with a frozen copy of its results
      (absent or null: a first assessment);
    - a chosen pilot's ``log`` (status over time, baseline and readings of its measures, what was learnt) and
      ``chosen_in`` (the date of the earlier assessment that chose a carried pilot);
    - the details' ``organisation_type`` and ``nation`` (what a learning card says of where a pilot ran).

    The step exists so that an older application refuses a version 4 file as newer instead of reporting the
    new members as damage."""
    return document


def pack_without_secret(document: dict[str, Any], notices: list[str]) -> dict[str, Any]:
    """Packs 1 -> 2: the ``secret`` member is added. A version 1 pack has none: it still opens (to be
    answered or read), and import refuses it, saying to export a new pack."""
    return document


#: Assessment files: version 2 keeps logos inside the file (version 1 had their paths) and the agenda;
#: version 3 adds the packs' secrets, the team's wording of chosen pilots and private flags; version 4 the
#: second year (the predecessor's frozen results, pilot logs, the organisation's type and nation).
ASSESSMENT_MIGRATIONS = Migrations(
    current=4, steps={1: embed_logos, 2: version_three_keys, 3: version_four_keys}
)

#: Participant packs: version 2 adds the pack's secret.
PACK_MIGRATIONS = Migrations(current=2, steps={1: pack_without_secret})
