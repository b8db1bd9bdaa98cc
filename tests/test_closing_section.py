"""A closing section below the article, from its header to the text's end (tail.closing-section in
cleaner/heuristics/closing.py), on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config, restore
from tests.invented import PARAS as _PARAS
from tests.invented import TITLE

PARAS = _PARAS[:4]
COMMENT = (
    "I have lived next to that bridge for thirty years and nobody ever asked us what we think about the "
    "repairs, the noise, the trucks or the closing of the coast road during the summer when the tourists "
    "come, so I very much doubt this council will listen now, whatever the mayor says to the papers."
)
REPLY = "Thanks for the article, very useful to know before the summer."


def cleaned(*blocks: str, **config):
    return Cleaner(Config(**config)).clean("\n\n".join(blocks))


def removed(result, rule: str = "tail.closing-section") -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == rule]


def test_a_comment_section_goes_to_the_end_its_long_comments_too():
    blocks = (TITLE, *PARAS, "Leave a Reply", COMMENT, "Jane", REPLY)
    result = cleaned(*blocks)
    assert COMMENT not in result.text and REPLY not in result.text
    assert removed(result)[-3:] == [COMMENT, "Jane", REPLY]
    assert result.text.endswith(PARAS[-1])
    assert restore(result) == "\n\n".join(blocks)


def test_a_header_a_rule_removed_opens_the_section_as_well():
    result = cleaned(TITLE, *PARAS, "12 Comments", COMMENT, REPLY)
    assert "12 Comments" not in result.text
    assert COMMENT in removed(result) and REPLY in removed(result)


def test_headers_of_other_languages_and_with_a_count_or_colon():
    for header in ("Kommentare (3)", "Deja un comentario", "Tags:", "Cite This Page:", "Über uns", "Комментарии"):
        result = cleaned(TITLE, *PARAS, header, COMMENT, select=("tail.closing-section",))
        assert removed(result) == [header, COMMENT], header


def test_a_header_above_most_of_the_text_stays():
    # under the headline, a 'Comments' link or a tags row is no section below the article
    result = cleaned(TITLE, PARAS[0], "Tags", *PARAS[1:], COMMENT, select=("tail.closing-section",))
    assert removed(result) == []
    # nor after fewer than 100 words of text
    short = cleaned(TITLE, PARAS[0], "Comments", COMMENT, select=("tail.closing-section",))
    assert removed(short) == []


def test_a_question_a_sentence_or_a_longer_line_is_no_header():
    for line in (
        "Comments?",
        "Comments from the mayor drew criticism.",
        "Tags and labels on the new bins will be printed in three languages",
    ):
        result = cleaned(TITLE, *PARAS, line, COMMENT, select=("tail.closing-section",))
        assert removed(result) == [], line


def test_headers_an_article_closes_with_itself_are_not_in_the_lexicon():
    # the dev collections' true bodies keep these sections (and a table's 'Category' column head)
    for header in ("References", "Sources", "Notes", "Disclaimer", "About the Author", "Category"):
        result = cleaned(TITLE, *PARAS, header, COMMENT, select=("tail.closing-section",))
        assert removed(result) == [], header


def test_the_first_header_counts_and_a_second_cleaning_finds_nothing_more():
    first = cleaned(TITLE, *PARAS, "Tags", "budget, council", "Comments", COMMENT)
    assert first.text.rstrip().endswith(PARAS[-1])
    again = Cleaner(Config()).clean(first.text)
    assert again.text == first.text
