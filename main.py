"""Start the Collaboration Assessor: the desktop application, or a command (``python main.py --help``)."""

import sys

from assessor.launcher import main

if __name__ == "__main__":
    sys.exit(main())
