"""A tweet's picture link ending the text (embed.trailing-tweet in cleaner/heuristics/embeds.py),
on small invented articles."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config

TITLE = "Council approves the new budget for the coming year"
P1 = (
    "The city council approved the budget on Monday after a long debate about the cost of repairs "
    "to the old bridge and the new school."
)
P2 = "Members said the plan would be reviewed again in the spring, when the first figures are known."


def removed(text: str) -> list[str]:
    result = Cleaner(Config()).clean(text)
    return [r.text for r in result.removed if r.rule == "embed.trailing-tweet"]


@pytest.mark.parametrize(
    "residue",
    [
        " pic.twitter.com/laV4XTG1Kw",
        "pic.twitter.com/laV4XTG1Kw",  # fused after the full stop
        "   pic.twitter.com/CsZAcvaFlb April 22, 2020",
    ],
)
def test_a_picture_link_ending_the_text_goes(residue: str) -> None:
    text = "\n".join([TITLE, P1, P2 + residue])
    assert removed(text) == [residue]
    assert Cleaner(Config()).clean(text).text.endswith("the first figures are known.")


def test_a_picture_link_alone_on_the_last_line_goes() -> None:
    assert [r.strip() for r in removed("\n".join([TITLE, P1, P2, "pic.twitter.com/laV4XTG1Kw"]))] == [
        "pic.twitter.com/laV4XTG1Kw"
    ]


def test_a_picture_link_before_a_follow_line_goes() -> None:
    text = "\n".join([TITLE, P1, P2 + " pic.twitter.com/laV4XTG1Kw", "Follow us on Facebook and Twitter"])
    assert removed(text) == [" pic.twitter.com/laV4XTG1Kw"]


def test_a_quoted_embed_or_one_inside_the_text_stays() -> None:
    # the attribution on a line of its own: the embed as the article quotes it (the true bodies keep it)
    quoted = "\n".join([TITLE, P1, P2 + " pic.twitter.com/laV4XTG1Kw", "\u2014 Jan Smit (@JanSmit) December 28, 2021"])
    assert removed(quoted) == []
    assert (
        removed("\n".join([TITLE, P1, P2 + " pic.twitter.com/laV4XTG1Kw \u2014 Jan Smit (@JanSmit) December 28, 2021"]))
        == []
    )
    # more of the article after it
    assert removed("\n".join([TITLE, P1 + " pic.twitter.com/laV4XTG1Kw", P2])) == []
    # glued to a word, or not a picture link
    assert removed("\n".join([TITLE, P1, P2[:-1] + "pic.twitter.com/laV4XTG1Kw"])) == []
    assert removed("\n".join([TITLE, P1, P2 + " twitter.com/laV4XTG1Kw"])) == []


def carded(text: str) -> list[str]:
    # headline.trailing (before it) takes a glued card that shares no words with the article too;
    # set aside here, so that this heuristic is what the tests see
    result = Cleaner(Config(ignore=("headline.trailing",))).clean(text)
    return [r.text for r in result.removed if r.rule == "tail.link-card"]


@pytest.mark.parametrize(
    "card",
    [
        "Schodzimy do piek\u0142aMateria\u0142 jest cz\u0119\u015bci\u0105 serwisu TVN24 GO",
        "Live coverage - watch on NEWS GOThis programme is part of the NEWS GO service",
        "\u00ab\u041e\u0442\u0432\u0435\u0442\u044b \u043d\u0430 \u0433\u043b\u0430\u0432\u043d\u044b\u0435 "
        "\u0432\u043e\u043f\u0440\u043e\u0441\u044b\u00bb \u043e\u0442 \u043c\u044d\u0440\u0438\u0438 "
        "\u041c\u043e\u0441\u043a\u0432\u044b",
        "\u201cAnswers to the main questions\u201d from the city hall",
    ],
)
def test_a_link_card_as_the_last_line_goes(card: str) -> None:
    assert carded("\n".join([TITLE, P1, P2, card])) == [card]


@pytest.mark.parametrize(
    "line",
    [
        "Read the ultimate guide to WordPress themes today",  # a brand glued inside a word
        "The new iPhone goes on sale next week in stores",  # one lower-case letter
        "\u201cWe will win,\u201d she said",  # a quotation with its punctuation
        "\u201cHamlet\u201d opens at the city theatre tonight and runs until May",  # more than a source
        "Schodzimy do piek\u0142aMateria\u0142 jest cz\u0119\u015bci\u0105 serwisu.",  # a sentence end
    ],
)
def test_lines_that_are_no_card_stay(line: str) -> None:
    assert carded("\n".join([TITLE, P1, P2, line])) == []


def test_a_card_inside_the_text_stays() -> None:
    card = "Schodzimy do piek\u0142aMateria\u0142 jest cz\u0119\u015bci\u0105 serwisu TVN24 GO"
    assert carded("\n".join([TITLE, P1, card, P2])) == []
