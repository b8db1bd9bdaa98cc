"""tail.closing-section opened by a newsletter box's name ('Pick Six Newsletter', lexicon
tail.closing-header-ends) and by the headers added with it ('Follow us', 'Republish this article',
'Nutrition Facts'), on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config, restore
from tests.invented import PARAS as _PARAS
from tests.invented import TITLE

PARAS = _PARAS[:4]
BOX = (
    "Get the week's council news in your inbox every Friday.",
    "There was an error processing your request.",
    "- Bridge works: what changes for drivers",
)


def cleaned(*blocks: str, **config):
    return Cleaner(Config(select=("tail.closing-section",), **config)).clean("\n\n".join(blocks))


def removed(result) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == "tail.closing-section"]


def test_a_newsletter_boxs_name_opens_the_section_to_the_end():
    blocks = (TITLE, *PARAS, "Harbour Weekly Newsletter", *BOX)
    result = cleaned(*blocks)
    assert removed(result) == ["Harbour Weekly Newsletter", *BOX]
    assert result.text.rstrip().endswith(PARAS[-1])
    assert restore(result) == "\n\n".join(blocks)


def test_newsletter_names_in_other_languages_and_alone():
    for header in ("Newsletters", "Boletín", "Unser Newsletter", "Nieuwsbrief", "Рассылка", "Haftalık Bülten"):
        result = cleaned(TITLE, *PARAS, header, *BOX)
        assert removed(result) == [header, *BOX], header


def test_a_sentence_or_a_call_to_sign_up_is_no_name():
    for line in (
        "Subscribe to our newsletter",
        "Sign up for the newsletter",
        "The council also sends a newsletter.",
        "Our Weekly Council Digest Email Newsletter",  # five words: longer than a box's name
    ):
        result = cleaned(TITLE, *PARAS, line, *BOX)
        assert removed(result) == [], line


def test_a_newsletter_name_with_article_paragraphs_after_it_stays():
    # a site menu's 'Newsletters' entry above the article: the article's paragraphs follow it
    menu = ("Home", "News", "Sport", "Newsletters")
    result = cleaned(*PARAS, *menu, *_PARAS)
    assert removed(result) == []
    # nor above most of the text
    result = cleaned(TITLE, PARAS[0], "Newsletter", *PARAS[1:], *BOX)
    assert removed(result) == []


def test_follow_us_republish_and_nutrition_headers():
    for header in (
        "Follow us",
        "Suivez-nous",
        "Folgen Sie uns",
        "Republish this article",
        "Nutrition Facts",
        "Nährwerte",
    ):
        result = cleaned(TITLE, *PARAS, header, *BOX)
        assert removed(result) == [header, *BOX], header


def test_a_second_cleaning_finds_nothing_more():
    first = Cleaner(Config()).clean("\n\n".join((TITLE, *PARAS, "Harbour Weekly Newsletter", *BOX)))
    again = Cleaner(Config()).clean(first.text)
    assert again.text == first.text
