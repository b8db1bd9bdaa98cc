"""Raw against clean: the normalized input as segments, each removed piece marked in place."""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.model import Removal
from cleaner.result import Result, restore


@dataclass(frozen=True)
class Segment:
    text: str
    removal: Removal | None = None  # None: kept (or layout whitespace)


def segments(result: Result) -> list[Segment]:
    source = restore(result)
    out: list[Segment] = []
    pos = 0
    for r in sorted((r for r in result.removed if r.start is not None), key=lambda r: r.start):  # type: ignore[arg-type,return-value]
        if r.start > pos:  # type: ignore[operator]
            out.append(Segment(source[pos : r.start]))
        out.append(Segment(source[r.start : r.end], r))
        pos = r.end  # type: ignore[assignment]
    if pos < len(source):
        out.append(Segment(source[pos:]))
    return out


def render_plain(result: Result) -> str:
    """Markers a terminal without colour (or a file) can show: [-removed-]{rule: reason}."""
    parts: list[str] = []
    for r in result.removed:
        if r.stage == "html":
            parts.append(f"[-{_one_line(r.text)}-]{{{r.rule}: {r.reason}}} (html: {r.selector})\n")
    for seg in segments(result):
        if seg.removal is None:
            parts.append(seg.text)
        else:
            parts.append(f"[-{seg.text}-]{{{seg.removal.rule}: {seg.removal.reason}}}")
    return "".join(parts)


def _one_line(text: str, limit: int = 120) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "\u2026"
