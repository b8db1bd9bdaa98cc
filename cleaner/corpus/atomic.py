"""Atomic file replacement: a temporary file in the same folder, fsync, os.replace.

On any failure the temporary file is removed and the original stays untouched. The temporary
file is named ``.NAME.cleaner-tmp-XXXXXXXX``: one a killed run left behind is recognisable, and
``remove_leftovers`` (run by the next ``fix`` in that folder) removes those older than the run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from .snapshot import Snapshot, unchanged

log = logging.getLogger(__name__)

TMP_MARK = ".cleaner-tmp-"
_LEFTOVER = re.compile(r"\..+" + re.escape(TMP_MARK) + r"[a-z0-9_]{8}")


class FileChanged(OSError):
    """The file is no longer what was read: someone changed it while cleaner ran."""


def write_atomic(path: Path, data: bytes, expect: Snapshot | None = None) -> None:
    """Replace the file's content. A symbolic link is followed: its target is edited and the
    link stays. The new file takes the old one's mode and (when allowed) owner. A file with
    more than one hard link is rewritten in place once the new content is safely on disk
    beside it, so that every name keeps seeing the same file (replacing it would split them).
    With ``expect``, the file must still be as it was read (size, mtime, content) just before it
    is replaced, else FileChanged is raised and the file is left as it is."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve(strict=True)
    st = path.stat()
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{TMP_MARK}")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            shutil.copymode(path, tmp)
        with contextlib.suppress(OSError):
            os.chown(tmp, st.st_uid, st.st_gid)
        if expect is not None and not unchanged(path, expect):
            raise FileChanged(f"{path}: changed while cleaner ran")
        if st.st_nlink > 1:
            with path.open("r+b") as fh:
                fh.write(data)
                fh.truncate()
                fh.flush()
                os.fsync(fh.fileno())
            tmp.unlink()
        else:
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def remove_leftovers(folder: Path, before: float) -> int:
    """Remove the temporary files an interrupted run left in ``folder``: regular files named
    ``.NAME.cleaner-tmp-XXXXXXXX`` last modified before ``before`` (the run's start, a timestamp);
    returns how many went."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not _LEFTOVER.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < before:
                os.unlink(entry.path)
                removed += 1
        except OSError as exc:
            log.warning("%s: leftover temporary file not removed: %s", entry.path, exc.strerror or exc)
    return removed
