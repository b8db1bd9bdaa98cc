"""Decisions the foundation issue names explicitly, each on a small invented article."""

from __future__ import annotations

from cleaner import Cleaner, Config

LEAD = "The regional council met on Monday to discuss the new budget for roads and schools in the valley."
BODY = "Officials said the plan would be reviewed again in the spring, after the first results were known."


def cleaned(*blocks: str, **config: object):
    return Cleaner(Config(**config)).clean("\n\n".join(blocks))


def test_loaded_words_in_body_paragraphs_never_strip():
    para = "Critics said the shameless decision crippled the town, a shocking blow that destroyed trust."
    result = cleaned(LEAD, para, BODY)
    assert result.removed == ()


def test_neutral_subheads_stay_loaded_headline_goes():
    result = cleaned(
        LEAD, "What the Council Decided", BODY, "Shameless Minister Slams Critics In Fiery Speech", BODY + " Again."
    )
    assert [r.text for r in result.removed] == ["Shameless Minister Slams Critics In Fiery Speech"]
    assert result.removed[0].rule == "headline.loaded" and "shameless" in result.removed[0].reason


def test_title_at_the_top_is_not_an_injected_headline():
    result = cleaned("Shocking Storm Hits The Valley", LEAD, BODY)
    assert result.removed == ()


def test_question_kicker_only_on_the_lead():
    kicker = "Why does it matter? " + LEAD + " It is the largest budget in a decade."
    result = cleaned(kicker, BODY)
    assert [r.text for r in result.removed] == ["Why does it matter? "]
    assert result.text.startswith("The regional council met")
    later = cleaned(LEAD, "Why does it matter? Because the roads are failing and the schools need repairs soon.")
    assert later.removed == ()


def test_dangling_fragment_keeps_the_sentence_and_not_abbreviations():
    result = cleaned(LEAD, "The meeting ended late on Monday night. Th")
    assert [r.text for r in result.removed] == [" Th"]
    assert cleaned(LEAD, "The meeting ended at 5 p.m. ET").removed == ()


def test_cut_teaser_before_read_more_goes():
    result = cleaned(LEAD, "The mayor said the new bridge would change how people travel to the…", "Read more", BODY)
    assert {r.rule for r in result.removed} == {"truncation.cut-teaser", "promo.read-more"}


def test_tail_items_are_recorded_with_their_cause():
    result = cleaned(LEAD, BODY, "More from Politics", "Budget Vote Delayed Again", "Mayor Names New Deputy")
    tail = [r for r in result.removed if r.rule == "tail.section-items"]
    assert len(tail) == 2 and all("More from Politics" in r.reason for r in tail)
    assert result.text == LEAD + "\n\n" + BODY


def test_tail_items_stop_at_a_long_body_paragraph():
    long_para = " ".join([BODY] * 3)
    result = cleaned(LEAD, "Related Stories", "Budget Vote Delayed Again", long_para)
    assert long_para in result.text


def test_min_confidence_turns_removals_into_candidates():
    blocks = (LEAD, BODY, "How Rebels Crippled The Capital", BODY + " Again.")
    assert cleaned(*blocks).removed
    strict = cleaned(*blocks, min_confidence=0.95)
    assert strict.removed == () and strict.candidates[0].rule == "headline.loaded"
    assert "How Rebels Crippled The Capital" in strict.text


def test_ignore_a_heuristic_by_id():
    blocks = (LEAD, BODY, "How Rebels Crippled The Capital", BODY + " Again.")
    assert cleaned(*blocks, ignore=("headline.loaded",)).removed == ()


def test_removals_carry_rule_reason_source_and_offsets():
    text = "\n\n".join((LEAD, "Also Read: Ten Towns To Visit", BODY))
    result = Cleaner().clean(text)
    (r,) = result.removed
    assert (r.rule, r.category, r.source) == ("promo.also-read", "promo", "rules/promo.yaml#promo.also-read")
    assert text[r.start : r.end] == r.text == "Also Read: Ten Towns To Visit"
    assert result.counts == {"promo": 1}


def test_comment_header_tail_stops_at_body_paragraphs():
    # A bare "Comments" subhead over body prose: only the header goes, the paragraphs stay.
    long_para = " ".join([BODY] * 2)
    result = cleaned(LEAD, "Comments", long_para, long_para + " Still the article.")
    assert long_para in result.text and "Still the article." in result.text


def test_comment_section_short_items_go():
    result = cleaned(LEAD, BODY, "Comments", "Great piece, thanks", "I disagree with the mayor", "Log in to reply")
    assert result.text == LEAD + "\n\n" + BODY


