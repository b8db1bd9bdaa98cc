"""The third round's cheaper forms of the tail and truncation heuristics (issue 13) decide nothing:
the appeal words' gate tried only where a word can start, the block-count gates (a heuristic that
needs n kept blocks returns before reading the decisions when the text has fewer blocks), the
colon count of promo.series-list and the uncut blocks' content read as what survives of them in
truncation.repeated-block. Each finds what the plain form finds, in other scripts and cases (a
dotless ı, İ, ß, Cyrillic, Greek, a soft hyphen, CJK, Thai), and lets through what it must find."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, appeals, closing, headlines, tails, threads
from cleaner.heuristics.base import Context
from cleaner.heuristics.patterns import phrase_keys
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
WORD_LISTS = [
    BOOK.words(name, None)
    for name in (
        "appeal.journalism-words",
        "appeal.support-words",
        "service.paywall-words",
        "service.action-words",
        "service.reader-words",
        "service.call-words",
    )
]


def _found(hid: str, text: str, prior: tuple[Removal, ...] = (), cuts: bool = False) -> list[tuple]:
    h = BY_ID[hid]
    blocks = tuple(segment(text))
    by_block: dict[int, list[tuple[int, int]]] | None = None
    if cuts:
        by_block = {}
        for r in prior:
            by_block.setdefault(r.block, []).append((r.start, r.end))  # type: ignore[arg-type]
        for v in by_block.values():
            v.sort()
    ctx = Context(text, blocks, None, BOOK, Config(), (), prior, cuts=by_block)
    return [(r.rule, r.start, r.end, r.confidence, r.reason) for r in h.run(ctx, h)]


def test_a_letter_is_all_that_folds_to_an_ascii_letter() -> None:
    """The word gate skips a place after a-z in the folded text: only a letter folds to one, so no
    place where ``_pattern``'s lookbehind (no letter or mark before) holds is skipped."""
    letter = regex.compile(r"\p{L}")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        f = c.casefold()
        if len(f) == 1 and "a" <= f <= "z":
            assert letter.match(c), hex(cp)


def _plain_may_have(text: str, words: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> bool:
    with monkeypatch.context() as m:
        m.setattr(appeals, "_WORD_STARTS", False)
        return appeals._may_have(text, words)


PIECES = [
    "Support independent journalism today.",
    "SUPPORT INDEPENDENT JOURNALISM",
    "BAĞIMSIZ MEDYA",  # a case-blind "I" matches "ı": the words' blind folds
    "bağımsız medya",
    "İndependent reporting",
    "Straße: donate now",
    "Подпишитесь, чтобы прочитать статью",
    "Υποστηρίξτε τη δημοσιογραφία",
    "jour\u00adnalism",  # a soft hyphen inside the word
    "²journalism ½subscribe",  # a number that is no letter right before a word
    "_journalism 3subscribe",
    "e\u0301journalism",  # a combining mark before: no word starts there
    "non-journalism (subscription) «archive»",
    "请支持我们的新闻 订阅",
    "สนับสนุนวารสารศาสตร์",
    "ジャーナリズムを支援",
    "Subscribe to read the full story.",
    "The mayor spoke on Tuesday.",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4), st.sampled_from(["", " ", "\n", "x", "ß"]))
def test_the_word_gate_misses_nothing(pieces: list[str], glue: str) -> None:
    """Where the word gate finds no word start, the word pattern finds no word."""
    text = glue.join(pieces)
    for words in WORD_LISTS:
        if appeals._pattern(words).search(text):
            assert appeals._may_have(text, words), (text, words[:3])


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=60))
def test_the_word_gate_misses_nothing_in_any_text(text: str) -> None:
    for words in WORD_LISTS:
        if appeals._pattern(words).search(text):
            assert appeals._may_have(text, words)


