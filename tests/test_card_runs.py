"""Runs at the text's edges known by a repeated line (cleaner/heuristics/cards.py): teaser cards
with the same label (related.card-run) and a gallery's slide counters (navigation.slide-counter)."""

from __future__ import annotations

from cleaner import Cleaner, Config

ARTICLE = [
    "The city council approved the budget on Monday after a long debate about the cost of repairs "
    "to the old bridge and the new school, which parents had asked for since the spring.",
    "Members said the plan would be reviewed again in the autumn, when the first figures of the "
    "repairs are known and the contractors have sent their final offers to the city.",
]


def removed(text: str, rule: str) -> list[str]:
    result = Cleaner(Config()).clean(text)
    return [r.text.strip() for r in result.removed if r.rule == rule]


HEADLINES = [
    "Council backs a second bridge over the river after years of delay",
    "New school opens its doors to the first pupils of the northern district",
    "Why the old tram line may come back to the town centre next year",
    "Residents ask for more trees along the main road to the station",
    "The market hall will close for repairs during the whole summer",
]
DATES = ["By Dec 19, 2023", "By Sep 30, 2023", "By Sep 20, 2023", "By Jul 13, 2023", "By Feb 26, 2023"]


def cards(label: str, n: int) -> list[str]:
    out: list[str] = []
    for k in range(n):
        out += [label, HEADLINES[k], DATES[k]]
    return out


def test_cards_with_the_same_label_above_the_article_go() -> None:
    run = cards("City Matters", 5)
    assert removed("\n".join(run + ARTICLE), "related.card-run") == run


def test_cards_with_the_same_label_below_the_article_go() -> None:
    run = cards("Más noticias", 4)
    assert removed("\n".join(ARTICLE + run), "related.card-run") == run


def test_three_cards_stay() -> None:
    assert removed("\n".join(cards("City Matters", 3) + ARTICLE), "related.card-run") == []


def test_a_list_between_paragraphs_stays() -> None:
    run = cards("City Matters", 5)
    assert removed("\n".join(ARTICLE[:1] + run + ARTICLE[1:]), "related.card-run") == []


def test_entries_whose_label_changes_stay() -> None:
    entries: list[str] = []
    for k, label in enumerate(["Politics", "Sport", "Culture", "Science", "Weather"]):
        entries += [label, HEADLINES[k], DATES[k]]
    assert removed("\n".join(ARTICLE + entries), "related.card-run") == []


def test_a_text_of_cards_alone_stays() -> None:
    assert removed("\n".join(cards("City Matters", 5)), "related.card-run") == []


def test_slide_counters_go() -> None:
    counters = [f"{k} of 12" for k in range(1, 13)]
    text = "\n".join(ARTICLE[:1] + ["Scroll through the gallery below."] + counters + ARTICLE[1:])
    assert removed(text, "navigation.slide-counter") == counters


def test_slide_counters_in_another_language_go() -> None:
    counters = [f"Foto {k} de 9" for k in range(1, 5)]
    assert removed("\n".join(ARTICLE + counters), "navigation.slide-counter") == counters


def test_numbers_that_do_not_count_up_stay() -> None:
    lines = ["36 of 120", "165 of 120", "250 of 120", "437 of 120"]
    assert removed("\n".join(ARTICLE + lines), "navigation.slide-counter") == []


def test_two_counters_stay() -> None:
    assert removed("\n".join(ARTICLE + ["1 of 2", "2 of 2"]), "navigation.slide-counter") == []
