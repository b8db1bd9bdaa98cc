"""The batch loop: read tasks lazily, clean them in N processes, write lines in input order.

Tasks travel to the worker processes in chunks, one message per chunk. Memory stays flat:
at most ``workers * window_per_worker`` chunks are between the reader and the writer at any
time (a semaphore gates the reader that feeds ``Pool.imap``, which otherwise drains its
input eagerly). SIGINT/SIGTERM set a flag; the loop stops after the line it is writing,
so the output always ends at a line boundary.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.project_config import Fields

from . import workers as workers_mod
from .readers import Task, input_kind, iter_tasks
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
            tally.add(out.counts, out.error, out.where)
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
    worker = RecordCleaner(config, options.fields)  # validates the rules before anything starts
    # Start-up, not per-document work: done once here (forked workers share it), so the
    # summary's documents/s measures the cleaning loop.
    if config.detect_language and not config.lang:
        _preload_language_profiles()
    if any(p.is_file() and input_kind(p) == "warc" for p in inputs):  # a crawl: every record is HTML
        worker.cleaner.prepare_html()
    tally = Tally()
    stop = _Stop()
    failure: list[BaseException] = []
    out_name = "-" if not isinstance(output, Path) else str(output)
    fh: BinaryIO
    own = isinstance(output, Path)
    fh = output.open("wb", buffering=1 << 16) if isinstance(output, Path) else output  # type: ignore[assignment]
    writer = _Writer(fh, tally, stop, options, progress)

    def tasks() -> Iterator[Task]:
        try:
            yield from iter_tasks(inputs)
        except Exception as exc:  # reported after what came before it is written
            failure.append(exc)

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
        interrupted=stop.requested, output=out_name, workers=max(1, options.workers), inputs=[str(p) for p in inputs]
    )
    if failure and not stop.requested:
        exc = failure[0]
        raise exc if isinstance(exc, CleanerError) else CleanerError(f"{type(exc).__name__}: {exc}")
    return summary


def _until(tasks: Iterator[Task], stop: _Stop) -> Iterator[Task]:
    for t in tasks:
        if stop.requested:
            return
        yield t


def _run_pool(worker: RecordCleaner, config: Config, tasks: Iterator[Task], writer: _Writer) -> None:
    """Chunks of tasks go to the workers as single messages, and come back as lists: the
    parent's work per document is a write and a count, so it takes little of the CPUs."""
    stop, options = writer.stop, writer.options
    gate = threading.Semaphore(max(options.workers * options.window_per_worker, 2))  # chunks in flight
    abort = threading.Event()

    def chunks() -> Iterator[list[Task]]:
        chunk: list[Task] = []
        for t in tasks:
            chunk.append(t)
            if len(chunk) >= options.chunksize:
                if not _acquire(gate, stop, abort):
                    return
                yield chunk
                chunk = []
        if chunk and _acquire(gate, stop, abort):
            yield chunk

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    workers_mod.prebuild(worker)  # fork: the children inherit the compiled rules and language profiles
    pool = ctx.Pool(options.workers, initializer=workers_mod.init_worker, initargs=(config, options.fields))
    finished = False
    try:
        answers = pool.imap(workers_mod.work, chunks(), 1)
        outcomes = (out for answer in _released(answers, gate) for out in answer)
        writer.consume(outcomes)
        finished = not stop.requested
    finally:
        workers_mod.prebuild(None)
        if finished:
            pool.close()
        else:
            abort.set()
            pool.terminate()
        pool.join()


def _acquire(gate: threading.Semaphore, stop: _Stop, abort: threading.Event) -> bool:
    while not gate.acquire(timeout=0.1):
        if stop.requested or abort.is_set():
            return False
    return not (stop.requested or abort.is_set())


def _released(answers: Iterable[list[Outcome]], gate: threading.Semaphore) -> Iterator[list[Outcome]]:
    for answer in answers:
        gate.release()
        yield answer


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
