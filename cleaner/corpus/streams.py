"""Reading input files incrementally: gzip, zstd, bzip2 and xz decompressed chunk by chunk, lines cut
at a size limit, and a truncated or corrupt stream reported as ``StreamError`` only after
everything complete before the damage has been handed out.

Nothing here holds more than one chunk plus one (bounded) line in memory, so a
decompression bomb or an endless line costs a bounded amount of memory.
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
BZIP2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
HEAD = 6  # bytes that tell the compression
CHUNK = 1 << 16


class StreamError(Exception):
    """The compressed stream is truncated or corrupt; the message is one line."""


@dataclass(frozen=True)
class TooLong:
    """A line longer than the limit: skipped, not held; ``size`` is its length in bytes."""

    size: int


def compression(head: bytes) -> str:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    if head.startswith(BZIP2_MAGIC):
        return "bzip2"
    if head.startswith(XZ_MAGIC):
        return "xz"
    return "plain"


def iter_chunks(source: Path | BinaryIO) -> Iterator[bytes]:
    """The bytes of a file (a path, or a binary stream such as standard input, read once and
    never reopened), decompressed by their magic bytes (gzip, zstd, bzip2, xz), chunk by chunk."""
    if isinstance(source, (str, Path)):
        with Path(source).open("rb") as fh:
            yield from iter_chunks(fh)
        return
    head = _read_head(source)
    kind = compression(head)
    raw = _raw_chunks(source, head)
    if kind == "gzip":
        yield from _gunzip(raw)
    elif kind == "zstd":
        yield from _unzstd(raw)
    elif kind == "bzip2":
        yield from _unstream(raw, bz2.BZ2Decompressor, OSError, "bzip2")
    elif kind == "xz":
        yield from _unstream(raw, lzma.LZMADecompressor, lzma.LZMAError, "xz")
    else:
        yield from raw


def _read_head(fh: BinaryIO) -> bytes:
    """The first HEAD bytes (fewer at the end of the stream); a pipe may hand them out in pieces."""
    head = b""
    while len(head) < HEAD:
        data = fh.read(HEAD - len(head))
        if not data:
            break
        head += data
    return head


def _raw_chunks(fh: object, head: bytes) -> Iterator[bytes]:
    if head:
        yield head
    while True:
        data = fh.read(CHUNK)  # type: ignore[attr-defined]
        if not data:
            return
        yield data


def _gunzip(raw: Iterator[bytes]) -> Iterator[bytes]:
    """Every gzip member in turn; a member cut short or corrupt raises StreamError."""
    d, fed = zlib.decompressobj(wbits=31), False
    for data in raw:
        while data:
            try:
                out = d.decompress(data, CHUNK)  # bounded output: a bomb comes out chunk by chunk
            except zlib.error as exc:
                raise StreamError(f"corrupt gzip data ({exc})") from None
            fed = True
            if out:
                yield out
            if d.eof:
                data = d.unused_data
                d, fed = zlib.decompressobj(wbits=31), False
                if not data.strip(b"\x00"):  # padding after the last member
                    data = b""
            else:
                data = d.unconsumed_tail
                if not data and len(out) == CHUNK:
                    data = b""
                    while not d.eof:
                        more = d.decompress(b"", CHUNK)
                        if not more:
                            break
                        yield more
    if fed and not d.eof:
        raise StreamError("the gzip stream is truncated (it ends before its end-of-stream marker)")


def _unstream(
    raw: Iterator[bytes],
    make: Callable[[], bz2.BZ2Decompressor | lzma.LZMADecompressor],
    errors: type[Exception],
    name: str,
) -> Iterator[bytes]:
    """bzip2 or xz, stream after stream, with bounded output per call; cut short or corrupt
    raises StreamError."""
    d, fed = make(), False
    for data in raw:
        while data or (fed and not d.eof and not d.needs_input):
            try:
                out = d.decompress(data, CHUNK)
            except errors as exc:
                raise StreamError(f"corrupt {name} data ({exc})") from None
            fed, data = True, b""
            if out:
                yield out
            if d.eof:
                data = d.unused_data
                d, fed = make(), False
                if not data.strip(b"\x00"):
                    data = b""
    if fed and not d.eof:
        raise StreamError(f"the {name} stream is truncated (it ends before its end-of-stream marker)")


ZSTD_FEED = 512  # compressed bytes per call: zstd expands at most ~32,000-fold, so at most ~16 MB out


def _unzstd(raw: Iterator[bytes]) -> Iterator[bytes]:
    """Every zstd frame in turn; a frame cut short or corrupt raises StreamError."""
    import zstandard

    dctx = zstandard.ZstdDecompressor()
    d, fed = dctx.decompressobj(), False
    for data in raw:
        pos = 0
        while pos < len(data):
            piece = data[pos : pos + ZSTD_FEED]
            pos += len(piece)
            try:
                out = d.decompress(piece)
            except zstandard.ZstdError as exc:
                raise StreamError(f"corrupt zstd data ({exc})") from None
            fed = True
            if out:
                yield out
            if d.eof:
                rest = d.unused_data
                d, fed = dctx.decompressobj(), False
                data, pos = rest + data[pos:], 0
    if fed and not d.eof:
        raise StreamError("the zstd stream is truncated (its last frame is incomplete)")


def iter_lines(chunks: Iterator[bytes], max_bytes: int) -> Iterator[bytes | TooLong]:
    """Lines without their line ends; a line over ``max_bytes`` comes out as TooLong, unread."""
    buf = bytearray()
    skipping = 0  # bytes of an over-long line seen so far, 0 when not skipping
    for chunk in chunks:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            piece = chunk[start:] if nl < 0 else chunk[start:nl]
            if skipping:
                skipping += len(piece)
            elif len(buf) + len(piece) > max_bytes:
                skipping = len(buf) + len(piece)
                buf.clear()
            else:
                buf += piece
            if nl < 0:
                break
            if skipping:
                yield TooLong(skipping)
                skipping = 0
            else:
                yield bytes(buf).rstrip(b"\r")
                buf.clear()
            start = nl + 1
    if skipping:
        yield TooLong(skipping)
    elif buf:
        yield bytes(buf).rstrip(b"\r")
