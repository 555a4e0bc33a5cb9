"""A synthetic corpus in the real layouts: agenda items and Q&A exchanges of the seeds, recombined.

``python -m bench.synth --count 300 --out /tmp/corpus`` writes 300 transcripts named by date, spread over
2010-2026, by several speakers, half as plain text and half as mid.ru page copies, some items without a
heading in the body. The same ``--seed`` gives the same files.

The seeds have a few thousand distinct words, so every word recurs in every briefing. ``--vocabulary
realistic`` gives each briefing words of its own, as a real archive has (names, places, rarer words): in
each transcript a third of the distinct content words are replaced, the same way in its agenda and its body
(so titles still match their text), by pseudo-words drawn from a Zipf distribution over 100,000 words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
from dataclasses import dataclass
from pathlib import Path

from converter.model import Kind
from converter.parse import parse_file
from converter.parse.similarity import STOP_WORDS

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
# (name, title in the briefing's title line)
SPEAKERS = [
    ("Maria Zakharova", "Foreign Ministry Spokeswoman"),
    ("Maria Zakharova", "Foreign Ministry Spokeswoman"),
    ("Maria Zakharova", "Foreign Ministry Spokeswoman"),
    ("Alexander Lukashevich", "Foreign Ministry Spokesman"),
    ("Andrei Kozhin", "Deputy Foreign Ministry Spokesman"),
    ("Artyom Kozhin", "Deputy Director of the Foreign Ministry Information and Press Department"),
]
PLACES = ["Moscow", "Moscow", "Moscow", "St Petersburg", "Artek, Crimea"]
FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2026, 11, 30)
VOCABULARIES = ("seeds", "realistic")
# The realistic vocabulary: how many pseudo-words, and the share of a transcript's distinct words replaced.
_PSEUDO_WORDS = 100_000
_REPLACED = 0.33
# Words that may be replaced: four letters or more ('Question', labels and names are added after replacing).
_RE_CONTENT_WORD = re.compile(r"[A-Za-z]{4,}")


@dataclass(frozen=True)
class Statement:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    title: str
    exchanges: tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...]  # (question, answers)


def pools() -> tuple[list[Statement], list[Topic]]:
    """The seeds' statements and Q&A topics, as text to recombine."""
    statements: list[Statement] = []
    topics: list[Topic] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for section in parse_file(path).sections:
            if section.kind is Kind.STATEMENT and section.paragraphs:
                statements.append(Statement(section.title, tuple(p.text for p in section.paragraphs)))
            elif section.exchanges:
                topics.append(Topic(section.title, tuple(
                    (
                        tuple(p.text for p in e.question.paragraphs),
                        tuple(tuple(p.text for p in a.paragraphs) for a in e.answers),
                    )
                    for e in section.exchanges
                )))
    return statements, topics


def _title(speaker: tuple[str, str], place: str, date: dt.date) -> str:
    return f"Briefing by {speaker[1]} {speaker[0]}, {place}, {date:%B} {date.day}, {date.year}"


def _body(rng: random.Random, statements: list[Statement], topics: list[Topic], midru: bool,
          speaker: str) -> tuple[list[str], list[str], list[str]]:
    chosen_statements = rng.sample(statements, k=min(len(statements), rng.randint(8, 16)))
    chosen_topics = rng.sample(topics, k=min(len(topics), rng.randint(8, 26)))
    gap = ["", ""] if midru else []
    sep = ["", "Back to top", ""] if midru else []
    body: list[str] = []
    for statement in chosen_statements:
        # One heading in ten is missing, as in the real transcripts.
        if rng.random() > 0.1:
            body += [statement.title, *gap]
        for paragraph in statement.paragraphs:
            body += [paragraph, ""] if midru else [paragraph]
        body += sep
    if midru:
        body += ["Answers to media questions:", ""]
    for topic in chosen_topics:
        for question, answers in topic.exchanges:
            body += [f"Question: {question[0]}", *question[1:]]
            for answer in answers:
                body += [f"{speaker}: {answer[0]}" if answer else f"{speaker}:", *answer[1:]]
        body += sep
    return [s.title for s in chosen_statements], [t.title for t in chosen_topics], body


