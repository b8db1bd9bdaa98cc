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
    assert result.text == "\n".join([TITLE, BODY, BODY2])  # the text's own line breaks


def test_long_blocks_and_blocks_before_the_section_stay():
    long_note = " ".join([BODY2] * 3)  # prose again: more than 40 words
    result = cleaned(TITLE, BODY, SLOGAN, BODY2, *FOOTER, long_note)
    assert removed(result, "tail.after-debris") == []
    assert SLOGAN in result.text and long_note in result.text


def test_nothing_removed_below_the_article_opens_no_section():
    # the same short line under the last paragraph, with no debris removed before it, stays
    assert cleaned(TITLE, BODY, BODY2, SLOGAN).removed == ()


def test_a_stray_line_above_a_section_reaching_the_end_goes():
    # one short line under the last paragraph, then only removed blocks to the end: the section's first line
    related = ["Related stories", "Storm closes schools across the region", "Ferry fees rise again this spring"]
    result = cleaned(TITLE, BODY, BODY2, "BPO", *related)
    assert "BPO" not in result.text and related[1] not in result.text
    assert removed(result, "tail.after-debris") == ["BPO"]
    assert "BPO" in cleaned(TITLE, BODY, BODY2, "BPO", related[1]).text  # one line after it: no section


def test_a_stray_line_with_figures_an_address_or_body_after_it_stays():
    related = ["Related stories", "Storm closes schools across the region", "Ferry fees rise again this spring"]
    for line in ("Price 24 euros", "jane@example.com", "example.com/apply"):
        assert removed(cleaned(TITLE, BODY, BODY2, line, *related), "tail.after-debris") == []
    # two lines before the section, or a line the article goes on after, are not a stray line
    assert "BPO" in cleaned(TITLE, BODY, BODY2, "BPO", "Notes", *related).text
    assert "BPO" in cleaned(TITLE, BODY, "BPO", BODY2).text
