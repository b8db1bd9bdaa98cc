"""A caption line with its photo credit glued on ("… w Twierdzy PrzemyślPAP/Darek Delmanowicz") or in
square brackets at its end ("… dating for a year [Splash]"): ``glued_caption``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import regex

from cleaner.blocks import ends_terminal, is_title_case
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.inline_credits import _NAME_MAX_TOKENS, _caption_start, _prior_spans
from cleaner.heuristics.patterns import EndAnchored
from cleaner.heuristics.signoffs import _BODY_MIN_WORDS
from cleaner.model import Block, Removal
from cleaner.text import words_at_most

# ---------------------------------------------------------------------------------------------
# A caption line with its credit glued on: the scraper joined the caption element and the credit
# element without a space ("… w Twierdzy PrzemyślPAP/Darek Delmanowicz", "Okręty NATO w
# SzczecinieTVN24", "Strumień zimna nad Polskątvnmeteo.pl").

# An acronym glued to a lower-case word, then a digit run ("TVN24"), or a slash or space and a
# capitalised name ("PAP/Darek Delmanowicz", "KWP Lublin"). A bare acronym is as often a brand
# glued in the writing itself ("PostgreSQL", "ExpressVPN"), and a glued domain name cannot be told
# from a domain (both were measured on the true bodies of the HTML collections).
# (The four patterns of a credit closing a line are end-anchored: asked backwards first.)
_GLUED_CREDIT = EndAnchored.compile(
    r"(?<=\p{Ll}{4})\p{Lu}{2,}(?:\p{N}+|(?:[ \t]*/[ \t]*|[ \t]+)\p{Lu}[\p{L}\-]*(?:,?[ \t]+\p{Lu}[\p{L}\-]*){0,3})$"
)
# A name in square brackets ending a line of text: the credit of the photo the line captions
# ("The couple have been dating for a year [Splash]"). Square brackets only: a title's
# parenthesised part ("(Part Two)") is not a credit, and a bracket alone on its line is a
# placeholder or code ("[Name]", "[Fact]"), not a credit after a caption.
_BRACKET_CREDIT = EndAnchored.compile(r"(?<=\S)[ \t]+\[\p{Lu}[\p{L}\-]+(?:[ \t]+\p{Lu}[\p{L}\-]+){0,2}\]$")
# An acronym and its digits glued on ("SzczecinieTVN24") is a credit whatever the case of the
# caption: a brand and a version are not glued to a lower-case word.
_DIGIT_GLUE = regex.compile(r"\p{Lu}{2,}\p{N}+$")
# A bare acronym of three capitals or more glued to a word that opens in lower case ("… w trakcie
# burzyRCB"): a brand or a product that carries an acronym opens with a capital ("PostgreSQL",
# "ExpressVPN"), and a two-letter tail is as often a brand's ("macOS", "nodeJS").
_LOWER_GLUE = EndAnchored.compile(r"(?<=(?:^|[ \t])\p{Ll}{4,})\p{Lu}{3,}$")
_ACRONYM = regex.compile(r"\p{Lu}{2,}\p{N}*")
# A domain name in ASCII glued to a word that ends in a letter outside ASCII ("… nad
# Polskątvnmeteo.pl"): the seam shows where the caption's word ends, as case shows it for an
# acronym; a domain name after plain ASCII letters cannot be told from a domain and stays.
_DOMAIN_GLUE = EndAnchored.compile(r"(?<=[^\x00-\x7f\W\d_])[a-z0-9][a-z0-9\-]{2,}(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}$")
_CAPTION_LINE_MAX_WORDS = 25


@dataclass(frozen=True)
class _Glued:
    start: int  # where the credit starts in the line
    text: str  # the credit


def _doubled_acronym(text: str) -> _Glued | None:
    """An acronym glued to itself as the line's last word ("… meteorologiczne IMGWIMGW"): the
    caption ends in the agency's name and the credit is that name again."""
    head, _, tok = text.rpartition(" ")
    n = len(tok)
    if not head.strip() or n < 4 or n % 2 or tok[: n // 2] != tok[n // 2 :]:
        return None
    half = tok[: n // 2]
    if not _ACRONYM.fullmatch(half) or len(set(half)) < 3:  # "ISIS", "CSCS": words of their own
        return None
    return _Glued(len(text) - n // 2, half)


_CAPITAL = regex.compile(r"\p{Lu}")  # as the pattern reads it (str.isupper lags regex's Unicode)


def _could_end(pat: EndAnchored, ends: str) -> bool:
    """Whether ``pat`` can match with one of ``ends`` (the characters a match can end in: the last,
    and before a closing line break the one before it) last: a bracketed name ends in "]", a bare
    acronym in a capital, a glued domain name in a letter from a to z (three searches spared on
    most caption lines); a glued credit in anything."""
    if pat is _BRACKET_CREDIT:
        return "]" in ends
    if pat is _LOWER_GLUE:
        return any(_CAPITAL.match(c) for c in ends)
    if pat is _DOMAIN_GLUE:
        return any("a" <= c <= "z" for c in ends)
    return True


def _caption_credit(text: str) -> _Glued | None:
    """The credit ending a caption line (glued on, or a bracketed name), when the caption before it
    is in sentence case: a title-case line ending in a brand with an acronym ("… in PostgreSQL
    Query Performance") is a subhead. Case is judged on the caption alone: the credit's name is
    capitalised. The last of a row of bracketed labels is not a credit: cutting it would leave the
    one before it last, for a second cleaning to take."""
    ends = text[-1:] + (text[-2:-1] if text.endswith("\n") else "")  # where "$" can stand after
    for pat in (_GLUED_CREDIT, _BRACKET_CREDIT, _LOWER_GLUE, _DOMAIN_GLUE):
        if not _could_end(pat, ends):
            continue
        m = pat.search(text)
        if not m:
            continue
        caption = text[: m.start()]
        if words_at_most(
            caption[_caption_start(caption) :] if pat is _LOWER_GLUE else caption, 2 if pat is _LOWER_GLUE else 1
        ):
            continue  # a bare acronym glued on needs a caption phrase before it, not a list item
        if pat is _BRACKET_CREDIT and caption.rstrip().endswith("]"):
            continue  # one of a row of bracketed labels ("[CrossRef] [Medline]"): links, not a credit
        if is_title_case(caption) and not (pat is _GLUED_CREDIT and _DIGIT_GLUE.search(m.group())):
            continue
        return _Glued(m.start(), m.group())
    doubled = _doubled_acronym(text)
    if doubled and not words_at_most(text[: doubled.start], 1):
        return doubled
    return None


# A credit glued on the same way to several caption lines of one article ("… KsiążZamek Książ w
# Wałbrzychu", "… wiekuZamek Książ w Wałbrzychu"): the repetition tells where the credit starts
# even when case does not ("… Forcie IXPAP/Name" beside "… PrzemyślPAP/Name").
_GLUE_POINT = regex.compile(r"(?<=[\p{L}\p{N}])(?=\p{Lu})")
_SUFFIX_MAX_CHARS = 60
_SUFFIX_WORD = regex.compile(r"[\p{L}\p{N}.\-]+")
_TRAILING_WORD = regex.compile(r"[\p{L}\p{N}]*$")
_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")
_SUFFIX_SPLIT = regex.compile(r"[ \t]*/[ \t]*|[ \t]+")


def _credit_shaped(suffix: str) -> bool:
    """A name of a few words ("Zamek Książ w Wałbrzychu", "PAP/Jan Kowalski") or an acronym with
    digits: capitalised words, with short lower-case particles only between them."""
    if _DIGIT_GLUE.fullmatch(suffix):
        return True
    text = suffix.strip()
    # The last part (after the last space, tab or slash) opens in a capital or a digit, asked
    # before the split: a seam before a word or two of the caption itself fails it (most seams).
    last = text[max(text.rfind(" "), text.rfind("\t"), text.rfind("/")) + 1 :]
    if not last or not (last[0].isupper() or last[0].isdigit()):
        return False
    parts = _SUFFIX_SPLIT.split(text)
    if len(parts) < 2 or len(parts) > _NAME_MAX_TOKENS:
        return False
    for i, w in enumerate(parts):
        if not _SUFFIX_WORD.fullmatch(w) or _LOWER_UPPER.search(w):
            return False  # a credit's words are whole words ("CompatibilityAlexa": table cells)
        edge = i in (0, len(parts) - 1)
        if not (w[0].isupper() or w[0].isdigit()) and (edge or len(w) > 3 or not w.isalpha()):
            return False
    return True


def _glue_points(text: str) -> tuple[tuple[str, str], ...]:
    """The credits a caption line may end in, glued on (``_repeated_glued`` compares them across
    lines): each credit-shaped suffix after a seam, with the word it is glued to."""
    out: list[tuple[str, str]] = []
    low = max(1, len(text) - _SUFFIX_MAX_CHARS)
    for m in _GLUE_POINT.finditer(text, low):
        at = m.start()
        suffix = text[at:]
        if not _credit_shaped(suffix):
            continue
        head = text[:at]
        glued_to = _TRAILING_WORD.search(head).group()  # type: ignore[union-attr]
        if sum(c.isalpha() for c in glued_to) < 2 or words_at_most(head, 1):
            continue  # "165Hz IPS", "iOS Yes": units and brands, not a caption's last word
        if _LOWER_UPPER.search(head):
            break  # more seams in the line: cells of a table row glued together, not a caption
        out.append((suffix, glued_to))
    return tuple(out)


def _repeated_glued(lines: dict[int, str], points: Mapping[int, tuple[tuple[str, str], ...]]) -> dict[int, _Glued]:
    """For each candidate caption line (by block index), the longest credit glued to it that is
    glued to another candidate line too, after a different word. ``points``: each line's
    ``_glue_points``."""
    where: dict[str, list[tuple[int, str]]] = {}
    for i in lines:
        for suffix, glued_to in points[i]:
            where.setdefault(suffix, []).append((i, glued_to))
    out: dict[int, _Glued] = {}
    for suffix, hits in where.items():
        if len({i for i, _ in hits}) < 2 or len({w for _, w in hits}) < 2:
            continue
        for i, _ in hits:
            if i not in out or len(suffix) > len(out[i].text):
                out[i] = _Glued(len(lines[i]) - len(suffix), suffix)
    return out


def _caption_line(b: Block) -> str | None:
    """The block's text when it is shaped as a caption line."""
    if not 2 <= b.n_words <= _CAPTION_LINE_MAX_WORDS:
        return None  # before stripping: a long paragraph is not copied to be refused
    text = b.content.strip()
    if text and (text[-1] not in _LINE_END or text[-1] == "]"):
        return text
    return None


def glued_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    gone = ctx.removed_blocks()
    shaped = ctx.judged(_caption_line)
    seen_body = False
    lines: dict[int, str] = {}
    for b in ctx.blocks:
        if b.index in gone:
            continue
        if seen_body and (text := shaped[b.index]) is not None:
            lines[b.index] = text
        if b.n_words >= _BODY_MIN_WORDS:
            seen_body = True
    if not lines:
        return
    # each line's glue points and credit once for the document, asked as the heuristic first reads it
    points, credits = ctx.once("credit.glued-caption", lambda: ({}, {}))
    for i in lines.keys() - points.keys():
        points[i] = _glue_points(lines[i])
    repeated = _repeated_glued(lines, points)
    for i, text in lines.items():
        b = ctx.blocks[i]
        if _prior_spans(ctx, b):
            continue
        if i not in credits:
            credits[i] = _caption_credit(text)
        m = credits[i]
        if m is None:
            m = repeated.get(i)
            if m is not None and is_title_case(text[: m.start]):
                m = None
        if m is None:
            continue
        if ends_terminal(text[: m.start]):
            # A complete sentence before a bracketed credit may be the article's own line
            # (a subhead that captions the photo under it): only the credit goes.
            lead = len(b.content) - len(b.content.lstrip())
            yield h.remove_span(
                ctx,
                b,
                b.content_start + lead + m.start,
                b.content_start + lead + len(text),
                0.8,
                f"Photo credit in brackets ('{m.text.strip()[:40]}') after the line's last sentence.",
            )
            continue
        how = "glued on to other caption lines too" if i in repeated and m is repeated[i] else "glued on or in brackets"
        yield h.remove_block(
            ctx,
            b,
            0.8,
            f"Caption line with its credit {how} ('{m.text.strip()[:40]}'): a photo caption.",
        )


_LINE_END = ".!?:;\u2026\"'\u201d\u2019\u00bb)]"
