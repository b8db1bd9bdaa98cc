"""The block scorer (cleaner/scorer): units, features, the shipped model, its place among the deciders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner, Config, restore
from cleaner.blocks import segment
from cleaner.normalize import normalize
from cleaner.scorer.features import FEATURES, INDEX, LexiconMatcher, matrix
from cleaner.scorer.model import ModelError, load, parse
from cleaner.scorer.units import count_words, live_units, split_block

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "scorer"
LEXICON = LexiconMatcher.build({"credit": ["photo", "via"], "promo": ["read more", "관련기사"], "navigation": ["©"]})

ARTICLE = (
    "Council Approves New Budget\n\n"
    "The city council approved the new budget on Monday after a long debate about road repairs and school funding.\n\n"
    "Members said the plan would raise spending on parks by ten percent next year. Photo: Jane Doe/City Press\n\n"
    "Pop Star Launches Perfume Line In Paris"
)


def _rows(text: str):
    blocks = segment(text)
    units = live_units(blocks, [])
    return blocks, units, matrix(text, blocks, units, LEXICON)


def test_units_cut_sentences_with_exact_offsets():
    text = "A caption of the scene. Photo: AP\nand more here"
    (b,) = segment(text)
    spans = split_block(b)
    assert [text[s:e] for s, e in spans] == ["A caption of the scene.", "Photo: AP", "and more here"]
    units = live_units((b,), [(24, 33)])  # "Photo: AP" decided already: not live
    assert [text[u.start : u.end] for u in units] == ["A caption of the scene.", "and more here"]
    assert units[0].first and not units[0].last and units[1].last


def test_count_words_counts_scripts_without_spaces():
    assert count_words("three plain words") == 3
    assert count_words("東京都は今日新しい計画を発表した") >= 6
    assert count_words("ข่าววันนี้รัฐบาลประกาศแผนใหม่") >= 6


def test_features_on_hand_made_blocks():
    _, units, rows = _rows(ARTICLE)
    texts = [ARTICLE[u.start : u.end] for u in units]
    assert texts[-2] == "Photo: Jane Doe/City Press" and texts[-1].startswith("Pop Star")
    f = {name: [r[i] for r in rows] for name, i in INDEX.items()}
    assert len(rows[0]) == len(FEATURES)
    assert f["terminal"][1] == 1.0 and f["terminal"][-1] == 0.0
    assert f["lex_credit"][-2] == 1.0 and f["lex_at_start"][-2] == 1.0 and f["lex_credit"][1] == 0.0
    assert f["pos_abs_end"][-1] == 0.0 and f["pos_abs_start"][0] == 0.0
    assert f["title_case"][-1] == 1.0 and f["doc_final_open"][-1] == 1.0
    assert f["after_body"][-1] == 1.0 and f["before_body"][0] == 1.0
    assert f["neighbour_overlap"][-1] == 0.0  # an injected headline shares no words with its neighbours
    assert f["first_in_block"][-2] == 0.0 and f["last_in_block"][-2] == 1.0
    # the lexicon matches CJK/Hangul as literals and spaced scripts token by token
    assert sorted(LEXICON.hits("관련기사 and READ more, photos")) == [(0, "promo"), (9, "promo")]


def test_shipped_model_loads_and_is_consistent():
    m = load()
    assert m.features == FEATURES and len(m.debris.weights) == len(m.means) == len(m.names)
    assert 0 < m.candidate_floor <= m.threshold < 1
    assert set(m.classes) <= {
        "promo",
        "credit",
        "truncation",
        "headline",
        "share",
        "newsletter",
        "ads",
        "comments",
        "navigation",
        "other",
    }


def test_bad_model_file_is_one_clear_error():
    with pytest.raises(ModelError, match="format"):
        parse({"format": "nope"})
    doc = json.loads(Path(load.__wrapped__.__defaults__[0]).read_text(encoding="utf-8"))
    doc["features"] = doc["features"][:-1]
    with pytest.raises(ModelError, match="retrain"):
        parse(doc)


TAIL_ARTICLE = (
    "Floods Hit The Valley\n\n"
    "Heavy rain flooded dozens of homes in the valley on Sunday, and the fire service rescued twelve people "
    "from their roofs, officials said.\n\n"
    "The river rose by two metres in six hours, the highest level since records began in 1950, the water "
    "agency said in a statement on Monday.\n\n"
    "Schools in three villages will stay closed until Wednesday while engineers check the bridges.\n\n"
    "John Smith/Reuters\n\n"  # a bare credit: no rule takes it (credit.inline-caption takes "Photo: …")
    "Share on Facebook\n\n"
    "Follow us on Twitter"
)


@pytest.fixture(scope="module")
def on() -> Cleaner:
    return Cleaner(Config(block_model=True))  # the scorer is opt-in


def test_the_scorer_is_off_by_default(cleaner):
    assert not any(r.rule == "model.block" for r in cleaner.clean(TAIL_ARTICLE).removed)


def test_model_removes_a_debris_tail_and_explains_it(on):
    cleaner = on
    result = cleaner.clean(TAIL_ARTICLE)
    by_model = [r for r in result.removed if r.rule == "model.block"]
    assert by_model, [r.to_dict() for r in result.removed]
    for r in by_model:
        assert r.reason.startswith("Block scorer:") and r.category in load().classes
        assert TAIL_ARTICLE[r.start : r.end] == r.text
    assert "Heavy rain flooded dozens of homes" in result.text
    assert "Schools in three villages" in result.text
    assert restore(result) == normalize(TAIL_ARTICLE).text
    again = cleaner.clean(result.text)
    assert again.text == result.text


def test_ignore_model_turns_it_off():
    result = Cleaner(Config(ignore=("model",), block_model=True)).clean(TAIL_ARTICLE)
    assert not any(r.rule.startswith("model.") for r in result.removed + result.candidates)


def test_min_confidence_makes_model_removals_candidates():
    result = Cleaner(Config(min_confidence=0.999, block_model=True)).clean(TAIL_ARTICLE)
    assert not any(r.rule == "model.block" for r in result.removed)


def test_model_span_inside_a_block_has_exact_offsets(on):
    cleaner = on
    text = (
        "Storm Damage Counted\n\n"
        "Engineers counted the damage to power lines across the county on Tuesday and said repairs would take "
        "a week.\n\n"
        "Crews worked through the night to restore power to the hospital and the two care homes in town.\n\n"
        "Residents said they had never seen winds so strong in the valley. The council said more det"
    )
    result = cleaner.clean(text)
    assert restore(result) == normalize(text).text
    for r in result.removed:
        assert text[r.start : r.end] == r.text
    assert "Residents said they had never seen winds so strong in the valley." in result.text


def test_tiny_training_run_reproduces_the_committed_model():
    pytest.importorskip("sklearn", reason="scikit-learn is absent: the [train] extra is not installed")
    from cleaner.scorer.train import dumps, fit_texts

    articles = []
    for a in json.loads((FIXTURES / "tiny-articles.json").read_text(encoding="utf-8")):
        text = normalize(a["text"]).text
        spans = []
        for piece, cat in a["debris"]:
            s = text.index(piece)
            spans.append((s, s + len(piece), cat))
        articles.append((text, spans))
    words = {
        "promo": ["also read"],
        "credit": ["photo"],
        "share": ["share", "follow"],
        "newsletter": ["newsletter"],
        "ad": ["advertisement"],
        "navigation": ["©"],
    }
    doc = fit_texts(articles, words, threshold=0.5, candidate_floor=0.3, training={"fixture": "tiny-articles.json"})
    assert dumps(doc) == (FIXTURES / "tiny-model.json").read_text(encoding="utf-8")
    parse(doc)  # and it loads


def test_cli_ignore_model_turns_it_off(tmp_path):
    from typer.testing import CliRunner

    from cleaner.cli import app

    src = tmp_path / "a.txt"
    src.write_text(TAIL_ARTICLE, encoding="utf-8")
    cfg = tmp_path / "cleaner.toml"
    cfg.write_text("block_model = true\n", encoding="utf-8")  # the scorer is opt-in
    runner = CliRunner()
    on = json.loads(runner.invoke(app, ["clean", "--json", "--config", str(cfg), str(src)]).stdout)
    off = json.loads(runner.invoke(app, ["clean", "--json", "--config", str(cfg), "--ignore", "model", str(src)]).stdout)
    assert any(r["rule"] == "model.block" for r in on["removed"])
    assert not any(r["rule"] == "model.block" for r in off["removed"] + off["candidates"])