class Vocabulary:
    """Pseudo-words ('ravoteks', 'mizunaling') with Zipf frequencies, to replace a transcript's words with."""

    _ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kr", "st", "tr")
    _VOWELS = ("a", "e", "i", "o", "u", "ia", "ou")
    _ENDINGS = ("", "", "s", "ed", "ing", "ation", "ity", "ism", "ive", "ness")

    def __init__(self, size: int = _PSEUDO_WORDS) -> None:
        syllables = [onset + vowel for onset in self._ONSETS for vowel in self._VOWELS]
        words: list[str] = []
        for length in itertools.count(2):
            for parts in itertools.product(syllables, repeat=length):
                words.append("".join(parts) + self._ENDINGS[len(words) % len(self._ENDINGS)])
                if len(words) == size:
                    break
            if len(words) == size:
                break
        random.Random(size).shuffle(words)
        self.words = words
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, size + 1)))

    def replace(self, texts: list[str], rng: random.Random) -> dict[str, str]:
        """A mapping of the lower-cased words of ``texts`` to replace, each to a pseudo-word."""
        mapping: dict[str, str] = {}
        seen: set[str] = set()
        taken: set[str] = set()
        for text in texts:
            for word in _RE_CONTENT_WORD.findall(text):
                key = word.lower()
                if key in seen or key in STOP_WORDS:
                    continue
                seen.add(key)
                if rng.random() < _REPLACED:
                    # Distinct words stay distinct: a drawn word already taken is drawn again.
                    for _attempt in range(20):
                        new = rng.choices(self.words, cum_weights=self.cumulative)[0]
                        if new not in taken:
                            break
                    taken.add(new)
                    mapping[key] = new
        return mapping


