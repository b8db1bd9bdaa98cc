"""The orchestration's shortcuts decide as the long way did: decide's line-up of heuristics and its
second look of the rules, segmentation's counted lines, normalize's single checks."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cleaner import Cleaner, Config
from cleaner import decide as decide_mod
from cleaner import normalize as norm
from cleaner.blocks import is_heading_like, segment
from cleaner.heuristics import Context, Heuristic
from cleaner.model import Block, Removal
from cleaner.plan import text_plan
from cleaner.text import count_words

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# The suspect characters as first written: an alternation of classes (what the leading class and
# its look behind must match exactly).
_ALTERNATION = re.compile(f"[{norm._SUSPECT_ALONE}]|[{norm._LEADS}][{norm._CONTINUATIONS}]|[{norm._A0_LEAD_CHARS}] ")


def _random_texts(alphabet: list[str], n: int, seed: int, most: int = 14) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, most))) for _ in range(n)]


def test_suspect_class_matches_as_the_alternation():
    alphabet = sorted(set(norm._decoded(range(0x80, 0x100))))
    alphabet += [chr(c) for c in range(0x80, 0xA0)] + list("aZ .,\n\u2028\u206b\ufeff\ufffd\ud800")
    for text in _random_texts(alphabet, 20_000, 1):
        assert bool(norm._NON_ASCII_SUSPECT.search(text)) == bool(_ALTERNATION.search(text)), repr(text)


@pytest.mark.parametrize(
    ("text", "path", "changed"),
    [
        ("Plain ASCII text.\n", "skip", False),
        ("Caf\u00e9 au lait, \u201cquoted\u201d.", "skip", False),
        ("Fish &amp; chips", "ftfy", True),
        ("line one\r\nline two", "ftfy", True),
        ("It\u00e2\u20ac\u2122s broken", "ftfy", True),
        ("\u0412\u0451\u0440\u0441\u0442\u043a\u0430 (a Cyrillic pair that reads as mojibake does)", "ftfy", False),
    ],
)
def test_normalize_takes_the_path_its_checks_say(text, path, changed):
    out = norm.normalize(text)
    assert out.path == path
    assert (out.text != text) == changed
    assert bool(out.steps) == changed


def test_normalize_path_is_that_of_needs_ftfy_then_ftfy_acts():
    alphabet = sorted(set(norm._decoded(range(0x80, 0x100)))) + list("aZ .,\n&;#\r\x00\u00a0\u2028")
    alphabet += ["&amp;", "\u00c3\u00a9", "\u00e2\u20ac\u2122", "&#39;"]
    for text in _random_texts(alphabet, 5_000, 2):
        out = norm.normalize(text)
        if not norm.needs_ftfy(text):
            assert (out.path, out.text, out.steps) == ("skip", text, ())
        elif not norm.ftfy_acts(text):
            assert (out.path, out.text, out.steps) == ("ftfy", text, ())
        else:
            assert out.path == "ftfy"


def test_segment_counts_and_strips_as_each_block_reads():
    alphabet = ["a", "B", " ", "\t", "\n", "\n\n", "\u00a0", "\u2003", "\x1c", "\x85", "\u3000", ".", "#", "## "]
    alphabet += ["- ", "> ", "1. ", "\u2022 ", "Title Case", "x" * 40 + " ", "\u65e5\u672c\u8a9e", "?", "\u2026"]
    for text in _random_texts(alphabet, 5_000, 3, most=30):
        for b in segment(text):
            piece = text[b.start : b.end]
            assert piece == piece.strip() and piece, repr(text)
            assert b.content == text[b.content_start : b.content_end]
            assert b.n_words == count_words(b.content), repr(text)
            assert b.heading_like == is_heading_like(b.content), repr(text)


def _whole(ctx: Context, h: Heuristic, b: Block) -> Removal:
    return Removal(
        h.id, h.category, h.reason, h.source, ctx.text[b.start : b.end], 0.9, start=b.start, end=b.end, block=b.index
    )


def _first_block(ctx: Context, h: Heuristic) -> list[Removal]:
    """Reads nothing decided: the first block."""
    RUNS[h.id] += 1
    return [_whole(ctx, h, ctx.blocks[0])]


def _first_kept(ctx: Context, h: Heuristic) -> list[Removal]:
    """Reads the decisions: the first block still kept (each removal makes another the first)."""
    RUNS[h.id] += 1
    kept = ctx.kept_blocks()
    return [_whole(ctx, h, kept[0])] if kept else []


RUNS: dict[str, int] = {}


def test_a_heuristic_that_reads_nothing_runs_once_one_that_reads_to_the_last_round(monkeypatch):
    blind = Heuristic("test.first-block", "test", "first", "", _first_block, confidence=(0.9, 0.9))
    reader = Heuristic("test.first-kept", "test", "first kept", "", _first_kept, confidence=(0.9, 0.9))
    monkeypatch.setattr(decide_mod, "HEURISTICS", (blind, reader))
    decide_mod._lineup.cache_clear()
    RUNS.clear()
    RUNS.update({blind.id: 0, reader.id: 0})
    try:
        c = Cleaner(Config())
        text = "\n\n".join(f"Paragraph number {i} says something about the town." for i in range(8))
        decision = decide_mod.decide(text, segment(text), "en", c.rulebook, c.config)
    finally:
        decide_mod._lineup.cache_clear()
    assert RUNS == {blind.id: 1, reader.id: decide_mod._MAX_ROUNDS}
    assert [r.block for r in decision.removed] == list(range(1 + decide_mod._MAX_ROUNDS))


def _wild_texts() -> list[str]:
    if not (DATA / "wild-dev").exists():
        pytest.skip("shared data not available")
    from bench.datasets import load_wild

    return [a.raw for a in load_wild(DATA)]


def test_the_rules_look_again_only_at_changed_cuts_and_that_changes_nothing(monkeypatch):
    """Every block the rules looked at again and not since (its cuts unchanged, still not gone):
    asked again, they find only what they found (all known, nothing added)."""
    texts = _wild_texts()
    original = decide_mod.apply_rules_again
    log: dict[int, tuple[list[tuple[int, int]], int, set]] = {}  # block -> its cuts, how many, what was found

    def looking(text, blocks, cuts, plan, timeout):
        hits = original(text, blocks, cuts, plan, timeout)
        for i, live in cuts.items():
            assert log.get(i, (None, -1))[1] != len(live), "looked at again with the same cuts"
            log[i] = (live, len(live), {(r.rule, r.start, r.end) for r in hits.removals if r.block == i})
        return hits

    c = Cleaner(Config())
    docs = [(c._text_prepared(text, None), c.clean(text).lang.code) for text in texts]
    monkeypatch.setattr(decide_mod, "apply_rules_again", looking)
    unchanged = 0
    for doc, lang in docs:
        log.clear()
        code = None if lang == "und" else lang
        decide_mod.decide(doc.text, doc.blocks, code, c.rulebook, c.config)
        plan = text_plan(c.rulebook, code)
        for i, (live, n, found) in log.items():
            if len(live) == n:  # not looked at since: asked now, the rules find what they found
                unchanged += 1
                again = original(doc.text, doc.blocks, {i: live}, plan, c.config.regex_timeout).removals
                assert {(r.rule, r.start, r.end) for r in again} == found
    assert unchanged
