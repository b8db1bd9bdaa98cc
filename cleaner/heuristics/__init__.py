"""Heuristics: small named functions that decide in the same shape as rules."""

from __future__ import annotations

from cleaner.heuristics.appeals import reader_call, service_note, support_appeal, tail_call
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.bios import closing_bio
from cleaner.heuristics.captions import closing_copyright, doubled_caption, open_dated_caption, position_caption
from cleaner.heuristics.cards import card_run, slide_counters
from cleaner.heuristics.closing import closing_section
from cleaner.heuristics.contents import toc_label
from cleaner.heuristics.credits import dateline_caption, repeated_credit, source_note
from cleaner.heuristics.embeds import trailing_tweet
from cleaner.heuristics.glued_captions import glued_caption
from cleaner.heuristics.headlines import caps_headline, loaded_headline, question_kicker, tagged_headline
from cleaner.heuristics.inline_credits import inline_caption
from cleaner.heuristics.labels import section_label
from cleaner.heuristics.leadins import inline_label, inline_lead_in, lead_in_target
from cleaner.heuristics.navigation import footer_run, menu_line, menu_run
from cleaner.heuristics.offstyle import off_style_headline
from cleaner.heuristics.offtopic import above_dateline, stacked_headline, trailing_headline
from cleaner.heuristics.openers import opening_teaser
from cleaner.heuristics.reactions import reader_run
from cleaner.heuristics.sections import after_debris
from cleaner.heuristics.share import network_row
from cleaner.heuristics.signoffs import byline_line, item_sign_off, sign_off
from cleaner.heuristics.tails import link_card, link_residue, section_tail
from cleaner.heuristics.teasers import bullet_label, series_list
from cleaner.heuristics.threads import comment_thread, teaser_run
from cleaner.heuristics.truncation import cut_teaser, dangling_fragment, repeated_block, snippet_limit
from cleaner.repetition.decider import site_repeat
from cleaner.scorer.decider import block_scorer

