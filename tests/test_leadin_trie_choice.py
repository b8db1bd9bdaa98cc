"""The lead-in heuristics' cheaper forms (issue 13) find what the plain ones find: the labels as a
trie match at a place the label their alternation (longest first) matches, when no character can
follow a node two ways; the repeated headlines after a label are read word by word as far as
needed; the places of a block where the fold says nothing are found in its content alone; the
section label's breadcrumb test looks for a separator's character before it splits the line."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, labels, leadin_patterns, leadin_scans, leadins
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook
from cleaner.text import phrase_key, trie_regex

BOOK = load_rulebook(Config())
LABELS = BOOK.words("promo.lead-in-labels", None)
LEAD_HEURISTICS = [h for h in HEURISTICS if h.id in ("promo.inline-lead-in", "promo.inline-label")]

# Labels as a text can spell them (their case changed, a space doubled or a tab), and what stands
# around them: separators, sentence ends, brackets, the letters that fold or compare oddly (Turkish
# ı/İ, German ß/ẞ, Greek σ/ς, the Kelvin sign, long s), soft hyphens, Cyrillic, CJK, Thai.
_LABEL = st.sampled_from(LABELS).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.title(), w.replace(" ", "  "), w.replace(" ", "\t"), w[:-1]])
)
_PIECE = st.one_of(
    _LABEL,
    st.sampled_from(
        [
            ". ",
            ".  ",
            "! ",
            "? ",
            "\u2026 ",
            "\u00bb ",
            '" ',
            "\u201d ",
            "\u0964 ",
            "\u3002 ",
            ": ",
            " : ",
            " | ",
            " >> ",
            " \u00bb ",
            "\u0983 ",
            " - ",
            " \u2013 ",
            "  ",
            "\t",
            "\n",
            " (",
            "(",
            " [",
            ")",
            "]",
            " ",
            "Storm Hits Coast",
            "the mayor said",
            "A B C A B C",
            "İstanbul",
            "ILGILI",
            "ılgılı",
            "Straße",
            "STRAẞE",
            "σας ΣΑΣ",
            "\u212a",
            "\u017f",
            "so\u00adft",
            "Читайте",
            "相关阅读",
            "อ่านต่อ",
            "also",
            "more",
            "article",
            "x",
        ]
    ),
)
TEXTS = st.lists(_PIECE, min_size=1, max_size=10).map("".join)


def _compiled(alike: bool) -> tuple[regex.Pattern[str], ...]:
    """The lead-in patterns with the labels as a trie (``alike``) or as their alternation."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(leadin_patterns, "_labels_alike", lambda labels: alike)
        return (*leadin_patterns._patterns.__wrapped__(LABELS), *leadin_patterns._label_patterns.__wrapped__(LABELS))


TRIE, PLAIN = _compiled(True), _compiled(False)


def _seen(m: regex.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if m is None else (m.span(), m.groups())


def test_the_lexicon_as_a_trie_picks_as_its_alternation() -> None:
    assert leadin_patterns._labels_alike(LABELS)
    assert all(t.pattern != p.pattern for t, p in zip(TRIE, PLAIN, strict=True))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_trie_patterns_match_what_the_alternations_match(text: str) -> None:
    bracketed, fused, label, ending, again = range(5)
    for at in range(len(text) + 1):
        for k in (bracketed, fused, label, again):
            assert _seen(TRIE[k].match(text, at)) == _seen(PLAIN[k].match(text, at)), (k, at)
        lo = max(0, at - leadins._LABEL_REACH)
        assert _seen(TRIE[ending].search(text, lo, at)) == _seen(PLAIN[ending].search(text, lo, at))


@pytest.mark.parametrize(
    ("words", "alike"),
    [
        ({"related", "related article", "read more"}, True),
        ({"straße", "strasse"}, True),  # "ß" and "s" compare alike with no character
        ({"ayrıca okuyun", "ayrica okuyun"}, False),  # "I" is taken for both
        ({"διαβάστε επίσησ", "διαβάστε επίσης"}, False),  # σ, ς and Σ
        ({"\u212aelvin", "kelvin"}, False),  # the Kelvin sign is a "k"
        ({"read  also"}, False),  # a run of whitespace could end either space
        ({"read\u00a0also", "read also"}, False),  # a space in the text is both
        ({" related"}, False),
        ({"читайте также", "ЧИТАЙТЕ ЕЩЁ"}, False),
        ({"相关阅读", "相关新闻", "อ่านต่อ", "อ่านเพิ่มเติม"}, True),
    ],
)
def test_which_words_a_trie_picks_alike(words: set[str], alike: bool) -> None:
    assert leadin_patterns._picks_alike(words) is alike


def _repeated_run_plain(text: str) -> int:
    """``_repeated_run`` as it read every word first and asked each word again for each unit."""
    words = [(w.group(), w.end()) for w in leadins._WORD.finditer(text, 0, min(len(text), 4000))]
    toks = [w for w, _ in words]
    i, end = 0, 0
    while True:
        for k in range(leadins._REPEATED_UNIT[0], leadins._REPEATED_UNIT[1] + 1):
            if i + 2 * k > len(toks):
                return end
            if any(leadins._SENTENCE_END.search(w) for w in toks[i : i + k]):
                return end
            if toks[i : i + k] == toks[i + k : i + 2 * k]:
                j = i + 2 * k
                while j + k <= len(toks) and toks[j : j + k] == toks[i : i + k]:
                    j += k
                i, end = j, words[j - 1][1]
                break
        else:
            return end


_UNITS = st.lists(st.sampled_from(["Storm", "Hits", "Coast", "A", "B.", "İ", "ß", "相关", "x?", "3.5"]), max_size=8)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_UNITS, st.integers(1, 4)), max_size=5), st.sampled_from([" ", "  ", "\t", "\n"]))
def test_repeated_run_reads_as_far_as_needed(units: list[tuple[list[str], int]], sep: str) -> None:
    text = sep.join(w for unit, times in units for _ in range(times) for w in unit)
    assert leadins._repeated_run(text) == _repeated_run_plain(text)


