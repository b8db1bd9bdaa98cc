"""A lead-in label between the sentences of a line (promo.inline-label), and text spelled outside
NFC (ড় U+09DC for ড + ়): rules and lexicons find their words either way."""

from __future__ import annotations

import unicodedata

import pytest

from cleaner import Cleaner, Config
from cleaner.match import rule_view
from cleaner.model import Block
from cleaner.text import spellings

BN1 = "শহরে বৃষ্টির কারণে যানজট বেড়েছে। আর ফিরে গেলেন বাইশ বছর আগে।"
BN2 = "সিটি করপোরেশন জানিয়েছে, আগামী সপ্তাহে সড়কের কাজ শুরু হবে এবং তা এক মাস চলবে।"
EN1 = "The council approved the new budget on Tuesday after a long debate about schools and roads."
EN2 = "Officials said the plan would take effect in March, and residents can comment until Friday."
RRA, RRA_SPLIT = "\u09dc", "\u09a1\u09bc"  # ড় as one letter and as ড + nukta (its NFC)


def cleaned(*blocks: str, lang: str | None = None):
    return Cleaner(Config()).clean("\n\n".join(blocks), lang=lang)


def removed(result, rule: str) -> list[str]:
    return [r.text for r in result.removed if r.rule == rule]


@pytest.mark.parametrize("rra", [RRA, RRA_SPLIT])
def test_a_label_between_sentences_goes_and_the_rest_of_the_line_stays(rra: str):
    label = f"আরো প{rra}ুন:"
    line = f"{BN1} {label} নাটোরে ভিড় বেড়েছে কাপড়ের দোকানে এদিকে, তীব্র শীতে জনজীবন স্থবির হয়েছে।"
    result = cleaned(line, BN2, lang="bn")
    assert removed(result, "promo.inline-label") == [" " + label]
    assert result.text.startswith(BN1 + " নাটোরে ভিড়")


def test_a_label_of_several_words_goes_after_a_headline_too_and_the_headline_before_it_goes_with_the_first():
    sv = "Mötet avslutades vid lunch och beskeden väntas komma nästa vecka från ministern, sade talespersonen."
    line = f"{sv} Läs också: Nya åtgärder för ekonomin Läs också: Ministern sa att skolorna öppnar på måndag."
    result = cleaned(line, "Det sade hon till tidningen efter mötet i går.", lang="sv")
    assert removed(result, "promo.inline-label") == [" Läs också: Nya åtgärder för ekonomin", " Läs också:"]
    assert result.text.startswith(sv + " Ministern sa")


def test_the_next_label_bounds_the_headlines_in_bengali_and_a_sentence_between_two_labels_stays():
    box = "নাটোরে ভিড় বেড়েছে পুরাতন গরম কাপড়ের দোকানে ২ দিনে দিনাজপুরে তাপমাত্রা কমেছে ১০ ডিগ্রি"
    line = f"{BN1} আরো পড়ুন: {box} আরো পড়ুন: এদিকে, তীব্র শীতে জনজীবন স্থবির হয়েছে।"
    result = cleaned(line, BN2, lang="bn")
    assert removed(result, "promo.inline-label") == [f" আরো পড়ুন: {box}", " আরো পড়ুন:"]
    prose = f"{BN1} আরো পড়ুন: শহরে যানজট বেড়েছে। আরো পড়ুন: এদিকে, তীব্র শীতে জনজীবন স্থবির হয়েছে।"
    assert removed(cleaned(prose, BN2, lang="bn"), "promo.inline-label") == [" আরো পড়ুন:", " আরো পড়ুন:"]


@pytest.mark.parametrize(
    "line",
    [
        f"{EN1} Human Rights Watch: the group said the vote was unfair.",  # one-word label after a word
        f"{EN1} Read more here: the council's report lists every road.",  # no separator after the label
        f"{EN1} Related to this, the mayor resigned on Friday.",
    ],
)
def test_a_label_word_in_prose_stays(line: str):
    assert removed(cleaned(line, EN2, lang="en"), "promo.inline-label") == []


