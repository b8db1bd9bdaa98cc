"""A share bar's buttons one name a line (cleaner/heuristics/share.py), on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config

BODY = "The council met on Monday to discuss the new budget for roads and schools in the valley."


def rows(*blocks: str) -> list[str]:
    result = Cleaner(Config()).clean("\n\n".join(blocks))
    return [r.text.strip() for r in result.removed if r.rule.startswith("share.") and r.rule != "share.prompt"]


def test_a_row_of_network_names_goes():
    # "Email" alone is share.prompt's; the three names before it are the row's.
    assert rows(BODY, BODY, "Facebook", "Twitter", "WhatsApp", "Email") == ["Facebook", "Twitter", "WhatsApp"]
    assert rows(BODY, BODY, "Share this:", "Facebook", "Twitter") == ["Facebook", "Twitter"]
    assert rows(BODY, BODY, "ВКонтакте", "Одноклассники", "Telegram") == ["ВКонтакте", "Одноклассники", "Telegram"]


def test_a_name_alone_or_an_articles_list_stays():
    assert rows(BODY, "Facebook", BODY) == []
    assert rows(BODY, "Facebook", "Twitter", BODY) == []
    assert rows(BODY, "- Facebook\n- Instagram\n- YouTube\n- TikTok", BODY) == []


def test_a_row_split_by_removed_buttons_goes_in_one_pass():
    # "Email" goes by share.prompt and the caption by a credit rule; the names around them are one
    # row. Found by bench/idempotence.py: a second cleaning, with those gone, joined them.
    parts = (BODY, "Facebook", "Twitter", "Email", "Photograph: Jane Doe/Agency", "Facebook", "Twitter", "Email", BODY)
    assert rows(*parts) == ["Facebook", "Twitter", "Facebook", "Twitter"]
    first = Cleaner(Config()).clean("\n\n".join(parts))
    assert Cleaner(Config()).clean(first.text).text == first.text
    assert rows(BODY, "Facebook", "Twitter", BODY, "Facebook", BODY) == []  # body between: no row
