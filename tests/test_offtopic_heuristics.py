"""Other stories' headlines stacked above an own subhead or left at the tail (headline.stacked,
headline.trailing), appeals for support at the tail (promo.support-appeal) and teasers cut off by
an ellipsis above the article (truncation.opening-teaser), on small invented articles."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config
from cleaner.rulebook import load_rulebook

TITLE = "El Senado aprueba la reforma del sistema de pensiones"
P1 = (
    "La reforma aprobada este martes eleva la edad de jubilación de forma gradual y cambia el cálculo "
    "de las pensiones para los trabajadores que empiezan a cotizar desde el próximo año."
)
P2 = (
    "Los sindicatos anunciaron movilizaciones en varias ciudades y pidieron al Gobierno que abra una "
    "mesa de negociación antes de que la norma entre en vigor en enero."
)
P3 = (
    "El ministro de Trabajo defendió el texto ante los senadores y aseguró que garantiza la "
    "sostenibilidad del sistema durante las próximas tres décadas sin recortes."
)
OTHER = "Un incendio forestal obliga a desalojar tres aldeas en la sierra de Gredos"
SUBHEAD = "Críticas sindicales"


def cleaned(*blocks: str):
    return Cleaner(Config()).clean("\n\n".join(blocks))


def removed(result, rule: str) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == rule]


def reported(result, rule: str) -> list[str]:
    """headline.stacked decides candidates only (confidence 0.45): reported, kept in the text."""
    assert not removed(result, rule)
    return [r.text.strip() for r in result.candidates if r.rule == rule]


def test_another_storys_headline_stacked_above_the_own_subhead_goes():
    result = cleaned(TITLE, P1, OTHER, SUBHEAD, P2, P3)
    assert reported(result, "headline.stacked") == [OTHER]
    assert SUBHEAD in result.text and P2 in result.text
    assert cleaned(result.text).removed == ()  # idempotent


def test_a_run_of_headlines_above_the_subhead_goes_together():
    on_topic = "La reforma de las pensiones divide a los socios del Gobierno en el Senado"
    other2 = "Detenido un hombre por robar cobre de las vías del tren en Valladolid"
    result = cleaned(TITLE, P1, OTHER, on_topic, other2, SUBHEAD, P2, P3)
    assert reported(result, "headline.stacked") == [OTHER, on_topic, other2]


def test_own_headings_above_a_subsection_stay():
    # a heading on the article's topic, a title-case section heading, a line of a list or a table
    section = "Cómo cambia el cálculo de las pensiones desde enero"
    assert reported(cleaned(TITLE, P1, section, SUBHEAD, P2, P3), "headline.stacked") == []
    english = [
        "Regulators Approve New Rules for Pension Funds",
        "The regulator approved the new rules on Tuesday after a two-year consultation with the funds and their members.",
        "What the New Rules Mean for Savers",
        "Fees",
        "Funds must publish their fees every quarter and explain any change to members in plain language.",
    ]
    assert reported(cleaned(*english), "headline.stacked") == []
    table = "Capacity: 30 ounces | Dimensions: 11 x 6 x 7 inches in the box"
    assert reported(cleaned(TITLE, P1, table, SUBHEAD, P2, P3), "headline.stacked") == []


def test_a_headline_after_the_last_paragraph_goes():
    result = cleaned(TITLE, P1, P2, P3, OTHER)
    assert removed(result, "headline.trailing") == [OTHER]
    assert cleaned(result.text).removed == ()


def test_the_articles_own_closing_lines_stay():
    # a closing line on the article's topic, and a sign-off of several sentences
    closing = "El Senado votará la reforma de las pensiones otra vez en marzo"
    assert removed(cleaned(TITLE, P1, P2, P3, closing), "headline.trailing") == []
    sign_off = "Gracias por leer hasta aquí, nos vemos la semana próxima! Un saludo de Marta"
    assert removed(cleaned(TITLE, P1, P2, P3, sign_off), "headline.trailing") == []
    # nothing before it but headlines: not an article's tail
    assert removed(cleaned(TITLE, OTHER), "headline.trailing") == []


APPEAL_ES = (
    "El periodismo independiente necesita del apoyo de sus lectores para seguir informando. "
    "¡Con tu apoyo seguiremos trabajando por un periodismo libre!"
)
APPEAL_EN = (
    "Independent journalism takes time and money. If you value our reporting, please consider a "
    "donation to keep it free for everyone."
)


def test_an_appeal_for_support_at_the_tail_goes_with_its_button_line():
    result = cleaned(TITLE, P1, P2, P3, APPEAL_ES, "Apoya a nuestro diario")
    assert removed(result, "promo.support-appeal") == [APPEAL_ES, "Apoya a nuestro diario"]
    en = [
        "Council approves new budget for city parks",
        "The council voted on Monday to raise the parks budget by ten percent for the coming year.",
        "The mayor said the money would go to playgrounds, trees and new benches in every district.",
        APPEAL_EN,
    ]
    assert removed(cleaned(*en), "promo.support-appeal") == [APPEAL_EN]


def test_a_story_about_journalisms_funding_stays():
    story = (
        "La fundación anunció que su donación apoyará el periodismo local en tres provincias durante "
        "los próximos cinco años, con becas para jóvenes reporteros."
    )
    # in the body, with paragraphs after it
    assert removed(cleaned(TITLE, story, P1, P2, P3), "promo.support-appeal") == []
    # at the tail without a word of support, or support without journalism
    assert (
        removed(
            cleaned(TITLE, P1, P2, "El periodismo local vive una crisis profunda en la región."), "promo.support-appeal"
        )
        == []
    )
    assert (
        removed(
            cleaned(TITLE, P1, P2, "Los vecinos apoyaron la propuesta del alcalde en la consulta."),
            "promo.support-appeal",
        )
        == []
    )


@pytest.mark.parametrize(
    ("lang", "journalism", "support"),
    [
        ("en", "independent journalism", "support"),
        ("es", "periodismo", "apoyo"),
        ("pt", "jornalismo", "apoie"),
        ("fr", "journalisme", "soutenez"),
        ("it", "giornalismo", "sostieni"),
        ("de", "Journalismus", "unterstützen"),
        ("nl", "journalistiek", "steun"),
        ("sv", "journalistik", "stöd"),
        ("da", "journalistik", "støt"),
        ("no", "journalistikk", "støtt"),
        ("fi", "journalismia", "tue"),
        ("pl", "dziennikarstwo", "wesprzyj"),
        ("cs", "žurnalistiku", "podpořte"),
        ("ru", "журналистику", "поддержите"),
        ("uk", "журналістику", "підтримайте"),
        ("tr", "gazeteciliği", "destek"),
        ("el", "δημοσιογραφία", "στηρίξτε"),
        ("ar", "الصحافة", "ادعم"),
        ("fa", "روزنامه‌نگاری", "حمایت"),
        ("he", "עיתונות", "תמכו"),
        ("hi", "पत्रकारिता", "समर्थन"),
        ("bn", "সাংবাদিকতা", "সমর্থন"),
        ("ur", "صحافت", "حمایت"),
        ("ta", "இதழியல்", "ஆதரவு"),
        ("id", "jurnalisme", "dukung"),
        ("ms", "kewartawanan", "sokong"),
        ("vi", "báo chí", "ủng hộ"),
        ("th", "สื่ออิสระ", "สนับสนุน"),
        ("zh", "独立媒体", "支持"),
        ("ja", "ジャーナリズム", "支援"),
        ("ko", "저널리즘", "후원"),
        ("sw", "uandishi wa habari", "unga mkono"),
        ("hy", "լրագրություն", "աջակցեք"),
        ("ml", "പത്രപ്രവർത്തനം", "പിന്തുണ"),
    ],
)
def test_the_appeal_lexicons_cover_every_language(lang, journalism, support):
    from cleaner.heuristics.appeals import _has

    book = load_rulebook(Config())
    assert _has(f"… {journalism} …", book.words("appeal.journalism-words", None)), lang
    assert _has(f"… {support} …", book.words("appeal.support-words", None)), lang


def test_short_support_words_match_whole_words_only():
    from cleaner.heuristics.appeals import _has

    support = load_rulebook(Config()).words("appeal.support-words", None)
    assert _has("Dona a nuestro diario", support) == "Dona"
    assert _has("Donald Trump habló el martes", support) is None  # 'dona' is not a stem


def test_a_teaser_cut_off_above_the_article_goes():
    teaser = (
        "Organizaciones de productores de café reanudaron la exportación a Estados Unidos tras meses "
        "de bloqueo en la frontera, destino del..."
    )
    result = cleaned(teaser, TITLE, P1, P2)
    assert removed(result, "truncation.opening-teaser") == [teaser]
    assert cleaned(result.text).removed == ()


def test_a_short_opener_ending_in_an_ellipsis_stays():
    assert removed(cleaned("I bet you didn't know this, but…", P1, P2), "truncation.opening-teaser") == []
    # an ellipsis after a full stop is not a cut
    whole = P1.rstrip(".") + ". ..."
    assert removed(cleaned(whole, P2, P3), "truncation.opening-teaser") == []


def test_lines_after_a_paragraph_ending_in_a_colon_are_its_list():
    intro = P1.rstrip(".") + ", y los trabajadores deberán:"
    steps = "Consultar su historial de cotizaciones en la sede electrónica del ministerio"
    assert reported(cleaned(TITLE, intro, steps, SUBHEAD, P2, P3), "headline.stacked") == []
    assert reported(cleaned(TITLE, P1, steps, SUBHEAD, P2, P3), "headline.stacked") == [steps]


WIRE_LEAD = (
    "MUMBAI (Reuters) - The BSE Sensex and Nifty ended flat on Tuesday as weaker regional shares offset "
    "optimism over reforms a day after the government passed an order to ease land-acquisition rules."
)
WIRE_NEXT = "Monday's announcement could kick-start stalled projects worth billions of dollars, analysts said."


def test_line_above_the_dateline_that_shares_nothing_with_the_lead_goes() -> None:
    result = cleaned("The best and worst of Bollywood in 2014.", WIRE_LEAD, WIRE_NEXT)
    assert [r.text for r in result.removed if r.rule == "headline.above-dateline"] == [
        "The best and worst of Bollywood in 2014."
    ]


@pytest.mark.parametrize(
    "above",
    [
        "Sensex, Nifty end flat as regional shares weigh",  # the article's own headline
        "Indian shares flat after land reform order",  # its standfirst shares the lead's words
    ],
)
def test_own_headline_above_the_dateline_stays(above: str) -> None:
    result = cleaned(above, WIRE_LEAD, WIRE_NEXT)
    assert [r for r in result.removed if r.rule == "headline.above-dateline"] == []


def test_a_line_without_a_dateline_after_it_stays() -> None:
    lead = WIRE_LEAD.removeprefix("MUMBAI (Reuters) - ")
    result = cleaned("The best and worst of Bollywood in 2014.", lead, WIRE_NEXT)
    assert [r for r in result.removed if r.rule == "headline.above-dateline"] == []
