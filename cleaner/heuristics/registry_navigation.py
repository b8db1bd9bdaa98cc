"""Heuristic registry, third stretch of the run order: page furniture (bullet labels and series
lists, share rows, section labels, menus and footers, link residue, a trailing tweet, stray
headlines, link cards).

``cleaner.heuristics`` joins the stretches into ``HEURISTICS`` in run order (order matters)."""

from __future__ import annotations

from cleaner.heuristics.base import Heuristic
from cleaner.heuristics.embeds import trailing_tweet
from cleaner.heuristics.labels import section_label
from cleaner.heuristics.navigation import footer_run, menu_line, menu_run
from cleaner.heuristics.offstyle import off_style_headline
from cleaner.heuristics.offtopic import stacked_headline, trailing_headline
from cleaner.heuristics.share import network_row
from cleaner.heuristics.tails import link_card, link_residue
from cleaner.heuristics.teasers import bullet_label, series_list

NAVIGATION: tuple[Heuristic, ...] = (
    Heuristic(
        "promo.bullet-label",
        "promo",
        "Bulleted link label glued into the text twice or more ('… • Match report: Newcastle 2-0 Forest'), with its link's title.",
        "A bullet inside a line followed by a label of 1-3 words that opens with a capital and a "
        "colon, the same label two or more times in the text: the links a roundup puts after each "
        "item, joined into the running text by the scraper. The bullet and label go with the link's "
        "title: up to the next bullet or the line's end when that is short and ends no sentence; "
        "else the run of capitalised words and figures after the label (a name, a score) but its "
        "last word, which opens the next sentence (sentence case). Where no title can be told from "
        "what follows (a script without capitals before prose, a question after '• Q:'), nothing "
        "goes; nor does a label said once ('• Note: …').",
        bullet_label,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "promo.series-list",
        "promo",
        "Navigation between the parts of a series ('Part 1: Title', 'Part 2: Title', …).",
        "Three lines or more in a row, each of at most 15 words and no sentence, that name the same "
        "title (two words or more) after a label of at most 3 words and a colon, once the numbers "
        "are set aside, and whose last numbers count the parts one by one ('প্রথম পর্ব: আকাশ "
        "পর্যবেক্ষকের খেরোখাতা - ১', 'দ্বিতীয় পর্ব: … - ২', 'Part 3: …'), are the links to the "
        "series' parts. Found by that repetition, so in every language. Lists of prices, hours or "
        "dates of one shape ('Monthly: US$14 per month', 'September 10 12pm-1pm …') do not count "
        "their lines and stay; lines that repeat each other exactly are a repeat, not a series.",
        series_list,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "share.network-row",
        "share",
        "Share bar's buttons, one network name a line ('Facebook', 'Twitter', 'WhatsApp').",
        "Consecutive lines that are each only the name of a network or a share action (lexicon "
        "share.network-names: 'Facebook', 'WhatsApp', 'Email', 'Print', local networks and the word "
        "'share' in the rule files' languages) are a share bar's buttons: three or more in a row, or "
        "two right after a line a share rule removed ('Share this:'). List items (an article's own "
        "list of platforms) and a name alone stay.",
        network_row,
        confidence=(0.85, 0.85),
    ),
    Heuristic(
        "widget.section-label",
        "widget",
        "Section label, breadcrumb or glued menu above the headline ('Política', 'Hindi News / Sports').",
        "At the start of the text, one to three lines of at most two words each, without sentence "
        "punctuation or digits, stand above a headline (4-20 words, no sentence punctuation, no "
        "':' or '|', not in capitals; with one label line, no digits) that a paragraph of the body "
        "follows: the site's section label or breadcrumb, which the scraper took from the page "
        "header; so is a first line of menu entries glued without spaces (three or more "
        "capitalised words in one token: 'PogodaDługoterminowaWeekend') above a paragraph, and a "
        "first line of three or more entries between breadcrumb separators ('/', '>', '»', '›') "
        "whose last entry is the next line, the title ('BHG.com / Videos / / / How to Hang a "
        "Wreath' above 'How to Hang a Wreath'), with a block after the title. The headline and the "
        "body stay.",
        section_label,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "navigation.menu-run",
        "navigation",
        "Site menu above the article: a run of short entry lines ('Home', 'World', 'Politics', …).",
        "Before the article's first body paragraph (a sentence of 15 words or more, or any block of 30), "
        "three or more lines in a row of at most six words each, without sentence punctuation, most of "
        "them capitalised and at most one in ten with figures, are the entries of the site's navigation "
        "that the scraper joined one per line. The line right above the first paragraph stays when it "
        "has three words or more (the article's title). Structure and shape only, so it holds in every "
        "language; a run with prices or ratings (a product box) stays. "
        "Not on cleaner's HTML path: the extractor has dropped the menus, and what stands above the "
        "first paragraph there is the article's header (17% true body in the per-rule audit).",
        menu_run,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "navigation.footer-run",
        "navigation",
        "Site footer menu below the article: a long run of short entry lines ('About us', 'Contact', …).",
        "After the article's last body paragraph, eight or more lines in a row of at most four words "
        "each, without sentence punctuation, most of them capitalised and at most one in ten with "
        "figures, are the entries of the site's footer or section menu. Shorter runs stay: below the "
        "article, short lines are as often its own lists (sources, products, pros and cons).",
        footer_run,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "navigation.menu-line",
        "navigation",
        "Menu entries joined into one long line without punctuation ('Food Recipes Quick & Easy Dinners …').",
        "Before the article's first body paragraph or after its last one, a line of 16 words or more "
        "without any sentence or field punctuation ('.', ',', ':', '|', …), nearly every word "
        "capitalised, is a menu whose entries the scraper joined with spaces. A title is shorter or "
        "has lower-case function words; scripts without case are left alone.",
        menu_line,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "tail.link-residue",
        "tail",
        "Link texts appended after the article's last sentence, set off by a gap of spaces.",
        "Some scrapers cut the anchor texts of a paragraph's links out of the sentences and append "
        "them after the last one, separated by the holes the links left (two or more spaces, a "
        "no-break space or empty brackets '( )'): '… registriert.   Menschen auf der Einreise nach China'. Only "
        "at the end of the text's last paragraph, 1-12 words without a sentence end (or with one when "
        "they open in lower case: no sentence opens so, '…  scharf kritisierten … kritisiert.'); a quotation, an "
        "attribution dash ('  —Name, Studio'), a hashtag or a handle stays. After a plain space, only "
        "at the very end of the text: 1-6 words without a sentence end, a colon, a semicolon or a '|' that "
        "open with a verb of looking, reading or listening (lexicon tail.link-verbs: '… 4,0%. Δείτε "
        "την έρευνα', '… View Full Profile'), a link's text.",
        link_residue,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "embed.trailing-tweet",
        "embed",
        "Picture link of an embedded tweet ending the text ('… rules. pic.twitter.com/laV4XTG1Kw').",
        "A tweet's picture link (pic.twitter.com/…) at the end of the text's last line, after a space "
        "or a punctuation mark, with nothing of the article after it (what earlier decisions removed "
        "set aside: a 'Read also' tail), goes with the date fused after it ('April 22, 2020'): the "
        "residue of a post the page embedded after the article. Inside the text the article quotes "
        "the post, and a link followed by the post's attribution ('— Name (@handle) December 28, "
        "2021'), on a line of its own or joined to it, is a quoted embed the dev collections' true "
        "bodies keep; both stay (embed.tweet-residue reports them as candidates).",
        trailing_tweet,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "headline.stacked",
        "headline",
        "Headline of another story stacked above the article's own subhead.",
        "An article's own subhead introduces the paragraph after it. A line shaped like a news "
        "headline (7-20 words, a capital first, no sentence end, not in title case or capitals, none "
        "of the marks of a list, table, price or link) between a body paragraph and a shorter own "
        "subhead that a body paragraph follows introduces nothing: a related story's headline kept "
        "from a link box ('… a la discoteca. / Contratista autorizó envío de escombros a Santiago / "
        "La investigación está abierta / La investigación …'). Runs of such lines go together. Only "
        "when it shares at most 30% of its content words (acronyms included) with the paragraph before "
        "it, the subhead and paragraph after it, and the title; a run of two or more goes whole when "
        "most of its lines do. A paragraph ending in a colon introduces a list, not a headline. A "
        "candidate only (confidence 0.45): the per-rule audit found 23% of what it removed from the dev "
        "collections' scraper-style texts in their true bodies (own headings, linked headlines the "
        "truths keep), against none on wild-dev.",
        stacked_headline,
        confidence=(0.45, 0.45),
    ),
    Heuristic(
        "headline.trailing",
        "headline",
        "Headline-shaped line left after the article's last paragraph.",
        "After the last body paragraph (what rules and earlier heuristics removed set aside: a "
        "related-links header, a credit line), lines shaped like a news headline (as for "
        "headline.stacked) with nothing of the article after them are another story's headline or a "
        "caption the scraper kept at the tail. Only when one shares at most a fifth of its content "
        "words with the last paragraph and the title.",
        trailing_headline,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "headline.off-style",
        "headline",
        "Headline of another story in sentence case among the article's own subheads in capitals.",
        "A site sets its own subheads in one style. When at least two of an article's subheads (short "
        "lines without a sentence end between its text and a paragraph) are in capitals and none of "
        "more than three words is in another style, a line shaped like a news headline (as for "
        "headline.stacked: 7-20 words, no sentence end, not in title case or capitals) after a body "
        "paragraph or a list item, before a paragraph or at the end, is a related story's headline the "
        "scraper kept ('ES JURAMENTADO' … 'Oficial: Werner Ovalle es el nuevo Superintendente de la "
        "SAT' … 'LEMUS DICE QUE DESCONOCÍA ACCIÓN'). In an article whose subheads mix styles nothing "
        "goes.",
        off_style_headline,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "tail.link-card",
        "tail",
        "Link card left as the text's last line ('Schodzimy do piekłaMateriał jest częścią serwisu TVN24 GO').",
        "The text's last line (what earlier decisions removed set aside), of at most 20 words and "
        "without a sentence end, after a body paragraph, is the card of a link or a video: its title "
        "and label glued without a space (a word in lower case of four letters or more, or an "
        "acronym, then a capitalised word opening three words or more: 'Schodzimy do piekłaMateriał "
        "jest częścią serwisu TVN24 GO'), or a title in quotation marks followed by its source in one "
        "to four words ('«Ответы на главные вопросы» от мэрии Москвы'). A brand glued inside a word "
        "('WordPress', 'iPhone'), a quotation with its punctuation ('\"We will,\" she said') and a "
        "line inside the text stay.",
        link_card,
        confidence=(0.8, 0.8),
    ),
)
