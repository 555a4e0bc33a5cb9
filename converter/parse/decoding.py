"""Decoding: the bytes of a transcript file in, its text out, or an error that names the file and line."""

from __future__ import annotations

from converter.errors import TranscriptParseError


def decode(data: bytes, path: str) -> str:
    """Text of a transcript file: UTF-8 (with or without BOM) or UTF-16 with BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TranscriptParseError(path, line, f"expected UTF-8 text, got byte 0x{data[error.start]:02x}") from None
