"""Section labels and breadcrumbs above the headline: "Política", "Hindi News / Sports / Cricket"
lines a scraper took from the page's header before the article's title."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from cleaner.blocks import ends_terminal, is_all_caps
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import Removal
from cleaner.text import count_words, phrase_key, words_at_most

_LABEL_MAX_WORDS = 2
_MAX_LABELS = 3
_HEADLINE_WORDS = (4, 20)
_BODY_MIN_WORDS = 8
_DIGIT = regex.compile(r"\p{N}")


def _label(line: str) -> bool:
    t = line.strip()
    return (
        bool(t)  # at least one word
        and words_at_most(t, _LABEL_MAX_WORDS)
        and not t[0].islower()  # a section's name is capitalised
        and not ends_terminal(t)
        and not _DIGIT.search(t)
    )


def _headline(line: str, digits_ok: bool) -> bool:
    """The article's title: a line of 4-20 words without sentence punctuation, a list of fields
    (":" or "|") or capitals only; with a single label before it, without digits either (a date or
    a schedule line under a one-word heading is the article's own)."""
    t = line.strip()
    lo, hi = _HEADLINE_WORDS
    return (
        words_at_most(t, hi)
        and count_words(t) >= lo
        and not ends_terminal(t)
        and not is_all_caps(t)
        and ":" not in t
        and "|" not in t
        and (digits_ok or not _DIGIT.search(t))
    )


# Menu entries glued without spaces ("PogodaDługoterminowaWeekend"): three or more capitalised
# words in one token, the links of a navigation bar joined by the scraper.
_GLUED_MENU = regex.compile(r"^(?:\p{Lu}\p{Ll}{2,}){3,}$")


# Breadcrumb separators: a slash, '>', '»' or '›' between spaces.
_CRUMB_SEP = regex.compile(r"[ \t]+[/>\u00bb\u203a][ \t]+|[ \t]+[/>\u00bb\u203a](?=[ \t]*[/>\u00bb\u203a])")
_CRUMBS_MIN = 3


_CRUMB_CHARS = "/>\u00bb\u203a"  # every breadcrumb separator holds one


def _trail_end(line: str) -> str:
    """The key (``phrase_key``) of the last entry of ``line`` read as a trail of three or more
    entries between breadcrumb separators; "" when it is none. A line without a separator's
    character is none, without the split (the first kept block is often a long paragraph)."""
    t = line.strip()
    if not any(c in t for c in _CRUMB_CHARS):
        return ""
    parts = _CRUMB_SEP.split(t)
    return phrase_key(parts[-1]) if len(parts) >= _CRUMBS_MIN else ""


def _breadcrumb(line: str, title: str, ends: dict[str, str]) -> bool:
    """A line of three or more entries between breadcrumb separators whose last entry is the
    title under it ("BHG.com / Videos / / / How to Hang a Wreath" above "How to Hang a Wreath"):
    the trail ends at the page it leads to, which the title names again. ``ends``: each line's
    ``_trail_end`` already found, by its text (kept for the document: it is the line's alone)."""
    if (last := ends.get(line)) is None:
        last = ends[line] = _trail_end(line)
    return bool(last) and last == phrase_key(title.strip())


# Off: no gate before reading the decisions (to check that it changes nothing).
_GATED = True


def section_label(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if _GATED and len(ctx.blocks) < 2:
        return  # each form needs a line and one below it: before reading the decisions
    alive = ctx.kept_blocks()
    ends: dict[str, str] = ctx.once(_trail_end, dict)  # a line's trail, once for the document
    # the lines as the clean text shows them: a cut can leave a label, or take the ':' that kept
    # the line under it from being a headline
    lines = [ctx.surviving(b) for b in alive[: _MAX_LABELS + 2]]
    if len(alive) >= 3 and _breadcrumb(lines[0], lines[1], ends):
        yield from h.remove_left(
            ctx, alive[0], 0.8, "Breadcrumb trail ending in the title under it, above the headline: not article text."
        )
        return
    if len(alive) >= 2 and _GLUED_MENU.match(lines[0].strip()) and alive[1].n_words >= _BODY_MIN_WORDS:
        yield from h.remove_left(
            ctx, alive[0], 0.8, "Navigation entries glued without spaces at the start of the text, not article text."
        )
        return
    n = 0
    while n < min(_MAX_LABELS, len(alive)) and _label(lines[n]):
        n += 1
    if not n or len(alive) - n < 2:
        return
    if not _headline(lines[n], digits_ok=n > 1) or alive[n + 1].n_words < _BODY_MIN_WORDS:
        return
    for b, line in zip(alive[:n], lines, strict=False):
        yield from h.remove_left(
            ctx, b, 0.8, f"Section label or breadcrumb '{line.strip()[:30]}' above the headline, not article text."
        )
