"""Section labels above the headline (cleaner/heuristics/labels.py) and snippets cut at an
ellipsis (truncation.cut-teaser), on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config

HEADLINE = "El gobierno presenta su nuevo plan de vivienda"
BODY = "El ministro explicó el lunes que el plan incluye ayudas para jóvenes y familias con hijos pequeños."


def cleaned(*blocks: str, lang: str | None = None):
    return Cleaner(Config()).clean("\n".join(blocks), lang=lang)


def removed(result, rule: str) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == rule]


def test_section_label_and_breadcrumb_above_the_headline_go():
    assert removed(cleaned("Política", HEADLINE, BODY, BODY), "widget.section-label") == ["Política"]
    crumbs = cleaned("Hindi News", "Sports", "Cricket", "IPL 2021: 6 Oldest Players To Watch", BODY, BODY)
    assert removed(crumbs, "widget.section-label") == []  # a ':' in the line below: not a headline
    crumbs = cleaned("Hindi News", "Sports", "Cricket", "Six oldest players to watch in the 2021 auction", BODY, BODY)
    assert removed(crumbs, "widget.section-label") == ["Hindi News", "Sports", "Cricket"]
    assert HEADLINE in cleaned("Política", HEADLINE, BODY, BODY).text


def test_glued_menu_entries_at_the_start_go():
    result = cleaned("PogodaDługoterminowaWeekend", BODY, BODY)
    assert removed(result, "widget.section-label") == ["PogodaDługoterminowaWeekend"]


def test_titles_and_field_lines_stay():
    # A one-line title followed by the body, a lower-case word, a heading over a date or a list of
    # fields, and a title over a line in capitals are the article's own.
    assert cleaned("Brexit", BODY, BODY).removed == ()
    assert cleaned("restaurant", "American", HEADLINE, BODY).removed == ()
    assert cleaned("Schedule", "September 10 from noon in room 217", BODY).removed == ()
    assert cleaned("Coffea arabica", "Family: Rubiaceae | Place of Origin: Ethiopia", BODY).removed == ()
    assert cleaned("Safety Alert", "ELECTRICAL SAFETY IN THE HOME", BODY).removed == ()


def test_snippet_cut_at_an_ellipsis_loses_its_last_sentence():
    text = (
        "Traders formed a human chain in the capital on Sunday. It came under attack, leading to clashes "
        "between the two sides. Police and the army later brought the situation..."
    )
    result = Cleaner(Config()).clean(text)
    assert [r.rule for r in result.removed] == ["truncation.cut-teaser"]
    assert (
        result.text
        == "Traders formed a human chain in the capital on Sunday. It came under attack, leading to clashes between the two sides."
    )


def test_an_article_ending_in_an_ellipsis_stays():
    para = "Traders formed a human chain in the capital on Sunday, and the police watched from the corner."
    longer = Cleaner(Config()).clean(para + "\n\n" + para + " Nobody knew what came next...")
    assert [r.start for r in longer.removed] == []  # the candidate for the whole block stays a candidate
    quote = Cleaner(Config()).clean('She paused. "We will see what happens..."')
    assert quote.removed == ()
    single = Cleaner(Config()).clean("Nobody knew what came next...")
    assert single.removed == ()
