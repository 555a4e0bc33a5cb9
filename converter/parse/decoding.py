"""Decoding: the bytes of a transcript file in, its text out, or an error that names the file and line.

What is read, and what is refused (docs/dev/robustness.md gives the evidence):

- UTF-8, with or without a BOM; UTF-16 and UTF-32 with a BOM: read as they are.
- UTF-16 without a BOM, when nine bytes in ten of one parity are NUL (English text saved by Windows tools):
  read, with a diagnostic.
- Anything else that is not UTF-8 is read as cp1252 (Western European; it also reads Latin-1 text) or cp1251
  (Cyrillic), whichever gives plausible words, with a diagnostic naming the encoding assumed. Where neither
  does, or both do differently, the file is refused: a wrong guess would put mojibake in a page.
- NUL bytes (binary files) and many control characters are refused; a few control characters are read as
  spaces, and C1 controls (cp1252 text once decoded as Latin-1) as their cp1252 characters, with a diagnostic.
- UTF-8 text that carries mojibake from an earlier wrong decoding ('â€™' for '’') is kept as it is, with a
  diagnostic that names the line.
"""

from __future__ import annotations

import codecs
import itertools
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from converter.errors import Diagnostic, TranscriptParseError

# Larger than any real transcript (100-200 KB) by far; bounds the memory one file can take.
MAX_BYTES = 64 * 1024 * 1024
# Legacy code pages tried for a file that is not UTF-8 (cp1252 also reads Latin-1 text: they differ only in
# 0x80-0x9F, where Latin-1 has control characters no text uses).
LEGACY = {"cp1252": "cp1252 (Windows Western European)", "cp1251": "cp1251 (Windows Cyrillic)"}
# UTF-16 without a BOM: the share of NUL bytes at odd (LE) or even (BE) offsets that proves it.
_UTF16_NUL_SHARE = 0.9
# More control characters than this (and more than one in a thousand characters) make a binary file.
_MAX_STRAY_CONTROLS = 8
# Byte order marks and the encoding each announces (UTF-32 LE's starts like UTF-16 LE's: it comes first).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_RE_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_RE_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
# C0 controls but tab, line feed, vertical tab, form feed and carriage return (which read as white space),
# and DEL: '\x1a' (a DOS end-of-file mark), '\x1b' (a terminal colour code).
_RE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_RE_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
# C1 controls: no text has them; cp1252 text decoded as Latin-1 does ('Russia\x92s').
_RE_C1 = re.compile(r"[\x80-\x9f]")
# Letters only, for judging words: 'Genève', 'Брифинг'.
_RE_LETTERS = re.compile(r"[^\W\d_]+")
# A symbol of the code pages' upper half between two letters: Latin-2 'źdźbło' read as cp1252 is 'Ÿd¼b³o'.
# (Apostrophes, dashes and the soft hyphen do stand between letters: 'Russia’s', 'Russia–China'.)
_RE_GLUED_SYMBOL = re.compile(r"(?<=[^\W\d_])[¡¢£¤¥¦§¨©«¬®¯°±²³´µ¶·¸¹»¼½¾¿ƒ„†‡ˆ‰‹›˜™](?=[^\W\d_])")
# Signs of each code page: cp1252's typographic punctuation ('Russia’s', '“', '–'), or an accented letter
# inside a Latin word ('Genève'); a Cyrillic word of two letters or more for cp1251 ('на', 'Москва').
_EVIDENCE = {
    "cp1252": re.compile(r"[‘’‚“”„–—…•€™]|[A-Za-z][À-ÖØ-öø-ÿ]|[À-ÖØ-öø-ÿ][A-Za-z]"),
    "cp1251": re.compile(r"(?<![^\W\d_])[\u0400-\u04ff]{2,}(?![^\W\d_])"),
}
# What cp1252 makes of the bytes 0x80-0xBF (UTF-8 continuation bytes), the undefined five as C1 controls.
_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_C = "[" + re.escape(_CONTINUATION) + "]"
# UTF-8 read as cp1252 somewhere upstream: 'â€™' for '’', 'Ã©' for 'é' (a lead byte, then continuations).
_RE_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_C}|[\u00e0-\u00ef]{_C}{{2}}|[\u00f0-\u00f4]{_C}{{3}}")
# Where a stretch of mojibake can start: a lead character of any of the alternatives above, a continuation.
_RE_MOJIBAKE_START = re.compile(f"[\u00c2-\u00f4]{_C}")


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read in, and what decoding it had to assume or repair."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def read_file(path: Path) -> Decoded:
    """The decoded text of a transcript file; raises :class:`TranscriptParseError` for what is no transcript."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise TranscriptParseError(path, 0, "expected a transcript file, got " + (
            "a broken symbolic link" if path.is_symlink() else "no such file")) from None
    except OSError as error:
        raise TranscriptParseError(path, 0, f"expected a readable transcript file, got {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise TranscriptParseError(path, 0, "expected a transcript file, got a directory")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block or never end.
        raise TranscriptParseError(path, 0, "expected a transcript file, got a special file (FIFO, device, socket)")
    if info.st_size > MAX_BYTES:
        raise TranscriptParseError(
            path, 0, f"expected a transcript of at most {_megabytes(MAX_BYTES)}, got {_megabytes(info.st_size)}"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TranscriptParseError(path, 0, f"expected a readable transcript file, got {error.strerror}") from None
    return decode_bytes(data, str(path))


def decode(data: bytes, path: str) -> str:
    """Text of a transcript file (see :func:`decode_bytes`; the diagnostics are dropped)."""
    return decode_bytes(data, path).text


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Text of a transcript file's bytes, the encoding read, and diagnostics; refuses what is not text."""
    decoded = _decode(data, path)
    text, repairs = _repair_controls(decoded.text, path)
    return Decoded(text, decoded.encoding, (*decoded.diagnostics, *repairs, *_mojibake(text)))