@pytest.mark.parametrize("text", PIECES)
def test_the_word_gate_is_at_most_the_plain_gate_plus_blind_folds(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """It finds a word start only where the plain scan finds the word, but for the dotless ı, which
    the plain scan missed ("BAĞIMSIZ" folds to "bağimsiz")."""
    for words in WORD_LISTS:
        if appeals._may_have(text, words) and not _plain_may_have(text, words, monkeypatch):
            assert "I" in text or "ı" in text


def test_a_dotless_i_appeal_passes_the_gate() -> None:
    words = BOOK.words("appeal.journalism-words", None)
    assert appeals._pattern(words).search("BAĞIMSIZ MEDYA")
    assert appeals._may_have("BAĞIMSIZ MEDYA", words)
    assert not appeals._may_have("The mayor spoke on Tuesday.", words)


P = "The council met on Tuesday and agreed to extend the opening hours of the city library by two hours."
APPEAL = "Our journalism depends on readers like you. Please support us with a donation today so we can keep reporting."
NOTE = "For the full story, subscribe now."


@pytest.mark.parametrize(
    ("hid", "text"),
    [
        ("promo.support-appeal", f"Title\n\n{P}\n\n{APPEAL}"),
        ("promo.support-appeal", f"Title\n\n{P}\n\n{APPEAL.upper()}"),
        ("tail.service-note", f"{P}\n\n{NOTE}"),
    ],
)
def test_appeals_pass_the_gates(hid: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    found = _found(hid, text)
    assert found
    with monkeypatch.context() as m:
        m.setattr(appeals, "_WORD_STARTS", False)
        assert _found(hid, text) == found


# Short documents: the block-count gates return before reading the decisions.
SHORT = [
    (hid, text)
    for hid in (
        "promo.support-appeal",
        "tail.service-note",
        "tail.link-card",
        "headline.stacked",
        "headline.trailing",
        "headline.off-style",
        "comments.thread",
    )
    for text in (APPEAL, f"{P}\n\n{NOTE}", f"{P}\n\n«Ответы на главные вопросы» от мэрии Москвы")
]


@pytest.mark.parametrize(("hid", "text"), SHORT)
def test_too_few_blocks_read_no_decision(hid: str, text: str) -> None:
    h = BY_ID[hid]
    blocks = tuple(segment(text))
    reads = [False]
    ctx = Context(text, blocks, None, BOOK, Config(), (), reads=reads)
    found = list(h.run(ctx, h))
    if len(blocks) < {"tail.service-note": 2, "tail.link-card": 2}.get(hid, 3):
        assert not found and not reads[0]


NAMES = ["Rachel Green", "Tomás Pérez", "Ayşe Yılmaz", "Иван Петров", "Γιώργος Παπάς", "Josh Simi says"]
COMMENT = ["Great piece, thanks for writing it.", "I disagree with most of this article.", "Well said!"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(COMMENT)), min_size=0, max_size=5),
    st.integers(min_value=0, max_value=3),
)
def test_the_thread_block_count_decides_nothing(groups: list[tuple[str, str]], body: int) -> None:
    text = "\n\n".join([P] * body + [x for g in groups for x in g]) or P
    gated = _found("comments.thread", text)
    old = threads._THREAD_MIN_BLOCKS
    threads._THREAD_MIN_BLOCKS = 0
    try:
        assert _found("comments.thread", text) == gated
    finally:
        threads._THREAD_MIN_BLOCKS = old


def test_a_thread_of_seven_blocks_passes_the_gate() -> None:
    long_p = " ".join([P] * 5)
    text = "\n\n".join([long_p, "Rachel Green", COMMENT[0], "Tomás Pérez", COMMENT[1], "Rachel Green", COMMENT[2]])
    assert len(segment(text)) == threads._THREAD_MIN_BLOCKS
    assert _found("comments.thread", text)


