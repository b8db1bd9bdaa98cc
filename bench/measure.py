"""The AEB-style extraction measure, reusable by bench scripts and tests.

Tokens are ``\\w+`` runs; a page's text becomes a bag (multiset) of 4-token shingles.
Per page, true positives, false positives and false negatives are counted against the
truth and normalised to sum to 1; precision and recall are averaged over pages and F1 is
taken from the two averages. Accuracy is the share of pages whose token sequence equals
the truth's exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
N = 4


def tokens(text: str | None) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(toks: list[str], n: int = N) -> Counter:
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if self.fp == 0 else 0.0)


def score(pred: str | None, truth: str | None) -> PageScore:
    """Score one page; tp/fp/fn are normalised to sum to 1 (all 0 when both are empty)."""
    pt, tt = tokens(pred), tokens(truth)
    ps, ts = shingles(pt), shingles(tt)
    tp = sum((ps & ts).values())
    fp = sum((ps - ts).values())
    fn = sum((ts - ps).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp, fp, fn, pt == tt)


@dataclass(frozen=True)
class Aggregate:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def aggregate(scores: Iterable[PageScore]) -> Aggregate:
    scores = list(scores)
    if not scores:
        return Aggregate(0.0, 0.0, 0.0, 0.0, 0)
    p = sum(s.precision for s in scores) / len(scores)
    r = sum(s.recall for s in scores) / len(scores)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(1 for s in scores if s.exact) / len(scores)
    return Aggregate(p, r, f1, acc, len(scores))


def extra_lines(pred: str, truth: str) -> list[str]:
    """Lines of ``pred`` none of whose shingles occur in the truth (text the truth lacks)."""
    tt = tokens(truth)
    ts = shingles(tt)
    joined = " " + " ".join(tt) + " "
    out = []
    for line in pred.splitlines():
        lt = tokens(line)
        if not lt:
            continue
        if len(lt) < N:
            # too short for a shingle of its own: look for the token run in the truth
            if " " + " ".join(lt) + " " not in joined:
                out.append(line)
            continue
        if not any(s in ts for s in shingles(lt)):
            out.append(line)
    return out


def word_f1(pred: str | None, truth: str | None) -> float:
    """WCXB's word-level F1 of one page: lower-cased ``\\w+`` word bags (1.0 when both are empty)."""
    p = Counter(t.lower() for t in tokens(pred))
    t = Counter(x.lower() for x in tokens(truth))
    if not p and not t:
        return 1.0
    tp = sum((p & t).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(t.values())
    return 2 * prec * rec / (prec + rec)
