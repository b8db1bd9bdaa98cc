"""``blocks.segment`` with its one-line chunks taken without cutting lines, and a block's content
taken from its stripped text when they are the same span, finds the blocks it found cutting every
chunk into its lines and slicing every content from the text (issue 13)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.blocks as blocks_mod
from cleaner.blocks import segment
from cleaner.model import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block


def _segment_chunk_before(text: str, start: int, end: int, out: list) -> None:
    """``_segment_chunk`` as it was: every chunk cut into its lines."""
    lines: list[tuple[int, int, str]] = []  # the lines that hold more than spaces: start, end, text
    pos = start
    for line in text[start:end].split("\n"):
        if line and not line.isspace():
            lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    if not lines:
        return
    if blocks_mod._hard_wrapped([ln for _, _, ln in lines]) and not any(blocks_mod._marked(ln) for _, _, ln in lines):
        _add_before(text, lines[0][0], lines[-1][1], PARAGRAPH, out)
        return
    i = 0
    while i < len(lines):
        a, b, line = lines[i]
        first = line.lstrip(" \t")[:1]
        marked = first in blocks_mod.MARKER_STARTS  # else none of the marker patterns can match
        if marked and blocks_mod._QUOTE.match(line):
            j = i
            while j + 1 < len(lines) and blocks_mod._QUOTE.match(lines[j + 1][2]):
                j += 1
            _add_before(text, a, lines[j][1], QUOTE, out, marker=len(blocks_mod._QUOTE.match(line).group()))
            i = j + 1
            continue
        md = blocks_mod._MD_HEADING.match(line) if first == "#" else None
        if md:
            _add_before(
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
        bullet = blocks_mod._BULLET.match(line) if marked else None
        if bullet:
            _add_before(text, a, b, LIST_ITEM, out, marker=len(bullet.group()))
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and blocks_mod._continues(lines[j][2], lines[j + 1][2]):
            if blocks_mod._marked(lines[j + 1][2]):
                break
            j += 1
        if j == i:  # one line: a heading when it is heading-like; its words are counted once
            heading, n = blocks_mod._heading_words(line.strip())
            _add_before(text, a, b, HEADING if heading else PARAGRAPH, out, heading_like=heading, n_words=n)
        else:
            _add_before(text, a, lines[j][1], PARAGRAPH, out)
        i = j + 1


def _add_before(
    text: str,
    start: int,
    end: int,
    kind: str,
    out: list,
    *,
    marker: int = 0,
    content: tuple[int, int] | None = None,
    level: int = 0,
    hint: str = "",
    heading_like: bool | None = None,  # when the caller already knows
    n_words: int | None = None,  # the content's words, when the caller already counted them
) -> None:
    """``_add`` as it was: the content sliced from the text again."""
    line_start = start  # the marker's length counts from here (it includes the line's indent)
    kept = text[start:end].lstrip()  # without what str.isspace calls space at either end
    start = end - len(kept)
    end = start + len(kept.rstrip())
    if content is None:
        cs = max(start, line_start + marker)
        while cs < end and text[cs] in " \t":
            cs += 1
        content = (cs, end)
    cs, ce = content
    c = text[cs:ce]
    if heading_like is None:
        heading_like, n_words = blocks_mod._heading_words(c.strip())
    if n_words is None:
        n_words = blocks_mod.count_words(c)
    out.append(Block(len(out), kind, start, end, cs, ce, c, level, hint, n_words, heading_like))


_LINES = [
    "The council voted on Tuesday.",
    "Read More",
    "## A Markdown Heading",
    "> a quote",
    "- a bullet",
    "1. an item",
    "   ",
    "\t",
    "",
    "lower case line that continues",
    "Title Case Line Here",
    "ALL CAPS LINE",
    "\u00a0",
    "Straße İstanbul ıslak",
    "市议会周二决定延长图书馆的开放时间。",
    "สภาเมืองมีมติเมื่อวันอังคาร",
    "a line of hard-wrapped prose that runs on for a while and then",
    "soft\u00adhyphen",
    "  indented line  ",
    "\u00a0## nbsp before a heading",
    "-\u00a0bullet after nbsp",
    ">\u00a0quote",
    "#\theading\t#",
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), max_size=14),
    st.lists(st.sampled_from(["\n", "\n\n", "\n \n", "\n\t\n\n"]), max_size=14),
)
def test_segment_finds_the_blocks_it_found(lines: list[str], seps: list[str]) -> None:
    text = "".join(line + (seps[i] if i < len(seps) else "\n") for i, line in enumerate(lines))
    found = segment(text)
    before: list = []
    pos = 0
    for sep in [*blocks_mod._CHUNK_SEP.finditer(text), None]:
        end = sep.start() if sep else len(text)
        _segment_chunk_before(text, pos, end, before)
        if sep:
            pos = sep.end()
    assert found == tuple(before)
