"""A linear pre-scan of HTML markup before it is parsed: how deep the tags nest, how many
attributes one tag has.

libxml2 compares each attribute of an element with every earlier one (quadratic: 30,000
attributes take seconds, 10^6 hours) and works through deep nesting in C, where the
per-document time limit (a signal) cannot interrupt it. A page over ``Config.html_max_depth``
or ``Config.html_max_attributes`` is therefore not parsed: nothing is extracted and the record
says why, as for other unusable HTML.

The scan approximates, cheaply and in one pass: depth is a counter of open tags minus close
tags, leaving out void elements (``<br>``, ``<img>``...), self-closing tags and elements whose
end tag may be omitted (``<p>``, ``<li>``, ``<td>``...), which parsers close on their own;
comments and the content of ``<script>``/``<style>`` are skipped. Attributes are counted as
names with an optional ``=value`` (quoted or not), and a tag is cut at a ``<`` or ``>``
(a quoted value holding one ends the count there). The defaults sit far above every page of the dev collections
(``bench/markup_limits.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAG = re.compile(r"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9:_-]*)([^<>]*))")
# one attribute: a name, and maybe = and a value (quoted values may hold spaces)
_ATTR = re.compile(r"""[^\s"'=/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"']+))?""")
_VOID = frozenset(
    "area base basefont bgsound br col command embed frame hr image img input keygen link meta param source "
    "track wbr".split()
)
_OPTIONAL_END = frozenset(
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rtc rp html head body".split()
)
_RAW_TEXT = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in ("script", "style")}


@dataclass(frozen=True)
class MarkupStats:
    """What the pre-scan saw (up to where it stopped, when a limit was passed)."""

    max_depth: int
    max_attributes: int


def scan(text: str, *, max_depth: int = 0, max_attributes: int = 0) -> MarkupStats:
    """The nesting depth and the largest attribute count of ``text``'s tags; stops as soon as
    one passes its limit (0: no limit)."""
    depth = deepest = most = 0
    pos = 0
    end = len(text)
    while pos < end:
        m = _TAG.search(text, pos)
        if m is None:
            break
        pos = m.end()
        if m.group(1):  # a comment: to its end
            close = text.find("-->", pos)
            pos = end if close < 0 else close + 3
            continue
        name = m.group(3).lower()
        if m.group(2):
            if name not in _VOID and name not in _OPTIONAL_END and depth:
                depth -= 1
            continue
        rest = m.group(4)
        if len(rest) > 2 * most:  # only a tag this long can have more attributes than the most so far
            most = max(most, len(_ATTR.findall(rest)))
            if max_attributes and most > max_attributes:
                break
        if name in _VOID or name in _OPTIONAL_END or rest.rstrip().endswith("/"):
            continue
        if name in _RAW_TEXT:
            close_tag = _RAW_TEXT[name].search(text, pos)
            pos = end if close_tag is None else close_tag.end()
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if max_depth and deepest > max_depth:
                break
    return MarkupStats(deepest, most)


# The cheap test run first: comments and raw-text elements cut out (as ``scan`` skips them), then
# one findall of the tags' names; the depth it counts is never below ``scan``'s (it also counts
# self-closing tags); only a tag long enough to hold more attributes than the limit has them counted.
_NAMES = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)")
_NOT_NESTING = _VOID | _OPTIONAL_END
_RAW_OPEN = re.compile(r"<(!--|script|style)", re.IGNORECASE)
_RAW_CLOSE = {"!--": re.compile("-->"), **_RAW_TEXT}


def _without_raw(text: str) -> str:
    """The text without comments and the content of script/style elements."""
    out: list[str] = []
    pos = 0
    while (m := _RAW_OPEN.search(text, pos)) is not None:
        out.append(text[pos : m.start()])
        close = _RAW_CLOSE[m.group(1).lower()].search(text, m.end())
        pos = len(text) if close is None else close.end()
    out.append(text[pos:])
    return "".join(out)


def _within(text: str, max_depth: int, max_attributes: int) -> bool:
    """True when the cheap test shows both limits hold (False: ``scan`` decides). A tag with more
    than ``max_attributes`` attributes is at least twice that many characters long."""
    bare = _without_raw(text)
    if max_attributes:
        long_tags = re.finditer(rf"<[A-Za-z][A-Za-z0-9:_-]*+([^<>]{{{max(2 * max_attributes - 2, 1)},}})", bare)
        if any(len(_ATTR.findall(m.group(1))) > max_attributes for m in long_tags):
            return False
    if not max_depth:
        return True
    depth = deepest = 0
    for close, name in _NAMES.findall(bare):
        if name.lower() in _NOT_NESTING:
            continue
        if close:
            if depth:
                depth -= 1
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
    return deepest <= max_depth


def over_limits(text: str, *, max_depth: int, max_attributes: int) -> str | None:
    """Why ``text`` is not to be parsed (one line), or None when it is within the limits."""
    if not (max_depth or max_attributes) or _within(text, max_depth, max_attributes):
        return None
    stats = scan(text, max_depth=max_depth, max_attributes=max_attributes)
    if max_attributes and stats.max_attributes > max_attributes:
        return (
            f"HTML not parsed: a tag with over {max_attributes:,} attributes (html_max_attributes); nothing extracted"
        )
    if max_depth and stats.max_depth > max_depth:
        return f"HTML not parsed: tags nested over {max_depth:,} deep (html_max_depth); nothing extracted"
    return None
