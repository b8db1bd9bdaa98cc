"""Readers' comments closing the text without their names: a scraper that kept the comments' texts and
dropped the names, dates and reply buttons leaves a run of paragraphs after the article in which
readers praise or thank the writer ('Great article!', 'Thanks for sharing', 'Hi Diana, …') or reply
to each other by handle ('@John, …'). Several such lines in the run, and its position below most of
the text, are the evidence; one grateful line in an article is not."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import alternation, by_words
from cleaner.model import Block, Removal

# The run holds at least this many lines of praise, and they are at least this share of its blocks
# (comments that only discuss count for the run's length, not for its evidence).
_MIN_REACTIONS = 3
_MIN_SHARE = 0.2
# It stands below the article: at least this many words of kept text before it, and this share of
# the text's kept words.
_BEFORE_MIN_WORDS = 150
_BEFORE_MIN_SHARE = 0.5
# The run's ``_MIN_REACTIONS`` lines after one kept block at least (the words before it).
_MIN_BLOCKS = 1 + _MIN_REACTIONS
# Or replies: lines that open by addressing someone by their handle ('@John, please …', '@Paul: psst',
# '@Geoffrey Hart: while …'), a comment system's convention in any language; an article quotes a
# post with its handle inside a line. At least this many of them in the run and this share of its
# blocks; and since readers may write more than the article, the run need only stand below this
# share of the text's kept words.
_MIN_REPLIES = 3
_REPLY_SHARE = 0.04
_REPLY_BEFORE_MIN_SHARE = 0.25
_REPLY = regex.compile(r"@\w[\w.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'\u2019\-]*\.?){0,2}\s*(?:[,:\u2013\u2014]|\s-\s)")

# Words as the marks compare them: runs of letters or of digits (re's classes, which split a word at a
# combining mark: the lexicons' words are split the same way), case-folded; an apostrophe or a hyphen
# splits too ("bell'articolo", "write-up"), in the text and in the lexicons alike.
_WORD = re.compile(r"[^\W\d_]+|\d+")
_GAP = 1  # at most one word between praise and the piece it praises ('Great little post')


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class _Entries:
    """A lexicon's entries as word tuples, found by their first word."""

    by_first: dict[str, frozenset[tuple[str, ...]]]
    firsts: frozenset[str]

    @classmethod
    def of(cls, words: tuple[str, ...]) -> _Entries:
        out: dict[str, set[tuple[str, ...]]] = {}
        for w in words:
            if t := _words(w):
                out.setdefault(t[0], set()).add(t)
        return cls({k: frozenset(v) for k, v in out.items()}, frozenset(out))

    @property
    def entries(self) -> Iterable[tuple[str, ...]]:
        return (e for es in self.by_first.values() for e in es)

    def spans(self, toks: tuple[str, ...], present: set[str]) -> list[tuple[int, int]]:
        """Where entries stand in ``toks`` (whose set of words is ``present``): (start, end) word
        indexes. Most lines hold no entry's first word, which one set intersection tells."""
        firsts = self.firsts & present
        if not firsts:
            return []
        out = []
        for i, t in enumerate(toks):
            if t in firsts:
                out.extend((i, i + len(e)) for e in self.by_first[t] if toks[i : i + len(e)] == e)
        return out


@dataclass(frozen=True)
class _Keys:
    """One word of each entry of the work words and the readers' phrases (its longest): a line whose
    words hold none of them holds no phrase and no word for the piece, so no praise either.

    Found without splitting the line into all its words: ``runs`` finds the runs of the letters these
    words are spelled with (and as long as the shortest of them) in the case-folded line. A word of the
    line equal to a key is such a run (its letters are the key's, and the characters either side of
    it are no letters, so none of the keys' letters): the runs hold every key the words hold, and a
    line with none of them is read no further. Lines of other scripts give no runs at all."""

    words: frozenset[str]
    runs: re.Pattern[str]

    @classmethod
    def of(cls, *lexicons: _Entries) -> _Keys | None:
        words = frozenset(max(e, key=len) for lx in lexicons for e in lx.entries)
        if not words or not all(w.isalpha() for w in words):
            return None  # a key of digits: the runs of letters would not find it
        letters = "".join(re.escape(c) for c in sorted(set("".join(words))))
        return cls(words, re.compile(f"[{letters}]{{{min(map(len, words))},}}"))

    def absent(self, folded: str) -> bool:
        """Whether the case-folded line holds none of the keys as a word."""
        return self.words.isdisjoint(self.runs.findall(folded))