def test_repeated_run_of_a_long_text() -> None:
    unit = "Storm Hits Coast Again Today".split()
    text = " ".join(unit * 3 + ["The", "mayor", "said."] + unit * 400)
    assert leadins._repeated_run(text) == _repeated_run_plain(text) == len(" ".join(unit * 3))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_brackets_tried_one_by_one_find_what_a_scan_finds(content: str) -> None:
    bracketed = leadin_patterns._patterns(LABELS)[0]
    every = [m.start() for m in re.finditer(r"[(\[]", content)]
    found = leadin_scans._bracketed_at(bracketed, content, every)
    assert [_seen(m) for m in found] == [_seen(m) for m in bracketed.finditer(content)]


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=5), st.sampled_from(["\n", "\n\n", "\n- "]), st.data())
def test_runs_within_some_blocks_are_theirs_of_all_runs(lines: list[str], sep: str, data: st.DataObject) -> None:
    text = sep.join(lines)
    blocks = segment(text)
    if not blocks:
        return
    some = data.draw(st.sets(st.sampled_from(range(len(blocks)))))
    everywhere = leadin_scans._fused_starts(text, blocks)
    within = leadin_scans._fused_starts(
        text, blocks, runs=leadin_scans._runs_within(text, [blocks[i] for i in sorted(some)])
    )
    assert {i: v for i, v in within.items()} == {i: v for i, v in everywhere.items() if i in some}


def _found(text: str) -> tuple[list[tuple[str, int | None, int | None, str]], bool]:
    """What the lead-in heuristics find in ``text``, and whether one read the decisions."""
    blocks = segment(text)
    out, read = [], False
    for h in LEAD_HEURISTICS:
        reads = [False]
        ctx = Context(text, blocks, None, BOOK, Config(), (), reads=reads)
        out += [(r.rule, r.start, r.end, r.reason) for r in h.run(ctx, h)]
        read = read or reads[0]
    return out, read


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4), st.sampled_from(["\n", "\n\n", " "]))
def test_lead_in_heuristics_answer_as_with_the_alternations(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    found = _found(text)[0]
    with pytest.MonkeyPatch.context() as m:  # no trie, every place of a block tried: the plain forms
        m.setattr(leadins, "_patterns", lambda labels: PLAIN[:2])
        m.setattr(leadins, "_label_patterns", lambda labels: PLAIN[2:])
        m.setattr(leadins, "_ending_backward", lambda labels: None)
        m.setattr(leadins, "_head_scans", lambda labels: None)
        assert _found(text)[0] == found


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The mayor spoke on Tuesday. It rained.", False),
        ("Yağmur yağdı. Fırtına kıyıyı vurdu.", False),
        ("Дождь шёл весь день. Мэр выступил.", False),
        ("雨が降った。市長が話した。", False),
        ("ฝนตกทั้งวัน นายกเทศมนตรีกล่าว", False),
        ("So\u00adft hyphen. Then more.", False),
        # "ß" and "İ" fold to two characters: the fold says nothing in their block, every place is tried
        ("Die Straße war gesperrt. Es regnet.", True),
        ("Yağmur yağdı. İstanbul'da fırtına.", True),
    ],
)
def test_without_a_label_they_do_not_read_the_decisions(text: str, read: bool) -> None:
    assert _found(text) == ([], read)


@pytest.mark.parametrize(
    "text",
    [
        "It rained.  Read also: Storm Hits Coast",
        "Es regnet, sagt Weiß. Lesen Sie auch: Sturm",
        "Yağmur yağdı. AYRICA OKUYUN: Fırtına Kıyıyı Vurdu",
        "Rain (Related: Storm Hits Coast) fell.",
        "It rained. Read also: A B C A B C The mayor said.",
    ],
)
def test_with_a_label_they_still_find_it(text: str) -> None:
    found, read = _found(text)
    assert found and read


_CRUMB_LINES = st.lists(
    st.sampled_from(["Home", " / ", " > ", " » ", " › ", "/", ">", "News", "Sport", "İstanbul", "Straße", " ", "\t"]),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CRUMB_LINES)
def test_a_trail_end_is_the_split_lines_last_entry(line: str) -> None:
    for block in segment(line):
        parts = labels._CRUMB_SEP.split(block.content.strip())
        plain = phrase_key(parts[-1]) if len(parts) >= labels._CRUMBS_MIN else ""
        assert labels._trail_end(block.content) == plain


_FOLDS = st.sets(
    st.sampled_from(
        ["read also", "related", "r", "a b", "ab", "ﬁre", "ılgılı", "ilgili", "σας", "相关", "อ่าน", "x\u00a0y", "--"]
    ),
    min_size=1,
)


@settings(max_examples=300, deadline=None)
@given(_FOLDS, st.text(alphabet="readlsoitb x-\u00a0\t\n\u2003ıσας相关อ่านﬁ", max_size=30))
def test_a_trie_behind_its_opening_characters_matches_where_the_trie_does(folds: set[str], text: str) -> None:
    plain = re.compile(trie_regex(folds, space=r"\s+"))
    opened = re.compile(leadin_scans._opened_trie(folds))
    for at in range(len(text) + 1):
        assert bool(opened.match(text, at)) == bool(plain.match(text, at)), at