def _respell(text: str, mapping: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        word = match.group()
        new = mapping.get(word.lower())
        if new is None:
            return word
        return new.upper() if word.isupper() else new.capitalize() if word[0].isupper() else new

    return _RE_CONTENT_WORD.sub(one, text)


def _respelled(statements: list[Statement], topics: list[Topic], mapping: dict[str, str]
               ) -> tuple[list[Statement], list[Topic]]:
    return (
        [Statement(_respell(s.title, mapping), tuple(_respell(p, mapping) for p in s.paragraphs)) for s in statements],
        [Topic(_respell(t.title, mapping), tuple(
            (tuple(_respell(q, mapping) for q in question),
             tuple(tuple(_respell(a, mapping) for a in answer) for answer in answers))
            for question, answers in t.exchanges
        )) for t in topics],
    )


def _texts(statements: list[Statement], topics: list[Topic]) -> list[str]:
    texts = [text for s in statements for text in (s.title, *s.paragraphs)]
    for topic in topics:
        texts.append(topic.title)
        for question, answers in topic.exchanges:
            texts += [*question, *(text for answer in answers for text in answer)]
    return texts


def transcript(index: int, date: dt.date, seed: int, statements: list[Statement], topics: list[Topic],
               vocabulary: Vocabulary | None = None) -> str:
    """One synthetic transcript; even indexes are plain text, odd ones mid.ru page copies.

    With a ``vocabulary``, a third of the transcript's distinct content words are replaced by its words.
    """
    return _transcript(index, date, seed, statements, topics, vocabulary)[0]


def _transcript(
    index: int, date: dt.date, seed: int, statements: list[Statement], topics: list[Topic],
    vocabulary: Vocabulary | None = None,
) -> tuple[str, tuple[str, str], str, list[str]]:
    """(text, speaker, place, agenda titles) of one synthetic transcript."""
    rng = random.Random(seed * 1_000_003 + index)
    speaker = rng.choice(SPEAKERS)
    place = rng.choice(PLACES)
    midru = index % 2 == 1
    if vocabulary is not None:
        mapping = vocabulary.replace(_texts(statements, topics), random.Random(seed * 7_000_001 + index))
        statements, topics = _respelled(statements, topics, mapping)
    statement_titles, topic_titles, body = _body(rng, statements, topics, midru, speaker[0])
    title = _title(speaker, place, date)
    if not midru:
        agenda = [f"- {t}" for t in statement_titles + topic_titles]
        return "\n".join([title, *agenda, *body]) + "\n", speaker, place, statement_titles + topic_titles
    head = [f"{date.day} {date:%B} {date.year}{rng.randint(10, 20)}:{rng.randint(10, 59)}", "", title, "", "",
            "  • de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1", "", "Table of contents", ""]
    toc = [f"  {n}. {t}" for n, t in enumerate(statement_titles, 1)]
    toc += ["", "Answers to media questions:", ""]
    toc += [f"  {n}. {t}" for n, t in enumerate(topic_titles, 1)]
    foot = ["", "Additional materials", "", "", "Advanced settings"]
    return "\n".join([*head, *toc, "", "", "", *body, *foot]), speaker, place, statement_titles + topic_titles


# Family 1 of issue 14: briefings inside other sites' pages. Furniture is generated from these pools; none of
# it names a real site. A page's truth is what the briefing inside it says.
_MENUS = ["Skip to main content", "Home", "News", "World", "Politics", "Analysis", "Opinion", "Interviews", "Video",
          "About us", "Contacts", "Search", "Menu", "Log in", "EN | RU | ES"]
_BANNERS = ["Support independent journalism: donate today", "We are hiring: join our newsroom",
            "Subscribe to our newsletter", "Donate", "Become a member for $5 a month"]
_SLOGANS = ["The voice of a multipolar world", "News without borders", "Diplomacy in focus", "Facts first"]
_LOGOS = ["Logo of the Eurasian Diplomatic Review", "Site logo", "Image: logo", "Photo: Foreign Ministry press service"]
_FOOT = [
    ["Share this article", "Facebook", "Twitter", "Telegram"],
    ["Share:", "VK", "WhatsApp"],
    ["Print"],
]
_COMMENTS = ["Thank you for publishing the full text.", "Where can I read the Russian version?",
             "Great briefing, as always.", "Anna: the link to the video does not work."]


@dataclass(frozen=True)
class Page:
    """A synthetic republished page and what the briefing inside it says."""

    text: str
    title: str
    date: dt.date
    speaker: str
    agenda: tuple[str, ...]
    furniture: frozenset[int]  # line numbers of generated furniture


def _stamp(rng: random.Random, date: dt.date) -> str:
    when = date + dt.timedelta(days=rng.randint(0, 3))
    time = f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    return rng.choice([
        f"{when:%d.%m.%Y} {time}",  # 03.11.2021 09:12
        f"{when.day} {when:%B} {when.year}{time}",  # 12 May 201814:05
        f"{when:%A}, {when.day} {when:%B} {when.year} {time}",
        f"{when:%B} {when.day}, {when.year}",
    ])


def _headlines(rng: random.Random, date: dt.date, speaker: tuple[str, str], topics: list[Topic]) -> list[str]:
    lines = [f"{topic.title}: what we know" for topic in rng.sample(topics, k=2)]
    if rng.random() < 0.4:
        # Another briefing's title in a 'Latest' or 'Related' list.
        other = date - dt.timedelta(days=7 * rng.randint(1, 4))
        lines.insert(rng.randint(0, len(lines)), _title(speaker, "Moscow", other))
    return lines


def _lede(rng: random.Random, speaker: tuple[str, str], place: str, date: dt.date) -> str:
    dateline = place.split(",")[0].upper()
    verb = rng.choice(["held a briefing on current foreign policy issues", "gave a weekly briefing",
                       "held a briefing for the media"])
    return f"{dateline}, {date:%B} {date.day}, {date.year}. {speaker[1]} {speaker[0]} {verb}. Below is the transcript."


def page(index: int, date: dt.date, seed: int, statements: list[Statement], topics: list[Topic]) -> Page:
    """One briefing wrapped in a republisher's page: menus, banners, headlines, a slogan, stamps and captions
    above it (one page in four opens with its own headline quoting the spokesperson, one in four has a lede
    instead of the title); share buttons, tags, related articles and comments after it."""
    rng = random.Random(seed * 1_000_003 + index + 7)
    text, speaker, place, agenda = _transcript(index, date, seed, statements, topics)
    inner = text.rstrip("\n").split("\n")
    title = _title(speaker, place, date)
    if rng.random() < 0.25:
        lede = _lede(rng, speaker, place, date)
        inner[inner.index(title)] = lede
        title = lede
    head: list[str] = []
    if rng.random() < 0.25:
        quote = rng.choice(statements).paragraphs[0].split(". ")[0].rstrip(".")
        head.append(f"“{quote}”")
    head += rng.sample(_MENUS, k=rng.randint(2, 8))
    head += rng.sample(_BANNERS, k=rng.randint(0, 1))
    head += ["Latest", *_headlines(rng, date, speaker, topics)]
    head += rng.sample(_SLOGANS, k=1)
    head += [_stamp(rng, date)]
    if rng.random() < 0.5:
        head.append(f"Article No. {rng.randint(100, 99999)}")
    head += rng.sample(_LOGOS, k=rng.randint(0, 1))
    foot = [*rng.choice(_FOOT), "Tags: " + ", ".join(t.title.split()[-1] for t in rng.sample(topics, k=3))]
    foot += ["Related articles", *_headlines(rng, date, speaker, topics)]
    if rng.random() < 0.5:
        foot += ["Comments (2)", *rng.sample(_COMMENTS, k=2)]
    first_foot = len(head) + 1 + len(inner) + 2
    furniture = frozenset([*range(1, len(head) + 1), *range(first_foot, first_foot + len(foot))])
    lines = [*head, "", *inner, "", *foot]
    return Page("\n".join(lines) + "\n", title, date, speaker[0], tuple(agenda), furniture)


def pages(count: int, seed: int = 0) -> list[Page]:
    """``count`` republished pages over the same dates as :func:`write_corpus`."""
    statements, topics = pools()
    return [page(index, date, seed, statements, topics) for index, date in enumerate(dates(count, seed))]


def dates(count: int, seed: int) -> list[dt.date]:
    """``count`` distinct dates spread over 2010-2026, in order."""
    days = (LAST_DAY - FIRST_DAY).days
    rng = random.Random(seed)
    return sorted(FIRST_DAY + dt.timedelta(days=d) for d in rng.sample(range(days), k=count))


def write_pages(count: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``count`` republished pages (issue 14, family 1) into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in pages(count, seed):
        path = out / f"{item.date.isoformat()}-page.txt"
        path.write_text(item.text, encoding="utf-8")
        paths.append(path)
    return paths


def write_corpus(count: int, out: Path, seed: int = 0, vocabulary: str = "seeds") -> list[Path]:
    """Write ``count`` transcripts into ``out``; returns their paths.

    ``vocabulary`` is ``seeds`` (the seeds' words only) or ``realistic`` (see the module's docstring).
    """
    if vocabulary not in VOCABULARIES:
        raise ValueError(f"expected a vocabulary of {', '.join(VOCABULARIES)}, got {vocabulary!r}")
    statements, topics = pools()
    words = Vocabulary() if vocabulary == "realistic" else None
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, date in enumerate(dates(count, seed)):
        path = out / f"{date.isoformat()}.txt"
        path.write_text(transcript(index, date, seed, statements, topics, words), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vocabulary", choices=VOCABULARIES, default="seeds",
                        help="the seeds' words only, or a third of each transcript's words replaced (realistic)")
    parser.add_argument("--pages", action="store_true", help="briefings inside generated site furniture (issue 14)")
    args = parser.parse_args()
    if args.pages:
        paths = write_pages(args.count, args.out, args.seed)
    else:
        paths = write_corpus(args.count, args.out, args.seed, args.vocabulary)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} transcripts, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
