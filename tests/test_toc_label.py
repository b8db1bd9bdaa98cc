"""A table of contents' label whose list the scraper dropped (cleaner/heuristics/contents.py),
on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config

BODY = "The council approved the new budget on Tuesday after a long debate about schools and roads."
BODY2 = "Officials said the plan would take effect in March, and residents can comment until Friday."
RULE = "widget.toc-label"


def removed(*blocks: str, lang: str | None = None) -> list[str]:
    result = Cleaner(Config()).clean("\n\n".join(blocks), lang=lang)
    return [r.text.strip() for r in result.removed if r.rule == RULE]


def test_a_label_without_its_list_goes():
    assert removed(BODY, "Table of Contents", BODY2) == ["Table of Contents"]
    assert removed("Table of contents", BODY, BODY2) == ["Table of contents"]
    assert removed(BODY, "Contents:", BODY2, BODY) == ["Contents:"]
    assert removed(BODY, "Table of Contents Show", BODY2) == ["Table of Contents Show"]
    assert removed(BODY, "Inhaltsverzeichnis [ausblenden]", BODY2, lang="de") == ["Inhaltsverzeichnis [ausblenden]"]
    # a heading and its paragraph below the label are the article's first section, not entries
    assert removed(BODY, "Table of Contents", "Why the budget matters", BODY2, BODY) == ["Table of Contents"]


def test_a_table_of_contents_printed_whole_stays():
    # its entries as list items, table rows, or short lines; an intro line ending in a colon; or
    # entries that come back below as the headings they link to
    assert removed(BODY, "Contents", "- The vote", "- The schools", BODY2) == []
    assert removed(BODY, "Table of Contents", "| Part one | The vote |", BODY2) == []
    assert removed(BODY, "In this guide", "Step 1 - Back up your data", "Step 2 - Keep it safe", BODY2) == []
    toc = "Table of Contents"
    intro = "This article is long, so we divided it into sections you can jump to:"
    assert removed(BODY, toc, intro, BODY2) == []
    assert removed(BODY, toc, "Why the budget matters", BODY2, "Why the budget matters", BODY) == []
    # a second copy of the table below the article (a sidebar): its entries stood above
    article = ("Why the budget matters", BODY, "What comes next", BODY2)
    assert removed(*article, toc, "Why the budget matters", BODY2, BODY) == []


def test_a_heading_that_only_starts_like_a_label_stays():
    assert removed(BODY, "Contents insurance", BODY2) == []
    assert removed(BODY, "Table of contents for the new report", BODY2) == []
    assert removed(BODY, "The table of contents lists every school that will get new roofs this year.", BODY2) == []


def test_a_bulleted_summary_below_the_label_is_not_its_list():
    # list items of sentences ('Key takeaways' under the label) are not entries: the label goes, as
    # it does when the same text comes back as plain lines (a second cleaning of an HTML page)
    summary = (
        "- Choosing the right microphone for an untreated room matters more than any other purchase you make.",
        "- Starting with a cheaper USB microphone saves money and still leaves room to upgrade later on.",
    )
    assert removed(BODY, "Table of Contents", BODY2, *summary, BODY) == ["Table of Contents"]
    html = "<html><body><article><h2>Table of Contents</h2><p>" + BODY + "</p><ul>"
    html += "".join(f"<li>{s[2:]}</li>" for s in summary) + "</ul><p>" + BODY2 + "</p></article></body></html>"
    first = Cleaner(Config()).clean(html, html=True)
    assert "Table of Contents" not in first.text or not any(
        r.rule == RULE for r in Cleaner(Config()).clean(first.text).removed
    )
