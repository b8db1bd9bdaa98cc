"""The rules stage's cheaper forms (fourth speed round) answer as the former ones did: the scan
for characters a view changes in two classes (``_has_special``), a view's text made by replacing
each such character everywhere at once (``_seen`` without an index), the phrase lookup behind
its two end characters (``TextPlan.phrase_ranks``), and the view's one-step ``__init__``."""

from __future__ import annotations

import dataclasses
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.match import _astral, _has_special, _seen, _special, _special_parts, _View, rule_view
from cleaner.plan import text_plan
from cleaner.rulebook import load_rulebook
from cleaner.text import phrase_key, respelled

BOOK = load_rulebook(Config())
LANGS = ("en", "de", "tr", "ru", "el", "bn", "zh", "th", "es", "ko", None)
PLANS = [text_plan(BOOK, lang) for lang in LANGS]

# Texts the gates must let through as before: Turkish ı/İ, German ß, Cyrillic, Greek (with a
# tonos that NFC respells: U+1F71), soft hyphen and other invisible characters, CJK (with a
# compatibility ideograph past U+FFFF, U+2F800), Thai, Bengali য় (U+09DF, spelled য + ় by NFC).
CASES = [
    "İstanbul'da ıslak bir gün. DİKKAT: İLAN",
    "Straße und GROẞE Anzeige: Weiterlesen",
    "Читайте также: РЕКЛАМА на сайте",
    "Διαβάστε επίσης: ΔΙΑΦΗΜΙΣΗ ά and \u1f71",
    "Al\u00adso Read: the\u200b story\u2060 here\ufeff",
    "阅读更多：广告 \U0002f800 \u8c48",
    "อ่านเพิ่มเติม: โฆษณา",
    "আরও পড়ুন: বিজ্ঞাপন \u09df\u09dc য়",
    "plain ascii text",
    "\U0001d15e musical \U0001f600 emoji",
    "",
]

SPECIALS = sorted({*respelled(), "\u00ad", "\u200b", "\u2060", "\ufeff", "\u061c"})
texts = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIALS),
        st.characters(codec="utf-8"),
        st.sampled_from("aİıßΣςя ়য\n "),
    ),
    max_size=60,
)


def _seen_by_index(content: str, a: int, z: int, hidden: bool) -> str:
    """The former form: character by character (the path that also maps offsets)."""
    return _seen(content, a, z, [], hidden)


def test_the_two_classes_hold_the_characters_of_the_one() -> None:
    bmp, astral = _special_parts()
    special = _special()
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert (special.match(ch) is not None) == (bmp.match(ch) is not None or astral.match(ch) is not None), hex(cp)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_astral_is_never_false_for_a_text_past_the_bmp(text: str) -> None:
    if any(ord(c) > 0xFFFF for c in text):
        assert _astral(text)
    assert _astral(text + "\U0002f800") and _astral("\U0001d15e" + text)


@pytest.mark.parametrize("text", CASES)
def test_astral_tells_a_text_of_the_bmp_apart(text: str) -> None:
    made = "".join(list(text))  # a new string: no cached UTF-8 copy
    assert _astral(made) == any(ord(c) > 0xFFFF for c in made)


@pytest.mark.parametrize("text", CASES)
def test_has_special_answers_as_the_one_class(text: str) -> None:
    assert _has_special(text) == (_special().search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_has_special_answers_as_the_one_class_on_any_text(text: str) -> None:
    assert _has_special(text) == (_special().search(text) is not None)


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("hidden", [True, False])
def test_a_view_replaced_at_once_is_the_view_made_one_character_at_a_time(text: str, hidden: bool) -> None:
    if not hidden and any(c in text for c in "\u00ad\u200b\u2060\ufeff"):
        return  # a view of a text with an invisible character is always made with hidden=True
    for a in range(0, len(text) + 1, 3):
        for z in range(a, len(text) + 1, 4):
            assert _seen(text, a, z, None, hidden) == _seen_by_index(text, a, z, hidden)


@settings(max_examples=400, deadline=None)
@given(texts, st.data())
def test_a_view_replaced_at_once_is_the_former_view_on_any_text(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    z = data.draw(st.integers(a, len(text)))
    assert _seen(text, a, z, None, True) == _seen_by_index(text, a, z, True)


@pytest.mark.parametrize("text", CASES)
def test_rule_view_of_a_block_is_its_content_seen(text: str) -> None:
    for block in segment(text):
        view = rule_view(block)
        assert view.block.content == _seen_by_index(block.content, 0, len(block.content), True)
        assert view.index is None or len(view.index) == len(view.block.content)


def _phrase_texts(plan) -> list[str]:
    """Each phrase key of the plan as a block might carry it (cased, edged, spaced), and near misses."""
    out = []
    for key in plan.phrases:
        out += [key, key.upper(), key.title(), f"» {key}:", f"  {key} !", key.replace(" ", "  "), key[:-1], key + "x"]
    return out


@pytest.mark.parametrize("plan", PLANS, ids=[str(x) for x in LANGS])
def test_phrase_ranks_are_the_lookup_of_the_key(plan) -> None:
    for text in [*_phrase_texts(plan), *CASES, "İ", "ß", "ΣΑΣ", "...", " - "]:
        assert plan.phrase_ranks(text) == plan.phrases.get(phrase_key(text), ()), text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_phrase_ranks_are_the_lookup_of_the_key_on_any_text(text: str) -> None:
    for plan in PLANS[:3]:
        assert plan.phrase_ranks(text) == plan.phrases.get(phrase_key(text), ())


def test_the_view_init_sets_every_field_and_stays_frozen() -> None:
    block = segment("Read more: here")[0]
    view = _View(block, 5, ((0, 2),), "src", ((0, 2),), True)
    assert dataclasses.astuple(view) == dataclasses.astuple(
        _View(block=block, length=5, pieces=((0, 2),), source="src", shown=((0, 2),), hidden=True)
    )
    assert (view.block, view.length, view.pieces, view.source, view.shown, view.hidden) == (
        block,
        5,
        ((0, 2),),
        "src",
        ((0, 2),),
        True,
    )
    assert _View(block) == _View(block, 0, None, None, (), False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.length = 3  # type: ignore[misc]
