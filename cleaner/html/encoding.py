"""Decode HTML bytes: byte-order mark, then the HTTP charset, then a declared charset, then detection.

The order follows what browsers do (BOM, the transport's ``Content-Type`` charset, the page's
``<meta>``, sniffing), with one correction scraped pages need: a label for a legacy single-byte
charset on bytes that are valid, non-ASCII UTF-8 reads them as UTF-8 (the label is stale far
more often than such bytes arise by chance; servers often send a default ``ISO-8859-1``). An
HTTP charset that names no known codec, or that the bytes do not decode in, is passed over.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from cleaner.decode import sniff_bom

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
    source: str  # "given" | "bom" | "http" | "meta" | "utf-8" | "detected" | "fallback"


def codec_for(label: str | None) -> str | None:
    """The Python codec an HTML charset label names (WHATWG aliases applied), or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").strip().lower()
    if not label or len(label) > 40:
        return None
    label = _WHATWG_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None  # not base64, rot13, zlib...


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in its first bytes (meta charset, http-equiv, XML), if known."""
    head = data[:_SNIFF_BYTES]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    return codec_for(m.group(1).decode("ascii", "ignore"))


_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';,\s]{1,40})""", re.IGNORECASE)


def content_type_charset(content_type: str | None) -> str | None:
    """The charset label of an HTTP ``Content-Type`` value (``text/html; charset=utf-8``), as given."""
    if not content_type:
        return None
    m = _CT_CHARSET.search(content_type)
    return m.group(1) if m else None


def _utf8(data: bytes) -> str | None:
    """The bytes decoded as UTF-8, or None when they are not UTF-8 (one decoding serves as test and result)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_html(data: str | bytes, charset: str | None = None) -> Decoded:
    """Decode HTML input, recording the codec and how it was chosen; never raises on bytes.

    ``charset`` is the label the transport gave (HTTP ``Content-Type``): preferred to the page's
    own declaration and to sniffing when it names a known codec the bytes decode in."""
    if isinstance(data, str):
        return Decoded(data, "str", "given")
    found = sniff_bom(data)
    if found is not None:
        bom, enc = found
        try:
            return Decoded(data[len(bom) :].decode(enc), enc, "bom")
        except UnicodeDecodeError:
            return Decoded(data[len(bom) :].decode(enc, "replace"), enc, "bom")
    for codec, source in ((codec_for(charset), "http"), (declared_charset(data), "meta")):
        if codec is not None:
            decoded = _labelled(data, codec, source)
            if decoded is not None:
                return decoded
    text = _utf8(data)
    if text is not None:
        return Decoded(text, "utf-8", "utf-8")
    guess = _detect(data)
    if guess is not None:
        try:
            return Decoded(data.decode(guess), guess, "detected")
        except (LookupError, UnicodeDecodeError):
            pass
    return Decoded(data.decode("utf-8", "replace"), "utf-8", "fallback")


def _labelled(data: bytes, codec: str, source: str) -> Decoded | None:
    """The bytes in the codec a label names; None when they do not decode in it."""
    if codec == "utf-8":
        text = _utf8(data)
        return Decoded(text, "utf-8", source) if text is not None else None
    # a stale legacy label on UTF-8 bytes: trust the bytes
    if not data.isascii() and (text := _utf8(data)) is not None:
        return Decoded(text, "utf-8", "utf-8")
    try:
        return Decoded(data.decode(codec), codec, source)
    except (UnicodeDecodeError, LookupError):
        return None


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
