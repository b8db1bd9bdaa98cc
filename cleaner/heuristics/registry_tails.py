"""Heuristic registry, fourth stretch of the run order: comment threads, reader and related runs,
slide counters, appeals and service notes, the opening teaser, contents labels and closing sections.

``cleaner.heuristics`` joins the stretches into ``HEURISTICS`` in run order (order matters)."""

from __future__ import annotations

from cleaner.heuristics.appeals import reader_call, service_note, support_appeal, tail_call
from cleaner.heuristics.base import Heuristic
from cleaner.heuristics.cards import card_run, slide_counters
from cleaner.heuristics.closing import closing_section
from cleaner.heuristics.contents import toc_label
from cleaner.heuristics.openers import opening_teaser
from cleaner.heuristics.reactions import reader_run
from cleaner.heuristics.sections import after_debris
from cleaner.heuristics.threads import comment_thread, teaser_run

TAILS: tuple[Heuristic, ...] = (
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
)
