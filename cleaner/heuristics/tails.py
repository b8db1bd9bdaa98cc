"""Tails: once a section header rule with ``tail`` fires, its items go too; and the link texts a
scraper appended after the article's last sentence."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from cleaner.blocks import ends_terminal, read_again
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import EndAnchored, by_words
from cleaner.model import PARAGRAPH, Block, Removal
from cleaner.rulebook import Rule
from cleaner.text import count_words, phrase_key

# An item of a related-links or comments section is a headline or a short line: at most this
# many words, fewer when it reads as a finished sentence. A longer block is body prose again
# (the per-rule audit found whole paragraphs of research articles under a "Discussion" or
# "Comments" heading taken by an unbounded tail), and the tail stops there.
_ITEM_MAX_WORDS = 30
_SENTENCE_ITEM_MAX_WORDS = 20


def _item_like(b: Block) -> bool:
    n = b.n_words
    if _finished_sentence(b.content):
        return n <= _SENTENCE_ITEM_MAX_WORDS
    return n <= _ITEM_MAX_WORDS


def _finished_sentence(text: str) -> bool:
    """Ends in a full stop or an exclamation, perhaps inside quotes or brackets; a headline that
    ends in a bracketed tag ("… (FOTOS Y VIDEO)"), a question or an ellipsis is not finished."""
    t = text.rstrip().rstrip("\"'\u201d\u2019\u00bb)]")
    return (
        ends_terminal(t)
        and not t.endswith(("?", "\u2026", "...", ":", ";", ","))
        and t[-1] not in "\"'\u201d\u2019\u00bb)]"
    )


def _tail_rule(ctx: Context, rule: Rule | None, b: Block) -> Rule | None:
    """The rule whose tail the header opens: the rule that removed it, or, when that one has no
    tail (a bare teaser label such as "Te puede interesar" outranks the section header with the
    same words), a section-header rule of the language whose phrases name the block."""
    if rule is None or rule.tail is not None:
        return rule
    return _tail_rules(ctx.rules).get(phrase_key(b.content), rule)


@by_words  # remembered by the tuple (the plan's, the same for every document)
def _tail_rules(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    """Of the rules with a tail, the first in order that names each phrase: what a scan of the
    rules for the first one with a tail whose phrases hold a key finds, without the scan."""
    out: dict[str, Rule] = {}
    for r in rules:
        if r.tail is not None:
            for p in r.phrases:
                out.setdefault(p, r)
    return out


def section_tail(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    hits = ctx.rule_hit_blocks()
    i = 0
    while i < len(ctx.blocks):
        hit = hits.get(i)
        rule = _tail_rule(ctx, ctx.rulebook.get(hit.rule), ctx.blocks[i]) if hit else None
        if not hit or rule is None or rule.tail is None:
            i += 1
            continue
        header = ctx.blocks[i].content.strip()[:60]
        j = i + 1
        while j < len(ctx.blocks):
            b = ctx.blocks[j]
            if not _item_like(b) and j not in hits:
                break  # "items" and "rest" alike: a body paragraph ends the section
            if j not in hits:
                yield h.remove_block(
                    ctx,
                    b,
                    rule.confidence * 0.95,
                    f"Item of the '{header}' section that starts at block {i} ({rule.id}).",
                )
            j += 1
        end = _section_close(ctx, hits, rule, j)
        for b in ctx.blocks[j:end]:
            if b.index not in hits:
                yield h.remove_block(
                    ctx,
                    b,
                    rule.confidence * 0.9,
                    f"Comment under the '{header}' section that starts at block {i} ({rule.id}), before "
                    f"the section's closing line at block {end}.",
                )
        i = max(j, end)


def _section_close(ctx: Context, hits: dict[int, Removal], rule: Rule, j: int) -> int:
    """Where a comment section whose short items ended at block ``j`` (a longer comment) closes: the
    next block a comments rule without a tail removed ('Read all comments', 'Load more comments'), the
    widget's line under the thread; everything between is readers' comments, whatever its length. ``j`` when the
    header opens no comment section or nothing closes it."""
    if rule.category != "comments" or j >= len(ctx.blocks):
        return j
    return next((k for k in sorted(hits) if k > j and _closes(ctx, hits[k])), j)


def _closes(ctx: Context, hit: Removal) -> bool:
    """A comments rule's widget line ('Read all comments'); another section header opens a section,
    it closes none."""
    rule = ctx.rulebook.get(hit.rule)
    return hit.category == "comments" and rule is not None and rule.tail is None


# Link texts a scraper cut out of the sentences and appended after the last one: after the last
# sentence end (any script), a gap that is not a plain single space (two or more spaces, a
# no-break space or empty brackets: the holes the links left), then words without a sentence end
# (or with one, when they open in lower case). Not a quotation
# (an opening quote or bracket), an attribution dash ("  —Name, Studio") or a hashtag/handle.
_RESIDUE = EndAnchored.compile(  # end-anchored: asked backwards first
    r"(?<=[\p{L}\p{N}\p{M}]{2}[.!?\u0964\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)]?)"
    r"(?P<gap>[ \t\u00a0]*(?:[ \t\u00a0]{2}|\u00a0|\(\s*\)|\[\s*\])[ \t\u00a0]*)"
    r"(?P<frag>[^\s.!?\u0964\u3002\uff01\uff1f\"'\u201c\u201e\u00ab(\[\-\u2013\u2014#@]"
    r"[^.!?\u0964\u3002\uff01\uff1f\n]{0,150}"
    # words that open in lower case may close with a full stop: no sentence opens so, and the
    # link texts' last one can carry the sentence's stop ('  scharf kritisierten … kritisiert.')
    r"|\p{Ll}[^.!?\u0964\u3002\uff01\uff1f\n]{0,150}[.!?])$"
)
_RESIDUE_MAX_WORDS = 12
_LOOK_MAX_WORDS = 6
# How far from the end the gap's hole can lie: a fragment of at most 152 characters, a line break
# after it, and the spaces between the hole and it (two of them are a hole themselves).
_GAP_REACH = 160


def _may_have_gap(text: str) -> bool:
    """Whether the end of ``text`` holds what ``_RESIDUE``'s gap needs (two spaces or tabs, a tab
    among spaces, a no-break space, a closing bracket): where none stands, it cannot match, and its
    backward match (which backtracks through the fragment's 150 characters) is not asked."""
    end = text[-_GAP_REACH:]
    return "  " in end or "\t" in end or "\u00a0" in end or ")" in end or "]" in end


@by_words  # remembered by the tuple: an lru_cache hashes its 100-odd verbs at every call (~3 us)
@lru_cache(maxsize=8)
def _look_residue(verbs: tuple[str, ...]) -> EndAnchored:
    """After the last sentence end and a space, a verb of looking, reading or listening (a whole
    word) and at most a few more words without a sentence end, to the end: a link's text."""
    if not verbs:
        return EndAnchored.compile(r"(?!)")
    alts = "|".join(regex.escape(v) for v in sorted(set(verbs), key=len, reverse=True))
    return EndAnchored.compile(
        r"(?<=[\p{L}\p{N}\p{M}%)]{1}[.!?\u0964][\"'\u201d\u2019\u00bb)]?)(?P<gap>[ \t\u00a0]+)"
        rf"(?P<frag>(?P<verb>{alts})(?![\p{{L}}\p{{M}}])[^.!?:;|\u0964\n]{{0,80}})$",
        regex.IGNORECASE,
    )


# What ``_look_residue``'s fragment holds none of, and the sentence ends it follows.
_LOOK_STOPS = ".!?:;|\u0964\n"
_LOOK_ENDS = ".!?\u0964"
_LOOK_STOP_SET = frozenset(_LOOK_STOPS)


@by_words
@lru_cache(maxsize=8)
def _verbs_stop(verbs: tuple[str, ...]) -> bool:
    """Whether a verb holds one of ``_LOOK_STOPS`` (then ``_may_look`` cannot tell)."""
    return any(c in v for v in verbs for c in _LOOK_STOPS)


def _may_look(tail: str) -> bool:
    """Whether ``_look_residue`` can match at the end of ``tail`` (its verbs holding none of
    ``_LOOK_STOPS``): its fragment holds none of them, nor does the closing quote or the gap before
    it, so the sentence end it follows is the last of them in ``tail``, and a space, tab or no-break
    space (the gap) comes after it. A ``tail`` that ends in a line break (which ``$`` lets the match
    end before) is not gated. Where it says no, the backward match is not asked."""
    if tail.endswith("\n"):
        return True
    if tail[-1:] in _LOOK_STOP_SET:
        return False  # the last of them ends the text: no gap after it (most paragraphs end so)
    k = max(map(tail.rfind, _LOOK_STOPS))
    if k < 0 or tail[k] not in _LOOK_ENDS:
        return False
    rest = tail[k + 1 :]
    return " " in rest or "\t" in rest or "\u00a0" in rest


# Off: ``_look_residue`` is asked whatever ``_may_look`` says (to check that the gate changes nothing).
_GATED = True


def link_residue(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The words left after the last sentence of the article's last paragraph, set off by a gap
    of several spaces: the anchor texts of its links, which the scraper moved there."""
    gone = ctx.removed_blocks()
    # the last paragraph as a cleaning of the clean text reads it (``read_left``): a Markdown heading
    # loses its '#' there, an HTML list item or heading its markup, and a block what cuts took
    last, seen = None, None
    for b in reversed(ctx.blocks):
        if b.index not in gone and (seen := ctx.read_left(b)[0]).kind == PARAGRAPH:
            last = b
            break
    if last is None or seen is None or seen.n_words < 8:
        return
    text = ctx.surviving(last)  # judged as a second cleaning sees it: a copyright line cut after it is gone
    tail = text[-400:]
    m = _RESIDUE.search(tail) if _may_have_gap(tail) else None
    reason = "set off by a gap of spaces"
    if not m or not 1 <= count_words(m.group("frag")) <= _RESIDUE_MAX_WORDS:
        # after a plain space, only a link text that opens with a verb of looking, reading or
        # listening ('… 4,0%. Δείτε την έρευνα', '… View Full Profile') at the very end of the text
        if ctx.kept_blocks()[-1] is not last:
            return
        verbs = ctx.rulebook.words("tail.link-verbs", None)
        if _GATED and not _verbs_stop(verbs) and not _may_look(tail):
            return
        m = _look_residue(verbs).search(tail)
        if not m or not 1 <= count_words(m.group("frag")) <= _LOOK_MAX_WORDS:
            return
        reason = f"opening with '{m.group('verb')}'"
    start = len(text) - len(tail) + m.start("gap")
    yield from h.remove_view(
        ctx,
        last,
        ctx.view(last),
        start,
        len(text),
        0.8,
        f"Words left after the article's last sentence, {reason} ('{m.group('frag').strip()[:40]}'): "
        "the texts of its links, cut out of the sentences by the scraper.",
    )


# A link card left as the text's last line: the card's title and its label glued together without a
# space ('Schodzimy do piekłaMateriał jest częścią serwisu TVN24 GO': a word in lower case, or an
# acronym, and then a capitalised word that opens a clause of three words or more), or a title in
# quotation marks and its source ('«Ответы на главные вопросы» от мэрии Москвы'). A brand glued
# inside a word opens with a capital ('WordPress', 'SiteSwan') or has one lower-case letter
# ('iPhone'), and is no seam here.
_CARD_SEAM = regex.compile(
    r"(?:(?<=(?:^|[ \t])\p{Ll}[\p{Ll}\p{M}]{3,})|(?<=(?:^|[ \t])[\p{Lu}\p{N}]{2,}))"
    r"(?=\p{Lu}[\p{Ll}\p{M}]{2,}(?:[ \t]+\S+){2,}[ \t]*$)"
)
_CARD_HEAD_MIN_WORDS = 2  # the card's title before the seam, the glued word included
_QUOTED_CARD = regex.compile(
    r"^[\"\u201c\u201e\u00ab](?P<title>[^\"\u201c\u201d\u201e\u00ab\u00bb.!?,;:]{3,80})[\"\u201d\u201c\u00bb]"
    r"\s+(?P<source>[^\s\"\u201c\u201d\u201e\u00ab\u00bb]+(?:\s+[^\s\"\u201c\u201d\u201e\u00ab\u00bb]+){0,3})$"
)
_CARD_MAX_WORDS = 20
_BODY_MIN_WORDS = 15  # a body paragraph before it: a finished sentence of this many words


def _card(text: str) -> str | None:
    """What makes the line a link card ('glued' or 'quoted'), or None."""
    t = text.strip()
    if not t or not _unfinished_line(t):
        return None
    if _QUOTED_CARD.match(t):
        return "a quoted title and its source"
    m = _CARD_SEAM.search(t)
    if m and count_words(t[: m.start()]) >= _CARD_HEAD_MIN_WORDS:
        return "a title and a label glued without a space"
    return None


def _unfinished_line(t: str) -> bool:
    return t[-1] not in ".!?\u2026:;,\u0964\u3002\uff01\uff1f"


def _body(b: Block) -> bool:
    return b.kind == PARAGRAPH and b.n_words >= _BODY_MIN_WORDS and ends_terminal(b.content)


def link_card(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The text's last line (no earlier decision removed it) is a link card: a short line without a
    sentence end, either a title and a label glued together without a space or a title in
    quotation marks followed by its source in a few words; and the article comes before it."""
    kept = ctx.kept_at_least(2)  # one block: the decisions are not read
    if not kept:
        return
    last = kept[-1]
    # its kind as a cleaning of the output reads it (a Markdown heading's "#" and HTML markup are
    # gone there): a card the next cleaning would take goes now
    cut = bool(ctx.prior_cuts(last))
    if (last.n_words > _CARD_MAX_WORDS and not cut) or read_again(last).kind != PARAGRAPH:
        return
    # and its text as the clean text shows it (what earlier cuts leave)
    text = ctx.surviving(last) if cut else last.content
    if cut and count_words(text) > _CARD_MAX_WORDS:
        return
    shape = _card(text)
    if shape is None or not any(_body(b) for b in kept[:-1]):
        return
    why = f"Link card left as the text's last line ({shape}): a box's texts, not the article."
    yield from h.remove_left(ctx, last, 0.8, why)
