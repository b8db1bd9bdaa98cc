"""Stage 1: bytes to str. UTF-8 (with or without BOM), then UTF-16/32 BOMs, then detection."""

from __future__ import annotations

import codecs

from cleaner.errors import InputError
from cleaner.model import InputInfo

# The byte-order marks, for every reader (text, HTML, fix's rewrite, the HTML sniff): the mark and
# the codec of the bytes after it. UTF-32 LE comes before UTF-16 LE: it starts with the same bytes.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff_bom(data: bytes) -> tuple[bytes, str] | None:
    """The byte-order mark the data starts with and the codec of what follows it, or None."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return bom, codec
    return None


# Single-byte encodings tried when UTF-8 fails, most common in scraped news first.
_FALLBACKS = ("cp1252", "cp1251", "latin-1")


# What is known of the two commonest inputs (values: every document shares them)
_GIVEN_STR = InputInfo()
_UTF8 = InputInfo(encoding="utf-8", encoding_source="utf-8")


def decode_text(data: str | bytes, *, max_chars: int) -> tuple[str, InputInfo]:
    """Return the text and how it was decoded; raise InputError with a one-line reason."""
    if isinstance(data, str):
        text, info = data, _GIVEN_STR
    else:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise InputError(f"expected str or bytes, got {type(data).__name__}")
        text, info = _decode_bytes(bytes(data))
    # bytes read as UTF-8 without a mark hold no NUL (``_decode_bytes`` refuses a NUL byte): not looked for again
    if info is not _UTF8 and "\x00" in text:
        raise InputError("input looks binary (it contains NUL characters)")
    if len(text) > max_chars:
        raise InputError(f"input is {len(text):,} characters, over the limit of {max_chars:,}")
    return text, info


def _decode_bytes(data: bytes) -> tuple[str, InputInfo]:
    found = sniff_bom(data)
    if found is not None:
        bom, codec = found
        family = codec[:6] if codec.startswith(("utf-16", "utf-32")) else codec  # recorded as before: utf-16
        try:
            return data[len(bom) :].decode(codec), InputInfo(encoding=family, encoding_source="bom")
        except UnicodeDecodeError as exc:
            raise InputError(f"input has a {family} byte-order mark but is not valid {family}: {exc.reason}") from None
    if b"\x00" in data:
        if _looks_utf16(data):
            raise InputError("input looks like UTF-16 without a byte-order mark; convert it to UTF-8 (or add a BOM)")
        raise InputError("input looks binary (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), _UTF8
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return repaired
    guess = _detect(data)
    if guess is None:
        raise InputError("input is not valid UTF-8 and its encoding could not be detected")
    return data.decode(guess), InputInfo(encoding=guess, encoding_source="detected")


def _mostly_utf8(data: bytes) -> tuple[str, InputInfo] | None:
    """UTF-8 with a few invalid bytes (a cut or a stray byte), each replaced by U+FFFD and
    their offsets recorded; None when the bytes look like another encoding (then most
    non-ASCII bytes are invalid, or no valid multi-byte sequence stands among them)."""
    bad: list[int] = []
    pos = 0
    while len(bad) <= _MAX_REPAIRS:
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            bad.append(pos + exc.start)
            pos += exc.end
    non_ascii = sum(1 for b in data if b >= 0x80)
    valid_multibyte = non_ascii - len(bad)
    if len(bad) > _MAX_REPAIRS or valid_multibyte < max(2, 20 * len(bad)):
        return None
    info = InputInfo(encoding="utf-8", encoding_source="utf-8-replaced", extras=(("replaced_bytes", tuple(bad)),))
    return data.decode("utf-8", "replace"), info


_MAX_REPAIRS = 16


def _detect(data: bytes) -> str | None:
    """Detect with charset_normalizer when it is installed (trafilatura brings it), else fall back."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - trafilatura depends on it
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            codec = codecs.lookup(best.encoding).name
            try:
                data.decode(codec)
                return codec
            except (UnicodeDecodeError, LookupError):
                pass
    for codec in _FALLBACKS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return codec
    return None


def _mostly_text(text: str) -> bool:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= len(sample) * 0.01


def _looks_utf16(data: bytes) -> bool:
    """NUL in every other byte (ASCII-range text in UTF-16-LE or -BE) and nowhere else."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    for zeros, other in ((odd, even), (even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return True
    return False
