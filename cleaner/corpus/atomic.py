"""Atomic file replacement: a temporary file in the same folder, fsync, os.replace.

On any failure the temporary file is removed and the original stays untouched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file's content. A symbolic link is followed: its target is edited and the
    link stays. The new file takes the old one's mode and (when allowed) owner. A file with
    more than one hard link is rewritten in place once the new content is safely on disk
    beside it, so that every name keeps seeing the same file (replacing it would split them)."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve(strict=True)
    st = path.stat()
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
