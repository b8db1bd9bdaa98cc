"""Hostile input (issue 12, items 12-16): invisible characters inside debris, empty extractions,
huge trees, idempotence."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config, restore
from cleaner.normalize import normalize

BODY = "The council met on Tuesday to vote on the new budget for roads and schools in the city."
EN = Cleaner(Config(lang="en"))


# 16. zero-width, soft hyphen and bidi marks inside debris ----------------------------------------
@pytest.mark.parametrize(
    "debris",
    [
        "Al\u00adso Read: Council votes on budget",
        "Also\u200b Read: Council votes on budget",
        "\u200fAlso Read: Council votes on budget\u200e",
        "Also Read:\u2066 Council votes on budget\u2069",
        "Sha\u200bre on Face\u00adbook",
        "Adver\u200dtisement",
        "\ufeffAdvertisement",
    ],
)
@pytest.mark.parametrize("inline", [False, True])
def test_invisible_characters_inside_debris_do_not_let_it_through(debris, inline):
    text = f"{BODY} {debris}\n\n{BODY}" if inline and "Read" in debris else f"{BODY}\n\n{debris}\n\n{BODY}"
    result = EN.clean(text)
    assert result.text == f"{BODY}\n\n{BODY}", [r.to_dict() for r in result.removed]
    normalized = normalize(text).text
    for r in result.removed:  # offsets stay exact: the removal is the normalized text's own characters
        assert normalized[r.start : r.end] == r.text
    assert restore(result) == normalize(text).text


# 15. the record's normalization steps replay with ftfy.apply_plan ----------------------------------
@pytest.mark.parametrize(
    "raw",
    [
        "The caf\u00c3\u00a9 council met on Tuesday.\r\nIt voted &amp; left.",
        "Text with \x1b control \u0085 characters in it.",
        "Mojibake \u00e2\u20ac\u0153quoted\u00e2\u20ac\x9d text here.",
    ],
)
def test_normalization_steps_replay_with_ftfy_apply_plan(raw):
    import ftfy

    record = EN.clean(raw).to_dict()
    assert record["normalization"], "the example must need repairs"
    steps = [tuple(step) for step in record["normalization"]]
    assert ftfy.apply_plan(raw, steps) == restore(record) == normalize(raw).text
