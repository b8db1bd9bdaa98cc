"""HTML rules applied to the tree: the elements they select are dropped, each one recorded."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from cleaner.html.rules import HtmlRule, match
from cleaner.model import Removal

_NEVER_REMOVE = frozenset({"html", "body", "head"})
# plain strings: a "smart" string result would make an element proxy for each text's parent
_TEXT_XP = etree.XPath(".//text()[not(parent::script or parent::style or parent::noscript)]", smart_strings=False)
_SCRIPT_TEXT_XP = etree.XPath(".//script/text()|.//style/text()|.//noscript/text()", smart_strings=False)
_SCRIPTISH = frozenset({"script", "style", "noscript"})


def _visible_len(el: etree._Element) -> int:
    """Characters of text in the element, script and style contents left out (whitespace counted)."""
    n = len(etree.tostring(el, method="text", encoding=str, with_tail=False))
    if n:
        n -= sum(len(t) for t in _SCRIPT_TEXT_XP(el))
    return n


_GUARD_MIN_CHARS = 300
_GUARD_SHARE = 0.4
MAX_REMOVAL_TEXT = 5000


def apply_html_rules(tree: etree._Element, rules: Sequence[HtmlRule]) -> list[Removal]:
    """Remove the elements the rules select (outermost only; tails kept), returning a Removal each.

    Guard: an element holding 40% or more of the page's visible text is never removed, so
    a class such as ``recent-news`` on the article's own wrapper cannot take the article.
    """
    if not rules:
        return []
    removals: list[Removal] = []
    root = tree.getroottree().getroot()
    page_len: int | None = None
    dropped: set[etree._Element] = set()  # lxml keeps a live proxy per node while referenced
    for el, rule, css in match(tree, rules):
        if el.tag in _NEVER_REMOVE:
            continue
        if dropped and any(a in dropped for a in el.iterancestors()):
            continue  # inside an element already removed (matches come in document order)
        if el.tag in _SCRIPTISH:
            raw_len = _visible_len(el)  # its own text counts here, though _TEXT_XP leaves it out
            visible = None
        else:
            # the text outside scripts and styles, whose length is _visible_len(el): one pass
            visible = "".join(_TEXT_XP(el))
            raw_len = len(visible)
        if raw_len > _GUARD_MIN_CHARS:
            if page_len is None:
                page_len = _visible_len(root)
            if raw_len > _GUARD_SHARE * page_len:
                continue  # holds much of the page's text: a class on a wrapper, not a widget
        if not raw_len:
            text = ""
        else:
            text = " ".join((visible if visible is not None else "".join(_TEXT_XP(el))).split())
        if len(text) > MAX_REMOVAL_TEXT:
            text = text[:MAX_REMOVAL_TEXT] + "…"
        drop(el)
        dropped.add(el)
        removals.append(
            Removal(
                rule=rule.id,
                category=rule.category,
                reason=rule.reason,
                source=rule.source,
                text=text,
                confidence=rule.confidence,
                stage="html",
                selector=css,
            )
        )
    return removals


def drop(el: etree._Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
