"""The exit codes of the command line, each defined here once (the launcher and every command use them).

Importing this module loads nothing else.
"""

from __future__ import annotations

#: The command did what it was asked.
EXIT_OK = 0
#: The program reading the output stopped reading it (``... print-questionnaire | head``), as Python's
#: documentation suggests for a broken pipe.
EXIT_READER_GONE = 1
#: Bad input: a missing, damaged or foreign file, an invalid questionnaire, an unwritable output, an unknown
#: argument. The message on stderr says what happened and what to do.
EXIT_BAD_INPUT = 2
