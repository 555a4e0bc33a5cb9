"""Decoding (converter.parse.decoding): which bytes are read as which text, which are refused, and what is said.

The properties at the end extend tests/test_properties.py: a copy saved as UTF-16, or carrying zero-width
characters and other Unicode spaces, parses as the clean UTF-8 file does.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import random
from functools import cache
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.errors import Diagnostic, TranscriptParseError
from converter.exports import contract
from converter.model import Briefing
from converter.parse import decoding, parse_file, parse_text
from converter.parse.decoding import Decoded, decode_bytes, read_file
from converter.parse.normalize import clean

from .conftest import SEEDS
from .test_properties import SYNTHETIC

# A transcript in English as Windows tools save it: curly quotes, dashes, an accented place name.
ENGLISH = dedent("""\
    Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025
    - Russia’s role in the UN Security Council
    - Talks in Genève
    Russia’s role in the UN Security Council
    Russia is a permanent member of the “Security Council” – and a responsible one.
    Talks in Genève
    The talks in Genève will go on.
    """)
# The same layout in Russian, as a cp1251 file holds it.
RUSSIAN = dedent("""\
    Брифинг официального представителя МИД России М.В.Захаровой, Москва, 23 января 2025 года
    - Роль России в Совете Безопасности ООН
    Россия – постоянный член Совета Безопасности.
    """)
CP1252 = "cp1252 (Windows Western European)"
CP1251 = "cp1251 (Windows Cyrillic)"


def _refused(data: bytes) -> str:
    with pytest.raises(TranscriptParseError) as caught:
        decode_bytes(data, "x.txt")
    return str(caught.value)


# --- Unicode ---------------------------------------------------------------------------------------------


def test_utf8_reads_as_it_is() -> None:
    assert decode_bytes(ENGLISH.encode(), "x.txt") == Decoded(ENGLISH, "utf-8")


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + ENGLISH.encode(), "x.txt") == Decoded(ENGLISH, "utf-8")


def test_a_doubled_utf8_bom_is_dropped_too() -> None:
    assert decode_bytes(codecs.BOM_UTF8 * 2 + b"Title\n", "x.txt").text == "Title\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + ENGLISH.encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + ENGLISH.encode("utf-32-be"), "utf-32-be"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_utf16_and_utf32_with_a_bom_read_without_a_diagnostic(data: bytes, encoding: str) -> None:
    assert decode_bytes(data, "x.txt") == Decoded(ENGLISH, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_with_a_diagnostic(encoding: str) -> None:
    message = f"expected UTF-8 or a byte order mark, got {encoding.upper()} without one; read as such"
    assert decode_bytes(ENGLISH.encode(encoding), "x.txt") == Decoded(ENGLISH, encoding, (Diagnostic(1, message),))


def test_invalid_utf8_after_a_utf8_bom_is_refused() -> None:
    assert _refused(codecs.BOM_UTF8 + b"Title\n\xff\n") == (
        "x.txt:2: expected UTF-8 text, as its byte order mark says, got undecodable bytes at offset 9 "
        "(invalid start byte)"
    )


def test_utf16_cut_in_a_code_unit_is_refused() -> None:
    assert _refused(codecs.BOM_UTF16_LE + "Title\n".encode("utf-16-le") + b"x") == (
        "x.txt:2: expected UTF-16-LE text, as its byte order mark says, got undecodable bytes at offset 14 "
        "(truncated data)"
    )


# --- Legacy code pages -----------------------------------------------------------------------------------


def test_cp1252_english_is_read_with_a_diagnostic_naming_the_encoding() -> None:
    # Line 2 holds the first byte that is not UTF-8: the ’ (0x92) of Russia’s.
    assert decode_bytes(ENGLISH.encode("cp1252"), "x.txt") == Decoded(
        ENGLISH, "cp1252", (Diagnostic(2, f"expected UTF-8 text, got byte 0x92; read as {CP1252}"),)
    )


def test_cp1252_with_only_curly_quotes_is_read_as_cp1252() -> None:
    # cp1251 has the same bytes for these; it reads no Cyrillic word, so cp1252 is the reading.
    decoded = decode_bytes("He said “no” – twice.\n".encode("cp1252"), "x.txt")
    assert (decoded.text, decoded.encoding) == ("He said “no” – twice.\n", "cp1252")


def test_latin1_accents_are_read_as_cp1252() -> None:
    # Latin-1 and cp1252 differ only in 0x80-0x9F, where Latin-1 has control characters.
    decoded = decode_bytes("Talks in Genève and Zürich\n".encode("latin-1"), "x.txt")
    assert (decoded.text, decoded.encoding) == ("Talks in Genève and Zürich\n", "cp1252")


def test_cp1251_russian_is_read_with_a_diagnostic_naming_the_encoding() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), "x.txt") == Decoded(
        RUSSIAN, "cp1251", (Diagnostic(1, f"expected UTF-8 text, got byte 0xc1; read as {CP1251}"),)
    )


def test_cp1251_english_with_russian_quotes_is_read_as_cp1251() -> None:
    text = "Briefing by Maria Zakharova: Russia’s role\nЦитата: «Россия»\n"
    decoded = decode_bytes(text.encode("cp1251"), "x.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1251")


@pytest.mark.parametrize(
    ("text", "encoding", "line", "byte"),
    [
        (RUSSIAN.replace("–", "-"), "koi8-r", 1, 0xE2),  # cp1251 would read 'вТЙЖЙОЗ'
        ("Kraków, Łódź and Gdańsk: źdźbło\n", "iso-8859-2", 1, 0xF3),  # cp1252 would read 'Ÿdºb³o'
        ("Talks in Genève, Zürich and Reykjavík\n", "mac-roman", 1, 0x8F),
        ("Title\nok\n\xff bad\n", "latin-1", 3, 0xFF),  # a stray byte: no sign of either code page
    ],
    ids=["koi8-r", "latin-2", "mac-roman", "stray-byte"],
)
def test_text_that_no_legacy_code_page_reads_plausibly_is_refused(
    text: str, encoding: str, line: int, byte: int
) -> None:
    assert _refused(text.encode(encoding)) == f"x.txt:{line}: expected UTF-8 text, got byte 0x{byte:02x}"


# --- Binary data and control characters -------------------------------------------------------------------


def test_a_nul_byte_is_refused_as_binary() -> None:
    assert _refused(b"Briefing by\nMaria\x00Zakharova\n") == (
        "x.txt:2: expected text, got a NUL byte at offset 17 (a binary file?)"
    )


def test_a_png_is_refused_as_binary() -> None:
    assert _refused(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == (
        "x.txt:3: expected text, got a NUL byte at offset 8 (a binary file?)"
    )


def test_many_control_bytes_are_refused_as_binary() -> None:
    assert _refused(bytes(range(1, 9)) * 4 + b"text") == (
        "x.txt:1: expected text, got binary data (32 control bytes, the first 0x01)"
    )


def test_a_few_control_characters_read_as_spaces_with_a_diagnostic() -> None:
    assert decode_bytes(b"Hello\nWorld\x1b[0m and \x07bell\x1a\n", "x.txt") == Decoded(
        "Hello\nWorld [0m and  bell \n", "utf-8",
        (Diagnostic(2, "expected text, got control character U+001B and 2 more; read as a space"),),
    )


def test_c1_controls_read_as_their_cp1252_characters_with_a_diagnostic() -> None:
    # cp1252 text once decoded as Latin-1 and saved as UTF-8: the apostrophe became U+0092.
    assert decode_bytes("Title\nRussia\x92s role, \x93quoted\x94\n".encode(), "x.txt") == Decoded(
        "Title\nRussia’s role, “quoted”\n", "utf-8",
        (Diagnostic(2, "expected text, got control character U+0092 and 2 more (cp1252 text once decoded as "
                       "Latin-1); read as cp1252 '’'"),),
    )


def test_mojibake_in_utf8_is_kept_and_named() -> None:
    text = "Title\nRussiaâ€™s role in the cafÃ©\n"
    assert decode_bytes(text.encode(), "x.txt") == Decoded(text, "utf-8", (Diagnostic(
        2, "expected text, got 'â€™' (UTF-8 misread as cp1252 before this file was saved, meaning '’') and 1 more; "
           "kept as it is",
    ),))


def test_accented_capitals_are_no_mojibake() -> None:
    assert decode_bytes("ÉTAT, À Genève, Ça va, Øresund, Ñandú\n".encode(), "x.txt").diagnostics == ()


# --- Files ------------------------------------------------------------------------------------------------


def _read_error(path: Path) -> str:
    with pytest.raises(TranscriptParseError) as caught:
        read_file(path)
    return str(caught.value)


def test_read_file_of_a_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "none.txt"
    assert _read_error(missing) == f"{missing}: expected a transcript file, got no such file"


def test_read_file_of_a_broken_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    assert _read_error(tmp_path / "link.txt") == (
        f"{tmp_path / 'link.txt'}: expected a transcript file, got a broken symbolic link"
    )


def test_read_file_of_a_directory(tmp_path: Path) -> None:
    assert _read_error(tmp_path) == f"{tmp_path}: expected a transcript file, got a directory"


def test_read_file_of_a_fifo_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert _read_error(tmp_path / "pipe.txt") == (
        f"{tmp_path / 'pipe.txt'}: expected a transcript file, got a special file (FIFO, device, socket)"
    )


def test_read_file_of_a_file_larger_than_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_BYTES", 1024 * 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (1024 * 1024 + 1))
    assert _read_error(path) == f"{path}: expected a transcript of at most 1.0 MB, got 1.0 MB"


def test_read_file_of_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)  # chmod 0 does not stop root, who runs CI here
    assert _read_error(path) == f"{path}: expected a readable transcript file, got Permission denied"


def test_parse_file_of_cp1252_gives_the_utf8_parse_and_says_what_it_assumed(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(ENGLISH.encode("cp1252"))
    briefing = parse_file(path)
    assert briefing == parse_text(ENGLISH, "x.txt")
    assert briefing.diagnostics == (Diagnostic(2, f"expected UTF-8 text, got byte 0x92; read as {CP1252}"),)


def test_parse_file_of_a_cp1252_seed_gives_the_contract_of_the_utf8_seed(tmp_path: Path) -> None:
    seed = SEEDS / "002_6419208406f8e03b.txt"
    path = tmp_path / seed.name
    path.write_bytes(seed.read_text(encoding="utf-8").encode("cp1252"))
    converted, expected = contract.to_json(parse_file(path)), contract.to_json(parse_file(seed))
    assert converted.pop("diagnostics") == [
        {"line": 6, "message": f"expected UTF-8 text, got byte 0x95; read as {CP1252}"}
    ]
    assert expected.pop("diagnostics") == []
    assert converted == expected


# --- Properties: a copy's encoding and invisible characters do not change the parse ------------------------

TEXTS = ["000_2020ac7f1ecb7824", "002_6419208406f8e03b", "synthetic"]
PROPERTY = settings(max_examples=15, deadline=None)
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
SPACES = ["\u00a0", "\u2007", "\u2009", "\u202f", "\u205f", "\u3000", "\u1680"]


@cache
def _text(name: str) -> str:
    return SYNTHETIC if name == "synthetic" else (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@cache
def _baseline(name: str) -> Briefing:
    return parse_text(_text(name), "t.txt")


def _contract(briefing: Briefing) -> dict[str, Any]:
    return contract.to_json(briefing)


def _clean_titles(briefing: Briefing) -> Briefing:
    """The model with its verbatim title strings cleaned: invisible characters in them are kept as printed."""
    return dataclasses.replace(
        briefing,
        title=clean(briefing.title),
        agenda=tuple(dataclasses.replace(item, title=clean(item.title)) for item in briefing.agenda),
        sections=tuple(dataclasses.replace(section, title=clean(section.title)) for section in briefing.sections),
    )


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_unicode_copies_with_a_bom_keep_the_contract_identical(name: str, codec: str, ending: str) -> None:
    data = _text(name).replace("\n", ending).encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert _contract(parse_text(decode_bytes(data, "t.txt").text, "t.txt")) == _contract(_baseline(name))


@pytest.mark.parametrize("name", TEXTS)
@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), share=st.floats(0.05, 0.5), mark=st.sampled_from(ZERO_WIDTH))
def test_zero_width_characters_anywhere_do_not_change_the_model(
    name: str, seed: int, share: float, mark: str
) -> None:
    # Title, TOC markers and labels included; titles keep the characters as printed, hence _clean_titles.
    rng = random.Random(seed)
    changed = "".join(c + (mark if c != "\n" and rng.random() < share else "") for c in _text(name))
    assert _clean_titles(parse_text(changed, "t.txt")) == _clean_titles(_baseline(name))


@pytest.mark.parametrize("name", TEXTS)
@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), share=st.floats(0.05, 1.0), space=st.sampled_from(SPACES))
def test_unicode_spaces_replacing_spaces_do_not_change_the_model(
    name: str, seed: int, share: float, space: str
) -> None:
    rng = random.Random(seed)
    changed = "".join(space if c == " " and rng.random() < share else c for c in _text(name))
    assert _clean_titles(parse_text(changed, "t.txt")) == _clean_titles(_baseline(name))


TOC = dedent("""\
    Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025
    - Japanese centres in Russia
    - European sanctions against Russia
    Question: What will happen to the Japanese centres now?
    Maria Zakharova: The Japanese centres will operate under Russian law.
    Question: The EU is extending its sanctions against Russia. What is your comment?
    Maria Zakharova: The European sanctions have failed.
    """)


def test_a_zero_width_space_after_a_toc_bullet_keeps_the_agenda() -> None:
    changed = TOC.replace("- European", "-\u200b European")
    assert _clean_titles(parse_text(changed, "t.txt")) == _clean_titles(parse_text(TOC, "t.txt"))


def test_zero_width_spaces_inside_an_agenda_title_keep_the_placement() -> None:
    split = "E\u200bur\u200bope\u200ba\u200bn s\u200banc\u200btions again\u200bs\u200bt Ru\u200bssia"
    changed = SYNTHETIC.replace("2. European sanctions against Russia", f"2. {split}")
    assert changed != SYNTHETIC
    assert _clean_titles(parse_text(changed, "t.txt")) == _clean_titles(_baseline("synthetic"))


def test_a_zero_width_space_opening_every_line_keeps_the_model() -> None:
    text = _text("002_6419208406f8e03b")
    changed = "\n".join("\u200b" + line for line in text.split("\n"))
    assert _clean_titles(parse_text(changed, "t.txt")) == _clean_titles(_baseline("002_6419208406f8e03b"))


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("a \nÃ©â€™ðŸ˜\u00c2\u00a0éï¿½Ð\u0081’"))))
def test_mojibake_search_finds_what_its_regex_finds(text: str) -> None:
    """The search that skips to likely starts finds the same stretches as the regular expression alone."""
    expected = [(m.start(), m.end()) for m in decoding._RE_MOJIBAKE.finditer(text)]
    assert [(m.start(), m.end()) for m in decoding._mojibake_stretches(text)] == expected
