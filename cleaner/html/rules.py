"""HTML rules: CSS selectors, read from YAML, compiled once to XPath.

A rule file (``rules/html/*.yaml`` generic, ``rules/sites/<domain>.yaml`` per site)::

    category: share            # optional file-level default
    site: example.com          # only in site packs
    rules:
      - id: share.widget
        reason: "A sentence for a person on why this goes."
        doc: "What it does, why it matters."
        languages: []
        scope: element
        selectors: ["[class*='share-']", "aside.related"]
        confidence: 0.9
        examples:
          strip: ["<div class='share-buttons'>Share on Facebook</div>"]
          keep:  ["<p class='shared-story'>The minister said...</p>"]

Selectors are translated with cssselect. Compound selectors (no combinator) are merged
into one XPath predicate so that a page is scanned once for all rules; selectors with
combinators (``div .x``, ``ul > li``) are evaluated on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cssselect import HTMLTranslator, SelectorError, parse
from lxml import etree

from cleaner.errors import RuleFileError

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


def _cond_ok(v: str | None, op: str, value: str) -> bool:
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


def _prefilter(op: str, value: str) -> str | None:
    """A literal that any value satisfying (op, value) contains; None when every value may."""
    if op == "exists" or op not in ("=", "~=", "*=", "^=", "$=", "|=") or not value:
        return None
    return value


def _trie_regex(words: Iterable[str]) -> str:
    """One regex for a set of literals, shaped as a trie so a search costs little per position."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        if "" in node and len(node) == 1:
            return ""
        alts = []
        end = False
        for ch in sorted(node):
            if ch == "":
                end = True
                continue
            alts.append(re.escape(ch) + build(node[ch]))
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        if end:
            # a shorter literal already ends here: it alone is enough for the prefilter
            return ""
        return body

    return build(trie)


@dataclass(frozen=True)
class HtmlRule:
    id: str
    category: str
    reason: str
    source: str  # "path/to/file.yaml" the rule came from
    selectors: tuple[str, ...]
    compiled: tuple[CompiledSelector, ...] = field(repr=False)
    confidence: float = 0.9
    site: str | None = None  # domain for site packs, None for generic rules
    examples_strip: tuple[str, ...] = ()
    examples_keep: tuple[str, ...] = ()
    doc: str = ""
    languages: tuple[str, ...] = ()

    @property
    def examples(self) -> dict[str, tuple[str, ...]]:
        return {"strip": self.examples_strip, "keep": self.examples_keep}


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


def load_html_rules(paths: Iterable[str | Path]) -> list[HtmlRule]:
    """The HTML rules of rule files and folders, read by the rulebook's loader (one loader, one
    validation); a later id replaces an earlier one."""
    from cleaner.rulebook import load_file, rule_files

    by_id: dict[str, HtmlRule] = {}
    for p in paths:
        p = Path(p)
        for f in rule_files(p) if p.is_dir() else [p]:
            rules, _ = load_file(f)
            for rule in rules:
                if rule.selectors:
                    by_id.pop(rule.id, None)
                    by_id[rule.id] = from_rulebook_rule(rule)
    return list(by_id.values())


def default_rule_paths() -> list[Path]:
    """The shipped rule folders (``rules/html`` and ``rules/sites`` at the repository root)."""
    root = Path(__file__).resolve().parents[2] / "rules"
    return [root / "html", root / "sites"]


def url_host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def host_matches(site: str, host: str | None) -> bool:
    """A site pack for ``example.com`` applies to example.com and any subdomain of it."""
    if not host:
        return False
    return host == site or host.endswith("." + site)


def rules_for_url(rules: Sequence[HtmlRule], url: str | None) -> list[HtmlRule]:
    """Generic rules plus the site packs matching the URL's host or one of its parents."""
    host = url_host(url)
    return [r for r in rules if r.site is None or host_matches(r.site, host)]


