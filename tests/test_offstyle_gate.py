"""headline.off-style's whole-document gate (issue 13): a document with fewer lines in capitals (of
all its blocks, each as read again) than it takes own subheads returns before reading the
decisions. Held to the heuristic without the gate, on texts with a Turkish dotless ı and dotted İ,
Cyrillic, Greek, a soft hyphen, and on HTML whose blocks a second cleaning reads again."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.heuristics import offstyle

RULE = "headline.off-style"
P = (
    "La reforma aprobada este martes eleva la edad de jubilación de forma gradual y cambia el cálculo "
    "de las pensiones para los trabajadores que empiezan a cotizar desde el próximo año."
)
OTHER = "Los jubilados de Galicia cobrarán la paga extra de las pensiones antes de Navidad"
LINES = [
    P,
    OTHER,
    "CRÍTICAS SINDICALES",
    "LA OPOSICIÓN RECURRIRÁ",
    "DIŞİŞLERİ BAKANI AÇIKLADI",  # Turkish dotted İ and capital Ş
    "dışişleri bakanı açıkladı",  # Turkish dotless ı, lower case
    "ВЛАДА ОТВЕТИЛА ЖЁСТКО",
    "Власти ответили жёстко на новые требования профсоюзов сегодня утром в столице",
    "Η ΚΥΒΕΡΝΗΣΗ ΑΠΑΝΤΑ",
    "Η κυβέρνηση απαντά στους συνδικαλιστές για τη μεταρρύθμιση των συντάξεων σήμερα",
    "SIN\u00adDICATOS EN LA CALLE",  # a soft hyphen inside a word in capitals
    "Sin\u00addicatos en la calle contra la reforma de las pensiones aprobada este martes",
    "- UNA LISTA EN CAPITALES",
    "LOS SINDICATOS ANUNCIARON MOVILIZACIONES EN VARIAS CIUDADES Y PIDIERON AL GOBIERNO UNA MESA DE DIÁLOGO",
    "ÉL",
]


def _records(text: str, html: bool = False) -> list[dict[str, object]]:
    c = Cleaner(Config())
    r = c.clean(text, html=html)
    return r.to_dict()["removed"]  # type: ignore[no-any-return]


def _ungated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offstyle, "_caps_as_read", lambda b: True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=0, max_size=12))
def test_the_gate_answers_what_the_heuristic_without_it_answers(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    gated = _records(text)
    with pytest.MonkeyPatch.context() as mp:
        _ungated(mp)
        assert _records(text) == gated


@pytest.mark.parametrize(
    "caps",
    [
        ["CRÍTICAS SINDICALES", "LA OPOSICIÓN RECURRIRÁ"],
        ["DIŞİŞLERİ BAKANI AÇIKLADI", "ВЛАДА ОТВЕТИЛА ЖЁСТКО"],
        ["Η ΚΥΒΕΡΝΗΣΗ ΑΠΑΝΤΑ", "SIN\u00adDICATOS EN LA CALLE"],
    ],
)
def test_subheads_in_capitals_of_any_script_pass_the_gate(caps: list[str]) -> None:
    text = "\n\n".join([P, caps[0], P, OTHER, P, caps[1], P])
    assert [r["text"].strip() for r in _records(text) if r["rule"] == RULE] == [OTHER]


def test_html_blocks_are_counted_as_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (
        f"<article><p>{P}</p><h2>CRÍTICAS SINDICALES</h2><p>{P}</p><p>{OTHER}</p><p>{P}</p>"
        f"<h3>LA OPOSICIÓN RECURRIRÁ</h3><p>{P}</p></article>"
    )
    gated = _records(html, html=True)
    _ungated(monkeypatch)
    assert _records(html, html=True) == gated


def test_one_line_in_capitals_returns_before_reading_the_decisions() -> None:
    from cleaner.blocks import segment
    from cleaner.heuristics import HEURISTICS
    from cleaner.heuristics.base import Context
    from cleaner.rulebook import load_rulebook

    text = "\n\n".join([P, "CRÍTICAS SINDICALES", P, OTHER, P, P])
    h = next(h for h in HEURISTICS if h.id == RULE)
    reads = [False]
    ctx = Context(text, tuple(segment(text)), None, load_rulebook(Config()), Config(), (), reads=reads)
    assert list(h.run(ctx, h)) == []
    assert reads == [False]