# Order matters: each heuristic sees the removals decided before it (repeated-block runs on what
# the others leave; the block scorer last, on what everything else leaves).
HEURISTICS: tuple[Heuristic, ...] = (
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
    Heuristic(
        "credit.inline-caption",
        "credit",
        "Photo caption or credit inside a line, ending in a credit label and a name ('… Photo: Name').",
        "Scrapers fuse image captions into the text: '… Ryan Giggs. Ảnh: Đức Hùng.', "
        "'Ministers meet. (사진=연합뉴스)', 'Photos: Getty Images'. A credit label of any language "
        "(lexicon credit.photo-labels) at a line's start, after a sentence end or in a bracket, "
        "followed by ':' or '=' and a short name, marks the credit; inside a line the sentence "
        "before it (at most 50 words) is its caption and goes too. At the end of a line only the "
        "credit goes; a line of at most 20 words that opens with a label goes whole. A label "
        "followed by a sentence ('Photo: The mayor speaks …') is not a credit. A 'file photo' "
        "label of any language (lexicon credit.file-photo-labels: 'File photo', 'Foto de "
        "archivo', 'ফাইল ফটো') standing as a sentence of its own after a sentence ('… Muhammad "
        "Yunus. File photo.') is a credit too, with the sentence before it as its caption. A line "
        "of 3-30 words just above a credit line that repeats it after the credit ('Credit: NASA "
        "View full size image <the same caption>') is that figure's caption kept twice and goes.",
        inline_caption,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.position-caption",
        "credit",
        "Photo caption placing the people in it ('Jane Doe (left) and …', 'Lê Hoài Anh (trái) và …').",
        "A caption tells who stands where: a name followed by a position marker in brackets (lexicon "
        "credit.position-markers, every language of the rule files: '(left)', '(von links)', '(trái)', "
        "'(왼쪽)', '（左）', or a shirt the Vietnamese press names the player by: '(áo đen)'). A sentence "
        "of at most 35 words holding one after a capitalised word (or a word of a script without case) "
        "within its first ten words (a caption names the people first) is the photo's caption fused "
        "into the text, and goes; the sentences around it stay. The same word in prose ('turn left', "
        "'the left wing') is not in brackets after a name, and a marker further into a sentence "
        "compares things ('… like the Cam OG (left) and the Cam Pro (right)').",
        position_caption,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.open-dated-caption",
        "credit",
        "Caption line whose credit the scraper cut after its opening bracket ('… nepřežili. (28. srpna 2023').",
        "A photo caption ends in its date and credit in brackets ('(28. srpna 2023 | Foto: …)'); a "
        "scraper that cut the credit element leaves the bracket open on the date. A block of at most 60 "
        "words after the first body paragraph that ends, after a finished sentence, in an opening "
        "bracket with a year and no closing one is such a caption, and goes whole. A paragraph whose "
        "bracket closes, or that ends in anything but a year, stays.",
        open_dated_caption,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.closing-copyright",
        "credit",
        "Map or photo copyright paragraph closing the text ('Mapy poskytuje © SHOCart a přispěvatelé OpenStreetMap. …').",
        "The text's last block (what earlier decisions removed set aside), of at most 60 words after a "
        "body paragraph, whose first words (at most four) lead to '©' or '(c)' and a capitalised name "
        "(a year may stand between) is the credit of the map or the photos above it, with the "
        "provider's blurb: the block goes whole. A copyright sign elsewhere in a paragraph, or in a "
        "paragraph the article goes on after, stays.",
        closing_copyright,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.doubled-caption",
        "credit",
        "Photo caption the scraper kept twice in one line ('Nunn (22) tackles Bishop (4). … Nunn (22) tackles Bishop (4). …').",
        "A figure's caption reaches the text from two places (the image's alt text and its caption "
        "element) and a scraper joins them: a block that is the same 6-40 words twice in a row, after "
        "an optional bracketed credit ('(File 2013/The Associated Press)'), each copy ending a sentence "
        "and, without such a credit, holding two different sentences or more, is that caption; writing does not repeat itself word for word in one paragraph. It goes "
        "whole. A table's header row twice ('| Dataset | ICU, GB/s | … |' in the per-rule audit) has no "
        "sentence end and stays, and so does one sentence said again and again (a refrain). A longer doubled "
        "paragraph stays: a caption is short.",
        doubled_caption,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.glued-caption",
        "credit",
        "Caption line with its credit glued on without a space ('… w SzczecinieTVN24') or in brackets ('… [Splash]').",
        "Scrapers join a figure's caption and credit elements without a space: a short line after "
        "the body starts, in sentence case and without sentence punctuation at its end, that ends "
        "in an acronym glued to a lower-case word and then digits or a name ('PrzemyślPAP/Name', "
        "'SzczecinieTVN24', 'zarzutyKWP Lublin') is a caption with its credit; the line goes. Case "
        "is judged on the caption before the credit (the credit's name is capitalised); an acronym "
        "with digits glued on is a credit even after a title-case caption. A name of 1-3 capitalised "
        "words in square brackets ending such a line ('… for the last year [Splash]') is the "
        "photo's credit too; after a complete sentence only the bracket goes. A bare acronym of three "
        "capitals or more glued to a word that opens in lower case after a phrase of three words "
        "('… w trakcie burzyRCB'), or an acronym of three letters or more glued to itself "
        "('… meteorologiczne IMGWIMGW'), is a credit. A credit of a few capitalised words (or an "
        "acronym with digits) glued the same way to two caption lines or more, after different "
        "words ('… wiekuZamek Książ w Wałbrzychu', '… KsiążZamek Książ w Wałbrzychu', '… Forcie "
        "IXPAP/Name'), is found by that repetition even where case does not show the seam. A domain "
        "name in ASCII glued to a word ending in a letter outside ASCII ('Strumień zimna nad "
        "Polskątvnmeteo.pl') is a credit: that seam shows where the caption ends. A bare "
        "glued acronym opening in a capital ('… in PostgreSQL'), a domain name glued to ASCII letters, a slash "
        "between names at a line's end ('AR/VR', 'Mailchimp/Zapier': the true bodies carry many) "
        "and a bracket alone on its line ('[Name]') cannot be told from the writing and stay.",
        glued_caption,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.repeated-credit",
        "credit",
        "Photo credit repeated in front of the article's captions ('Boston Herald / Polaris …').",
        "Scrapers keep each figure's credit element in front of its caption: a name, a slash and "
        "another name ('Agency / Outlet', 'Name Surname/for Outlet') opening two lines or more of "
        "one article (each at most 50 words) is the photos' credit. Where it ends is what the "
        "lines share: the capitalised words after it are the captions' own and differ. The credit "
        "goes, the caption after it stays; a line that is only the credit goes whole. One line "
        "alone ('AR/VR headsets …', 'Mailchimp/Zapier') is not enough: the true bodies write such "
        "pairs.",
        repeated_credit,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.dateline-caption",
        "credit",
        "Photo caption above the dateline ('People walk past … in Mumbai May 13, 2014.' before 'MUMBAI (Reuters) - …').",
        "Wire copy opens with a dateline ('CITY (Agency) - '); a scraper that keeps the lead photo "
        "puts its caption above it. Among the lines before a dateline in the first three lines, "
        "one of at most 40 words that ends in a date and a full stop ('… May 13, 2014.', '… 13 May "
        "2014.') is that caption and goes: a lead's own sentences come after the dateline, and a "
        "headline or a standfirst above it does not end in a date.",
        dateline_caption,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "headline.above-dateline",
        "headline",
        "Line above the wire dateline that shares no word with the lead: another story's headline.",
        "Wire copy opens with a dateline ('MUMBAI (Reuters) - …'). Among the lines before it in the "
        "first three, one of at most 15 words that shares no content word (4 letters or more, "
        "compared by their first five) with the dateline paragraph and the next, and carries none "
        "of the marks of a list, table or link, is the headline of another story (a slideshow's, a "
        "link box's) that the scraper kept above the lead ('The best and worst of Bollywood in "
        "2014.' above a market report). The article's own headline or standfirst names what the "
        "lead reports.",
        above_dateline,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.source-note",
        "credit",
        "Source note naming the site a story was taken from ('Πηγή: tovima.gr'), at the end of the text.",
        "A source label of any language (lexicon credit.source-labels) and a domain name end the "
        "text's last line, fused after it or alone: the site the story was copied from. Only at the "
        "end: under a chart or table inside the text, 'Source: site.com' cites data and stays.",
        source_note,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.closing-bio",
        "credit",
        "The writer's bio closing the text after a rule line ('--'): who wrote it, not the article.",
        "Syndicated posts close with a line of rule characters ('--', '* * *', '___') and a short "
        "note on the writer: 'Brad Shorr is Director of B2B Marketing for …'. When the text's last "
        "kept block opens with a person's name (2-4 capitalised words) and a copula of any language "
        "(lexicon credit.bio-verbs), holds at most 80 words and follows such a line right after the "
        "article (25 words or more before it), the line and the bio go. A section after a scene "
        "break that opens with a name goes on past one block or does not say who the person is.",
        closing_bio,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.sign-off",
        "credit",
        "Sign-off after the article's last sentence: the author's name or e-mail address.",
        "The end of the last paragraph after its final full stop is a short name (2-4 capitalised "
        "words, optionally after 'By' in any language, with a parenthesised note such as '(from "
        "Dubai)'); or the last line is a dash or a byline word and a name ('-- Bryan Denson'), or "
        "an e-mail address alone. In scripts without capitals only a name fused straight after "
        "the final full stop counts. A bare title-case last line ('Learn More') and a dash after a "
        "question or a quote (an attribution) stay.",
        sign_off,
        confidence=(0.7, 0.8),
    ),
    Heuristic(
        "credit.byline-line",
        "credit",
        "Byline alone on a line above the article ('By Jane Doe', 'por María López').",
        "One of the first three lines is a byline word of any language (lexicon "
        "credit.byline-words) and a name of 2-4 capitalised words, at most 8 words in all, and a "
        "paragraph of the body follows: the author's byline, which the scraper kept. A title that "
        "opens with 'By' ('By The Numbers', 'By Any Means') stays: a name has no article or "
        "determiner in it.",
        byline_line,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "credit.item-sign-off",
        "credit",
        "Writer's name between an item's last sentence and the bullet that opens the next item.",
        "A roundup of items by different writers, joined into one line by the scraper, leaves each "
        "writer's name (2-4 capitalised words) after the item's last sentence and before a bullet "
        "('… is still out. Dominic Booth • Match report: …'). The name goes; the sentences stay. "
        "A full stop that ends an abbreviation ('U.S.') does not end the item.",
        item_sign_off,
        confidence=(0.75, 0.75),
    ),
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
    Heuristic(
        "comments.thread",
        "comments",
        "Comment thread closing the text: commenters' names, each followed by what they wrote.",
        "From the text's end backwards, groups of a name line (one to four capitalised words, at most "
        "one initial, no digit or punctuation: 'Pat Bowden', 'y. Hidayat') and one to four lines under "
        "it that do not repeat the name's words: at least three groups when a name comes back (the "
        "author answering), five otherwise, after at least 80 words of text. A subhead, or a person "
        "in a list of names, introduces lines that speak of it, and stops the run; so does a block "
        "of over 120 words. Names the comment system marks with its word ('Josh Simi says', 'penny "
        "says': the last word, in lower case, of three such short lines), at least three different "
        "names before it on three lines in four, head comments of up to twelve lines and 300 words a "
        "block, which may open with a greeting ('Hello Cindy,') or a short question. Once the groups "
        "read from the end hold three names with one coming back, the thread is held: a comment above "
        "may open with a short line ('Hi', 'Nice one'), its last line may look like a name ('Thanks'), "
        "and a name may be written in lower case or with dots ('Muhammad ismail', 'Anupriya.V.Sagar').",
        comment_thread,
        confidence=(0.8, 0.85),
    ),
    Heuristic(
        "comments.reader-run",
        "comments",
        "Readers' comments closing the text without their names: lines praising or thanking the writer, again and again.",
        "From the text's end backwards, the earliest line that praises the piece, thanks or addresses "
        "its writer, or greets someone by name (lexicons comments.praise-words next to "
        "comments.work-words: 'Great article', 'Toller Beitrag', 'artículo excelente'; "
        "comments.reader-phrases: 'Thanks for sharing', 'your post', 'Keep up the good work', 'Merci "
        "pour le partage'; comments.greetings before a capitalised name and a comma: 'Hi Diana,', "
        "'Hola María,'), with at least three such lines from it to the end and those a fifth of the "
        "blocks at least, and at least 150 words and half the text's kept words before it: it and "
        "everything after it are the readers' comments, which the scraper kept without their names. "
        "Words a writer uses of their own piece ('this post', 'thanks for reading') are not in the "
        "lexicons, and one grateful line in an article is no run. Replies count too: a line that opens "
        "by addressing someone by their handle and a comma, colon or dash ('@John, please …', '@Paul: "
        "psst', '@Geoffrey Hart: while …'); with at least three of them, and those 4% of the run's "
        "blocks, the run need only stand below a quarter of the text's kept words (readers may write "
        "more than the article). A handle inside a line (a quoted post) is no reply.",
        reader_run,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "related.teaser-run",
        "related",
        "Run of other stories' teasers closing the text: a headline, then its one-sentence summary, again and again.",
        "From the text's end backwards (past up to five short lines of a box: 'Stay connected'), at "
        "least three pairs in a row of a headline (3-20 words, no closing full stop, comma or colon) "
        "and a summary of one or two sentences (5-45 words, a full stop) that shares no content word "
        "with its headline, after at least 80 words of text; a section word or two above the run "
        "('Policy', 'Deep Dive') goes with it. An article's own subhead shares words with the "
        "paragraph it introduces, and stops the run.",
        teaser_run,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "related.card-run",
        "related",
        "Run of teaser cards above or below the article, each with the same section label and a headline of its own.",
        "At least four cards in a row of two to four short lines (no body paragraph among them), one "
        "line the same short label (at most five words) in every card and another a headline (3-25 "
        "words) different in every card ('Tennis Lessons' / a headline / 'By Dec 19, 2023', again "
        "and again), with no body paragraph before the run (above the article) or none after it "
        "(below), and a body paragraph beside it. An article's own list repeats no line.",
        card_run,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "navigation.slide-counter",
        "navigation",
        "A gallery's slide counters ('1 of 57', '2 of 57', …) left by the scraper.",
        "At least three lines in a row of two numbers with at most a short word or a slash between "
        "them and the same words around them, the first counting up by one and the second the "
        "same ('1 of 57', '2 of 57', '3 of 57'; 'Foto 1 de 9'): a gallery's numbering, its pictures "
        "gone. Anywhere in the text; a list whose numbers do not count up stays.",
        slide_counters,
        confidence=(0.9, 0.9),
    ),
    Heuristic(
        "promo.support-appeal",
        "promo",
        "Appeal for support at the article's tail: the site asking its readers to fund its journalism.",
        "One of the article's last three blocks (what earlier decisions removed set aside), a finished "
        "paragraph of at most 80 words, names journalism and asks for support, a donation or a "
        "contribution (lexicons appeal.journalism-words and appeal.support-words, every language of the "
        "rule files), and no body paragraph follows it: the site's appeal for funds ('Independent "
        "journalism needs its readers' support …'). Short lines after it asking for support too "
        "('Support Our Paper') go with it. In the body, a story about journalism's funding stays.",
        support_appeal,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "tail.service-note",
        "tail",
        "Paywall or archive notice after the article, addressed to the reader.",
        "One of the article's last three blocks (what earlier decisions removed set aside) is a short "
        "notice of at most four sentences and 80 words: one sentence names the site's paywall or archive "
        "(lexicon service.paywall-words: a subscription, the full story, the digital edition, the "
        "archive) and, in its other words, addresses the reader or asks them to act (lexicons "
        "service.reader-words and service.action-words: 'you', 'subscribe', 'click'), and at least half "
        "of its sentences name the paywall or ask the reader to act ('For the full story and more "
        "photos, subscribe now and get the digital edition', 'The article you requested has been "
        "archived … Click here to search for this article within the archive'). Notice blocks next to "
        "it go with it; nothing happens when a body paragraph follows. A sentence about subscriptions "
        "inside a longer paragraph (a review of a subscription service) stays, and so do contact lines, "
        "'thank you for reading this article' and disclaimers, which the dev collections' true bodies keep.",
        service_note,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "promo.reader-call",
        "promo",
        "Call for the readers' contributions or corrections above the article.",
        "One of the text's first three blocks, up to the first body paragraph and with a body paragraph "
        "after it, is a finished paragraph of at most 40 words that asks the reader to send, write or "
        "share something (lexicon service.call-words: 'send us', 'share your', 'napište', 'envíanos') "
        "and, in its other words, addresses the reader (service.reader-words) or gives an e-mail "
        "address or a link: the site's call for contributions or corrections ('Please share your "
        "videos, pictures and stories at iReport.', 'Pokud jste našli chybu, napište na editori@…'). "
        "A title (no sentence end), a longer paragraph and a call inside the article stay.",
        reader_call,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "promo.tail-call",
        "promo",
        "Call for the readers' contributions closing the article, in a box joined to its last line ('… >> Send us your story here.').",
        "Among the last three units (sentences, or pieces after a '>>', '»', '|' or '•') of the text's "
        "last line, a unit of at most 25 words asks the reader to send or write something (lexicon "
        "service.call-words), perhaps after a question to the reader of at most 15 words ('>> Quan "
        "điểm của bạn thế nào? Gửi bài tại đây .'), and addresses them (service.reader-words) or "
        "gives an e-mail address or a link; it (or its question) opens with the separator of a box "
        "the scraper joined to the line ('>>', '»', '|', '•'), at most one unit of at most 20 words "
        "follows it (the box's fine print), and the article (15 words or a body paragraph) comes "
        "before it. From the separator to the end goes. A call after a plain sentence end is the "
        "writer's own and stays ('What matters most to you? Email us at …': the dev collections' "
        "true bodies keep such closing calls), and so do a quotation and a call with more of the "
        "article after it.",
        tail_call,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "truncation.opening-teaser",
        "truncation",
        "Teaser cut off by an ellipsis above the article, taken from a box at the top of the page.",
        "The text's first block (what earlier decisions removed set aside: a 'Read more' label after "
        "it) is a paragraph of 15-60 words ending in an ellipsis glued to a word or to a question "
        "mark ('… a Estados Unidos, destino del...'), and a body paragraph follows: a teaser of "
        "another story, or of the article itself, cut at the box's length. Shorter openers ending in "
        "an ellipsis ('I bet you didn't know this, but…') are the article's own voice and stay.",
        opening_teaser,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "widget.toc-label",
        "widget",
        "Label of a table of contents whose list is gone ('Table of Contents', 'In this article').",
        "A block that is only a table of contents' label in any language (lexicon contents.toc-labels: "
        "'Table of Contents', 'In this article', 'Índice', 'Inhaltsverzeichnis', 'Spis treści', '目次'), "
        "with a toggle word after it or not ('Table of Contents Show', lexicon contents.toggle-words), "
        "and without its list: none of the next three blocks is a list item or a table row, none of "
        "the next two ends in a colon (an intro to the list), at most one of the next three is a short "
        "line without a sentence end (an entry), and none of the next four short lines (at most 15 "
        "words) stands elsewhere in the text too (the heading an entry links to, or a second copy of "
        "the table in a sidebar). The scraper dropped the links and kept the label. A table of "
        "contents printed whole stays: the true bodies keep it (wcxb-dev, naeb-dev), and a comment-"
        "thread heuristic reads its repeated lines as the table they are only while the label stands.",
        toc_label,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "tail.closing-section",
        "tail",
        "Closing section below the article, from its header ('Comments', 'Tags', 'Cite This Page', 'About us') to the text's end.",
        "A block that is only the header of what a page puts below its article, in any language "
        "(lexicon tail.closing-headers: 'Comments', 'Leave a Reply', '12 Comments', 'Tags', 'Article "
        "Sources', 'Cite This Page', 'Photo Credits', 'About us', 'Contact us', 'Manage consent', "
        "'Kommentare', 'Deja un comentario', 'Follow us', 'Nutrition Facts'), or a title of at most four "
        "words ending in a newsletter's name (lexicon tail.closing-header-ends: 'Pick Six Newsletter'), "
        "left or removed by a rule, with at least 100 words and "
        "half the text's kept words before it: the header and every block after it to the text's end "
        "go, long ones too (a reader's comment, a list of sources, a cookie banner's paragraphs), "
        "which the items of tail.section-items stop short of. The first such header counts. Headers "
        "that also open an article's own last section ('References', 'Sources', 'Notes', "
        "'Disclaimer', 'About the author', 'Frequently asked questions') are not in the lexicon: the "
        "dev collections' true bodies keep them.",
        closing_section,
        confidence=(0.8, 0.8),
    ),
    Heuristic(
        "tail.after-debris",
        "tail",
        "Short block below the article inside a debris section that earlier decisions opened.",
        "After the article's last body paragraph (a sentence of 15 words or more, or any block of 30), "
        "once two blocks there have been removed by the rules and heuristics before this one (a related-"
        "links header and its items, a share row, a newsletter prompt, a footer menu), every later block "
        "of at most 40 words is part of the same section: headlines without a matching header, the "
        "site's slogan, a button's text. Longer blocks stay, and so does everything before the second "
        "removal (one removed line under the last paragraph can be a stray credit or sign-off). One "
        "line of at most three words right under the last paragraph, without sentence punctuation, "
        "digits, '@' or a link, with only removed blocks (two or more) after it to the end, is the "
        "section's first line ('BPO' above 'Mirá también' and a newsletter box) and goes too.",
        after_debris,
        confidence=(0.7, 0.7),
    ),
    Heuristic(
        "repeat.site",
        "repeat",
        "Block that recurs across many documents of the same site (boilerplate).",
        "Only in corpus runs with site-level repetition on (batch/check/fix --site-repetition, "
        "cleaner.repetition.two_pass, cleaner.spark): a block of at most 40 words whose hash appears "
        "in at least 5 documents and 20% of a site's documents (sites of 10 or more) is a footer, "
        "disclaimer, syndication note or newsletter box. The reason gives the count.",
        site_repeat,
        confidence=(0.45, 0.95),
    ),
    Heuristic(
        "truncation.repeated-block",
        "truncation",
        "Block that repeats another block or the start of one.",
        "Scrapers often pick up a teaser of the lead (or the same paragraph twice); the repeat goes. A "
        "candidate only (the dev collections' true bodies keep pull quotes, doubled paragraphs and "
        "teasers), except a teaser that repeats another block's start and ends in an ellipsis glued to a "
        "word, once what earlier decisions removed is set aside ('… peak employment during... Read More' "
        "above the paragraph it opens): cut off, it is a teaser for sure.",
        repeated_block,
        confidence=(0.45, 0.8),
    ),
    Heuristic(
        "model.block",
        "model",
        "Unit that the learned block scorer judges to be debris (its category and features in the reason).",
        "Small gradient-boosted trees (or a logistic regression) over general features of sentence-level units (length, punctuation, "
        "capitals, digits, URLs, separators, position from the start and the end, the neighbours, runs "
        "of short lines, overlap with the title and the neighbouring paragraphs, a small multilingual "
        "debris lexicon), trained on scraped text with labelled debris (scripts/train_scorer.py) and "
        "validated with whole sites held out. It judges what the rules and the heuristics above leave; "
        "its removals carry the predicted category, the probability as confidence and the features that "
        "drove it. Model: cleaner/scorer/block-model.json.",
        block_scorer,
        confidence=(0.0, 1.0),
    ),
)

__all__ = ["HEURISTICS", "Context", "Heuristic"]
