"""The rest of a debris section below the article (tail.after-debris in
cleaner/heuristics/sections.py), on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config

TITLE = "Council approves the new budget for the coming year"
BODY = (
    "The city council approved the budget on Monday after a long debate about the cost of repairs "
    "to the old bridge and the new school."
)
BODY2 = "Members said the plan would be reviewed again in the spring, when the first figures are known."
FOOTER = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use", "Newsroom", "Help"]
SLOGAN = "The Valley Gazette, the voice of the valley and its towns since 1921."


def cleaned(*blocks: str):
    return Cleaner(Config()).clean("\n".join(blocks))


def removed(result, rule: str) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == rule]


def test_short_blocks_after_a_removed_section_below_the_article_go():
    result = cleaned(TITLE, BODY, BODY2, *FOOTER, SLOGAN)
    assert removed(result, "navigation.footer-run") == FOOTER
    assert removed(result, "tail.after-debris") == [SLOGAN]
    assert result.text == "\n\n".join([TITLE, BODY, BODY2])


def test_long_blocks_and_blocks_before_the_section_stay():
    long_note = " ".join([BODY2] * 3)  # prose again: more than 40 words
    result = cleaned(TITLE, BODY, SLOGAN, BODY2, *FOOTER, long_note)
    assert removed(result, "tail.after-debris") == []
    assert SLOGAN in result.text and long_note in result.text


def test_nothing_removed_below_the_article_opens_no_section():
    # the same short line under the last paragraph, with no debris removed before it, stays
    assert cleaned(TITLE, BODY, BODY2, SLOGAN).removed == ()
