"""Idempotence (issue 12, item 14): cleaning the clean text again changes nothing.

Text: ``clean(clean(x).text).text == clean(x).text``. HTML: the HTML path's output, cleaned
again as text, is stable (the text path's output of it is a fixed point). Generated text and
HTML here; every page of the dev collections in ``test_idempotence_on_the_dev_collections``
(with the scraper-style texts of every page; slow: set CLEANER_SLOW_TESTS=1; skipped
without ../shared/data). ``bench/idempotence.py``
prints the same figures per collection, including the stricter HTML one (the HTML output
cleaned as text loses nothing).
"""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.result import restore
from tests.conftest import REPO, SHARED_DATA

CLEANER = Cleaner()
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VOCAB = (
    "the council said on monday that the new budget for roads and schools would pass after a long debate "
    "about money police river city state market people week year plan vote"
).split()
word = st.sampled_from(VOCAB)
sentence = st.lists(word, min_size=4, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
invisible = st.sampled_from(("\u00ad", "\u200b", "\u200e", "\u2066", "\ufeff", ""))
debris = st.sampled_from(
    (
        "Also Read: Minister Quits Over Scandal",
        "READ MORE | Storm hits coast",
        "Advertisement",
        "Share this article",
        "Photo: Reuters",
        "Related Stories",
        "How Rebels Crippled The Capital",
        "\u25b6",
        "\u25b6 More news",
        "\u00a9 2024 The Daily News. All rights reserved.",
        "By John Smith, Staff Reporter",
        "E",
        "## Heading Here",
        "    # An indented hash line",
        "- a list item",
        "> a quote",
        "1. first",
        "|",
        "Follow us on X and Facebook",
    )
)
glue = st.sampled_from(("\n\n", "\n", " ", "  ", "\n \n", "\t"))


@st.composite
def text_article(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(paragraph, paragraph, debris, st.text(st.characters(exclude_characters="\x00"), max_size=30)),
            min_size=1,
            max_size=12,
        )
    )
    out = []
    for p in parts:
        mark = draw(invisible)
        if mark and len(p) > 3:
            i = draw(st.integers(1, len(p) - 1))
            p = p[:i] + mark + p[i:]
        out.append(p + draw(glue))
    return "".join(out)


