"""Which files check and fix look at: extensions, include and exclude globs, folders walked."""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"})


@dataclass(frozen=True)
class FileSelection:
    extensions: tuple[str, ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    root: Path | None = None  # globs are relative to it (the configuration file's folder)

    def _rel(self, path: Path) -> str:
        p = path.resolve()
        root = (self.root or Path.cwd()).resolve()
        try:
            return p.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    def excluded(self, path: Path) -> bool:
        rel = self._rel(path)
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.name, g) for g in self.exclude)

    def wanted(self, path: Path, *, explicit: bool) -> bool:
        if path.suffix.lower() not in self.extensions or self.excluded(path):
            return False
        if explicit or not self.include:
            return True
        rel = self._rel(path)
        return any(fnmatch.fnmatch(rel, g) for g in self.include)


def iter_files(paths: list[Path], selection: FileSelection) -> Iterator[Path]:
    """Files named on the command line (if their extension is wanted), folders walked, sorted."""
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
                for name in filenames:
                    p = Path(dirpath) / name
                    if selection.wanted(p, explicit=False):
                        found.append(p)
            yield from sorted(found)
        elif not path.exists() or selection.wanted(path, explicit=True):  # a missing file is an error later
            yield path
        else:
            log.info("%s: skipped (extension or exclude)", path)
