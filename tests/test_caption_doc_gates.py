"""credit.position-caption's whole-document gate (issue 13): it finds the captions its blocks hold
once for the document, whatever the decisions, and a document where no block holds one returns
before reading them. Held to the former forms (found as first read, for the
blocks no earlier decision removed) on documents with earlier removals (whole blocks and cuts), on
texts with a Turkish dotless ı and dotted İ, Cyrillic, Greek, a soft hyphen."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, captions
from cleaner.heuristics.base import Context
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
MARKERS = BOOK.words("credit.position-markers", None)
BODY = "The council met on Tuesday and voted on the budget for the coming year, the mayor said."

LINES = [
    BODY,
    "Совет собрался во вторник и проголосовал за бюджет на следующий год, сказал мэр города.",
    "Το συμβούλιο συνεδρίασε την Τρίτη και ψήφισε τον προϋπολογισμό για το επόμενο έτος.",
    "Okręty NATO w porcie w SzczecinieTVN24",
    "Strumień zimna nad Polskątvnmeteo.pl",
    "Żołnierze w twierdzyPAP/Darek Delmanowicz",
    "Żołnierze na placuPAP/Darek Delmanowicz",
    "The couple have been dating for a year [Splash]",
    "Dışişleri Bakanı konuştu [AA]",
    "İSTANBUL LİMANI AÇILDI IMGWIMGW",
    "Jane Doe (left) and John Roe at the opening.",
    "Иван Петров (слева) и Анна Сидорова на открытии.",
    "Ο Γιάννης (αριστερά) και η Μαρία στα εγκαίνια.",
    "Ahmet Yılmaz (solda) ve Ayşe Kaya açılışta.",
    "Ja\u00adne Doe (left) at the opening.",
    "张三（左）和李四在开幕式上。",
    "Soft\u00adhyphen line without a credit",
    "ab",
    "",
]


def _context(text: str, gone: Iterable[int], cut: Iterable[int], reads: list[bool] | None = None) -> Context:
    blocks = tuple(segment(text))
    h = BY_ID["promo.tail-call"]
    empty = Context(text, blocks, None, BOOK, Config(), ())
    prior: list[Removal] = []
    for i in gone:
        if i < len(blocks):
            prior.append(h.remove_block(empty, blocks[i], 0.9))
    for i in cut:
        if i < len(blocks) and blocks[i].content_end > blocks[i].content_start:
            b = blocks[i]
            prior.append(h.remove_span(empty, b, b.content_start, b.content_start + 1, 0.9))
    return Context(text, blocks, None, BOOK, Config(), (), prior=tuple(prior), reads=reads)


def _run(hid: str, ctx: Context) -> list[tuple[int | None, int | None, str]]:
    h = BY_ID[hid]
    return [(r.start, r.end, r.reason) for r in h.run(ctx, h)]


def _former_position(ctx: Context) -> list[tuple[int | None, int | None, str]]:
    h = BY_ID["credit.position-caption"]
    if not MARKERS or not any(c in ctx.text for c in captions._OPEN):
        return []
    out = []
    gone = ctx.removed_blocks()
    for b in ctx.blocks:
        if b.index in gone or len(b.content) > 20000 or not any(c in b.content for c in captions._OPEN):
            continue
        taken = ctx.prior_cuts(b)
        for a, z in captions._position_captions(b, MARKERS):
            if not any(x < z and a < y for x, y in taken):
                out.append((a, z, h.reason))
    return out


DOCS = st.tuples(
    st.lists(st.sampled_from(LINES), min_size=1, max_size=8),
    st.sampled_from(["\n", "\n\n"]),
    st.sets(st.integers(0, 7), max_size=3),
    st.sets(st.integers(0, 7), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(DOCS)
def test_position_caption_finds_what_the_former_form_finds(doc: tuple[list[str], str, set[int], set[int]]) -> None:
    lines, sep, gone, cut = doc
    text = sep.join(lines)
    assert _run("credit.position-caption", _context(text, gone, cut)) == _former_position(_context(text, gone, cut))


def test_the_gated_heuristic_still_cuts() -> None:
    for line in ("Jane Doe (left) and John Roe at the opening.", "Ahmet Yılmaz (solda) ve Ayşe Kaya açılışta."):
        assert _run("credit.position-caption", _context(BODY + "\n" + line, (), ()))


def test_a_document_without_a_caption_does_not_read_the_decisions() -> None:
    text = "\n\n".join([BODY, "Soft\u00adhyphen line (with a bracket)", "Dışişleri Bakanı konuştu", BODY])
    reads = [False]
    assert _run("credit.position-caption", _context(text, (1,), (), reads)) == []
    assert reads == [False]
