"""briefings: turn press-briefing transcripts into a cross-linked, searchable MkDocs site.

The pipeline is ``corpus/*.txt --parse--> model --link--> index --render--> docs/**/*.md --mkdocs--> site/``.
"""

from __future__ import annotations

__version__ = "0.1.0"
