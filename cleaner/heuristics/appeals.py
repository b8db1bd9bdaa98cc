"""Appeals at an article's tail: the newsroom asking its readers to fund its journalism, and the
site's paywall or archive notice addressed to the reader."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.navigation import is_body
from cleaner.heuristics.patterns import by_words
from cleaner.model import HEADING, PARAGRAPH, Block, Removal
from cleaner.text import blind_folds, count_words, trie_regex

_TAIL = 3  # the appeal is one of the article's last blocks (what earlier decisions removed set aside)
_MAX_WORDS = 80
_LINE_MAX_WORDS = 8  # a short line after it that asks for support too ("Support Our Paper") goes with it
_BODY_MIN_WORDS = 15
_STEM_MIN = 5  # a word this long matches as the start of a word (a stem); shorter ones whole
# scripts written without spaces between words: a word matches anywhere
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")


@by_words
@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """Longest words first; neighbours of one kind (unspaced, stem, whole word) share one group and
    one boundary test, which makes the search ~7x cheaper than a test per word and finds the same
    match (the order of the alternatives is kept)."""
    runs: list[tuple[str, list[str]]] = []
    for w in sorted(set(words), key=len, reverse=True):
        kind = "unspaced" if _UNSPACED.search(w) else ("stem" if len(w) >= _STEM_MIN else "word")
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(regex.escape(w))
        else:
            runs.append((kind, [regex.escape(w)]))
    alts = []
    for kind, escaped in runs:
        group = "(?:" + "|".join(escaped) + ")"
        if kind == "stem":
            group = rf"(?<![\p{{L}}\p{{M}}]){group}"
        elif kind == "word":
            group = rf"(?<![\p{{L}}\p{{M}}]){group}(?![\p{{L}}\p{{M}}])"
        alts.append(group)
    return regex.compile("|".join(alts) or r"(?!)", regex.IGNORECASE)


@by_words
@lru_cache(maxsize=16)
def _gate(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words case-folded as one literal scan, without the boundary tests: where it finds none
    in a text folded one character for one, ``_pattern`` finds none either (its case-blind
    comparison is that folding), at a fraction of the cost. None when a word folds to another
    length."""
    folded = {w.casefold() for w in words}
    if not words or "" in folded or any(len(w.casefold()) != len(w) for w in words):
        return None
    return re.compile(trie_regex(folded))


@dataclass(frozen=True)
class _WordGate:
    """``_gate`` tried only where a word can start: ``_pattern`` matches a spaced word (a stem or a
    whole word) only where no letter or mark stands before it, and a character whose folding is an
    ASCII letter is a letter (checked over all of Unicode by the tests), so in the folded text a
    spaced word starts after something other than ``a``-``z``, with one of the words' first
    characters; the scan of ``start`` (over the folded text after a space, which stands for its
    start) tries the words' trie only there, not at every letter (~2x cheaper on wild-dev's tail
    blocks). The words of unspaced scripts match anywhere: ``anywhere`` looks for them. Each word
    as ``blind_folds`` spells it (a case-blind "I" matches "ı")."""

    start: re.Pattern[str] | None
    anywhere: re.Pattern[str] | None

    def finds(self, folded: str) -> bool:
        if self.start is not None and self.start.search(" " + folded) is not None:
            return True
        return self.anywhere is not None and self.anywhere.search(folded) is not None


@by_words
@lru_cache(maxsize=16)
def _word_gate(words: tuple[str, ...]) -> _WordGate | None:
    """``_gate`` at the places a word can start (``_WordGate``); None where ``_gate`` is None."""
    if _gate(words) is None:
        return None
    spaced = {v for w in words if not _UNSPACED.search(w) for v in blind_folds(w)}
    unspaced = {v for w in words if _UNSPACED.search(w) for v in blind_folds(w)}
    firsts = "".join(re.escape(c) for c in sorted({v[0] for v in spaced}))
    return _WordGate(
        re.compile(f"[^a-z](?=[{firsts}])(?:{trie_regex(spaced)})") if spaced else None,
        re.compile(trie_regex(unspaced)) if unspaced else None,
    )


# Off: ``_may_have`` scans with ``_gate`` at every position (to check that ``_word_gate`` misses nothing).
_WORD_STARTS = True


