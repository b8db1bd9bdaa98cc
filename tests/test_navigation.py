"""Site menus a scraper kept above the article (cleaner/heuristics/navigation.py), on small invented
articles: runs of short entry lines and entries joined into one long line."""

from __future__ import annotations

from cleaner import Cleaner, Config

TITLE = "Council approves the new budget for the coming year"
BODY = (
    "The city council approved the budget on Monday after a long debate about the cost of repairs "
    "to the old bridge and the new school."
)
BODY2 = "Members said the plan would be reviewed again in the spring, when the first figures are known."
TITULO = "El ayuntamiento aprueba el nuevo presupuesto del año"
CUERPO = (
    "El pleno aprobó el lunes el presupuesto tras un largo debate sobre el coste de las obras del "
    "puente viejo y de la nueva escuela municipal."
)


def cleaned(*blocks: str):
    return Cleaner(Config()).clean("\n".join(blocks))


def removed(result, rule: str) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == rule]


def test_menu_run_above_the_article_goes_title_and_body_stay():
    menu = ["Home", "World", "Politics", "Business", "Science & Tech", "Travel"]
    result = cleaned(*menu, TITLE, BODY, BODY2)
    assert removed(result, "navigation.menu-run") == menu
    assert result.text.startswith(TITLE)
    assert BODY in result.text and BODY2 in result.text


def test_menu_run_in_another_language_and_a_short_title_right_above_the_body():
    menu = ["Inicio", "Nacional", "Internacional", "Deportes", "Cultura"]
    result = cleaned(*menu, "Presupuesto aprobado hoy", CUERPO, CUERPO)
    assert removed(result, "navigation.menu-run") == menu
    assert result.text.startswith("Presupuesto aprobado hoy")  # three words above the body: the title


def test_runs_that_are_not_menus_stay():
    # two lines only; lower-case entries (a dictionary entry); a product box with prices and ratings
    assert removed(cleaned("Home", "World", TITLE, BODY), "navigation.menu-run") == []
    assert (
        removed(cleaned("restaurant", "noun", "plural restaurants", "a place to eat", BODY), "navigation.menu-run")
        == []
    )
    box = ["Best overall", "Rated 4.8", "From $17 a month", "Free plan available", "Easy templates"]
    assert removed(cleaned(*box, BODY, BODY2), "navigation.menu-run") == []


def test_short_lines_below_the_article_or_without_a_body_stay():
    # below the last paragraph, a run of short lines is as often the article's own list
    sources = ["Sources", "City Budget Office", "Bridge Repair Report", "School Board Minutes"]
    assert removed(cleaned(TITLE, BODY, BODY2, *sources), "navigation.menu-run") == []
    # no body paragraph at all: nothing tells a menu from a list
    assert cleaned("Flour", "Sugar", "Butter", "Eggs").removed == ()


def test_joined_menu_line_goes_above_and_below_the_article():
    line = (
        "Food Recipes Quick & Easy Dinners Casseroles Desserts Side Dishes Appetizers Breakfast Party "
        "Food & Drink Meat View All"
    )
    result = cleaned(line, TITLE, BODY, BODY2, line.replace("Food", "Garden"))
    assert removed(result, "navigation.menu-line") == [line, line.replace("Food", "Garden")]
    assert result.text == "\n".join([TITLE, BODY, BODY2])  # the text's own line breaks


def test_titles_and_sentences_without_punctuation_stay():
    long_title = "The Early Reviews for the New Streaming Platform Are Here and They Are Not Great at All Yet"
    assert removed(cleaned(long_title, BODY, BODY2), "navigation.menu-line") == []
    # a long unpunctuated line in sentence case (a caption, a subtitle) is not a menu
    caption = "the mayor and members of the council walk across the old bridge after the vote on the budget today"
    assert removed(cleaned(caption, TITLE, BODY, BODY2), "navigation.menu-line") == []
    # inside the article, even a menu-like line is left to the other rules
    inside = "Home World Politics Business Science Tech Travel Sport Culture Opinion Video Audio Weather Jobs Shop More"
    assert removed(cleaned(TITLE, BODY, inside, BODY2), "navigation.menu-line") == []


def test_long_footer_menu_below_the_article_goes():
    footer = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use", "Newsroom", "Help"]
    result = cleaned(TITLE, BODY, BODY2, *footer)
    assert removed(result, "navigation.footer-run") == footer
    assert result.text == "\n".join([TITLE, BODY, BODY2])  # the text's own line breaks
    # seven entries, or entries with figures (a list of ingredients), stay
    assert removed(cleaned(TITLE, BODY, BODY2, *footer[:7]), "navigation.footer-run") == []
    ingredients = ["2 cups flour", "1 cup sugar", "3 eggs", "Butter", "Salt", "Milk", "1 lemon", "Vanilla"]
    assert removed(cleaned(TITLE, BODY, BODY2, *ingredients), "navigation.footer-run") == []


def test_not_on_the_html_path():
    from cleaner.blocks import from_parts
    from cleaner.decide import decide

    menu = ["Home", "World", "Politics", "Business"]
    c = Cleaner(Config())
    # the same lines as blocks of cleaner's own HTML extraction: the extractor dropped the menus,
    # what stands above the first paragraph is the article's header
    text, blocks = from_parts([("paragraph", m, 0) for m in menu] + [("paragraph", BODY, 0), ("paragraph", BODY2, 0)])
    assert not [r for r in decide(text, blocks, "en", c.rulebook, c.config).removed if r.rule.startswith("navigation")]
    plain = cleaned(*menu, BODY, BODY2)
    assert removed(plain, "navigation.menu-run") == menu


def test_a_short_run_set_apart_as_paragraphs_stays_a_long_one_goes():
    # the layout an extractor writes (cleaner's HTML path, every clean text): each entry set apart
    # by a blank line; a short run there is the article's header, a run as long as a footer menu
    # is still the site's menu
    c = Cleaner(Config())
    header = ["Home", "Resources", "Knowledge Hub"]
    assert removed(c.clean("\n\n".join([*header, TITLE, BODY, BODY2])), "navigation.menu-run") == []
    menu = ["Home", "World", "Politics", "Business", "Science", "Travel", "Sport", "Culture"]
    assert removed(c.clean("\n\n".join([*menu, TITLE, BODY, BODY2])), "navigation.menu-run") == menu
    # mostly lines in a row: the scraper's dump it always was
    mixed = "Home\nWorld\n\nPolitics\nBusiness\n\n" + "\n\n".join([TITLE, BODY, BODY2])
    assert removed(c.clean(mixed), "navigation.menu-run") == ["Home", "World", "Politics", "Business"]


def test_a_clean_text_cleaned_again_keeps_its_short_runs():
    # a run the first cleaning left (here: lines that were headings of the page) is judged the same
    # way when the clean text, each block set apart, is cleaned again
    c = Cleaner(Config())
    text = "\n\n".join(["Home", "Resources", "Knowledge Hub", TITLE, BODY, BODY2])
    first = c.clean(text)
    assert c.clean(first.text).removed == ()
    menu = ["Home", "World", "Politics", "Business", "Science & Tech", "Travel"]
    lines = c.clean("\n".join([*menu, TITLE, BODY, BODY2]))
    assert removed(lines, "navigation.menu-run") == menu
    assert c.clean(lines.text).removed == ()
