"""truncation.dangling-fragment judges a paragraph's end as it survives the earlier cuts: a fragment
that an inline cut leaves bare goes in the same cleaning (found by hypothesis as an idempotence
failure: the second cleaning took the "E" the first one left)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

CLEANER = Cleaner()


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the plan would go ahead in spring. Advertisement E",
        "T\xadhe the the the.\n\nT\xadhe the the the.\n\nT\xadhe the the the the. A\xaddvertisement E\n\n",
    ],
)
def test_fragment_left_by_a_cut_goes_in_one_cleaning(text: str) -> None:
    first = CLEANER.clean(text, lang="en")
    assert not first.text.rstrip().endswith("E")
    rules = [r.rule for r in first.removed]
    assert "ads.inline-marker" in rules  # the marker keeps its own rule in the record
    assert "truncation.dangling-fragment" in rules
    assert CLEANER.clean(first.text, lang="en").text == first.text


def test_record_restores_the_input() -> None:
    from cleaner import restore

    text = "The minister said the plan would go ahead in spring. Advertisement E"
    assert restore(CLEANER.clean(text, lang="en")) == text


def test_uncut_fragment_is_one_removal() -> None:
    text = "The minister said the plan would go ahead in spring. E"
    removed = CLEANER.clean(text, lang="en").removed
    assert [(r.rule, r.text) for r in removed] == [("truncation.dangling-fragment", " E")]


def test_complete_sentence_after_a_cut_stays() -> None:
    text = "The minister said the plan would go ahead in spring. Advertisement The vote is on Friday."
    out = CLEANER.clean(text, lang="en").text
    assert out.endswith("The vote is on Friday.")
