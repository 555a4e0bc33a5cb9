"""Alias tables: every wording of page furniture, TOC headings, Q&A dividers, titles and Q&A labels.

Keys are compared after :func:`converter.parse.normalize.match_key` (case-folded, trailing ``.:`` dropped).
A new wording seen in a transcript is one more entry here, not a new ``if``.
"""

from __future__ import annotations

import re

# Lines of page furniture, dropped wherever they stand (listed as boilerplate).
FURNITURE: frozenset[str] = frozenset({
    "back to top",          # mid.ru, between agenda items (seed 002)
    "additional materials",  # mid.ru page foot (seed 002)
    "advanced settings",     # mid.ru page foot (seed 002)
    "print version",
    "versão de impressão",
    "versión para imprimir",
    "asset publisher",
})
# Furniture lines that also separate one agenda item from the next (mid.ru 'Back to top').
SEPARATORS: frozenset[str] = frozenset({"back to top"})

# Headings of the table of contents.
TOC_HEADINGS: frozenset[str] = frozenset({"table of contents", "contents", "índice", "contenido"})

# Lines that announce the Q&A part, in the TOC and in the body.
QA_DIVIDERS: frozenset[str] = frozenset({
    "answers to media questions",
    "answers to questions",
    "answers to questions from the media",
    "excerpts from answers to questions",
    "excerpts from answers to media questions",
    "from answers to media questions",
    "from answers to questions",
    "from the answers to the questions",
    "respuestas a preguntas de los medios",
    "respuestas a las preguntas de los medios",
})

# How a title opens, and the language that opening implies.
TITLE_OPENINGS: dict[str, str] = {
    "briefing by": "en",
    "briefing of": "en",
    "excerpts from the briefing by": "en",
    "excerpts from briefing by": "en",
    "excerpts from the briefing of": "en",
    "rueda informativa": "es",
    "rueda de prensa": "es",  # 'Rueda de prensa de la portavoz … María Zajárova, Moscú, 14 de marzo de 2019'
    "briefing del": "es",
    "briefing de la": "es",
}
# Words between a Spanish opening and the speaker's role: 'Rueda informativa ofrecida por la portavoz ...',
# 'Rueda de prensa de la portavoz ...', 'Rueda de prensa del portavoz ...'.
RE_TITLE_CONNECTIVE = re.compile(
    r"^(?:(?:ofrecida|ofrecido|impartida|dada)\s+por\s+(?:la|el)|de\s+la|del)\s+", re.IGNORECASE
)
# Words a title puts between the place and the date ('Moscú, el 14 de marzo de 2019', 'Moscow, on June 6, 2024').
RE_DATE_LEAD = re.compile(r"(?:^|[\s,]+)(?:el|on)\s*$", re.IGNORECASE)
# A preposition before the place ('María Zajárova, en Moscú, …'): not part of the place's name.
RE_PLACE_LEAD = re.compile(r"^(?:en|in)\s+(?=[A-ZÁÉÍÓÚÑ])")
# How a title names the occasion of a briefing held elsewhere than the press room: 'on the sidelines of the St
# Petersburg International Economic Forum', 'at the Russia - Islamic World: KazanForum', 'en el marco del …'.
RE_OCCASION_OPENER = re.compile(
    r"(?<!\S)(?:on\s+the\s+(?:sidelines|margins)\s+of|at|during|in\s+the\s+course\s+of|"
    r"(?:with)?in\s+the\s+framework\s+of|as\s+part\s+of|ahead\s+of|en\s+el\s+marco\s+del?|al\s+margen\s+del?|"
    r"durante|con\s+motivo\s+del?)\s",
    re.IGNORECASE,
)
# Titles of single-answer posts: "Foreign Ministry Spokeswoman Maria Zakharova’s answer to a media question".
RE_ANSWER_TITLE = re.compile(
    r"^(?P<who>.{5,200}?)[’']s\s+(?:answers?|comments?|replies|reply)\s+to\s+(?:an?\s+|the\s+)?"
    r"(?:media\s+)?questions?\b",
    re.IGNORECASE,
)
# A lede that stands for a missing title on a republisher's page: it says a briefing was given ('Foreign
# Ministry Spokeswoman Maria Zakharova held a briefing …'); the speaker and the date must be in it too.
RE_LEDE_BRIEFING = re.compile(r"\b(?:briefing|press\s+conference|rueda\s+(?:informativa|de\s+prensa))\b", re.IGNORECASE)
# An office and a name in a lede, for a speaker the alias table does not know: 'Spokesman Ivan Petrov'.
RE_LEDE_SPEAKER = re.compile(
    r"\b(?:Spokes(?:wo)?man|Spokesperson|portavoz)\s+(?P<name>[A-Z][\w’'-]+\s(?:[A-Z]\.\s?)?[A-Z][\w’'-]+)"
)
# The first line of a republisher's page foot, after the briefing's last answer: 'Share this article', 'Tags:
# Russia, NATO', 'Related articles', 'Comments (2)', 'Leave a comment', 'Print', 'Back to news'
# (tests/fixtures/republished/). Everything from it to the end of the file is page furniture.
RE_FOOTER_OPENER = re.compile(
    r"^(?:share(?:\s+(?:this(?:\s+(?:article|page|post|story))?|on))?|tags?|keywords|topics|"
    r"related(?:\s+(?:articles|posts|news|stories|materials))?|read\s+(?:also|more)|see\s+also|"
    r"more\s+on\s+(?:this|the)\s+topic|(?:\d+\s+)?comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)|"
    r"add\s+(?:a\s+)?comment|print(?:\s+this\s+(?:page|article))?|subscribe\b.*|"
    r"you\s+(?:may|might)\s+also\s+like|recommended|most\s+read|back\s+to\s+(?:news|the\s+list|articles))"
    r"\s*(?::.*)?$",
    re.IGNORECASE,
)
# A share button or a menu entry just before the foot: a line of one or two words ('VK', 'Facebook').
MAX_BUTTON_WORDS = 2
# Image captions of reposts: 'Photo: Foreign Ministry', 'Photo by TASS', '© Sputnik'.
RE_CAPTION = re.compile(r"^(?:photo|photograph|image|picture|foto)(?:\s+by\b|\s*[:©])|^©\s", re.IGNORECASE)
# Words that open a bare heading in transcripts without a TOC: 'On the situation in Syria', 'Acerca de ...'.
RE_HEADING_OPENER = re.compile(
    r"^(?:On|About|Regarding|Concerning|Acerca\s+de|Sobre|En\s+cuanto\s+a|Con\s+respecto\s+a)\s", re.UNICODE
)
# How a sentence ends; a line that ends otherwise may be a heading, or a file cut short.
SENTENCE_END = frozenset('.!?…"”»)]’\'')
# Words no heading or agenda title ends on: a line that stops on one is a sentence cut off mid-way, as page
# copies cut mid-section print them ('… as was agreed by the'; tests/fixtures/truncated/).
FRAGMENT_END_WORDS: frozenset[str] = frozenset(
    """a an the of to in on at by for from into with and or but nor as than that which whose whom is are was were
    be been has have had will would shall its their our his her this these those
    de del la el los las un una y o en por con para al que su sus""".split()
)
# How a cut-off line opens: in lower case, or with an ellipsis ('and the European Commission …', '…ment of').
RE_FRAGMENT_START = re.compile(r"^(?:[a-zà-ÿ]|\.\.\.|…)")

