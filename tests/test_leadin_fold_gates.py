"""The lead-in heuristics read one fold (issue 13): ``lined_fold``, with ``UNFOLDED`` where a
character folds to several. Such a character costs the block that holds it its gates, not the whole
text; the gates look for whole labels (forwards, and backwards before a separator); and each
cheaper form finds what the plain one finds."""

from __future__ import annotations

import re
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, leadin_patterns, leadin_scans, leadins
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook
from cleaner.text import UNFOLDED, blind_folds, trie_regex

BOOK = load_rulebook(Config())
LABELS = BOOK.words("promo.lead-in-labels", None)
LEAD_HEURISTICS = [h for h in HEURISTICS if h.id in ("promo.inline-lead-in", "promo.inline-label")]
EVERY_CHAR = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def _found(text: str) -> list[tuple[str, int | None, int | None, str]]:
    blocks = segment(text)
    out = []
    for h in LEAD_HEURISTICS:
        ctx = Context(text, blocks, None, BOOK, Config(), ())
        out += [(r.rule, r.start, r.end, r.reason) for r in h.run(ctx, h)]
    return out


LINES = st.sampled_from(
    [
        "The mayor spoke on Tuesday.",
        "Die Straße war gesperrt.",
        "It rained.  Read also: Storm Hits Coast",
        "It rained. READ   ALSO: Storm Hits Coast",
        "It rained. Read\talso | Storm Hits Coast The mayor said more.",
        "Es regnet. Lesen Sie auch: Sturm über Straßen",
        "Es regnet, sagt Weiß. Lesen Sie auch: Sturm",
        "Rain (Related: Storm Hits Coast) fell.",
        "Regen (ẞtraße) fiel (Lesen Sie auch: Sturm) heute.",
        "Il pleut. LİRE AUSSİ: La tempête",
        "Yağmur yağdı. AYRICA OKUYUN: Fırtına Kıyıyı Vurdu",
        "It rained. unrelated: more text",
        "It rained.  À LIRE AUSSI : La tempête",
        "ﬁre. Read more: Storm",
        "It rained. Read also: A B C A B C The mayor said.",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=6), st.sampled_from(["\n", "\n\n", "\n- ", " "]))
def test_lead_in_heuristics_answer_as_without_their_gates(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    found = _found(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(leadins, "_head_scans", lambda labels: None)
        m.setattr(leadins, "_ending_backward", lambda labels: None)
        assert _found(text) == found
    with pytest.MonkeyPatch.context() as m:  # a fold that says nothing anywhere: every block asked
        m.setattr(leadin_scans, "lined_fold", lambda t: UNFOLDED * len(t))
        assert _found(text) == found


def test_a_character_folding_to_several_costs_only_its_block_the_gates() -> None:
    text = "Die Straße war gesperrt.\nIt rained. The mayor spoke.  Read also: Storm Hits Coast"
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    fold = leadin_scans._fold(ctx)
    assert fold.unfolded == {0}
    assert leadins._opening(ctx, LABELS) == {1: [text.index("Read") - ctx.blocks[1].content_start]}
    assert _found(text) and _found(text)[0][1] == text.index("  Read")


def test_every_match_of_a_label_character_folds_to_its_folds() -> None:
    """What the gates rest on: every character a case-blind ``regex`` takes for a label's
    character folds, one for one, to one of that character's ``blind_folds``, or folds to several
    (where the fold says ``UNFOLDED``)."""
    chars = {c for w in LABELS for c in w if not c.isspace()}
    for c in sorted(chars):
        folds = {f for f in blind_folds(c)}
        for t in regex.findall(regex.escape(c), EVERY_CHAR, regex.IGNORECASE):
            assert len(t.casefold()) != 1 or t.casefold() in folds, (c, t)


def test_whitespace_of_the_patterns_is_whitespace_of_the_walk() -> None:
    """``regex``'s ``\\s`` (the label patterns') is within Python's whitespace (the walk's, and
    ``re``'s ``\\s`` in the scans)."""
    spaces = set(regex.findall(r"\s", EVERY_CHAR))
    assert spaces <= {c for c in EVERY_CHAR if c.isspace()} == set(re.findall(r"\s", EVERY_CHAR))


WORDS = st.lists(st.text(alphabet="ab c", min_size=1, max_size=4).filter(lambda w: w.strip() == w), max_size=5)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(alphabet="ab c\t", max_size=8))
def test_a_whole_trie_is_its_alternation(words: list[str], text: str) -> None:
    if not words:
        return
    trie = re.compile(trie_regex(words, space=r"\s+", whole=True))
    plain = [re.compile(re.escape(w).replace(r"\ ", r"\s+")) for w in words]
    assert (trie.fullmatch(text) is not None) == any(p.fullmatch(text) for p in plain)


ENDING_PIECES = ["Read", "read", "ALSO", "also", " ", "  ", "\t", "\n", "Lesen", "Sie", "auch", "x", "(", "«"]
ENDING_PIECES += ["À", "lire", "aussi", "AYRICA", "okuyun", "ß", "İ", "related", "un", "ЧИТАЙТЕ", "ТАКЖЕ", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ENDING_PIECES), max_size=10))
def test_the_ending_trie_matches_where_the_ending_matches(pieces: list[str]) -> None:
    content = "".join(pieces)
    ending = leadin_patterns._label_patterns(LABELS)[1]
    trie = leadin_patterns._ending_trie(LABELS)
    for k in range(len(content)):
        assert (trie.match(content, k) is None) == (ending.match(content, k) is None), k


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ENDING_PIECES), max_size=10))
def test_label_starts_hold_every_start_of_the_ending(pieces: list[str]) -> None:
    content = "".join(pieces) + ":"
    ctx = Context(content, tuple(segment(content)), None, BOOK, Config(), ())
    fold = leadin_scans._fold(ctx)
    ending = leadin_patterns._label_patterns(LABELS)[1]
    for b in ctx.blocks:
        sep = b.content.rfind(":")
        if sep < 0:
            continue
        starts = leadins._starts_before(b, sep, LABELS, fold)
        for k in range(sep):
            if ending.match(b.content, k, sep):
                assert starts is None or k in starts, (k, starts)


def test_label_starts_run_over_any_whitespace() -> None:
    text = "It rained. Read \t\u00a0 also : x"
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    b = ctx.blocks[0]
    starts = leadins._starts_before(b, b.content.index(":"), LABELS, leadin_scans._fold(ctx))
    assert starts is not None and b.content.index("Read") in starts
