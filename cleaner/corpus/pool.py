"""Worker processes for the batch loop, robust to a worker that dies (kill -9, OOM killer).

Tasks travel in chunks, one message each; at most ``window`` chunks are in flight, so memory
stays flat. When a worker dies, ``concurrent.futures`` notices at once (it watches the
processes' sentinels) and fails every chunk in flight. Those chunks are then run again one
at a time in a fresh pool: a chunk that still kills its worker is run task by task, and a
task that kills its worker alone becomes an error record. Nothing is lost, nothing hangs.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from cleaner.config import Config
from cleaner.project_config import Fields

from . import workers as workers_mod
from .readers import Task
from .workers import Outcome

log = logging.getLogger(__name__)

POLL = 0.1  # seconds between looks at the stop flag while waiting for a chunk
KILL_WAIT = 5.0  # seconds to wait for a killed worker to be gone


class WorkerPool:
    """Runs chunks of tasks in ``n`` processes and answers them in order."""

    def __init__(self, n: int, config: Config, fields: Fields, stopped: Callable[[], bool]) -> None:
        methods = multiprocessing.get_all_start_methods()
        self._ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._n, self._config, self._fields, self._stopped = n, config, fields, stopped
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self._n, mp_context=self._ctx, initializer=workers_mod.init_worker, initargs=(self._config, self._fields)
        )

    def answers(self, chunks: Iterator[list[Task]], window: int) -> Iterator[list[Outcome]]:
        """One list of outcomes per chunk, in order; stops early when ``stopped()``."""
        pending: deque[tuple[list[Task], Future[list[Outcome]]]] = deque()
        exhausted = False
        while True:
            while not exhausted and len(pending) < window and not self._stopped():
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, self._submit(chunk)))
            if not pending or self._stopped():
                return
            chunk, future = pending[0]
            answer = self._wait(future)
            if answer is None:  # stopped while waiting
                return
            if isinstance(answer, BrokenProcessPool):
                lost = [c for c, _ in pending]
                pending.clear()
                log.warning("a worker process died; re-running the %d chunks that were in flight", len(lost))
                self._restart()
                for c in lost:
                    yield self._isolated(c)
                    if self._stopped():
                        return
                continue
            pending.popleft()
            yield answer

    def _submit(self, chunk: list[Task]) -> Future[list[Outcome]]:
        try:
            return self._executor.submit(workers_mod.work, chunk)
        except BrokenProcessPool:
            self._restart()
            return self._executor.submit(workers_mod.work, chunk)

    def _wait(self, future: Future[list[Outcome]]) -> list[Outcome] | BrokenProcessPool | None:
        while True:
            if self._stopped():
                return None
            try:
                return future.result(timeout=POLL)
            except TimeoutError:
                continue
            except BrokenProcessPool as exc:
                return exc

    def _isolated(self, chunk: list[Task]) -> list[Outcome]:
        """The chunk alone; if it kills its worker again, each task alone."""
        answer = self._wait(self._submit(chunk))
        if isinstance(answer, list):
            return answer
        self._restart()
        out: list[Outcome] = []
        for task in chunk:
            if self._stopped():
                return out  # the writer ends at a line boundary; the rest is not an error
            single = self._wait(self._submit([task]))
            if isinstance(single, list):
                out.extend(single)
                continue
            if isinstance(single, BrokenProcessPool):
                self._restart()
            why = "the worker process died while cleaning this record (killed, or out of memory)"
            log.error("%s: %s", workers_mod.where(task), why)
            out.append(workers_mod.lost(task, why))
        return out

    def _restart(self) -> None:
        self._kill()
        self._executor = self._start()

    def _kill(self) -> None:
        """Stop the workers now, and the executor with them, without waiting on what they do.

        A worker killed while it writes an answer leaves half a message in the result pipe, and
        the executor's manager thread then waits for the rest of it forever (``batch -j2 | head
        -n 1`` hung about one run in ten). Once the workers are gone, closing the parent's own
        copy of the pipe's write end leaves no writer, so that wait ends in end-of-file, which
        the executor takes for a broken pool. SIGKILL, not SIGTERM: a worker forked a moment
        ago still has the parent's SIGTERM handler (a stop request) until its initializer runs.
        """
        executor = self._executor
        processes = list((getattr(executor, "_processes", None) or {}).values())
        for p in processes:
            if p.is_alive():
                p.kill()
        for p in processes:
            p.join(timeout=KILL_WAIT)
        results = getattr(executor, "_result_queue", None)
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
        executor.shutdown(wait=True, cancel_futures=True)

    def close(self, *, finished: bool) -> None:
        if finished:
            self._executor.shutdown(wait=True)
        else:
            self._kill()