# A mid.ru language switcher: '• de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1' or 'en-GB1 ru-RU1'.
RE_LANGUAGE_CODES = re.compile(r"^(?:[•·*]\s*)?(?:[a-z]{2}-[A-Z]{2}\d*\s*)+$")
# A document number: '512-14-03-2012', '1301-24-07-2025'.
RE_DOCUMENT_NUMBER = re.compile(r"^\d{1,5}-\d{2}-\d{2}-\d{4}$")

# Agenda entries: '- Item', '• Item', '1. Item', '  10.  Item', '3) Item'.
RE_BULLET_ITEM = re.compile(r"^[-–•·*]\s+(?P<title>\S.*)$")
RE_NUMBERED_ITEM = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<title>\S.*)$")

# An optional emoji or symbol prefix of reposted single answers: '❓ Question:', '💬 Maria Zakharova:'.
_PREFIX = r"(?:[^\w\s(]{1,4}\s*)?"
# 'Question:', 'Question (RIA Novosti):', 'Question (follow-up):', 'Pregunta:'.
RE_QUESTION = re.compile(
    rf"^{_PREFIX}(?P<label>(?:Question|Pregunta)(?:\s*\((?P<note>[^)]{{1,80}})\))?)\s*:\s*(?P<rest>.*)$"
)
# A speaker label: 'Maria Zakharova:', 'M.Zakharova:', 'A.K.Lukashevich:' - capitalised words or initials.
RE_SPEAKER = re.compile(
    rf"^{_PREFIX}(?P<label>(?:[A-Z]\.\s?){{0,3}}[A-Z][\w’'-]+(?:\s(?:[A-Z]\.\s?)?[A-Z][\w’'-]+){{0,2}})"
    r"\s*:\s*(?P<rest>.*)$"
)
# Notes in a question label that mark a follow-up rather than name an outlet.
FOLLOW_UP_NOTES: frozenset[str] = frozenset({
    "follow-up", "follow up", "continued", "continuation", "contd",
    "seguimiento", "continuación",  # Spanish transcripts: 'Pregunta (seguimiento):'
})
