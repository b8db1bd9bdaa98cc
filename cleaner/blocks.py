"""Stage 3: segment normalized text into blocks with character offsets.

Blank lines separate chunks. Inside a chunk, each line is its own block (scrapers and
trafilatura put one paragraph per line) unless the chunk is hard-wrapped prose, whose
lines join into one paragraph. Markdown headings, list bullets and ``>`` quotes are
recognised from their markers; other headings from the text itself (see ``is_heading_like``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from cleaner.lang import EN_STOPWORDS
from cleaner.model import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block
from cleaner.text import count_words

_CHUNK_SEP = regex.compile(r"\n[ \t\f\v]*\n\s*")
_ASCII_LOWER = re.compile("[a-z]")
# A Markdown heading; its text after every marker it opens with: the clean text keeps the text
# alone, and "# # Also Read: …" would otherwise read as a heading again in it ("# Also Read: …").
_MD_HEADING = regex.compile(r"^[ \t]*(#{1,6})[ \t]+(?:#{1,6}[ \t]+)*(.*?)[ \t]*#*[ \t]*$")
_BULLET = regex.compile(r"^[ \t]*(?:[-*+\u2022\u00b7\u25aa\u25cf\u2013]|\d{1,3}[.)])[ \t]+(?=\S)")
_QUOTE = regex.compile(r"^[ \t]*>[ \t]?")
TERMINAL = ".!?\u2026:;\"'\u201d\u2019)\u00bb]"
# sentence ends of other scripts: Armenian ։, Devanagari/Bengali । ॥, Urdu ۔, Arabic ؟, CJK 。！？．,
# Burmese ။, Ethiopic ።
TERMINAL += "\u0589\u0964\u0965\u06d4\u061f\u3002\uff01\uff1f\uff0e\u104b\u1362"
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'\u2019\-]*")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into is it of on or the to vs via with over per nor yet so".split()
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


_STEM = 5  # compare words by their first letters: "crippled"/"cripples", "Pakistan"/"Pakistani"
_MIN_CONTENT = 4


def content_stems(text: str) -> set[str]:
    """Stems of a text's content words: 4+ letters, not a number, not an English function word."""
    out = set()
    for w in words(text):
        f = w.casefold()
        if len(f) >= _MIN_CONTENT and not f.isdigit() and f not in EN_STOPWORDS:
            out.add(f[:_STEM])
    return out


def shares_topic(heading: str, paragraph: str, look: int = 60) -> bool:
    """Topic coherence: whether a heading shares a content word with the first ``look`` words of
    a paragraph (an own subhead introduces what follows; another story's headline does not)."""
    return bool(content_stems(heading) & content_stems(" ".join(words(paragraph)[:look])))


