"""The whole-document gates of promo.series-list and related.card-run and the per-block gate of
truncation.dangling-fragment (issue 13) decide nothing: each heuristic finds the same with its gate
as without it, in other scripts and cases (a dotless ı, Cyrillic, Greek, a soft hyphen), with
line breaks and spaces at the end; and each gate lets through what the heuristic must find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, cards, teasers, truncation
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
GATES = {
    "promo.series-list": teasers,
    "related.card-run": cards,
    "truncation.dangling-fragment": truncation,
}


def _found(hid: str, text: str) -> list[tuple[int | None, int | None, str]]:
    h = BY_ID[hid]
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    return [(r.start, r.end, r.reason) for r in h.run(ctx, h)]


def _both(hid: str, text: str) -> list[tuple[int | None, int | None, str]]:
    module = GATES[hid]
    module._GATED = False  # type: ignore[attr-defined]
    try:
        plain = _found(hid, text)
    finally:
        module._GATED = True  # type: ignore[attr-defined]
    assert _found(hid, text) == plain
    return plain


BODY = "The council met on Tuesday and agreed to extend the opening hours of the city library by two hours."
SERIES = "\n\n".join(f"Part {k}: The sky at night over the hills" for k in (1, 2, 3))
CARDS = "\n\n".join(f"Tennis Lessons\n\nHeadline number {w} about the match today" for w in "abcde")
FIRES = [
    ("promo.series-list", f"{BODY}\n\n{SERIES}"),
    ("promo.series-list", f"{BODY}\n\n" + "\n\n".join(f"Часть {k}: Небо ночью над холмами" for k in (1, 2, 3))),
    ("related.card-run", f"{BODY}\n\n{CARDS}"),
    ("truncation.dangling-fragment", "He said the official accounts were closed. E"),
    ("truncation.dangling-fragment", "He said the official accounts were closed. Ilık ılık  \n"),
]


@pytest.mark.parametrize(("hid", "text"), FIRES)
def test_gates_let_through(hid: str, text: str) -> None:
    assert _both(hid, text)


OTHERS = [
    f"{BODY}\n\nPart 1: The sky\n\nPart 2: The sky",
    f"{BODY}\n\n" + "\n\n".join(f"Μέρος {k}: Ο ουρανός τη νύχτα" for k in (1, 2, 3)),
    "\n\n".join(f"Tennis Lessons\n\nHeadline number {w} about the match today" for w in "abcde"),
    f"{BODY}\n\n" + "\n\n".join(f"Tennis Lessons \n\nHeadline {w} about the match" for w in "abc"),
    "He said the official accounts were closed. Offi\u00adcials",
    "He said the official accounts were closed. ΟΔΟΣ\n",
    "He said the official accounts were closed. Мост.",
    "He said the official accounts were closed. It’",
    "He said the official accounts were closed. E\n\n",
    "He said the official accounts were closed. E 2",
]


@pytest.mark.parametrize("text", OTHERS)
@pytest.mark.parametrize("hid", list(GATES))
def test_gates_change_nothing(hid: str, text: str) -> None:
    _both(hid, text)


_PIECES = st.sampled_from(
    [
        "Part 1:",
        "Part 2:",
        "Part 3:",
        "The sky",
        "Tennis Lessons",
        "Headline",
        "ılık",
        "Мост",
        "ΟΔΟΣ",
        "offi\u00adcials",
        "E",
        "It’",
        "-",
        ".",
        "!",
        "\u2026",
        "\u201d",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        BODY,
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=20).map(" ".join))
def test_gates_property(text: str) -> None:
    for hid in GATES:
        _both(hid, text)
