"""WARC input: HTTP 200 HTML response records, read record by record with bounded memory.

Only ``response`` records whose HTTP status is 200 and whose ``Content-Type`` is HTML
(``text/html``, ``application/xhtml+xml``; without a ``Content-Type``, a body that reads as
HTML) are documents. Every other record (``request``, ``metadata``, ``warcinfo``, ``revisit``,
redirects, 404s, PDFs, images...) is skipped without reading its body and counted in
``skipped`` by its kind ("request", "HTTP 301", "application/pdf"), which the batch summary
reports. A document keeps its WARC-Date, target URI, HTTP status and ``Content-Type`` (whose
charset the HTML decoder prefers).

A WARC.gz is read gzip member by gzip member (one record per member, as the format
recommends), so a corrupt member becomes one error record and reading goes on with the
next member. A record or member cut short at the end of the file raises StreamError after
every complete record before it has been handed out.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .streams import CHUNK, GZIP_MAGIC, StreamError, compression, iter_chunks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WarcDoc:
    id: str
    data: bytes
    url: str | None  # WARC-Target-URI
    error: str | None = None
    date: str | None = None  # WARC-Date
    status: int | None = None  # the HTTP status (200 for every document cleaned)
    content_type: str | None = None  # the HTTP Content-Type, as sent

    def fields(self) -> dict[str, object]:
        """The record's WARC facts as they go into its output line."""
        return {
            "date": self.date,
            "target_uri": self.url,
            "http_status": self.status,
            "content_type": self.content_type,
        }


def iter_warc_docs(path: Path, max_bytes: int, skipped: Counter[str] | None = None) -> Iterator[WarcDoc]:
    with Path(path).open("rb") as fh:
        head = fh.read(4)
    if compression(head) == "gzip":
        yield from _gzip_members(path, max_bytes, skipped)
    else:
        yield from _records(_ChunkReader(iter_chunks(path)), max_bytes, "", skipped)


def iter_warc_stream(chunks: Iterator[bytes], max_bytes: int, skipped: Counter[str] | None = None) -> Iterator[WarcDoc]:
    """HTML responses of a WARC given as decompressed chunks (standard input)."""
    yield from _records(_ChunkReader(chunks), max_bytes, "", skipped)


def skip_reason(rec_type: str, status: str | None, content_type: str | None) -> str | None:
    """Why a WARC record is not a document to clean, from its headers (None: an HTTP 200 response
    with an HTML Content-Type, or with none, when its body decides: see ``_records``)."""
    if rec_type != "response":
        return rec_type or "untyped record"
    if status is None:
        return "response without HTTP headers"
    if status.strip() != "200":
        return f"HTTP {status.strip()[:3] or '?'}"
    mime = _mime(content_type)
    return None if not mime or "html" in mime else mime[:60]


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _records(
    stream: io.RawIOBase | io.BufferedIOBase, max_bytes: int, where: str, skipped: Counter[str] | None = None
) -> Iterator[WarcDoc]:
    from warcio.archiveiterator import ArchiveIterator

    from cleaner.html.parse import looks_like_html

    try:
        for record in ArchiveIterator(stream):
            http = record.http_headers if record.rec_type == "response" else None
            status = http.get_statuscode() if http is not None else None
            ctype = http.get_header("Content-Type") if http is not None else None
            rid = record.rec_headers.get_header("WARC-Record-ID") or ""
            url = record.rec_headers.get_header("WARC-Target-URI")
            why = skip_reason(record.rec_type or "", status, ctype)
            data = b""
            if why is None:
                data = record.content_stream().read(max_bytes + 1)
                if not _mime(ctype) and not looks_like_html(data[:4096]):
                    why = "no Content-Type, not HTML"
            if why is not None:
                log.debug("WARC record %s (%s): skipped, %s", rid, url, why)
                if skipped is not None:
                    skipped[why] += 1
                continue
            if len(data) > max_bytes:
                yield WarcDoc(rid, b"", url, f"{rid}: record is over the input limit of {max_bytes:,} bytes; skipped")
                continue
            if record.raw_stream.limit > 0:  # Content-Length runs past the end of the data
                raise StreamError(f"record {rid or '?'}{where} is cut short: its Content-Length runs past the end")
            date = record.rec_headers.get_header("WARC-Date")
            yield WarcDoc(rid, data, url, None, date, int(status) if status and status.isdigit() else None, ctype)
    except StreamError:
        raise
    except Exception as exc:  # warcio raises assorted errors on damaged archives
        raise StreamError(f"not a readable WARC{where}: {' '.join(str(exc).split())[:200]}") from None


