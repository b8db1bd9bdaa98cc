"""The self-contained HTML page: template, stylesheet and script from package data, data as JSON.

Safe by construction: the data travels as JSON inside ``<script type="application/json">``
with every ``<``, ``>`` and ``&`` escaped (so no ``</script>`` or ``<!--`` can end or bend the
block), the script draws it with ``textContent`` only, and a Content-Security-Policy allows
nothing but the page's own stylesheet and script (by hash): no remote loads, no inline event
handlers, no ``eval``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from cleaner import __version__
from cleaner.report.article import ArticleData
from cleaner.report.charts import rule_bars, share_histogram
from cleaner.report.corpus import CorpusData

CHUNK = 200  # articles per lazily parsed JSON block
PALETTE = (
    "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#ad494a",
)  # fmt: skip
_SLOT = re.compile(r"\{\{([A-Z]+)\}\}")


@cache
def _asset(name: str) -> str:
    return resources.files("cleaner.report").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def json_for_script(value: Any) -> str:
    """JSON that cannot end its ``<script>`` block: ``<``, ``>`` and ``&`` as ``\\u`` escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class _Registry:
    """Interned rules, reasons and categories shared by every article of a page."""

    cats: list[str] = field(default_factory=list)
    rules: list[list[Any]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    _cat: dict[str, int] = field(default_factory=dict)
    _rule: dict[str, int] = field(default_factory=dict)
    _reason: dict[str, int] = field(default_factory=dict)

    def cat(self, name: str) -> int:
        if name not in self._cat:
            self._cat[name] = len(self.cats)
            self.cats.append(name)
        return self._cat[name]

    def rule(self, rule: str, category: str, source: str) -> int:
        if rule not in self._rule:
            self._rule[rule] = len(self.rules)
            self.rules.append([rule, self.cat(category), source])
        return self._rule[rule]

    def reason(self, text: str) -> int:
        if text not in self._reason:
            self._reason[text] = len(self.reasons)
            self.reasons.append(text)
        return self._reason[text]

    def colour(self, cat: int) -> str:
        return PALETTE[cat % len(PALETTE)]

    def css(self) -> str:
        return "".join(f".c{i}{{--c:{self.colour(i)}}}" for i in range(len(self.cats)))


def _article_payload(art: ArticleData, reg: _Registry) -> dict[str, Any]:
    removed, total = art.tokens()
    return {
        "id": art.id,
        "url": art.url,
        "lang": art.lang,
        "kind": art.kind,
        "placement": art.placement,
        "notes": list(art.notes),
        "error": art.error,
        "clean": art.clean,
        "ops": list(art.ops),
        "items": [
            [
                reg.rule(i.rule, i.category, i.source),
                reg.reason(i.reason),
                round(i.confidence, 3),
                i.stage,
                i.text,
                1 if i.candidate else 0,
                i.selector,
            ]
            for i in art.items
        ],
        "tok": [removed, total],
        "html": [art.html.page_words, art.html.extracted_words, art.html.rule_elements] if art.html else None,
    }


def _page(title: str, subtitle: str, data: dict[str, Any], reg: _Registry, charts: str = "", chunks: str = "") -> str:
    style = _asset("report.css") + reg.css()
    script = _asset("report.js")
    data.update(cats=reg.cats, rules=reg.rules, reasons=reg.reasons)
    csp = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    slots = {
        "CSP": escape(csp),
        "VERSION": escape(__version__),
        "TITLE": escape(title),
        "SUBTITLE": escape(subtitle),
        "STYLE": style,
        "SCRIPT": script,
        "CHARTS": charts,
        "CHUNKS": chunks,
        "DATA": json_for_script(data),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("report.html"))  # one pass: inserted text is not rescanned


def article_page(art: ArticleData, *, title: str | None = None) -> str:
    """The article view: raw with removals in place, clean text beside it, the list of removals."""
    reg = _Registry()
    payload = _article_payload(art, reg)
    sub = f"{len(art.removals)} removals, {len(art.items) - len(art.removals)} candidates; placement {art.placement}"
    return _page(title or f"cleaner report: {art.id}", sub, {"mode": "article", "article": payload}, reg)


def corpus_page(corpus: CorpusData, *, title: str = "cleaner report", source: str = "") -> str:
    """The corpus view; each document's article view is drawn on demand from lazily parsed chunks."""
    reg = _Registry()
    for cat in sorted(corpus.categories):  # stable colours: categories in name order
        reg.cat(cat)
    arts = [_article_payload(a, reg) for a in corpus.articles]
    rule_rows = [
        [reg.rule(r, corpus.rule_category[r], _source(corpus, r)), c.removals, c.docs, c.tokens]
        for r, c in sorted(corpus.rules.items())
    ]
    cat_rows = [[reg.cat(k), c.removals, c.docs, c.tokens] for k, c in sorted(corpus.categories.items())]
    docs = [
        [
            d.id,
            d.site,
            d.lang,
            d.removals,
            d.candidates,
            d.tokens_removed,
            d.tokens,
            1 if d.placement != "exact" else 0,
            d.error,
        ]
        for d in corpus.docs
    ]
    samples = [
        [reg._rule[r], [[s.doc, s.before, s.text, s.after] for s in corpus.samples(r)]] for r in sorted(corpus.rules)
    ]
    totals = {
        "documents": len(corpus.docs),
        "touched": sum(1 for d in corpus.docs if d.removals),
        "removals": corpus.removals_total,
        "candidates": corpus.candidates,
        "tokens_removed": corpus.tokens_removed,
        "tokens": corpus.tokens_total,
        "errors": sum(1 for d in corpus.docs if d.error),
        "approximate": sum(1 for d in corpus.docs if d.placement != "exact"),
    }
    data = {
        "mode": "corpus",
        "totals": totals,
        "ruleRows": rule_rows,
        "catRows": cat_rows,
        "siteRows": [[k, *v] for k, v in sorted(corpus.sites.items())],
        "langRows": [[k, *v] for k, v in sorted(corpus.langs.items())],
        "samples": samples,
        "docs": docs,
        "chunk": CHUNK,
    }
    charts = (
        "<figure><figcaption>Removals per rule</figcaption>"
        + rule_bars([(r, c.removals, reg.colour(reg.cat(corpus.rule_category[r]))) for r, c in corpus.rules.items()])
        + "</figure><figure><figcaption>Removed share of tokens per document</figcaption>"
        + share_histogram([d.share for d in corpus.docs])
        + "</figure>"
    )
    chunks = "\n".join(
        f'<script type="application/json" id="articles-{i // CHUNK}">{json_for_script(arts[i : i + CHUNK])}</script>'
        for i in range(0, len(arts), CHUNK)
    )
    sub = f"{len(corpus.docs)} documents" + (f" from {source}" if source else "")
    return _page(title, sub, data, reg, charts, chunks)


def _source(corpus: CorpusData, rule: str) -> str:
    for doc, j in corpus.occurrences.get(rule, [])[:1]:
        return corpus.articles[doc].items[j].source
    return ""
