"""A comment thread once it is one (comments.thread in cleaner/heuristics/threads.py): after enough
groups with a name that comes back, read from the text's end, a comment may open with a short line
and a commenter may write their name in lower case; a list of people or places, which has each name
once, is held to the strict shape. On small invented texts."""

from __future__ import annotations

from cleaner import Cleaner, Config
from tests.invented import PARAS, TITLE


def removed(text: str) -> list[str]:
    result = Cleaner(Config()).clean(text)
    return [r.text.strip() for r in result.removed if r.rule == "comments.thread"]


# read from the end: three groups with 'Tom Becker' twice make the thread; above them, a comment
# opening with a greeting alone, one ending in a name-like 'Thanks', and a name in lower case
LOOSE = [
    "maria lopez",
    "Finally some good news for our street, I hope they start before winter.",
    "Sam Ortiz",
    "Hi",
    "Does anyone know whether the bus line will change during the works?",
    "Thanks",
    "Anna Reyes",
    "Nice one",
    "We waited six years for this, I am glad it finally happens.",
]
STRICT = [
    "Tom Becker",
    "The buses will run along the coast road, the council said so at the hearing.",
    "Lee Park",
    "Will the school stay open during the summer works on the bridge?",
    "Tom Becker",
    "Thanks Lee, I asked the same thing at the meeting last week.",
]


def test_a_held_thread_takes_short_openers_and_lower_case_names() -> None:
    assert removed("\n".join([TITLE, *PARAS, *LOOSE, *STRICT])) == LOOSE + STRICT


def test_without_the_thread_below_the_loose_groups_stay() -> None:
    """The same groups alone: no name comes back, and 'Hi' or 'Nice one' opens no comment."""
    assert removed("\n".join([TITLE, *PARAS, *LOOSE])) == []


def test_the_thread_stops_at_a_subhead_that_introduces_its_paragraph() -> None:
    subhead = ["Bridge repairs", "The bridge repairs start in June and take the whole summer."]
    assert removed("\n".join([TITLE, *PARAS, *subhead, *STRICT])) == STRICT


def test_the_output_is_stable() -> None:
    once = Cleaner(Config()).clean("\n".join([TITLE, *PARAS, *LOOSE, *STRICT])).text
    assert Cleaner(Config()).clean(once).text == once
