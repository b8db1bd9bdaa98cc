"""tail.link-card judges the last line's kind as a cleaning of the output reads it: a Markdown
heading line loses its '#' in the clean text, and the next cleaning would take the card (found by
hypothesis in test_html_output_cleaned_as_text_is_stable)."""

from __future__ import annotations

from cleaner import Cleaner

CLEANER = Cleaner()
BODY = "The the the the. The the the the the the the the the the the.\n\nThe the the the."


def test_card_on_a_markdown_heading_line_goes_in_one_cleaning() -> None:
    text = BODY + "\n\n# An indented hash lineThe the the the.Share this article"
    first = CLEANER.clean(text, lang="en")
    assert [r.rule for r in first.removed] == ["tail.link-card"]
    assert CLEANER.clean(first.text, lang="en").text == first.text


def test_html_page_output_is_stable() -> None:
    parts = [
        "<p>The the the the. The the the the the the the the the the the.</p>",
        "<p>The the the the.<blockquote>    # An indented hash lineThe the the the.Share this article</blockquote></p>",
    ]
    page = "<html><head><title>News</title></head><body><article><h1>The council votes</h1>" + "".join(parts)
    page += "</article></body></html>"
    second = CLEANER.clean(CLEANER.clean(page, html=True).text, html=False).text
    assert CLEANER.clean(second, html=False).text == second
