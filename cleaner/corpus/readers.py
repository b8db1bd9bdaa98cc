"""Batch input: JSONL (plain, gzip or zstd), folders of .txt/.html files, WARC files.

Readers yield small picklable tasks, lazily, so memory stays flat however large the
input is; the heavy work (JSON parsing, decoding, cleaning) happens in the workers.
"""

from __future__ import annotations

import gzip
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cleaner.errors import InputError

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
DOC_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class LineTask:
    """One JSONL line, raw: parsed in the worker so a bad line becomes an error record."""

    source: str
    lineno: int
    raw: bytes


@dataclass(frozen=True)
class FileTask:
    """One document file of a folder; the worker reads it."""

    id: str
    path: str


@dataclass(frozen=True)
class DocTask:
    """One document already in memory (a WARC response record)."""

    id: str
    data: bytes
    url: str | None
    source: str


Task = LineTask | FileTask | DocTask


def open_binary(path: Path) -> BinaryIO:
    """Open a file for reading, decompressing gzip or zstd by their magic bytes."""
    fh = path.open("rb")
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    if head.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    if head.startswith(ZSTD_MAGIC):
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(fh, closefd=True)
        return io.BufferedReader(reader, buffer_size=1 << 16)  # type: ignore[arg-type,return-value]
    return fh  # type: ignore[return-value]


def input_kind(path: Path) -> str:
    """'folder', 'warc', 'doc' (a single .txt/.html file) or 'jsonl'."""
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    name = path.name.lower()
    for ext in (".gz", ".zst", ".zstd"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    if name.endswith((".warc", ".arc")):
        return "warc"
    if name.endswith(DOC_SUFFIXES):
        return "doc"
    try:
        with open_binary(path) as fh:
            head = fh.read(5)
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    return "warc" if head == b"WARC/" else "jsonl"


def iter_tasks(inputs: list[Path]) -> Iterator[Task]:
    for path in inputs:
        kind = input_kind(path)
        log.info("reading %s (%s)", path, kind)
        if kind == "folder":
            yield from iter_folder(path)
        elif kind == "warc":
            yield from iter_warc(path)
        elif kind == "doc":
            yield FileTask(path.name, str(path))
        else:
            yield from iter_jsonl(path)


def iter_jsonl(path: Path) -> Iterator[LineTask]:
    source = str(path)
    try:
        with open_binary(path) as fh:
            for lineno, raw in enumerate(fh, 1):
                yield LineTask(source, lineno, raw.rstrip(b"\r\n"))
    except (OSError, EOFError) as exc:  # truncated or corrupt compressed stream
        raise InputError(f"{path}: cannot read: {exc}") from None
    except Exception as exc:  # zstd raises its own error type
        if type(exc).__module__.startswith("zstandard"):
            raise InputError(f"{path}: cannot read: {exc}") from None
        raise


def iter_folder(root: Path, suffixes: tuple[str, ...] = DOC_SUFFIXES) -> Iterator[FileTask]:
    """Every .txt/.html file below ``root``, sorted; id = the path relative to ``root``."""
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
        yield FileTask(path.relative_to(root).as_posix(), str(path))


def iter_warc(path: Path) -> Iterator[DocTask]:
    """HTML response records: id = WARC-Record-ID, url = WARC-Target-URI."""
    from warcio.archiveiterator import ArchiveIterator

    source = str(path)
    with path.open("rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                ctype = ""
                if record.http_headers is not None:
                    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if ctype and "html" not in ctype:
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID") or ""
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield DocTask(rid, record.content_stream().read(), url, source)
        except Exception as exc:  # warcio raises assorted errors on corrupt archives
            raise InputError(f"{path}: cannot read WARC: {exc}") from None
