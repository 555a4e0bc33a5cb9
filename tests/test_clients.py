"""The built site's outputs, read by the clients their users use: a link checker, feed readers, a sitemap
validator, a data-package validator. Each runs on a small site built twice from one corpus: as the Pages
workflow builds it (SITE_URL set, a project site below the domain root) and as a local `make site` does (unset),
where nothing that needs an absolute URL may be written.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import xmlschema

from tests.browser.conftest import QuietHandler, serve
from tests.conftest import OFFLINE_COPY_URL, PUBLIC_URL

BIN = Path(sys.executable).parent
SITEMAP_XSD = Path(__file__).resolve().parent / "schemas" / "sitemap.xsd"
# LinkChecker: every internal link and every #anchor (its AnchorCheck plugin); nothing outside the site.
# A server that sends the LinkChecker header lifts its politeness limit of 10 requests a second.
LINKCHECKER_CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
"""
_RE_CHECKED = re.compile(r"(\d+) links? in (\d+) URLs? checked")


class LinkCheckerHandler(QuietHandler):
    """Serves the site to LinkChecker at full speed (it reads the header as the owner's consent)."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allow")
        super().end_headers()


def linkchecker(site: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    config.chmod(0o644)  # LinkChecker, run as root, drops to `nobody` before it reads everything
    with serve(site, f"linkchecker-{site.parent.name}", LinkCheckerHandler) as url:
        return subprocess.run(
            [str(BIN / "linkchecker"), "--config", str(config), "--no-status", "--output", "text", url],
            capture_output=True, text=True, timeout=300, check=False,
        )


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


# --- LinkChecker, with anchors -----------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["public_site", "local_site"])
def test_linkchecker_finds_no_broken_link_or_anchor(which: str, request: pytest.FixtureRequest,
                                                     tmp_path: Path) -> None:
    site: Path = request.getfixturevalue(which)
    result = linkchecker(site, tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    checked = _RE_CHECKED.search(result.stdout)
    assert checked, result.stdout[-2000:]
    # It crawled the whole site, not the home page alone.
    assert int(checked[2]) > len(html_pages(site)), result.stdout[-2000:]


def test_linkchecker_reports_a_missing_anchor(local_site: Path, tmp_path: Path) -> None:
    """The check can fail: a page linking to an anchor that no page has is reported."""
    broken = tmp_path / "site"
    broken.mkdir()
    (broken / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><a href="a.html#nowhere">a</a></html>', encoding="utf-8"
    )
    (broken / "a.html").write_text('<!doctype html><html lang="en"><title>a</title><p id="here">a</p></html>',
                                   encoding="utf-8")
    result = linkchecker(broken, tmp_path)
    assert result.returncode == 1, result.stdout
    assert "Anchor `nowhere' (decoded: `nowhere') not found" in " ".join(result.stdout.split()), result.stdout


# --- the sitemap ------------------------------------------------------------------------------------------


def test_sitemap_is_valid_and_lists_every_page_under_the_public_address(public_site: Path) -> None:
    schema = xmlschema.XMLSchema(SITEMAP_XSD)
    plain = (public_site / "sitemap.xml").read_bytes()
    assert gzip.decompress((public_site / "sitemap.xml.gz").read_bytes()) == plain
    schema.validate(plain.decode("utf-8"))
    document = schema.to_dict(plain.decode("utf-8"))
    locations = [url["loc"] for url in document["url"]]
    assert all(loc.startswith(PUBLIC_URL) for loc in locations), locations
    pages = {
        (PUBLIC_URL + path.relative_to(public_site).as_posix()).removesuffix("index.html")
        for path in html_pages(public_site)
    }
    assert set(locations) == pages
    dated = {url["loc"]: url.get("lastmod") for url in document["url"]}
    assert dated[PUBLIC_URL + "briefings/2021/2021-01-28/"] == "2021-01-28"


def test_sitemap_schema_rejects_an_empty_sitemap() -> None:
    """The check can fail: the empty <urlset> MkDocs writes without a site_url is invalid."""
    empty = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    assert not xmlschema.XMLSchema(SITEMAP_XSD).is_valid(empty)


def test_local_build_writes_no_sitemap(local_site: Path) -> None:
    assert not (local_site / "sitemap.xml").exists()
    assert not (local_site / "sitemap.xml.gz").exists()


# --- the pages' head: canonical address, citation URL, language, offline copy -------------------------------


def test_public_pages_name_their_absolute_address(public_site: Path) -> None:
    page = (public_site / "briefings" / "2021" / "2021-01-28" / "index.html").read_text(encoding="utf-8")
    address = PUBLIC_URL + "briefings/2021/2021-01-28/"
    assert f'<link rel="canonical" href="{address}">' in page
    assert f'<meta name="citation_public_url" content="{address}">' in page
    assert f'<a href="{OFFLINE_COPY_URL}">Download the whole site</a>' in page


def test_local_pages_claim_no_address_and_offer_no_download(local_site: Path) -> None:
    for path in html_pages(local_site):
        page = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in page and "citation_public_url" not in page, path
        assert "Download the whole site" not in page, path


def test_spanish_pages_say_so(public_site: Path, local_site: Path) -> None:
    for site in (public_site, local_site):
        spanish = (site / "briefings" / "2017" / "2017-03-01" / "index.html").read_text(encoding="utf-8")
        english = (site / "briefings" / "2021" / "2021-01-28" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<html lang="es"', spanish) and re.search(r'<html lang="en"', english)


def test_public_urls_keep_the_project_subpath(public_site: Path) -> None:
    """A project site lives below the domain root: no absolute URL may drop /briefings/."""
    host = urlsplit(PUBLIC_URL).netloc
    for path in [*html_pages(public_site), public_site / "sitemap.xml"]:
        text = path.read_text(encoding="utf-8")
        for url in re.findall(rf"https://{re.escape(host)}[^\"'<\s]*", text):
            assert url.startswith(PUBLIC_URL), (path, url)


def test_feeds_are_linked_from_every_public_page_and_from_no_local_one(public_site: Path, local_site: Path) -> None:
    for path in html_pages(public_site):
        text = path.read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/rss\+xml" [^>]*href="[./]*feed\.xml"', text), path
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" [^>]*href="[./]*atom\.xml"', text), path
    for path in html_pages(local_site):
        assert '<link rel="alternate"' not in path.read_text(encoding="utf-8"), path
