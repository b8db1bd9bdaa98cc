"""truncation.repeated-block's first-word gate (now its first two words) (issue 13) decides nothing: the heuristic finds the
same with it as without it (every block keyed), in other scripts and cases, with a dotless ı, a
soft hyphen, ß and edge punctuation; and it lets through the repeats and teasers it must find."""

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
HEURISTIC = next(h for h in HEURISTICS if h.id == "truncation.repeated-block")


def _found(text: str) -> list[tuple[int | None, int | None, str]]:
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    return [(r.start, r.end, r.reason) for r in HEURISTIC.run(ctx, HEURISTIC)]


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int | None, int | None, str]]:
    with monkeypatch.context() as m:
        m.setattr(truncation, "_GATED", False)
        plain = _found(text)
    assert _found(text) == plain
    return plain


LONG = "Officials said the bridge would stay closed for repairs until the end of the month at least"
CASES = [
    # an exact repeat and a cut-off teaser: found through the gate
    f"{LONG}.\n\nOther news of the day.\n\n{LONG}.",
    f"{LONG.upper()}.\n\nOther news.\n\n“{LONG}.”",
    f"Officials said the bridge would stay closed for rep...\n\nFiller.\n\n{LONG}.",
    # first words that fold alike only by case folding: ı, İ, ß, Greek final sigma, Cyrillic
    "Istanbul ılık bir gün yaşadı ve şehirde birçok insan sahile indi bugün öğleden sonra.\n\n"
    "ISTANBUL ılık bir gün yaşadı ve şehirde birçok insan sahile indi bugün öğleden sonra.",
    "Straße gesperrt wegen Bauarbeiten bis Ende des Monats sagte die Stadt heute morgen früh.\n\n"
    "STRASSE gesperrt wegen Bauarbeiten bis Ende des Monats sagte die Stadt heute morgen früh.",
    "ΟΔΟΣ κλειστή για εργασίες μέχρι το τέλος του μήνα είπε ο δήμος σήμερα το πρωί νωρίς.\n\n"
    "οδος κλειστή για εργασίες μέχρι το τέλος του μήνα είπε ο δήμος σήμερα το πρωί νωρίς.",
    "Мост закрыт на ремонт до конца месяца, сообщили в мэрии сегодня утром очень рано.\n\n"
    "МОСТ закрыт на ремонт до конца месяца, сообщили в мэрии сегодня утром очень рано.",
    # a soft hyphen inside the first word; edge punctuation and symbols before it
    "Offi\u00adcials said the bridge would stay closed for repairs until the end of the month.\n\n"
    "— «Offi\u00adcials said the bridge would stay closed for repairs until the end of the month.»",
    # one-word keys that differ only in a glued ellipsis; a first word longer than 64 characters
    "Hello...\n\nHello\n\nHello…\n\nWorld",
    ("x" * 70 + " said the bridge would stay closed for repairs until the end of the month.\n\n") * 2,
]


@pytest.mark.parametrize("text", CASES)
def test_gate_changes_nothing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _both(text, monkeypatch)


def test_gate_lets_repeats_through(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _both(CASES[0], monkeypatch)
    assert _both(CASES[2], monkeypatch)


def test_opening() -> None:  # (the gate read the first word alone before: _first_word)
    assert truncation._opening("  «Hello, wide world»") == ("hello,", "wide")
    assert truncation._opening("  «Hello, world»") is None
    assert truncation._opening("...") is None
    assert truncation._opening("— " + "y" * 80 + " z w") == ("y" * 80, "z")
    assert truncation._opening("— x " + "y" * 80 + " z") == ("x", "y" * 80)


_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "bridge",
        "ılık",
        "ILIK",
        "İstanbul",
        "straße",
        "STRASSE",
        "мост",
        "Мост",
        "οδος",
        "ΟΔΟΣ",
        "offi\u00adcials",
        "«Offi",
        "—",
        "...",
        "…",
        "a",
        "b",
        "c",
        "d",
    ]
)
_BLOCK = st.lists(_WORDS, min_size=1, max_size=16).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_BLOCK, min_size=1, max_size=8))
def test_gate_changes_nothing_property(blocks: list[str]) -> None:
    text = "\n\n".join(blocks)
    truncation._GATED = False
    try:
        plain = _found(text)
    finally:
        truncation._GATED = True
    assert _found(text) == plain
