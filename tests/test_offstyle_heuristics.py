"""Other stories' headlines in sentence case among an article's own subheads in capitals
(headline.off-style), on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config

RULE = "headline.off-style"
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
P4 = (
    "La oposición votó en contra y anunció que recurrirá la ley ante el Tribunal Constitucional en "
    "cuanto se publique en el boletín oficial del Estado."
)
# a related story on the same topic: it shares the article's words, so topic cannot tell it apart
OTHER = "Los jubilados de Galicia cobrarán la paga extra de las pensiones antes de Navidad"
CAPS1 = "CRÍTICAS SINDICALES"
CAPS2 = "LA OPOSICIÓN RECURRIRÁ"


def cleaned(*blocks: str):
    return Cleaner(Config()).clean("\n\n".join(blocks))


def removed(result) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == RULE]


def test_a_sentence_case_headline_among_subheads_in_capitals_goes():
    result = cleaned(TITLE, P1, CAPS1, P2, OTHER, P3, CAPS2, P4)
    assert removed(result) == [OTHER]
    assert CAPS1 in result.text and CAPS2 in result.text and P3 in result.text
    assert cleaned(result.text).removed == ()  # idempotent


def test_the_same_line_as_the_last_line_after_a_list_goes():
    items = "- Subir la edad de jubilación\n- Cambiar el cálculo de la pensión"
    result = cleaned(TITLE, P1, CAPS1, P2, CAPS2, P4, items, OTHER)
    assert removed(result) == [OTHER]
    assert "- Cambiar el cálculo de la pensión" in result.text


def test_one_subhead_in_capitals_is_no_style():
    assert removed(cleaned(TITLE, P1, CAPS1, P2, OTHER, P3, P4)) == []


def test_an_article_that_mixes_subhead_styles_keeps_the_line():
    own = "Qué cambia para los autónomos"
    assert removed(cleaned(TITLE, P1, CAPS1, P2, own, P3, CAPS2, P4, OTHER, P1)) == []


def test_without_capital_subheads_sentence_case_subheads_stay():
    section = "Cómo cambia el cálculo de las pensiones desde el próximo enero"
    assert removed(cleaned(TITLE, P1, section, P2, P3, OTHER, P4)) == []


def test_lines_not_shaped_like_a_headline_stay():
    # a finished sentence, a title-case line, a line with the marks of a credit
    for line in (
        OTHER + ".",
        "Los Jubilados De Galicia Cobrarán La Paga Extra Antes De Navidad",
        "Foto: archivo (EFE) los jubilados de Galicia en una protesta en Vigo",
    ):
        assert removed(cleaned(TITLE, P1, CAPS1, P2, line, P3, CAPS2, P4)) == [], line


def test_a_credit_line_among_the_subheads_says_nothing_of_their_style():
    credit = "— Sindicato de Pensionistas (@pensionistas) 14 de abril de 2025"
    result = cleaned(TITLE, P1, CAPS1, P2, credit, P3, OTHER, P1, CAPS2, P4)
    assert removed(result) == [OTHER]
