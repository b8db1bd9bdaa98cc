"""The shared machinery made cheaper (decide's loop, Context, View, EndAnchored, by_words) answers as
before: the fast constructions equal the dataclass ones, the lockless cache caches, the written-out
searches find what the plain ones find, and documents without candidates decide as with them."""

from __future__ import annotations

import regex

from cleaner.blocks import segment
from cleaner.config import Config
from cleaner.decide import _settle, decide
from cleaner.heuristics.base import Context, View, cached_value
from cleaner.heuristics.patterns import EndAnchored, by_words
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())

TEXT = (
    "A headline\n\nThe council met on Tuesday. It voted for the plan.\n\n"
    "Photo: Jane Doe\n\nRead more: another story\n\nBy John Smith"
)


def _removal(start: int, end: int, block: int, rule: str = "x.y", confidence: float = 0.9) -> Removal:
    return Removal(rule, "promo", "r", "rule:x", TEXT[start:end], confidence, start=start, end=end, block=block)


def test_context_of_decision_equals_the_dataclass_one() -> None:
    blocks = tuple(segment(TEXT))
    whole = _removal(blocks[2].start, blocks[2].end, 2)
    cut = _removal(blocks[3].content_start, blocks[3].content_start + 9, 3)
    prior = (whole, cut)
    gone = frozenset({2})
    cuts = {2: [(whole.start, whole.end)], 3: [(cut.start, cut.end)]}
    args = (TEXT, blocks, "en", BOOK, Config(), (whole,), prior, None, (), gone, [False], cuts, {})
    fast = Context.of_decision(*args)
    slow = Context(*args)
    assert fast == slow
    assert fast.__dict__.keys() >= slow.__dict__.keys()
    for ctx in (fast, slow):
        assert ctx.removed_blocks() == gone
        assert ctx.prior_cuts(blocks[3]) == [(cut.start, cut.end)]
        assert [b.index for b in ctx.kept_blocks()] == [b.index for b in blocks if b.index != 2]
        assert ctx.surviving(blocks[3]) == TEXT[cut.end : blocks[3].content_end]
        assert ctx.view(blocks[1]).pieces == ((blocks[1].content_start, blocks[1].content_end),)
    # the fields the dataclass computes lazily from gone/cuts are those themselves
    assert fast.removed_blocks() is slow.removed_blocks()
    # without gone/cuts (the tests' contexts) it computes them as before
    bare = Context(TEXT, blocks, "en", BOOK, Config(), (whole,), prior)
    assert bare.removed_blocks() == gone and bare.prior_cuts(blocks[3]) == [(cut.start, cut.end)]


def test_judged_computes_once_per_document() -> None:
    blocks = tuple(segment(TEXT))
    memo: dict = {}
    calls = []

    def judge(b):  # type: ignore[no-untyped-def]
        calls.append(b.index)
        return b.n_words

    first = Context(TEXT, blocks, None, BOOK, Config(), (), memo=memo)
    later = Context(TEXT, blocks, None, BOOK, Config(), (), memo=memo)
    assert first.judged(judge) == [b.n_words for b in blocks]
    assert later.judged(judge) is first.judged(judge)
    assert calls == [b.index for b in blocks]


def test_cached_value_computes_once_and_keeps_the_value() -> None:
    class Box:
        def __init__(self) -> None:
            self.n = 0

        @cached_value
        def value(self) -> int:
            """The doc."""
            self.n += 1
            return 42

    box = Box()
    assert box.value == 42 and box.value == 42 and box.n == 1
    assert box.__dict__["value"] == 42
    assert isinstance(Box.value, cached_value) and Box.value.__doc__ == "The doc."


def test_view_of_equals_the_dataclass_view() -> None:
    pieces = ((0, 10), (14, 30))
    fast, slow = View.of(TEXT, pieces), View(TEXT, pieces)
    assert fast == slow and fast.text == slow.text == TEXT[0:10] + TEXT[14:30]
    assert fast.spans(5, 20) == slow.spans(5, 20)


def test_end_anchored_search_finds_what_the_forward_search_finds() -> None:
    pattern = EndAnchored.compile(r"(?<!\w)(?:by|von|от|από|โดย|作者)\s*\w+\.?$", regex.IGNORECASE)
    texts = [
        "Story text. By Jane",
        "Story text. By Jane\n",
        "Story text. By Jane\n\n",
        "By Jane in the middle, then more",
        "Ein Text von Weiß",
        "Текст от Иванова",
        "Κείμενο από Παπαδόπουλος",
        "ข่าว โดย สมชาย",
        "记者 作者 王伟",
        "İstanbul haberi by Işık",
        "soft\u00adhyphen by Ann",
        "",
        "\n",
    ]
    for text in texts:
        plain = pattern.forward.search(text)
        got = pattern.search(text)
        assert (got is None) == (plain is None), text
        if got is not None and plain is not None:
            assert got.span() == plain.span(), text
        assert pattern.matches(text) == (plain is not None), text


def test_by_words_keys_one_lexicon_and_several_apart() -> None:
    calls = []

    @by_words
    def joined(*words: tuple[str, ...]) -> tuple[str, ...]:
        calls.append(words)
        return tuple(w for ws in words for w in ws)

    a, b = ("photo", "foto"), ("by", "von")
    assert joined(a) == a and joined(a) is joined(a)
    assert joined(a, b) == a + b and joined(b, a) == b + a
    assert joined(b) == b
    assert len(calls) == 4  # each argument list once, none served another's value


def test_settle_keeps_one_or_none_as_given() -> None:
    assert _settle([], TEXT) == []
    one = _removal(0, 10, 0)
    assert _settle([one], TEXT) == [one]
    assert _settle([one], None) == [one]
    # two overlapping: the wider wins, as before
    wide, narrow = _removal(0, 10, 0), _removal(2, 6, 0)
    assert _settle([narrow, wide], TEXT) == [wide]


def test_decide_without_weak_findings_reports_no_candidates() -> None:
    blocks = segment(TEXT)
    strict = decide(TEXT, blocks, "en", BOOK, Config(min_confidence=0.0))
    assert strict.candidates == ()
    lax = decide(TEXT, blocks, "en", BOOK, Config(min_confidence=1.0))
    assert lax.removed == ()
    assert strict.removed and lax.candidates  # everything strong, or everything a candidate
