"""Cross-promotion and tail debris (tail.link-residue, promo lead-ins, overlap settling), on small
invented articles."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config
from cleaner.decide import _settle
from cleaner.heuristics.leadin_patterns import _patterns
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook

LEAD = "Der Stadtrat hat am Montag über den neuen Haushalt für Straßen und Schulen im Tal beraten."
BODY = "Die Beamten sagten, der Plan werde im Frühjahr erneut geprüft, wenn die ersten Ergebnisse vorliegen."


def cleaned(*blocks: str, lang: str | None = None):
    return Cleaner(Config()).clean("\n\n".join(blocks), lang=lang)


def removed(result, rule: str) -> list[str]:
    return [r.text for r in result.removed if r.rule == rule]


@pytest.mark.parametrize("gap", ["  ", " \u00a0 ", "\u00a0\u00a0 ", "\u00a0", " ( ) ", " [] "])
def test_link_texts_after_the_last_sentence_go(gap: str):
    last = BODY + gap + "Haushalt  der Stadt  Schulen im Tal"
    result = cleaned(LEAD, last, lang="de")
    assert removed(result, "tail.link-residue") == [gap + "Haushalt  der Stadt  Schulen im Tal"]
    assert result.text.endswith("wenn die ersten Ergebnisse vorliegen.")


@pytest.mark.parametrize(
    "tail",
    [
        " Haushalt der Stadt",  # one plain space: the writer's next sentence could start so
        "  \u201eWir schaffen das\u201c",  # a quotation
        "  \u2014Anna Berg, Studio Berg",  # an attribution
        "  #Haushalt2024",  # a hashtag
        "  Der Rat tagt wieder im Mai.",  # a sentence
        "  " + " ".join(["Wort"] * 13),  # too long for link texts
    ],
)
def test_what_is_not_link_residue_stays(tail: str):
    result = cleaned(LEAD, BODY + tail, lang="de")
    assert removed(result, "tail.link-residue") == []


def test_link_texts_that_open_in_lower_case_may_carry_the_full_stop():
    tail = "  scharf kritisierten Festnahme gegen Kaution freigelassen worden."
    result = cleaned(LEAD, BODY + tail, lang="de")
    assert removed(result, "tail.link-residue") == [tail]
    # a sentence opening with a capital after the gap stays (test_what_is_not_link_residue_stays)


def test_link_residue_only_in_the_last_paragraph():
    middle = BODY + "  Haushalt der Stadt"
    result = cleaned(LEAD, middle, "Der Rat tagt wieder im Mai, sagte die Bürgermeisterin nach der Sitzung.", lang="de")
    assert removed(result, "tail.link-residue") == []


def _cut(start: int, end: int, rule: str, text: str) -> Removal:
    return Removal(rule, "promo", "r", "rule:" + rule, text[start:end], 0.9, start=start, end=end, block=0)


def test_a_cut_that_gives_up_its_spaces_does_not_take_the_ones_another_cut_holds():
    text = "Name mail@example.org  \u25b6  [\u00a9 Paper]"
    byline = _cut(0, text.index("\u25b6"), "credit.byline", text)  # takes the two spaces after it
    arrow_at = text.index("\u25b6")
    arrow = _cut(arrow_at, arrow_at + 3, "promo.arrow", text)  # the marker and the spaces after it
    copyright_ = _cut(arrow_at + 1, len(text), "credit.copyright", text)  # the spaces before it too
    kept = _settle([byline, arrow, copyright_], text)
    assert [(r.rule, r.text) for r in kept] == [
        ("credit.byline", "Name mail@example.org  "),
        ("promo.arrow", "\u25b6"),
        ("credit.copyright", "  [\u00a9 Paper]"),
    ]


def test_a_cut_still_takes_the_spaces_before_it_when_they_are_free():
    text = "Words here.  \u25b6  [\u00a9 Paper]"
    arrow_at = text.index("\u25b6")
    arrow = _cut(arrow_at, arrow_at + 3, "promo.arrow", text)
    copyright_ = _cut(arrow_at + 1, len(text), "credit.copyright", text)
    kept = _settle([arrow, copyright_], text)
    assert [r.text for r in kept] == ["  \u25b6", "  [\u00a9 Paper]"]


ISSUE_11 = "en de fr es pt it nl sv da no fi pl cs ru uk tr el ar fa he hi bn ur ta id ms vi th zh ja ko sw".split()
# One native "read also / related" label per language (a different word from the examples below
# would be fine; this one must be in the lexicon).
LABELS = {
    "en": "See also",
    "de": "Lesen Sie auch",
    "fr": "Lire aussi",
    "es": "Lee también",
    "pt": "Leia também",
    "it": "Leggi anche",
    "nl": "Lees ook",
    "sv": "Läs också",
    "da": "Læs også",
    "no": "Les også",
    "fi": "Lue myös",
    "pl": "Czytaj też",
    "cs": "Čtěte také",
    "ru": "Читайте также",
    "uk": "Читайте також",
    "tr": "İlginizi çekebilir",
    "el": "Διαβάστε επίσης",
    "ar": "اقرأ أيضا",
    "fa": "همچنین بخوانید",
    "he": "קראו גם",
    "hi": "यह भी पढ़ें",
    "bn": "আরও পড়ুন",
    "ur": "یہ بھی پڑھیں",
    "ta": "இதையும் படியுங்கள்",
    "id": "Baca juga",
    "ms": "Baca lagi",
    "vi": "Xem thêm",
    "th": "อ่านเพิ่มเติม",
    "zh": "延伸阅读",
    "ja": "関連記事",
    "ko": "관련기사",
    "sw": "Soma pia",
}


def test_the_lead_in_lexicon_covers_every_language_of_issue_11():
    assert sorted(LABELS) == sorted(ISSUE_11)
    words = load_rulebook(Config()).words("promo.lead-in-labels", None)
    _, fused = _patterns(words)
    for lang, label in LABELS.items():
        line = f"The sentence ends here.  {label}: Headline Of Another Story"
        m = fused.search(line)
        assert m is not None and line[m.start() :].startswith(label), lang
