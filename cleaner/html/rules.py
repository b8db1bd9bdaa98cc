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

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit

import yaml
from cssselect import HTMLTranslator, SelectorError, parse
from lxml import etree

from cleaner.errors import RuleFileError

_TRANSLATOR = HTMLTranslator()
_RULE_KEYS = {"id", "category", "reason", "doc", "languages", "scope", "selectors", "confidence", "examples", "site"}
_FILE_KEYS = {"category", "site", "rules", "doc", "languages"}


@dataclass(frozen=True)
class CompiledSelector:
    css: str
    xpath: str  # full expression, evaluated from the document root
    predicate: str | None  # "self" test usable inside one merged scan; None for combinators


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
    predicate: str | None = None
    if not expr.path:
        parts = []
        if expr.element and expr.element != "*":
            parts.append(f"self::{expr.element}")
        if expr.condition:
            parts.append(f"({expr.condition})")
        predicate = " and ".join(parts) or "true()"
    try:
        etree.XPath(full)
        if predicate:
            etree.XPath(f"self::*[{predicate}]")
    except etree.XPathSyntaxError as err:  # pragma: no cover - cssselect output is valid
        raise ValueError(f"selector {css!r} gave invalid XPath: {err}") from None
    return CompiledSelector(css, full, predicate)


def _req_str(path: Path, d: dict[str, Any], key: str, rule_id: str | None, default: str | None = None) -> str:
    v = d.get(key, default)
    if not isinstance(v, str) or not v.strip():
        raise RuleFileError(path, "must be a non-empty string", rule_id, key)
    return v.strip()


