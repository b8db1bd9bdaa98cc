"""A per-document time limit: past it, cleaning stops and the document passes through unchanged.

The limit is an interval timer (SIGALRM) whose handler raises ``TimeLimitExceeded`` in the
cleaning code, so it bounds everything written in Python, including a stream of regex calls
each within its own ``regex_timeout``. Signals reach only the main thread: elsewhere (a
library caller's thread) no timer is set and the limit is not enforced.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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
        raise TimeLimitExceeded(f"cleaning took longer than the time limit of {seconds:g} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
