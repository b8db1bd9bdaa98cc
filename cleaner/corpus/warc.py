"""WARC input: HTML response records, read record by record with bounded memory.

A WARC.gz is read gzip member by gzip member (one record per member, as the format
recommends), so a corrupt member becomes one error record and reading goes on with the
next member. A record or member cut short at the end of the file raises StreamError after
every complete record before it has been handed out.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .streams import CHUNK, GZIP_MAGIC, StreamError, compression, iter_chunks


@dataclass(frozen=True)
class WarcDoc:
    id: str
    data: bytes
    url: str | None
    error: str | None = None


def iter_warc_docs(path: Path, max_bytes: int) -> Iterator[WarcDoc]:
    with Path(path).open("rb") as fh:
        head = fh.read(4)
    if compression(head) == "gzip":
        yield from _gzip_members(path, max_bytes)
    else:
        yield from _records(_ChunkReader(iter_chunks(path)), max_bytes, where="")


def iter_warc_stream(chunks: Iterator[bytes], max_bytes: int) -> Iterator[WarcDoc]:
    """HTML responses of a WARC given as decompressed chunks (standard input)."""
    yield from _records(_ChunkReader(chunks), max_bytes, where="")


def _records(stream: io.RawIOBase | io.BufferedIOBase, max_bytes: int, where: str) -> Iterator[WarcDoc]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            ctype = ""
            if record.http_headers is not None:
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if ctype and "html" not in ctype:
                continue
            rid = record.rec_headers.get_header("WARC-Record-ID") or ""
            url = record.rec_headers.get_header("WARC-Target-URI")
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield WarcDoc(rid, b"", url, f"{rid}: record is over the input limit of {max_bytes:,} bytes; skipped")
                continue
            if record.raw_stream.limit > 0:  # Content-Length runs past the end of the data
                raise StreamError(f"record {rid or '?'}{where} is cut short: its Content-Length runs past the end")
            yield WarcDoc(rid, data, url)
    except StreamError:
        raise
    except Exception as exc:  # warcio raises assorted errors on damaged archives
        raise StreamError(f"not a readable WARC{where}: {' '.join(str(exc).split())[:200]}") from None


def _gzip_members(path: Path, max_bytes: int) -> Iterator[WarcDoc]:
    """Each gzip member decompressed on its own; a damaged one is skipped up to the next member."""
    member_no = 0
    for member, error in _members(path, max_bytes):
        member_no += 1
        where = f" (gzip member {member_no})"
        if error is not None:
            yield WarcDoc(f"gzip-member-{member_no}", b"", None, f"gzip member {member_no}: {error}; skipped")
            continue
        try:
            yield from _records(io.BytesIO(member), max_bytes, where)
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
