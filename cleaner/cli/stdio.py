"""The standard streams as the CLI finds them: closed, in an encoding that is not UTF-8, or a
pipe whose reader went away (``| head -1``). Each case ends quietly or with one line.

- A closed stream (started with ``<&-`` or ``>&-``: Python sees ``None``) becomes one that
  raises ``OSError`` naming it when used, which the commands report as one line (exit 2);
  a command that does not need it runs as usual.
- Standard output is written in UTF-8 whatever the locale says (the text and the records are
  UTF-8 data; an ASCII or Latin-1 locale would otherwise stop the run at the first other
  character); standard error keeps its encoding and escapes what it cannot show.
- A reader that goes away ends the command with exit 0, like ``clean`` and the Unix tools do:
  standard output is pointed at ``/dev/null`` so that nothing more is written or reported.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import Any, NoReturn


class ClosedStream(io.TextIOBase):
    """Stands in for a standard stream that was closed when the process started."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    @property
    def buffer(self) -> ClosedStream:  # the binary side is closed too
        return self

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def _closed(self) -> NoReturn:
        raise OSError(errno.EBADF, f"standard {self._name} is closed")

    def read(self, size: int | None = -1) -> NoReturn:  # type: ignore[override]
        self._closed()

    def readline(self, size: int | None = -1) -> NoReturn:  # type: ignore[override]
        self._closed()

    def write(self, s: Any) -> NoReturn:  # type: ignore[override]
        self._closed()

    def fileno(self) -> NoReturn:
        self._closed()

    def isatty(self) -> bool:
        return False

    def flush(self) -> None:
        pass


def prepare() -> None:
    """Make the standard streams safe for the CLI (see the module's doc)."""
    if sys.stdin is None:
        sys.stdin = ClosedStream("input")
    if sys.stdout is None:
        sys.stdout = ClosedStream("output")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (lives as long as the process)
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and codecs.lookup(out.encoding).name != "utf-8":
        out.reconfigure(encoding="utf-8")
    err = sys.stderr
    if isinstance(err, io.TextIOWrapper):
        err.reconfigure(errors="backslashreplace")


def is_broken_pipe(exc: BaseException) -> bool:
    return isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE)


def quiet_after_broken_pipe() -> None:
    """The reader of standard output went away: send whatever is still buffered, and all
    later output, to /dev/null, so that the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class _PipeGuard:
    """Standard output (text or its binary buffer) that ends the command with exit 0 when its
    reader goes away; everything else is the wrapped stream's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    @property
    def buffer(self) -> _PipeGuard:
        return _PipeGuard(self._stream.buffer)

    def _guarded(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except OSError as exc:
            if not is_broken_pipe(exc):
                raise
            quiet_after_broken_pipe()
            raise SystemExit(0) from None

    def write(self, data: Any) -> Any:
        return self._guarded(self._stream.write, data)

    def writelines(self, lines: Any) -> Any:
        return self._guarded(self._stream.writelines, lines)

    def flush(self) -> Any:
        return self._guarded(self._stream.flush)


def guard_stdout() -> None:
    """See ``_PipeGuard``; call after ``prepare``."""
    if not isinstance(sys.stdout, (ClosedStream, _PipeGuard)):
        sys.stdout = _PipeGuard(sys.stdout)  # type: ignore[assignment]
