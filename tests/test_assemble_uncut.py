"""``assemble`` takes a block no cut reaches whole, without cutting and trimming it: the clean text
and the layout are those of the form that cut and trimmed every block, on invented documents
(Markdown headings, bullets, spaces of every kind at block edges, several scripts) with removals
anywhere (issue 13)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.blocks import segment
from cleaner.model import HEADING, Block, Removal
from cleaner.result import _separator, _trimmed, assemble


def _assemble_before(
    text: str, blocks: Sequence[Block], removed: Sequence[Removal], *, keep_breaks: bool = False
) -> tuple[str, tuple, tuple]:
    spans = sorted((r.start, r.end) for r in removed if r.start is not None)
    kept: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    clean_len = 0
    k = 0
    for b in blocks:
        lo, hi = (
            (b.content_start, b.content_end) if b.kind == HEADING and b.source_hint == "markdown" else (b.start, b.end)
        )
        while k < len(spans) and spans[k][1] <= lo:
            k += 1
        segs: list[tuple[int, int]] = []
        pos = lo
        j = k
        while j < len(spans) and spans[j][0] < hi:
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


_LINES = [
    "# Heading one",
    "## Heading\u00a0",
    "#  \u3000Title with ideographic space\u3000",
    "- a bullet item",
    "> a quote",
    "The council met on Tuesday.",
    "İstanbul'da yağmur yağdı.",
    "Die Straße ist gesperrt.",
    "Новости дня: погода.",
    "Ειδήσεις της ημέρας.",
    "市议会周二投票。",
    "ข่าววันนี้",
    "soft\u00adhyphen line",
    "\u00a0 padded line \u2003",
    "",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=10),
    st.lists(st.tuples(st.integers(0, 9), st.integers(0, 40), st.integers(0, 40)), max_size=5),
    st.sampled_from(["\n\n", "\n", "\n \n"]),
    st.booleans(),
)
def test_assemble_is_the_form_that_cut_every_block(lines, cuts, joint, keep_breaks) -> None:
    text = joint.join(lines)
    blocks = segment(text)
    removed = []
    taken: list[tuple[int, int]] = []
    for i, a, z in cuts:
        if i < len(blocks):
            b = blocks[i]
            s = b.start + min(a, z) % (b.end - b.start + 1)
            e = b.start + max(a, z) % (b.end - b.start + 1)
            if all(e <= p or s >= q for p, q in taken):  # removals as settled: they do not overlap
                taken.append((s, e))
                removed.append(Removal("t.cut", "nav", "a cut", "rule", text[s:e], 1.0, start=s, end=e, block=i))
    assert assemble(text, blocks, removed, keep_breaks=keep_breaks) == _assemble_before(
        text, blocks, removed, keep_breaks=keep_breaks
    )
