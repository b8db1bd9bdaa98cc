"""Refuse an output that would overwrite an input, before anything is opened for writing."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from cleaner.errors import InputError

from .readers import DOC_SUFFIXES


def refuse_output_among_inputs(inputs: Sequence[Path], output: Path) -> None:
    """Raise InputError when ``output`` is an input: the same path, a symlink to it, a hard
    link (same inode), or a document file inside an input folder (it would be read back)."""
    out_real = Path(os.path.realpath(output))
    for p in inputs:
        real = Path(os.path.realpath(p))
        if real == out_real or _same_file(p, output):
            raise InputError(f"{output}: is also an input ({p}); refusing to overwrite it")
        if real.is_dir() and out_real.suffix.lower() in DOC_SUFFIXES and out_real.is_relative_to(real):
            raise InputError(f"{output}: is inside the input folder {p}; refusing to read back what is written")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False