def ends_terminal(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and t[-1] in TERMINAL


def is_title_case(text: str) -> bool:
    """Most significant words start with a capital (or the line is in capitals)."""
    ws = [w for w in words(text) if w.isalpha() or any(map(str.isalpha, w))]
    if not ws or not ws[0][0].isupper() and not ws[0][0].isdigit():
        return False
    significant = [w for w in ws[1:] if w.casefold() not in _SMALL_WORDS]
    if not significant:
        return True
    caps = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return caps / len(significant) >= 0.6


def is_all_caps(text: str) -> bool:
    if _ASCII_LOWER.search(text):  # a lowercase letter: the common case, found without a loop
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(not c.islower() for c in letters) and any(c.isupper() for c in letters)


def is_heading_like(text: str) -> bool:
    """Short, no sentence-ending punctuation (a question mark is allowed), title case or capitals."""
    return _heading_words(text.strip())[0]


def _heading_words(t: str) -> tuple[bool, int | None]:
    """``is_heading_like`` of a stripped text, and its words when that counted them (None when
    it did not need to): a block's line is counted once, not once for each."""
    if not t or len(t) > 140 or t[-1] in ".:;,\u2026":
        return False, None
    n = count_words(t)
    if not 1 <= n <= 16:
        return False, n
    return is_title_case(t) or is_all_caps(t), n


def _hard_wrapped(lines: Sequence[str]) -> bool:
    if len(lines) < 3:
        return False
    body = lines[:-1]
    long_lines = sum(1 for ln in body if 35 <= len(ln) <= 110)
    open_ends = sum(1 for ln in body if not ends_terminal(ln))
    return long_lines >= 0.8 * len(body) and open_ends >= 0.5 * len(body)


def _continues(prev: str, line: str) -> bool:
    first = line.lstrip()[:1]
    return bool(first) and not ends_terminal(prev) and (first.islower() or first in ",;)")


def segment(text: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    pos = 0
    for sep in [*_CHUNK_SEP.finditer(text), None]:
        end = sep.start() if sep else len(text)
        _segment_chunk(text, pos, end, blocks)
        if sep:
            pos = sep.end()
    return tuple(blocks)


# Characters a marked line (quote, Markdown heading, bullet, numbered item) can start with.
MARKER_STARTS = frozenset(">#-*+\u2022\u00b7\u25aa\u25cf\u2013" + "0123456789")


def _marked(line: str) -> bool:
    first = line.lstrip(" \t")[:1]
    return first in MARKER_STARTS and bool(_QUOTE.match(line) or _MD_HEADING.match(line) or _BULLET.match(line))


def _segment_chunk(text: str, start: int, end: int, out: list[Block]) -> None:
    chunk = text[start:end]
    lines: list[tuple[int, int, str]] = []  # the lines that hold more than spaces: start, end, text
    if "\n" not in chunk:  # one line, the common case: no lines to cut, never hard-wrapped
        if not chunk or chunk.isspace():
            return
        if chunk.lstrip(" \t")[:1] not in MARKER_STARTS:  # no marker: the line's own block
            _add_line(chunk, start, out)
            return
        lines.append((start, end, chunk))
    else:
        pos = start
        for line in chunk.split("\n"):
            if line and not line.isspace():
                lines.append((pos, pos + len(line), line))
            pos += len(line) + 1
        if not lines:
            return
    if len(lines) >= 3 and _hard_wrapped([ln for _, _, ln in lines]) and not any(_marked(ln) for _, _, ln in lines):
        _add(text, lines[0][0], lines[-1][1], PARAGRAPH, out)
        return
    i = 0
    while i < len(lines):
        a, b, line = lines[i]
        first = line.lstrip(" \t")[:1]
        marked = first in MARKER_STARTS  # else none of the marker patterns can match
        if marked and _QUOTE.match(line):
            j = i
            while j + 1 < len(lines) and _QUOTE.match(lines[j + 1][2]):
                j += 1
            _add(text, a, lines[j][1], QUOTE, out, marker=len(_QUOTE.match(line).group()))
            i = j + 1
            continue
        md = _MD_HEADING.match(line) if first == "#" else None
        if md:
            _add(
                text,
                a,
                b,
                HEADING,
                out,
                content=(a + md.start(2), a + md.end(2)),
                level=len(md.group(1)),
                hint="markdown",
            )
            i += 1
            continue
        bullet = _BULLET.match(line) if marked else None
        if bullet:
            _add(text, a, b, LIST_ITEM, out, marker=len(bullet.group()))
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _continues(lines[j][2], lines[j + 1][2]):
            if _marked(lines[j + 1][2]):
                break
            j += 1
        if j == i:  # one line: a heading when it is heading-like; its words are counted once
            _add_line(line, a, out)
        else:
            _add(text, a, lines[j][1], PARAGRAPH, out)
        i = j + 1


def _add_line(line: str, at: int, out: list[Block]) -> None:
    """``_add`` of one unmarked line (``line`` is the text's ``[at, at + len(line))``): a heading
    when it is heading-like, else a paragraph, its content the line without the white space at its
    ends. Written out for the commonest block (most lines are one): no second copy of the line,
    none at all when it has no space at its ends, and no keyword call (tests/test_segment_line.py)."""
    if line[0].isspace() or line[-1].isspace():
        c = line.strip()
        at += len(line) - len(line.lstrip())
    else:
        c = line
    heading, n = _heading_words(c)
    if n is None:
        n = count_words(c)
    end = at + len(c)
    out.append(Block(len(out), HEADING if heading else PARAGRAPH, at, end, at, end, c, 0, "", n, heading))


def _add(
    text: str,
    start: int,
    end: int,
    kind: str,
    out: list[Block],
    *,
    marker: int = 0,
    content: tuple[int, int] | None = None,
    level: int = 0,
    hint: str = "",
    heading_like: bool | None = None,  # when the caller already knows
    n_words: int | None = None,  # the content's words, when the caller already counted them
) -> None:
    line_start = start  # the marker's length counts from here (it includes the line's indent)
    kept = text[start:end].lstrip()  # without what str.isspace calls space at either end
    start = end - len(kept)
    kept = kept.rstrip()
    end = start + len(kept)
    if content is None:
        cs = max(start, line_start + marker)
        while cs < end and text[cs] in " \t":
            cs += 1
        content = (cs, end)
    cs, ce = content
    c = kept if cs == start and ce == end else text[cs:ce]  # the block's text is its content: no copy
    if heading_like is None:
        heading_like, n_words = _heading_words(c.strip())
    if n_words is None:
        n_words = count_words(c)
    out.append(Block(len(out), kind, start, end, cs, ce, c, level, hint, n_words, heading_like))


def read_again(b: Block) -> Block:
    """The block a cleaning of the clean text finds where ``b`` stands, at ``b``'s offsets.

    The clean text keeps no markup: an HTML element's kind (a list item, a heading, a caption, a
    quote) and a Markdown heading's '#' are gone, and a second cleaning reads the line as the text
    path reads any line (a bullet or Markdown marker, else a heading when it is heading-like, else
    a paragraph). A heuristic whose decision depends on what the text form loses judges a block by
    this reading, so that the second cleaning decides as the first did. Other blocks (the text
    path's, and the HTML paragraphs ``from_parts`` already read so) are returned as they are."""
    if not (b.source_hint == "html" or (b.kind == HEADING and b.source_hint == "markdown")):
        return b
    return _read_line(b)


@lru_cache(maxsize=4096)
def _read_line(b: Block) -> Block:
    """``read_again`` of a block of markup; cached: the heuristics ask again for the same blocks."""
    read = segment(b.content)
    if len(read) != 1:
        return b
    r, at = read[0], b.content_start
    return replace(
        r,
        index=b.index,
        start=at + r.start,
        end=at + r.end,
        content_start=at + r.content_start,
        content_end=at + r.content_end,
    )


# A block known from markup: (kind, text, heading level), and whether the text path's reading of
# the text decides its kind (a paragraph's lines), not the markup.
Part = tuple[str, str, int] | tuple[str, str, int, bool]


def as_text_reads(parts: Sequence[tuple[str, str, int]]) -> list[Part]:
    """Blocks known from markup, each split where the text path would split it when the clean
    text is read again (``<br>`` lines, rows, nested blocks: one per line unless they continue
    one another), so that cleaning the clean text as text finds the same blocks. A paragraph's
    pieces are read as the text path reads them (``from_parts``: kind, bullet, heading-likeness),
    even a paragraph of one line; the other kinds (heading, caption, quote, list item) stay their
    element's."""
    out: list[Part] = []
    for kind, part_text, level in parts:
        t = part_text.strip()
        own = kind == PARAGRAPH
        if "\n" not in t:
            out.append((kind, t, level, own))
            continue
        for b in segment(t):
            out.append((b.kind if own else kind, t[b.start : b.end], b.level if own else level, own))
    return out


def from_parts(parts: Sequence[Part]) -> tuple[str, tuple[Block, ...]]:
    """Blocks already known (HTML extraction): join them with blank lines, keep their kinds. A
    part marked as read as text takes the block the text path finds in it (its kind, its bullet
    or Markdown marker, its hint), as a second cleaning of the clean text would: the markup did
    not declare what a paragraph's line is."""
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for part in parts:
        kind, part_text, level = part[0], part[1], part[2]
        t = part_text.strip()
        if not t:
            continue
        if pieces:
            pieces.append("\n\n")
            pos += 2
        textual = len(part) > 3 and bool(part[3])
        read = segment(t) if textual and ("\n" in t or _marked(t)) else ()
        if len(read) == 1 and read[0].start == 0 and read[0].end == len(t):
            b = read[0]
            blocks.append(
                replace(
                    b,
                    index=len(blocks),
                    start=pos,
                    end=pos + len(t),
                    content_start=pos + b.content_start,
                    content_end=pos + b.content_end,
                )
            )
        else:
            # one plain line read as text is what ``segment`` finds in it without the search: a
            # heading when it is heading-like, else a paragraph
            heading_like = is_heading_like(t)
            if textual and not read:
                kind, level = (HEADING if heading_like else PARAGRAPH), 0
            hint = "" if textual and not read else "html"
            blocks.append(
                Block(
                    len(blocks),
                    kind,
                    pos,
                    pos + len(t),
                    pos,
                    pos + len(t),
                    t,
                    level,
                    hint,
                    count_words(t),
                    heading_like,
                )
            )
        pieces.append(t)
        pos += len(t)
    return "".join(pieces), tuple(blocks)
