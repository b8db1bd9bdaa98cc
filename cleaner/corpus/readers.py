"""Batch input: JSONL (plain, gzip or zstd), folders of .txt/.html files, WARC files.

Readers yield small picklable tasks, lazily, so memory stays flat however large the
input is; the heavy work (JSON parsing, decoding, cleaning) happens in the workers.
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cleaner.config import Config
from cleaner.errors import InputError

from .files import DOC_SUFFIXES, FileSelection, iter_files
from .streams import StreamError, TooLong, iter_chunks, iter_lines
from .warc import WarcDoc, iter_warc_docs, iter_warc_stream

STDIN = Path("-")  # an input of '-': standard input, read once (JSONL or WARC, compressed or not)
COMPRESSED_SUFFIXES = (".gz", ".zst", ".zstd", ".bz2", ".xz")

log = logging.getLogger(__name__)

UTF8_BOM = b"\xef\xbb\xbf"
DEFAULT_MAX_BYTES = 4 * Config.max_input_chars  # 4 bytes per character at most (UTF-8)


@dataclass(frozen=True)
class LineTask:
    """One JSONL line, raw: parsed in the worker so a bad line becomes an error record."""

    source: str
    lineno: int
    raw: bytes
    error: str | None = None  # set by the reader: the line could not be read (too long)


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
    error: str | None = None  # set by the reader: the record could not be read
    charset: str | None = None  # the HTTP Content-Type's charset label, for the decoder
    warc: dict[str, object] | None = None  # WARC-Date, target URI, HTTP status, Content-Type

    @classmethod
    def of(cls, doc: WarcDoc, source: str) -> DocTask:
        from cleaner.html.encoding import content_type_charset

        warc = None if doc.error else doc.fields()
        return cls(doc.id, doc.data, doc.url, source, doc.error, content_type_charset(doc.content_type), warc)


Task = LineTask | FileTask | DocTask


def max_input_bytes(config: Config) -> int:
    """The most bytes one record may take: 4 per character allowed (UTF-8's widest)."""
    return 4 * config.max_input_chars


def input_kind(path: Path) -> str:
    """'folder', 'warc', 'doc' (a single .txt/.html file), 'jsonl', or 'stream' (standard input,
    a pipe or another file that can be read only once: sniffed as it is read)."""
    if path == STDIN:
        return "stream"
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if not path.is_file():
        return "stream"
    name = path.name.lower()
    for ext in COMPRESSED_SUFFIXES:
        if name.endswith(ext):
            name = name[: -len(ext)]
    if name.endswith((".warc", ".arc")):
        return "warc"
    if name.endswith(DOC_SUFFIXES):
        return "doc"
    head = b""
    try:
        for chunk in iter_chunks(path):
            head += chunk
            if len(head) >= 5:
                break
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except StreamError as exc:
        raise InputError(f"{path}: {exc}") from None
    return "warc" if head[:5] == b"WARC/" else "jsonl"


def iter_tasks(
    inputs: list[Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    failures: list[str] | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[Task]:
    """Every input's tasks in turn. An input that cannot be read to its end (truncated or
    corrupt) is reported in ``failures`` (one line: the file, the records read, why) after its
    complete records, and reading goes on with the next input; without ``failures`` the
    first such input raises InputError. WARC records that are not HTTP 200 HTML responses
    yield no task and are counted in ``skipped`` by kind."""
    for path in inputs:
        count = 0
        try:
            for task in _tasks_of(path, max_bytes, skipped):
                count += 1
                yield task
        except (StreamError, OSError, InputError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            message = f"{path}: {why} ({count:,} records read before it)"
            if isinstance(exc, InputError) and count == 0:
                message = str(exc)
            if failures is None:
                raise InputError(message) from None
            log.error("%s", message)
            failures.append(message)


def _tasks_of(path: Path, max_bytes: int, skipped: Counter[str] | None = None) -> Iterator[Task]:
    kind = input_kind(path)
    log.info("reading %s (%s)", path, kind)
    if kind == "folder":
        yield from iter_folder(path)
    elif kind == "warc":
        yield from iter_warc(path, max_bytes, skipped)
    elif kind == "doc":
        yield FileTask(path.name, str(path))
    elif kind == "stream" and path == STDIN:
        yield from iter_stream(sys.stdin.buffer, "-", max_bytes, skipped)
    elif kind == "stream":
        with path.open("rb") as fh:
            yield from iter_stream(fh, str(path), max_bytes, skipped)
    else:
        yield from iter_jsonl(path, max_bytes)


def iter_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[LineTask]:
    """One task per line; a line over ``max_bytes`` is an error task, never held in memory.
    A UTF-8 byte order mark before the first line is dropped; blank lines are skipped (they
    hold no record), their numbers still counted."""
    yield from _line_tasks(iter_lines(iter_chunks(path), max_bytes), str(path), max_bytes)


def _line_tasks(lines: Iterable[bytes | TooLong], source: str, max_bytes: int) -> Iterator[LineTask]:
    """JSONL lines as tasks: a UTF-8 BOM before the first is dropped, blank lines are skipped (their
    numbers still counted), a line over the limit is an error task."""
    for lineno, line in enumerate(lines, 1):
        if isinstance(line, TooLong):
            yield LineTask(
                source,
                lineno,
                b"",
                f"line {lineno}: {line.size:,} bytes, over the input limit of {max_bytes:,} bytes; not read",
            )
            continue
        if lineno == 1 and line.startswith(UTF8_BOM):
            line = line[len(UTF8_BOM) :]
        if line.strip():
            yield LineTask(source, lineno, line)


def iter_stream(
    fh: BinaryIO, source: str, max_bytes: int = DEFAULT_MAX_BYTES, skipped: Counter[str] | None = None
) -> Iterator[LineTask | DocTask]:
    """A stream read once, sniffed on what is read (never reopened): WARC or JSONL."""
    chunks = iter_chunks(fh)
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= 5:
            break
    rest = _chain(head, chunks)
    if head[:5] == b"WARC/":
        for doc in iter_warc_stream(rest, max_bytes, skipped):
            yield DocTask.of(doc, source)
        return
    yield from _line_tasks(iter_lines(rest, max_bytes), source, max_bytes)


def _chain(head: bytes, chunks: Iterator[bytes]) -> Iterator[bytes]:
    if head:
        yield head
    yield from chunks


def iter_folder(root: Path, suffixes: tuple[str, ...] = DOC_SUFFIXES) -> Iterator[FileTask]:
    """Every .txt/.html file below ``root``, sorted, by the walker check and fix use (version-control
    folders and .gitignore'd files left out); id = the path relative to ``root``. FIFOs, sockets,
    devices and symbolic link loops are skipped with a warning (reading a FIFO would block)."""
    from .snapshot import special

    for path in iter_files([root], FileSelection(suffixes, root=root)):
        why = special(path)
        if why:
            log.warning("%s: skipped: %s", path, why)
            continue
        yield FileTask(path.relative_to(root).as_posix(), str(path))


def iter_warc(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, skipped: Counter[str] | None = None) -> Iterator[DocTask]:
    """HTTP 200 HTML response records: id = WARC-Record-ID, url = WARC-Target-URI; the others
    counted in ``skipped``."""
    source = str(path)
    for doc in iter_warc_docs(path, max_bytes, skipped):
        yield DocTask.of(doc, source)
