"""fix's writes: what it refuses, what it leaves, what it tidies.

- a read-only file (no write permission for its owner, or none for us) is refused unless
  ``force`` is set;
- a file that changed after it was read (size, mtime or content) is left as it is;
- temporary files an interrupted run left (``.NAME.cleaner-tmp-XXXXXXXX``, older than this run)
  are removed from each folder the first time the run writes there or reads a file there.

Each case is one line on stderr, made by the caller from the outcome.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from .atomic import FileChanged, remove_leftovers, write_atomic
from .files import resolved
from .lint import FileReport
from .snapshot import read_only


class Written(Enum):
    FIXED = "fixed"
    READ_ONLY = "read-only"  # refused: --force rewrites it
    CHANGED = "changed"  # someone changed the file while cleaner ran: left as it is
    FAILED = "failed"  # an OSError; the file is untouched


@dataclass
class Rewriter:
    force: bool = False
    started: float = field(default_factory=time.time)
    tidied: dict[Path, int] = field(default_factory=dict)  # folder -> leftover temporary files removed

    def tidy(self, path: Path) -> int:
        """Remove leftovers of an interrupted run beside ``path`` (and its target, for a link),
        once per folder; returns how many went now."""
        removed = 0
        for folder in {path.parent, resolved(path).parent}:
            if folder not in self.tidied:
                self.tidied[folder] = remove_leftovers(folder, self.started)
                removed += self.tidied[folder]
        return removed

    def write(self, rep: FileReport) -> tuple[Written, str]:
        """Write ``rep.fixed`` over the file; the outcome and, when not fixed, why (one line)."""
        assert rep.fixed is not None
        if not self.force and read_only(rep.path):
            return Written.READ_ONLY, f"{rep.path}: read-only, not fixed (--force rewrites it)"
        try:
            write_atomic(rep.path, rep.fixed, rep.snapshot)
        except FileChanged:
            return Written.CHANGED, f"{rep.path}: changed while cleaner ran; left as it is (run fix again)"
        except OSError as exc:
            return Written.FAILED, f"{rep.path}: not fixed, left untouched: {exc.strerror or exc}"
        return Written.FIXED, ""
