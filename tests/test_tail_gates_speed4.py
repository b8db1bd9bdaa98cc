"""The fourth round's cheaper forms of the tail and truncation heuristics (issue 13) decide nothing:
truncation.dangling-fragment's string gate (``_may_dangle``) and its uncut blocks judged once per
document, truncation.repeated-block's gate on the first two words (``_opening``), tail.link-residue's
content read without a view when its block is uncut and ``_may_look``'s last-character test,
headline.stacked's gate on the blocks' order (``_may_stack_in``) and the reordered ``_NOT_HEADLINE``,
the slash gate of embed.trailing-tweet and the bracket gate of truncation.snippet-limit. Each finds
what the plain form finds, in other scripts and cases (a dotless ı, İ, ß, Cyrillic, Greek, a soft
hyphen, CJK, Thai), and lets through what it must find."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, embeds, offtopic, tails, truncation
from cleaner.heuristics.base import Context
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook
from cleaner.text import phrase_key

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
GATES = {
    "truncation.dangling-fragment": truncation,
    "truncation.repeated-block": truncation,
    "truncation.snippet-limit": truncation,
    "headline.stacked": offtopic,
    "embed.trailing-tweet": embeds,
    "tail.link-residue": tails,
}


def _found(
    hid: str, text: str, prior: tuple[Removal, ...] = (), memo: dict | None = None
) -> list[tuple[str, int | None, int | None, float, str]]:
    h = BY_ID[hid]
    blocks = tuple(segment(text))
    ctx = Context(text, blocks, None, BOOK, Config(), (), prior, memo={} if memo is None else memo)
    return [(r.rule, r.start, r.end, r.confidence, r.reason) for r in h.run(ctx, h)]


def _both(hid: str, text: str, prior: tuple[Removal, ...] = ()) -> list[tuple]:
    module = GATES[hid]
    module._GATED = False  # type: ignore[attr-defined]
    try:
        plain = _found(hid, text, prior)
    finally:
        module._GATED = True  # type: ignore[attr-defined]
    assert _found(hid, text, prior) == plain
    return plain


# The characters the gates read: stops, closers, spaces, tabs, line breaks, brackets, slashes, and
# letters of other scripts and cases.
_PIECES = [
    "a",
    "E",
    "Ilık",
    "ılık",
    "İstanbul",
    "Straße",
    "STRASSE",
    "Мост",
    "мост",
    "ΟΔΟΣ",
    "οδος",
    "Offi\u00adcials",
    "東京",
    "ภาษาไทย",
    "accounts",
    ".",
    "!",
    "?",
    "…",
    ",",
    "'",
    "’",
    '"',
    "”",
    ")",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\n",
    "\n\n",
    "[",
    "]",
    "[+3777 chars]",
    "/",
    "pic.twitter.com/laV4XTG1Kw",
    "©",
    "→",
    "2",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


# -- truncation.dangling-fragment ------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_may_dangle_says_no_only_where_the_pattern_finds_nothing(tail: str) -> None:
    if not truncation._may_dangle(tail):
        assert truncation._DANGLING.search(tail) is None


BODY = "He said the official accounts were closed for the whole of the long weekend"
FRAGMENTS = [
    f"{BODY}. E",
    f"{BODY}. Ilık ılık  \n",
    f"{BODY}.” İst",
    f"{BODY}! Мост",
    f"{BODY}.\tΟδος οδος",
    f"{BODY}.) Straße\n\n{BODY}. E\n\n{BODY}.",
]
NOT_FRAGMENTS = [
    f"{BODY}.) Offi\u00adcials",  # a soft hyphen is no letter of a fragment
    f"{BODY}. E 2",
    f"{BODY}. 東京",
    f"{BODY}. ภาษาไทย",
    f"{BODY}. It’s a b",
    f"{BODY}.E",
    f"{BODY}. E\n\n",
    f"{BODY}.",
    f"{BODY} E",
]


@pytest.mark.parametrize("text", FRAGMENTS)
def test_dangling_gate_lets_fragments_through(text: str) -> None:
    assert _both("truncation.dangling-fragment", text)


@pytest.mark.parametrize("text", NOT_FRAGMENTS)
def test_dangling_gate_changes_nothing(text: str) -> None:
    _both("truncation.dangling-fragment", text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([BODY + ".", *FRAGMENTS, *NOT_FRAGMENTS, "Advertisement", "x"]), max_size=6))
def test_dangling_kept_uncut_answers_find_what_fresh_ones_find(lines: list[str]) -> None:
    """A later round (an earlier decision cut a block since) finds with the answers kept for the
    uncut blocks what a context without them finds, with and without the gate."""
    text = "\n\n".join(lines)
    memo: dict = {}
    first = _found("truncation.dangling-fragment", text, memo=memo)
    assert first == _both("truncation.dangling-fragment", text)
    blocks = tuple(segment(text))
    h = BY_ID["truncation.dangling-fragment"]
    ctx = Context(text, blocks, None, BOOK, Config(), ())
    for b in blocks:  # a cut at the start of each block in turn: its view is judged again
        if len(b.content) > 3:
            cut = (h.remove_span(ctx, b, b.content_start, b.content_start + 2, 0.9, "earlier"),)
            assert _found("truncation.dangling-fragment", text, cut, memo) == _both(
                "truncation.dangling-fragment", text, cut
            )


# -- truncation.repeated-block -----------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, " x", "— ", "«", "y" * 70]), max_size=30).map("".join))
def test_opening_is_the_key_start(text: str) -> None:
    words = phrase_key(text).split(" ")
    opening = truncation._opening(text)
    if len(words) >= 3:
        assert opening == (words[0], words[1])


def test_spaces_are_what_split_splits_at() -> None:
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert (truncation._SPACES.fullmatch(c) is not None) is c.isspace(), hex(cp)


LONG = "Officials said the bridge would stay closed for repairs until the end of the month at least"
REPEATS = [
    f"{LONG}.\n\nOther news of the day.\n\n{LONG}.",
    f"Officials said the bridge would stay closed for rep...\n\nFiller.\n\n{LONG}.",
    "Istanbul ılık bir gün yaşadı ve şehirde birçok insan sahile indi bugün öğleden sonra.\n\n"
    "ISTANBUL ılık bir gün yaşadı ve şehirde birçok insan sahile indi bugün öğleden sonra.",
    "東京 大阪 " + "京都 " * 12 + "\n\n" + "東京 大阪 " + "京都 " * 12,
    "ภาษาไทย " * 14 + "\n\n" + "ภาษาไทย " * 14,
    ("x" * 70 + " said the bridge would stay closed for repairs until the end of the month.\n\n") * 2,
]


@pytest.mark.parametrize("text", REPEATS)
def test_opening_gate_lets_repeats_through(text: str) -> None:
    assert _both("truncation.repeated-block", text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*_PIECES, "b", "c", "the"]), min_size=1, max_size=14), max_size=8))
def test_opening_gate_changes_nothing(blocks: list[list[str]]) -> None:
    _both("truncation.repeated-block", "\n\n".join(" ".join(b) for b in blocks))


# -- tail.link-residue -------------------------------------------------------------------------


def _may_look_before(tail: str) -> bool:
    """``_may_look`` as it was: the last of the stops found by a scan for each."""
    if tail.endswith("\n"):
        return True
    k = max(tail.rfind(c) for c in tails._LOOK_STOPS)
    if k < 0 or tail[k] not in tails._LOOK_ENDS:
        return False
    rest = tail[k + 1 :]
    return " " in rest or "\t" in rest or "\u00a0" in rest


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, ":", ";", "|", "\u0964"]), max_size=20).map("".join))
def test_may_look_is_what_it_was(tail: str) -> None:
    assert tails._may_look(tail) is _may_look_before(tail)


RESIDUES = [
    f"{BODY}.  Read more here",
    f"{BODY}. View Full Profile",
    f"{BODY}. Δείτε την έρευνα",
    f"{BODY}.\u00a0Мост закрыт",
]


@pytest.mark.parametrize("text", RESIDUES)
def test_link_residue_found_on_uncut_and_cut_blocks(text: str) -> None:
    found = _both("tail.link-residue", text)
    assert found
    # the same block with a cut at its start: judged on its view, the same words found
    blocks = tuple(segment(text))
    h = BY_ID["tail.link-residue"]
    ctx = Context(text, blocks, None, BOOK, Config(), ())
    b = blocks[-1]
    cut = (h.remove_span(ctx, b, b.content_start, b.content_start + 3, 0.9, "earlier"),)
    assert [r[1:3] for r in _both("tail.link-residue", text, cut)] == [r[1:3] for r in found]


# -- headline.stacked --------------------------------------------------------------------------

_OLD_NOT_HEADLINE = regex.compile(r"[()\[\]{}<>$|=/@#*\u2022\u2192\t\n]|https?:|\w[.,]\w|[.!]\s+\p{Lu}|\p{So}")


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "http:", "https:", "x", "_", "\u0301", "²", "😀", "@", "$"]), max_size=12))
def test_not_headline_matches_what_it_matched(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert (offtopic._NOT_HEADLINE.search(text) is None) is (_OLD_NOT_HEADLINE.search(text) is None)


TITLE = "El Senado aprueba la reforma del sistema de pensiones"
P1 = (
    "La reforma aprobada este martes eleva la edad de jubilación de forma gradual y cambia el cálculo "
    "de las pensiones para los trabajadores que empiezan a cotizar desde el próximo año."
)
P2 = (
    "Los sindicatos anunciaron movilizaciones en varias ciudades y pidieron al Gobierno que abra una "
    "mesa de negociación antes de que la norma entre en vigor en enero."
)
OTHER = "Un incendio forestal obliga a desalojar tres aldeas en la sierra de Gredos"
OTHER_RU = "Лесной пожар вынудил эвакуировать три деревни в горах на юге страны"
SUBHEAD = "Críticas sindicales"


@pytest.mark.parametrize("other", [OTHER, OTHER_RU])
def test_stack_gate_lets_stacks_through(other: str) -> None:
    assert _both("headline.stacked", "\n\n".join([TITLE, P1, other, SUBHEAD, P2, P2]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([TITLE, P1, P2, OTHER, OTHER_RU, SUBHEAD, "x", "Ilık ılık"]), max_size=9))
def test_stack_gate_changes_nothing(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    _both("headline.stacked", text)
    # with an earlier decision: the subhead's or a paragraph's block removed whole
    blocks = tuple(segment(text))
    if len(blocks) > 2:
        h = BY_ID["headline.stacked"]
        ctx = Context(text, blocks, None, BOOK, Config(), ())
        _both("headline.stacked", text, (h.remove_block(ctx, blocks[2], 0.9, "earlier"),))


# -- embed.trailing-tweet, truncation.snippet-limit ----------------------------------------------


@pytest.mark.parametrize(
    ("hid", "text"),
    [
        ("embed.trailing-tweet", f"{BODY}. pic.twitter.com/laV4XTG1Kw"),
        ("embed.trailing-tweet", f"{BODY}.\n\nPIC.TWITTER.COM/laV4XTG1Kw April 22, 2020"),
        ("truncation.snippet-limit", f"{BODY}. The minister said the plan would take a decade to fin… [+3777 chars]"),
        ("truncation.snippet-limit", f"{BODY}. Он сказал … [+240 c"),
    ],
)
def test_literal_gates_let_through(hid: str, text: str) -> None:
    assert _both(hid, text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_literal_gates_change_nothing(text: str) -> None:
    _both("embed.trailing-tweet", text)
    _both("truncation.snippet-limit", text)


# -- share.network-row, tail.section-items, the navigation heuristics, promo.reader-call, the appeals' shared gate


NETWORKS = "\n\n".join(["Facebook", "Twitter", "WhatsApp", "Email"])


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY}.\n\n{NETWORKS}\n\n{BODY}.",
        f"{BODY}.\n\nFacebook\n\nTwitter\n\n{BODY}.",
        "Facebook\n\nTWITTER",
        f"{BODY}.\n\nFacebook\n\n{BODY}.",
        "ılık\n\nİstanbul\n\nStraße",
    ],
)
def test_network_gate_changes_nothing(text: str) -> None:
    GATES["share.network-row"] = sys.modules["cleaner.heuristics.share"]
    found = _both("share.network-row", text)
    if NETWORKS in text:
        assert len(found) == 4


def test_network_row_after_a_share_prompt_removed_by_a_rule() -> None:
    from cleaner import Cleaner

    text = f"{BODY}.\n\nShare this:\n\nFacebook\n\nTwitter\n\n{BODY}."
    removed = [r.rule for r in Cleaner(Config()).clean(text).removed]
    assert removed.count("share.network-row") == 2


def test_tail_rules_are_the_first_with_a_tail_naming_a_phrase() -> None:
    from cleaner.plan import text_plan

    for lang in (None, "en", "es", "de"):
        rules = text_plan(BOOK, lang, None).rules
        index = tails._tail_rules(rules)
        for key in {p for r in rules for p in r.phrases}:
            first = next((r for r in rules if r.tail is not None and key in r.phrases), None)
            assert index.get(key) is first


def test_outside_is_asked_again_of_the_same_context_only() -> None:
    from cleaner.heuristics import navigation

    text = f"Home\n\nWorld\n\nPolitics\n\n{P1}\n\nAbout\n\nContact"
    blocks = tuple(segment(text))
    one = Context(text, blocks, None, BOOK, Config(), ())
    head, tail = navigation._outside(one)
    assert [b.content for b in head] == ["Home", "World", "Politics"]
    assert navigation._outside(one) == (head, tail)
    h = BY_ID["navigation.menu-run"]
    gone = (h.remove_block(one, blocks[0], 0.9, "earlier"),)
    two = Context(text, blocks, None, BOOK, Config(), (), gone)  # other decisions: asked again
    assert [b.content for b in navigation._outside(two)[0]] == ["World", "Politics"]
    assert [b.content for b in navigation._outside(one)[0]] == ["Home", "World", "Politics"]


APPEALS = [
    f"{BODY}.\n\n{BODY}.\n\nIndependent journalism needs your support. Please donate today to keep us going.",
    f"{BODY}.\n\n{BODY}.\n\nFor the full story, subscribe now. Click here to read the digital edition.",
    f"{BODY}.\n\n{BODY}.\n\nEl periodismo independiente necesita tu apoyo. Dona hoy.",
    f"{BODY}.\n\n{BODY}.\n\nIlık ılık, İstanbul. Straße. Мост закрыт. ΟΔΟΣ.",
]


@pytest.mark.parametrize("text", APPEALS)
def test_the_appeals_shared_gate_changes_nothing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.heuristics import appeals

    memo: dict = {}
    both = [_found(hid, text, memo=memo) for hid in ("promo.support-appeal", "tail.service-note")]
    monkeypatch.setattr(appeals, "_may_name_tail", lambda ctx, b: True)
    assert both == [_found(hid, text) for hid in ("promo.support-appeal", "tail.service-note")]
    if "donate" in text.lower() or "subscribe" in text:
        assert any(both)


# -- gates before reading the decisions: tail.after-debris, widget.section-label,
# truncation.opening-teaser, navigation.slide-counter; promo.bullet-label's bullet test first

_LINES = [
    P1,
    P2,
    "Noticias",
    "Home / World / Politics",
    "1 of 5",
    "2 of 5",
    "3 of 5",
    "Related stories",
    "Un incendio forestal obliga a desalojar tres aldeas en la sierra de Gredos y los vecinos...",
    "Ilık ılık",
    "Мост",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=6), st.lists(st.booleans(), max_size=6))
def test_block_gates_change_nothing(lines: list[str], removed: list[bool]) -> None:
    from cleaner.heuristics import cards, labels, openers, sections

    for hid, module in (
        ("tail.after-debris", sections),
        ("widget.section-label", labels),
        ("truncation.opening-teaser", openers),
        ("navigation.slide-counter", cards),
    ):
        GATES[hid] = module
        text = "\n\n".join(lines)
        blocks = tuple(segment(text))
        h = BY_ID[hid]
        ctx = Context(text, blocks, None, BOOK, Config(), ())
        prior = tuple(h.remove_block(ctx, b, 0.9, "earlier") for b, r in zip(blocks, removed, strict=False) if r)
        _both(hid, text, prior)


@pytest.mark.parametrize(
    ("hid", "lines"),
    [
        ("navigation.slide-counter", [P1, "1 of 5", "2 of 5", "3 of 5", P2]),
        ("truncation.opening-teaser", [_LINES[8], P1, P2]),
        ("widget.section-label", ["Noticias", OTHER, P1]),
    ],
)
def test_block_gates_let_through(hid: str, lines: list[str]) -> None:
    from cleaner.heuristics import cards, labels, openers

    GATES[hid] = {"navigation.slide-counter": cards, "truncation.opening-teaser": openers}.get(hid, labels)
    assert _both(hid, "\n\n".join(lines))


def test_bullet_label_reads_no_decision_without_a_bullet() -> None:
    h = BY_ID["promo.bullet-label"]
    for text, reads in ((f"{P1}\n\n{P2}", False), (f"{P1} • Match report: A win {P2}", True)):
        blocks = tuple(segment(text))
        seen = [False]
        ctx = Context(text, blocks, None, BOOK, Config(), (), reads=seen)
        list(h.run(ctx, h))
        assert seen[0] is reads
    text = f"{P1} • Match report: Newcastle 2-0 Forest\n\n{P2} • Match report: Leeds 1-1 Hull"
    assert len(_found("promo.bullet-label", text)) == 2
