"""The questionnaires shipped in ``questionnaires/``, looked up by id to compare with a snapshot.

Storage only needs this to tell the user that an assessment's own copy of its questionnaire
differs from the shipped one with the same id; any failure to load the shipped one simply
means "no comparison".
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path

from assessor.model import Questionnaire
from assessor.paths import questionnaires_dir

log = logging.getLogger(__name__)

#: Finds the shipped questionnaire with an id (or None). Tests pass their own.
QuestionnaireLookup = Callable[[str], Questionnaire | None]


def shipped_questionnaire(questionnaire_id: str) -> Questionnaire | None:
    """The questionnaire with this id in ``questionnaires/``, or None if there is none (or it won't load)."""
    loader = _loader()
    folder = questionnaires_dir()
    if loader is None or not folder.is_dir():
        return None
    candidates = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    # The file named after the id is the likely one: try it first.
    candidates.sort(key=lambda p: p.stem != questionnaire_id)
    for path in candidates:
        try:
            questionnaire = loader(path)
        except Exception:  # a broken shipped file must never stop an assessment opening
            log.warning(
                "Could not load %s to compare with an assessment's questionnaire", path, exc_info=True
            )
            continue
        if isinstance(questionnaire, Questionnaire) and questionnaire.id == questionnaire_id:
            return questionnaire
    return None


def _loader() -> Callable[[Path], object] | None:
    try:
        module = importlib.import_module("assessor.questionnaire")
    except ImportError:
        return None
    loader = getattr(module, "load_questionnaire", None)
    return loader if callable(loader) else None


def snapshot_notice(snapshot: Questionnaire, lookup: QuestionnaireLookup | None) -> str | None:
    """A sentence for the user when the shipped questionnaire with the snapshot's id differs from it."""
    if lookup is None:
        return None
    shipped = lookup(snapshot.id)
    if shipped is None or shipped == snapshot:
        return None
    if shipped.version != snapshot.version:
        change = f"version {snapshot.version}, while this application has version {shipped.version}"
    else:
        change = f"version {snapshot.version}, which differs from the copy shipped with this application"
    return (
        f"This assessment uses its own copy of the questionnaire {snapshot.title!r} ({change}). "
        "It is scored and reported with its own copy, exactly as when it was made."
    )
