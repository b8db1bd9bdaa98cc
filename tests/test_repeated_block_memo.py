"""truncation.repeated-block keeps each text's head and key for the document (``Context.once``): a
later round, with other removals decided, finds with the kept ones what it finds with none, and
keys no text twice."""

from __future__ import annotations

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, truncation
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
HEURISTIC = next(h for h in HEURISTICS if h.id == "truncation.repeated-block")
LONG = "Officials said the bridge would stay closed for repairs until the end of the month at least"
TEXT = (
    f"{LONG}.\n\nOfficials said the bridge would stay closed for rep...\n\nOther news of the day.\n\n"
    f"Straße gesperrt wegen Bauarbeiten bis Ende des Monats sagte die Stadt heute.\n\n{LONG}.\n\n"
    "STRASSE gesperrt wegen Bauarbeiten bis Ende des Monats sagte die Stadt heute."
)


def _found(ctx: Context) -> list[tuple[int | None, int | None, str]]:
    return [(r.start, r.end, r.reason) for r in HEURISTIC.run(ctx, HEURISTIC)]


def test_kept_keys_find_what_fresh_ones_find() -> None:
    blocks = tuple(segment(TEXT))
    memo: dict = {}
    first = Context(TEXT, blocks, None, BOOK, Config(), (), memo=memo)
    assert _found(first) == _found(Context(TEXT, blocks, None, BOOK, Config(), ()))
    assert memo and _found(Context(TEXT, blocks, None, BOOK, Config(), ()))  # kept; and it finds something
    # a later round: the teaser removed by an earlier decision
    teaser = blocks[1]
    prior = (HEURISTIC.remove_block(first, teaser, 0.9, "earlier"),)
    later = Context(TEXT, blocks, None, BOOK, Config(), prior, memo=memo)
    assert _found(later) == _found(Context(TEXT, blocks, None, BOOK, Config(), prior))


def test_no_text_is_keyed_twice(monkeypatch) -> None:
    calls: list[str] = []
    real = truncation._key
    monkeypatch.setattr(truncation, "_key", lambda t: calls.append(t) or real(t))
    blocks = tuple(segment(TEXT))
    memo: dict = {}
    for _ in range(3):
        _found(Context(TEXT, blocks, None, BOOK, Config(), (), memo=memo))
    assert calls and len(calls) == len(set(calls))
