"""The bundle's entry point (PyInstaller's script): the same as ``main.py`` and ``collab-assessor``.

It lives here, not at the repository's root, so that PyInstaller takes the ``assessor`` package installed in
the build's virtual environment (what a user gets), not the source tree beside ``main.py``.
"""

import sys

from assessor.launcher import main

if __name__ == "__main__":
    sys.exit(main())
