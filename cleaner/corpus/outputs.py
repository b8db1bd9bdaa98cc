"""Output files compressed by their suffix: .gz, .zst/.zstd, .bz2, .xz (anything else: plain)."""

from __future__ import annotations

import bz2
import gzip
import lzma
from pathlib import Path
from typing import BinaryIO

COMPRESSORS = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd", ".bz2": "bzip2", ".xz": "xz"}


def output_compression(path: Path) -> str:
    """'gzip', 'zstd', 'bzip2', 'xz' or 'plain', from the suffix."""
    return COMPRESSORS.get(path.suffix.lower(), "plain")


def open_output(path: Path) -> BinaryIO:
    """A binary file for writing, compressing as the suffix says; closing it ends the stream."""
    kind = output_compression(path)
    if kind == "gzip":
        return gzip.open(path, "wb", compresslevel=6)  # type: ignore[return-value]
    if kind == "bzip2":
        return bz2.open(path, "wb")  # type: ignore[return-value]
    if kind == "xz":
        return lzma.open(path, "wb")  # type: ignore[return-value]
    if kind == "zstd":
        import zstandard

        return zstandard.ZstdCompressor(level=3).stream_writer(path.open("wb"), closefd=True)  # type: ignore[return-value]
    return path.open("wb", buffering=1 << 16)
