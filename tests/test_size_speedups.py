"""Cost against size (issue 13): one character that folds to several ("ß", "İ") in a long text no
longer sends the label heuristics block by block. Where the text's lined-up fold stands for such
a character it says nothing, and the heuristics answer as they do when it says nothing anywhere
(every block asked, every place tried)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS
from cleaner.heuristics import credits as credits_mod
from cleaner.heuristics import leadins as leadins_mod
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook
from cleaner.text import UNFOLDED, aligned_fold, lined_fold

BOOK = load_rulebook(Config())
LABEL_HEURISTICS = [
    h for h in HEURISTICS if h.id in ("credit.inline-caption", "promo.inline-lead-in", "promo.inline-label")
]
LINES = st.sampled_from(
    [
        "The mayor spoke on Tuesday.",
        "Die Straße war gesperrt.",
        "It rained. Photo: Jane Doe",
        "It rained. PHOTO: Jane Doe",
        "It rained. İMAGE: Jane Doe",  # regex matches "İ" with "i": the fold cannot tell
        "İmage: AFP",
        "Der Fluß stieg. Foto: dpa",
        "It rained.  Read also: Storm Hits Coast",
        "Il pleut. LİRE AUSSİ: La tempête",
        "Il pleut. À LIRE AUSSI: La tempête",
        "Es regnet.  Lesen Sie auch: Sturm über Straßen",
        "Rain (Related: Storm Hits Coast) fell.",
        "Rain (İLGİNİZİ ÇEKEBİLİR: Fırtına) fell.",
        "Regen (ẞtraße: Sturm) fiel. Read more: Storm",
        "A fire in the old town. File photo.",
        "Flammen in der Großstadt. Archivbild",
        "ﬁle photo: the ﬁre",
        "",
    ]
)


def _found(text: str) -> list[tuple[str, int | None, int | None]]:
    blocks = segment(text)
    out = []
    for h in LABEL_HEURISTICS:
        ctx = Context(text, blocks, None, BOOK, Config(), ())
        out += [(r.rule, r.start, r.end) for r in h.run(ctx, h)]
    return out


def test_the_fold_lines_up_and_marks_what_folds_to_several():
    text = "Die Straße, İstanbul. ﬁne"
    assert aligned_fold(text) is None
    folded = lined_fold(text)
    assert len(folded) == len(text)
    assert [i for i, ch in enumerate(folded) if ch == UNFOLDED] == [8, 12, 22]
    assert folded.replace(UNFOLDED, "") == "die strae, stanbul. ne"
    assert lined_fold("Plain Text") == "plain text"


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\n- ", "\n  "]))
def test_label_heuristics_answer_as_when_the_fold_says_nothing(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    found = _found(text)
    with pytest.MonkeyPatch.context() as m:
        nothing = lambda t: UNFOLDED * len(t)  # noqa: E731
        m.setattr(credits_mod, "lined_fold", nothing)
        m.setattr(leadins_mod, "lined_fold", nothing)
        assert _found(text) == found


def test_a_dotted_capital_label_is_found_in_a_text_that_folds_unevenly():
    text = "Die Straße war gesperrt.\nIl pleut. LİRE AUSSİ: La tempête"
    assert ("promo.inline-label", 34, 46) in _found(text)  # " LİRE AUSSİ:" before "La tempête"


def test_the_characters_folding_to_several_are_all_known():
    # else each text holding one is asked of every character of Unicode first (~0.1 s)
    from cleaner.text import _FOLDING_TO_SEVERAL

    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    several = [ch for ch in every if len(ch.casefold()) != 1]
    assert several and all(_FOLDING_TO_SEVERAL.fullmatch(ch) for ch in several)


# A text the heuristics look at twice: a teaser repeating a paragraph's start, cut off, comes
# first (repeated-block, the last heuristic, removes it) and the heuristics before it look again.
_BODY = "The council met on Tuesday to vote on the new budget for the roads and the schools of the city, after a long debate."
_PARA = "Mayor Jane Doe said the city would spend more money on repairing the old bridges over the river next year because of the floods."
_TWICE = "\n\n".join(
    [
        _BODY,
        " ".join(_PARA.split()[:12]) + "...",
        _BODY.replace("Tuesday", "Monday"),
        _PARA + " Photo: Jane Roe",
        "Jane Doe (left) and John Roe at the bridge.",
        "It rained.  Read also: Storm Hits Coast • Match report: A • Match report: B",
        _BODY.replace("Tuesday", "Friday"),
    ]
)


def test_what_the_text_alone_decides_is_found_once_however_many_rounds():
    """Each heuristic finds what depends on the text alone (its label places, the credits of its
    blocks, the blocks' keys) once for the document: in a later round, after a removal elsewhere,
    it only weighs that against the decisions (10 MB took 4 rounds, each scanning everything)."""
    from cleaner import Cleaner
    from cleaner.heuristics import captions, navigation, offtopic, threads, truncation

    counted = {
        (leadins_mod, "_lead_ins"): 0,
        (leadins_mod, "_labels_between"): 0,
        (leadins_mod, "_labelled_lines"): 0,
        (credits_mod, "_credits_by_block"): 0,
        (credits_mod, "_caption_lines"): 0,
        (credits_mod, "_item_sign_offs"): 0,
        (captions, "_position_captions"): 0,
        (threads, "_short_lines"): 0,
    }
    judged: dict[str, int] = {}
    with pytest.MonkeyPatch.context() as m:
        for (mod, name), _ in list(counted.items()):
            real = getattr(mod, name)

            def counting(*args, _real=real, _key=(mod, name), **kwargs):
                counted[_key] += 1
                return _real(*args, **kwargs)

            m.setattr(mod, name, counting)
        for mod, name in ((navigation, "is_body"), (offtopic, "headline_shaped"), (truncation, "_repeat_key")):
            real = getattr(mod, name)

            def tally(*args, _real=real, _name=name, **kwargs):
                judged[_name] = judged.get(_name, 0) + 1
                return _real(*args, **kwargs)

            m.setattr(mod, name, tally)
        result = Cleaner(Config()).clean(_TWICE, lang="en")
    blocks = len(result.blocks)
    rounds = counted.pop((leadins_mod, "_labelled_lines")) // 2  # promo.inline-lead-in and promo.inline-label
    assert rounds >= 2, "the text needs two rounds for this test"
    assert set(counted.values()) == {1}, counted
    cut = {r.block for r in result.removed if r.block is not None}
    assert judged["_repeat_key"] <= blocks + rounds * len(cut), judged  # a cut block's view is keyed again
    # once a block for the menu and card runs and the stacked and off-style headlines (their few
    # other askers ask of a few blocks)
    assert judged["is_body"] < 2 * blocks and judged["headline_shaped"] < 2 * blocks, judged
