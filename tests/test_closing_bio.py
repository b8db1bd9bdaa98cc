"""The writer's bio closing the text after a rule line (cleaner/heuristics/bios.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config

LEAD = "The regional council met on Monday to discuss the new budget for roads and schools in the valley."
BODY = "Officials said the plan would be reviewed again in the spring, after the first results were known."
BIO = (
    "Brad Shorr is Director of B2B Marketing for Straight North, an Internet marketing agency in the Chicago "
    "area. He writes frequently about content marketing and small business strategy."
)


def removed(*blocks: str, lang: str | None = None) -> list[str]:
    result = Cleaner(Config()).clean("\n\n".join(blocks), lang=lang)
    return [r.text for r in result.removed if r.rule == "credit.closing-bio"]


@pytest.mark.parametrize("rule", ["--", "* * *", "___"])
def test_bio_after_a_rule_line_goes_with_the_line(rule: str) -> None:
    assert removed(LEAD, BODY, rule, BIO) == [rule, BIO]


def test_bio_in_another_language_goes() -> None:
    bio = "Jan Kowalski jest dziennikarzem działu gospodarczego i pisze o rynku pracy."
    assert removed(LEAD, BODY, "--", bio) == ["--", bio]


@pytest.mark.parametrize(
    "blocks",
    [
        (LEAD, BODY, BIO),  # no rule line: a paragraph about a person
        (LEAD, BODY, "* * *", BIO, BODY),  # a section after a scene break goes on
        (LEAD, BODY, "--", "The mayor is expected to sign the budget on Friday."),  # no name opens it
        ("--", BIO),  # nothing of an article before it
    ],
)
def test_other_closings_stay(blocks: tuple[str, ...]) -> None:
    assert removed(*blocks) == []