def _gzip_members(path: Path, max_bytes: int, skipped: Counter[str] | None = None) -> Iterator[WarcDoc]:
    """Each gzip member decompressed on its own; a damaged one is skipped up to the next member."""
    member_no = 0
    for member, error in _members(path, max_bytes):
        member_no += 1
        where = f" (gzip member {member_no})"
        if error is not None:
            yield WarcDoc(f"gzip-member-{member_no}", b"", None, f"gzip member {member_no}: {error}; skipped")
            continue
        try:
            yield from _records(io.BytesIO(member), max_bytes, where, skipped)
        except StreamError as exc:
            yield WarcDoc(f"gzip-member-{member_no}", b"", None, f"{exc}; skipped")


def _members(path: Path, max_bytes: int) -> Iterator[tuple[bytes, str | None]]:
    """(decompressed member, None) or (b"", why it is damaged). A member cut off by the end of
    the file raises StreamError. A damaged member is skipped up to the next gzip header after its
    start, even one the decompressor has already read past (zeroed or garbled data can decode
    without error for a while and run into the next members)."""
    with Path(path).open("rb") as fh:
        raw = fh.read(CHUNK)
        while raw:
            d = zlib.decompressobj(wbits=31)
            out = bytearray()
            seen = bytearray(raw)  # this member's compressed bytes, and what was read after them
            damaged: str | None = None
            while True:
                try:
                    out += d.decompress(raw, max(1, max_bytes + 1 - len(out)))
                except zlib.error as exc:
                    damaged = f"corrupt gzip data ({exc})"
                    break
                if len(out) > max_bytes:
                    damaged = f"over the input limit of {max_bytes:,} bytes"
                    break
                if d.eof:
                    raw = d.unused_data
                    break
                raw = d.unconsumed_tail
                if not raw:
                    raw = fh.read(CHUNK)
                    seen += raw
                    if not raw:
                        if _HEADER in seen[1:]:
                            damaged = "corrupt gzip data (the member runs into the next one)"
                            break
                        raise StreamError("the last gzip member is truncated (the file ends inside it)")
            if damaged is None:
                yield bytes(out), None
            else:
                raw = _next_member(fh, bytes(seen[1:]))
                if not raw and damaged.startswith("corrupt"):
                    raise StreamError(f"the last gzip member is damaged: {damaged}")
                yield b"", damaged
            if not raw.strip(b"\x00"):
                raw = fh.read(CHUNK)
                if not raw.strip(b"\x00"):
                    return


_HEADER = GZIP_MAGIC + b"\x08"  # a gzip member's first bytes (deflate)


def _next_member(fh: io.BufferedReader, raw: bytes) -> bytes:
    """The data from the next gzip header on (b"" when there is none)."""
    while True:
        at = raw.find(_HEADER)
        if at >= 0:
            return raw[at:]
        more = fh.read(CHUNK)
        if not more:
            return b""
        raw = raw[-2:] + more


class _ChunkReader(io.RawIOBase):
    """A read-only file over an iterator of byte chunks (for warcio)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        while not self._buf:
            nxt = next(self._chunks, None)
            if nxt is None:
                return 0
            self._buf = nxt
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n
