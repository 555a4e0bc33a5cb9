"""Pages left where a published briefing page was: a redirect to where it is now, or a note that it is gone.

Each published id of the old page is an element of its own that links to where that id leads now, so an old
link lands on a page that says where to go without a script, and ``docs/assets/briefings.js`` forwards the
reader (the part of the address after ``#`` included). ``mkdocs build --strict`` validates every link.
"""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from converter import ledger, links
from converter.pages import briefing as briefing_page
from converter.pages.markdown import escape

TITLE = "This briefing moved"
GONE_TITLE = "This briefing was removed"


def page(redirect: ledger.Redirect, pages: Mapping[str, links.Page]) -> str:
    """The Markdown page at ``redirect.path``."""
    target = pages.get(redirect.target) if redirect.target else None
    title = TITLE if target else GONE_TITLE
    front = {"title": title, "description": title, "search": {"exclude": True}, "hide": ["navigation", "toc"]}
    blocks = ["---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip("\n") + "\n---", f"# {title}"]
    if target is not None:
        name = escape(briefing_page.page_title(target.briefing))
        blocks.append(f"The briefing published at this address is now at [{name}]"
                      f"({links.relative(redirect.path, target.path)}).\n{{: .moved-page }}")
    else:
        blocks.append("The transcript published at this address was removed from the archive.\n{: .moved-page }")
    for anchor, path, to, note in redirect.anchors:
        text = escape(f"{note}." if note else f"Part #{anchor} of this briefing:")
        if path:
            text += f" [Go there]({links.relative(redirect.path, path, to)})."
        blocks.append(f'<div class="anchor-note" id="{anchor}" markdown>\n\n{text}\n\n</div>')
    return "\n\n".join(blocks) + "\n"


def files(resolution: ledger.Resolution) -> dict[str, str]:
    """Every redirect page by its path in the docs folder."""
    by_path = {p.path: p for p in resolution.pages}
    return {redirect.path: page(redirect, by_path) for redirect in resolution.redirects}
