"""Reading text files: bytes to text, with one documented decoding rule and clear errors.

Decoding rule, in order:

1. A byte-order mark decides: UTF-8 (BOM dropped), UTF-16 LE/BE, UTF-32 LE/BE.
2. Text without a BOM containing a NUL byte is rejected as binary.
3. Otherwise UTF-8 is tried.
4. Bytes that are not valid UTF-8 are read as Windows-1252 (the usual legacy encoding of Western
   news text, and a superset of the printable part of Latin-1) when every byte is defined there;
   otherwise the input is rejected as undecodable.
5. Text with many control characters (over 1%, and more than 8) is rejected as binary.

``encoding=`` forces a codec instead of the rule.

The decoded text is kept exactly (CRLF, non-breaking spaces and all), so offsets in results index it.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 64 * 1024 * 1024
"""Inputs larger than this (64 MiB) are refused; ``max_bytes=`` changes it."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class InputError(Exception):
    """An input cannot be used: missing, a directory, empty, binary, undecodable or too large; for a page,
    also unreachable, not HTML, or without article text.

    The message is one line and names the input.
    """


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode ``data`` by the module's rule (see above); ``name`` is used in error messages."""
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: not valid {encoding} (byte {e.start})") from None
        return _check_text(text.removeprefix("\ufeff"), name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom) :].decode(codec), name)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{name}: starts with a {codec} byte-order mark but is not {codec} (byte {e.start})"
                ) from None
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (contains NUL bytes)")
    try:
        return _check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: cannot decode: not UTF-8, and byte {e.start} is undefined in Windows-1252") from None
    return _check_text(text, name)


def _check_text(text: str, name: str) -> str:
    # A stray escape character is tolerated (renderers show it as text); many are a binary file.
    bad = len(_BAD_CONTROL.findall(text))
    if bad > max(8, len(text) // 100):
        raise InputError(f"{name}: looks like a binary file ({bad} control characters)")
    if not text.strip():
        raise InputError(f"{name}: is empty")
    return text


def read_path(path: str | os.PathLike[str], *, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> str:
    """Read and decode a file; raises :class:`InputError` with a one-line message."""
    return decode(read_bytes(path, max_bytes=max_bytes), str(path), encoding)


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file; raises :class:`InputError` with a one-line message (missing, a directory, too
    large, unreadable)."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(f"{name}: is a directory")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{name}: too large ({size:,} bytes; the limit is {max_bytes:,})")
        # at most one byte over the limit: a device or a pipe (/dev/zero) has no size to check first
        with p.open("rb") as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"{name}: too large (over {max_bytes:,} bytes)")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    return data


def read_stream(stream: BinaryIO, *, name: str = "-", encoding: str | None = None, max_bytes: int = MAX_BYTES) -> str:
    """Read and decode a binary stream such as standard input."""
    data = read_stream_bytes(stream, name=name, max_bytes=max_bytes)
    return decode(data, "standard input" if name == "-" else name, encoding)


def read_stream_bytes(stream: BinaryIO, *, name: str = "-", max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a stream, refused over ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: too large (over {max_bytes:,} bytes)")
    return data
