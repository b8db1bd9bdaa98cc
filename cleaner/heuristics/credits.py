"""Credits and notes on lines of their own: a source note naming the site a story was taken from
(``source_note``), a photo credit repeated over an article's captions (``repeated_credit``), a
photo's caption above the wire dateline (``dateline_caption``). Credits inside lines are in
inline_credits.py, captions with a credit glued on in glued_captions.py, authors' names (sign-offs,
bylines) in signoffs.py."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from cleaner.heuristics.base import Context, Heuristic, View
from cleaner.heuristics.inline_credits import _CAPTION_MAX_WORDS, _NAME_MAX_TOKENS, _prior_spans
from cleaner.heuristics.patterns import EndAnchored, alternation, by_words
from cleaner.heuristics.signoffs import _BODY_MIN_WORDS
from cleaner.model import Block, Removal
from cleaner.text import words_at_most

# ---------------------------------------------------------------------------------------------
# A source note at the end of the article: "Πηγή: tovima.gr", "Fuente: example.com".

_DOMAIN = r"(?:https?://)?(?:www\.)?[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,6}/?"


@by_words
@lru_cache(maxsize=16)
def _source_pattern(labels: tuple[str, ...]) -> EndAnchored:
    alts = alternation(labels)
    return EndAnchored.compile(
        r"(?:^|(?<=\s))[(\[]?\s*(?:" + alts + r")\s*:\s*" + _DOMAIN + r"[)\]]?\s*$", regex.IGNORECASE
    )


def source_note(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The last line ends in a source label and a site's domain name: the site the story was
    taken from. Only at the end: under a chart or a table inside the text, "Source: site.com"
    cites the data (the true bodies of the HTML collections keep it)."""
    labels = ctx.rulebook.words("credit.source-labels", None)
    alive = ctx.kept_blocks()
    if not labels or not alive:
        return
    last = alive[-1]
    # the pattern's colon is one character, case-blind itself: a content without one is not searched
    m = _source_pattern(labels).search(last.content) if ":" in last.content else None
    if not m or (len(alive) < 2 and words_at_most(last.content[: m.start()], _BODY_MIN_WORDS * 3 - 1)):
        return  # the note needs an article before it
    a = last.content_start + len(last.content[: m.start()].rstrip())
    if any(x < last.content_end and a < y and x < a for x, y in _prior_spans(ctx, last)):
        return
    yield h.remove_span(
        ctx,
        last,
        a,
        last.content_end,
        0.8,
        "Source note naming the site the story was taken from, at the end of the text.",
    )


# ---------------------------------------------------------------------------------------------
# A credit repeated over an article's captions: scrapers keep each figure's credit element in
# front of its caption ("Boston Herald / Polaris The husky clings to …", "Name Surname/for Outlet
# Name Caption …"), so the same short name line with a slash between two names opens several
# lines. Its repetition tells where the credit ends: the captions after it differ.

_CREDIT_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}\p{N}.'\u2019&\-]*|\p{Lu}\.|&)"
_SLASH_OPEN = regex.compile(
    rf"^{_CREDIT_TOKEN}(?:[ \t]+{_CREDIT_TOKEN}){{0,3}}[ \t]*/[ \t]*(?:\p{{Ll}}{{2,4}}[ \t]+)?{_CREDIT_TOKEN}"
    rf"(?:[ \t]+{_CREDIT_TOKEN})*"
)
_REPEATS_MIN = 2
_NOT_LETTER = regex.compile(r"[\W\d]")
_NAME_SPLIT = regex.compile(r"[\s/]+")
_CREDIT_MIN_NAMES = 3


def _credit_match(content: str, credit: list[str]) -> regex.Match[str] | None:
    """The credit's tokens opening ``content``, with the space after them."""
    return regex.match(r"\s*" + r"\s+".join(regex.escape(t) for t in credit) + r"(?:\s+|$)", content)


def _credit_run(text: str) -> list[str] | None:
    """The tokens of a slash credit opening ``text`` with the capitalised words after it (which
    may be the caption's first words), or None."""
    m = _SLASH_OPEN.match(text)
    if not m or "/" not in m.group():
        return None
    left = m.group().split("/", 1)[0]
    if len(_NOT_LETTER.sub("", left)) < 2:
        return None  # "N/A", "Q/A": an abbreviation, not a name
    return m.group().split()


def _common_prefix(runs: list[list[str]]) -> list[str]:
    out: list[str] = []
    for toks in zip(*runs, strict=False):
        if any(t != toks[0] for t in toks):
            break
        out.append(toks[0])
    return out


