"""Loading and validating questionnaire YAML files.

``load_questionnaire(path)`` returns the frozen ``Questionnaire`` or raises ``QuestionnaireError``, whose
``problems`` list every ``Problem(file, line, column, message)`` found (``str(problem)`` is
``FILE:LINE:COLUMN: message``).
"""

from assessor.questionnaire.errors import Problem, QuestionnaireError
from assessor.questionnaire.loader import load_questionnaire, questionnaire_from_text
from assessor.questionnaire.yaml_safe import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "Problem",
    "QuestionnaireError",
    "load_questionnaire",
    "questionnaire_from_text",
]
