"""Decoding rule and input errors (library level); the CLI mapping is in test_cli.py."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from claimdiff.inputs import InputError, decode, read_path, read_stream

TEXT = "O\u2019Brien said \u201cyes\u201d \u2014 caf\u00e9.\r\nSecond line."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data, "x") == TEXT


def test_windows_1252_fallback_keeps_curly_quotes() -> None:
    data = "\u201cCaf\u00e9,\u201d she said.".encode("cp1252")
    assert decode(data, "x") == "\u201cCaf\u00e9,\u201d she said."


def test_forced_encoding() -> None:
    assert decode("na\u00efve".encode("latin-1"), "x", encoding="latin-1") == "na\u00efve"
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "x", encoding="no-such-codec")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t \r\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"caf\x81 \x8d", "cannot decode"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark"),
    ],
    ids=["empty", "whitespace", "png", "controls", "undefined-cp1252", "bad-utf16"],
)
def test_bad_bytes_raise_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        decode(data, "report.txt")
    assert "\n" not in str(err.value)
    assert "report.txt" in str(err.value)


def test_a_stray_escape_character_is_text_not_binary() -> None:
    assert decode(b"Plain words \x1b[31m here.", "x") == "Plain words \x1b[31m here."


def test_read_path_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    with pytest.raises(InputError, match="too large"):
        read_path(big, max_bytes=100)


def test_read_stream_limits_size() -> None:
    assert read_stream(io.BytesIO(b"A claim.")) == "A claim."
    with pytest.raises(InputError, match="too large"):
        read_stream(io.BytesIO(b"x" * 101), max_bytes=100)


def test_an_endless_device_is_too_large_not_a_hang() -> None:
    """``/dev/zero`` has no size to check first: reading stops one byte over the limit."""
    from claimdiff.inputs import InputError, read_path

    with pytest.raises(InputError, match=r"^/dev/zero: too large \(over 1,000 bytes\)$"):
        read_path("/dev/zero", max_bytes=1000)
