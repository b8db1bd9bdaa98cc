"""The fast rule plan (cleaner.plan) decides exactly what trying every rule on every block decides."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.decide import _settle
from cleaner.match import _span_removals, apply_rules, block_removal
from cleaner.model import Removal
from cleaner.plan import MAX_BLOCK_CHARS, TextPlan, text_plan
from cleaner.rulebook import Rule, iter_examples, load_file, load_rulebook
from cleaner.text import phrase_key

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BOOK = load_rulebook(Config())
SHIPPED = text_plan(BOOK, "en").rules
EXAMPLES = sorted({ex for _, ex, _ in iter_examples(SHIPPED)})
PARAGRAPHS = [
    p for f in sorted(SAMPLES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()
]


def every_rule(text: str, rules: tuple[Rule, ...]) -> list[Removal]:
    """The reference: every rule, every pattern, on every block, in rule order."""
    out: list[Removal] = []
    for block in segment(text):
        folded = block.content.casefold()
        for rule in rules:
            if rule.kinds and block.kind not in rule.kinds:
                continue
            literals = not rule.requires or any(w in folded for w in rule.requires)
            if rule.scope == "span":
                if literals:
                    out.extend(_span_removals(text, block, rule, 1.0, []))
                continue
            if len(block.content) > MAX_BLOCK_CHARS or (rule.max_words and block.n_words > rule.max_words):
                continue
            if phrase_key(block.content) in rule.phrases or (
                literals and any(p.search(block.content) for p in rule.patterns)
            ):
                out.append(
                    block_removal(text, block, rule.id, rule.category, rule.reason, rule.source, rule.confidence)
                )
    return out


def same_decisions(text: str, rules: tuple[Rule, ...]) -> None:
    fast = apply_rules(text, segment(text), TextPlan.build(rules), 1.0).removals
    slow = every_rule(text, rules)
    assert _settle(list(fast)) == _settle(slow)
    assert {r.block for r in fast} == {r.block for r in slow}  # heuristics see the same blocks hit
    assert set(fast) <= set(slow)


blocks = st.lists(st.sampled_from(EXAMPLES + PARAGRAPHS), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks, st.sampled_from(["\n\n", "\n"]))
def test_shipped_rules_same_as_trying_every_rule(parts: list[str], sep: str) -> None:
    same_decisions(sep.join(parts), SHIPPED)


def test_every_example_and_sample_same_as_trying_every_rule() -> None:
    for text in EXAMPLES + [f.read_text(encoding="utf-8") for f in sorted(SAMPLES.glob("*.txt"))]:
        same_decisions(text, SHIPPED)


def test_ranking_gates_and_fallback(tmp_path: Path) -> None:
    """Rules that compete for one block: confidence ranks them, and an anchored hit whose rule
    fails its gates (kinds, words, literals) hands over to the next rule that matches."""
    f = tmp_path / "compete.yaml"
    f.write_text(
        textwrap.dedent("""\
        rules:
          - id: promo.low
            reason: Low.
            regex: '^read more\\b'
            confidence: 0.6
            examples: {strip: ['Read more: x']}
          - id: promo.high
            reason: High.
            regex: 'more: (?:the|a) '
            confidence: 0.95
            examples: {strip: ['Read more: the x']}
          - id: promo.heading-only
            reason: Headings only.
            regex: '^read more'
            kinds: [heading]
            confidence: 0.99
            examples: {strip: ['## Read more']}
          - id: promo.short
            reason: Short only.
            regex: '^read'
            max_words: 3
            confidence: 0.97
            examples: {strip: ['Read on']}
          - id: promo.literal
            reason: Needs a literal.
            regex: '^read more: \\w+'
            requires: [zebra]
            phrases: ['read more: giraffe']
            confidence: 0.98
            examples: {strip: ['Read more: zebra']}
          - id: promo.cut
            reason: Span.
            scope: span
            regex: 'read more: \\w+$'
            confidence: 0.9
            examples: {strip: ['Fine. Read more: x']}
        """),
        encoding="utf-8",
    )
    rules = tuple(load_file(f)[0])
    for text in [
        "Read more: the council",
        "Read more: zebra crossings",
        "Read more: giraffe",
        "Read on",
        "Read more",
        "## Read more",
        "Read more: a plan\n\nRead more: zebra",
        "Nothing here at all.",
    ]:
        same_decisions(text, rules)
    kept = _settle(
        list(
            apply_rules(
                "Read more: the council", segment("Read more: the council"), TextPlan.build(rules), 1.0
            ).removals
        )
    )
    assert [r.rule for r in kept] == ["promo.high"]
    kept = _settle(
        list(apply_rules("Read more: giraffe", segment("Read more: giraffe"), TextPlan.build(rules), 1.0).removals)
    )
    assert [r.rule for r in kept] == ["promo.literal"]  # a phrase is not gated by the literals


class _Slow:
    """A pattern that always times out, as a hostile block would make a real one do."""

    def match(self, *args: object, **kwargs: object) -> None:
        raise TimeoutError


def test_a_timed_out_alternation_falls_back_to_rule_by_rule() -> None:
    import dataclasses

    plan = TextPlan.build(SHIPPED)
    slow = dataclasses.replace(plan, tiers=tuple(dataclasses.replace(t, pattern=_Slow()) for t in plan.tiers))
    text = "\n\n".join(EXAMPLES[:40] + PARAGRAPHS[:10])
    fast = apply_rules(text, segment(text), slow, 1.0).removals
    assert fast and _settle(list(fast)) == _settle(every_rule(text, SHIPPED))


def test_patterns_that_would_change_the_alternation_are_searched_alone(tmp_path: Path) -> None:
    """A global inline flag or a back-reference would act differently inside one big
    alternation: such patterns stay out of it, and the answers stay those of each rule alone."""
    f = tmp_path / "odd.yaml"
    f.write_text(
        textwrap.dedent("""\
        rules:
          - id: promo.shout
            reason: Case-sensitive.
            regex: '^READ MORE\\b'
            flags: [case-sensitive]
            examples: {strip: ['READ MORE here']}
          - id: promo.flagged
            reason: Verbose global flag.
            regex: '^(?x) see \\s+ below $'
            examples: {strip: ['see below']}
          - id: promo.twice
            reason: Back-reference.
            regex: '^(\\w+) \\1$'
            examples: {strip: ['more more']}
        """),
        encoding="utf-8",
    )
    rules = tuple(load_file(f)[0])
    plan = TextPlan.build(rules)
    in_tiers = {rank for t in plan.tiers for _, rank, _ in t.groups}
    assert [plan.ranked[r].rule.id for r in sorted(in_tiers)] == ["promo.shout"]
    for text in ["READ MORE here", "Read more here", "see below", "See Below", "more more", "more less"]:
        same_decisions(text, rules)


def test_cached_gates_are_each_rules_gates() -> None:
    """``plan.candidates`` (literals present, kind, words: one lookup) lets through exactly the
    unanchored patterns and span rules that ``rule_gates`` passes rule by rule, cached or not."""
    from dataclasses import replace

    from cleaner.plan import rule_gates

    plans = {lang: text_plan(BOOK, lang) for lang in (None, "en", "de", "fr")}
    long = "Read more: " + "word " * (MAX_BLOCK_CHARS // 5)
    texts = EXAMPLES + PARAGRAPHS + [long]
    checked = 0
    for plan in plans.values():
        for _ in range(2):  # the second pass answers from the cache
            for text in texts:
                for block in segment(text):
                    for kind in ("paragraph", "heading", "list_item", "quote"):
                        b = replace(block, kind=kind)
                        folded = b.content.casefold()
                        got = plan.candidates(b, folded)
                        want_spans = tuple((i, r) for i, r in plan.spans if rule_gates(r, b, folded))
                        assert got.spans == want_spans
                        if len(b.content) <= MAX_BLOCK_CHARS:  # longer blocks take no block rule at all
                            want = tuple(u for u in plan.unanchored if rule_gates(plan.ranked[u.rank].rule, b, folded))
                            assert got.unanchored == want
                        else:
                            assert got.unanchored == ()
                        checked += 1
    assert checked > 1000


def test_the_alternative_that_matched_is_named_by_its_group() -> None:
    plan = text_plan(BOOK, "en")
    hits = 0
    for text in EXAMPLES:
        for block in segment(text):
            tier = plan.tier_for(block.n_words)
            m = tier.pattern.match(block.content) if tier is not None else None
            if m is not None:
                scan = next((rank, p) for name, rank, p in tier.groups if m.start(name) >= 0)
                assert tier.member(m) == scan
                hits += 1
    assert hits > 50


def test_the_plan_ranks_block_rules_by_the_key_decide_settles_by() -> None:
    """One precedence key (cleaner.model.precedence): the plan's first match on a block is the
    removal decide keeps among whole-block removals of it (same width)."""
    from cleaner.model import precedence

    plan = text_plan(BOOK, "en")
    block_rules = [(i, r) for i, r in enumerate(plan.rules) if r.scope == "block"]
    expected = [r.id for _, r in sorted(block_rules, key=lambda ir: precedence(ir[1].confidence, ir[0]))]
    assert [r.rule.id for r in plan.ranked] == expected
    text = "Read more"
    a = Removal("a.x", "a", "r", "s", text, 0.7, start=0, end=9, block=0)
    b = Removal("b.x", "b", "r", "s", text, 0.9, start=0, end=9, block=0)
    c = Removal("c.x", "c", "r", "s", text, 0.9, start=0, end=9, block=0)
    assert [r.rule for r in _settle([a, b, c], text)] == ["b.x"]  # more confident, then decided first
