"""Matching HTML rules against a page: every rule's selectors in one walk over the tree.

Compound selectors are indexed by the attribute of their first condition: for each distinct
attribute value of a page, one trie-shaped regex finds the selectors whose literal the value
holds; the exact CSS semantics are then checked in rule order, so an element gets the first rule
(in rule order) that selects it. Selectors with combinators are evaluated by XPath on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from cleaner.rulebook import Rule
from cleaner.selectors import Cond, cond_ok, prefilter
from cleaner.text import trie_regex


@dataclass(frozen=True)
class _Matcher:
    # attribute -> one regex that every value some selector wants matches (a cheap first test)
    attr_filters: tuple[tuple[str, re.Pattern[str] | None], ...]
    # attribute -> selectors whose first condition is on it: (order, literal or None, entry)
    by_attr: dict[str, tuple[tuple[int, str | None, tuple], ...]]
    by_tag: dict[str, tuple[tuple[int, tuple], ...]]  # selectors with a tag and no condition
    any_tag: tuple[tuple[int, tuple], ...]  # selectors with neither (``*``)
    simple: tuple[tuple[Rule, str, str | None, tuple[Cond, ...]], ...]
    full: tuple[tuple[Rule, str, etree.XPath], ...]  # combinator selectors
    # attribute -> (regex finding where a literal may start, first character -> literals,
    # literal -> its (order, entry) pairs); None for an attribute some selector only needs present
    literal_index: dict[str, tuple[re.Pattern[str], dict[str, tuple[str, ...]], dict[str, tuple]] | None]
    # attribute -> {value: the (order, entry) pairs worth testing for it, () when none}; kept across
    # pages (a site repeats its class names), cleared when large
    value_cache: dict[str, dict[str, tuple[tuple[int, tuple], ...]]] = field(default_factory=dict)


_MATCHERS: dict[tuple[int, ...], tuple[tuple[Rule, ...], _Matcher]] = {}
_VALUE_CACHE_MAX = 50_000


def _matcher(rules: tuple[Rule, ...]) -> _Matcher:
    """The compiled matcher for a rule set, built once (keyed by the rules' identities)."""
    key = tuple(map(id, rules))
    hit = _MATCHERS.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], rules, strict=True)):
        return hit[1]
    m = _build_matcher(rules)
    if len(_MATCHERS) > 64:
        _MATCHERS.clear()
    _MATCHERS[key] = (rules, m)
    return m


def _build_matcher(rules: tuple[Rule, ...]) -> _Matcher:
    by_attr: dict[str, list[tuple[int, str | None, tuple]]] = {}
    by_tag: dict[str, list[tuple[int, tuple]]] = {}
    any_tag: list[tuple[int, tuple]] = []
    simple = []
    full = []
    for rule in rules:
        for cs in rule.compiled:
            if cs.simple is None:
                full.append((rule, cs.css, etree.XPath(cs.xpath)))
                continue
            tag, conds = cs.simple
            entry = (rule, cs.css, tag, conds)
            order = len(simple)
            simple.append(entry)
            if not conds:
                (any_tag if tag is None else by_tag.setdefault(tag, [])).append((order, entry))
                continue
            # the first condition finds candidates; the rest are checked exactly
            attr, op, value = conds[0]
            by_attr.setdefault(attr, []).append((order, prefilter(op, value), entry))
    filters = []
    index: dict[str, Any] = {}
    for attr, entries in by_attr.items():
        lits = [lit for _, lit, _ in entries]
        if any(lit is None for lit in lits):
            filters.append((attr, None))
            index[attr] = None
        else:
            trie = trie_regex(set(lits))  # type: ignore[arg-type]
            filters.append((attr, re.compile(trie)))
            first: dict[str, list[str]] = {}
            for lit in sorted(set(lits)):  # type: ignore[type-var]
                first.setdefault(lit[0], []).append(lit)  # type: ignore[index]
            by_lit: dict[str, list[tuple[int, tuple]]] = {}
            for order, lit, entry in entries:
                by_lit.setdefault(lit, []).append((order, entry))  # type: ignore[arg-type]
            index[attr] = (
                re.compile(f"(?=(?:{trie}))"),
                {c: tuple(v) for c, v in first.items()},
                {lit: tuple(v) for lit, v in by_lit.items()},
            )
    return _Matcher(
        tuple(filters),
        {a: tuple(v) for a, v in by_attr.items()},
        {t: tuple(v) for t, v in by_tag.items()},
        tuple(any_tag),
        tuple(simple),
        tuple(full),
        index,
    )


