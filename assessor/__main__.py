import sys

from assessor.launcher import main

sys.exit(main())
