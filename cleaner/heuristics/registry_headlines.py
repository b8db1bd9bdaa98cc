"""Heuristic registry, first stretch of the run order: fragments and snippets the scraper cut,
headlines and kickers among the paragraphs, a tail section's items, and lead-ins ('Read more: …')
with their targets.

``cleaner.heuristics`` joins the stretches into ``HEURISTICS`` in run order (order matters)."""

from __future__ import annotations

from cleaner.heuristics.base import Heuristic
from cleaner.heuristics.headlines import caps_headline, loaded_headline, question_kicker, tagged_headline
from cleaner.heuristics.leadins import inline_label, inline_lead_in, lead_in_target
from cleaner.heuristics.tails import section_tail
from cleaner.heuristics.truncation import cut_teaser, dangling_fragment, snippet_limit

HEADLINES: tuple[Heuristic, ...] = (
    Heuristic(
        "truncation.dangling-fragment",
        "truncation",
        "Dangling fragment after the paragraph's last complete sentence.",
        "A paragraph that ends in one or two short words after its last full stop ('...across "
        "official accounts. E') was cut off by the scraper; the fragment goes, the sentence stays.",
        dangling_fragment,
        confidence=(0.7, 0.9),
    ),
    Heuristic(
        "truncation.snippet-limit",
        "truncation",
        "Sentence cut at a news API's length limit ('… [+3777 chars]').",
        "Text from news APIs (NewsAPI, GNews) ends in the incomplete sentence the length limit cut, "
        "followed by a marker such as '… [+3777 chars]' or '... [1506 chars]'. The fragment and the "
        "marker go; the complete sentences before it stay (when there are none, only the marker).",
        snippet_limit,
        confidence=(0.9, 0.9),
    ),
    Heuristic(
        "truncation.cut-teaser",
        "truncation",
        "Teaser cut off mid-sentence, usually before a 'Read more' link.",
        "A paragraph ending in an ellipsis, or without closing punctuation, right before a "
        "cross-promotion line is the teaser of another story. A block of three lines or more "
        "without closing punctuation is a list, not a cut sentence. A whole text of one block of at "
        "most 80 words ending in an ellipsis glued to a word ('… brought the situation...') is a "
        "snippet cut without a marker: its incomplete last sentence goes, the complete ones stay; a "
        "longer last block ending in an ellipsis is only a candidate.",
        cut_teaser,
        confidence=(0.45, 0.9),
    ),
    Heuristic(
        "headline.loaded",
        "headline",
        "Headline with loaded or clickbait wording standing between body paragraphs.",
        "Heading-like blocks inside the body that carry words from the lexicons "
        "headline.loaded-words or headline.clickbait-phrases are headlines of other stories or "
        "editorializing. Loaded words inside body paragraphs are never a reason to strip; nor "
        "is a capitalized word right after another in a line not set in title case (a name: "
        "'vs. Tyson Fury'), nor a line heading an enumerated step ('Step 1: Know What You Want').",
        loaded_headline,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "headline.tagged",
        "headline",
        "Headline tagged [VIDEO], [INSIGHT], [PICS] or similar.",
        "A bracketed capital tag marks a teaser for other content.",
        tagged_headline,
        confidence=(0.9, 0.9),
    ),
    Heuristic(
        "headline.all-caps",
        "headline",
        "All-capital headline between body paragraphs.",
        "Capitals alone are weak evidence: always a candidate (reported, the text stays); the "
        "per-rule audit found 42% of its removals in the true bodies when a lone capital "
        "headline among ordinary subheads was removed.",
        caps_headline,
        confidence=(0.4, 0.45),
    ),
    Heuristic(
        "tail.section-items",
        "tail",
        "Item of a related-content or comments section.",
        "Once a section header with 'tail' in its rule fires ('Related', 'More from', "
        "'Comments'), the items under it go too, each recorded with the header that caused it. A "
        "comment section that a comments rule's line closes further on ('Read all comments', 'Load "
        "more comments') goes whole to that line, its long comments too.",
        section_tail,
        confidence=(0.45, 0.95),
    ),
    Heuristic(
        "headline.question-kicker",
        "headline",
        "Headline-style question fused to the start of the lead paragraph.",
        "'What is happening in Balochistan? At least 15 ...': the question is a kicker, the "
        "rest of the paragraph stays.",
        question_kicker,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "promo.inline-lead-in",
        "promo",
        "Cross-promotion link inside a line: '(RELATED: …)', or a 'Read also' label fused after the text.",
        "A lead-in label of any language (lexicon promo.lead-in-labels) in brackets with a headline "
        "inside a line ('… powerhouse. (RELATED: Another Story)') goes; so does a label fused after "
        "the last sentence of a line when all that follows it to the line's end are headlines "
        "(capitalised, no sentence end, at most 60 words). A label followed by prose stays.",
        inline_lead_in,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "promo.lead-in-target",
        "promo",
        "The item a removed lead-in announced, as the text's last line ('…fire on Main Street:' then its video's caption).",
        "A cross-promotion sentence that ends in a colon points at the link or video below it; when "
        "an earlier decision removed it whole as the text's last line but one, the last line, of at "
        "most 15 words and without a full stop (a headline, a video's caption), is what it "
        "announced and goes too. Only at the end of the text, and only after a removed lead-in: a "
        "colon line the article keeps introduces its own list.",
        lead_in_target,
        confidence=(0.75, 0.75),
    ),
    Heuristic(
        "promo.inline-label",
        "promo",
        "Cross-promotion label ('Read also:') between the sentences of a line.",
        "A lead-in label of any language (lexicon promo.lead-in-labels) with its separator (':', "
        "'|', '>>', '»') after a sentence end inside a line, with more text after it ('… rain. "
        "আরও পড়ুন: <headline> <next sentence> …'): the label goes. Its headline, if any, cannot be "
        "told from the prose that follows on the same line, so the rest stays; unless the scraper "
        "kept each headline two or more times in a row (units of 3-24 words that end no sentence): "
        "those repeats go with the label; or another label follows on the line with no sentence end "
        "between them (at most 60 words: '… আরো পড়ুন: <headline> <headline> আরো পড়ুন: …'): what "
        "lies between is the first label's headlines and goes with it.",
        inline_label,
        confidence=(0.8, 0.8),
    ),
)
