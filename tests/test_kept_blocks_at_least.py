"""``Context.kept_at_least(n)`` answers as a heuristic's two checks did: ``len(ctx.blocks) < n``
(nothing read), then ``kept_blocks()`` and ``len(kept) < n`` (the decisions read): the same blocks
or none, the same note of the read (issue 13)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics.base import Context
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
_LINES = [
    "Home | News",
    "The council met on Tuesday.",
    "",
    "   ",
    "İstanbul'da yağmur",
    "Straße gesperrt",
    "Новости дня",
    "Ειδήσεις",
    "soft\u00adhyphen",
    "新闻报道",
    "ข่าววันนี้",
    "- item",
    "## Head",
]


def _context(lines: list[str], gone: list[int], reads: list[bool]) -> Context:
    text = "\n\n".join(lines)
    blocks = tuple(segment(text))
    prior = tuple(
        Removal("test.block", "nav", "a test", "rule", b.content, 1.0, start=b.start, end=b.end, block=b.index)
        for b in blocks
        if b.index in gone
    )
    return Context(text, blocks, None, BOOK, Config(), (), prior=prior, reads=reads)


def _two_checks(ctx: Context, n: int) -> tuple:
    if len(ctx.blocks) < n:
        return ()
    kept = ctx.kept_blocks()
    if len(kept) < n:
        return ()
    return kept


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), max_size=10),
    st.lists(st.integers(0, 9), max_size=6),
    st.integers(0, 8),
)
def test_at_least_answers_and_notes_as_the_two_checks(lines: list[str], gone: list[int], n: int) -> None:
    before, after = [False], [False]
    expected = _two_checks(_context(lines, gone, before), n)
    got = _context(lines, gone, after).kept_at_least(n)
    assert got == expected
    assert after == before


def test_kept_blocks_is_every_kept_block() -> None:
    reads = [False]
    ctx = _context(["One line here.", "   ", "Another line."], [0], reads)
    assert [b.content for b in ctx.kept_blocks()] == ["Another line."]
    assert reads == [True]
