"""The rules' view of a block is built as cheaply as it can be (issue 13): an ASCII block is its own
view, and the characters the view drops or respells are found with ``re`` classes that hold
exactly the characters the ``regex`` classes held."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.blocks import segment
from cleaner.match import INVISIBLE, _special, rule_view
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
