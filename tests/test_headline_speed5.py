"""headline.loaded, headline.tagged and headline.question-kicker return at once for a text whose
language has none of their words (issue 13, fifth round): with no word, no line can hold one, so
they found nothing there before either. In English they still find what they must; in the other
languages (Turkish ı/İ, German ß, Cyrillic, Greek, a soft hyphen, CJK, Thai) they find nothing,
with or without the words of an English headline in the text, as the full path did."""

from __future__ import annotations

import pytest

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
IDS = ("headline.loaded", "headline.tagged", "headline.question-kicker")
LEXICONS = ("headline.loaded-words", "headline.clickbait-phrases", "headline.tags", "headline.question-words")

LEAD = "The regional council met on Monday to discuss the new budget for roads and schools in the valley."
BODY = "Officials said the plan would be reviewed again in the spring, after the first results were known."
TEXTS = {
    "headline.loaded": "\n\n".join((LEAD, BODY, "Shameless Minister Slams Critics In Fiery Speech", BODY + " Again.")),
    "headline.tagged": "\n\n".join((LEAD, BODY, "Ten Towns To Visit This Summer [VIDEO]", BODY + " Again.")),
    "headline.question-kicker": "\n\n".join(
        ("Why does it matter? " + LEAD + " It is the largest budget in a decade.", BODY)
    ),
}
OTHER = [
    "İstanbul'da belediye meclisi bütçeyi görüştü; Işık Bakanı [VIDEO] Neden önemli? Çünkü yollar bozuk.",
    "Warum ist das wichtig? Die Straße bleibt gesperrt, sagte der Stadtrat am Montag in der Sitzung.",
    "Почему это важно? Совет обсудил бюджет на дороги и школы в долине в понедельник утром.",
    "Γιατί έχει σημασία; Το συμβούλιο συζήτησε τον προϋπολογισμό για δρόμους και σχολεία.",
    "Offi\u00adcials said the plan would be re\u00adviewed again in the spring, after the results.",
    "为什么重要？ 委员会周一讨论了山谷道路和学校的新预算。",
    "ทำไมถึงสำคัญ? สภาประชุมเมื่อวันจันทร์เพื่อหารืองบประมาณใหม่",
]


def _found(hid: str, text: str, lang: str | None) -> list[tuple]:
    h = BY_ID[hid]
    ctx = Context(text, tuple(segment(text)), lang, BOOK, Config(), ())
    return [(r.rule, r.start, r.end, r.reason) for r in h.run(ctx, h)]


@pytest.mark.parametrize("hid", IDS)
def test_english_still_found(hid: str) -> None:
    assert _found(hid, TEXTS[hid], "en")


@pytest.mark.parametrize("lang", [None, "de", "tr", "ru", "el", "zh", "th", "es"])
@pytest.mark.parametrize("hid", IDS)
def test_no_words_no_finding(hid: str, lang: str | None) -> None:
    if any(BOOK.words(lx, lang) for lx in LEXICONS):
        pytest.skip(f"{lang} has words now: the full path runs")
    for text in [TEXTS[hid], *OTHER, "\n\n".join([LEAD, *OTHER, BODY])]:
        assert _found(hid, text, lang) == []
