"""Reading a file for check and fix without surprises: only regular files, never blocking on
open (a FIFO must not hang the run), and a snapshot (size, mtime, content hash) taken at read,
so that fix can tell just before the atomic replace whether someone changed the file meanwhile.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path


class NotARegularFile(Exception):
    """A path check and fix skip: a FIFO, socket, device or symbolic link loop (``what`` says which)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read."""

    size: int
    mtime_ns: int
    digest: bytes  # blake2b of the content

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> Snapshot:
        return cls(st.st_size, st.st_mtime_ns, _digest(data))


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _kind(mode: int) -> str | None:
    """What a non-regular file is, or None for a regular one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def special(path: Path) -> str | None:
    """Why ``path`` is not a regular file check and fix would read, or None (missing: None too)."""
    try:
        return _kind(os.stat(path).st_mode)
    except OSError as exc:
        return "a symbolic link loop" if exc.errno == errno.ELOOP else None


def read_snapshot(path: Path) -> tuple[bytes, Snapshot]:
    """The file's bytes and its snapshot. Raises NotARegularFile for anything but a regular file
    (checked before opening, and again on the open descriptor, which is opened non-blocking), and
    OSError when it cannot be read."""
    why = special(path)
    if why:
        raise NotARegularFile(why)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        why = _kind(st.st_mode)
        if why:  # replaced between the stat and the open
            raise NotARegularFile(why)
        data = fh.read()
    return data, Snapshot.of(st, data)


def unchanged(path: Path, snap: Snapshot) -> bool:
    """True when ``path`` still has the size, mtime and content it had when ``snap`` was taken."""
    try:
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns) != (snap.size, snap.mtime_ns) or not stat.S_ISREG(st.st_mode):
            return False
        return _digest(Path(path).read_bytes()) == snap.digest
    except OSError:
        return False


def read_only(path: Path) -> bool:
    """No write permission for the file's owner (what ``chmod a-w`` does; root is not exempt), or
    none for us."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not (st.st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK)
