"""Runs at the text's edges known by a line every item repeats: teaser cards stacked above or below
the article, each carrying the same section label ('Tennis Lessons' / a headline / 'By Dec 19, 2023',
again and again), and a gallery's slide counters ('1 of 57', '2 of 57', …) anywhere. Repetition and
position are the evidence; no word list, so every language is covered."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.navigation import is_body
from cleaner.model import Block, Removal

_CARD_MIN = 4  # cards in a run; three could be an article's own short list
_CARD_LINES = (2, 3, 4)  # lines in a card: its label, its headline, perhaps a date or a byline
_LABEL_MAX_WORDS = 5
_HEAD_WORDS = (3, 25)  # a card's headline


def _label_slot(kept: Sequence[Block], i: int, p: int) -> int | None:
    """The line of a ``p``-line card at ``kept[i]`` that the next card repeats word for word (a
    short label), or None."""
    for s in range(p):
        line = kept[i + s]  # a short one first: stripping every paragraph of the text costs
        if 1 <= line.n_words <= _LABEL_MAX_WORDS and line.content.strip() == kept[i + p + s].content.strip():
            return s
    return None


def _cards(kept: Sequence[Block], i: int, p: int) -> int:
    """How many ``p``-line cards stand in a row from ``kept[i]``: no line a body paragraph, one line
    the same label in every card, another a headline different in every card."""
    if i + 2 * p > len(kept):
        return 0
    s = _label_slot(kept, i, p)
    if s is None:
        return 0
    label = kept[i + s].content.strip()
    heads = [t for t in range(p) if t != s]
    seen: list[set[str]] = [set() for _ in heads]
    n = 0
    while i + (n + 1) * p <= len(kept):
        card = kept[i + n * p : i + (n + 1) * p]
        if card[s].content.strip() != label or any(is_body(b) for b in card):
            break
        fresh = [
            k
            for k, t in enumerate(heads)
            if _HEAD_WORDS[0] <= card[t].n_words <= _HEAD_WORDS[1] and card[t].content.strip() not in seen[k]
        ]
        if not fresh:
            break
        for k, t in enumerate(heads):
            seen[k].add(card[t].content.strip())
        n += 1
    # a headline slot must hold a headline in every card (not a date or a short line)
    full = [k for k, t in enumerate(heads) if len(seen[k]) == n and n]
    return n if full else 0


def _label_repeats(kept: Sequence[Block]) -> bool:
    """Whether some short line (a label's length) stands ``_CARD_MIN`` times or more among the
    blocks: every card of a run repeats its label line word for word, so without one there is no
    run (asked once, before looking for a run at every block)."""
    seen: dict[str, int] = {}
    for b in kept:
        if 1 <= b.n_words <= _LABEL_MAX_WORDS:
            t = b.content.strip()
            seen[t] = seen.get(t, 0) + 1
            if seen[t] >= _CARD_MIN:
                return True
    return False


def _card_run(kept: Sequence[Block]) -> tuple[int, int, int] | None:
    """The first run of cards (start, cards, lines a card) with no body paragraph before it (above
    the article) or after it (below); None when the text has no body paragraph (nothing tells the
    article from the cards then)."""
    if not _label_repeats(kept):
        return None
    body = [k for k, b in enumerate(kept) if is_body(b)]
    if not body:
        return None
    for i in range(len(kept)):
        for p in _CARD_LINES:
            n = _cards(kept, i, p)
            if n < _CARD_MIN:
                continue
            end = i + n * p
            if i < body[0] or end > body[-1]:
                return i, n, p
    return None


def card_run(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    kept = ctx.kept_blocks()
    found = _card_run(kept)
    if found is None:
        return
    start, n, p = found
    run = kept[start : start + n * p]
    slot = _label_slot(run, 0, p)
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
    for run in _counter_runs(ctx.kept_blocks()):
        for b in run:
            yield h.remove_block(
                ctx,
                b,
                0.9,
                f"Run of {len(run)} slide counters ('{run[0].content.strip()}' …): a gallery's numbering "
                "left by the scraper, the pictures gone.",
            )