@SETTINGS
@given(text_article())
# found by hypothesis: a Markdown heading whose '#' the clean text drops was cut only on a second pass
@example(
    "T\xadhe the the the.\n\nA\xadlso Read: \u2026\n\n    # An indented hash line T\xadhe the the the. E\n\n\u2026"
)
# found by bench/idempotence_hunt.py (seed 431, fix then check): the first fused label of the line
# was followed by text; promo.inline-lead-in looked no further, and once promo.inline-label cut
# that label, a second cleaning took the later "Related Stories" tail
@example(
    "A\xadlso Read: Minister Quits Over Scandal\n\nT\xadhe the the the.\n\n"
    "|  Also Read: Minister Quits Over Scandal T\xadhe the the the. 0\xad000  Related S\xadtories\n\n"
    "T\xadhe the the the.\n\n"
)
# found by bench/idempotence_hunt.py (seed 409, second run): the blank line before a Markdown heading
# was lost when the line above it went (the heading's "## " hid it), joining three short lines into a menu
@example(
    "A\n :\xad::A\nA\xadlso Read: Minister Quits Over Scandal\n\n## Heading Here\n\n"
    "T\xadhe the the the. The the the the the the the the the the the.\n\n"
)
# found by bench/idempotence_hunt.py (seed 409): the line was heading-like until the lead-in was cut
# from it; what was left reads as a paragraph, whose dangling "E" a second pass took
@example("T\xadhe the the the the. E  Also Read: Minister Quits Over Scandal\n\n")
# found by hypothesis: a span cut left "Advertisement" alone on its line, which ads.marker
# removed only on a second pass (block rules now look at what span cuts leave)
@example("T\xadhe the the the.\n\n" * 3 + "A\xaddvertisement  Also Read: Minister Quits Over Scandal\n\n")
# found by hypothesis: ads.inline-marker cut "Advertisement" between two sentences, which left
# "Also Read: …" after the sentence end only in the clean text; promo.inline-read took it on a
# second pass (span rules now look at a block as what its cuts leave, in several pieces)
@example("T\xadhe the the the. A\xaddvertisement Also Read: Minister Quits Over Scandal")
# found by hypothesis: promo.inline-label cut "READ MORE |" from the middle of a credit line, and
# credit.inline-caption found the credit ("Photo: Reuters Storm") only in the clean text; a line
# in which it finds none as written is judged on what earlier cuts leave of it
@example(
    "T\xadhe the the the.\n\n\n\nP\ufeffhoto: Reuters READ MORE | Storm hits coast "
    "T\xadhe the the the the the the the the the the the the.\n\n"
)
# found by hypothesis: "Also Read: …" cut from a paragraph's last line joined the next paragraph
# to it by one line break, and the joined block read otherwise on a second pass; the blank line
# after a removed piece now parts the two pieces as it parted the blocks
@example(
    "T\xadhe the the the.\n\nT\xadhe the the the.\n\nThe the the the.\nAlso Read: Minister Quits Over Scandal\n\n"
    "READ MORE | Storm hits coast A\xadlso Read: Minister Quits Over Scandal\nT\xadhe the the the the the the council.\n0\n\n"
)
# found by hypothesis: promo.inline-label cut " Also Read:" from a paragraph's first line, which
# left it headline-like; a second pass segmented the paragraph's lines apart and promo.also-read
# took two of them (looking again at a cut block now segments what the cut leaves)
@example(
    "T\xadhe the the the.\n\n" * 4 + "A\xadlso Read: Minister Quits Over Scandal\n\n0\xad000 Also Read: Minister Quits "
    "Over Scandal\nA\xadlso Read: Minister Quits Over Scandal\nAl\xadso Read: Minister Quits Over Scandal\n\n"
)
# found by hypothesis: widget.section-label read the line under a lone label as it was written
# ("... Also Read: Minister ...", not a headline for its ':'), a second pass as the cut left it
# (a headline): the heuristic now reads the headline as the clean text shows it
@example(
    "A\xadlso Read: Minister Quits Over Scandal\n\n"
    * 4
    + "\u25b6\n\n\n\n\u25b6\xad More news  Also Read:\xad Minister Quits Over Scandal\n\n"
    "The the the the the the the the.\n\n"
)
# found by hypothesis: a cut left "@" alone on the first line, a label above a headline only on a
# second pass (widget.section-label left a line with cuts alone; it now judges what they leave)
@example(
    "@  Also Read: Minister Quits Over Scandal\n\nBy John Smith, Staff Reporter\n\nT\xadhe the the the the the the the.\n\n"
)
# found by hypothesis: headline.loaded left a Markdown heading alone as the page's own subhead,
# and the clean text, which drops its '#', showed a second pass a plain loaded headline
@example(
    "A\xadlso Read: Minister Quits Over Scandal\n\n" * 2
    + "0\n\n## \xadHeading Here H\xadow Rebels Crippled The Capital\n\n"
)
# found by hypothesis: a fragment " E" cut from a paragraph's end left a caption said twice, which
# credit.doubled-caption judged only as written (a block with cuts it left alone); it now judges
# what the cuts leave
@example(
    "A\xadlso Read: Minister Quits Over Scandal\n\n\n\n"
    + "The the the the the the the the the the the the the the. The the the the the and the. " * 2
    + "E\n\n"
)
# found by hypothesis: "# # Also Read: …" was a heading whose text "# Also Read: …" no rule took;
# the clean text, which keeps the text alone, read as a heading again, and promo.also-read took
# it on a second pass (a heading's text now starts after every marker it opens with)
@example("# # Also Read: Minister Quits Over Scandal\n\n")
# found by hypothesis: headline.loaded judged "How Rebels Crippled The Capital  READ MORE | Storm
# hits coast" as written (not heading-like), a second pass the headline its cut left; it now
# judges a block with cuts as the clean text shows it
@example(
    "A\xadlso Read: Minister Quits Over Scandal\n\n\n\n"
    + "T\xadhe the the the.\n\n\n\n" * 2
    + "H\xadow Rebels Crippled The Capital  READ MORE | Storm hits coast\n\n"
)
# found by hypothesis: tail.link-residue took the last paragraph to be "E  READ MORE | Storm hits
# coast", whose cut leaves "E", a heading-like line on a second pass, which then judged the
# paragraph before it; the last paragraph is now the one a cleaning of the clean text reads
@example(
    "T\xadhe the the the.\n\n" * 6
    + "T\xadhe the the the.  \xad   # An indented hash line\n\nA\xaddvertisement\n\nE  READ MORE | S\xadtorm hits coast\n\n"
)
def test_text_is_idempotent(text):
    # the language is given: detection on a few generated words may flip between the passes
    # (e.g. to French when only a credit line is left), which switches other rules on; the
    # dev collections below are cleaned with detection
    first = CLEANER.clean(text, lang="en")
    second = CLEANER.clean(first.text, lang="en")
    assert second.text == first.text, [r.to_dict() for r in second.removed]


