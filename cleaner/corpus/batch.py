"""The batch loop: read tasks lazily, clean them in N processes, write lines in input order.

Tasks travel to the worker processes in chunks, one message per chunk. Memory stays flat:
at most ``workers * window_per_worker`` chunks are between the reader and the writer at any
time (a semaphore gates the reader that feeds ``Pool.imap``, which otherwise drains its
input eagerly). SIGINT/SIGTERM set a flag; the loop stops after the line it is writing,
so the output always ends at a line boundary.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cleaner.config import Config
from cleaner.errors import CleanerError, InputError
from cleaner.project_config import Fields

from . import workers as workers_mod
from .guard import refuse_output_among_inputs
from .outputs import open_output
from .pool import WorkerPool
from .readers import Task, input_kind, iter_tasks, max_input_bytes
from .summary import BatchSummary, Tally
from .workers import Outcome, RecordCleaner

log = logging.getLogger(__name__)


class BatchStopped(CleanerError):
    """--fail-fast met an error record; the message is that record's error."""


@dataclass(frozen=True)
class BatchOptions:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    fields: Fields = field(default_factory=Fields)
    fail_fast: bool = False
    chunksize: int = 32  # tasks per message to a worker
    window_per_worker: int = 4  # chunks in flight per worker


@dataclass
class _Stop:
    requested: bool = False
    signum: int | None = None


@dataclass
class _Writer:
    """Where outcomes go, in input order: the output, the counts, the stop flag."""

    fh: BinaryIO
    tally: Tally
    stop: _Stop
    options: BatchOptions
    progress: Callable[[Tally], None] | None

    def consume(self, outcomes: Iterable[Outcome]) -> None:
        every = 1
        tally, progress = self.tally, self.progress
        for out in outcomes:
            if out.error and self.options.fail_fast:
                raise BatchStopped(out.error)
            self.fh.write(out.line)
            tally.add(out.counts, out.error, out.where, out.lang)
            if out.rid is not None:
                tally.ids.add(out.where.rpartition(":")[0], out.rid)
            if progress is not None and tally.documents % every == 0:
                progress(tally)
                every = 1 if tally.documents < 50 else 25
            if self.stop.requested:
                break
        if progress is not None:
            progress(tally)


@contextmanager
def _stop_on_signals(stop: _Stop) -> Iterator[None]:
    """SIGINT/SIGTERM request a stop instead of raising mid-write (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        stop.requested = True
        stop.signum = signum

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def run_batch(
    inputs: list[Path],
    output: Path | BinaryIO,
    config: Config,
    options: BatchOptions,
    progress: Callable[[Tally], None] | None = None,
) -> BatchSummary:
    """Clean every record of ``inputs`` into ``output`` (JSONL); return the summary.

    Raises CleanerError for unusable input (after writing everything read before it) and
    BatchStopped under ``fail_fast``. ``summary.interrupted`` tells a signal stopped it.
    """
    if isinstance(output, Path):
        refuse_output_among_inputs(inputs, output)
    worker = RecordCleaner(config, options.fields)  # validates the rules before anything starts
    # Start-up, not per-document work: done once here (forked workers share it), so the
    # summary's documents/s measures the cleaning loop.
    if config.detect_language and not config.lang:
        _preload_language_profiles()
    if any(p.is_file() and input_kind(p) == "warc" for p in inputs):  # a crawl: every record is HTML
        worker.cleaner.prepare_html()
    tally = Tally()
    stop = _Stop()
    failures: list[str] = []  # inputs that could not be read to their end, one line each
    skipped: Counter[str] = Counter()  # WARC records that are not HTTP 200 HTML responses, by kind
    out_name = "-" if not isinstance(output, Path) else str(output)
    fh: BinaryIO
    own = isinstance(output, Path)
    fh = open_output(output) if isinstance(output, Path) else output  # compressed by the suffix
    writer = _Writer(fh, tally, stop, options, progress)

    def tasks() -> Iterator[Task]:  # a damaged input is reported after what came before it is written
        yield from iter_tasks(inputs, max_input_bytes(config), failures, skipped)

    try:
        with _stop_on_signals(stop):
            if options.workers <= 1:
                outcomes: Iterable[Outcome] = (worker.process(t) for t in _until(tasks(), stop))
                writer.consume(outcomes)
            else:
                _run_pool(worker, config, tasks(), writer)
    finally:
        try:
            fh.flush()
        finally:
            if own:
                fh.close()
    summary = tally.freeze(
        interrupted=stop.requested,
        output=out_name,
        workers=max(1, options.workers),
        inputs=[str(p) for p in inputs],
        rule_languages=rule_languages(worker.cleaner.rulebook),
        skipped=dict(skipped),
    )
    if failures and not stop.requested:
        more = f" (and {len(failures) - 1} more damaged inputs)" if len(failures) > 1 else ""
        raise InputError(failures[0] + more)
    return summary


def rule_languages(book: object) -> frozenset[str]:
    """The languages that have rules of their own (rules for every language aside)."""
    return frozenset(lang for r in book.rules for lang in r.languages)  # type: ignore[attr-defined]


def _until(tasks: Iterator[Task], stop: _Stop) -> Iterator[Task]:
    for t in tasks:
        if stop.requested:
            return
        yield t


def _run_pool(worker: RecordCleaner, config: Config, tasks: Iterator[Task], writer: _Writer) -> None:
    """Chunks of tasks go to the workers as single messages, and come back as lists: the
    parent's work per document is a write and a count, so it takes little of the CPUs."""
    stop, options = writer.stop, writer.options
    workers_mod.prebuild(worker)  # fork: the children inherit the compiled rules and language profiles
    pool = WorkerPool(options.workers, config, options.fields, lambda: stop.requested)
    finished = False
    try:
        answers = pool.answers(
            _chunks(tasks, options.chunksize, stop), max(options.workers * options.window_per_worker, 2)
        )
        writer.consume(out for answer in answers for out in answer)
        finished = not stop.requested
    finally:
        workers_mod.prebuild(None)
        pool.close(finished=finished)


def _chunks(tasks: Iterator[Task], size: int, stop: _Stop) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for t in tasks:
        if stop.requested:
            return
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _preload_language_profiles() -> None:
    """Load the language model once in the parent so forked workers share it."""
    try:
        from cleaner.lang import preload

        preload()
    except Exception:  # pragma: no cover - an optimisation only
        log.debug("could not preload language profiles", exc_info=True)


def default_workers() -> int:
    return os.cpu_count() or 1


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