# --- matching -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Matcher:
    # attribute -> one regex that every value some selector wants matches (a cheap first test)
    attr_filters: tuple[tuple[str, re.Pattern[str] | None], ...]
    # attribute -> selectors whose first condition is on it: (order, literal or None, entry)
    by_attr: dict[str, tuple[tuple[int, str | None, tuple], ...]]
    by_tag: dict[str, tuple[tuple[int, tuple], ...]]  # selectors with a tag and no condition
    any_tag: tuple[tuple[int, tuple], ...]  # selectors with neither (``*``)
    simple: tuple[tuple[HtmlRule, str, str | None, tuple[Cond, ...]], ...]
    full: tuple[tuple[HtmlRule, str, etree.XPath], ...]  # combinator selectors
    # attribute -> (regex finding where a literal may start, first character -> literals,
    # literal -> its (order, entry) pairs); None for an attribute some selector only needs present
    literal_index: dict[str, tuple[re.Pattern[str], dict[str, tuple[str, ...]], dict[str, tuple]] | None]
    # attribute -> {value: the (order, entry) pairs worth testing for it, () when none}; kept across
    # pages (a site repeats its class names), cleared when large
    value_cache: dict[str, dict[str, tuple[tuple[int, tuple], ...]]] = field(default_factory=dict)


_MATCHERS: dict[tuple[int, ...], tuple[tuple[HtmlRule, ...], _Matcher]] = {}
_VALUE_CACHE_MAX = 50_000


def _matcher(rules: tuple[HtmlRule, ...]) -> _Matcher:
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


def _build_matcher(rules: tuple[HtmlRule, ...]) -> _Matcher:
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
            by_attr.setdefault(attr, []).append((order, _prefilter(op, value), entry))
    filters = []
    index: dict[str, Any] = {}
    for attr, entries in by_attr.items():
        lits = [lit for _, lit, _ in entries]
        if any(lit is None for lit in lits):
            filters.append((attr, None))
            index[attr] = None
        else:
            trie = _trie_regex(set(lits))  # type: ignore[arg-type]
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
        if not _cond_ok(el.get(a), op, v):
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


def _first_rule(
    m: _Matcher, el: etree._Element, attrs: list[tuple[tuple[int, tuple], ...]]
) -> tuple[HtmlRule, str] | None:
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


def iter_matches(tree: etree._Element, rules: Sequence[HtmlRule]):
    """Yield (element, rule, selector) for elements the rules select, in document order.

    One walk over the tree tests every compound selector (for each attribute value, the
    selectors whose literal it holds, found once per distinct value, then the exact CSS
    semantics); selectors with combinators are evaluated by XPath.
    """
    m = _matcher(tuple(rules))
    extra: dict[etree._Element, tuple[HtmlRule, str]] = {}
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


def match(tree: etree._Element, rules: Sequence[HtmlRule]) -> list[tuple[etree._Element, HtmlRule, str]]:
    """Every element the rules select (nested ones included), in document order."""
    return list(iter_matches(tree, rules))


def example_matches(rule: HtmlRule, snippet: str) -> bool:
    """True when the rule selects the snippet's outermost element (what ``examples.strip`` asserts)."""
    from lxml import html as lxml_html

    frag = lxml_html.fragment_fromstring(f"<div id='cleaner-example-root'>{snippet}</div>")
    targets = [el for el in frag if isinstance(el.tag, str)]
    if not targets:
        return False
    outer = targets[0]
    for cs in rule.compiled:
        if outer in etree.XPath(cs.xpath)(frag):
            return True
    return False


def from_rulebook_rule(rule: Any) -> HtmlRule:
    """Convert one of the rulebook's HTML-stage rules (it has ``selectors``) to an HtmlRule."""
    compiled = []
    for css in rule.selectors:
        try:
            compiled.append(compile_selector(css))
        except ValueError as err:
            raise RuleFileError(getattr(rule, "path", "?"), str(err), rule.id, "selectors") from None
    site = getattr(rule, "site", None)
    return HtmlRule(
        id=rule.id,
        category=rule.category,
        reason=rule.reason,
        source=str(getattr(rule, "source", getattr(rule, "path", ""))),
        selectors=tuple(rule.selectors),
        compiled=tuple(compiled),
        confidence=float(rule.confidence),
        site=site.strip().lower().removeprefix("www.") if isinstance(site, str) and site.strip() else None,
        examples_strip=tuple(getattr(rule, "examples_strip", ())),
        examples_keep=tuple(getattr(rule, "examples_keep", ())),
        doc=getattr(rule, "doc", "") or "",
        languages=tuple(getattr(rule, "languages", ())),
    )


def html_rules_from_rulebook(rulebook: Any, config: Any = None) -> list[HtmlRule]:
    """The rulebook's HTML rules (already selected by id) as compiled HtmlRules."""
    return [from_rulebook_rule(r) for r in rulebook.html_rules()]
