"""A per-document time limit: past it, cleaning stops and the document passes through unchanged.

The limit is an interval timer (SIGALRM) whose handler raises ``TimeLimitExceeded`` in the
cleaning code, so it bounds everything written in Python, including a stream of regex calls
each within its own ``regex_timeout``. Signals reach only the main thread: elsewhere (a
library caller's thread) no timer is set and the limit is not enforced.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

log = logging.getLogger(__name__)


class TimeLimitExceeded(BaseException):
    """Cleaning one document took longer than ``Config.time_limit``.

    A BaseException, like KeyboardInterrupt, so that library code that catches Exception
    (langdetect, lxml's Python parts) cannot swallow it; ``Cleaner.clean`` turns it into
    the record's ``error``."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block after ``seconds`` (0 or less: no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # someone else's timer runs: leave it alone
        yield
        return

    def expired(signum: int, frame: object) -> None:
        # Raised where the signal lands, which may be a finalizer (``__del__``) that swallows it:
        # the timer is set again, so the limit fires once more shortly after, where it counts.
        signal.setitimer(signal.ITIMER_REAL, _AGAIN)
        raise TimeLimitExceeded(f"cleaning took longer than the time limit of {seconds:g} s")

    old = signal.signal(signal.SIGALRM, expired)
    old_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_hook(old_hook)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    _ARMED.append(expired)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _ARMED.remove(expired)
        signal.signal(signal.SIGALRM, old)
        sys.unraisablehook = old_hook


_AGAIN = 0.05  # seconds before a swallowed limit fires again


def _quiet_hook(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """An unraisable-exception hook that drops the limit swallowed by a finalizer (it fires
    again) instead of printing a traceback, and passes everything else on."""

    def quiet(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, TimeLimitExceeded):
            hook(unraisable)

    return quiet


_ARMED: list[object] = []  # the handlers of the limits in force (main thread only)


@contextmanager
def paused() -> Iterator[None]:
    """Stop the clock of the limit in force for start-up work done once for many documents
    (compiling a language's rules on its first document), then let it run on."""
    started = time.monotonic()
    try:
        if not _ARMED or signal.getsignal(signal.SIGALRM) is not _ARMED[-1]:
            yield
            return
        left = signal.setitimer(signal.ITIMER_REAL, 0)[0]
        try:
            yield
        finally:
            if left > 0:
                signal.setitimer(signal.ITIMER_REAL, left)
    finally:
        _PAUSED[0] += time.monotonic() - started


_PAUSED = [0.0]


def paused_seconds() -> float:
    """Seconds spent in ``paused`` sections so far (start-up work), for measuring a document's own time."""
    return _PAUSED[0]
