"""An author's name set apart from the text: a sign-off after the last sentence, alone on the last
line or fused after its full stop (``sign_off``); a writer's name between an item's last sentence
and the next item's bullet (``item_sign_off``); a byline line above the body (``byline_line``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from cleaner.heuristics.base import Context, Heuristic, View
from cleaner.heuristics.inline_credits import _prior_spans, _uncased
from cleaner.heuristics.patterns import EndAnchored, by_words
from cleaner.model import Block, Removal
from cleaner.text import uncovered, words_at_most

# ---------------------------------------------------------------------------------------------
# Sign-offs at the end: a short name after the last full sentence.

_NAME_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}.'\u2019\-]*|\p{Lu}\.)"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|la|le|di|del|bin|al|el|y|e|and|&)"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_TOKEN}){{1,3}}"
_DASH = r"(?:--?|\u2013|\u2014)"
_NOTE = r"(?:[ \t]*\([^()\n]{1,40}\))?"


_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")


@by_words
@lru_cache(maxsize=16)
def _signoff_patterns(bywords: tuple[str, ...]) -> tuple[regex.Pattern[str], EndAnchored]:
    by = "|".join(sorted((regex.escape(w) for w in bywords), key=len, reverse=True)) or "by"
    dashed = rf"{_DASH}[ \t]*(?:(?i:{by})[ \t]+)?{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}"
    # A whole last line must open with a dash or a byline word: a bare title-case line there is as
    # often a call to action or an item ("Learn More", "Buy Tickets") as a name.
    whole = regex.compile(rf"^(?:{dashed}|(?i:{by})[ \t]+{_NAME}){_NOTE}[ \t]*\.?$")
    # Fused after the last sentence: a name after a full stop or a closing quote; a dash and a
    # name only after a full stop (after a quote or a question it attributes the quote or the
    # title: '"… Winc!" - Rebecca W.', 'Why Isn't X the Norm? – Richard Feldman').
    # What a match spans, read back from the end: spaces, a note in brackets, then at most a dash,
    # a byword's words, four name tokens and three particles, each a run of letters, marks, dots,
    # apostrophes, dashes and "&" (and a byword's other characters) between spaces.
    extra = "".join(
        f"|{regex.escape(c, special_only=False)}"
        for c in sorted({c for w in bywords for c in w if c not in " \t" and not _LETTER_OR_MARK.match(c)})
    )
    runs = 8 + max((len(w.split()) for w in bywords), default=1)
    reach = (
        rf"(?:[ \t]*(?:[\p{{L}}\p{{M}}.'\u2019\-\u2013\u2014&]{extra})+){{0,{runs}}}"
        rf"(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*\n?"
    )
    fused = EndAnchored.compile(
        rf"(?:(?<=[.!\u2026\u201d\"\u00bb][ \t]{{1,3}})(?:(?i:{by})[ \t]+)?{_NAME}|(?<=[^\s.]\.[ \t]{{1,3}}){dashed}){_NOTE}[ \t]*$",
        reach=reach,
    )
    return whole, fused


_EMAIL_LINE = regex.compile(r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$")
# Uncased scripts (Thai, Khmer, ...): a name fused straight after the final full stop, no space.
_FUSED_UNCASED = EndAnchored.compile(
    r"(?<=[^\s.]\.)(?P<name>[^\s.!?\"\u201d\d]{2,25}(?:[ \t][^\s.!?\"\u201d\d]{2,25}){0,2})[ \t]*$",
    reach=r"(?:[ \t]*[^\s.!?\"\u201d\d]+){0,3}[ \t]*\n?",  # at most three words, then spaces
)
_BODY_MIN_WORDS = 8


_LETTER_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'\u2019\-]*")
_PARTICLE_WORD = regex.compile(_PARTICLE, regex.IGNORECASE)


def _all_titlecase_words(text: str) -> bool:
    ws = _LETTER_WORD.findall(text)
    significant = [w for w in ws if not _PARTICLE_WORD.fullmatch(w)]
    return bool(significant) and not all(w.isupper() and len(w) > 1 for w in significant)


def sign_off(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    alive = ctx.kept_blocks()
    if len(alive) < 2 and not (alive and alive[0].n_words >= _BODY_MIN_WORDS * 2):
        return
    last = alive[-1]
    whole, fused = _signoff_patterns(ctx.rulebook.words("credit.byline-words", None))
    taken = _prior_spans(ctx, last)
    content = last.content
    prev = alive[-2] if len(alive) >= 2 else None
    view = ctx.view(last) if taken else None  # what survives the earlier cuts (``ctx.surviving``)
    if view is not None:
        # With earlier cuts in the block, a whole-block name is judged on what survives.
        text = view.text.strip()
        if prev is not None and whole.match(text) and _all_titlecase_words(text):
            for a, z in uncovered([(last.content_start, last.content_end)], taken):
                if ctx.text[a:z].strip():
                    yield h.remove_span(
                        ctx, last, a, z, 0.75, "Sign-off: the author's name after the article's last sentence."
                    )
            return
    text = content.strip()
    if prev is not None and prev.n_words >= _BODY_MIN_WORDS and not taken:
        if "@" in text and _EMAIL_LINE.match(text):
            yield h.remove_block(
                ctx, last, 0.8, "E-mail address alone after the article's last sentence: the author's sign-off."
            )
            return
        if words_at_most(text, 8) and whole.match(text) and _all_titlecase_words(text):
            yield h.remove_block(
                ctx, last, 0.75, "Sign-off: the author's name alone after the article's last sentence."
            )
            return
    if last.n_words < _BODY_MIN_WORDS:
        return
    # The name after the last sentence: on the block as it stands (a cut of the same name by an
    # earlier heuristic is taken over, as the more specific reading), else on what survives the
    # earlier cuts, as a second cleaning sees it (a copyright line cut after it does not hide it).
    found = _fused_sign_off(fused, content, None, taken, last)
    if not found and view is not None:
        found = _fused_sign_off(fused, view.text, view, taken, last)
    for x, y, confidence, reason in found:
        yield h.remove_span(ctx, last, x, y, confidence, reason)


def _fused_sign_off(
    fused: EndAnchored, content: str, view: View | None, taken: list[tuple[int, int]], last: Block
) -> list[tuple[int, int, float, str]]:
    """The pieces of a name fused after the last sentence of ``content`` (the block's, or its view's
    when ``view`` is given), with their confidence and reason."""
    m = fused.search(content) if _may_end_in_name(content) else None
    if (
        m
        and not words_at_most(content[: m.start()], _BODY_MIN_WORDS - 1)
        and _all_titlecase_words(m.group())
        and not m.group().rstrip().endswith(".")  # "… U.S. Attorney Nealy Cox.": a sentence
        and not _abbreviation_before(content, m.start())
    ):
        a = len(content[: m.start()].rstrip())
        at = last.content_start + a
        if view is not None or not any(x < last.content_end and at < y and x < at for x, y in taken):
            reason = "Sign-off: the author's name fused after the article's last full stop."
            return [(x, y, 0.75, reason) for x, y in _back(last, view, a, len(content))]
    m = _FUSED_UNCASED.search(content) if _may_end_uncased(content) else None
    if (
        m
        and (view is not None or not taken)
        and all(_uncased(c) or not c.isalpha() for c in m.group("name"))
        and any(c.isalpha() for c in m.group("name"))
    ):
        reason = "Sign-off: a name fused straight after the article's final full stop."
        return [(x, y, 0.7, reason) for x, y in _back(last, view, m.start(), len(content))]
    return []


def _may_end_in_name(content: str) -> bool:
    """False when no match of a fused sign-off pattern (``_signoff_patterns``) can end ``content``:
    a match ends in a name token that opens with a capital (``\\p{Lu}``) after a space or a tab, or
    after a dash opening the last run of characters other than spaces and tabs, and then at most
    a note in brackets and spaces or tabs (a closing line break aside, where ``$`` also holds).
    A last run that is not such a token ends no name: a backward match spared on most texts,
    whose last word is in lower case, or ends in a digit, or is in a script without case."""
    end = len(content) - 1 if content.endswith("\n") else len(content)
    while end and content[end - 1] in " \t":
        end -= 1
    if content.endswith(")", 0, end):
        return True  # a note in brackets: the name stands before it
    start = max(content.rfind(" ", 0, end), content.rfind("\t", 0, end)) + 1
    # The last run is the name's last token, after a dash where it is the only one: a capital,
    # then letters, marks, dots, apostrophes and dashes (a run opening with a digit or a quote, or
    # in a script without case, is refused too). The text is not copied to read it.
    return not content[start : start + 1].islower() and _LAST_RUN.fullmatch(content, start, end) is not None


# What the last run of characters of a text that a fused sign-off ends is: a name token, after a
# dash opening the run (``_DASH``, then ``_NAME_TOKEN``, whose forms the class holds).
_LAST_RUN = regex.compile(r"(?:--?|\u2013|\u2014)?\p{Lu}[\p{L}\p{M}.'\u2019\-]*")


def _may_end_uncased(content: str) -> bool:
    """False when ``_FUSED_UNCASED`` cannot match ``content`` with a name of uncased letters (as
    ``_fused_sign_off`` takes it): the name's last character, the last before spaces or tabs (and
    a closing line break, where ``$`` also holds), is a full stop, a mark that ends a sentence, a
    quote or an ASCII digit (none a name holds), or a letter with case (a name it takes has
    none). A backward match spared on most texts, which end in a full stop."""
    tail = (content[:-1] if content.endswith("\n") else content).rstrip(" \t")
    last = tail[-1:]
    if not last or last in '.!?"\u201d' or "0" <= last <= "9":
        return False
    return not last.isalpha() or _uncased(last)


def _back(b: Block, view: View | None, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets in the text of ``[start, end)`` of the block's content (or of its view)."""
    if view is None:
        return [(b.content_start + start, b.content_start + end)]
    return view.spans(start, end)


