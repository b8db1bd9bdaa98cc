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

The gates of the unanchored patterns and of the span rules are not evaluated rule by rule on
every block: a block's literals (which of the plan's required literals it holds), its kind and
its word count name the rules whose gates it passes, and that answer is cached per plan
(``candidates``), so a block costs one scan for the literals and one dict lookup.

What the rules find on a block's view is kept per plan by its content (``seen``, filled by
``cleaner.match``): a line that recurs across documents, or a view that recurs across the
rounds of ``decide``, is looked at once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from cleaner.model import Block, precedence
from cleaner.rulebook import Rule, Rulebook
from cleaner.sites import host_matches
from cleaner.text import core_key, phrase_core

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
    by_name: dict[str, tuple[int, regex.Pattern[str]]] = field(compare=False, repr=False, default_factory=dict)

    def member(self, m: regex.Match[str]) -> tuple[int, regex.Pattern[str]]:
        """The (rank, pattern) of the alternative that matched: the outer group that closed last."""
        hit = self.by_name.get(m.lastgroup or "")
        if hit is not None and m.start(m.lastgroup) >= 0:
            return hit
        return next((rank, p) for name, rank, p in self.groups if m.start(name) >= 0)


@dataclass(frozen=True)
class Ranked:
    """A block-scope rule at its place in the plan: ``rank`` orders the block rules as ``decide``
    keeps them (``model.precedence``: most confident, then earliest); ``order`` is the rule's place
    among all the text rules, the order its removals are listed in."""

    rank: int
    order: int
    rule: Rule


@dataclass(frozen=True)
class Unanchored:
    rank: int
    pattern: regex.Pattern[str]


@dataclass(frozen=True)
class Candidates:
    """What a block's gates let through: unanchored patterns (by rank) and span rules (by order)."""

    unanchored: tuple[Unanchored, ...]
    spans: tuple[tuple[int, Rule], ...]


# A span rule's pattern as a block is asked it: the pattern, and it matching backwards when it
# can only match at the end (``backward``).
SpanPattern = tuple[regex.Pattern[str], regex.Pattern[str] | None]


def span_patterns(rule: Rule) -> tuple[SpanPattern, ...]:
    return tuple((p, backward(p)) for p in rule.patterns)


MAX_CACHED = 4096  # gate answers kept per plan (kind, word count, literals present): a handful in practice