@pytest.mark.parametrize(
    "text",
    [
        "Part 1: The sky at night over the hills\n\nPart 2: The sky at night over the hills",
        f"{P}\n\nΜέρος 1: Ο ουρανός τη νύχτα\n\nΜέρος 2: Ο ουρανός τη νύχτα\n\nΜέρος 3 Ο ουρανός τη νύχτα",
    ],
)
def test_too_few_colons_make_no_series(text: str) -> None:
    assert text.count(":") < 3
    assert not _found("promo.series-list", text)


LONG = "Officials said the bridge would stay closed for repairs until the end of the month at least"


@pytest.mark.parametrize(
    "text",
    [
        f"{LONG}.\n\nAdvertisement {LONG}.\n\nOther news of the day.\n\n{LONG}.",
        f"{LONG}.\n\nOther news.\n\nRead more: {LONG}.",
        f"Officials said the bridge would stay closed for rep...\n\nFiller.\n\n{LONG}.",
        f"ılık {LONG}.\n\nFiller.\n\nILIK {LONG}.",
    ],
)
def test_uncut_blocks_read_as_their_content(text: str) -> None:
    """With the decisions' cuts by block given (as decide gives them), repeated-block finds what it
    finds when it computes them itself: a block without cuts is read as its content."""
    blocks = segment(text)
    prior = []
    for b in blocks:
        for label in ("Advertisement ", "Read more: "):
            if b.content.startswith(label):
                prior.append(
                    Removal(
                        "x",
                        "promo",
                        "x",
                        "rule:x",
                        label,
                        0.9,
                        start=b.content_start,
                        end=b.content_start + len(label),
                        block=b.index,
                    )
                )
    assert _found("truncation.repeated-block", text, tuple(prior), cuts=True) == _found(
        "truncation.repeated-block", text, tuple(prior)
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("([)] AB NEWS|/+-&abcıİßΩЖ新ไ\u00ad\n"), max_size=40))
def test_no_bracket_no_tag(text: str) -> None:
    if headlines._TAG.search(text):
        assert headlines._may_tag(text)


@pytest.mark.parametrize(
    "line",
    [
        "Watch: the mayor opens the bridge in the old town (VIDEO)",
        "Ο δήμαρχος εγκαινιάζει τη γέφυρα [ΒΙΝΤΕΟ]",
        "Мэр открыл мост в старом городе (ВИДЕО)",
    ],
)
def test_a_tagged_headline_passes_the_gate(line: str) -> None:
    text = f"{P}\n\n{line}\n\n{P}"
    tags = {t.casefold() for t in BOOK.words("headline.tags", None)}
    m = headlines._TAG.search(line)
    if m and m.group(1).strip().casefold() in tags:
        assert _found("headline.tagged", text)
    assert headlines._may_tag(text)


LINES = st.sampled_from(
    [
        P,
        "Comments",
        "Leave a Reply",
        "12 Comments",
        "Kommentare",
        "Комментарии",
        "Pick Six Newsletter",
        "Great piece.",
        " ".join([P] * 2),
        "Σχόλια",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8), st.sets(st.integers(min_value=0, max_value=7)))
def test_no_short_block_after_the_article_no_closing_header(lines: list[str], gone: set[int]) -> None:
    """Where ``_may_close`` says no, ``_header`` finds no header, whatever the decisions removed."""
    text = "\n\n".join(lines)
    blocks = tuple(segment(text))
    prior = tuple(
        Removal("x", "promo", "x", "rule:x", b.content, 0.9, start=b.content_start, end=b.content_end, block=b.index)
        for b in blocks
        if b.index in gone
    )
    ctx = Context(text, blocks, None, BOOK, Config(), (), prior)
    labels = phrase_keys(BOOK.words("tail.closing-headers", None))
    ends = phrase_keys(BOOK.words("tail.closing-header-ends", None))
    if not closing._may_close(blocks):
        assert closing._header(ctx, ctx.removed_blocks(), labels, ends) is None


