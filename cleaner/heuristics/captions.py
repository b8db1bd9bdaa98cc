"""Captions known by their shape rather than by a credit label: a caption sentence that places the
people in the photo ("Lê Hoài Anh (trái) và …", "Jane Doe (left) and …"), a caption whose credit
the scraper cut after its opening bracket ("… nepřežili. (28. srpna 2023"), and a map or photo
copyright line closing the text ("Mapy poskytuje © SHOCart a …")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import alternation, by_words
from cleaner.model import Block, Removal
from cleaner.text import UNFOLDED, blind_folds, lined_fold, phrase_key, words_at_most

# A body paragraph is at least this long (as for the credit heuristics).
_BODY_MIN_WORDS = 8

# ---------------------------------------------------------------------------------------------
# A sentence placing the people of a photo: a name, then a position marker in brackets.

# A caption sentence is at most this long; longer, it is prose that happens to use the marker.
_POSITION_SENTENCE_MAX_WORDS = 35
# A caption names the people first: the marker stands within its first words ("Jane Doe (left)
# and …", "Tổng thư ký VFF Lê Hoài Anh (trái) và …"); further on, the sentence is prose that
# compares things ("… like the Cam OG (left) and the Cam Pro (right)").
_MARKER_WITHIN = 10
# A sentence ends at a terminator and a space, or at a line break.
_SENTENCE = regex.compile(r"[^\n]*?(?:[.!?\u2026\u3002\uff01\uff1f\u0964](?=\s|$)|(?=\n)|$)")
_OPEN = "(\uff08"


# The word before a marker: a run of these, taken whole (possessive, from its first character:
# the run can only end at a space or a bracket, so no shorter run or later start could match).
_WORD = r"[\p{L}\p{M}\p{N}.'\u2019\-]"


@by_words
@lru_cache(maxsize=16)
def _marker_pattern(markers: tuple[str, ...]) -> regex.Pattern[str]:
    """A marker in brackets right after a word: "Anh (trái)", "문재인 대통령(왼쪽)", "张三（左）";
    the marker alone or followed by a number ("(áo số 10)")."""
    return regex.compile(
        rf"(?<!{_WORD})(?P<word>{_WORD}++)[ \t]?" + _bracketed(markers),
        regex.IGNORECASE,
    )


@by_words
@lru_cache(maxsize=16)
def _bracket_pattern(markers: tuple[str, ...]) -> regex.Pattern[str]:
    """The bracketed marker alone: without it no word can precede one (a cheap first test)."""
    return regex.compile(_bracketed(markers), regex.IGNORECASE)


def _bracketed(markers: tuple[str, ...]) -> str:
    alts = alternation(markers)
    return r"[(\uff08][ \t]*(?:" + alts + r")(?:[ \t]+\d{1,3})?[ \t]*[)\uff09]"


def _bracket_in(
    content: str,
    bracket: regex.Pattern[str],
    opens: frozenset[str] | None = None,
    folded: str | None = None,
    heads: _Heads | None = None,
) -> bool:
    """``bracket.search(content) is not None``, asked only where a match can start: at an opening
    bracket (``_OPEN``), found by ``str.find``; a search tries the markers at every character.
    ``opens``: the ASCII characters a marker can open with after the bracket and spaces
    (``_marker_opens``); a bracket before another ASCII character is not asked. ``folded``: the
    content's ``lined_fold``, with ``heads`` (``_marker_heads``): a bracket before characters no
    marker opens with, as the fold reads them, is not asked (~2 us a bracket: the markers of every
    language, each compared ignoring case)."""
    for ch in _OPEN:
        at = content.find(ch)
        while at >= 0:
            if opens is not None:
                j = at + 1
                while content[j : j + 1] in (" ", "\t"):
                    j += 1
                nxt = content[j : j + 1]
                if nxt.isascii() and nxt not in opens or folded is not None and heads and not heads.may_open(folded, j):
                    at = content.find(ch, at + 1)
                    continue
            if bracket.match(content, at) is not None:
                return True
            at = content.find(ch, at + 1)
    return False


@dataclass(frozen=True)
class _Heads:
    """The first one and two characters of the markers (of their first words), as the text's fold
    (``lined_fold``) reads them (``blind_folds``: each spelling a case-blind pattern matches),
    by length: a match of a marker opens with one of them."""

    ones: frozenset[str]
    twos: frozenset[str]

    def may_open(self, folded: str, j: int) -> bool:
        """Whether a marker can start at ``j``, the fold there (``UNFOLDED`` says nothing)."""
        head = folded[j : j + 2]
        return head in self.twos or head[:1] in self.ones or UNFOLDED in head


@by_words
@lru_cache(maxsize=16)
def _marker_heads(markers: tuple[str, ...]) -> _Heads | None:
    """The markers' heads (``_Heads``); None when a marker opens with a space or its first two
    characters fold to more than two (no heads: asked everywhere)."""
    if any(not m or m[0].isspace() for m in markers):
        return None
    firsts = [m.split()[0][:2] for m in markers]
    if any(len(w.casefold()) != len(w) for w in firsts):
        return None
    heads = {f for w in firsts for f in blind_folds(w)}
    return _Heads(frozenset(h for h in heads if len(h) == 1), frozenset(h for h in heads if len(h) == 2))


@by_words
@lru_cache(maxsize=16)
def _marker_opens(markers: tuple[str, ...]) -> frozenset[str] | None:
    """The ASCII characters a case-blind match of a marker can open with (each asked of a pattern
    of the markers' first characters); None when a marker opens with a space (the spaces after
    the bracket could then be the marker's)."""
    if any(not m or m[0].isspace() for m in markers):
        return None
    firsts = regex.compile("|".join(regex.escape(m[0]) for m in markers), regex.IGNORECASE)
    return frozenset(c for c in map(chr, range(128)) if firsts.fullmatch(c))


# The run of word characters a marker's word is, read back from where it ends.
_WORD_BACK = regex.compile(_WORD + "+", regex.IGNORECASE | regex.REVERSE)


def _marker_words(text: str, markers: tuple[str, ...]) -> list[tuple[int, str]]:
    """``[(m.start(), m.group("word")) for m in _marker_pattern(markers).finditer(text)]``, found from
    the opening brackets (``str.find``): the pattern, tried at every character, costs ~130 ns a
    character (a block of a caption's paragraph, 0.2 ms). A match is a whole run of word characters
    (``_WORD``), one space or tab at most, and the bracketed marker (``_bracket_pattern``), which
    ends in a closing bracket: so the run before a bracket is the match's word, and no run starts
    inside a match (the next is found from the bracket after it, as the search goes on)."""
    bracket = _bracket_pattern(markers)
    out: list[tuple[int, str]] = []
    end = 0
    for q in sorted(at for ch in _OPEN for at in _found_at(text, ch)):
        if q < end or q == 0:
            continue
        e = q - 1 if text[q - 1] in " \t" else q
        word = _WORD_BACK.match(text, 0, e) if e > 0 else None
        if word is None:
            continue
        m = bracket.match(text, q)
        if m is None:
            continue
        out.append((word.start(), text[word.start() : e]))
        end = m.end()
    return out


def _found_at(text: str, char: str) -> Iterable[int]:
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


def _names_someone(word: str) -> bool:
    """The word before the marker is a name's: capitalised, or in a script without case."""
    c = word[0]
    return c.isupper() or (c.isalpha() and c.lower() == c.upper())


def position_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    markers = ctx.rulebook.words("credit.position-markers", None)
    if not markers or not any(c in ctx.text for c in _OPEN):
        return  # no bracket in the text, none in a block
    # the blocks holding a caption, in order, with their captions (once for the document): a
    # document without one returns before reading the decisions (not asked again in later rounds)
    held: dict[int, tuple[tuple[int, int], ...]] = ctx.once(
        "credit.position-caption", lambda: _caption_blocks(ctx, markers)
    )
    if not held:
        return
    gone = ctx.removed_blocks()
    for i, found in held.items():
        if i in gone:
            continue
        b = ctx.blocks[i]
        taken = ctx.prior_cuts(b)
        for a, z in found:
            if any(x < z and a < y for x, y in taken):
                continue
            yield h.remove_span(ctx, b, a, z, 0.8)


def _caption_blocks(ctx: Context, markers: tuple[str, ...]) -> dict[int, tuple[tuple[int, int], ...]]:
    """The blocks (by index, in order) holding a caption that places people, with its captions:
    of the blocks whose content holds an opening bracket, of at most 20,000 characters (the only
    ones that can hold a bracketed marker), whatever the decisions (a block's captions are its own).
    A text without a bracketed marker has none in a block (a block's content is a stretch of the
    text, and the marker pattern reads nothing around its match): one scan of the text, not one
    of each block."""
    out: dict[int, tuple[tuple[int, int], ...]] = {}
    bracket, opens, heads = _bracket_pattern(markers), _marker_opens(markers), _marker_heads(markers)
    if not _bracket_in(ctx.text, bracket, opens, lined_fold(ctx.text) if heads else None, heads):
        return out
    for b in ctx.blocks:
        if len(b.content) <= 20000 and any(c in b.content for c in _OPEN):
            found = _position_captions(b, markers)
            if found:
                out[b.index] = found
    return out


def _position_captions(b: Block, markers: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The caption sentences placing people the block's content holds, (start, end) in the text."""
    content = b.content
    if not _bracket_in(content, _bracket_pattern(markers), _marker_opens(markers)):
        return ()
    if not any(_names_someone(word) for _, word in _marker_words(content, markers)):
        return ()
    spans: list[tuple[int, int]] = []
    for s in _SENTENCE.finditer(content):
        sentence = s.group()
        if not sentence.strip() or "(" not in sentence and "\uff08" not in sentence:
            continue
        if not words_at_most(sentence, _POSITION_SENTENCE_MAX_WORDS):
            continue
        if not any(
            _names_someone(word) and words_at_most(sentence[:at], _MARKER_WITHIN - 1)
            for at, word in _marker_words(sentence, markers)
        ):
            continue
        lead = len(sentence) - len(sentence.lstrip())
        spans.append((b.content_start + s.start() + lead, b.content_start + s.end()))
    return tuple(spans)


# ---------------------------------------------------------------------------------------------
# A caption whose credit the scraper cut after the bracket opened: "… nepřežili. (28. srpna 2023".

# A date with its day, its month (a name or a number) and its year: "28. srpna 2023", "June 5,
# 2023", "5/6/2023".
_DATE = (
    r"(?:\d{1,2}\.?[ \t]*(?:\p{L}+\.?|\d{1,2}\.)[ \t]*|\p{L}+\.?[ \t]+\d{1,2},?[ \t]+|\d{1,2}[./\-]\d{1,2}[./\-])"
    r"(?:19|20)\d\d"
)
_OPEN_DATE = regex.compile(r"[.!?\u2026][\"'\u201d\u2019]?[ \t]+\([ \t]*" + _DATE + r"[ \t]*$")
_OPEN_CAPTION_MAX_WORDS = 60


def open_dated_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if "(" not in ctx.text:
        return  # the bracket the caption's credit opened: none in the text, none in a block
    dated = ctx.once("credit.open-dated-caption", lambda: _open_dated_blocks(ctx))
    if not dated:
        return  # no line ends in a bracket cut open on a date: none to weigh against the decisions
    gone = ctx.removed_blocks()
    seen_body = False
    for b in ctx.blocks:
        if b.index in gone:
            continue
        if seen_body and b.index in dated:
            if not ctx.prior_cuts(b):
                yield h.remove_block(ctx, b, 0.8)
                continue
            # judged as the clean text shows it: a cut inside the caption ("Advertisement") leaves
            # it a caption for the next cleaning to find
            if _open_dated(ctx.surviving(b)):
                yield from h.remove_left(ctx, b, 0.8)
                continue
        if b.n_words >= _BODY_MIN_WORDS:
            seen_body = True


def _open_dated(text: str) -> bool:
    """A caption's length ending in a bracket cut open on a date."""
    return "(" in text and words_at_most(text, _OPEN_CAPTION_MAX_WORDS) and bool(_OPEN_DATE.search(text.rstrip()))


def _open_dated_blocks(ctx: Context) -> frozenset[int]:
    """The blocks of a caption's length ending in a bracket cut open on a date (once for the
    document: the block alone decides)."""
    return frozenset(
        b.index
        for b in ctx.blocks
        if b.n_words <= _OPEN_CAPTION_MAX_WORDS and "(" in b.content and _OPEN_DATE.search(b.content.rstrip())
    )


# ---------------------------------------------------------------------------------------------
# A copyright line closing the text: "Mapy poskytuje © SHOCart a přispěvatelé OpenStreetMap. …".

_COPYRIGHT_LEAD = regex.compile(r"^(?:[^\s.!?]+[ \t]+){0,4}(?:\u00a9|\([cC]\))[ \t]*(?:(?:19|20)\d\d[ \t]+)?\p{Lu}")
_COPYRIGHT_MAX_WORDS = 60


def _last_kept(ctx: Context) -> Block | None:
    kept = ctx.kept_blocks()
    return kept[-1] if kept else None


def closing_copyright(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if "\u00a9" not in ctx.text and "(c)" not in ctx.text and "(C)" not in ctx.text:
        return  # "(c)" in the case-folded text: only "c" and "C" fold to a "c", "(" and ")" to themselves
    last = _last_kept(ctx)
    if last is None:
        return
    # judged as a second cleaning would see it: what earlier cuts leave of the block (a sign-off
    # cut from its end must not keep the credit for the next cleaning to find)
    view = ctx.view(last)
    left = view.text.strip()
    if not left or not words_at_most(left, _COPYRIGHT_MAX_WORDS) or not _COPYRIGHT_LEAD.search(left):
        return
    if not any(b.n_words >= _BODY_MIN_WORDS for b in ctx.kept_blocks()[:-1]):
        return
    if not ctx.prior_cuts(last):
        yield h.remove_block(ctx, last, 0.8)
        return
    for a, z in view.pieces:
        if ctx.text[a:z].strip():
            yield h.remove_span(ctx, last, a, z, 0.8)


# ---------------------------------------------------------------------------------------------
# A caption kept twice in one line: "(File 2013/The Associated Press) Ryan Nunn (22) tackles Luke
# Bishop (4). Research shows … Ryan Nunn (22) tackles Luke Bishop (4). Research shows …".

_SENTENCE_SPLIT = regex.compile(r"(?<=[.!?\u2026\u3002\uff01\uff1f\u0964])\s+")
_LEAD_BRACKET = regex.compile(r"^[(\[][^()\[\]\n]{1,80}[)\]][ \t]*")
# Each copy of a caption is this long: shorter, a repeated phrase ("Yes yes"); longer, it is a
# paragraph the scraper doubled, not a figure's caption.
_DOUBLED_WORDS = (6, 40)


def _halves_equal(words: list[str]) -> bool:
    n = len(words)
    return n % 2 == 0 and words[: n // 2] == words[n // 2 :]


def _may_halve(text: str) -> bool:
    """False when ``text``'s words surely are not one half said twice: its first word, and its last,
    stand in it once (the second half opens with the first and the first half closes with the
    last). Two substring counts, where splitting every paragraph into its words costs."""
    head = text.split(None, 1)
    if not head:
        return False
    return text.count(head[0]) >= 2 and text.count(text.rsplit(None, 1)[-1]) >= 2


def doubled_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    doubled = ctx.once("credit.doubled-caption", lambda: _doubled_blocks(ctx))
    gone = ctx.removed_blocks()
    for i in doubled:
        b = ctx.blocks[i]
        if i not in gone and not ctx.prior_cuts(b):
            yield h.remove_block(ctx, b, 0.8)
    # a block that earlier cuts left a caption said twice (a fragment cut from its end), judged as
    # the clean text shows it: a second cleaning would find it there
    for i in ctx.cut_blocks():
        if i in gone:
            continue
        text = ctx.surviving(ctx.blocks[i])
        if ctx.once(("credit.doubled-caption", text), lambda t=text: _doubled(t)):  # once per text
            yield from h.remove_left(ctx, ctx.blocks[i], 0.8)


def _doubled_blocks(ctx: Context) -> tuple[int, ...]:
    """The blocks that are a caption said twice, in order (once for the document: the judge reads
    the block alone)."""
    lo, hi = _DOUBLED_WORDS
    return tuple(b.index for b in ctx.blocks if 2 * lo <= b.n_words <= 2 * hi + 12 and _doubled(b.content))


def _doubled(content: str) -> bool:
    """Whether a block's text (of the words a doubled caption has) is a caption said twice."""
    lo, hi = _DOUBLED_WORDS
    text = content.strip()
    m = _LEAD_BRACKET.match(text) if text[:1] in ("(", "[") else None  # it opens with one of them
    rest = text[m.end() :] if m else text
    if not _may_halve(rest):
        return False
    words = rest.split()
    if not lo <= len(words) // 2 <= hi or not _halves_equal(words):
        return False
    copy = " ".join(words[: len(words) // 2])
    if "|" in rest or not ends_terminal(copy):
        return False  # a table's header row twice, a list of names: a caption is a sentence
    # one sentence said again and again ("Let it be. Let it be."): a refrain
    return m is not None or len({phrase_key(x) for x in _SENTENCE_SPLIT.split(copy) if x.strip()}) >= 2
