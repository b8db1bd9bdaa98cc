"""Suppressions for check and fix: an inline keep marker, and a baseline file of known findings.

Inline marker, for text and Markdown (an HTML comment, invisible when Markdown is rendered):
``<!-- cleaner: keep -->`` on a line of its own keeps the block after it (up to the next blank
line); at the end of a line (or ``cleaner: noqa`` there) it keeps that line. A removal that
touches a kept span is dropped: check does not report it and fix does not remove it.

Baseline: ``check --write-baseline FILE`` records the current findings (path, rule, a hash of
the removed text; no line numbers, so edits elsewhere do not invalidate it) and
``check --baseline FILE`` reports only findings beyond those.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from cleaner.errors import InputError
from cleaner.model import Removal

KEEP_MARKER = re.compile(r"<!--\s*cleaner:\s*keep\s*-->|\bcleaner:\s*noqa\b", re.IGNORECASE)
BASELINE_VERSION = 1


def kept_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that keep markers protect."""
    spans = []
    for m in KEEP_MARKER.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if text[start : m.start()].strip() or text[m.end() : end].strip():
            spans.append((start, end))  # trailing form: this line
            continue
        block = end
        while block < len(text) and text[block] in "\r\n \t":
            block += 1
        stop = text.find("\n\n", block)
        spans.append((start, len(text) if stop < 0 else stop))
    return spans


def unsuppressed(removals: Sequence[Removal], spans: Sequence[tuple[int, int]]) -> tuple[Removal, ...]:
    """The removals that touch no kept span (a removal without offsets is kept as it is)."""
    if not spans:
        return tuple(removals)

    def touches(r: Removal) -> bool:
        if r.start is None or r.end is None:
            return False
        return any(r.start < e and s < r.end for s, e in spans)

    return tuple(r for r in removals if not touches(r))


def fingerprint(path: str, rule: str, text: str) -> str:
    folded = " ".join(text.split()).casefold()
    digest = hashlib.blake2b(folded.encode("utf-8"), digest_size=8).hexdigest()
    return f"{Path(path).as_posix()}\t{rule}\t{digest}"


def write_baseline(path: Path, findings: Iterable[Any]) -> int:
    """Write the findings (objects with path, rule, text, snippet) as a baseline; return how many."""
    rows = sorted(
        (
            {
                "path": Path(f.path).as_posix(),
                "rule": f.rule,
                "hash": fingerprint(f.path, f.rule, f.text).rsplit("\t", 1)[1],
                "snippet": f.snippet,
            }
            for f in findings
        ),
        key=lambda r: (r["path"], r["rule"], r["hash"]),
    )
    data = {"cleaner-baseline": BASELINE_VERSION, "findings": rows}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(rows)


def read_baseline(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("cleaner-baseline") != BASELINE_VERSION:
        raise InputError(f"{path}: not a cleaner baseline (version {BASELINE_VERSION})")
    return Counter(f"{r['path']}\t{r['rule']}\t{r['hash']}" for r in data.get("findings", []))


class Baseline:
    """Known findings, each matched at most as many times as it was recorded."""

    def __init__(self, known: Counter[str]) -> None:
        self.left = Counter(known)
        self.matched = 0

    def new(self, findings: Iterable[Any]) -> tuple[Any, ...]:
        out = []
        for f in findings:
            key = fingerprint(f.path, f.rule, f.text)
            if self.left[key] > 0:
                self.left[key] -= 1
                self.matched += 1
            else:
                out.append(f)
        return tuple(out)