@dataclass(frozen=True, eq=False)  # hashed by identity: one per lexicon set (``_marks``)
class _Marks:
    praise: _Entries
    works: _Entries
    phrases: _Entries
    greeting: regex.Pattern[str]  # a greeting, a capitalised name and a comma at a line's start
    keys: _Keys | None  # a word of each work word and reader's phrase, if they can be found as runs

    def of(self, text: str) -> bool:
        """Whether a line praises the piece (praise next to a word for it, in either order, at most one
        word between), holds a reader's phrase, or opens with a greeting and a name."""
        if self.greeting.match(text.strip()) is not None:
            return True
        folded = text.casefold()
        if self.keys is not None and self.keys.absent(folded):
            return False  # no phrase nor work word in the line: most lines, found without its words
        toks = tuple(_WORD.findall(folded))
        present = set(toks)
        if self.phrases.spans(toks, present):
            return True
        works = self.works.spans(toks, present)
        if not works:
            return False
        return any(
            0 <= ws - pe <= _GAP or 0 <= ps - we <= _GAP
            for ps, pe in self.praise.spans(toks, present)
            for ws, we in works
        )


@by_words  # remembered by the tuples: an lru_cache hashes the four lexicons' words at every call
@lru_cache(maxsize=8)
def _marks(
    praise: tuple[str, ...], works: tuple[str, ...], phrases: tuple[str, ...], greetings: tuple[str, ...]
) -> _Marks | None:
    if not (praise and works and phrases and greetings):
        return None
    work_entries, phrase_entries = _Entries.of(works), _Entries.of(phrases)
    return _Marks(
        _Entries.of(praise),
        work_entries,
        phrase_entries,
        regex.compile(rf"(?i:{alternation(greetings)})\s+\p{{Lu}}[\p{{L}}\p{{M}}.'\u2019\-]*\s*[,!]"),
        _Keys.of(work_entries, phrase_entries),
    )


@lru_cache(maxsize=4096)
def _marked(marks: _Marks, text: str) -> bool:
    """``marks.of(text)``, remembered: the heuristic runs again on the same lines when later decisions
    change what it sees."""
    return marks.of(text)


def _reply(text: str) -> bool:
    return text.startswith("@") and _REPLY.match(text) is not None


def _run_start(ctx: Context, kept: Sequence[Block], marks: _Marks) -> tuple[int, int] | None:
    """Where the run of comments starts in ``kept`` (a line of praise with enough more of them after
    it to the end, or a reply with enough more replies) and how many such lines it holds: the
    earliest such start below most of the text (below a quarter of it for replies).

    Above the lower half of the text's words only a run of replies can start: there a line is read
    for praise only if such a run starts, to count the lines of the run for the reason."""
    total = sum(b.n_words for b in kept)
    before = total
    found, n, replies = None, 0, 0
    lower = len(kept)  # kept[lower:] is the lower half: a run of praise may start there
    for i in range(len(kept) - 1, -1, -1):
        before -= kept[i].n_words
        if before < _BEFORE_MIN_WORDS or before < _REPLY_BEFORE_MIN_SHARE * total:
            break
        text = ctx.surviving(kept[i])
        reply = _reply(text.lstrip())
        praise_may_start = before >= _BEFORE_MIN_SHARE * total
        if praise_may_start:
            lower = i
            if not (reply or _marked(marks, text)):
                continue
            n += 1
        elif not reply:
            continue
        replies += reply
        run = len(kept) - i
        if praise_may_start and n >= _MIN_REACTIONS and n >= _MIN_SHARE * run:
            found = (i, n)
        elif reply and replies >= _MIN_REPLIES and replies >= _REPLY_SHARE * run:
            found = (i, n if praise_may_start else -1)
    if found is None or found[1] >= 0:
        return found
    start = found[0]  # a run of replies reaching above the lower half: its lines there, counted
    above = sum(1 for b in kept[start:lower] if _reply((t := ctx.surviving(b)).lstrip()) or _marked(marks, t))
    return start, n + above


def reader_run(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if len(ctx.blocks) < _MIN_BLOCKS:
        return  # too few blocks for a run below the article, whatever the decisions: before reading them
    marks = _marks(
        ctx.words("comments.praise-words"),
        ctx.words("comments.work-words"),
        ctx.words("comments.reader-phrases"),
        ctx.words("comments.greetings"),
    )
    if marks is None:
        return
    kept = ctx.kept_blocks()
    found = _run_start(ctx, kept, marks)
    if found is None:
        return
    start, n = found
    for b in kept[start:]:
        yield h.remove_block(
            ctx,
            b,
            0.8,
            f"Readers' comments closing the text: a run of {len(kept) - start} blocks below most of the "
            f"text, {n} of them praising or thanking the writer, greeting someone by name or replying to "
            "someone by their handle ('@John, …'); not the article.",
        )
