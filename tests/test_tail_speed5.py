"""The fifth round's cheaper forms of truncation.dangling-fragment (a block ending in a character no
fragment ends with is not sliced) and truncation.repeated-block (texts whose blocks all open
differently are not counted) decide nothing: gate on and off find the same, in other scripts and
cases too (a dotless ı, İ, ß, Cyrillic, Greek, a soft hyphen, CJK, Thai)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, truncation
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}


def _found(hid: str, text: str) -> list[tuple]:
    h = BY_ID[hid]
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    return [(r.rule, r.start, r.end, r.confidence, r.reason) for r in h.run(ctx, h)]


def _both(hid: str, text: str) -> list[tuple]:
    truncation._GATED = False
    try:
        plain = _found(hid, text)
    finally:
        truncation._GATED = True
    assert _found(hid, text) == plain
    return plain


SENTENCE = "Officials said the bridge would stay closed for repairs until the end of the month"
CASES = [
    f"{SENTENCE}. E",
    f"{SENTENCE}. Advertisement E\n",
    f"{SENTENCE}. Ab cd ",
    f"{SENTENCE}.\u00bb",
    f"{SENTENCE}. 12",
    f"{SENTENCE}… Der",
    "İstanbul'da köprü ay sonuna kadar onarım için kapalı kalacak, dediler yetkililer. Iı",
    "Die Straße bleibt bis Ende des Monats wegen Bauarbeiten gesperrt, sagte die Stadt. ß",
    "Мост закрыт на ремонт до конца месяца, сообщили в мэрии сегодня утром. Ре",
    "Η γέφυρα θα παραμείνει κλειστή για επισκευές μέχρι το τέλος του μήνα, είπαν. Οδ",
    "Offi\u00adcials said the bridge would stay closed for repairs until the end of the month. Ad\u00ad",
    "当局は橋が今月末まで修理のため閉鎖されると述べた。 記",
    "เจ้าหน้าที่กล่าวว่าสะพานจะปิดซ่อมแซมจนถึงสิ้นเดือน. ข่าว",
    f"{SENTENCE}.\n\nOther news.\n\n{SENTENCE}.",
    f"{SENTENCE}...\n\nFiller.\n\n{SENTENCE} and beyond.",
    "One two three four.\n\nOne two five six.\n\nSeven eight nine.",
]


@pytest.mark.parametrize("hid", ["truncation.dangling-fragment", "truncation.repeated-block"])
@pytest.mark.parametrize("text", CASES)
def test_gates_change_nothing(hid: str, text: str) -> None:
    _both(hid, text)


def test_the_fragment_still_goes() -> None:
    assert _both("truncation.dangling-fragment", f"{SENTENCE}. E")


_ENDS = st.sampled_from(list('.!?"\u201d)\u2026:;,]\u00bb0123456789 \t\nEabıİß\u00ad') + ["记", "ข", "Ре", "Οδ"])
_WORDS = st.sampled_from(["One", "two", "three", "Officials", "said.", "the", "bridge!", "E", "Ab", "cd?", "ı", "ß"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_WORDS, min_size=1, max_size=14).map(" ".join), min_size=1, max_size=5),
    st.lists(_ENDS, max_size=3),
)
def test_gates_change_nothing_property(blocks: list[str], end: list[str]) -> None:
    text = "\n\n".join(blocks) + "".join(end)
    for hid in ("truncation.dangling-fragment", "truncation.repeated-block"):
        _both(hid, text)


_LINES = st.sampled_from(["Read more", "READ MORE", "read more", "Straße", "STRASSE", "ılık", "İ", "记", "ข่าว", ""])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, max_size=12), st.booleans())
def test_card_gate_counts_as_the_counter(lines: list[str], body: bool) -> None:
    """related.card-run's ``_may_run``: the distinct-lines test skips the count only where no line
    comes ``_CARD_MIN`` times."""
    from collections import Counter

    from cleaner.heuristics import cards

    plain = body and max(Counter(lines).values(), default=0) >= cards._CARD_MIN
    assert cards._may_run(lines, [body] * len(lines)) == plain