def _decode(data: bytes, path: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            what = f"{encoding.upper()} text, as its byte order mark says"
            return Decoded(_strict(data, encoding, path, what, skip=len(bom)), encoding)
    if b"\x00" in data:
        return _utf16_without_bom(data, path)
    _refuse_binary(data, path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        return _legacy(data, path, error.start)


def _strict(data: bytes, encoding: str, path: str, what: str, skip: int = 0) -> str:
    """``data`` after its first ``skip`` bytes (a BOM) decoded, a second BOM dropped; or an error naming the line."""
    try:
        return data[skip:].decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        offset = skip + error.start
        raise TranscriptParseError(
            path, _line_of_byte(data, offset), f"expected {what}, got undecodable bytes at offset {offset} "
            f"({error.reason})"
        ) from None


def _utf16_without_bom(data: bytes, path: str) -> Decoded:
    """UTF-16 text whose BOM is missing, proven by its NUL bytes; else a binary file, refused."""
    if len(data) % 2 == 0:
        half = len(data) // 2
        for encoding, nuls in (("utf-16-le", data[1::2].count(0)), ("utf-16-be", data[0::2].count(0))):
            if nuls >= _UTF16_NUL_SHARE * half:
                text = _strict(data, encoding, path, f"{encoding.upper()} text")
                if "\x00" not in text:
                    message = f"expected UTF-8 or a byte order mark, got {encoding.upper()} without one; read as such"
                    return Decoded(text, encoding, (Diagnostic(1, message),))
    where = data.index(b"\x00")
    raise TranscriptParseError(
        path, _line_of_byte(data, where), f"expected text, got a NUL byte at offset {where} (a binary file?)"
    )


def _refuse_binary(data: bytes, path: str) -> None:
    """Refuses data with more control bytes than a text would carry by accident."""
    count = len(_RE_CONTROL_BYTES.findall(data))
    if count > _MAX_STRAY_CONTROLS and count * 1000 > len(data):
        first = _RE_CONTROL_BYTES.search(data)
        assert first is not None
        raise TranscriptParseError(
            path, _line_of_byte(data, first.start()),
            f"expected text, got binary data ({count} control bytes, the first 0x{first.group()[0]:02x})",
        )


def _legacy(data: bytes, path: str, first_bad: int) -> Decoded:
    """A file that is not UTF-8: read in the one legacy code page that gives plausible text, else refused.

    Plausible: no word that no language writes, and some sign of the code page (typographic punctuation or a
    letter with an accent inside a Latin word for cp1252, a Cyrillic word for cp1251). A stray byte in ASCII
    text shows neither, and is refused rather than guessed.
    """
    line = _line_of_byte(data, first_bad)
    message = f"expected UTF-8 text, got byte 0x{data[first_bad]:02x}"
    readings: dict[str, str] = {}
    for encoding, evidence in _EVIDENCE.items():
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if evidence.search(text) and _implausible_words(text) == 0:
            readings[encoding] = text
    if len(set(readings.values())) != 1:
        # None plausible, or two that read the bytes differently: either way a guess could be mojibake.
        raise TranscriptParseError(path, line, message)
    encoding, text = next(iter(readings.items()))
    return Decoded(text.removeprefix("\ufeff"), encoding, (Diagnostic(line, f"{message}; read as {LEGACY[encoding]}"),))


def _implausible_words(text: str) -> int:
    """Words that no language writes, as a wrong code page makes them.

    cp1251 read as cp1252 gives 'Áðèôèíã' (mostly accented letters); cp1252 read as cp1251 gives 'Genиve'
    (two scripts in one word); KOI8-R read as cp1251 gives 'вТЙЖЙОЗ' (case changing inside a word);
    Latin-2 read as cp1252 gives 'd¼b³o' (a symbol between two letters).
    """
    count = 0
    for word in _RE_LETTERS.findall(text):
        if word.isascii():
            continue
        cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
        accented = sum(1 for c in word if not c.isascii()) - cyrillic
        if (cyrillic and cyrillic < len(word)) or (len(word) >= 4 and 2 * accented > len(word)) or _mixed_case(word):
            count += 1
    return count + len(_RE_GLUED_SYMBOL.findall(text))


def _mixed_case(word: str) -> bool:
    """A lower-case letter followed by a capital where one of the two is not ASCII ('вТ'; not 'McDonald')."""
    return any(
        a.islower() and b.isupper() and not (a.isascii() and b.isascii()) for a, b in itertools.pairwise(word)
    )


def _repair_controls(text: str, path: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Text with stray control characters read as spaces and C1 controls as cp1252; refuses binary data."""
    diagnostics: list[Diagnostic] = []
    controls = _RE_CONTROL.findall(text)
    if controls:
        first = _RE_CONTROL.search(text)
        assert first is not None
        line = _line_of_char(text, first.start())
        if len(controls) > _MAX_STRAY_CONTROLS and len(controls) * 1000 > len(text):
            raise TranscriptParseError(
                path, line, f"expected text, got binary data ({len(controls)} control characters, the first "
                f"U+{ord(first.group()):04X})"
            )
        text = _RE_CONTROL.sub(" ", text)
        diagnostics.append(Diagnostic(line, f"expected text, got control character U+{ord(first.group()):04X}"
                                            f"{_others(len(controls))}; read as a space"))
    c1 = _RE_C1.search(text)
    if c1:
        count = len(_RE_C1.findall(text))
        line = _line_of_char(text, c1.start())
        text = _RE_C1.sub(_cp1252, text)
        diagnostics.append(Diagnostic(
            line, f"expected text, got control character U+{ord(c1.group()):04X}{_others(count)} (cp1252 text "
            f"once decoded as Latin-1); read as cp1252 {_cp1252(c1)!r}"
        ))
    return text, tuple(diagnostics)


def _cp1252(match: re.Match[str]) -> str:
    return bytes([ord(match.group())]).decode("cp1252", errors="replace").replace("\ufffd", " ")


def _others(count: int) -> str:
    return f" and {count - 1} more" if count > 1 else ""


def _mojibake(text: str) -> tuple[Diagnostic, ...]:
    """A diagnostic for the first stretch of UTF-8 that was read as cp1252 before the file was saved."""
    found = [m for m in _mojibake_stretches(text) if _undo_mojibake(m.group()) is not None]
    if not found:
        return ()
    first = found[0]
    meant = _undo_mojibake(first.group())
    return (Diagnostic(
        _line_of_char(text, first.start()),
        f"expected text, got {first.group()!r} (UTF-8 misread as cp1252 before this file was saved, meaning "
        f"{meant!r}){_others(len(found))}; kept as it is",
    ),)


def _mojibake_stretches(text: str) -> Iterator[re.Match[str]]:
    """What ``_RE_MOJIBAKE.finditer(text)`` finds, sooner: it is tried only where a lead and a continuation
    character stand together (_RE_MOJIBAKE_START), which one fast scan finds, rather than at every character."""
    position = 0
    while (start := _RE_MOJIBAKE_START.search(text, position)) is not None:
        match = _RE_MOJIBAKE.match(text, start.start())
        if match is None:
            position = start.start() + 1
            continue
        yield match
        position = match.end()


def _undo_mojibake(text: str) -> str | None:
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in text)
        return raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return None


def _line_of_byte(data: bytes, offset: int) -> int:
    """The line (as the JSON contract counts them) that holds byte ``offset``."""
    return len(_RE_LINE_BREAK_BYTES.findall(data, 0, offset)) + 1


def _line_of_char(text: str, index: int) -> int:
    return len(_RE_LINE_BREAK.findall(text, 0, index)) + 1


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