def test_a_span_rule_sees_what_a_cut_in_the_middle_leaves():
    # derandomized: the example hypothesis found (two pieces left around the cut)
    text = "T\xadhe the the the. A\xaddvertisement Also Read: Minister Quits Over Scandal"
    # the rules alone: promo.inline-lead-in, which also reads what cuts leave, finds the same
    # lead-in first (its record is the next test's)
    rules_alone = Cleaner(Config(ignore=("promo.inline-lead-in",)))
    first = rules_alone.clean(text, lang="en")
    assert first.text == "T\xadhe the the the."
    assert [(r.rule, r.text) for r in first.removed] == [
        ("ads.inline-marker", "A\xaddvertisement "),
        ("promo.inline-read", "Also Read: Minister Quits Over Scandal"),
    ]
    assert restore(first) == text
    assert rules_alone.clean(first.text, lang="en").text == first.text


def test_lines_a_cut_parts_are_one_block_for_the_heuristics_a_known_gap():
    # found by hypothesis after this session's fixes: a cut at a paragraph's last line
    # ("\nAlso Read: …") leaves lines that the next cleaning segments apart, the first a heading-
    # like line headline.loaded takes there. The rules look at such parts (apply_rules_again,
    # tests/test_again_resegments.py); the heuristics see the block as one. Closing it means
    # segmenting the document again after a cut, for the heuristics too. This test holds the gap
    # as it is, so that closing it is seen.
    text = (
        "T\xadhe the the the.\n\n" * 4
        + "| Also Read: Minister Quits Over Scandal H\xadow Rebels Crippled The Capital\n"
        + "T\xadhe the the the the the the council.\nA\xadlso Read: Minister Quits Over Scandal\n\nThe the the the.\n\n"
    )
    first = CLEANER.clean(text, lang="en")
    assert [r.rule for r in first.removed] == ["promo.inline-read"]
    assert [r.rule for r in CLEANER.clean(first.text, lang="en").removed] == ["headline.loaded"]


def test_a_lead_in_label_a_cut_put_after_a_sentence_end_is_a_known_gap():
    # found by hypothesis: "Related Stories" after "Advertisement" is no lead-in as written; once
    # ads.inline-marker cuts the marker it follows the sentence end, where a second cleaning takes
    # it. Left so: promo.inline-lead-in finds the places a label can start in the text as written
    # and does not read the decisions where there is none (tests/test_leadin_trie_choice.py); to
    # look after every cut it would have to, and to search every text for any label (+3% of the
    # text path). This test holds the gap as it is, so that closing it is seen.
    text = "T\xadhe the the the. A\xaddvertisement Related S\xadtories\n\n"
    first = CLEANER.clean(text, lang="en")
    assert [(r.rule, r.text) for r in first.removed] == [("ads.inline-marker", "A\xaddvertisement ")]
    assert [(r.rule, r.text) for r in CLEANER.clean(first.text, lang="en").removed] == [
        ("promo.inline-lead-in", " Related S\xadtories")
    ]


