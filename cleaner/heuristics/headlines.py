"""Editorializing or injected headlines of other stories, and question kickers on the lead."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import regex

from cleaner.blocks import is_all_caps, read_again, words
from cleaner.heuristics.base import Context, Heuristic, body_neighbours, introduces_next
from cleaner.heuristics.patterns import by_words
from cleaner.model import HEADING, PARAGRAPH, Block, Removal
from cleaner.text import count_words, trie_regex

_TAG = regex.compile(r"[\[(]\s*(\p{Lu}[\p{Lu} &/+\-]{1,20}?)\s*[\])]")
_QUESTION_LEAD = regex.compile(r"^(?P<q>[^.?!\n]{3,100}\?)(?P<gap>[ \t]+)(?=[\"'\u201c\u2018]?\p{Lu})")


def _headline_candidate(b: Block) -> bool:
    """A heading-like line of plain text. A heading the markup declares (an HTML <h2>, a Markdown
    ##) is the page's own subhead: the per-rule audit found 58-64% of what these heuristics
    removed from such headings in the true bodies."""
    if b.kind == HEADING:
        return b.source_hint not in ("html", "markdown")
    return b.kind == PARAGRAPH and b.heading_like


def _reads_as_headline(b: Block) -> bool:
    """Whether a block of the HTML path's markup (a heading, a list item, a caption, a quote), or a
    Markdown heading, is a headline candidate as the text path reads its line: the clean text has
    no markup (it drops a Markdown heading's '#'), and a second cleaning takes a loaded
    heading-like line standing between body paragraphs, so the first cleaning does (on the dev
    collections the three <h2> it takes so are none of the true bodies; a heading that does not
    read as one, a sentence or a numbered line, stays the page's own)."""
    return _headline_candidate(read_again(b))


@lru_cache(maxsize=64)
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One search that tells whether any of ``phrases`` occurs at all (most lines hold none): a
    trie, which costs little per position where an alternation tries every phrase."""
    return re.compile(trie_regex(phrases))


@by_words  # remembered by the tuples: joined and hashed once, not for every document
def _either(clickbait: tuple[str, ...], loaded: tuple[str, ...]) -> re.Pattern[str]:
    return _any_of(clickbait + loaded)


def _phrase_hit(text: str, phrases: tuple[str, ...]) -> str | None:
    folded = text.casefold()
    if _any_of(phrases).search(folded) is None:
        return None
    if len(folded) != len(text):  # casefolding changed lengths: offsets would not map back
        return _phrase_hit_folded(folded, phrases, None)
    return _phrase_hit_folded(folded, phrases, text)


def _phrase_hit_folded(folded: str, phrases: tuple[str, ...], text: str | None) -> str | None:
    for p in phrases:
        i = folded.find(p)
        while i >= 0:
            before_ok = i == 0 or not folded[i - 1].isalnum()
            j = i + len(p)
            after_ok = j >= len(folded) or not folded[j].isalnum()
            if before_ok and after_ok and (text is None or not _inside_name(text, i)):
                return p
            i = folded.find(p, i + 1)
    return None


_WORD = regex.compile(r"\p{L}[\p{L}'\u2019\-]*")
# "Step 1:", "Day 3.": an enumerated step of the article's own instructions.
_ENUMERATED = regex.compile(r"^\s*\p{L}{1,12}\s*\d{1,3}\s*[:.)]\s")


def _title_case(text: str) -> bool:
    """Most words of four letters or more (after the first) start with a capital."""
    long_words = [w for w in _WORD.findall(text)[1:] if len(w) >= 4]
    return bool(long_words) and sum(1 for w in long_words if w[0].isupper()) >= 0.8 * len(long_words)


def _inside_name(text: str, i: int) -> bool:
    """A capitalized hit right after another capitalized word in a line that is not title case
    is part of a name ("vs. Tyson Fury"), not a loaded word: the per-rule audit found one in a
    true body."""
    if not text[i].isupper() or _title_case(text):
        return False
    before = _WORD.findall(text[:i])
    return bool(before) and before[-1][0].isupper() and text[:i].rstrip()[-1:].isalpha()


def _standing_in_body(ctx: Context, b: Block) -> bool:
    before, _ = body_neighbours(ctx.blocks, b.index)
    return before


def loaded_headline(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    loaded = ctx.words("headline.loaded-words")
    clickbait = ctx.words("headline.clickbait-phrases")
    if not (loaded or clickbait):
        return  # no word to find in the text's language (``_phrase_hit`` would find none in any line)
    either = _either(clickbait, loaded)  # one search for a line that holds neither (most)
    cut = set(ctx.cut_blocks())
    for b in ctx.blocks:
        # a block that earlier cuts took part of, as the clean text shows it: "How Rebels Crippled
        # The Capital" once "READ MORE | Storm hits coast" is cut from its end
        seen, view = ctx.read_left(b) if b.index in cut else (b, None)
        # its kind is the markup's (an HTML element's, a Markdown '#' heading's): the clean text
        # drops the markup, and a second cleaning reads the line as it reads any line
        declared = (b.kind != PARAGRAPH and b.source_hint == "html") or (
            b.kind == HEADING and b.source_hint == "markdown"
        )
        if not (declared or _headline_candidate(seen)) or not _standing_in_body(ctx, b):
            continue
        if _ENUMERATED.match(seen.content):
            continue  # "Step 1: Know What You Want" heads a step of the article's own instructions
        if either.search(seen.content.casefold()) is None:
            continue
        if declared and not _reads_as_headline(b):
            continue
        hit = _phrase_hit(seen.content, clickbait) or _phrase_hit(seen.content, loaded)
        if hit and not introduces_next(ctx, b):
            if view is None:
                yield h.remove_block(ctx, b, 0.8, _loaded_reason(hit))
            else:
                yield from h.remove_view(ctx, b, view, 0, len(view.text), 0.8, _loaded_reason(hit))


def _loaded_reason(hit: str) -> str:
    return (
        f"Headline with loaded or clickbait wording ('{hit}') standing between body paragraphs: another "
        "story's headline or editorializing."
    )


@by_words
def _tag_keys(words: tuple[str, ...]) -> frozenset[str]:
    """The tags case-folded, made once per word list (not once per document)."""
    return frozenset(t.casefold() for t in words)


def _may_tag(text: str) -> bool:
    """False when ``_TAG`` matches nowhere in ``text``: a tag opens with a bracket."""
    return "(" in text or "[" in text


def tagged_headline(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if not _may_tag(ctx.text):
        return  # no bracket in the text: no tag in any block
    tags = _tag_keys(ctx.words("headline.tags"))
    if not tags:
        return  # no tag in the text's language: none is found in any block
    for b in ctx.blocks:
        if len(b.content) > 300 or not _may_tag(b.content) or not _standing_in_body(ctx, b):
            continue
        for m in _TAG.finditer(b.content):
            if m.group(1).strip().casefold() not in tags:
                continue
            rest = b.content[: m.start()] + b.content[m.end() :]
            if count_words(rest) >= 2 and (_headline_candidate(b) or b.n_words <= 20):
                yield h.remove_block(ctx, b, 0.9, f"Headline tagged {m.group(0)}: a teaser for other content.")
                break


def caps_headline(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """All-capital headlines between paragraphs; capitals alone are weak evidence (neutral
    subheads are sometimes set in capitals), so this stays a candidate unless the article's
    other headings are not in capitals."""
    heads = [b for b in ctx.blocks if _headline_candidate(b) and _standing_in_body(ctx, b)]
    caps = [b for b in heads if is_all_caps(b.content) and b.n_words >= 4]
    if not caps:
        return
    lone = len(caps) == 1 and len(heads) >= 3
    for b in caps:
        before, after = body_neighbours(ctx.blocks, b.index)
        long_teaser = b.n_words >= 6
        strong = lone and long_teaser and before and after and not introduces_next(ctx, b)
        # Candidates only, strong or not: the per-rule audit found 42% of what the strong case
        # removed in the true bodies (capitals are a style, not a sign of another story).
        confidence = 0.45 if strong else 0.4
        yield h.remove_block(
            ctx, b, confidence, "All-capital headline standing between body paragraphs: likely another story's teaser."
        )


_READER_WORDS = frozenset("i me my we us our you your yours".split())


def question_kicker(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if not ctx.words("headline.question-words"):
        return  # no question word in the text's language: no kicker opens with one (before the decisions)
    # What rules and earlier heuristics remove whole (promo lines, cut-off teasers, section
    # tails) is neither the lead nor part of the page's structure.
    gone = ctx.removed_blocks()
    lead = next((b for b in ctx.blocks if b.kind == PARAGRAPH and b.index not in gone), None)
    if lead is None or lead.content.find("?", 3, 101) < 0:
        return  # no kicker can open it: its question ends in a "?" at offset 3 to 100
    if sum(1 for b in ctx.blocks if b.index not in gone and b.content == lead.content) >= 3:
        return  # three copies are the page's structure (as in truncation.repeated-block), not a lead
    m = _QUESTION_LEAD.match(lead.content)
    if not m:
        return
    q = m.group("q")
    qwords = words(q)
    rest = lead.content[m.end() :]
    if not 2 <= count_words(q) <= 10 or count_words(rest) < 12:
        return
    if qwords[0].casefold() not in ctx.words("headline.question-words"):
        return
    # A kicker asks about the story ("What is happening in Balochistan?"); a question put to
    # the reader ("Is weight loss one of your resolutions?", "Are you traveling to Japan?")
    # opens the article's own prose: every false removal the per-rule audit found was one.
    if any(w.casefold() in _READER_WORDS for w in qwords):
        return
    end = lead.content_start + m.end()
    yield h.remove_span(
        ctx,
        lead,
        lead.content_start,
        end,
        0.8,
        "Headline-style question kicker fused to the start of the lead paragraph.",
    )