def test_an_exact_repeat_is_a_candidate_not_a_removal():
    para = "The harbour board said on Monday that the new cranes would arrive in March and double capacity."
    result = cleaned(LEAD, para, BODY, para)
    assert result.text.count(para) == 2
    assert any(c.rule == "truncation.repeated-block" for c in result.candidates)


def test_a_teaser_cut_by_an_ellipsis_that_repeats_a_paragraph_goes():
    para = "The harbour board said on Monday that the new cranes would arrive in March and double capacity."
    teaser = "The harbour board said on Monday that the new cranes would..."
    result = cleaned(LEAD, teaser, para, BODY)
    assert [r.rule for r in result.removed] == ["truncation.repeated-block"]
    assert teaser not in result.text and para in result.text
    # the same teaser without its cut (a sentence that opens the paragraph) is only a candidate
    short = "The harbour board said on Monday that the new cranes would arrive"
    assert short in cleaned(LEAD, short, para, BODY).text


def test_a_question_put_to_the_reader_is_not_a_kicker():
    lead = "Are you traveling to Japan for the first time? " + LEAD + " It is the largest budget in a decade."
    assert cleaned(lead, BODY).removed == ()


def test_a_marked_up_subhead_with_a_loaded_word_stays():
    # A Markdown or HTML heading that does not read as a heading-like line (a sentence in sentence
    # case) is the page's own subhead, whatever its wording.
    from cleaner import Cleaner

    md = f"{LEAD}\n\n## The harbour looked stunning once the storm had passed\n\n{BODY}\n"
    assert "stunning" in Cleaner().clean(md, name="a.md").text
    page = (
        f"<html><body><article><p>{LEAD}</p><h2>The harbour looked stunning once the storm had passed</h2>"
        f"<p>{BODY}</p></article></body></html>"
    )
    assert "stunning" in Cleaner().clean(page, html=True).text


def test_an_html_subhead_is_judged_as_its_clean_text_reads():
    # The HTML path's clean text has no markup: a second cleaning reads an <h2> as a plain heading-
    # like line and takes a loaded one standing between body paragraphs, so the first cleaning does
    # (idempotence); on main the first kept it and the second took it.
    from cleaner import Cleaner

    page = (
        f"<html><body><article><p>{LEAD}</p><h2>How The Storm Crippled The Harbour</h2>"
        f"<p>{BODY}</p></article></body></html>"
    )
    first = Cleaner().clean(page, html=True)
    assert "Crippled" not in first.text
    assert [r.rule for r in first.removed] == ["headline.loaded"]
    assert not Cleaner().clean(first.text).removed


def test_a_markdown_subhead_is_judged_as_its_clean_text_reads():
    # The clean text drops a Markdown heading's '#' as it drops HTML markup: a second cleaning read
    # "How The Storm Crippled The Harbour" as a plain loaded headline between body paragraphs and
    # took it, which the first had kept as the page's own subhead (found by the randomized
    # idempotence test); the first cleaning now judges it so. ``fix`` keeps the '#' in the file
    # and takes the heading with it, so a ``check`` after it finds nothing either.
    from cleaner import Cleaner

    md = f"{LEAD}\n\n## How The Storm Crippled The Harbour\n\n{BODY}\n"
    first = Cleaner().clean(md, name="a.md")
    assert [r.rule for r in first.removed] == ["headline.loaded"]
    assert first.removed[0].text.startswith("## How The Storm")
    assert not Cleaner().clean(first.text, name="a.md").removed


def test_snippet_cut_at_an_api_limit_loses_its_fragment_and_marker():
    from cleaner import Cleaner

    c = Cleaner()
    r = c.clean(
        "The council met on Monday. The budget passed after a long debate. Critics said the vote was ru… [+3777 chars]"
    )
    assert r.text == "The council met on Monday. The budget passed after a long debate."
    assert [x.rule for x in r.removed] == ["truncation.snippet-limit"]
    r = c.clean("भारत ने अपनी पहली पारी में 336 रन बनाए. इस तरह पहली पारी में 33 रनों क... [1364 chars]")
    assert r.text == "भारत ने अपनी पहली पारी में 336 रन बनाए."
    # nothing complete to keep: only the marker goes
    assert c.clean("Only one cut sentence here that goes on and on… [+240 c").text.endswith("and on")
    # an ellipsis without the API's marker is not this heuristic's business
    assert not any(x.rule == "truncation.snippet-limit" for x in c.clean(LEAD + " And then…").removed)
