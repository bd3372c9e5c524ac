import sys

from cxassist.cli import main

sys.exit(main())
