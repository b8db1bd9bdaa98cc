"""The rules' view of a block is built as cheaply as it can be (issue 13): an ASCII block is its own
view, and the characters the view drops or respells are found with ``re`` classes that hold
exactly the characters the ``regex`` classes held; a pattern that can only match at the end of a
block is asked backwards, there alone, whether it matches before it is searched."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.blocks import segment
from cleaner.config import Config
from cleaner.match import INVISIBLE, _backward, _may_match, _special, rule_view
from cleaner.rulebook import load_rulebook
from cleaner.text import respelled_char


def test_the_classes_hold_the_same_characters_in_re_as_in_regex():
    invisible = regex.compile(INVISIBLE.pattern)
    special = regex.compile(f"{INVISIBLE.pattern}|{respelled_char().pattern}")
    mine = _special()
    for cp in range(0x110000):
        ch = chr(cp)
        assert (INVISIBLE.match(ch) is None) == (invisible.match(ch) is None), hex(cp)
        assert (mine.match(ch) is None) == (special.match(ch) is None), hex(cp)


def test_an_ascii_block_is_its_own_view():
    block = segment("Also Read: the council votes on the budget today.")[0]
    view = rule_view(block)
    assert view.block is block and view.index is None


_TEXT = st.text(alphabet=st.sampled_from(list("ab .:\u00ad\u200b\u2014\u201c\u09dc\u0958\u1f71\ufeff")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_view_without_hidden_or_respelled_characters_is_the_block(text):
    for block in segment(text):
        view = rule_view(block)
        plain = INVISIBLE.search(block.content) is None and respelled_char().search(block.content) is None
        assert (view.index is None) == plain
        if plain:
            assert view.block is block


# -- end-anchored patterns asked backwards first ------------------------------------------------

_BOOK = load_rulebook(Config())
_END_ANCHORED = [p for r in _BOOK.rules if r.stage == "text" for p in r.patterns if _backward(p) is not None]
_EXAMPLES = [ex for r in _BOOK.rules if r.stage == "text" for ex in (*r.examples_strip, *r.examples_keep)]


def test_shipped_rules_have_end_anchored_patterns_asked_backwards():
    assert len(_END_ANCHORED) >= 20


def test_a_pattern_asked_backwards_misses_no_match_of_the_shipped_examples():
    texts = [t for ex in _EXAMPLES for t in (ex, ex + "\n", ex.rstrip(".") + ": “.", "Intro. " + ex)]
    for p in _END_ANCHORED:
        for t in texts:
            if p.search(t) is not None:
                assert _may_match(p, t, 5.0), (p.pattern, t)


@pytest.mark.parametrize(
    "src",
    [
        r"^Read more$",  # anchored at the start: a search forwards is cheap
        r"foo$|bar",  # $ ends one branch only
        r"foo\$",  # an escaped dollar
        r"(?>a|ab)c$",  # atomic and possessive: they commit in the direction of matching
        r"a++b$",
        r"(a)x\1$",  # a group referred to
        r"(?m)foo$",  # $ before every line break
    ],
)
def test_patterns_not_asked_backwards(src):
    assert _backward(regex.compile(src)) is None


_LOOKING = ['(?<=:)[ \\t]*(?:["\u201c]\\s*\\.?|\\.)[ \\t]*$', "(?:^|(?<=\\s))\\[via [^\\]]{1,9}\\]\\.?\\s*$", "b+a?$"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_LOOKING), st.text(alphabet=st.sampled_from(list(':"\u201c. \t\nab[]via')), max_size=20))
def test_asked_backwards_is_whether_the_search_finds_a_match(src, text):
    p = regex.compile(src)
    assert _backward(p) is not None
    assert _may_match(p, text, 5.0) == (p.search(text) is not None)


def test_an_ascii_block_is_asked_only_the_ascii_literals():
    """``plan.candidates`` looks for the ASCII literals alone in an ASCII block: the literals it
    finds, and so its answer, are those of a scan for every literal."""
    from dataclasses import replace

    from cleaner.plan import text_plan

    texts = ["Read more: the council votes.", "Lesen Sie auch: Die Wahl", "Pour en savoir plus : cliquez ici", "ab"]
    checked = 0
    for lang in (None, "en", "de", "fr", "es", "ru", "vi", "tr"):
        plan = text_plan(_BOOK, lang)
        assert all(w.isascii() for w in plan.ascii_literals)
        assert [w for w in plan.literals if w.isascii()] == list(plan.ascii_literals)
        for text in texts:
            for block in segment(text):
                folded = block.content.casefold()
                got = plan.candidates(block, folded)
                slow = replace(plan, ascii_literals=plan.literals, _candidates={})
                assert got == slow.candidates(block, folded)
                checked += 1
    assert checked >= 30
    assert any(not w.isascii() for lang in ("ru", "vi", "tr") for w in text_plan(_BOOK, lang).literals)
