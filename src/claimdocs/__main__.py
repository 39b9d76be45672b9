import sys

from claimdocs.cli import main

sys.exit(main())
