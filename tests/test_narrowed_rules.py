"""Rules narrowed after the per-rule audit found true body among their removals (issue 9): each
still removes what it is for and keeps the shape of true body it used to take."""

from __future__ import annotations

from cleaner import Cleaner, Config

LEAD = "The regional council met on Monday to discuss the new budget for roads and schools in the valley."
BODY = "Officials said the plan would be reviewed again in the spring, after the first results were known."


def rules_of(*blocks: str) -> list[str]:
    return [r.rule for r in Cleaner(Config(time_limit=0)).clean("\n\n".join(blocks)).removed]


def test_loaded_word_inside_a_name_stays():
    assert rules_of(LEAD, BODY, "Next fight: Feb. 17 vs. Tyson Fury", BODY + " Again.") == []
    # in a title-case headline the capitalized word is still the loaded word
    assert rules_of(LEAD, BODY, "Shameless Minister Slams Critics In Fiery Speech", BODY + " Again.") == [
        "headline.loaded"
    ]


def test_enumerated_step_heading_stays():
    assert rules_of(LEAD, BODY, "Step 1: Know What You Want", BODY + " Again.") == []
    assert rules_of(LEAD, BODY, "Know What Happened Next In The Harbour Strike", BODY + " Again.") == [
        "headline.loaded"
    ]


def test_cut_teaser_skips_a_list_of_lines_but_not_one_cut_sentence():
    toc = (
        "Section 1 - Introduction: Click Here\nPages 1-5 (Hard Copy pages I-III) - About Us\nPages 6-13 - Pictures and"
    )
    assert "truncation.cut-teaser" not in rules_of(LEAD, BODY, toc, "Read more", BODY)
    cut = "The mayor said the new bridge would change how people travel to the island and"
    assert "truncation.cut-teaser" in rules_of(LEAD, BODY, cut, "Read more", BODY)


def test_related_aside_in_lower_case_stays_headline_goes():
    assert rules_of(LEAD, "(Related reading: the history of the harbour trade.)", BODY) == []
    assert rules_of(LEAD, "Related: Ministers clash over port contract", BODY) == ["promo.related"]


def test_dont_miss_needs_a_real_separator():
    assert rules_of(LEAD, "More from his pro-market, anti-tariff agenda segment:", BODY) == []
    assert rules_of(LEAD, "Don't miss: The best budget phones of the year", BODY) == ["promo.dont-miss"]


def test_podcast_subscription_is_not_the_paywall():
    assert "newsletter.paywall" not in rules_of(LEAD, "Subscribe to the Harbour Weekly podcast!", BODY)
    assert rules_of(LEAD, "Subscribe to continue reading this article.", BODY) == ["newsletter.paywall"]
