"""The built site's outputs, read by the clients their users use: a link checker, feed readers, a sitemap
validator, a data-package validator. Each runs on a small site built twice from one corpus: as the Pages
workflow builds it (SITE_URL set, a project site below the domain root) and as a local `make site` does (unset),
where nothing that needs an absolute URL may be written.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
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


# LinkChecker run as root switches to `nobody` before it reads its own data files, which fails when the checkout
# (and its virtual environment) sits in a private folder such as one from `mktemp -d`. CI machines and containers
# run as root: the tests run the same command without that switch. It checks the site the same way either way.
LINKCHECKER_AS_IS = (
    "import sys, linkcheck.command.linkchecker as command; "
    "command.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; sys.exit(command.linkchecker())"
)


def linkchecker(site: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    with serve(site, f"linkchecker-{site.parent.name}", LinkCheckerHandler) as url:
        return subprocess.run(
            [sys.executable, "-c", LINKCHECKER_AS_IS, "--config", str(config), "--no-status", "--output", "text",
             url],
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


# --- the feeds, as feed readers read them ------------------------------------------------------------------


def test_feeds_parse_cleanly_with_absolute_links(public_site: Path) -> None:
    for name, version, kind in (("feed.xml", "rss20", "rss"), ("atom.xml", "atom10", "atom")):
        parsed = feedparser.parse((public_site / name).read_bytes(), response_headers={
            "content-location": PUBLIC_URL + name, "content-type": f"application/{kind}+xml"})
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert parsed.version == version
        feed = parsed.feed
        assert feed.title == "Briefings" and feed.link == PUBLIC_URL
        # RSS 2.0 needs absolute URLs; both feeds name themselves (rel="self"), as validators ask.
        assert [link.href for link in feed.links if link.rel == "self"] == [PUBLIC_URL + name]
        assert [entry.link for entry in parsed.entries] == [
            PUBLIC_URL + "briefings/2021/2021-01-28/", PUBLIC_URL + "briefings/2017/2017-04-12/",
            PUBLIC_URL + "briefings/2017/2017-03-01/", PUBLIC_URL + "briefings/2012/2012-03-15/",
        ]
        for entry in parsed.entries:
            assert entry.id == entry.link and entry.title and entry.summary
            assert entry.get("published_parsed") or entry.get("updated_parsed")
            page = public_site / entry.link.removeprefix(PUBLIC_URL) / "index.html"
            assert page.is_file(), entry.link


def test_feedparser_flags_relative_rss_links() -> None:
    """The check can fail: a feed whose links are relative, read without a base, keeps them relative."""
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>./</link>'
           "<description>d</description><item><title>i</title><link>briefings/x/</link></item></channel></rss>")
    parsed = feedparser.parse(rss)
    assert not parsed.entries[0].link.startswith("https://")


def test_local_build_writes_no_feeds(local_site: Path) -> None:
    assert not (local_site / "feed.xml").exists() and not (local_site / "atom.xml").exists()


# --- the dataset, as Frictionless reads it -----------------------------------------------------------------


def frictionless_validate(package: Path) -> dict[str, Any]:
    result = subprocess.run(
        [str(BIN / "frictionless"), "validate", "--json", str(package)],
        capture_output=True, text=True, timeout=300, check=False, cwd=package.parent,
    )
    report: dict[str, Any] = json.loads(result.stdout)
    report["returncode"] = result.returncode
    return report


@pytest.mark.parametrize("which", ["public_site", "local_site"])
def test_frictionless_validates_the_data_package(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    report = frictionless_validate(site / "data" / "datapackage.json")
    errors = [error for task in report["tasks"] for error in task["errors"]] + report.get("errors", [])
    assert report["valid"] and report["returncode"] == 0, errors[:10]
    rows = {task["name"]: task["stats"]["rows"] for task in report["tasks"]}
    assert rows == {"briefings": 4, "qa": rows["qa"], "items": rows["items"]} and rows["qa"] > 5
    # The data page states the counts the validator read.
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert f"the same {rows['items']} agenda items and exchanges" in page
    assert f"each of the {rows['qa']} Q&amp;A exchanges" in page
    # Row URLs lead to pages: absolute under the public address, else relative to the data folder.
    with gzip.open(site / "data" / "qa.jsonl.gz", "rt", encoding="utf-8") as file:
        url = json.loads(file.readline())["url"]
    base = PUBLIC_URL + "data/" if which == "public_site" else (site / "data").as_uri() + "/"
    target = urljoin(base, url).split("#")[0]
    relative = target.removeprefix(PUBLIC_URL) if which == "public_site" else target.removeprefix(site.as_uri() + "/")
    assert (site / relative / "index.html").is_file(), url


def test_frictionless_rejects_a_row_of_the_wrong_type(public_site: Path, tmp_path: Path) -> None:
    """The check can fail: a date that is no date in the CSV is an error of the package."""
    for name in ("datapackage.json", "briefings.jsonl.gz", "qa.jsonl.gz"):
        shutil.copy(public_site / "data" / name, tmp_path / name)
    text = gzip.decompress((public_site / "data" / "items.csv.gz").read_bytes()).decode("utf-8")
    broken = text.replace(",2021-01-28,2021-01-28,", ",2021-01-28,28 January 2021,", 1)  # briefing, date
    assert broken != text
    (tmp_path / "items.csv.gz").write_bytes(gzip.compress(broken.encode("utf-8")))
    report = frictionless_validate(tmp_path / "datapackage.json")
    assert not report["valid"] and report["returncode"] != 0
    errors = [error for task in report["tasks"] for error in task["errors"]]
    assert any(error["type"] == "type-error" and error["fieldName"] == "date" for error in errors), errors[:5]