# Hand-made texts, one per way a second cleaning used to find more (each failed on the main
# branch before the fix): what the first cleaning removes is what a second one would.
BODY = (
    "The city council met on Tuesday evening to debate the new budget for roads and schools, "
    "and after a long discussion the members voted to approve the plan by a wide margin."
)
MENU_LINE = (
    "News World Politics Business Economy Sport Culture Travel Science Health Style Opinion Video Audio Weather More"
)
CASES = {
    # a later heuristic (menu-line) removes the long line between short ones, which leaves them a
    # menu run: decide runs the heuristics again until nothing new is found
    "menu run after menu line": (
        f"Home\n{MENU_LINE}\nWorld Affairs\nCity Life\n{BODY}\n{BODY}\n",
        {"navigation.menu-run": 3, "navigation.menu-line": 1},
    ),
    # link residue and fused sign-offs are judged on what survives a cut at the end of the paragraph
    "link residue before a cut": (
        f"{BODY}\n{BODY}  Jane Doe  Subscribe to our channel  Smart Watch  Also Read: Minister Quits Over Scandal\n",
        {"tail.link-residue": 1, "promo.inline-lead-in": 1},
    ),
    "sign-off before a cut": (
        f"{BODY}\n{BODY} John Smith  Also Read: Minister Quits Over Scandal\n",
        {"credit.sign-off": 1, "promo.inline-lead-in": 1},
    ),
    "uncased sign-off before a cut": (
        f"{BODY}\n{BODY}/\u0e2a\u0e21\u0e0a\u0e32\u0e22 \u0e43\u0e08\u0e14\u0e35  Also Read: Minister Quits Over Scandal\n",
        {"credit.sign-off": 1, "promo.inline-lead-in": 1},
    ),
    # the last of a row of bracketed labels is not a photo credit (cutting it left the one before
    # it last, and the next cleaning took that one)
    "row of bracketed labels": (
        f"{BODY}\n{BODY}\nReferences\n"
        "- Smith J, Doe A. A study of the council and its budget in the city. J Urban Stud 2012;3(2):10-20. "
        "[CrossRef] [Medline]\n"
        "- Roe B. Another study of roads. Urban Rev 2015;2:218-222 [FREE Full text] [CrossRef] [Medline]\n",
        {},
    ),
    # an indented bullet's content is its text (it lost as many letters as the indent had, which
    # hid a menu run that the de-indented clean text showed)
    "indented menu items": (
        "- Sign in to:\n  - Forum\n  - Cloud Store\n  - Join us at:\n  - Forum\n  - Cloud Store\nStaff Writer\n"
        f"{BODY}\n{BODY}",
        {"navigation.menu-run": 5, "share.follow": 1},
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_second_cleaning_finds_nothing_new(name):
    text, expected = CASES[name]
    first = CLEANER.clean(text, lang="en")
    found: dict[str, int] = {}
    for r in first.removed:
        found[r.rule] = found.get(r.rule, 0) + 1
    assert found == expected
    second = CLEANER.clean(first.text, lang="en")
    assert second.text == first.text, [r.to_dict() for r in second.removed]


MENU_HI = ["होम पेज राष्ट्रीय समाचार", "अंतरराष्ट्रीय खबरें दुनिया", "मनोरंजन जगत बॉलीवुड", "खेल जगत क्रिकेट"]
MENU_HI += ["व्यापार बाजार शेयर", "राजनीति चुनाव विशेष"]


def test_the_language_of_what_survives_decides():
    # detected (not given): a long menu in Hindi above an English article makes the whole text read
    # as Hindi; once the menu is removed the text is English, and a second cleaning applied the
    # English rules ('Also Read: …'); the language of what survives decides now
    text = "\n".join(MENU_HI * 3) + f"\n{BODY}\nAlso Read: Minister Quits Over Scandal\n{BODY}\n"
    first = CLEANER.clean(text)
    assert first.lang.code == "en"
    assert [r.rule for r in first.removed].count("promo.also-read") == 1
    second = CLEANER.clean(first.text)
    assert second.text == first.text, [r.to_dict() for r in second.removed]


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tags = st.sampled_from(("p", "div", "section", "blockquote", "li", "h2", "h3", "figcaption", "td", "span", "b"))
    return st.tuples(tags, st.lists(children, min_size=1, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"
    )


inline = st.one_of(sentence, debris, st.just("<br>"), st.just("<br/>\n"), st.just(" "))
html_body = st.recursive(inline, _element, max_leaves=24)


@SETTINGS
@given(st.lists(st.one_of(paragraph.map(lambda p: f"<p>{p}</p>"), html_body), min_size=1, max_size=8))
def test_html_output_cleaned_as_text_is_stable(parts):
    page = "<html><head><title>News</title></head><body><article><h1>The council votes</h1>" + "".join(parts)
    page += "</article></body></html>"
    first = CLEANER.clean(page, html=True).text
    second = CLEANER.clean(first, html=False).text
    third = CLEANER.clean(second, html=False).text
    assert third == second


def _collections():
    sys.path.insert(0, str(REPO))
    from bench.datasets import html_collections, load_pages, load_wild

    if not SHARED_DATA.exists():
        pytest.skip(f"{SHARED_DATA} is absent: shared data is not beside this checkout")
    return load_wild(SHARED_DATA), {c: load_pages(SHARED_DATA, c) for c in html_collections(SHARED_DATA)}


@pytest.mark.skipif(not os.environ.get("CLEANER_SLOW_TESTS"), reason="slow (every dev page): set CLEANER_SLOW_TESTS=1")
def test_idempotence_on_the_dev_collections():
    wild, pages = _collections()
    failures = []
    for art in wild:
        first = CLEANER.clean(art.raw).text
        if CLEANER.clean(first).text != first:
            failures.append(f"wild-dev/{art.id}")
    for coll, ps in pages.items():
        for p in ps:
            first = CLEANER.clean(p.html(), html=True, url=p.url or None).text
            second = CLEANER.clean(first, html=False).text
            if CLEANER.clean(second, html=False).text != second:
                failures.append(f"{coll}/{p.id}")
    # the scraper-style texts of every page (trafilatura favor_recall, a naive paragraph join)
    from bench.datasets import scraper_inputs

    for coll, ps in pages.items():
        inputs = scraper_inputs(ps)
        for p in ps:
            for kind in ("recall", "naive"):
                first = CLEANER.clean(inputs[(p.collection, p.id)][kind]).text
                if CLEANER.clean(first).text != first:
                    failures.append(f"{coll}/{kind}/{p.id}")
    assert not failures, failures


def test_idempotence_on_a_sample_of_the_dev_collections():
    """Every 25th page and article: the quick version of the test above, run by default."""
    wild, pages = _collections()
    failures = []
    for art in wild[::25]:
        first = CLEANER.clean(art.raw).text
        if CLEANER.clean(first).text != first:
            failures.append(f"wild-dev/{art.id}")
    for coll, ps in pages.items():
        for p in ps[::25]:
            first = CLEANER.clean(p.html(), html=True, url=p.url or None).text
            second = CLEANER.clean(first, html=False).text
            if CLEANER.clean(second, html=False).text != second:
                failures.append(f"{coll}/{p.id}")
    assert not failures, failures


def test_a_block_its_cuts_empty_counts_as_removed():
    # wcxb-dev's naive join of one page: a sign-off cut from the end of a long copyright block kept
    # the block from credit.closing-copyright, and the block kept the footer menu above it from
    # navigation.footer-run; a second cleaning found both. The copyright is judged on what the cut
    # leaves, and a block its cuts leave empty no longer stands between the menu and the end.
    body = (
        "The clinic opened a new wing on Monday, and the first patients were seen within the hour, staff said.\n\n"
        "Doctors said the extra beds would shorten waiting times across the region during the winter months.\n\n"
    )
    footer = "\n\n".join(["Instagram", "Tiktok", "About Us", "Video", "Masthead", "Contact", "Careers", "Site Map"])
    text = (
        "Clinic Opens New Wing\n\n" + body + footer + "\n\n© 2025 Example Media. All rights reserved. Example may "
        "earn a portion of sales from products that are purchased through our site as part of our Affiliate "
        "Partnerships with retailers. The material on this site may not be reproduced, distributed, transmitted, "
        "cached or otherwise used, except with the prior written permission of Example Media. Ad Choices"
    )
    first = CLEANER.clean(text, lang="en")
    assert first.text.endswith("during the winter months."), first.text[-80:]
    assert restore(first) == text
    second = CLEANER.clean(first.text, lang="en")
    assert second.text == first.text, [r.to_dict() for r in second.removed]


# Generated HTML, one page per way the HTML path's output, cleaned again as text, used to lose
# something (each failed on the main branch before the fix): the first cleaning reads a block as
# its clean text reads, so it removes what the second would.
LEAD = (
    "The regional council met on Monday to discuss the new budget for roads and schools in the valley, "
    "and members spoke for hours."
)
NEXT = (
    "Engineers from the county will inspect every bridge before the work starts, and the first contracts "
    "go out in the spring."
)
LAST = (
    "Residents can comment on the plan at three public meetings, the first of which takes place in the "
    "town hall next week."
)
HTML_CASES = {
    # a paragraph opening with a bullet is a list item in the clean text: the rules judge its words
    "paragraph read as a bullet": (
        f"<h1>Council backs budget</h1><p>{LEAD}</p><p>{BODY}</p>"
        "<p>* Follow Example News on Instagram, Twitter, Facebook and YouTube.</p>",
        ["share.follow"],
    ),
    # a heading-like <h2> with loaded wording between body paragraphs
    "loaded subhead": (f"<p>{LEAD}</p><h2>How The Storm Crippled The Harbour</h2><p>{BODY}</p>", ["headline.loaded"]),
    # a line of a paragraph (a <br>) read as a heading: a plain line, not one the markup declares
    "heading-like line of a paragraph": (
        f"<p>{LEAD}</p><p>{BODY}<br>How Rebels Crippled The Capital</p><p>{BODY}</p>",
        ["headline.loaded"],
    ),
    # a list item's line reads as a paragraph in the clean text (no bullet): its dangling link
    # text after the last sentence goes now, not on the second cleaning
    "dangling fragment of a list item": (
        f"<h1>Council backs budget</h1><p>{LEAD}</p><p>{BODY}</p><ol><li>Most of the new lanes will run "
        "along the river, the council said. Two more are planned in the north. Source</li>"
        f"<li>Last updated: 2024-05-02</li></ol><p>{NEXT}</p>",
        ["truncation.dangling-fragment", "credit.timestamp"],
    ),
    # a heading-like list item reads as a heading line: judged as a loaded headline like one
    "loaded list item": (
        f"<h1>Council backs budget</h1><p>{LEAD}</p><ul><li>This Stunning Lakeside Cabin Is Half Price This "
        f"Week</li></ul><p>{BODY}</p><p>{NEXT}</p>",
        ["headline.loaded"],
    ),
    # <h2> subheads in capitals are the article's subheads in the clean text too (plain lines):
    # the sentence-case headline-shaped last line is off their style on both cleanings
    "off-style line under declared subheads": (
        f"<h1>Council backs budget</h1><p>{LEAD}</p><h2>THE PLAN FOR THE ROADS</h2><p>{BODY}</p>"
        f"<h2>WHAT COMES NEXT</h2><p>{NEXT}</p><p>{LAST}</p>"
        "<p>Originally published as Council backs a budget for roads in the valley</p>",
        ["headline.off-style"],
    ),
    # ... and a headline-shaped list item between body paragraphs reads as a plain line
    "off-style list item": (
        f"<h1>Council backs budget</h1><p>{LEAD}</p><h2>THE PLAN FOR THE ROADS</h2><p>{BODY}</p>"
        f"<h2>WHAT COMES NEXT</h2><p>{NEXT}</p><ul><li>Up to a third of the roads in the valley could be "
        f"repaved by next spring</li></ul><p>{LAST}</p>",
        ["headline.off-style"],
    ),
    # the body paragraph after a heading-like line is the next line that reads as one (here an <h3>
    # set as a sentence): it shares a word with the line, which introduces it and stays on both
    "loaded list item introducing what follows": (
        f"<h1>Council backs budget</h1><p>{LEAD}</p><p>{BODY}</p><ul><li>This Stunning Lakeside Cabin Is "
        "Half Price This Week</li></ul><h3>Want a cabin by the water yourself? Here is where the council "
        f"allows new ones to be built.</h3><p>{NEXT}</p>",
        [],
    ),
    # a list item of sentences before a loaded <h2> is a body paragraph in the clean text: the
    # heading stands in the body on both cleanings
    "loaded subhead after a list item": (
        f"<h1>Council backs budget</h1><ul><li>{LEAD}</li></ul><h2>How The Storm Crippled The Harbour</h2>"
        f"<p>{BODY}</p>",
        ["headline.loaded"],
    ),
}


@pytest.mark.parametrize("name", HTML_CASES)
def test_the_html_output_cleaned_again_loses_nothing(name):
    body, expected = HTML_CASES[name]
    page = f"<html><head><title>News</title></head><body><article>{body}</article></body></html>"
    first = CLEANER.clean(page, html=True, lang="en")
    assert [r.rule for r in first.removed] == expected
    again = CLEANER.clean(first.text, html=False, lang="en")
    assert again.removed == (), [r.to_dict() for r in again.removed]


def test_the_first_cleaning_reads_a_paragraph_as_the_text_path_does():
    # a paragraph's lines (and a one-line paragraph) become the blocks the text path finds in the
    # clean text: kind, bullet, heading-likeness; the kinds the markup declares stay
    from cleaner.blocks import as_text_reads, from_parts, segment

    parts = [
        ("heading", "How The Storm Crippled The Harbour", 2),
        ("paragraph", f"{BODY}\nHow Rebels Crippled The Capital", 0),
        ("paragraph", "* Follow Example News on Instagram", 0),
        ("paragraph", "Council Votes Today", 0),
        ("list_item", "Roads and schools", 0),
    ]
    text, blocks = from_parts(as_text_reads(parts))
    read = segment(text)
    assert [(b.kind, b.content) for b in blocks[1:4]] == [(b.kind, b.content) for b in read[1:4]]
    assert [b.kind for b in blocks] == ["heading", "paragraph", "heading", "list_item", "heading", "list_item"]
    assert [b.source_hint for b in blocks] == ["html", "", "", "", "", "html"]
    assert blocks[3].content == "Follow Example News on Instagram"


@SETTINGS
@given(st.one_of(st.text(st.characters(exclude_characters="\x00"), max_size=40), debris, sentence))
def test_a_paragraph_part_is_the_block_segment_finds(line):
    # from_parts reads a one-line paragraph without calling segment (the common case): the same block
    from cleaner.blocks import from_parts, segment

    t = line.strip()
    read = segment(t)
    if not t or len(read) != 1 or (read[0].start, read[0].end) != (0, len(t)):
        return
    _, (b,) = from_parts([("paragraph", t, 0, True)])
    r = read[0]
    assert (b.kind, b.content, b.level, b.source_hint, b.n_words, b.heading_like) == (
        r.kind,
        r.content,
        r.level,
        r.source_hint,
        r.n_words,
        r.heading_like,
    )


def test_a_block_read_again_is_the_block_the_text_path_finds_in_its_line():
    # read_again: an HTML block (any kind the markup declared) and a Markdown heading become the
    # block segment() finds in their clean line, at their own offsets; the text path's blocks stay
    from cleaner.blocks import from_parts, read_again, segment

    parts = [
        ("heading", "Why the council voted no. It did", 2),
        ("list_item", "This Stunning Lakeside Cabin Is Half Price", 0),
        ("list_item", "+ Show more deals", 0),
        ("caption", "The new bridge over the river, seen from the north bank.", 0),
        ("paragraph", "- a bullet of a paragraph", 0, True),
    ]
    text, blocks = from_parts(parts)
    again = [read_again(b) for b in blocks]
    assert [(b.kind, b.content) for b in again] == [(b.kind, b.content) for b in segment(text)]
    assert [b.index for b in again] == [0, 1, 2, 3, 4]
    assert all(text[b.content_start : b.content_end] == b.content for b in again)
    assert again[4] is blocks[4]
    (md,) = segment("## Council Votes Today")
    assert read_again(md).kind == "heading" and read_again(md).source_hint == ""
