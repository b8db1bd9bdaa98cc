"""The text rules of one rule set (one or more languages), compiled for matching many blocks fast.

A block keeps at most one block-scope rule: when several match, ``decide`` keeps the most
confident, earliest one (``_settle``), so the plan ranks block rules that way and stops at
the first that matches. Finding it takes few regex calls:

- every ``^``-anchored pattern sits in one alternation, ordered by rank, one named group
  per pattern; a single ``match`` at the block's start names the best anchored rule. There
  is one alternation per word-count tier, holding only the patterns whose rule allows that
  many words, so a long paragraph is tried against few patterns or none;
- phrases are one dict lookup (a phrase names the rules that list it);
- only the other patterns of rules ranked before that hit are searched, one by one, each
  after its cheap gates (words, kinds, required literals): the unanchored ones, and those
  of rules with ``requires``, which stay out of the alternations so that their literals
  gate them.

Span rules cut part of a block and are searched on every block their gates let through.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleaner.model import Block
from cleaner.rulebook import Rule, Rulebook
from cleaner.sites import host_matches

MAX_BLOCK_CHARS = 2_000  # block-scope rules look at short blocks only: debris lines are short
NO_LIMIT = 10**9
MAX_TIERS = 4
_BACKREF = regex.compile(r"\\[1-9]|\(\?P=|\\g<")
_GLOBAL_FLAGS = regex.compile(r"\(\?[a-zA-Z]+\)")  # "(?i)", "(?x)": would act on the whole alternation


@dataclass(frozen=True)
class Tier:
    """The anchored patterns of every rule that allows ``floor`` words or more."""

    floor: int
    pattern: regex.Pattern[str]
    groups: tuple[tuple[str, int, regex.Pattern[str]], ...]  # (group name, rank, the pattern), in rank order


@dataclass(frozen=True)
class Unanchored:
    rank: int
    pattern: regex.Pattern[str]


@dataclass(frozen=True)
class TextPlan:
    rules: tuple[Rule, ...]  # every text rule, in rule order
    ranked: tuple[Rule, ...]  # block-scope rules: most confident first, then rule order
    order: tuple[int, ...]  # ranked[i] is rules[order[i]]
    tiers: tuple[Tier, ...]  # by floor, ascending
    tier_floors: tuple[int, ...]
    max_bound: int  # no anchored pattern's rule allows more words than this
    unanchored: tuple[Unanchored, ...]  # block-rule patterns searched one by one, by rank
    phrases: dict[str, tuple[int, ...]]  # phrase key -> ranks of the rules listing it
    spans: tuple[tuple[int, Rule], ...]  # (rule order, rule) of span-scope rules
    phrase_max_words: int  # blocks longer than this cannot equal a phrase

    @classmethod
    def build(cls, rules: Sequence[Rule]) -> TextPlan:
        rules = tuple(rules)
        ranked_idx = sorted(
            (i for i, r in enumerate(rules) if r.scope == "block"), key=lambda i: (-rules[i].confidence, i)
        )
        ranked = tuple(rules[i] for i in ranked_idx)
        anchored: list[tuple[int, int, regex.Pattern[str]]] = []  # (rank, word bound, pattern)
        unanchored: list[Unanchored] = []
        phrases: dict[str, list[int]] = {}
        for rank, rule in enumerate(ranked):
            bound = rule.max_words or NO_LIMIT
            for p in rule.patterns:
                if _combinable(p.pattern) and not rule.requires:  # a gated rule is tried only past its gate
                    anchored.append((rank, bound, p))
                else:
                    unanchored.append(Unanchored(rank, p))
            for key in rule.phrases:
                phrases.setdefault(key, []).append(rank)
        tiers = _tiers(anchored)
        if tiers is None:  # the patterns do not combine: search each one
            unanchored = sorted(
                [Unanchored(rank, p) for rank, r in enumerate(ranked) for p in r.patterns], key=lambda u: u.rank
            )
            tiers = ()
        phrase_max = max((r.max_words or NO_LIMIT for r in ranked if r.phrases), default=0)
        return cls(
            rules=rules,
            ranked=ranked,
            order=tuple(ranked_idx),
            tiers=tiers,
            tier_floors=tuple(t.floor for t in tiers),
            max_bound=max((b for _, b, _ in anchored), default=0),
            unanchored=tuple(unanchored),
            phrases={k: tuple(v) for k, v in phrases.items()},
            spans=tuple((i, r) for i, r in enumerate(rules) if r.scope == "span"),
            phrase_max_words=phrase_max,
        )

    def tier_for(self, n_words: int) -> Tier | None:
        """An alternation holding every anchored pattern whose rule allows ``n_words`` words
        (and maybe a few that do not: their rule's gates then fail, and the block is checked
        rule by rule)."""
        if not self.tiers or n_words > self.max_bound:
            return None
        return self.tiers[bisect_right(self.tier_floors, n_words) - 1]


def _tiers(anchored: list[tuple[int, int, regex.Pattern[str]]]) -> tuple[Tier, ...] | None:
    """At most MAX_TIERS alternations: tier f holds the patterns whose rule allows f words
    or more, for f = 1 and a few floors spread over the rules' word bounds. Each one costs
    a compile (~10 ms), so there are few, and plans are shared between languages."""
    bounds = sorted({b for _, b, _ in anchored})
    above = [b + 1 for b in bounds[:-1]]
    picks = (
        above if len(above) < MAX_TIERS else [above[(i + 1) * len(above) // MAX_TIERS] for i in range(MAX_TIERS - 1)]
    )
    out: list[Tier] = []
    for floor in sorted({1, *picks}) if anchored else ():
        members = [(rank, p) for rank, bound, p in anchored if bound >= floor]
        groups = tuple((f"r{k}", rank, p) for k, (rank, p) in enumerate(members))
        try:
            pattern = regex.compile(
                "|".join(f"(?P<r{k}>{_scoped(p)})" for k, (_, p) in enumerate(members)), regex.UNICODE
            )
        except regex.error:
            return None
        out.append(Tier(floor, pattern, groups))
    return tuple(out)


def _scoped(p: regex.Pattern[str]) -> str:
    """The pattern as an alternative that keeps its own case flag."""
    return f"(?{'i' if p.flags & regex.IGNORECASE else '-i'}:{p.pattern})"


def _combinable(pattern: str) -> bool:
    """An alternative of the anchored alternation must match at the start only, must not
    refer to its own groups by number or name (numbers shift once combined) and must not
    set flags for the whole expression."""
    return (
        pattern.startswith("^")
        and not _top_level_alternation(pattern)
        and not _BACKREF.search(pattern)
        and not _GLOBAL_FLAGS.search(pattern)
    )


def _top_level_alternation(pattern: str) -> bool:
    """Whether ``|`` occurs outside groups and classes (then ``^`` anchors only one branch)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def rule_gates(rule: Rule, block: Block, folded: str | None) -> bool:
    """The cheap conditions of a rule on a block: kind, length, and the required literals
    in ``folded`` (the block case-folded; None skips that condition)."""
    if rule.kinds and block.kind not in rule.kinds:
        return False
    if rule.scope == "block":
        if len(block.content) > MAX_BLOCK_CHARS:
            return False
        if rule.max_words is not None and block.n_words > rule.max_words:
            return False
    return folded is None or not rule.requires or any(w in folded for w in rule.requires)


def text_plan(book: Rulebook, lang: str | None, host: str | None = None) -> TextPlan:
    """The text rules that apply to a document: language-neutral ones, its language's, and the
    rules of the sites its host belongs to; compiled once per rule set (languages and hosts with
    the same rules share a plan) and kept in the rulebook's cache."""
    cache = book.plans
    sites = cache.get(("sites",))
    if sites is None:
        sites = cache[("sites",)] = tuple(sorted({r.site for r in book.rules if r.stage == "text" and r.site}))
    key = ("lang", lang, tuple(s for s in sites if host_matches(s, host)) if sites else ())
    plan = cache.get(key)
    if plan is None:
        rules = tuple(
            r
            for r in book.rules
            if r.stage == "text" and r.applies_to_lang(lang) and (r.site is None or r.site in key[2])
        )
        ids = ("rules", *(r.id for r in rules))
        plan = cache.get(ids)
        if plan is None:
            plan = cache[ids] = TextPlan.build(rules)
        cache[key] = plan
    return plan
