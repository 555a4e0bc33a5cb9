"""Topics: what the briefings keep coming back to, found in the corpus rather than typed by hand.

Three sources, one rule. Recurring agenda items: titles that normalise to the same words in two or more
briefings ('Ukrainian crisis update'). Countries: ISO 3166 names from pycountry (plus the short forms and
adjectives that transcripts use and pycountry lacks) named in an agenda title or a question. Organisations
and a few places outside ISO 3166: one small alias table. A topic gets a page when it has at least
``MIN_MENTIONS`` mentions (agenda items and questions); a recurring item when it is on the agenda of at least
``MIN_BRIEFINGS`` briefings. docs/dev/archive.md documents the rules.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pycountry
import snowballstemmer

from converter import links
from converter.model import Exchange, Section

MIN_MENTIONS = 2
MIN_BRIEFINGS = 2

AGENDA = "agenda"
COUNTRY = "country"
ORGANISATION = "organisation"
PLACE = "place"
# The order in which a page lists the groups, and the heading it gives each.
GROUPS = {AGENDA: "Recurring agenda items", COUNTRY: "Countries", ORGANISATION: "Organisations", PLACE: "Places"}

# The ministry's own country is named in nearly every item; as a topic it would list the whole archive.
EXCLUDED_COUNTRIES = frozenset({"RU"})
# Forms that transcripts use and pycountry does not list (its names are ISO 3166's: 'Türkiye', 'Viet Nam').
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "USA", "U.S.", "United States", "America"),
    "GB": ("UK", "Britain", "Great Britain"),
    "TR": ("Turkey",),
    "VA": ("Vatican",),
    "KP": ("DPRK",),
    "CI": ("Ivory Coast",),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia",),
    "PS": ("Palestine",),
}
# The names a page shows where pycountry's would read oddly in a list of topics.
COUNTRY_NAMES = {"VA": "Vatican", "PS": "Palestine"}
# Adjectives and demonyms ('Ukrainian crisis', 'Japanese centres', 'the Serbs’ rights'); a plural 's' also
# matches. Only forms that name one country: 'Korean', 'Indian', 'Sudanese' are left out.
COUNTRY_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan",), "AM": ("Armenian",), "AZ": ("Azerbaijani",), "BY": ("Belarusian",),
    "BR": ("Brazilian",), "BG": ("Bulgarian",), "CA": ("Canadian",), "CN": ("Chinese",), "CU": ("Cuban",),
    "CZ": ("Czech",), "DK": ("Danish",), "EE": ("Estonian",), "EG": ("Egyptian",), "FI": ("Finnish",),
    "FR": ("French",), "GE": ("Georgian",), "DE": ("German",), "GR": ("Greek",), "HU": ("Hungarian",),
    "IR": ("Iranian",), "IQ": ("Iraqi",), "IL": ("Israeli",), "IT": ("Italian",), "JP": ("Japanese",),
    "JO": ("Jordanian",), "KZ": ("Kazakh", "Kazakhstani"), "KG": ("Kyrgyz",), "LV": ("Latvian",),
    "LB": ("Lebanese",), "LY": ("Libyan",), "LT": ("Lithuanian",), "MD": ("Moldovan",), "MN": ("Mongolian",),
    "NL": ("Dutch",), "NO": ("Norwegian",), "PK": ("Pakistani",), "PS": ("Palestinian",), "PL": ("Polish",),
    "RO": ("Romanian",), "SA": ("Saudi",), "RS": ("Serbian", "Serb"), "SK": ("Slovak",), "ES": ("Spanish",),
    "SE": ("Swedish",), "CH": ("Swiss",), "SY": ("Syrian",), "TJ": ("Tajik",), "TR": ("Turkish",),
    "UA": ("Ukrainian",), "GB": ("British",), "US": ("American",), "UZ": ("Uzbek",), "VE": ("Venezuelan",),
    "VN": ("Vietnamese",),
}
# Longer phrases that contain a name but are not about the country: matched first and then ignored.
NOT_COUNTRIES = (
    "Latin America", "Latin American", "South America", "South American", "North America", "North American",
    "Central America", "Central American", "New Jersey", "New Mexico", "New Guinea", "Niger Delta",
)
# Organisations and places outside ISO 3166: slug -> (name shown, group, forms in the text).
ENTITIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "nato": ("NATO", ORGANISATION, ("NATO", "North Atlantic Alliance", "North Atlantic Treaty Organization")),
    "eu": ("European Union", ORGANISATION, (
        "EU", "European Union", "European Commission", "European Parliament", "European Council",
    )),
    "un": ("United Nations", ORGANISATION, ("UN", "United Nations", "UNGA", "UNSC")),
    "brics": ("BRICS", ORGANISATION, ("BRICS",)),
    "sco": ("Shanghai Cooperation Organisation", ORGANISATION, (
        "SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization",
    )),
    "osce": ("OSCE", ORGANISATION, (
        "OSCE", "Organisation for Security and Co-operation in Europe",
        "Organization for Security and Co-operation in Europe",
    )),
    "unesco": ("UNESCO", ORGANISATION, ("UNESCO",)),
    "who": ("World Health Organization", ORGANISATION, ("WHO", "World Health Organization",
                                                         "World Health Organisation")),
    "csto": ("CSTO", ORGANISATION, ("CSTO", "Collective Security Treaty Organisation",
                                    "Collective Security Treaty Organization")),
    "cis": ("CIS", ORGANISATION, ("CIS", "Commonwealth of Independent States")),
    "eaeu": ("Eurasian Economic Union", ORGANISATION, ("EAEU", "EAEC", "Eurasian Economic Union")),
    "g20": ("G20", ORGANISATION, ("G20", "G-20")),
    "g7": ("G7", ORGANISATION, ("G7", "G-7")),
    "iaea": ("IAEA", ORGANISATION, ("IAEA", "International Atomic Energy Agency")),
    "opcw": ("OPCW", ORGANISATION, ("OPCW", "Organisation for the Prohibition of Chemical Weapons")),
    "asean": ("ASEAN", ORGANISATION, ("ASEAN",)),
    "african-union": ("African Union", ORGANISATION, ("African Union",)),
    "council-of-europe": ("Council of Europe", ORGANISATION, ("Council of Europe", "PACE")),
    "icc": ("International Criminal Court", ORGANISATION, ("ICC", "International Criminal Court")),
    "kosovo": ("Kosovo", PLACE, ("Kosovo",)),
    "nagorno-karabakh": ("Nagorno-Karabakh", PLACE, ("Nagorno-Karabakh", "Karabakh")),
    "crimea": ("Crimea", PLACE, ("Crimea",)),
    "donbass": ("Donbass", PLACE, ("Donbass", "Donbas")),
    "gaza": ("Gaza", PLACE, ("Gaza", "Gaza Strip")),
    "transnistria": ("Transnistria", PLACE, ("Transnistria", "Trans-Dniester")),
    "abkhazia": ("Abkhazia", PLACE, ("Abkhazia",)),
    "south-ossetia": ("South Ossetia", PLACE, ("South Ossetia",)),
    "arctic": ("Arctic", PLACE, ("Arctic",)),
}

# Words that do not tell two agenda titles apart ('Update on the Ukrainian crisis' = 'Ukrainian crisis update').
_STOP_WORDS = frozenset("a an and as at by for from in into of on or over the to towards with".split())
_RE_WORD = re.compile(r"[a-z0-9]+")
# "Russia’s", "the US's": the possessive goes before words are compared.
_RE_POSSESSIVE = re.compile(r"['’]s\b")
# 'build-up' is 'buildup', 'e-visas' 'evisas'; 'Russia-Armenia' stays two words.
_RE_COMPOUND = re.compile(r"(?<=[a-z])-(?=[a-z])")
# The parser's section for questions no agenda item took; the same title in every briefing, not a topic.
_NOT_AGENDA_TOPICS = frozenset({"other-questions", "introduction"})


@dataclass(frozen=True)
class Entity:
    """A thing a title or question can name: a country, an organisation or a place."""

    slug: str
    name: str
    group: str


@dataclass(frozen=True)
class Item:
    """One agenda item or one Q&A exchange of one briefing page, as the topic index reads it."""

    page: str
    anchor: str
    date: dt.date | None
    order: int
    section: Section
    exchange: Exchange | None = None


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    group: str
    mentions: tuple[Item, ...]  # newest first, then in page order

    @property
    def path(self) -> str:
        return links.topic_path(self.slug)

    def per_year(self) -> Counter[int]:
        return Counter(item.date.year for item in self.mentions if item.date)


@dataclass(frozen=True)
class Index:
    """Every topic with a page, and the topics of each item of each page."""

    topics: tuple[Topic, ...]
    by_page: dict[str, dict[str, tuple[Topic, ...]]]  # page path -> anchor -> topics

    def of(self, page: str, anchor: str) -> tuple[Topic, ...]:
        return self.by_page.get(page, {}).get(anchor, ())

    def on_page(self, page: str) -> dict[str, tuple[Topic, ...]]:
        """The topics of each item of one page, by anchor."""
        return self.by_page.get(page, {})


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@functools.cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def agenda_key(title: str) -> str:
    """The words of an agenda title that make it the same item as another: stemmed, stop words out, sorted."""
    words = _RE_WORD.findall(_fold(_RE_COMPOUND.sub("", _RE_POSSESSIVE.sub("", title))).lower())
    stems = {_stem(word) for word in words if word not in _STOP_WORDS}
    return " ".join(sorted(stems))


def _country_forms(country: object) -> tuple[str, list[str], list[str]]:
    """The name a page shows for a pycountry record, its own names, and the forms derived from them."""
    code: str = getattr(country, "alpha_2")  # noqa: B009 - pycountry records carry no type information
    name: str = getattr(country, "name")  # noqa: B009
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    forms: list[str] = []
    derived: list[str] = []
    for form in (name, common, official):
        if not form:
            continue
        # 'Holy See (Vatican City State)', 'Saint Martin (French part)': the name and the one in brackets.
        head, _, bracket = form.partition(" (")
        bracket = bracket.rstrip(")")
        for part in (head, bracket):
            if not part or part.endswith(" part"):
                continue
            before, comma, after = part.partition(", ")
            if comma:
                # 'Korea, Republic of' -> 'Republic of Korea'; 'Virgin Islands, British' -> 'British Virgin Islands'.
                if after.endswith((" of", " of the")) or " " not in after:
                    derived.append(f"{after} {before}")
                derived.append(before)
            else:
                forms.append(part)
    forms = [form.removeprefix("the ").removeprefix("The ") for form in forms]
    derived = [form.removeprefix("the ").removeprefix("The ") for form in derived]
    shown = COUNTRY_NAMES.get(code) or common or (forms[0] if forms else derived[0] if derived else name)
    return shown, [*forms, *COUNTRY_ALIASES.get(code, ())], derived


@functools.cache
def entities() -> tuple[dict[str, Entity | None], re.Pattern[str]]:
    """Every form of every entity -> the entity (None for a form that names none), and one pattern for all."""
    forms: dict[str, Entity | None] = {}
    claimed: Counter[str] = Counter()
    countries = []
    for country in pycountry.countries:
        code = country.alpha_2
        if code in EXCLUDED_COUNTRIES:
            continue
        shown, names, derived = _country_forms(country)
        entity = Entity(links.slug(shown), shown, COUNTRY)
        adjectives = [form for adjective in COUNTRY_ADJECTIVES.get(code, ()) for form in (adjective, adjective + "s")]
        countries.append((entity, names + adjectives, derived))
        claimed.update(set(derived))
    for entity, names, _derived in countries:
        for form in names:
            forms.setdefault(form, entity)
    for entity, _names, derived in countries:
        for form in derived:
            # A country's own name wins ('Congo' is the Republic of the Congo); a form that two names give
            # ('Korea' before the comma of both Koreas) names neither.
            if claimed[form] < 2:
                forms.setdefault(form, entity)
    for slug, (shown, group, written) in ENTITIES.items():
        for form in written:
            forms.setdefault(form, Entity(slug, shown, group))
    for form in NOT_COUNTRIES:
        forms[form] = None
    # Longest first, so that 'South Sudan' wins over 'Sudan' and 'Guinea-Bissau' over 'Guinea'. Names are
    # proper nouns: matched with their capitals ('WHO' is the organisation, 'who' is not; 'Chad', 'Jordan').
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))
    return forms, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def named(text: str) -> list[Entity]:
    """The countries, organisations and places ``text`` names, each once, in order of first mention."""
    forms, pattern = entities()
    found: dict[str, Entity] = {}
    for match in pattern.finditer(text):
        entity = forms[match.group()]
        if entity is not None:
            found.setdefault(entity.slug, entity)
    return list(found.values())


def items(pages: Iterable[links.Page]) -> list[Item]:
    """Every agenda item and every exchange of every page, in page order."""
    result = []
    for page in pages:
        order = 0
        for section in page.briefing.sections:
            result.append(Item(page.path, section.anchor, page.briefing.date, order, section))
            order += 1
            for exchange in section.exchanges:
                result.append(Item(page.path, exchange.anchor, page.briefing.date, order, section, exchange))
                order += 1
    return result


def _text_of(item: Item) -> str:
    """What an item names its topics in: the agenda title, or the question (not the answer)."""
    if item.exchange is None:
        return item.section.title
    return "\n".join(paragraph.text for paragraph in item.exchange.question.paragraphs)


def named_on(page: links.Page) -> tuple[tuple[Entity, ...], ...]:
    """What each item of one page (in :func:`items` order) names: the slow part of :func:`build`, a function
    of the page alone, so that a build may keep it per page."""
    return tuple(tuple(named(_text_of(item))) for item in items([page]))


def build(pages: Sequence[links.Page],
          entities: Mapping[str, Sequence[Sequence[Entity]]] | None = None) -> Index:
    """The topics of a corpus: collect every item's candidates, keep those that pass the rules, name them.

    ``entities`` holds :func:`named_on` of each page by its path, where the caller has it already."""
    all_items = items(pages)
    if entities is None:
        entities = {page.path: named_on(page) for page in pages}
    found_in = [found for page in pages for found in entities[page.path]]
    candidates: dict[str, tuple[str, str, list[Item]]] = {}  # key -> (name, group, items)
    agenda_titles: dict[str, Counter[str]] = {}
    agenda_pages: dict[str, set[str]] = {}
    for item, names in zip(all_items, found_in, strict=True):
        if item.exchange is None and item.section.anchor not in _NOT_AGENDA_TOPICS:
            key = agenda_key(item.section.title)
            if key:
                agenda_titles.setdefault(key, Counter())[item.section.title] += 1
                agenda_pages.setdefault(key, set()).add(item.page)
                candidates.setdefault(f"{AGENDA}:{key}", ("", AGENDA, []))[2].append(item)
        for entity in names:
            candidates.setdefault(f"{entity.group}:{entity.slug}", (entity.name, entity.group, []))[2].append(item)
    kept: list[tuple[str, str, str, list[Item]]] = []  # (key, name, group, items)
    for key, (name, group, found) in candidates.items():
        if group == AGENDA:
            agenda = key.partition(":")[2]
            if len(agenda_pages[agenda]) < MIN_BRIEFINGS:
                continue
            # The title most often printed; among equals the first in alphabetical order (deterministic).
            name = min(agenda_titles[agenda].items(), key=lambda pair: (-pair[1], pair[0]))[0]
        elif len(found) < MIN_MENTIONS:
            continue
        kept.append((key, name, group, found))
    return _index(kept)


def _index(kept: list[tuple[str, str, str, list[Item]]]) -> Index:
    """Slugs (entities first, so theirs never change), mentions newest first, and the topics of each item."""
    taken: set[str] = set()
    topics: list[Topic] = []
    order = {group: n for n, group in enumerate(GROUPS)}
    for key, name, group, found in sorted(kept, key=lambda k: (k[2] == AGENDA, k[0])):
        base = key.partition(":")[2] if group != AGENDA else links.slug(name) or "topic"
        slug, count = base, 1
        while slug in taken:
            count += 1
            slug = f"{base}-{count}"
        taken.add(slug)
        # Newest first; two briefings the same day: the later page first; within a page, in page order.
        mentions = sorted(found, key=lambda i: i.order)
        mentions.sort(key=lambda i: (i.date.toordinal() if i.date else 0, i.page), reverse=True)
        topics.append(Topic(slug, name, group, tuple(mentions)))
    topics.sort(key=lambda t: (order[t.group], t.name.casefold(), t.slug))
    by_page: dict[str, dict[str, list[Topic]]] = {}
    for topic in topics:
        for item in topic.mentions:
            by_page.setdefault(item.page, {}).setdefault(item.anchor, []).append(topic)
    return Index(tuple(topics), {page: {a: tuple(t) for a, t in found.items()} for page, found in by_page.items()})
