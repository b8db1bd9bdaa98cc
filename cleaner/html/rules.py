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

HTML rules are rulebook rules with ``selectors`` (one loader, one validation): the selectors are
compiled at load (:mod:`cleaner.selectors`) and matched by :mod:`cleaner.html.matcher`. HTML rules
run before the language is known, so they take no ``languages``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from cleaner.html.matcher import iter_matches, match
from cleaner.rulebook import Rule, load_file, rule_files, shipped_rules_dir
from cleaner.selectors import compile_selector
from cleaner.sites import host_matches, url_host

__all__ = [
    "compile_selector",
    "default_rule_paths",
    "example_matches",
    "selected_by",
    "host_matches",
    "iter_matches",
    "load_html_rules",
    "match",
    "rules_for_url",
]


def load_html_rules(paths: Iterable[str | Path]) -> list[Rule]:
    """The HTML rules of rule files and folders, read by the rulebook's loader; a later id replaces
    an earlier one."""
    by_id: dict[str, Rule] = {}
    for p in paths:
        p = Path(p)
        for f in rule_files(p) if p.is_dir() else [p]:
            rules, _ = load_file(f)
            for rule in rules:
                if rule.stage == "html":
                    by_id.pop(rule.id, None)
                    by_id[rule.id] = rule
    return list(by_id.values())


def default_rule_paths() -> list[Path]:
    """The shipped HTML rule folders (``html`` and ``sites`` of the rules bundled with the package)."""
    root = shipped_rules_dir()
    return [root / "html", root / "sites"]


def rules_for_url(rules: Sequence[Rule], url: str | None) -> list[Rule]:
    """Generic rules plus the site packs matching the URL's host or one of its parents."""
    host = url_host(url)
    return [r for r in rules if r.site is None or host_matches(r.site, host)]


def example_matches(rule: Rule, snippet: str) -> bool:
    """True when the rule selects an element of the snippet: what ``examples.strip`` asserts and
    ``examples.keep`` denies (as for text rules: the rule, alone, removes something from it)."""
    return bool(selected_by(rule, snippet))


def selected_by(rule: Rule, snippet: str) -> set[str]:
    """The selectors of the rule that select some element of the snippet."""
    frag = lxml_html.fragment_fromstring(f"<div id='cleaner-example-root'>{snippet}</div>")
    return {cs.css for cs in rule.compiled if any(el is not frag for el in etree.XPath(cs.xpath)(frag))}
