"""Placing removals in the clean text when the raw text and the layout are not at hand.

A batch line today carries the clean text and each removal's offsets into the normalized
input, but not the input nor the layout. Between two removals, the input holds kept text and
whitespace between blocks; the clean text holds the same kept text joined by blank lines. So a
removal's place in the clean text is its start minus what was removed before it, give or take
the whitespace between blocks: the estimate is snapped to the nearest word boundary and the
drift carried forward. A removal that lands at a paragraph's edge and does not continue the
paragraph's words (no whitespace on that side) is shown as a block of its own.
"""

from __future__ import annotations

from typing import Any

WINDOW = 48  # how far (code points) an estimate may be moved to reach a word boundary
PARA_WINDOW = 4  # a paragraph edge this close wins over a nearer word boundary (Markdown markers, odd gaps)
BLOCK_GAP = "\n\n"


def _boundary(clean: str, pos: int) -> bool:
    if pos <= 0 or pos >= len(clean):
        return True
    return clean[pos - 1].isspace() or clean[pos].isspace()


def _para_start(clean: str, pos: int) -> bool:
    return pos == 0 or clean[max(0, pos - 2) : pos] == BLOCK_GAP


def _para_end(clean: str, pos: int) -> bool:
    return pos >= len(clean) or clean[pos : pos + 2] == BLOCK_GAP


def _snap(clean: str, est: int, floor: int) -> int:
    est = min(max(est, floor), len(clean))
    for d in range(PARA_WINDOW + 1):
        for pos in (est - d, est + d):
            if floor <= pos <= len(clean) and (_para_start(clean, pos) or _para_end(clean, pos)):
                return pos
    if _boundary(clean, est):
        return est
    for d in range(1, WINDOW + 1):
        for pos in (est - d, est + d):
            if floor <= pos <= len(clean) and _boundary(clean, pos):
                return pos
    return est


def placements(clean: str, removed: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(index into ``removed``, position in ``clean``) for each removal with offsets, in text order."""
    with_offsets = sorted(
        (i for i, r in enumerate(removed) if isinstance(r.get("start"), int) and isinstance(r.get("end"), int)),
        key=lambda i: removed[i]["start"],
    )
    out: list[tuple[int, int]] = []
    removed_before = 0
    drift = 0
    floor = 0
    for i in with_offsets:
        r = removed[i]
        est = r["start"] - removed_before + drift
        pos = _snap(clean, est, floor)
        if _para_start(clean, pos) and r["end"] - r["start"] > 0 and not str(r.get("text", "")).endswith((" ", "\n")):
            drift -= len(BLOCK_GAP)  # a whole block: the input had its gap too
        drift += pos - est
        removed_before += r["end"] - r["start"]
        out.append((i, pos))
        floor = pos
    return out


def approximate_ops(clean: str, removed: list[dict[str, Any]]) -> list[Any]:
    """The ops (see :mod:`cleaner.report.article`) of the clean text with the removals inserted."""
    ops: list[Any] = []
    pos = 0
    for i, at in placements(clean, removed):
        if at > pos:
            ops.append([pos, at])
        text = str(removed[i].get("text", ""))
        if _para_start(clean, at) and at < len(clean) and text and not text[-1].isspace():
            ops += [i, BLOCK_GAP]
        elif _para_end(clean, at) and at > 0 and text and not text[0].isspace():
            ops += [BLOCK_GAP, i]
        else:
            ops.append(i)
        pos = at
    if pos < len(clean):
        ops.append([pos, len(clean)])
    return ops
