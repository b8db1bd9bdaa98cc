"""tail.link-residue asks its gap pattern only of a text whose end holds what a gap needs (issue 13):
where ``_may_have_gap`` says no, the pattern finds nothing, however long the fragment before it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.heuristics.tails import _GAP_REACH, _RESIDUE, _may_have_gap

PIECES = ["It rained", ".", " ", "  ", "\t", "\u00a0", "( )", "(", ")", "[]", "[", "]", "\n", "x" * 40, "y" * 75]
PIECES += ["Read more", "scharf", "kritisiert.", "4,0%", "\u201c", "—Name", "#tag", "é", "Δείτε"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_no_gap_at_the_end_no_residue(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not _may_have_gap(text):
        assert _RESIDUE.forward.search(text) is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["  ", "\t", "\u00a0", "( )", "[ ]", " \u00a0 "]), st.integers(1, 150), st.booleans())
def test_a_gap_as_far_as_a_fragment_reaches_is_seen(gap: str, n: int, newline: bool) -> None:
    text = "The mayor spoke." + gap + ("x " * 80)[:n].rstrip() + ("\n" if newline else "")
    if _RESIDUE.forward.search(text):
        assert _may_have_gap(text)
    assert len(gap) + 152 + 1 < _GAP_REACH