def _may_have(text: str, words: tuple[str, ...]) -> bool:
    """False when ``_pattern(words)`` surely finds nothing in ``text`` (``_gate``'s cheap scan, tried
    where a word can start: ``_word_gate``)."""
    if not _WORD_STARTS:
        gate = _gate(words)
        if gate is None:
            return True
        folded = text.casefold()
        return len(folded) != len(text) or gate.search(folded) is not None
    starts = _word_gate(words)
    if starts is None:
        return True
    folded = text.casefold()
    return len(folded) != len(text) or starts.finds(folded)


@by_words
@lru_cache(maxsize=16)
def _either(journalism: tuple[str, ...], paywall: tuple[str, ...]) -> tuple[str, ...]:
    """The words of both lexicons in one tuple, the same for the same two (``by_words`` keys on them)."""
    return tuple(dict.fromkeys((*journalism, *paywall)))


def _may_name_tail(ctx: Context, b: Block) -> bool:
    """False when the block's content surely holds no journalism word and no paywall word
    (``_may_have`` of both lexicons' words, one scan where each would make its own): asked once per
    block for the document (the content alone decides), by promo.support-appeal and
    tail.service-note, which judge mostly the same last blocks."""
    known: dict[int, bool] = ctx.once(_may_name_tail, dict)
    got = known.get(b.index)
    if got is None:
        book = ctx.rulebook
        words = _either(book.words("appeal.journalism-words", None), book.words("service.paywall-words", None))
        got = known[b.index] = _may_have(b.content, words)
    return got


def _has(text: str, words: tuple[str, ...]) -> str | None:
    m = _pattern(words).search(text) if words and _may_have(text, words) else None
    return m.group(0) if m else None


def _body(b: Block) -> bool:
    return b.kind == PARAGRAPH and b.n_words >= _BODY_MIN_WORDS and ends_terminal(b.content)


