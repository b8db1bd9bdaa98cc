"""A corpus run's view data: totals, counts per rule, category, site and language, samples, documents.

Built in one pass over the articles (batch output lines or a folder run); only the counts and the
articles' compact view data are kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaner.report.article import _TOKEN, ArticleData

SAMPLES_PER_RULE = 5
CONTEXT = 80  # code points of context on each side of a sampled removal


@dataclass
class _Count:
    """Mutable while counting; frozen into rows at the end."""

    removals: int = 0
    docs: int = 0
    tokens: int = 0


@dataclass(frozen=True)
class DocRow:
    index: int
    id: str
    site: str
    lang: str
    kind: str
    removals: int
    candidates: int
    tokens_removed: int
    tokens: int
    placement: str
    error: str | None

    @property
    def share(self) -> float:
        return self.tokens_removed / self.tokens if self.tokens else 0.0


@dataclass(frozen=True)
class Sample:
    doc: int
    before: str
    text: str
    after: str


@dataclass
class CorpusData:
    """Counts of a corpus run; ``add`` one article at a time, then read the tables."""

    docs: list[DocRow] = field(default_factory=list)
    articles: list[ArticleData] = field(default_factory=list)
    rules: dict[str, _Count] = field(default_factory=lambda: defaultdict(_Count))
    rule_category: dict[str, str] = field(default_factory=dict)
    categories: dict[str, _Count] = field(default_factory=lambda: defaultdict(_Count))
    sites: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0, 0]))
    langs: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0, 0]))
    occurrences: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    candidates: int = 0

    def add(self, art: ArticleData) -> None:
        index = len(self.docs)
        removed, total = art.tokens()
        rems = art.removals
        self.candidates += len(art.items) - len(rems)
        per_rule: Counter[str] = Counter()
        per_rule_tokens: Counter[str] = Counter()
        for j, item in enumerate(art.items):
            if item.candidate:
                continue
            per_rule[item.rule] += 1
            per_rule_tokens[item.rule] += len(_TOKEN.findall(item.text))
            self.rule_category.setdefault(item.rule, item.category)
            self.occurrences[item.rule].append((index, j))
        per_cat: Counter[str] = Counter()
        per_cat_tokens: Counter[str] = Counter()
        for rule, n in per_rule.items():
            c = self.rules[rule]
            c.removals += n
            c.docs += 1
            c.tokens += per_rule_tokens[rule]
            cat = self.rule_category[rule]
            per_cat[cat] += n
            per_cat_tokens[cat] += per_rule_tokens[rule]
        for cat, n in per_cat.items():
            c = self.categories[cat]
            c.removals += n
            c.docs += 1
            c.tokens += per_cat_tokens[cat]
        for table, key in ((self.sites, art.site), (self.langs, art.lang)):
            row = table[key]
            row[0] += 1
            row[1] += 1 if rems else 0
            row[2] += len(rems)
            row[3] += removed
            row[4] += total
        self.docs.append(
            DocRow(
                index,
                art.id,
                art.site,
                art.lang,
                art.kind,
                len(rems),
                len(art.items) - len(rems),
                removed,
                total,
                art.placement,
                art.error,
            )
        )
        self.articles.append(art)

    def extend(self, arts: Iterable[ArticleData]) -> CorpusData:
        for a in arts:
            self.add(a)
        return self

    # tables -----------------------------------------------------------------------------------
    @property
    def removals_total(self) -> int:
        return sum(c.removals for c in self.rules.values())

    @property
    def tokens_removed(self) -> int:
        return sum(d.tokens_removed for d in self.docs)

    @property
    def tokens_total(self) -> int:
        return sum(d.tokens for d in self.docs)

    def samples(self, rule: str, k: int = SAMPLES_PER_RULE) -> list[Sample]:
        """``k`` removals of ``rule`` spread evenly over the run (deterministic), with context."""
        occ = self.occurrences.get(rule, [])
        if not occ:
            return []
        picks = sorted({occ[(i * len(occ)) // min(k, len(occ))] for i in range(min(k, len(occ)))})
        return [self._sample(doc, j) for doc, j in picks]

    def _sample(self, doc: int, j: int) -> Sample:
        art = self.articles[doc]
        before: list[str] = []
        after: list[str] = []
        seen = False
        for op in art.ops:
            piece = (
                art.items[op].text if isinstance(op, int) else op if isinstance(op, str) else art.clean[op[0] : op[1]]
            )
            if op == j and isinstance(op, int):
                seen = True
                continue
            (after if seen else before).append(piece)
            if seen and sum(map(len, after)) >= CONTEXT:
                break
        if not seen:  # an HTML-stage removal: not in the extracted text, no context
            return Sample(doc, "", art.items[j].text, "")
        b, a = "".join(before)[-CONTEXT:], "".join(after)[:CONTEXT]
        return Sample(doc, b, art.items[j].text, a)
