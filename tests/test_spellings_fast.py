"""``text.spellings`` looks only through the several-character spellings and returns an ASCII
word as it is: the same answer as looking through every respelled character, for every word
of the shipped lexicons and the scripts that have such spellings."""

import unicodedata

from cleaner.config import Config
from cleaner.rulebook import load_rulebook
from cleaner.text import _ARABIC_YEH_KAF, _GREEK_TONOS, _MALAYALAM_CHILLU, respelled, spellings


def _reference(word: str) -> tuple[str, ...]:
    # the loop over all of ``respelled()`` as it was written before
    nfc = unicodedata.normalize("NFC", word)
    out = [nfc]
    back: dict[str, str] = {}
    for ch, canon in respelled().items():
        if canon in nfc and len(canon) > 1:
            back.setdefault(canon, ch)
    other = nfc
    for canon, ch in back.items():
        other = other.replace(canon, ch)
    out.append(other)
    if "\u06cc" in nfc or "\u06a9" in nfc:
        out.append(nfc.translate(_ARABIC_YEH_KAF))
    if any("\u0d7a" <= ch <= "\u0d7f" for ch in nfc):
        out.append(nfc.translate(_MALAYALAM_CHILLU))
    decomposed = unicodedata.normalize("NFD", nfc)
    if _GREEK_TONOS.search(decomposed):
        out.append(unicodedata.normalize("NFC", _GREEK_TONOS.sub("", decomposed)))
    return tuple(dict.fromkeys(out))


def test_the_same_spellings_as_looking_through_every_character() -> None:
    words = {w for lex in load_rulebook(Config()).lexicons for w in lex.words}
    words |= {"পড়ুন", "आगे पढ़ें", "ਪੜ੍ਹੋ ਖ਼ਬਰ", "διαβάστε επίσης", "مطالعہ کریں", "കൂടുതൽ വായിക്കുക", "final", "ﬁnal", "Read"}
    assert len(words) > 2000
    for w in words:
        assert spellings(w) == _reference(w), w
