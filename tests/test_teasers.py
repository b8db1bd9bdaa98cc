"""Cross-promotion found by repetition (cleaner.heuristics.teasers): a series' navigation
(promo.series-list) and a bulleted link label glued into the text again and again
(promo.bullet-label), on small invented articles."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config
from cleaner.heuristics.teasers import _series_key

BN_BODY = (
    "আকাশের তারা ও নক্ষত্রমণ্ডলীর অবস্থান জানতে যদি কৌণিক দূরত্ব ব্যবহার করা হয়, তাহলে তাদের চেনা অনেক "
    "সহজ হয়। প্রথমেই বলি একটা পুরো গোল চক্র ঘুরে এলে ৩৬০ ডিগ্রি ঘোরা হয়।"
)
EN_BODY = (
    "The council approved the new budget on Tuesday after a long debate about schools and roads, "
    "and officials said the plan would take effect in March."
)


def cleaned(*lines: str, lang: str | None = None, sep: str = "\n"):
    return Cleaner(Config()).clean(sep.join(lines), lang=lang)


def removed(result, rule: str) -> list[str]:
    return [r.text for r in result.removed if r.rule == rule]


def test_a_series_navigation_goes_in_bengali():
    nav = [f"{n} পর্ব: আকাশ পর্যবেক্ষকের খেরোখাতা - {d}" for n, d in zip(["প্রথম", "দ্বিতীয়", "তৃতীয়"], "১২৩", strict=True)]
    result = cleaned(*nav, "কৌণিক দূরত্ব", BN_BODY, lang="bn")
    assert removed(result, "promo.series-list") == nav
    assert result.text.startswith("কৌণিক দূরত্ব")


def test_a_series_navigation_goes_in_english():
    nav = [f"Part {n}: The Sky at Night" for n in (1, 2, 3)]
    assert removed(cleaned(EN_BODY, *nav, lang="en"), "promo.series-list") == nav


@pytest.mark.parametrize(
    "lines",
    [
        ["Step 1: Mix the flour", "Step 2: Add the water", "Step 3: Bake for an hour"],  # different titles
        ["Part 1: The Sky at Night", "Part 2: The Sky at Night"],  # two lines only
        ["The Sky at Night", "The Sky at Night", "The Sky at Night"],  # a repeat, not a series
        ["Round 1: 6-4", "Round 2: 3-6", "Round 3: 7-5"],  # scores, no title
        ["Monthly plan: US$14 per month", "6-month plan: US$10 per month", "Annual plan: US$7 per month"],
        ["Electrician: $50-$100 per hour", "Plumber: $45-$200 per hour", "Architect: $125-$250 per hour"],
        ["The Sky at Night 1", "The Sky at Night 2", "The Sky at Night 3"],  # no label: a list of items
        ["Printing in g 0", "Printing in g 1", "Printing in g 2"],
        ["Day 1: we walked to the lake.", "Day 2: we walked to the lake.", "Day 3: we walked to the lake."],
    ],
)
def test_what_is_not_a_series_navigation_stays(lines: list[str]):
    assert removed(cleaned(EN_BODY, *lines, lang="en"), "promo.series-list") == []


def test_series_key_sets_aside_the_part_and_its_number():
    assert _series_key("Part 2: The Sky at Night - 2") == _series_key("Part 3: The Sky at Night - 3")
    assert _series_key("A long sentence that ends here.") is None


ITEMS = [
    ("Anderson shines again", "Anderson ran the midfield all afternoon and never lost the ball.", "Louise Taylor"),
    ("Rodri worries grow", "Rodri's face told its own story as he sank to the turf.", "Dominic Booth"),
    ("Calm Frank earns praise", "Nobody seems quite sure how good Tottenham can be this season.", "Ed Aarons"),
]
SCORES = ["Newcastle 2-0 Nottingham Forest", "Brentford 0-1 Manchester City", "Leeds 1-2 Tottenham"]


def test_a_bulleted_label_glued_after_every_item_goes_with_its_title():
    line = " ".join(
        f"{head} {text} {name} • Match report: {score}" for (head, text, name), score in zip(ITEMS, SCORES, strict=True)
    )
    result = cleaned(line, lang="en")
    got = removed(result, "promo.bullet-label")
    # before the next item's heading the run of capitalised words gives up its last word, which
    # opens that heading ("… Forest Rodri worries" keeps "Rodri"; "Calm Frank" loses "Calm")
    assert got == [
        " • Match report: Newcastle 2-0 Nottingham Forest",
        " • Match report: Brentford 0-1 Manchester City Calm",
        " • Match report: Leeds 1-2 Tottenham",
    ]
    assert "Rodri worries grow" in result.text and "Frank earns praise" in result.text


def test_a_bulleted_label_said_once_or_without_a_title_stays():
    once = f"{EN_BODY} Louise Taylor • Note: The figures are provisional and may change next week."
    assert removed(cleaned(once, lang="en"), "promo.bullet-label") == []
    interview = f"{EN_BODY} • Q: What did you see? • A: Smoke over the hill. • Q: Then? • A: We ran."
    assert removed(cleaned(interview, lang="en"), "promo.bullet-label") == []


def test_a_bulleted_label_in_a_caseless_script_takes_a_title_only_up_to_the_next_bullet():
    bn = "শহরে বৃষ্টির কারণে যানজট বেড়েছে।"
    line = f"{bn} • আরো খবর: নাটোরে শীত তিনি বলেন, শীত বাড়ছে। {bn} • আরো খবর: দিনাজপুরে শীতের দাপট • আরো খবর: রংপুরে কুয়াশা"
    # no capitals tell the first title from the sentence after it: that one stays
    assert removed(cleaned(line, lang="bn"), "promo.bullet-label") == [
        " • আরো খবর: দিনাজপুরে শীতের দাপট",
        " • আরো খবর: রংপুরে কুয়াশা",
    ]