def test_a_closing_section_passes_the_gate() -> None:
    text = "\n\n".join([P] * 6 + ["Leave a Reply", "Great piece."])
    assert closing._may_close(segment(text))
    assert _found("tail.closing-section", text)


def test_lexicon_caches_are_kept_by_the_tuple() -> None:
    verbs = BOOK.words("tail.link-verbs", None)
    assert tails._look_residue(verbs) is tails._look_residue(tuple(list(verbs)))
    assert tails._verbs_stop(verbs) == tails._verbs_stop(tuple(list(verbs)))
    assert phrase_keys(BOOK.words("tail.closing-headers", None)) == phrase_keys(
        BOOK.words("tail.closing-headers", None)
    )


@pytest.mark.parametrize("hid", ["related.card-run", "promo.reader-call"])
@pytest.mark.parametrize("text", ["Please send us your videos at news@example.com.", f"{P}\n\nTennis\n\nTennis"])
def test_short_texts_read_no_decision(hid: str, text: str) -> None:
    h = BY_ID[hid]
    reads = [False]
    blocks = tuple(segment(text))
    ctx = Context(text, blocks, None, BOOK, Config(), (), reads=reads)
    found = list(h.run(ctx, h))
    if len(blocks) < {"related.card-run": 4, "promo.reader-call": 2}[hid]:
        assert not found and not reads[0]


HEADS = ["Mayor opens the new bridge in town", "Новый мост открыт в центре города", "Ο δήμαρχος εγκαινιάζει τη γέφυρα"]
DEKS = [
    "The bridge links the two halves of the old town.",
    "Мост соединяет две части старого города.",
    "Η γέφυρα ενώνει την πόλη.",
]
PRAISE = ["Great article, thank you!", "Thanks for this wonderful post.", "Hello Maria, nice write-up."]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=3),
    st.lists(st.sampled_from(HEADS + DEKS + PRAISE + NAMES), min_size=0, max_size=7),
)
def test_the_run_block_counts_decide_nothing(body: int, tail: list[str]) -> None:
    """related.teaser-run and comments.reader-run find the same with their block counts as without."""
    text = "\n\n".join([" ".join([P] * 4)] * body + tail) or P
    from cleaner.heuristics import reactions

    for hid, module, name in (
        ("related.teaser-run", threads, "_TEASER_MIN_BLOCKS"),
        ("comments.reader-run", reactions, "_MIN_BLOCKS"),
    ):
        gated = _found(hid, text)
        old = getattr(module, name)
        setattr(module, name, 0)
        try:
            assert _found(hid, text) == gated
        finally:
            setattr(module, name, old)


def test_a_teaser_run_of_seven_blocks_passes_the_gate() -> None:
    heads = [
        "Mayor opens the new bridge in town",
        "Storm closes schools across the region",
        "Local team wins the cup final",
    ]
    deks = [
        "Prices of bread rose again this week.",
        "Voters will choose a new council in May.",
        "Museum shows old maps of the coast.",
    ]
    text = "\n\n".join([" ".join([P] * 5)] + [x for pair in zip(heads, deks, strict=True) for x in pair])
    assert len(segment(text)) == threads._TEASER_MIN_BLOCKS
    assert _found("related.teaser-run", text)


def test_a_reader_run_of_four_blocks_passes_the_gate() -> None:
    from cleaner.heuristics import reactions

    text = "\n\n".join([" ".join([P] * 9)] + PRAISE)
    assert len(segment(text)) == reactions._MIN_BLOCKS
    assert _found("comments.reader-run", text)


@pytest.mark.parametrize("text", [f"{LONG}. {LONG}.", f"{LONG}...", "ılık İstanbul ılık İstanbul"])
def test_one_block_repeats_nothing_and_reads_no_decision(text: str) -> None:
    h = BY_ID["truncation.repeated-block"]
    reads = [False]
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), (), reads=reads)
    assert len(ctx.blocks) == 1
    assert not list(h.run(ctx, h)) and not reads[0]