def _entry_ok(el: etree._Element, entry: tuple) -> bool:
    _rule, _css, want_tag, conds = entry
    if want_tag is not None and want_tag != el.tag:
        return False
    for a, op, v in conds:
        if not cond_ok(el.get(a), op, v):
            return False
    return True


def _value_entries(m: _Matcher, attr: str, v: str) -> tuple[tuple[int, tuple], ...]:
    """The selectors on ``attr`` whose literal the value holds (all of them for a literal-less
    one), in rule order: () exactly when the attribute's regex rejects the value."""
    idx = m.literal_index[attr]
    if idx is None:
        return tuple((order, entry) for order, lit, entry in m.by_attr[attr] if lit is None or lit in v)
    starts, first, by_lit = idx
    present = set()
    for hit in starts.finditer(v):
        p = hit.start()
        for lit in first.get(v[p], ()):
            if v.startswith(lit, p):
                present.add(lit)
    if not present:
        return ()
    if len(present) == 1:
        return by_lit[present.pop()]
    return tuple(sorted((pair for lit in present for pair in by_lit[lit]), key=_order))


def _order(pair: tuple[int, tuple]) -> int:
    return pair[0]


def _first_rule(m: _Matcher, el: etree._Element, attrs: list[tuple[tuple[int, tuple], ...]]) -> tuple[Rule, str] | None:
    """The first selector (in rule order) the element satisfies; ``attrs`` holds, per attribute
    that passed its filter, the selectors on it worth testing."""
    best: tuple[int, tuple] | None = None
    for entries in attrs:
        for order, entry in entries:
            if best is not None and order >= best[0]:
                break
            if _entry_ok(el, entry):
                best = (order, entry)
                break
    for order, entry in m.by_tag.get(el.tag, ()) + m.any_tag:
        if best is None or order < best[0]:
            best = (order, entry)
            break
    if best is None:
        return None
    return best[1][0], best[1][1]


def iter_matches(tree: etree._Element, rules: Sequence[Rule]):
    """Yield (element, rule, selector) for elements the rules select, in document order.

    One walk over the tree tests every compound selector (for each attribute value, the
    selectors whose literal it holds, found once per distinct value, then the exact CSS
    semantics); selectors with combinators are evaluated by XPath.
    """
    m = _matcher(tuple(rules))
    extra: dict[etree._Element, tuple[Rule, str]] = {}
    for rule, css, xp in m.full:
        for el in xp(tree):
            if isinstance(el, etree._Element) and el not in extra:
                extra[el] = (rule, css)
    if not m.simple:
        if extra:
            order = {e: i for i, e in enumerate(tree.iter())}
            for el, (rule, css) in sorted(extra.items(), key=lambda kv: order.get(kv[0], 0)):
                yield el, rule, css
        return
    caches = m.value_cache
    if sum(map(len, caches.values())) > _VALUE_CACHE_MAX:
        caches.clear()
    for attr, _ in m.attr_filters:
        caches.setdefault(attr, {})
    by_tag = m.by_tag
    any_tag = bool(m.any_tag)
    memo: dict = {}
    for el in tree.iter(etree.Element):
        attrs = None
        items = el.items()
        for key, v in items:
            cache = caches.get(key)
            if cache is not None:
                entries = cache.get(v)
                if entries is None:
                    entries = cache[v] = _value_entries(m, key, v)
                if entries:
                    if attrs is None:
                        attrs = [entries]
                    else:
                        attrs.append(entries)
        if attrs is None:
            if not (any_tag or el.tag in by_tag):
                if extra and el in extra:
                    rule, css = extra[el]
                    yield el, rule, css
                continue
            attrs = []
        # a page repeats the same element (menu items, share buttons): decide each shape once
        key = (el.tag, tuple(items))
        found = memo.get(key, memo)
        if found is memo:
            found = _first_rule(m, el, attrs)
            memo[key] = found
        if found is None and extra:
            found = extra.get(el)
        if found is not None:
            yield el, found[0], found[1]


def match(tree: etree._Element, rules: Sequence[Rule]) -> list[tuple[etree._Element, Rule, str]]:
    """Every element the rules select (nested ones included), in document order."""
    return list(iter_matches(tree, rules))
