"""Runs at the text's edges known by a line every item repeats: teaser cards stacked above or below
the article, each carrying the same section label ('Tennis Lessons' / a headline / 'By Dec 19, 2023',
again and again), and a gallery's slide counters ('1 of 57', '2 of 57', …) anywhere. Repetition and
position are the evidence; no word list, so every language is covered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.navigation import is_body
from cleaner.model import Block, Removal

_CARD_MIN = 4  # cards in a run; three could be an article's own short list
_CARD_LINES = (2, 3, 4)  # lines in a card: its label, its headline, perhaps a date or a byline
_LABEL_MAX_WORDS = 5
_HEAD_WORDS = (3, 25)  # a card's headline


def _label_slot(lines: Sequence[str], words: Sequence[int], i: int, p: int) -> int | None:
    """The line of a ``p``-line card at ``i`` that the next card repeats word for word (a short
    label), or None. ``lines``: the blocks' contents stripped; ``words``: their words."""
    for s in range(p):
        if lines[i + s] == lines[i + p + s] and 1 <= words[i + s] <= _LABEL_MAX_WORDS:
            return s
    return None


def _cards(lines: Sequence[str], words: Sequence[int], body: Sequence[bool], i: int, p: int) -> int:
    """How many ``p``-line cards stand in a row from ``i``: no line a body paragraph, one line
    the same label in every card, another a headline different in every card."""
    if i + 2 * p > len(lines):
        return 0
    s = _label_slot(lines, words, i, p)
    if s is None:
        return 0
    label = lines[i + s]
    heads = [t for t in range(p) if t != s]
    seen: list[set[str]] = [set() for _ in heads]
    n = 0
    while i + (n + 1) * p <= len(lines):
        c = i + n * p
        if lines[c + s] != label or any(body[c : c + p]):
            break
        fresh = [
            k
            for k, t in enumerate(heads)
            if _HEAD_WORDS[0] <= words[c + t] <= _HEAD_WORDS[1] and lines[c + t] not in seen[k]
        ]
        if not fresh:
            break
        for k, t in enumerate(heads):
            seen[k].add(lines[c + t])
        n += 1
    # a headline slot must hold a headline in every card (not a date or a short line)
    full = [k for k, t in enumerate(heads) if len(seen[k]) == n and n]
    return n if full else 0


def _card_run(lines: Sequence[str], words: Sequence[int], body: Sequence[bool]) -> tuple[int, int, int] | None:
    """The first run of cards (start, cards, lines a card) with no body paragraph before it (above
    the article) or after it (below); None when the text has no body paragraph (nothing tells the
    article from the cards then). Tried only where a card's line comes again ``p`` lines on (the
    label a run needs), found for each ``p`` by one pass over the lines."""
    bodies = [k for k, x in enumerate(body) if x]
    if not bodies:
        return None
    starts: set[int] = set()
    for p in _CARD_LINES:
        for j, (a, b, w) in enumerate(zip(lines, lines[p:], words, strict=False)):
            if a == b and 1 <= w <= _LABEL_MAX_WORDS:
                starts.update(range(max(0, j - p + 1), j + 1))  # a card at i holds j as line j - i
    for i in sorted(starts):
        for p in _CARD_LINES:
            n = _cards(lines, words, body, i, p)
            if n < _CARD_MIN:
                continue
            end = i + n * p
            if i < bodies[0] or end > bodies[-1]:
                return i, n, p
    return None


def _stripped(b: Block) -> str:
    return b.content.strip()


def _may_run(stripped: Sequence[str], body: Sequence[bool]) -> bool:
    """Whether the blocks can hold a run of cards, whatever is kept of them: a body paragraph, and
    a line that comes ``_CARD_MIN`` times or more (the label every card repeats)."""
    if not any(body):
        return False
    if len(set(stripped)) > len(stripped) - _CARD_MIN + 1:
        return False  # a line that comes n times leaves at most len - n + 1 different ones: not counted
    return max(Counter(stripped).values(), default=0) >= _CARD_MIN


# Off: ``card_run`` reads the kept blocks, whatever ``_may_run`` says (to check that it changes nothing).
_GATED = True


def card_run(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if _GATED and len(ctx.blocks) < _CARD_MIN:
        return  # no line can come ``_CARD_MIN`` times (``_may_run``), before judging a block
    stripped, body = ctx.judged(_stripped), ctx.judged(is_body)
    if _GATED and not ctx.once(_may_run, lambda: _may_run(stripped, body)):
        return  # before reading the decisions: no run, whatever they are
    kept = ctx.kept_blocks()
    lines = [stripped[b.index] for b in kept]
    words = [b.n_words for b in kept]
    found = _card_run(lines, words, [body[b.index] for b in kept])
    if found is None:
        return
    start, n, p = found
    run = kept[start : start + n * p]
    slot = _label_slot(lines, words, start, p)
    label = " ".join(run[slot or 0].content.split())
    for b in run:
        yield h.remove_block(
            ctx,
            b,
            0.8,
            f"Run of {n} teaser cards at the text's edge, each of {p} lines with the same label "
            f"('{label}') and a headline of its own; other stories, not the article.",
        )


# A slide counter: two numbers and at most a short word or sign between them ('1 of 57', '3/12',
# 'Foto 2 de 9'); in a run, the first counts up by one and the second stays.
_COUNTER = regex.compile(r"^\D{0,12}?(\d{1,3})\s*(?:/|\p{L}{1,4})\s*(\d{1,3})\D{0,12}$")
_DIGITS = regex.compile(r"\d+")
_COUNTER_MIN = 3
_COUNTER_MAX_WORDS = 5


def _counter(b: Block) -> tuple[str, int, int] | None:
    t = b.content.strip()
    m = _COUNTER.match(t) if b.n_words <= _COUNTER_MAX_WORDS else None
    if m is None:
        return None
    shape = _DIGITS.sub("#", t)
    return shape, int(m.group(1)), int(m.group(2))


def _counter_runs(kept: Sequence[Block]) -> list[list[Block]]:
    runs: list[list[Block]] = []
    run: list[Block] = []
    last: tuple[str, int, int] | None = None
    for b in kept:
        c = _counter(b)
        if c is not None and last is not None and c[0] == last[0] and c[1] == last[1] + 1 and c[2] == last[2]:
            run.append(b)
        else:
            if len(run) >= _COUNTER_MIN:
                runs.append(run)
            run = [b] if c is not None and c[1] <= c[2] else []
        last = c if run else None
    if len(run) >= _COUNTER_MIN:
        runs.append(run)
    return runs


def slide_counters(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if _GATED and (len(ctx.blocks) < _COUNTER_MIN or sum(c is not None for c in ctx.judged(_counter)) < _COUNTER_MIN):
        return  # fewer counters in the text than a run holds, fewer kept: before reading the decisions
    for run in _counter_runs(ctx.kept_blocks()):
        for b in run:
            yield h.remove_block(
                ctx,
                b,
                0.9,
                f"Run of {len(run)} slide counters ('{run[0].content.strip()}' …): a gallery's numbering "
                "left by the scraper, the pictures gone.",
            )
