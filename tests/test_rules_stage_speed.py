"""The rules stage skips work it can tell is idle (issue 13), and decides what it decided before:
what the rules find on a view is kept per content (``TextPlan.seen``); the view's index back
into the block is worked out only when a rule hits; a view of what cuts left counts its words
only as far as a rule tells them apart (``TextPlan.word_cap``); ``regex`` is passed its
arguments by position."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.match import _find, apply_rules, apply_rules_again, cut_view, rule_view, words_capped
from cleaner.plan import NO_LIMIT, TextPlan, text_plan
from cleaner.rulebook import iter_examples, load_rulebook
from cleaner.text import count_words

BOOK = load_rulebook(Config())
TEXT_RULES = [r for r in BOOK.rules if r.stage == "text"]
EXAMPLES = sorted({ex for _, ex, _ in iter_examples(TEXT_RULES)})
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


# -- what the rules find, kept per view --------------------------------------------------------


def _decisions(text: str, plan: TextPlan) -> list[tuple[str, int | None, int | None]]:
    return [(r.rule, r.start, r.end) for r in apply_rules(text, segment(text), plan, 1.0).removals]


def test_findings_kept_per_view_are_what_a_fresh_plan_finds() -> None:
    plan = text_plan(BOOK, "en")
    texts = EXAMPLES + [f.read_text(encoding="utf-8") for f in sorted(SAMPLES.glob("*.txt"))]
    for text in texts:
        warm = _decisions(text, plan)
        again = _decisions(text, plan)  # from the kept findings
        fresh = _decisions(text, TextPlan.build(plan.rules))
        assert warm == again == fresh
    assert plan.seen


def test_a_view_whose_pattern_timed_out_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = TextPlan.build(text_plan(BOOK, "en").rules)
    block = segment("Also Read: the council votes on the budget")[0]
    warnings: list[str] = ["rule x timed out"]
    import cleaner.match as match

    def timing_out(*args: object) -> tuple:
        args[3].append("rule y timed out on block 0; skipped there")  # type: ignore[union-attr]
        return ()

    monkeypatch.setattr(match, "_find", timing_out)
    assert match._on_view(block.content, block, rule_view(block), plan, 1.0, warnings) == []
    assert not plan.seen


def test_findings_hold_view_offsets_and_map_to_each_block() -> None:
    """The same line in two places of a text (and so at two offsets) is cut at each."""
    plan = text_plan(BOOK, "en")
    text = "Advertisement\n\nThe council met on Tuesday.\n\nAdvertisement"
    got = _decisions(text, plan)
    assert [(s, e) for _, s, e in got] == [(0, 13), (len(text) - 13, len(text))]
    assert _find(segment(text)[0], plan, 1.0, []) == _find(segment(text)[-1], plan, 1.0, [])


# -- views -------------------------------------------------------------------------------------


def test_the_index_of_a_view_is_worked_out_when_asked() -> None:
    block = segment("One t\u00adwo \u09dc three.")[0]
    view = rule_view(block)
    assert "index" not in vars(view)
    assert view.index is not None and len(view.index) == len(view.block.content)
    assert all(block.content[i] in (c, "\u09dc") for i, c in zip(view.index, view.block.content, strict=True))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "bb", "漢字", "ไทย", " ", "\n", "x1"]), max_size=40).map("".join), st.integers(0, 12)
)
def test_words_capped_is_the_count_up_to_the_cap(text: str, cap: int) -> None:
    assert words_capped(text, cap) == min(count_words(text), cap + 1)


def test_a_cut_view_counted_up_to_the_cap_decides_as_counted_in_full() -> None:
    plan = text_plan(BOOK, "en")
    assert plan.word_cap > max(r.max_words or 0 for r in plan.rules if r.scope == "block")
    uncapped = replace(TextPlan.build(plan.rules), word_cap=NO_LIMIT)
    long = " ".join(["word"] * (plan.word_cap + 5))
    for text in [f"{long} Also Read: More news here", f"Advertisement {long}", "Read more " + long]:
        block = segment(text)[0]
        cuts = [(0, 4)]
        capped = cut_view(text, block, cuts, plan.word_cap)
        full = cut_view(text, block, cuts)
        assert capped is not None and full is not None
        assert capped.block.n_words == plan.word_cap + 1 < full.block.n_words
        assert _find(capped.block, plan, 1.0, []) == _find(full.block, uncapped, 1.0, [])
        assert apply_rules_again(text, [block], {0: cuts}, plan, 1.0) == apply_rules_again(
            text, [block], {0: cuts}, uncapped, 1.0
        )


def test_regex_takes_the_arguments_the_rules_stage_passes_by_position() -> None:
    """``cleaner.match`` passes ``regex`` its arguments by position (keywords cost a microsecond):
    partial fifth and timeout sixth for ``match`` and ``search``, seventh for ``finditer``."""
    p = regex.compile("ab")
    hit = p.match("a", None, None, None, True, None)
    assert hit is not None and hit.partial
    assert p.search("xab", None, None, None, False, 1.0).span() == (1, 3)
    assert [m.span() for m in p.finditer("abab", None, None, False, None, False, 1.0)] == [(0, 2), (2, 4)]
    for call in (
        lambda: p.match("ab", None, None, None, False, "x"),
        lambda: p.search("ab", None, None, None, False, "x"),
        lambda: list(p.finditer("ab", None, None, False, None, False, "x")),
    ):
        with pytest.raises(ValueError, match="timeout"):
            call()
    slow = regex.compile(r"(?:a|a)*$")
    with pytest.raises(TimeoutError):
        slow.search("a" * 40 + "!", None, None, None, False, 0.01)
