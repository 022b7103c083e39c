"""Loading a questionnaire file: safe YAML reading, then checking and building the frozen model."""

from __future__ import annotations

import os
from pathlib import Path

from assessor.model.questionnaire import Questionnaire
from assessor.questionnaire.build import build_questionnaire
from assessor.questionnaire.yaml_safe import compose, decode, read_text


def load_questionnaire(path: str | os.PathLike[str]) -> Questionnaire:
    """Load and validate the questionnaire at ``path``.

    Raises ``QuestionnaireError`` (its ``problems`` list every problem, each with file, line and column) if
    the file is missing, too large, not UTF-8, not YAML, hostile, or breaks any rule of the format.
    """
    file = os.fspath(path)
    text = read_text(Path(file), name=file)
    return build_questionnaire(compose(text, file), file)


def questionnaire_from_text(text: str | bytes, *, file: str = "<text>") -> Questionnaire:
    """Like ``load_questionnaire``, from text (or UTF-8 bytes) already in memory; ``file`` names it in errors."""
    if isinstance(text, bytes):
        text = decode(text, file)
    else:
        text = decode(text.encode("utf-8", errors="surrogatepass"), file)
    return build_questionnaire(compose(text, file), file)
