"""``blocks._add_line`` (one unmarked line written out) finds the block ``_add`` finds for it:
``segment`` with it and with ``_add`` in its place gives the same blocks, on lines with white
space of every kind at their ends, in several scripts (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.blocks as blocks_mod
from cleaner.blocks import segment
from cleaner.model import Block

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _add_in(text: str, line: str, at: int, out: list[Block]) -> None:
    assert text[at : at + len(line)] == line
    heading, n = blocks_mod._heading_words(line.strip())
    kind = blocks_mod.HEADING if heading else blocks_mod.PARAGRAPH
    blocks_mod._add(text, at, at + len(line), kind, out, heading_like=heading, n_words=n)


_LINES = [
    "The council voted on Tuesday.",
    "Read More",
    "  indented line  ",
    "\u00a0nbsp at the start",
    "trailing nbsp\u00a0",
    "\u3000全角スペースの行\u3000",
    "\u2003em space\u2003",
    "\tTabbed Title Line\t",
    "Straße İstanbul ıslak IŞIK",
    "Городской совет проголосовал во вторник.",
    "Το δημοτικό συμβούλιο ψήφισε",
    "市议会周二决定延长图书馆的开放时间。",
    "สภาเมืองมีมติเมื่อวันอังคาร",
    "soft\u00adhyphen Title",
    "ALL CAPS LINE",
    "lower case line that continues",
    "- a bullet",
    "## A Heading",
    "> a quote",
    "x",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), max_size=12),
    st.lists(st.sampled_from(["\n", "\n\n", "\n \n", "\n\u00a0\n", "\n\t\n\n"]), max_size=12),
    st.sampled_from(["", " ", "\t", "\u00a0", "\n"]),
)
def test_a_line_is_the_block_add_makes_of_it(lines: list[str], seps: list[str], lead: str) -> None:
    text = lead + "".join(line + (seps[i] if i < len(seps) else "\n") for i, line in enumerate(lines))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(blocks_mod, "_add_line", lambda line, at, out: _add_in(text, line, at, out))
        before = segment(text)
    assert segment(text) == before


def test_wild_dev_segments_as_through_add() -> None:
    if not (DATA / "wild-dev").exists():
        pytest.skip("shared data not available")
    from bench.datasets import load_wild
    from cleaner.normalize import normalize

    for article in load_wild(DATA):
        text = normalize(article.raw).text
        with pytest.MonkeyPatch.context() as m:
            m.setattr(blocks_mod, "_add_line", lambda line, at, out, text=text: _add_in(text, line, at, out))
            before = segment(text)
        assert segment(text) == before