def support_appeal(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """One of the last blocks names journalism and asks for support (lexicons appeal.journalism-words
    and appeal.support-words), and no body paragraph follows it: the site's appeal for funds, with
    the short lines after it that ask for support too."""
    journalism = ctx.rulebook.words("appeal.journalism-words", None)
    support = ctx.rulebook.words("appeal.support-words", None)
    if not journalism or not support:
        return
    kept = ctx.kept_at_least(3)  # fewer than 3 blocks: the decisions are not read
    if not kept:
        return
    for k in range(max(1, len(kept) - _TAIL), len(kept)):
        b = kept[k]
        if b.n_words > _MAX_WORDS or not ends_terminal(b.content):
            continue
        j = _has(b.content, journalism) if _may_name_tail(ctx, b) else None
        s = _has(b.content, support) if j else None
        if not (j and s):
            continue
        after = kept[k + 1 :]
        lines = []
        for x in after:
            if x.n_words <= _LINE_MAX_WORDS and _has(x.content, support):
                lines.append(x)
            else:
                break
        if any(_body(x) for x in after[len(lines) :]):
            continue
        reason = f"Appeal for support at the article's tail ('{j}', '{s}'): the site asking readers to fund it."
        yield h.remove_block(ctx, b, 0.8, reason)
        for x in lines:
            yield h.remove_block(ctx, x, 0.8, reason)
        return


# Service notes at the tail: a paywall or archive notice addressed to the reader.
_NOTE_TAIL = 3  # the first note block is one of the article's last blocks
_NOTE_MAX_WORDS = 80
_NOTE_MAX_SENTENCES = 4
# Sentences: a terminator (any script), perhaps a closing quote or bracket, then space.
_SENTENCE = regex.compile(r"(?<=[.!?\u2026\u0964\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)]?)\s+(?=\S)")


@dataclass(frozen=True)
class _NoteWords:
    reader: tuple[str, ...]
    paywall: tuple[str, ...]
    action: tuple[str, ...]

    def judge(self, sentence: str) -> tuple[str | None, str | None]:
        """The paywall word of the sentence and what addresses the reader (a second-person word or
        an action asked of them) in the rest of it, each None when absent."""
        first = None
        for m in (
            _pattern(self.paywall).finditer(sentence) if self.paywall and _may_have(sentence, self.paywall) else ()
        ):
            # the address in the other words: "Subscribers …" is no call to subscribe
            rest = sentence[: m.start()] + " " + sentence[m.end() :]
            if address := _has(rest, self.reader) or _has(rest, self.action):
                return m.group(0), address
            first = first or m.group(0)
        return first, None if first else _has(sentence, self.action)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _note(ctx: Context, b: Block, words: _NoteWords) -> tuple[str, str] | None:
    """A short block of at most four sentences, one of which names the paywall (a subscription,
    the archive, the full story) and addresses the reader or asks them to act, and at least half
    of which name the paywall or ask the reader to act: the paywall word and the address."""
    if b.kind not in (PARAGRAPH, HEADING):
        return None
    # judged as the clean text shows it (what earlier cuts leave): a second cleaning judges that
    text, n = ctx.left_words(b)
    if n > _NOTE_MAX_WORDS:
        return None
    if not _may_name_tail(ctx, b) or not _may_have(b.content, words.paywall):
        return None  # no sentence of it names the paywall (its gate, asked of the whole block once)
    if text is not b.content and not _may_have(text, words.paywall):
        return None
    sents = _sentences(text)
    if not sents or len(sents) > _NOTE_MAX_SENTENCES:
        return None
    judged = [words.judge(s) for s in sents]
    hit = next(((p, a) for p, a in judged if p and a), None)
    if hit is None or 2 * sum(1 for p, a in judged if p or a) < len(judged):
        return None
    return hit  # type: ignore[return-value]


def service_note(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """A paywall or archive notice among the article's last blocks ('For the full story, subscribe
    now', 'The article you requested has been archived … Click here to search the archive'), with
    the notice blocks next to it, when no body paragraph follows."""
    words = _NoteWords(
        ctx.rulebook.words("service.reader-words", None),
        ctx.rulebook.words("service.paywall-words", None),
        ctx.rulebook.words("service.action-words", None),
    )
    if not words.paywall:
        return
    kept = ctx.kept_at_least(2)  # one block: the decisions are not read
    if not kept:
        return
    notes = {}
    first = None
    for k in range(max(1, len(kept) - _NOTE_TAIL), len(kept)):
        if (got := _note(ctx, kept[k], words)) is not None:
            notes[k], first = got, k
            break
    if first is None:
        return
    i = first
    while i - 1 >= 1 and (got := _note(ctx, kept[i - 1], words)) is not None:
        i -= 1
        notes[i] = got
    j = first + 1
    while j < len(kept) and (got := _note(ctx, kept[j], words)) is not None:
        notes[j] = got
        j += 1
    if any(is_body(x) for x in kept[j:]):
        return
    for k in range(i, j):
        p, a = notes[k]
        why = f"Paywall or archive notice after the article ('{p}', '{a}'): the site's service text, not the article."
        yield from h.remove_left(ctx, kept[k], 0.8, why)


# A call for the readers' contributions or corrections above the article.
_CALL_HEAD = 3  # among the text's first blocks, up to the first body paragraph
_CALL_MAX_WORDS = 40
_ADDRESS = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+", regex.IGNORECASE)


def reader_call(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """One of the first blocks, a finished paragraph of at most 40 words before the article's first
    body paragraph, asks the reader to send or write something (lexicon service.call-words) and
    addresses them (service.reader-words) or gives an e-mail address or a link: the site's call for
    contributions or corrections ('Please share your videos … at iReport', 'napište na editori@…')."""
    calls = ctx.rulebook.words("service.call-words", None)
    if not calls:
        return
    if len(ctx.blocks) < 2:
        return  # a body paragraph comes after the call (below): one block, whatever the decisions
    reader = ctx.rulebook.words("service.reader-words", None)
    kept = ctx.kept_blocks()
    flags = ctx.judged(is_body)  # of the block alone, once for the document
    body = [k for k, b in enumerate(kept) if flags[b.index]]
    if not body:
        return
    for k in range(min(body[0] + 1, _CALL_HEAD)):
        b = kept[k]
        if body[-1] <= k or b.kind != PARAGRAPH:
            continue
        # judged as the clean text shows it (what earlier cuts leave): a second cleaning judges that
        c, n = ctx.left_words(b)
        if n > _CALL_MAX_WORDS or not ends_terminal(c):
            continue
        call = _has(c, calls)
        if not call:
            continue
        rest = c.replace(call, " ", 1)
        m = _ADDRESS.search(c)
        address = _has(rest, reader) or (m.group(0) if m else None)
        if address:
            why = (
                f"Call for the readers' contributions above the article ('{call}', '{address}'): the site's "
                "service text, not the article."
            )
            yield from h.remove_left(ctx, b, 0.8, why)
            return


# A call for the readers' contributions closing the article, inside its last line: the site's box
# of service text the scraper joined to the last paragraph ('… năm tới. >> Quan điểm của bạn thế
# nào? Gửi bài tại đây . Bài viết không …').
_TAIL_CALL_UNITS = 3  # the call is one of the last units of the last line
_TAIL_CALL_MAX_WORDS = 25  # the call unit
_TAIL_QUESTION_MAX_WORDS = 15  # a question to the reader right before it ('What do you think?')
_TAIL_AFTER_MAX_WORDS = 20  # one short unit after it (the box's fine print)
_TAIL_BODY_MIN_WORDS = 15  # the article before it
# Unit boundaries: after a sentence end (any script; perhaps a closing quote or bracket), or before
# a separator that opens a box ('>>', '»', '|', '•'); a unit starts with the space before it.
_UNIT_START = regex.compile(
    r"(?<=[.!?\u2026\u0964\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)]?)\s+(?=\S)|\s+(?=(?:>>|\u00bb|\||\u2022)\s)"
)
_QUOTE = regex.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")
# The call opens with the separator of a box the scraper joined to the line: a call after a plain
# sentence end is the writer's own ('What factor matters most to you? Email us at …': the dev
# collections' true bodies keep such closing calls).
_BOX = regex.compile(r"\s*(?:>>|\u00bb|\||\u2022)\s")


def _may_open_box(text: str) -> bool:
    """False when ``_BOX`` matches nowhere in ``text``: it holds none of the separators (a few
    substring tests, where splitting a long last line into units scans it with a lookbehind)."""
    return ">>" in text or "\u00bb" in text or "|" in text or "\u2022" in text


def _may_open_box_in(text: str) -> bool:
    """False when no view of ``text``'s pieces can hold a box's separator: none of its characters
    ('>' for '>>', which two pieces joined could form) stands in the text."""
    return ">" in text or "\u00bb" in text or "|" in text or "\u2022" in text


def _quoted(unit: str) -> bool:
    """A quotation mark in the unit, the box's separator ('»') set aside."""
    m = _BOX.match(unit)
    return _QUOTE.search(unit, m.end() if m else 0) is not None


def _units(text: str) -> list[tuple[int, str]]:
    starts = [0, *(m.start() for m in _UNIT_START.finditer(text))]
    return [(a, text[a:z]) for a, z in zip(starts, [*starts[1:], len(text)], strict=True)]


def tail_call(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """Among the last units of the text's last line (what earlier decisions left of it), a short
    one asks the reader to send or write something (lexicon service.call-words), perhaps after a
    short question to the reader, and it or that question addresses them (service.reader-words) or
    gives an e-mail address or a link; the call (or its question) opens with a box's separator
    ('>>', '»', '|', '•'), and at most one short unit follows it. From the separator to the end
    goes: the site's call for contributions, closing the article."""
    calls = ctx.rulebook.words("service.call-words", None)
    if not calls or not _may_open_box_in(ctx.text):
        return  # the last line's view is pieces of the text: no separator's character in it, none in the view
    reader = ctx.rulebook.words("service.reader-words", None)
    kept = ctx.kept_blocks()
    if not kept:
        return
    last = kept[-1]
    view = ctx.view(last)
    if not _may_open_box(view.text):
        return  # what goes opens with a box's separator (``_BOX``): none, no call to find
    units = _units(view.text)
    for c in range(max(0, len(units) - _TAIL_CALL_UNITS), len(units)):
        text = units[c][1]
        call = _has(text, calls)
        if not call or count_words(text) > _TAIL_CALL_MAX_WORDS or _quoted(text):
            continue
        after = units[c + 1 :]
        if len(after) > 1 or any(count_words(u) > _TAIL_AFTER_MAX_WORDS for _, u in after):
            return
        s = c
        q = units[c - 1][1] if c > 0 else ""
        if q.rstrip().endswith("?") and count_words(q) <= _TAIL_QUESTION_MAX_WORDS and not _quoted(q):
            s = c - 1
        asked = " ".join(u for _, u in units[s : c + 1]).replace(call, " ", 1)
        m = _ADDRESS.search(asked)
        address = _has(asked, reader) or (m.group(0) if m else None)
        if not address:
            return
        start = units[s][0]
        if not _BOX.match(view.text, start):
            return
        before = count_words(view.text[:start])
        if before < _TAIL_BODY_MIN_WORDS and not any(is_body(b) for b in kept[:-1]):
            return
        yield from h.remove_view(
            ctx,
            last,
            view,
            start,
            len(view.text),
            0.8,
            f"Call for the readers' contributions closing the article ('{call}', '{address}'): the "
            "site's service text, not the article.",
        )
        return
