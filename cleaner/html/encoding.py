"""Decode HTML bytes: byte-order mark, then a declared charset, then detection.

The order follows what browsers do, with one correction scraped pages need: a page that
declares a legacy single-byte charset but whose bytes are valid, non-ASCII UTF-8 is read as
UTF-8 (the declaration is stale far more often than such bytes arise by chance).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# and <?xml version="1.0" encoding="x"?>; looked for in the first bytes only.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})""", re.IGNORECASE)
_SNIFF_BYTES = 16384

# WHATWG: these labels mean windows-1252 in HTML.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "unicode": "utf-8",  # a meta can't declare UTF-16 on ASCII-compatible bytes
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "utf8": "utf-8",
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used
    source: str  # "given" | "bom" | "meta" | "utf-8" | "detected" | "fallback"


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in its first bytes (meta charset, http-equiv, XML), if known."""
    head = data[:_SNIFF_BYTES]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_html(data: str | bytes) -> Decoded:
    """Decode HTML input, recording the codec and how it was chosen; never raises on bytes."""
    if isinstance(data, str):
        return Decoded(data, "str", "given")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc), enc, "bom")
            except UnicodeDecodeError:
                return Decoded(data[len(bom) :].decode(enc, "replace"), enc, "bom")
    declared = declared_charset(data)
    if declared is not None:
        if declared == "utf-8":
            if _is_utf8(data):
                return Decoded(data.decode("utf-8"), "utf-8", "meta")
        else:
            # a stale legacy declaration on UTF-8 bytes: trust the bytes
            if not data.isascii() and _is_utf8(data):
                return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
            try:
                return Decoded(data.decode(declared), declared, "meta")
            except UnicodeDecodeError:
                pass
    if _is_utf8(data):
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    guess = _detect(data)
    if guess is not None:
        try:
            return Decoded(data.decode(guess), guess, "detected")
        except (LookupError, UnicodeDecodeError):
            pass
    return Decoded(data.decode("utf-8", "replace"), "utf-8", "fallback")


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - trafilatura depends on it
        return None
    sample = data if len(data) < 20000 else data[:10000] + data[-10000:]
    best = from_bytes(sample).best()
    if best is None:
        return None
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None
