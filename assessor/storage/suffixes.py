"""The file name suffixes of the application's files, each defined here once.

Storage writes them; the window's file dialogs, drag and drop, the command line and the Windows file
association recognise them. Importing this module loads nothing else of storage.
"""

from __future__ import annotations

#: An assessment file (``docs/file-format.md``).
ASSESSMENT_SUFFIX = ".assessment"
#: A participant pack, answered on another laptop and imported back.
PACK_SUFFIX = ".assessment-pack"
#: An assessment's unsaved work, in the recovery folder.
RECOVERY_SUFFIX = ".recovery"
#: A pack's unsaved answers, in the recovery folder (apart from the assessments': see ``pack_recovery``).
PACK_RECOVERY_SUFFIX = ".pack-recovery"
#: The previous version of a saved file, kept beside it.
BACKUP_SUFFIX = ".bak"