def repeated_credit(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if "/" not in ctx.text:
        return  # a slash credit has its slash: none in the text, none in a block
    alive = ctx.kept_blocks()
    runs: dict[int, list[str]] = {}
    # each line as the clean text shows it (what earlier cuts leave), with the way back to the
    # text's offsets for a line with cuts: a second cleaning finds the credits there
    lines: dict[int, tuple[str, View | None]] = {}
    for b in alive:
        if "/" not in b.content:
            continue
        if not ctx.prior_cuts(b):
            if b.n_words > _CAPTION_MAX_WORDS:
                continue
            text, view = b.content, None
        else:
            view = ctx.view(b)
            text = view.text
            if "/" not in text or not words_at_most(text, _CAPTION_MAX_WORDS):
                continue
        run = _credit_run(text.strip())
        if run is not None:
            runs[b.index] = run
            lines[b.index] = text, view
    if len(runs) < _REPEATS_MIN:
        return
    groups: dict[str, list[int]] = {}
    for i, run in runs.items():
        slash = next(k for k, t in enumerate(run) if "/" in t)
        after = run[slash].split("/", 1)[1]
        key = " ".join(run[: slash + (1 if after[:1].isupper() else 2)])
        groups.setdefault(key, []).append(i)
    for members in groups.values():
        if len(members) < _REPEATS_MIN:
            continue
        credit = _common_prefix([runs[i] for i in members])
        names = [t for t in _NAME_SPLIT.split(" ".join(credit)) if t[:1].isupper()]
        if len(names) < _CREDIT_MIN_NAMES or len(credit) > _NAME_MAX_TOKENS + 2:
            continue  # "Pub/Sub", "AI/ML": a pair of terms, not a credit's names
        # After the credit each line is empty or opens a caption with a capital (the run goes on);
        # a lower-case word after it continues a sentence ("Attention-Deficit/Hyperactivity
        # Disorder affects …"). Two captions at least: a repeated line alone is a menu's entry.
        captioned = [i for i in members if len(runs[i]) > len(credit)]
        found = {i: _credit_match(lines[i][0], credit) for i in members}
        alone = [i for i, m in found.items() if m is not None and not lines[i][0][m.end() :].strip()]
        if len(captioned) < _REPEATS_MIN or len(captioned) + len(alone) < len(members):
            continue
        named = f"Photo credit '{' '.join(credit)[:40]}'"
        for i in members:
            b = ctx.blocks[i]
            content, view = lines[i]
            lead = len(content) - len(content.lstrip())
            m = found[i]
            if m is None:
                continue
            alone_line = not content[m.end() :].strip()
            why = f"{named} repeated over the article's captions."
            if not alone_line:
                why = f"{named} opening a caption, repeated over the article's captions."
            if view is not None:  # what cuts left of the line: the credit's pieces, or all of them
                a, z = (0, len(content)) if alone_line else (lead, m.end())
                yield from h.remove_view(ctx, b, view, a, z, 0.8, why)
            elif alone_line:
                yield h.remove_block(ctx, b, 0.8, why)
            else:
                yield h.remove_span(ctx, b, b.content_start + lead, b.content_start + m.end(), 0.8, why)


# ---------------------------------------------------------------------------------------------
# A photo's caption above the dateline: wire copy opens with "CITY (Agency) - …", and a scraper
# that keeps the lead photo puts its caption before it ("People walk past the stock exchange in
# Mumbai May 13, 2014."). A caption there is one short line that ends in the date the photo was
# taken, which a lead's first sentence does not: the lead comes after the dateline.

_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu}\p{M} .,'\-]{1,40}[ \t]*\([\p{L} .\-/]{2,30}\)[ \t]*[-\u2013\u2014]+[ \t]")
# A date closing the line: "May 13, 2014.", "13 May 2014.", "29. prosince 2014.", "2014-05-13."
_DATE_END = regex.compile(
    r"(?:\p{L}{3,}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}\.?[ \t]+\p{L}{3,}\.?[ \t]+\d{4}|\d{4}-\d{2}-\d{2})\.$"
)
_LEAD_CAPTION_MAX_WORDS = 40
_DATELINE_WITHIN = 3


def dateline_head(ctx: Context) -> tuple[tuple[Block, ...], int] | None:
    """The kept blocks and the index of the wire dateline's paragraph ("CITY (Agency) - …") among
    the first three, when lines stand above it; None otherwise."""
    if "(" not in ctx.text:
        return None  # a dateline names its agency in brackets: none in the text, none in a block
    alive = ctx.kept_blocks()
    # the lines as the clean text shows them: a cut at a paragraph's start can leave a dateline
    lines = (ctx.surviving(b) for b in alive[:_DATELINE_WITHIN])
    at = next((k for k, t in enumerate(lines) if "(" in t and _DATELINE.match(t.strip())), None)
    return (alive, at) if at else None


def dateline_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    found = dateline_head(ctx)
    if found is None:
        return
    alive, at = found
    why = "Photo caption above the dateline: a short line ending in the date the photo was taken."
    for b in alive[:at]:
        if not ctx.prior_cuts(b):
            if b.n_words <= _LEAD_CAPTION_MAX_WORDS and _DATE_END.search(b.content.strip()):
                yield h.remove_block(ctx, b, 0.8, why)
            continue
        # judged as the clean text shows it: a cut inside the line leaves the caption to a second cleaning
        text = ctx.surviving(b).strip()
        if text and words_at_most(text, _LEAD_CAPTION_MAX_WORDS) and _DATE_END.search(text):
            yield from h.remove_left(ctx, b, 0.8, why)
