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
from cleaner.heuristics import HEURISTICS, credit_scans, glued_captions, inline_credits, signoffs
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
        m.setattr(credit_scans, "lined_fold", nothing)
        m.setattr(inline_credits, "lined_fold", nothing)
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
        "Flooded streets in the old town on Monday morningPAP/Jan Kowalski",
        "Rescuers search the river bank. The water rose fast. Rescuers search the river bank. The water rose fast.",
        "It rained.  Read also: Storm Hits Coast • Match report: A • Match report: B",
        _BODY.replace("Tuesday", "Friday"),
    ]
)


def test_what_the_text_alone_decides_is_found_once_however_many_rounds():
    """Each heuristic finds what depends on the text alone (its label places, the credits of a
    block, a block's key) once for the document: in a later round, after a removal elsewhere, it
    only weighs that against the decisions (10 MB took 4 rounds, each scanning everything)."""
    from cleaner import Cleaner
    from cleaner.heuristics import captions, navigation, offtopic, threads

    once = [
        (leadins_mod, "_lead_in_places"),
        (leadins_mod, "_separated"),
        (inline_credits, "_credit_places"),
    ]
    by_block = [
        (leadins_mod, "_lead_ins"),
        (leadins_mod, "_labels_between"),
        (inline_credits, "_credits"),
        (glued_captions, "_glue_points"),
        (glued_captions, "_caption_credit"),
        (signoffs, "_item_sign_offs"),
        (captions, "_position_captions"),
        (captions, "_doubled"),
        (threads, "_short_line"),
        (navigation, "is_body"),
        (offtopic, "headline_shaped"),
    ]
    calls: dict[str, list[object]] = {}
    runs = [0]
    with pytest.MonkeyPatch.context() as m:
        for mod, name in once + by_block:
            real = getattr(mod, name)

            def counting(first, *args, _real=real, _name=name, **kwargs):
                calls.setdefault(_name, []).append(first)  # the context, a block or a block's text
                return _real(first, *args, **kwargs)

            m.setattr(mod, name, counting)
        real_lines = leadins_mod._labelled_lines

        def lines(*args, **kwargs):
            runs[0] += 1  # promo.inline-lead-in and promo.inline-label read the blocks through it
            return real_lines(*args, **kwargs)

        m.setattr(leadins_mod, "_labelled_lines", lines)
        result = Cleaner(Config()).clean(_TWICE, lang="en")
    assert runs[0] >= 4, "the text needs two rounds for this test"
    for _, name in once:
        assert len(calls[name]) == 1, name
    for _, name in by_block:
        assert name in calls, name  # the text holds what each looks for
        asked = [id(x) for x in calls[name]]
        again = len(asked) - len(set(asked))
        if name in ("is_body", "headline_shaped"):  # a few other heuristics ask of a few blocks
            assert len(asked) < 2 * len(result.blocks), name
        else:
            assert again == 0, (name, calls[name])


def test_no_character_of_the_unspaced_scripts_lies_outside_the_pre_scan():
    from cleaner.text import _MAY_BE_UNSPACED, _UNSPACED

    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    outside = _MAY_BE_UNSPACED.sub("", everything)
    assert _UNSPACED.search(outside) is None
    assert _MAY_BE_UNSPACED.fullmatch("\u0e00") and not _MAY_BE_UNSPACED.search("\u201c\uac00")