def test_spellings_give_the_word_as_text_may_spell_it():
    word = f"আরও প{RRA_SPLIT}ুন"
    assert spellings(word) == (word, f"আরও প{RRA}ুন")
    assert spellings("read also") == ("read also",)
    assert spellings(f"আরও প{RRA}ুন") == (unicodedata.normalize("NFC", f"আরও প{RRA}ুন"), f"আরও প{RRA}ুন")


def test_rules_see_letters_unicode_never_composes_in_their_canonical_spelling():
    content = "सबसे ज्यादा प\u095dी गई"  # ढ़ as one letter; the rule is written with ढ + ़ only
    view = rule_view(Block(0, "paragraph", 0, len(content), 0, len(content), content, n_words=4))
    assert view.block.content == unicodedata.normalize("NFC", content)
    assert view.span(0, len(view.block.content)) == (0, len(content))
    lead = "दिल्ली में आज सुबह से बारिश हो रही है और कई सड़कों पर पानी भर गया है।"
    result = cleaned(lead, content, lang="hi")
    assert removed(result, "related.section-header.hi") == [content]


def test_greek_capitals_and_arabic_keyboard_persian_are_spellings_of_a_label():
    assert "διαβαστε επισης" in spellings("διαβάστε επίσης")
    assert "بيشتر بخوانيد" in spellings("بیشتر بخوانید")
    assert spellings("café") == ("café",)  # only Greek loses its accents
    el = "Η ανάκαμψη της οικονομίας θα είναι ταχεία, σύμφωνα με τον διοικητή της τράπεζας."
    text = el + "  ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ Κορωνοϊός: Τι είπε ο Τσιόδρας για τα σχολεία\n\n" + el
    result = Cleaner(Config(ignore=("promo.inline-read",))).clean(text, lang="el")  # the Greek rule aside
    assert removed(result, "promo.inline-lead-in") == ["  ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ Κορωνοϊός: Τι είπε ο Τσιόδρας για τα σχολεία"]


@pytest.mark.parametrize(
    ("line", "lang"),
    [  # new labels of the lexicon used as prose: no separator after them, or prose follows
        ("Het rapport is lang. Lees verder in de bijlage van de gemeente, zei de wethouder.", "nl"),
        ("Raport jest długi. Przeczytaj także uwagi mieszkańców, apelował burmistrz.", "pl"),
        ("El informe es largo. Sigue leyendo el documento, pidió el alcalde a los vecinos.", "es"),
        ("Ο φάκελος είναι μεγάλος. Δείτε επίσης τις οδηγίες του υπουργείου πριν ταξιδέψετε.", "el"),
    ],
)
def test_new_labels_in_prose_stay(line: str, lang: str):
    assert cleaned(line, line, lang=lang).removed == ()


def test_headlines_kept_twice_or_more_after_a_label_go_with_it_and_a_repeated_sentence_stays():
    box = "Nya regler för skolan Nya regler för skolan Nya regler för skolan Val i höst Val i höst Val i höst"
    sv = "Mötet avslutades vid lunch och beskeden väntas komma nästa vecka från ministern, sade talespersonen."
    body = "Ministern sa att skolorna öppnar på måndag."
    result = cleaned(f"{sv} Läs också: Läs också: {box} {body} {body}", "Det sade hon efter mötet i går.", lang="sv")
    assert removed(result, "promo.inline-label") == [f" Läs också: Läs också: {box}"]
    assert result.text.startswith(f"{sv} {body} {body}")


def test_malayalam_chillu_is_found_in_either_encoding():
    assert spellings("കൂടുതൽ വായിക്കുക")[1] == "കൂടുത\u0d32\u0d4d\u200d വായിക്കുക"
    ml = "സംസ്ഥാനത്ത് ഇന്ന് കനത്ത മഴയ്ക്ക് സാധ്യതയുണ്ടെന്ന് കാലാവസ്ഥ വകുപ്പ് അറിയിച്ചു."
    label = "കൂടുത\u0d32\u0d4d\u200d വായിക്കുക: സംസ്ഥാനത്ത് കനത്ത മഴ"
    result = Cleaner(Config(ignore=("promo.also-read", "promo.inline-read"))).clean(f"{ml}  {label}\n\n{ml}", lang="ml")
    assert removed(result, "promo.inline-lead-in") == ["  " + label]