def _str_list(path: Path, v: Any, rule_id: str | None, key: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise RuleFileError(path, "must be a list of strings", rule_id, key)
    return tuple(v)


def load_rule_file(path: str | Path) -> list[HtmlRule]:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise RuleFileError(path, f"cannot read: {err.strerror or err}") from None
    except yaml.YAMLError as err:
        msg = " ".join(str(err).split())
        raise RuleFileError(path, f"invalid YAML: {msg}") from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise RuleFileError(path, "top level must be a mapping with a 'rules' list")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise RuleFileError(path, f"unknown key(s): {', '.join(sorted(unknown))}", key=sorted(unknown)[0])
    default_cat = data.get("category")
    if default_cat is not None and not isinstance(default_cat, str):
        raise RuleFileError(path, "must be a string", key="category")
    site = data.get("site")
    if site is not None and (not isinstance(site, str) or not site.strip()):
        raise RuleFileError(path, "must be a domain name", key="site")
    if site is None and path.parent.name == "sites":
        site = path.stem
    site = site.strip().lower().removeprefix("www.") if site else None
    rules_data = data.get("rules")
    if not isinstance(rules_data, list):
        raise RuleFileError(path, "must be a list of rules", key="rules")
    out: list[HtmlRule] = []
    seen: set[str] = set()
    for i, r in enumerate(rules_data):
        if not isinstance(r, dict):
            raise RuleFileError(path, f"rule #{i + 1} must be a mapping", key="rules")
        rid = r.get("id")
        if not isinstance(rid, str) or not rid.strip():
            raise RuleFileError(path, f"rule #{i + 1} needs a string id", key="id")
        rid = rid.strip()
        if rid in seen:
            raise RuleFileError(path, "duplicate rule id", rid, "id")
        seen.add(rid)
        unknown = set(r) - _RULE_KEYS
        if unknown:
            raise RuleFileError(path, f"unknown key(s): {', '.join(sorted(unknown))}", rid, sorted(unknown)[0])
        category = _req_str(path, r, "category", rid, default_cat)
        reason = _req_str(path, r, "reason", rid)
        doc = r.get("doc") or ""
        if not isinstance(doc, str):
            raise RuleFileError(path, "must be a string", rid, "doc")
        scope = r.get("scope", "element")
        if scope != "element":
            raise RuleFileError(path, f"HTML rules have scope 'element', not {scope!r}", rid, "scope")
        selectors = _str_list(path, r.get("selectors"), rid, "selectors")
        if not selectors:
            raise RuleFileError(path, "must list at least one CSS selector", rid, "selectors")
        compiled = []
        for css in selectors:
            try:
                compiled.append(compile_selector(css))
            except ValueError as err:
                raise RuleFileError(path, str(err), rid, "selectors") from None
        conf = r.get("confidence", 0.9)
        if isinstance(conf, bool) or not isinstance(conf, (int, float)) or not 0.0 <= float(conf) <= 1.0:
            raise RuleFileError(path, "must be a number between 0 and 1", rid, "confidence")
        langs = _str_list(path, r.get("languages"), rid, "languages")
        ex = r.get("examples") or {}
        if not isinstance(ex, dict) or set(ex) - {"strip", "keep"}:
            raise RuleFileError(path, "must be a mapping with 'strip' and/or 'keep' lists", rid, "examples")
        r_site = r.get("site", site)
        out.append(
            HtmlRule(
                id=rid,
                category=category,
                reason=reason,
                source=str(path),
                selectors=selectors,
                compiled=tuple(compiled),
                confidence=float(conf),
                site=r_site.strip().lower().removeprefix("www.") if isinstance(r_site, str) and r_site else None,
                examples_strip=_str_list(path, ex.get("strip"), rid, "examples.strip"),
                examples_keep=_str_list(path, ex.get("keep"), rid, "examples.keep"),
                doc=doc.strip(),
                languages=langs,
            )
        )
    return out


def load_html_rules(paths: Iterable[str | Path]) -> list[HtmlRule]:
    """Load rule files and folders (``*.yaml``/``*.yml`` inside, sorted); a later id replaces an earlier one."""
    by_id: dict[str, HtmlRule] = {}
    for p in paths:
        p = Path(p)
        files = sorted([*p.glob("*.yaml"), *p.glob("*.yml")]) if p.is_dir() else [p]
        for f in files:
            for rule in load_rule_file(f):
                by_id.pop(rule.id, None)
                by_id[rule.id] = rule
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
    scan: etree.XPath | None  # one pass for all compound selectors
    tests: tuple[tuple[HtmlRule, CompiledSelector, etree.XPath], ...]  # per-selector self tests
    full: tuple[tuple[HtmlRule, CompiledSelector, etree.XPath], ...]  # combinator selectors


@lru_cache(maxsize=64)
def _matcher(rules: tuple[HtmlRule, ...]) -> _Matcher:
    preds: list[str] = []
    tests = []
    full = []
    for rule in rules:
        for cs in rule.compiled:
            if cs.predicate is not None:
                preds.append(f"({cs.predicate})")
                tests.append((rule, cs, etree.XPath(f"self::*[{cs.predicate}]")))
            else:
                full.append((rule, cs, etree.XPath(cs.xpath)))
    scan = etree.XPath("//*[" + " or ".join(preds) + "]") if preds else None
    return _Matcher(scan, tuple(tests), tuple(full))


def match(tree: etree._Element, rules: Sequence[HtmlRule]) -> list[tuple[etree._Element, HtmlRule, str]]:
    """Elements the rules select, in document order, each with the first rule and selector matching it."""
    m = _matcher(tuple(rules))
    found: dict[etree._Element, tuple[HtmlRule, str]] = {}
    if m.scan is not None:
        for el in m.scan(tree):
            for rule, cs, test in m.tests:
                if test(el):
                    found[el] = (rule, cs.css)
                    break
    for rule, cs, xp in m.full:
        for el in xp(tree):
            if isinstance(el, etree._Element) and el not in found:
                found[el] = (rule, cs.css)
    if m.full and m.scan is not None:
        # restore document order across the two sources
        order = {e: i for i, e in enumerate(tree.iter())}
        items = sorted(found.items(), key=lambda kv: order.get(kv[0], 0))
    else:
        items = list(found.items())
    return [(el, rule, css) for el, (rule, css) in items]


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
