"""Readers' comments closing the text without their names (comments.reader-run in
cleaner/heuristics/reactions.py), on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config
from tests.invented import PARAS, TITLE

COMMENTS = [
    "Great article, I had no idea the bridge was in such a bad state.",
    "I live on the coast road and the buses will be a nightmare in summer.",
    "Hi Maria, the buses only run in the morning and the afternoon, so it should be fine.",
    "Thanks for sharing, very useful to know before the summer.",
]


def cleaned(*blocks: str, **config):
    return Cleaner(Config(**config)).clean("\n\n".join(blocks))


def removed(result) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == "comments.reader-run"]


def test_a_run_of_comments_that_praise_thank_or_greet_goes_to_the_end():
    result = cleaned(TITLE, *PARAS, *COMMENTS)
    assert removed(result) == COMMENTS
    assert result.text.rstrip().endswith(PARAS[-1])
    # a second cleaning of the output finds nothing more
    assert Cleaner(Config()).clean(result.text).text == result.text


def test_other_languages_count_too():
    comments = [
        "Excelente artículo, muy claro.",
        "No estoy de acuerdo con el alcalde.",
        "Hola Pedro, gracias.",
        "Toller Beitrag!",
    ]
    assert removed(cleaned(TITLE, *PARAS, *comments)) == comments


def test_two_grateful_lines_are_no_run():
    result = cleaned(TITLE, *PARAS, COMMENTS[0], COMMENTS[1], COMMENTS[3])
    assert removed(result) == []


def test_a_run_above_most_of_the_text_stays():
    # praise quoted in the middle of the article, with most of the article after it
    result = cleaned(TITLE, PARAS[0], PARAS[1], *COMMENTS, *PARAS[2:])
    assert removed(result) == []


def test_a_writer_speaking_of_their_own_post_is_not_a_reader():
    closing = [
        "In this post I wanted to show how the budget came together.",
        "Thanks for reading, and see you next week.",
        "This article was updated on Tuesday with the final figures.",
        "As always, thanks so much for visiting the blog!",
        "Even well-written code is hard to read, and a good read of the manual helps.",
    ]
    assert removed(cleaned(TITLE, *PARAS, *closing)) == []
