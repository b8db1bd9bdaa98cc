"""Which files batch, check and fix look at: one walker, one extension table, gitignore semantics.

Patterns (``include``, ``exclude``, ``extend-exclude``, ``--exclude``) are gitignore patterns
(pathspec, as black and ruff use) relative to the configuration file's folder: ``drafts``
matches a folder or file of that name at any depth, ``/drafts`` only at the top, ``*.tmp``
any such file, ``articles/**/*.md`` what it says. ``.gitignore`` files in the walked folders
and above them (up to the repository's root) are respected unless ``respect_gitignore`` is
off. Files named on the command line obey the excludes, and ``include`` too when
``force_exclude`` is on (pre-commit names files one by one: the hooks pass ``--force-exclude``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pathspec import GitIgnoreSpec

log = logging.getLogger(__name__)

SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"})
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DOC_SUFFIXES = (".txt", ".html", ".htm")  # documents batch reads from a folder


def resolved(path: Path) -> Path:
    """``path.resolve()``, or its absolute form when it is a symbolic link loop (which check and
    fix skip with a line; resolving it raises)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


@dataclass(frozen=True)
class FileSelection:
    extensions: tuple[str, ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    root: Path | None = None  # patterns are relative to it (the configuration file's folder)
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    skipped: list[Path] = field(default_factory=list, compare=False, hash=False)  # files left out by extension

    @cached_property
    def _include(self) -> GitIgnoreSpec | None:
        return GitIgnoreSpec.from_lines(self.include) if self.include else None

    @cached_property
    def _exclude(self) -> GitIgnoreSpec | None:
        lines = self.exclude + self.extend_exclude
        return GitIgnoreSpec.from_lines(lines) if lines else None

    def _rel(self, path: Path) -> str:
        p = resolved(path)
        root = (self.root or Path.cwd()).resolve()
        try:
            return p.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    def excluded(self, path: Path, *, folder: bool = False) -> bool:
        if self._exclude is None:
            return False
        rel = self._rel(path)
        return self._exclude.match_file(rel + "/" if folder else rel) or self._exclude.match_file(path.name)

    def wanted(self, path: Path, *, explicit: bool) -> bool:
        if path.suffix.lower() not in self.extensions:
            self.skipped.append(path)
            return False
        if self.excluded(path):
            return False
        if explicit and not self.force_exclude:
            return True
        return self._include is None or self._include.match_file(self._rel(path))


@dataclass
class _Ignores:
    """The .gitignore files that apply: (folder, its patterns), outermost first."""

    specs: list[tuple[Path, GitIgnoreSpec]] = field(default_factory=list)
    read: dict[Path, GitIgnoreSpec | None] = field(default_factory=dict)  # each .gitignore read once per walk

    def add(self, folder: Path) -> None:
        if folder not in self.read:
            self.read[folder] = _read_gitignore(folder / ".gitignore")
        spec = self.read[folder]
        if spec is not None:
            self.specs.append((folder, spec))

    def ignored(self, path: Path, *, folder: bool = False) -> bool:
        for base, spec in self.specs:
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            if spec.match_file(rel + "/" if folder else rel):
                return True
        return False


def _read_gitignore(path: Path) -> GitIgnoreSpec | None:
    try:
        return GitIgnoreSpec.from_lines(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        log.warning("%s: cannot read: %s", path, exc.strerror or exc)
        return None


def _ignores_above(folder: Path) -> _Ignores:
    """The .gitignore files from the repository's root (the nearest folder with .git) down to ``folder``."""
    here = folder.resolve()
    chain = [here, *here.parents]
    top = next((i for i, d in enumerate(chain) if (d / ".git").exists()), None)
    ignores = _Ignores()
    if top is None:
        ignores.add(here)
        return ignores
    for d in reversed(chain[: top + 1]):
        ignores.add(d)
    return ignores


def iter_files(paths: list[Path], selection: FileSelection) -> Iterator[Path]:
    """Files named on the command line (if wanted), folders walked (sorted, pruned early)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, selection)
        elif not path.exists() or selection.wanted(path, explicit=True):  # a missing file is an error later
            yield path
        else:
            log.info("%s: skipped (extension, include or exclude)", path)


def _walk(top: Path, selection: FileSelection) -> Iterator[Path]:
    ignores = _ignores_above(top) if selection.respect_gitignore else _Ignores()
    depth0 = len(ignores.specs)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(top):
        here = Path(dirpath)
        if selection.respect_gitignore and here.resolve() != top.resolve():
            del ignores.specs[depth0:]  # approximate: keep the specs above the walk, re-add this folder's chain
            for d in _chain_below(top, here):
                ignores.add(d.resolve())
        keep = []
        for d in sorted(dirnames):
            sub = here / d
            if d in SKIP_DIRS or selection.excluded(sub, folder=True) or ignores.ignored(resolved(sub), folder=True):
                log.info("%s: skipped (excluded folder)", sub)
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            p = here / name
            if ignores.ignored(resolved(p)):
                continue
            if selection.wanted(p, explicit=False):
                found.append(p)
    yield from sorted(found)


def _chain_below(top: Path, folder: Path) -> list[Path]:
    """The folders from just below ``top`` down to ``folder``."""
    rel = folder.relative_to(top)
    return [top.joinpath(*rel.parts[: i + 1]) for i in range(len(rel.parts))]
