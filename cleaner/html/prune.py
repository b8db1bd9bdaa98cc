"""HTML rules applied to the tree: the elements they select are dropped, each one recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from cleaner.html.matcher import match
from cleaner.model import Removal
from cleaner.rulebook import Rule
from cleaner.text import count_words

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
_GUARD_SHARE = 0.4  # of the page's visible text, on pages without paragraph markup
MAX_REMOVAL_TEXT = 5000

# The main-text guard: an element that holds this share of the page's paragraph words, or the
# page's <h1> together with a paragraph, is the article's container, not a widget, whatever
# its class says. Paragraphs are <p> elements of at least _PARA_MIN_WORDS words.
MAIN_TEXT_SHARE = 0.25
_PARA_MIN_WORDS = 8
_MIN_PAGE_PARA_WORDS = 60
GUARD_ID = "guard.main-text"


@dataclass(frozen=True)
class Pruned:
    removals: list[Removal]
    held: list[Removal]  # what the guard kept: candidates, with the reason


class _MainText:
    """Paragraph words per element, computed lazily once per page."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self._total: int | None = None
        self._h1: list[etree._Element] | None = None

    @staticmethod
    def _para_words(el: etree._Element) -> int:
        n = 0
        for p in el.iter("p"):
            k = count_words("".join(_TEXT_XP(p)))
            if k >= _PARA_MIN_WORDS:
                n += k
        return n

    @property
    def total(self) -> int:
        if self._total is None:
            self._total = self._para_words(self.root)
        return self._total

    def why_held(self, el: etree._Element) -> str | None:
        """The reason the element must stay, or None."""
        if self.total < _MIN_PAGE_PARA_WORDS:
            return None
        mine = self._para_words(el)
        if not mine:
            return None
        if mine >= MAIN_TEXT_SHARE * self.total:
            return f"holds {mine / self.total:.0%} of the page's paragraph words"
        if self._h1 is None:
            self._h1 = list(self.root.iter("h1"))
        if len(self._h1) == 1 and any(a is el for a in self._h1[0].iterancestors()):
            return "holds the page's headline and its paragraphs"
        return None


def apply_html_rules(tree: etree._Element, rules: Sequence[Rule]) -> Pruned:
    """Remove the elements the rules select (outermost only; tails kept), returning a Removal each.

    Guards, so that a class such as ``recent-news`` or ``share-story`` on the article's own
    wrapper cannot take the article: an element is kept (and reported as a candidate) when it
    holds 25% or more of the page's paragraph words or the page's <h1> with a paragraph; on
    pages without paragraph markup, when it holds 40% or more of the page's visible text.
    """
    if not rules:
        return Pruned([], [])
    removals: list[Removal] = []
    held: list[Removal] = []
    root = tree.getroottree().getroot()
    main = _MainText(root)
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
            why = None
        else:
            # the text outside scripts and styles, whose length is _visible_len(el): one pass
            visible = "".join(_TEXT_XP(el))
            raw_len = len(visible)
            why = main.why_held(el) if raw_len > _GUARD_MIN_CHARS else None
        if why is None and raw_len > _GUARD_MIN_CHARS and main.total < _MIN_PAGE_PARA_WORDS:
            if page_len is None:
                page_len = _visible_len(root)
            if raw_len > _GUARD_SHARE * page_len:
                why = f"holds {raw_len / max(1, page_len):.0%} of the page's visible text"
        if not raw_len:
            text = ""
        else:
            text = " ".join((visible if visible is not None else "".join(_TEXT_XP(el))).split())
        if len(text) > MAX_REMOVAL_TEXT:
            text = text[:MAX_REMOVAL_TEXT] + "…"
        if why is not None:
            if not any(h.rule == rule.id and h.text == text for h in held):
                held.append(_removal(rule, css, text, f"Kept by {GUARD_ID}: the element {why}. ({rule.reason})"))
            continue
        drop(el)
        dropped.add(el)
        removals.append(_removal(rule, css, text, rule.reason))
    return Pruned(removals, held)


def _removal(rule: Rule, css: str, text: str, reason: str) -> Removal:
    return Removal(
        rule=rule.id,
        category=rule.category,
        reason=reason,
        source=rule.source,
        text=text,
        confidence=rule.confidence,
        stage="html",
        selector=css,
    )


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
