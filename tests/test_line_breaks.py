"""The clean text of a text input keeps the input's own line breaks between the blocks it keeps;
HTML output separates its blocks by a blank line."""

from __future__ import annotations

from cleaner import Cleaner, Config, restore

A = "The council approved the new budget on Tuesday after a long debate about schools and roads."
B = "Officials said the plan would take effect in March, and residents can comment until Friday."
C = "The mayor said the vote was the most important of her first term in office."


def clean(text: str):
    return Cleaner(Config()).clean(text, lang="en")


def test_a_text_with_nothing_to_remove_comes_out_as_it_came():
    for text in (f"{A}\n{B}\n{C}", f"{A}\n\n{B}\n\n\n{C}", f"{A}  \n{B}\n{C}"):
        assert clean(text).text == text


def test_a_removed_block_leaves_the_breaks_that_followed_the_block_before_it():
    # a blank line after the removed piece parted the paragraphs; it still does (one line break
    # would join C to the paragraph above it, and a second cleaning would read them otherwise)
    assert clean(f"{A}\n{B}\nAlso Read: Council votes on the budget\n\n{C}").text == f"{A}\n{B}\n\n{C}"
    assert clean(f"{A}\n\nAlso Read: Council votes on the budget\n{C}").text == f"{A}\n\n{C}"
    result = clean(f"{A}\nAlso Read: Council votes on the budget\n{B}")
    assert restore(result) == f"{A}\nAlso Read: Council votes on the budget\n{B}"
    assert clean(result.text).text == result.text


def test_html_blocks_are_separated_by_a_blank_line():
    html = f"<html><body><article><h1>Budget vote</h1><p>{A}</p><p>{B}</p><p>{C}</p></article></body></html>"
    assert f"{A}\n\n{B}\n\n{C}" in Cleaner(Config()).clean(html, html=True).text


def test_the_blank_line_before_a_markdown_heading_stays_when_the_line_above_it_goes():
    # the heading's kept text starts after its '## ', which ended the gap and hid the blank line
    # before it: one line break joined the heading to the lines above, which a second cleaning
    # then read as a menu (found by bench/idempotence_hunt.py, seed 409)
    text = f"{A}\n{B}\nAlso Read: Council votes on the budget\n\n## Budget vote\n\n{C}"
    result = clean(text)
    assert result.text == f"{A}\n{B}\n\nBudget vote\n\n{C}"
    assert restore(result) == text
    assert clean(result.text).text == result.text
    menu = "A\n :\xad::A\nA\xadlso Read: Minister Quits Over Scandal\n\n## Heading Here\n\n"
    first = clean(menu + "T\xadhe the the the. The the the the the the the the the the the.\n\n")
    assert clean(first.text).removed == ()
