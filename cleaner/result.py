"""Stage 6: the clean text and the record; ``restore`` rebuilds the normalized input.

Layout: ``kept`` lists ``[start, end, clean_start]`` for each kept piece (offsets into the
normalized text and into the clean text); ``gaps`` lists ``[start, text]`` for what is
neither kept nor removed (whitespace between blocks, Markdown heading markers). Kept +
removed + gaps cover the normalized text exactly, so it can be rebuilt.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cleaner.model import HEADING, Block, InputInfo, Language, PageMetadata, Removal

SCHEMA_ID = "cleaner.record/1"


@dataclass(frozen=True)
class Result:
    text: str
    removed: tuple[Removal, ...]
    candidates: tuple[Removal, ...]
    lang: Language
    input: InputInfo
    normalization: tuple[tuple[str, str], ...]
    kept: tuple[tuple[int, int, int], ...]
    gaps: tuple[tuple[int, str], ...]
    blocks: tuple[Block, ...]
    paths: tuple[tuple[str, str], ...] = ()  # which path each stage took, e.g. ("normalize", "ascii-skip")
    warnings: tuple[str, ...] = ()
    error: str | None = None
    metadata: PageMetadata | None = None  # HTML input: title, author, date, site name; None for text

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(r.category for r in self.removed).items()))

    def render(self, *, markdown: bool = False) -> str:
        """The clean text; with ``markdown`` headings are written as ``## ...``."""
        if not markdown:
            return self.text
        out: list[str] = []
        for block_text, block in self._kept_blocks():
            if block.kind == HEADING:
                out.append("#" * (block.level or 2) + " " + block_text)
            else:
                out.append(block_text)
        return "\n\n".join(out)

    def _kept_blocks(self) -> list[tuple[str, Block]]:
        by_block: dict[int, list[str]] = {}
        for s, e, c in self.kept:
            idx = _block_at(self.blocks, s)
            by_block.setdefault(idx, []).append(self.text[c : c + (e - s)])
        return [("".join(parts), self.blocks[i]) for i, parts in by_block.items()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "candidates": [r.to_dict() for r in self.candidates],
            "lang": self.lang.to_dict(),
            "input": self.input.to_dict(),
            "normalization": list(map(list, self.normalization)),
            "counts": self.counts if self.removed else {},
            "layout": {"kept": list(map(list, self.kept)), "gaps": list(map(list, self.gaps))},
            "paths": dict(self.paths),
            "warnings": list(self.warnings),
            "error": self.error,
            "metadata": self.metadata.to_dict() if self.metadata is not None else None,
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def _repr_html_(self) -> str:
        """Jupyter: the report's article view, in a sandboxed frame (its script runs isolated from the notebook)."""
        from html import escape

        from cleaner.report import result_html

        page = result_html(self)
        return (
            f'<iframe sandbox="allow-scripts" srcdoc="{escape(page, quote=True)}" title="cleaner report" '
            'style="width: 100%; height: 720px; border: 1px solid #d8dde3;"></iframe>'
        )


def _block_at(blocks: Sequence[Block], pos: int) -> int:
    lo, hi = 0, len(blocks) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if blocks[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _separator(text: str, end: int, start: int) -> str:
    """The line breaks of the text between a kept piece ending at ``end`` and the next starting at
    ``start``: all of it when it is only white space with a line break, else its white space up to
    what was removed (a blank line when that holds no line break), or the blank line after it when
    only that one parts them (no blank line before it)."""
    gap = text[end:start]
    if not gap.strip() and "\n" in gap:
        return gap
    lead = gap[: len(gap) - len(gap.lstrip())]
    # the white space before the next piece's line: a Markdown heading's kept piece starts after
    # its marker, which ends the gap ('… \n\n## ') and would hide the blank line before it
    before = gap[: gap.rfind("\n") + 1]
    trail = before[len(before.rstrip()) :]
    if trail.count("\n") >= 2 > lead.count("\n"):
        # a blank line after what was removed parts the two pieces as it parted the blocks
        # ('… the.\nAlso Read: …\n\nREAD MORE …'): one line break would join them into one block
        # for the next cleaning, which then reads them otherwise
        return trail
    return lead if "\n" in lead and not lead.endswith((" ", "\t")) else "\n\n"


def assemble(
    text: str, blocks: Sequence[Block], removed: Sequence[Removal], *, keep_breaks: bool = False
) -> tuple[str, tuple, tuple]:
    """Cut the removals out of the blocks; join what is left of each block with a blank line.

    With ``keep_breaks`` (text input) two kept blocks are joined by the text's own line breaks
    between them, so a text nothing is removed from comes out byte for byte; where a removal stood
    between them, by the breaks that followed the first of the two (or the blank line after the removal
    when only that one parted them)."""
    spans = sorted((r.start, r.end) for r in removed if r.start is not None)  # type: ignore[misc]
    n_spans = len(spans)
    kept: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    clean_len = 0
    k = 0
    for b in blocks:
        lo, hi = (
            (b.content_start, b.content_end) if b.kind == HEADING and b.source_hint == "markdown" else (b.start, b.end)
        )
        while k < n_spans and spans[k][1] <= lo:
            k += 1
        if (k == n_spans or spans[k][0] >= hi) and lo < hi and not text[lo].isspace() and not text[hi - 1].isspace():
            segs = [(lo, hi)]  # no cut in it (most blocks): the block whole, nothing to trim at its edges
        else:
            segs = []
            pos = lo
            j = k
            while j < n_spans and spans[j][0] < hi:
                s, e = spans[j]
                if s > pos:
                    segs.append((pos, s))
                pos = max(pos, e)
                j += 1
            if pos < hi:
                segs.append((pos, hi))
            segs = _trimmed([(s, e) for s, e in segs if e > s], text)
            if not segs:
                continue
        if pieces:
            sep = _separator(text, kept[-1][1], segs[0][0]) if keep_breaks else "\n\n"
            pieces.append(sep)
            clean_len += len(sep)
        for s, e in segs:
            kept.append((s, e, clean_len))
            pieces.append(text[s:e])
            clean_len += e - s
    covered = sorted([(s, e) for s, e, _ in kept] + list(spans))
    gaps: list[tuple[int, str]] = []
    pos = 0
    for s, e in covered:
        if s > pos:
            gaps.append((pos, text[pos:s]))
        pos = max(pos, e)
    if pos < len(text):
        gaps.append((pos, text[pos:]))
    return "".join(pieces), tuple(kept), tuple(gaps)


def _trimmed(segs: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A block's kept pieces without the whitespace at their outer edges (cuts at a block's
    ends can leave it: cleaning the clean text again would take it); that whitespace becomes
    a gap of the layout. Empty when nothing but whitespace is left."""
    while segs:
        s, e = segs[0]
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            segs[0] = (s, e)
            break
        segs.pop(0)
    while segs:
        s, e = segs[-1]
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            segs[-1] = (s, e)
            break
        segs.pop()
    return segs


def restore(record: Result | dict[str, Any]) -> str:
    """Rebuild the normalized input (the extracted text, for HTML) from a record."""
    d = record.to_dict() if isinstance(record, Result) else record
    if d.get("schema") != SCHEMA_ID:
        raise ValueError(f"not a cleaner record (schema {d.get('schema')!r}, expected {SCHEMA_ID!r})")
    clean = d["text"]
    parts: list[tuple[int, str]] = [(s, clean[c : c + (e - s)]) for s, e, c in d["layout"]["kept"]]
    parts += [(s, t) for s, t in d["layout"]["gaps"]]
    parts += [(r["start"], r["text"]) for r in d["removed"] if r.get("start") is not None]
    parts.sort(key=lambda p: p[0])
    out: list[str] = []
    pos = 0
    for s, t in parts:
        if s != pos:
            raise ValueError(f"record layout is inconsistent at offset {s} (expected {pos})")
        out.append(t)
        pos += len(t)
    return "".join(out)
