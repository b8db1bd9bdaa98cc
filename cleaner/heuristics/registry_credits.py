"""Heuristic registry, second stretch of the run order: credits and captions (inline, by position,
dated, glued, repeated), source notes, bios, sign-offs and bylines; the headline above a dateline
runs among them.

``cleaner.heuristics`` joins the stretches into ``HEURISTICS`` in run order (order matters)."""

from __future__ import annotations

from cleaner.heuristics.base import Heuristic
from cleaner.heuristics.bios import closing_bio
from cleaner.heuristics.captions import closing_copyright, doubled_caption, open_dated_caption, position_caption
from cleaner.heuristics.credits import dateline_caption, repeated_credit, source_note
from cleaner.heuristics.glued_captions import glued_caption
from cleaner.heuristics.inline_credits import inline_caption
from cleaner.heuristics.offtopic import above_dateline
from cleaner.heuristics.signoffs import byline_line, item_sign_off, sign_off

CREDITS: tuple[Heuristic, ...] = (
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
)
