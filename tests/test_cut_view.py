"""Rules looking again at what cuts leave of a block (``match.cut_view``, ``apply_rules_again``):
the pieces joined as the clean text joins them, and what rules find there mapped back to the
pieces with exact offsets, never over a cut between them."""

from __future__ import annotations

from cleaner import Config
from cleaner.match import apply_rules_again, cut_view
from cleaner.model import Block
from cleaner.plan import TextPlan, text_plan
from cleaner.rulebook import load_rulebook
from cleaner.text import count_words

PLAN = text_plan(load_rulebook(Config()), "en")
BY_ID = {r.id: r for r in PLAN.rules}


def block(text: str) -> Block:
    return Block(0, "paragraph", 0, len(text), 0, len(text), text, n_words=count_words(text))


def again(text: str, cuts: list[tuple[int, int]], *ids: str) -> list[tuple[str, str]]:
    plan = TextPlan.build(tuple(BY_ID[i] for i in ids))
    return [
        (r.rule, text[r.start : r.end]) for r in apply_rules_again(text, [block(text)], {0: cuts}, plan, 1.0).removals
    ]


def test_the_view_is_the_pieces_joined_without_outer_whitespace_and_invisible_characters():
    text = "  One t\u00adwo. CUT Three four. CUT2  "
    view = cut_view(text, block(text), [(text.index("CUT "), text.index("Three")), (text.index("CUT2"), len(text))])
    assert view is not None
    assert view.block.content == "One two. Three four."
    assert view.pieces == ((2, 12), (16, 27))
    assert all(text[i] == c for i, c in zip(view.index, view.block.content, strict=True))
    assert cut_view(text, block(text), [(0, 2), (2, len(text))]) is None


def test_a_span_match_after_a_cut_takes_none_of_the_cut():
    text = "The vote was close. Advertisement Also Read: Minister Quits Over Scandal"
    cut = (text.index("Advertisement"), text.index("Also"))
    assert again(text, [cut], "promo.inline-read") == [("promo.inline-read", "Also Read: Minister Quits Over Scandal")]
    assert again(text, [], "promo.inline-read") == []  # the block as it is: no sentence end before it


def test_a_match_across_a_cut_is_one_removal_per_piece():
    text = "The vote was close. Also XX Read: Minister Quits Over Scandal"
    cut = (text.index("XX"), text.index("Read"))
    found = again(text, [cut], "promo.inline-read")
    assert found == [("promo.inline-read", " Also "), ("promo.inline-read", "Read: Minister Quits Over Scandal")]


def test_invisible_characters_touching_a_match_inside_its_piece_go_with_it():
    text = "The vote was close. XX \u00adAlso Read: Minister Quits Over Scandal"
    cut = (text.index("XX"), text.index("XX") + 3)
    assert again(text, [cut], "promo.inline-read") == [
        ("promo.inline-read", "\u00adAlso Read: Minister Quits Over Scandal")
    ]


def test_a_block_rule_takes_every_piece_left():
    text = "AdverCUTtisement"
    cuts = [(text.index("CUT"), text.index("tisement"))]
    found = again(text, cuts, "ads.marker")
    assert found == [("ads.marker", "Adver"), ("ads.marker", "tisement")]