_ABBREVIATION = regex.compile(r"(?:\p{L}\.){2,}|\p{Lu}\.|\p{Lu}\p{Ll}{0,2}\.")


def _abbreviation_before(content: str, i: int) -> bool:
    """Whether the full stop before offset i ends an abbreviation or an initial ("U.S.", "St.",
    "J."), which does not end a sentence."""
    head = content[:i].rstrip()
    tok = head.rsplit(None, 1)[-1] if head else ""  # (stripped: a token ends it when it holds one)
    return bool(_ABBREVIATION.fullmatch(tok))


# ---------------------------------------------------------------------------------------------
# A sign-off inside the text: a roundup of items by different writers, joined into one line by the
# scraper, puts each writer's name between the item's last sentence and the bullet that opens the
# next part ("… the jury is still out. Dominic Booth • Match report: …").

_ITEM_SIGN_OFF = regex.compile(
    rf"(?<=(?:[^\s.]\.|[!?])[\"'\u201d\u2019]?)[ \t]{{1,3}}(?P<name>{_NAME})(?=[ \t]+[\u2022\u00b7\u25aa\u25cf][ \t])"
)


def item_sign_off(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if "\u2022" not in ctx.text and "\u00b7" not in ctx.text and "\u25aa" not in ctx.text:
        return  # no bullet in the text, none in a block
    gone = ctx.removed_blocks()
    held: dict[int, tuple[tuple[int, int, str], ...]] = ctx.once("credit.item-sign-off", dict)
    for b in ctx.blocks:
        if b.index in gone or "\u2022" not in b.content and "\u00b7" not in b.content and "\u25aa" not in b.content:
            continue
        found = held.get(b.index)
        if found is None:  # each block's own once for the document, asked as the heuristic first reads it
            found = held[b.index] = _item_sign_offs(b)
        taken = _prior_spans(ctx, b)
        for a, z, name in found:
            if any(x < z and a < y for x, y in taken):
                continue
            yield h.remove_span(
                ctx, b, a, z, 0.75, f"Sign-off '{name}' between an item's last sentence and the bullet of the next."
            )


def _item_sign_offs(b: Block) -> tuple[tuple[int, int, str], ...]:
    """The sign-offs before an item's bullet the block holds, (start, end, name) in the text."""
    found = []
    for m in _ITEM_SIGN_OFF.finditer(b.content):
        name = m.group("name")
        if words_at_most(b.content[: m.start()], _BODY_MIN_WORDS - 1) or not _all_titlecase_words(name):
            continue
        if _abbreviation_before(b.content, m.start()):
            continue  # "… the U.S. Army • …": the full stop ends an abbreviation
        found.append((b.content_start + m.start(), b.content_start + m.end(), name))
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# A byline line at the start: "By Jane Doe", "por María López", "von Max Muster" above the body.

_LEAD_LINES = 3
_NOT_NAMES = frozenset("the a an any all our my your his her its their this that these those no one".split())


def byline_line(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    alive = ctx.kept_blocks()
    whole, _ = _signoff_patterns(ctx.rulebook.words("credit.byline-words", None))
    for i, b in enumerate(alive[:_LEAD_LINES]):
        # the line as the clean text shows it (what earlier cuts leave): a second cleaning judges that
        text = ctx.surviving(b).strip()
        if text[:1] in "-\u2013\u2014" or not words_at_most(text, 8) or not whole.match(text):
            continue
        words = text.split()[1:]
        if not _all_titlecase_words(text) or any(w.casefold().strip(".,") in _NOT_NAMES for w in words):
            continue  # "By The Numbers", "By Any Means": a title
        body = alive[i + 1 :]
        if not body or body[0].n_words < _BODY_MIN_WORDS:
            continue
        yield from h.remove_left(ctx, b, 0.8, "Byline: the author's name alone on a line above the article.")
        return
