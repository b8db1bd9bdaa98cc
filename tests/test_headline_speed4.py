"""Cheaper forms in the headline and lead-in heuristics (issue 13, fourth speed round) decide
nothing: ``offtopic.not_headline`` answers as the one alternation it replaces; question_kicker's
look for a "?" before its pattern and lead_in_target's text-only tests before the decisions find
what the former forms found, in other scripts and cases too (Turkish ı/İ, German ß, Cyrillic,
Greek, a soft hyphen, CJK, Thai)."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, headlines
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.offtopic import not_headline
from cleaner.match import block_removal
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}

# The alternation ``not_headline`` asks in parts.
_FORMER_NOT_HEADLINE = regex.compile(r"[()\[\]{}<>$|=/@#*\u2022\u2192\t\n]|https?:|\w[.,]\w|[.!]\s+\p{Lu}|\p{So}")

PIECES = [
    "a",
    "Z",
    "1",
    " ",
    "  ",
    ".",
    ",",
    "!",
    "?",
    ". ",
    "! ",
    ".\u00a0",
    "\u2003",
    "http:",
    "https:",
    "htt",
    "(",
    "]",
    "$",
    "|",
    "\t",
    "\n",
    "\u2022",
    "\u2192",
    "\u00a9",
    "\u263a",
    "\U0001f600",
    "\u00ad",
    "ı",
    "İ",
    "ß",
    "ẞ",
    "Ж",
    "ж",
    "Ω",
    "ω",
    "ǅ",
    "中",
    "ก",
    "\u0e31",
    "\u093f",
    "क",
    "_",
    "\u200d",
    "\u2160",
    "²",
    "Ⓐ",
    "Straße",
    "İstanbul",
    "Москва",
    "Αθήνα",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_not_headline_answers_as_the_alternation(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert not_headline(text) == (_FORMER_NOT_HEADLINE.search(text) is not None), text


def test_not_headline_cases() -> None:
    for text, expected in [
        ("Man Arrested After Police Chase In Downtown Area Late On Friday Night", False),
        ("Prices rose 3.5 percent in the year to March", True),
        ("The show ends. Then The Credits Roll", True),
        ("Was der Straße fehlt. Über Die Stadt", True),
        ("Что случилось в Москве вчера вечером", False),
        ("Что случилось. Вчера вечером", True),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία", False),
        ("İstanbul'da yağmur etkili oldu ve yollar kapandı", False),
        ("ข่าววันนี้ ฝนตกหนักในกรุงเทพ", False),
        ("東京で大雨 交通機関に乱れ", False),
        ("Weather ☺ today", True),
        ("See example.com for more", True),
        ("Soft\u00adhyphen in a headline of some length here", False),
        ("a,b", True),
        (",b", False),
        ("Follow @someone", True),
    ]:
        assert not_headline(text) == expected == (_FORMER_NOT_HEADLINE.search(text) is not None), text


def _ctx(text: str, gone: Iterable[int] = ()) -> Context:
    blocks = tuple(segment(text))
    prior = tuple(
        block_removal(text, blocks[i], "test.rule", "promo", "test", "rule", 0.9) for i in gone if i < len(blocks)
    )
    return Context(text, blocks, None, BOOK, Config(), prior, prior=prior)


def _former_question_kicker(ctx: Context, h: Heuristic) -> list[Removal]:
    """question_kicker as it read before its look for a "?" (the rest unchanged)."""
    from cleaner.blocks import words
    from cleaner.model import PARAGRAPH
    from cleaner.text import count_words

    gone = ctx.removed_blocks()
    lead = next((b for b in ctx.blocks if b.kind == PARAGRAPH and b.index not in gone), None)
    if lead is None:
        return []
    if sum(1 for b in ctx.blocks if b.index not in gone and b.content == lead.content) >= 3:
        return []
    m = headlines._QUESTION_LEAD.match(lead.content)
    if not m:
        return []
    q = m.group("q")
    qwords = words(q)
    rest = lead.content[m.end() :]
    if not 2 <= count_words(q) <= 10 or count_words(rest) < 12:
        return []
    if qwords[0].casefold() not in ctx.words("headline.question-words"):
        return []
    if any(w.casefold() in headlines._READER_WORDS for w in qwords):
        return []
    end = lead.content_start + m.end()
    return [h.remove_span(ctx, lead, lead.content_start, end, 0.8, "x")]


QUESTION_LINES = [
    "What is happening in Balochistan? The province has seen weeks of unrest, with protests in the capital and beyond.",
    "Why did the river flood? The water rose through the night and the town woke to streets under a metre of water.",
    "Is weight loss one of your resolutions? Many readers say so every single year in our long running survey.",
    "Was passiert in der Straße? Die Stadt hat die Straße gesperrt, weil das Wasser über Nacht stark gestiegen ist.",
    "Что происходит в Москве? Город закрыл улицы после того как вода поднялась за ночь на метр и более того.",
    "Τι συμβαίνει στην Αθήνα; Η πόλη έκλεισε δρόμους μετά την άνοδο του νερού κατά τη διάρκεια της νύχτας.",
    "Neden İstanbul'da su yükseldi? Şehir gece boyunca yükselen su nedeniyle birçok yolu kapattı ve halk uyandı.",
    "Who paid for the new bridge over the river near the old town hall and the market square built in the long "
    "gone years of the last century when the town was young? Nobody knows for sure, the council said in a note.",
    "Why? Because.",
    "What\u00adis this? The soft hyphen stays in the line of text for the test to read through twelve words or more.",
    "東京で何が起きたのか? 大雨で交通機関に乱れが出た。",
    "ทำไมฝนตก? ฝนตกหนักในกรุงเทพ",
    "The mayor spoke on Tuesday about the budget for the coming year and the new bridge over the river.",
    "",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(QUESTION_LINES), min_size=1, max_size=5),
    st.sets(st.integers(0, 5), max_size=2),
)
def test_question_kicker_finds_what_its_former_form_found(lines: list[str], gone: set[int]) -> None:
    text = "\n\n".join(lines)
    h = BY_ID["headline.question-kicker"]
    for lang in (None, "en", "de", "ru", "el", "tr"):
        ctx = _ctx(text, gone)
        ctx = Context(ctx.text, ctx.blocks, lang, BOOK, Config(), ctx.prior, prior=ctx.prior)
        now = [(r.start, r.end) for r in h.run(ctx, h)]
        before = [(r.start, r.end) for r in _former_question_kicker(ctx, h)]
        assert now == before


def test_question_kicker_still_goes() -> None:
    h = BY_ID["headline.question-kicker"]
    ctx = _ctx(QUESTION_LINES[0] + "\n\n" + QUESTION_LINES[-2])
    ctx = Context(ctx.text, ctx.blocks, "en", BOOK, Config(), ())
    assert [r.text for r in h.run(ctx, h)] == ["What is happening in Balochistan? "]


def _former_lead_in_target(ctx: Context, h: Heuristic) -> list[Removal]:
    """lead_in_target as it read before its text-only tests came first (the decisions read first)."""
    from cleaner.heuristics.leadins import _TARGET_MAX_WORDS, _TERMINAL

    gone = ctx.removed_blocks()
    filled = [b for b in ctx.blocks if b.content.strip()]
    if len(filled) < 3:
        return []
    last, before = filled[-1], filled[-2]
    text = last.content.strip()
    if (
        last.index in gone
        or before.index not in gone
        or not before.content.rstrip().endswith((":", "\uff1a"))
        or not 1 <= last.n_words <= _TARGET_MAX_WORDS
        or text[-1] in _TERMINAL
        or ctx.prior_cuts(last)
        or not any(b.index not in gone for b in filled[:-2])
    ):
        return []
    return [h.remove_block(ctx, last, 0.75, "x")]


TARGET_LINES = [
    "The council met on Tuesday and voted on the budget for the coming year.",
    "We also reported on the fire in the old town:",
    "Wir berichteten auch über den Brand in der Altstadt\uff1a",
    "Мы также писали о пожаре в старом городе:",
    "Fire in the old town",
    "Brand in der Straße",
    "Пожар в старом городе",
    "Φωτιά στην παλιά πόλη",
    "İstanbul'da yangın",
    "東京の火事",
    "ไฟไหม้ในเมืองเก่า",
    "Fire in the old town.",
    "A very long last line that holds far more than fifteen words of text so that it is not a title at all",
    "",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(TARGET_LINES), min_size=1, max_size=6),
    st.sets(st.integers(0, 6), max_size=3),
    st.sampled_from(["\n", "\n\n"]),
)
def test_lead_in_target_finds_what_its_former_form_found(lines: list[str], gone: set[int], sep: str) -> None:
    text = sep.join(lines)
    h = BY_ID["promo.lead-in-target"]
    ctx = _ctx(text, gone)
    now = [(r.start, r.end) for r in h.run(ctx, h)]
    before = [(r.start, r.end) for r in _former_lead_in_target(ctx, h)]
    assert now == before


def test_lead_in_target_still_goes_and_reads_the_decisions_only_when_the_text_allows() -> None:
    h = BY_ID["promo.lead-in-target"]
    text = "\n\n".join([TARGET_LINES[0], TARGET_LINES[0], TARGET_LINES[1], TARGET_LINES[6]])
    ctx = _ctx(text, gone=[2])
    assert [r.text for r in h.run(ctx, h)] == [TARGET_LINES[6]]
    # the text alone rules it out (the last line ends a sentence): the decisions are not read
    reads = [False]
    text = "\n\n".join([TARGET_LINES[0], TARGET_LINES[1], TARGET_LINES[11]])
    blocks = tuple(segment(text))
    ctx = Context(text, blocks, None, BOOK, Config(), (), reads=reads)
    assert list(h.run(ctx, h)) == [] and reads == [False]


BODY = "The council met on Tuesday and voted on the budget for the coming year, the mayor said in a statement."
STACK_LINES = [
    BODY,
    "Die Stadt hat die Straße gesperrt, weil das Wasser über Nacht stark gestiegen ist und die Keller füllte.",
    "Город закрыл улицы после того как вода поднялась за ночь на метр и более, сообщил мэр в своём заявлении.",
    "Man arrested after police chase through the city centre late on Friday night",
    "Polizei nimmt Mann nach Verfolgungsjagd durch die Innenstadt am späten Freitagabend fest",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία και τις τιμές της ενέργειας σήμερα",
    "İstanbul'da yağmur etkili oldu ve birçok yol gece boyunca trafiğe kapandı",
    "Budget vote",
    "Straße gesperrt",
    "Что дальше",
    "東京で大雨",
    "ฝนตกหนัก",
    "Soft\u00adhyphen line",
    "A finished short line.",
    "",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(STACK_LINES), min_size=1, max_size=9),
    st.sets(st.integers(0, 9), max_size=2),
)
def test_stacked_headline_subhead_gate_changes_nothing(lines: list[str], gone: set[int]) -> None:
    import pytest

    from cleaner.heuristics import offtopic

    text = "\n\n".join(lines)
    h = BY_ID["headline.stacked"]
    gated = [(r.start, r.end, r.reason) for r in h.run(_ctx(text, gone), h)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(offtopic, "_GATED", False)  # the blocks' order gate (which holds a subhead's shape)
        plain = [(r.start, r.end, r.reason) for r in h.run(_ctx(text, gone), h)]
    assert gated == plain


def test_stacked_headline_still_goes() -> None:
    h = BY_ID["headline.stacked"]
    text = "\n\n".join([BODY, BODY, STACK_LINES[3], STACK_LINES[7], BODY, BODY])
    found = [r.text for r in h.run(_ctx(text), h)]
    assert found == [STACK_LINES[3]]
