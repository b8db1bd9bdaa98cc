"""trafilatura's XML output to blocks: (kind, text, heading level), in reading order."""

from __future__ import annotations

import html as html_lib
import re

from lxml import etree

from cleaner.model import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, QUOTE

Block3 = tuple[str, str, int]


_BLOCKISH = frozenset({"p", "head", "quote", "item", "list", "row", "table", "div", "code", "figure", "caption"})
_HEAD_LEVEL = re.compile(r"h([1-6])")
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)


def _render(el: etree._Element, skip_lists: bool = False) -> str:
    # an element without children (most paragraphs) is its own text: what _joined gives, without the walk
    text = (el.text or "") if not len(el) else _joined(el, skip_lists)
    if "&" in text:
        text = html_lib.unescape(text)
    return _lines(text)


def _joined(el: etree._Element, skip_lists: bool = False) -> str:
    """The element's text and its descendants', blockish ones set apart by line breaks, cells by ' | '."""
    parts: list[str] = []
    stack: list[tuple[etree._Element, int]] = [(el, 0)]
    # iterative walk: (element, state) where state 0 = enter, 1 = leave
    while stack:
        e, state = stack.pop()
        if state == 0:
            tag = e.tag
            if e is not el:
                if tag == "lb":
                    parts.append("\n")
                    if e.tail:
                        parts.append(e.tail)
                    continue
                if skip_lists and tag == "list":
                    if e.tail:
                        parts.append(e.tail)
                    continue
                if tag in _BLOCKISH:
                    parts.append("\n")
                elif tag == "cell" and e.getprevious() is not None:
                    parts.append(" | ")
            if e.text:
                parts.append(e.text)
            stack.append((e, 1))
            for child in reversed(e):
                if isinstance(child.tag, str):
                    stack.append((child, 0))
        else:
            if e is not el:
                if e.tag in _BLOCKISH:
                    parts.append("\n")
                if e.tail:
                    parts.append(e.tail)
    return "".join(parts)


def _lines(text: str) -> str:
    """Each line's words joined by one space; empty lines dropped (``str.split`` splits at the
    characters ``\\s`` matches, so this is ``[^\\S\\n]+`` replaced by a space and each line stripped)."""
    return "\n".join(filter(None, [" ".join(line.split()) for line in text.split("\n")]))


def _heading_level(el: etree._Element) -> int:
    m = _HEAD_LEVEL.fullmatch(el.get("rend") or "")
    return int(m.group(1)) if m else 0


def _list_blocks(lst: etree._Element, out: list[Block3]) -> None:
    for item in lst:
        if item.tag != "item":
            text = _render(item)
            if text:
                out.append((LIST_ITEM, text, 0))
            continue
        text = _render(item, skip_lists=True)
        if text:
            out.append((LIST_ITEM, text, 0))
        for sub in item:
            if sub.tag == "list":
                _list_blocks(sub, out)


def body_blocks(body: etree._Element) -> list[Block3]:
    """Turn trafilatura's output tree into (kind, text, level) blocks."""
    out: list[Block3] = []
    _loose(body.text, out)
    for el in body:
        tag = el.tag
        if not isinstance(tag, str):
            _loose(el.tail, out)
            continue
        if tag == "list":
            _list_blocks(el, out)
            _loose(el.tail, out)
            continue
        text = _render(el)
        _tail = el.tail
        if not text:
            _loose(_tail, out)
            continue
        if tag == "head":
            out.append((HEADING, text, _heading_level(el)))
        elif tag == "quote":
            out.append((QUOTE, text, 0))
        elif tag in ("figure", "caption", "graphic") or (tag == "p" and _CAPTION_CLASS.search(el.get("class") or "")):
            out.append((CAPTION, text, 0))
        else:
            out.append((PARAGRAPH, text, 0))
        _loose(_tail, out)
    return out


def _loose(text: str | None, out: list[Block3]) -> None:
    """Text trafilatura left directly in the body (between blocks) is a paragraph of its own."""
    if text and text.strip():
        if "&" in text:
            text = html_lib.unescape(text)
        joined = _lines(text)
        if joined:
            out.append((PARAGRAPH, joined, 0))
