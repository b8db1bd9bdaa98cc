"""Navigation a scraper kept above the article: the site's menu as a run of short entry lines
("Home", "World", "Politics", "Business", …), or as one long line of entries joined by spaces
("Food Recipes Quick & Easy Dinners Casseroles Desserts Side Dishes … View All").

Short runs are left to the extractor on cleaner's own HTML path (it has dropped the menus
already): a run of three counts when its entries are set as lines in a row; set apart as
paragraphs each (how the HTML path sets its blocks) it needs eight. A clean text keeps the layout
its input had (a text's own line breaks, the HTML path's blank lines), so a second cleaning of it
judges a run as the first did.
Judged by structure, position and shape only (no word lists, so every language is covered):
a run of three entries before the article's first body paragraph, of eight shorter ones after its
last (below the article, short lines are as often its own lists of sources or products), a joined
line before the first or after the last
body paragraph; a run needs several entries in a row, each a
few words without sentence punctuation, set like menu entries (capitalised, without figures).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import Block, Removal

# A body paragraph: a sentence of some length, or a long block whatever its ending.
_BODY_SENTENCE_WORDS = 15
_BODY_ANY_WORDS = 30

# A menu entry: at most this many words, no sentence end, at least one letter.
_ENTRY_MAX_WORDS = 6
# A run: at least this many entries in a row; most of them start with a capital (in scripts
# with case), few carry figures (prices, ratings, dates: a product box or a fact sheet).
_RUN_MIN_ENTRIES = 3
_RUN_MIN_CAPITALISED = 0.8
_RUN_MAX_WITH_DIGITS = 0.1
# Below the article a run must be longer and its entries shorter: there short lines are as often
# the article's own lists (sources, products, pros and cons) as the site's footer menu.
_FOOTER_MIN_ENTRIES = 8
_FOOTER_ENTRY_MAX_WORDS = 4
# Above the article, a run whose entries are each set apart as a paragraph (an extractor's
# blocks) needs as many entries as a footer menu: on naive joins set so, 88% of what runs of 3
# took stays taken, and the entries of true body taken fall from 19 to 4.
_PARAGRAPHS_MIN_ENTRIES = _FOOTER_MIN_ENTRIES
# The line right above the first paragraph is the article's title when it has this many words.
_TITLE_MIN_WORDS = 3

# One line of joined entries: long, without any punctuation of a sentence or a list of fields,
# nearly every word capitalised.
_LINE_MIN_WORDS = 16
_LINE_MIN_CAPITALISED = 0.85
_SENTENCE_MARKS = regex.compile(r"[.,;:!?|\u2026\u3001\u3002\uff0c\uff1a\uff1b\uff01\uff1f\u0964\u060c\u061b\u061f]")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\p{N}")
_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")


def is_body(b: Block) -> bool:
    """A body paragraph: a sentence of 15 words or more (not set as a heading), or any block of 30."""
    n = b.n_words
    return n >= _BODY_ANY_WORDS or (n >= _BODY_SENTENCE_WORDS and ends_terminal(b.content) and not b.heading_like)


def _outside(ctx: Context) -> tuple[Sequence[Block], Sequence[Block]]:
    """The blocks that survive earlier decisions before the first body paragraph and after the
    last one (none when the text has no body paragraph: then nothing tells a menu from a list)."""
    alive = ctx.kept_blocks()
    last = _OUTSIDE[0] if _OUTSIDE else None
    if last is not None and last[0] is ctx:  # asked again of the same decisions (the next heuristic)
        return last[1]
    flags = ctx.judged(is_body)
    body = [k for k, b in enumerate(alive) if flags[b.index]]
    found: tuple[Sequence[Block], Sequence[Block]] = (alive[: body[0]], alive[body[-1] + 1 :]) if body else ((), ())
    _OUTSIDE[:] = [(ctx, found)]
    return found


# A one-entry cache: the context last asked and its blocks outside the body (menu_run, footer_run and
# menu_line ask in a row, of one context while no decision is added; a context never changes).
_OUTSIDE: list[tuple[Context, tuple[Sequence[Block], Sequence[Block]]]] = []


def _entry(t: str, n_words: int, max_words: int = _ENTRY_MAX_WORDS) -> bool:
    """A menu entry: a few words without a sentence end. A Markdown heading counts like any line:
    the clean text drops its '#', so judging it apart would decide differently on a second pass."""
    t = t.strip()
    return 1 <= n_words <= max_words and not ends_terminal(t) and bool(_LETTER.search(t))


def _line(ctx: Context, b: Block) -> tuple[Block, str, int]:
    """A block with its text and words as the clean text shows them (what earlier cuts leave): a
    second cleaning judges the entries of a run so."""
    return (b, *ctx.left_words(b))


def _capitalised_share(firsts: Sequence[str]) -> float:
    """Of the first letters or figures that have a case (or are figures), the share in capitals;
    1.0 in scripts without case."""
    cased = [c for c in firsts if c.isdigit() or c.upper() != c.lower()]
    return sum(1 for c in cased if c.isupper()) / len(cased) if cased else 1.0


def _first_char(text: str) -> str:
    return next((c for c in text if c.isalnum()), "")


def _menu_run(run: Sequence[tuple[Block, str, int]], min_entries: int = _RUN_MIN_ENTRIES) -> bool:
    if len(run) < min_entries:
        return False
    if _capitalised_share([_first_char(t) for _, t, _ in run]) < _RUN_MIN_CAPITALISED:
        return False
    return sum(1 for _, t, _ in run if _DIGIT.search(t)) <= _RUN_MAX_WITH_DIGITS * len(run)


def _runs(
    ctx: Context, blocks: Sequence[Block], max_words: int = _ENTRY_MAX_WORDS
) -> Iterable[list[tuple[Block, str, int]]]:
    run: list[tuple[Block, str, int]] = []
    for b in blocks:
        line = _line(ctx, b)
        if _entry(line[1], line[2], max_words):
            run.append(line)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _set_as_lines(text: str, run: Sequence[tuple[Block, str, int]]) -> bool:
    """Whether most of a run's entries follow one another as lines (a single line break between
    them), as a scraper dumps a page's menu, rather than each set apart as a paragraph (a blank
    line between them). Judged on the layout, which cleaning keeps: a text's clean text keeps its
    line breaks, and the HTML path sets its blocks apart in the first cleaning as in its output."""
    lines = sum(
        1 for (a, _, _), (b, _, _) in zip(run, run[1:], strict=False) if not _BLANK_LINE.search(text, a.end, b.start)
    )
    return lines * 2 > len(run) - 1


def menu_run(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    head, _ = _outside(ctx)
    for run in _runs(ctx, head):
        # Entries each set apart as a paragraph are the blocks an extractor kept (cleaner's HTML
        # path, or its clean text cleaned again): the extractor has dropped the page's menus, and the
        # short lines above its first paragraph are the article's header (site name, kicker,
        # headings the markup declares; 8 to 16 of the 68 entries runs of 3 would take on the HTML path
        # were true body). A run set so must be as long as a footer menu.
        least = _RUN_MIN_ENTRIES if _set_as_lines(ctx.text, run) else _PARAGRAPHS_MIN_ENTRIES
        if not _menu_run(run, least):
            continue
        if run[-1][0] is head[-1] and run[-1][2] >= _TITLE_MIN_WORDS:
            run = run[:-1]  # the line right above the body is the article's title
        yield from _entries(ctx, h, run, "above the article's first paragraph: the site's navigation")


def footer_run(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    _, tail = _outside(ctx)
    for run in _runs(ctx, tail, _FOOTER_ENTRY_MAX_WORDS):
        if not _menu_run(run, _FOOTER_MIN_ENTRIES):
            continue
        yield from _entries(ctx, h, run, "below the article's last paragraph: the site's footer navigation")


def _entries(ctx: Context, h: Heuristic, run: Sequence[tuple[Block, str, int]], where: str) -> Iterable[Removal]:
    """Each entry of a menu run, or what earlier cuts left of it (a second cleaning would find the
    run's entries that a cut leaves)."""
    for b, t, _ in run:
        why = f"Menu entry '{t.strip()[:30]}', one of {len(run)} short lines in a row {where}, not article text."
        yield from h.remove_left(ctx, b, 0.8, why)


def _joined_menu(t: str, n_words: int) -> bool:
    t = t.strip()
    if n_words < _LINE_MIN_WORDS or _SENTENCE_MARKS.search(t):
        return False
    words = [w for w in t.split() if _LETTER.match(w)]
    cased = [w for w in words if w[0].upper() != w[0].lower()]
    if not cased or len(cased) < 0.8 * len(words):
        return False  # scripts without case: nothing to judge by
    return sum(1 for w in cased if w[0].isupper()) >= _LINE_MIN_CAPITALISED * len(cased)


def menu_line(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    head, tail = _outside(ctx)
    for b in head + tail:
        # judged as the clean text shows it: a cut can take the mark ("READ MORE |") that made the
        # line no menu, and a second cleaning would take it
        text, n = ctx.left_words(b)
        if _joined_menu(text, n):
            yield from h.remove_left(ctx, b, 0.8, _menu_line_reason(n, b in head))


def _menu_line_reason(n_words: int, above: bool) -> str:
    where = "above the first" if above else "below the last"
    return (
        f"Line of {n_words} capitalised words without punctuation {where} paragraph of the article: menu "
        "entries joined by the scraper, not article text."
    )
