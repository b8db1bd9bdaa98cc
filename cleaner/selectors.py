"""CSS selectors of HTML rules, translated once to XPath.

A compound selector (no combinator, no pseudo-class) also gets a simple form, a tag and a list of
attribute conditions, that the HTML matcher (:mod:`cleaner.html.matcher`) tests in Python during
one walk over the page; the others are evaluated by XPath on their own. The rulebook compiles each
rule's selectors here once, at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cssselect import HTMLTranslator, SelectorError, parse
from lxml import etree

_TRANSLATOR = HTMLTranslator()


Cond = tuple[str, str, str]  # (attribute, operator, value); operator as in CSS, or "exists"


@dataclass(frozen=True)
class CompiledSelector:
    css: str
    xpath: str  # full expression, evaluated from the document root
    # compound selector as (tag or None, conditions), tested in Python during one tree walk;
    # None for selectors with combinators or pseudo-classes (evaluated by XPath on their own)
    simple: tuple[str | None, tuple[Cond, ...]] | None


def _simple_form(tree: Any) -> tuple[str | None, tuple[Cond, ...]] | None:
    conds: list[Cond] = []
    node = tree
    while True:
        kind = type(node).__name__
        if kind == "Element":
            if node.namespace:
                return None
            tag = None if node.element in (None, "*") else node.element.lower()
            return tag, tuple(reversed(conds))
        if kind == "Class":
            conds.append(("class", "~=", node.class_name))
        elif kind == "Hash":
            conds.append(("id", "=", node.id))
        elif kind == "Attrib":
            if node.namespace or getattr(node, "flag", None):
                return None
            value = node.value.value if node.value is not None and hasattr(node.value, "value") else node.value
            conds.append((node.attrib.lower(), node.operator, value or ""))
        else:
            return None
        node = node.selector


def cond_ok(v: str | None, op: str, value: str) -> bool:
    if v is None:
        return False
    if op == "exists":
        return True
    if op == "=":
        return v == value
    if op == "~=":
        return bool(value) and value in v.split()
    if op == "*=":
        return bool(value) and value in v
    if op == "^=":
        return bool(value) and v.startswith(value)
    if op == "$=":
        return bool(value) and v.endswith(value)
    if op == "|=":
        return v == value or v.startswith(value + "-")
    return False  # "!=" and unknown operators are not supported in the fast path


def prefilter(op: str, value: str) -> str | None:
    """A literal that any value satisfying (op, value) contains; None when every value may."""
    if op == "exists" or op not in ("=", "~=", "*=", "^=", "$=", "|=") or not value:
        return None
    return value


@lru_cache(maxsize=4096)
def compile_selector(css: str) -> CompiledSelector:
    """Translate one CSS selector; raises ValueError with a readable message when invalid."""
    try:
        parsed = parse(css)
    except SelectorError as err:
        raise ValueError(f"invalid CSS selector {css!r}: {err}") from None
    if len(parsed) != 1:
        raise ValueError(f"one selector per entry, got {len(parsed)} in {css!r}")
    sel = parsed[0]
    if sel.pseudo_element:
        raise ValueError(f"pseudo-elements are not supported: {css!r}")
    try:
        expr = _TRANSLATOR.xpath(sel.parsed_tree)
        full = _TRANSLATOR.selector_to_xpath(sel, prefix="descendant-or-self::")
    except Exception as err:  # cssselect raises ExpressionError for unsupported pseudo-classes
        raise ValueError(f"unsupported CSS selector {css!r}: {err}") from None
    simple = None if expr.path else _simple_form(sel.parsed_tree)
    if simple is not None and any(op not in ("exists", "=", "~=", "*=", "^=", "$=", "|=") for _, op, _ in simple[1]):
        simple = None
    try:
        etree.XPath(full)
    except etree.XPathSyntaxError as err:  # pragma: no cover - cssselect output is valid
        raise ValueError(f"selector {css!r} gave invalid XPath: {err}") from None
    return CompiledSelector(css, full, simple)
