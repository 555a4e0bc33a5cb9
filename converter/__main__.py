"""``python -m converter`` runs the same command line as the ``briefings`` script."""

from __future__ import annotations

from converter.cli import main

raise SystemExit(main())
