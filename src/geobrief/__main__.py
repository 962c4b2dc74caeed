"""``python -m geobrief``: the command line."""

from geobrief.cli import main

raise SystemExit(main())
