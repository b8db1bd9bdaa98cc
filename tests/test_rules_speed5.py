"""The rules stage's fifth speed round (issue 13) decides as before:

- ``apply_rules`` scans the document once for a character that a view drops or respells, not
  each block, and makes no view of a block that holds none unless a rule hits it;
- ``cut_view`` joins the pieces of such a block as they are (one scan of the block, not one a
  piece) and copies a block without ``dataclasses.replace``.

Each is checked against the code it stands for, on the rules' own examples, the samples and
texts holding the characters that matter (Turkish ı/İ, German ß, Cyrillic, Greek, soft hyphen,
zero-width characters, CJK, Thai, Bengali letters that NFC spells in two).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.match as match
from cleaner import Config
from cleaner.blocks import segment
from cleaner.match import _as_seen, apply_rules, apply_rules_again, cut_view, rule_view
from cleaner.plan import TextPlan, text_plan
from cleaner.rulebook import iter_examples, load_rulebook
from cleaner.text import count_words

BOOK = load_rulebook(Config())
TEXT_RULES = [r for r in BOOK.rules if r.stage == "text"]
EXAMPLES = sorted({ex for _, ex, _ in iter_examples(TEXT_RULES)})
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LANGS = ["en", "de", "tr", "ru", "el", "zh", "th", "bn", "ko", "es", None]

SPECIAL = [
    "Also Read: the council votes on the budget.",
    "Al\u00adso Read: the council votes on the budget.",
    "The council met.  Al\u200bso read: more on the vote",
    "Ayrıca okuyun: İstanbul'da belediye meclisi toplandı.",
    "Straße gesperrt. Lesen Sie auch: Die Stra\u00dfe bleibt zu.",
    "Читайте также: совет проголосовал за бюджет.",
    "Διαβάστε επίσης: το συμβούλιο ψήφισε τον προϋπολογισμό.",
    "另请阅读：市议会就预算进行了投票。",
    "อ่านเพิ่มเติม: สภาเมืองลงมติงบประมาณ",
    "আরও পড়ুন: পৌরসভা বাজেটে ভোট দিয়েছে। নিজস্ব প্রতিবেদক || ঢাকা",
    "\u09a1\u09bc\u09be\u0995\u09be \u09dc\u09c7\u09b2 \u09df\u09be\u09a4\u09cd\u09b0\u09be \u2014 \u09aa\u09cd\u09b0\u09a4\u09bf\u09a8\u09bf\u09a7\u09bf",
    "홍길동 기자 hong@example.com",
    "\ufeffADVERTISEMENT\n\nThe council met on Tuesday. ADVERTISEMENT",
    "The vote: \u201c \u201d\n\nRead more here.\u200f",
    "x \U0001d400 bold: \u201c\u201d",
]


def _texts() -> list[str]:
    return EXAMPLES + SPECIAL + [f.read_text(encoding="utf-8") for f in sorted(SAMPLES.glob("*.txt"))]


def _by_block(text: str, plan: TextPlan) -> tuple[list[object], list[str]]:
    """``apply_rules`` as it was: a view of every block."""
    removals: list[object] = []
    warnings: list[str] = []
    for b in segment(text):
        removals.extend(match._on_view(text, b, rule_view(b), plan, 1.0, warnings))
    return removals, warnings


@pytest.mark.parametrize("lang", LANGS)
def test_one_scan_a_document_finds_what_a_view_of_every_block_finds(lang: str | None) -> None:
    rules = text_plan(BOOK, lang).rules
    for text in _texts():
        got = apply_rules(text, segment(text), TextPlan.build(rules), 1.0)
        want, warned = _by_block(text, TextPlan.build(rules))
        assert list(got.removals) == want, text
        assert list(got.warnings) == warned


def test_a_block_that_is_not_a_piece_of_the_text_is_seen_through_its_view() -> None:
    """A caller may hand blocks whose content is not the text's at their offsets: the document's
    scan says nothing of them."""
    plan = text_plan(BOOK, "en")
    block = segment("Al\u00adso Read: the council votes on the budget")[0]
    text = "x" * block.content_end  # ASCII: the document scan alone would call the block plain
    got = apply_rules(text, [block], TextPlan.build(plan.rules), 1.0)
    want = match._on_view(text, block, rule_view(block), TextPlan.build(plan.rules), 1.0, [])
    assert list(got.removals) == want and want  # the view without the soft hyphen is debris


def test_a_plain_block_gets_a_view_only_when_a_rule_hits(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []
    real = match._View.__init__

    def counting(self: object, *args: object, **kwargs: object) -> None:
        made.append(args)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(match._View, "__init__", counting)
    text = "The council met on Tuesday.\n\nAdvertisement\n\nIt voted on the budget."
    hits = apply_rules(text, segment(text), TextPlan.build(text_plan(BOOK, "en").rules), 1.0)
    assert [r.rule for r in hits.removals] and len(made) == 1


def test_a_copy_of_a_block_with_other_content_is_what_replace_makes() -> None:
    for text in SPECIAL:
        for b in segment(text):
            assert _as_seen(b, "other words", 2) == replace(b, content="other words", n_words=2)
            assert vars(_as_seen(b, "x", 1)) == vars(replace(b, content="x", n_words=1))


def _cut_view_before(text: str, block: object, cuts: list[tuple[int, int]], cap: int | None) -> object:
    """``cut_view`` as it was: every piece seen through ``_seen``."""
    monkey = pytest.MonkeyPatch()
    monkey.setattr(match, "_has_special", lambda content: True)
    try:
        return cut_view(text, block, cuts, cap)  # type: ignore[arg-type]
    finally:
        monkey.undo()


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(SPECIAL + EXAMPLES[:200]), st.lists(st.tuples(st.integers(0, 80), st.integers(0, 12)), max_size=3)
)
def test_a_cut_view_of_a_plain_block_is_what_seeing_each_piece_gives(
    text: str, raw_cuts: list[tuple[int, int]]
) -> None:
    for block in segment(text):
        cuts = [(block.content_start + a, block.content_start + a + n) for a, n in raw_cuts]
        for cap in (None, 3):
            got, want = cut_view(text, block, cuts, cap), _cut_view_before(text, block, cuts, cap)
            if want is None:
                assert got is None
                continue
            assert got is not None
            assert vars(got.block) == vars(want.block)  # type: ignore[attr-defined]
            assert (got.length, got.pieces, got.source, got.shown, got.hidden) == (
                want.length,  # type: ignore[attr-defined]
                want.pieces,  # type: ignore[attr-defined]
                want.source,  # type: ignore[attr-defined]
                want.shown,  # type: ignore[attr-defined]
                want.hidden,  # type: ignore[attr-defined]
            )
            assert got.index == want.index  # type: ignore[attr-defined]


def test_rules_again_on_cut_views_decide_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = text_plan(BOOK, "en")
    for text in SPECIAL + EXAMPLES[:300]:
        blocks = segment(text)
        cuts = {b.index: [(b.content_start, b.content_start + min(4, len(b.content)))] for b in blocks}
        got = apply_rules_again(text, blocks, cuts, TextPlan.build(plan.rules), 1.0)
        with monkeypatch.context() as m:
            m.setattr(match, "_has_special", lambda content: True)
            want = apply_rules_again(text, blocks, cuts, TextPlan.build(plan.rules), 1.0)
        assert got == want


def test_count_words_of_the_cases_is_unchanged() -> None:
    """The view of a block with a dropped invisible character counts its words again."""
    block = segment("Al\u00adso\u200b read")[0]
    assert rule_view(block).block.n_words == count_words("Also read")
