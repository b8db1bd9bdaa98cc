"""tail.link-residue judges the text's last paragraph as a cleaning of the clean text reads it
(``read_again``): a Markdown heading whose '#' the clean text drops is a paragraph there, so the
words left after its last sentence are taken in the first cleaning, not only in the second
(hypothesis found the second cleaning removing more: test_text_is_idempotent)."""

from __future__ import annotations

from cleaner import Cleaner, Config

_CLEANER = Cleaner(Config(time_limit=0))


def _twice(text: str) -> tuple[str, str]:
    once = _CLEANER.clean(text, lang="en").text
    return once, _CLEANER.clean(once, lang="en").text


def test_heading_line_with_residue_is_stable() -> None:
    text = (
        "## \xadHeading Here T\xadhe the the the the.  Follow us on X and Facebook "
        "Also Read: Minister Quits Over Scandal\n\n"
    )
    once, twice = _twice(text)
    assert once == twice
    assert "Follow us" not in once


def test_plain_paragraph_residue_unchanged() -> None:
    text = (
        "The mayor said the vote was close.\n\n"
        "The council met on Monday and voted to keep the library open all year.  Read the minutes here\n"
    )
    once, twice = _twice(text)
    assert once == twice
    assert once.endswith("open all year.")


def test_heading_without_residue_kept() -> None:
    text = "## The council met on Monday and voted to keep the library open all year.\n\nMore body text follows here, at length.\n"
    once, twice = _twice(text)
    assert once == twice
    assert "The council met on Monday" in once
