"""tail.link-residue's gate before its verb-of-looking pattern (issue 13) decides nothing: where
``_may_look`` says no, ``_look_residue`` finds nothing; the heuristic finds the same with the gate
as without it, in other scripts, with a dotless ı, a soft hyphen, no-break spaces and line breaks;
and it lets through the link texts it must find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, tails
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
HEURISTIC = next(h for h in HEURISTICS if h.id == "tail.link-residue")
VERBS = BOOK.words("tail.link-verbs", None)
BODY = "The council met on Tuesday and agreed to extend the opening hours of the city library."


def _found(text: str) -> list[tuple[int | None, int | None, str]]:
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    return [(r.start, r.end, r.reason) for r in HEURISTIC.run(ctx, HEURISTIC)]


def _both(text: str) -> list[tuple[int | None, int | None, str]]:
    tails._GATED = False
    try:
        plain = _found(text)
    finally:
        tails._GATED = True
    assert _found(text) == plain
    return plain


def test_verbs_hold_no_stop() -> None:
    assert not tails._verbs_stop(VERBS)  # else the gate is off, and costs nothing to keep


ENDINGS = [
    " See the survey",
    " Δείτε την έρευνα",
    "\u00a0View Full Profile",
    "\t\tWatch the video",
    "\u201d Read more",
    " Смотрите также",
    " Okuyun ılık haberleri",
    " Re\u00adad the report",
    ". See.",
    " See: the report",
    "",
    " and more",
    "\n See the survey",
    " See the survey\n",
]


@pytest.mark.parametrize("ending", ENDINGS)
def test_gate_changes_nothing(ending: str) -> None:
    _both(BODY + ending)
    tail = (BODY + ending)[-400:]
    if not tails._may_look(tail):
        assert tails._look_residue(VERBS).search(tail) is None


def test_gate_lets_link_texts_through() -> None:
    assert _both(BODY + " See the survey")
    assert _both(BODY + " Δείτε την έρευνα")


_PIECES = st.sampled_from(
    [
        "See",
        "see",
        "the",
        "survey",
        "Δείτε",
        "ılık",
        "мост",
        "re\u00adad",
        ".",
        "!",
        "?",
        ":",
        ";",
        "|",
        "\u0964",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\n",
        "\u201d",
        "'",
        ")",
        "»",
        "x",
        "Word",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_gate_property(ending: str) -> None:
    tail = (BODY + ending)[-400:]
    if not tails._may_look(tail):
        assert tails._look_residue(VERBS).search(tail) is None
    _both(BODY + ending)
