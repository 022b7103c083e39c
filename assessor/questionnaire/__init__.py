"""Loading and validating questionnaire YAML files.

``load_questionnaire(path)`` returns the frozen ``Questionnaire`` or raises ``QuestionnaireError``, whose
``problems`` list every ``Problem(file, line, column, message)`` found (``str(problem)`` is
``FILE:LINE:COLUMN: message``).

The names below are imported on first use: the loader brings in PyYAML and the validator, which a program
that only needs ``QuestionnaireError`` (the desktop application opening a cached questionnaire) skips.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.lazy import lazy_names

if TYPE_CHECKING:
    from assessor.questionnaire.errors import Problem, QuestionnaireError
    from assessor.questionnaire.loader import load_questionnaire, questionnaire_from_text
    from assessor.questionnaire.yaml_safe import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

#: Each public name and the submodule that defines it.
_HOMES = {
    "MAX_DEPTH": "yaml_safe",
    "MAX_FILE_BYTES": "yaml_safe",
    "MAX_NODES": "yaml_safe",
    "Problem": "errors",
    "QuestionnaireError": "errors",
    "load_questionnaire": "loader",
    "questionnaire_from_text": "loader",
}

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "Problem",
    "QuestionnaireError",
    "load_questionnaire",
    "questionnaire_from_text",
]


__getattr__, __dir__ = lazy_names(__name__, globals(), _HOMES)
