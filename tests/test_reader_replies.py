"""Readers' replies closing the text (comments.reader-run in cleaner/heuristics/reactions.py): lines
that open by addressing someone by their handle ('@John, …'), three or more in the run, mark it even
where the readers wrote more than the article. On small invented texts."""

from __future__ import annotations

from cleaner import Cleaner, Config
from tests.invented import PARAS, TITLE

REPLIES = [
    "@Maria, the buses only run in the morning, I checked the timetable yesterday.",
    "I live on the coast road and the summer traffic there is already bad enough without this.",
    "My children take that bus every day and nobody has told the parents anything yet.",
    "@Tom: the council sent a letter to the school last week, ask the head teacher about it.",
    "The bridge was already closed once in the nineties and the town survived it somehow.",
    "@Anna Reyes – the letter only spoke of the first two weeks, not of the whole summer.",
    "Whatever happens, someone should have repaired that bridge ten years ago when it was cheaper.",
]


def cleaned(*blocks: str):
    return Cleaner(Config()).clean("\n\n".join(blocks))


def removed(result) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == "comments.reader-run"]


def test_replies_mark_a_run_from_the_first_one_to_the_end() -> None:
    result = cleaned(TITLE, *PARAS, *REPLIES, *REPLIES[1:3])
    assert removed(result) == REPLIES + REPLIES[1:3]
    assert result.text.rstrip().endswith(PARAS[-1])
    assert Cleaner(Config()).clean(result.text).text == result.text


def test_two_replies_are_no_run() -> None:
    assert removed(cleaned(TITLE, *PARAS, *REPLIES[:5])) == []


def test_a_handle_inside_a_line_is_a_quoted_post() -> None:
    quoted = [r.replace("@", "wrote to @", 1) for r in REPLIES]
    assert removed(cleaned(TITLE, *PARAS, *quoted)) == []


def test_replies_near_the_top_of_the_text_stay() -> None:
    result = cleaned(TITLE, PARAS[0], *REPLIES, *PARAS[1:], *PARAS)
    assert removed(result) == []


def test_a_handle_without_a_following_mark_is_no_reply() -> None:
    handles = [r.replace(",", "", 1).replace(":", "", 1).replace(" –", "", 1) for r in REPLIES]
    assert removed(cleaned(TITLE, *PARAS, *handles)) == []
