"""``python -m geobrief``: the command line."""

from geobrief.cli import main

if __name__ == "__main__":  # guarded: worker processes import this module too
    raise SystemExit(main())