@dataclass(frozen=True)
class TextPlan:
    rules: tuple[Rule, ...]  # every text rule, in rule order
    ranked: tuple[Ranked, ...]  # block-scope rules: most confident first, then rule order (ranked[k].rank == k)
    tiers: tuple[Tier, ...]  # by floor, ascending
    tier_floors: tuple[int, ...]
    max_bound: int  # no anchored pattern's rule allows more words than this
    unanchored: tuple[Unanchored, ...]  # block-rule patterns searched one by one, by rank
    phrases: dict[str, tuple[int, ...]]  # phrase key -> ranks of the rules listing it
    spans: tuple[tuple[int, Rule], ...]  # (rule order, rule) of span-scope rules
    phrase_max_words: int  # blocks longer than this cannot equal a phrase
    phrase_ends: frozenset[tuple[str, str]] = frozenset()  # (first, last) character of each phrase key
    literals: tuple[str, ...] = ()  # every literal the unanchored patterns' and span rules' gates require
    word_bounds: tuple[int, ...] = ()  # the word bounds of those rules, ascending: counts between two gate alike
    word_cap: int = NO_LIMIT  # above every block rule's word bound: word counts past it are told apart by none
    ascii_literals: tuple[str, ...] = ()  # those of ``literals`` that are ASCII, in their order
    span_checks: dict[int, tuple[SpanPattern, ...]] = field(default_factory=dict, compare=False, repr=False)
    _candidates: dict[tuple[str, int, bool, tuple[str, ...]], Candidates] = field(
        default_factory=dict, compare=False, repr=False
    )
    # (kind, word bucket, long, ASCII) -> the literals that decide the gates of a block of that shape
    _deciding: dict[tuple[str, int, bool, bool], tuple[str, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    seen: dict[tuple[str, str, int], Any] = field(default_factory=dict, compare=False, repr=False)  # match._on_view's

    @classmethod
    def build(cls, rules: Sequence[Rule]) -> TextPlan:
        rules = tuple(rules)
        order = sorted(
            (i for i, r in enumerate(rules) if r.scope == "block"), key=lambda i: precedence(rules[i].confidence, i)
        )
        ranked = tuple(Ranked(rank, i, rules[i]) for rank, i in enumerate(order))
        anchored: list[tuple[int, int, regex.Pattern[str]]] = []  # (rank, word bound, pattern)
        unanchored: list[Unanchored] = []
        phrases: dict[str, list[int]] = {}
        for rank, rule in ((r.rank, r.rule) for r in ranked):
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
            unanchored = sorted([Unanchored(r.rank, p) for r in ranked for p in r.rule.patterns], key=lambda u: u.rank)
            tiers = ()
        phrase_max = max((r.rule.max_words or NO_LIMIT for r in ranked if r.rule.phrases), default=0)
        spans = tuple((i, r) for i, r in enumerate(rules) if r.scope == "span")
        gated = [ranked[u.rank].rule for u in unanchored] + [r for _, r in spans]
        literals = tuple(dict.fromkeys(w for r in gated for w in r.requires))
        return cls(
            rules=rules,
            ranked=ranked,
            tiers=tiers,
            tier_floors=tuple(t.floor for t in tiers),
            max_bound=max((b for _, b, _ in anchored), default=0),
            unanchored=tuple(unanchored),
            phrases={k: tuple(v) for k, v in phrases.items()},
            spans=spans,
            phrase_max_words=phrase_max,
            phrase_ends=frozenset((k[:1], k[-1:]) for k in phrases),
            literals=literals,
            ascii_literals=tuple(w for w in literals if w.isascii()),
            word_bounds=tuple(sorted({r.max_words for r in gated if r.max_words is not None})),
            word_cap=max((r.max_words for r in rules if r.scope == "block" and r.max_words is not None), default=0) + 1,
            span_checks={i: span_patterns(r) for i, r in spans},
        )

    def candidates(self, block: Block, folded: str) -> Candidates:
        """The unanchored patterns and span rules whose gates (``rule_gates``) ``block`` passes,
        ``folded`` being its content case-folded: the same answer, rule for rule (tested). Only
        the literals of the rules its kind and length let through are looked for, and in an
        ASCII block only the ASCII ones (it holds no other); word counts with no rule's bound
        between them gate alike."""
        long = len(block.content) > MAX_BLOCK_CHARS
        bucket = bisect_left(self.word_bounds, block.n_words)
        shape = (block.kind, bucket, long, folded.isascii())
        deciding = self._deciding.get(shape)
        if deciding is None:
            deciding = self._deciding[shape] = self._literals_for(block.kind, block.n_words, long, shape[3])
        present = tuple([w for w in deciding if w in folded])
        key = (block.kind, bucket, long, present)
        hit = self._candidates.get(key)
        if hit is None:
            if len(self._candidates) >= MAX_CACHED:
                self._candidates.clear()
            hit = self._candidates[key] = self._gate(block.kind, block.n_words, long, frozenset(present))
        return hit

    def _literals_for(self, kind: str, n_words: int, long: bool, ascii_only: bool) -> tuple[str, ...]:
        """The literals required by the rules whose other gates a block of that shape passes."""
        everything = frozenset(self.literals)
        rules = [self.ranked[u.rank].rule for u in self.unanchored] + [r for _, r in self.spans]
        wanted = {
            w for r in rules if r.requires and self._passes(r, kind, n_words, long, everything) for w in r.requires
        }
        return tuple(w for w in (self.ascii_literals if ascii_only else self.literals) if w in wanted)

    @staticmethod
    def _passes(rule: Rule, kind: str, n_words: int, long: bool, present: frozenset[str]) -> bool:
        if rule.kinds and kind not in rule.kinds:
            return False
        if rule.scope == "block" and (long or (rule.max_words is not None and n_words > rule.max_words)):
            return False
        return not rule.requires or not present.isdisjoint(rule.requires)

    def _gate(self, kind: str, n_words: int, long: bool, present: frozenset[str]) -> Candidates:
        def passes(rule: Rule) -> bool:
            return self._passes(rule, kind, n_words, long, present)

        return Candidates(
            tuple(u for u in self.unanchored if passes(self.ranked[u.rank].rule)),
            tuple((i, r) for i, r in self.spans if passes(r)),
        )

    def phrase_ranks(self, content: str) -> tuple[int, ...]:
        """The ranks of the rules listing ``content``'s phrase key (``phrases``). The key is
        the content's core (``text.phrase_key``: without its edge punctuation, symbols and
        spaces) case-folded character by character, its spaces folded, so it starts with the
        core's first character folded and ends with its last one folded: a core whose two ends
        no key has is not made into a key (most blocks)."""
        core = phrase_core(content)
        if core and (core[0].casefold()[:1], core[-1].casefold()[-1:]) not in self.phrase_ends:
            return ()
        return self.phrases.get(core_key(core), ())

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
        out.append(Tier(floor, pattern, groups, {name: (rank, p) for name, rank, p in groups}))
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
        and not top_level_alternation(pattern)
        and not _BACKREF.search(pattern)
        and not _GLOBAL_FLAGS.search(pattern)
    )


def top_level_alternation(pattern: str) -> bool:
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


_MULTILINE_FLAG = regex.compile(r"\(\?[a-zA-Z]*m")
# What a match backwards may not answer as forwards does: atomic groups and possessive quantifiers
# (they commit in the direction of matching), conditionals, references to groups (matched later
# backwards), \G and \K.
_DIRECTED = regex.compile(r"\(\?>|[*+?}]\+|\(\?\(|\\[1-9gGK]|\(\?P=")


@lru_cache(maxsize=4096)
def backward(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """``pattern`` matching backwards, when it can only match at the end of a text (it ends in
    ``$``, outside any alternation, without the multi-line flag) and a search forwards is not
    anchored at the start (``^``); None otherwise. A search forwards tries the pattern,
    lookbehinds first, at every position of the text; backwards it is tried only where a match
    can end (``match._may_match``)."""
    src = pattern.pattern
    backslashes = len(src) - 1 - len(src[:-1].rstrip("\\"))
    if (
        src.startswith("^")
        or not src.endswith("$")
        or backslashes % 2
        or top_level_alternation(src)
        or pattern.flags & (regex.MULTILINE | regex.REVERSE)
        or _MULTILINE_FLAG.search(src)
        or _DIRECTED.search(src)
    ):
        return None
    try:
        return regex.compile(src, pattern.flags | regex.REVERSE)
    except regex.error:
        return None


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
