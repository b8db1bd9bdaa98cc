"""The block scorer (cleaner/scorer): units, features, the shipped model, its place among the deciders."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from cleaner import Cleaner, Config, restore
from cleaner.blocks import segment
from cleaner.normalize import normalize
from cleaner.scorer.features import FEATURES, INDEX, LexiconMatcher, matrix
from cleaner.scorer.model import ModelError, Trees, load, parse
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
    # topic with the next unit: the title introduces the lead (council, budget); the injected headline ends it
    assert f["next_overlap"][0] == pytest.approx(2 / 3) and f["next_overlap"][-1] == 0.0
    assert f["prev_overlap"][-1] == 0.0 and f["next_title_overlap"][0] > 0.0 and f["next_title_overlap"][-2] == 0.0
    # the lexicon matches CJK/Hangul as literals and spaced scripts token by token
    assert sorted(LEXICON.hits("관련기사 and READ more, photos")) == [(0, "promo"), (9, "promo")]


def test_shipped_model_loads_and_is_consistent():
    m = load()
    assert m.features == FEATURES and len(m.means) == len(m.names)
    if isinstance(m.debris, Trees):
        assert not m.pairs and m.debris.trees
    else:
        assert len(m.debris.weights) == len(m.names)
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


def _tree_doc(trees: list[dict], base: float = -2.0) -> dict:
    doc = json.loads((FIXTURES / "tiny-model.json").read_text(encoding="utf-8"))
    doc["pairs"] = []
    doc["debris"] = {"base": base, "trees": trees, "means": [0.5] * len(FEATURES)}
    return doc


def test_tree_model_scores_and_explains_by_its_paths():
    short_end = {  # a short unit near the end: +3; else -1
        "feature": "words_log",
        "le": 0.4,
        "v": 0.0,
        "yes": {"feature": "pos_abs_end", "le": 0.15, "v": 1.0, "yes": {"v": 3.0}, "no": {"v": -1.0}},
        "no": {"v": -1.0},
    }
    lexical = {"feature": "lex_credit", "le": 0.5, "v": 0.0, "yes": {"v": -0.5}, "no": {"v": 1.5}}
    m = parse(_tree_doc([short_end, lexical]))
    assert isinstance(m.debris, Trees) and m.debris.n_features == len(FEATURES)
    row = [0.0] * len(FEATURES)
    row[INDEX["words_log"]], row[INDEX["pos_abs_end"]], row[INDEX["lex_credit"]] = 0.2, 0.0, 1.0
    assert m.debris.score(row) == pytest.approx(-2.0 + 3.0 + 1.5)
    assert m.probability(row) == pytest.approx(1 / (1 + math.exp(-2.5)))
    contrib = m.debris.contributions(row)  # what each split on the paths added
    assert contrib[INDEX["words_log"]] == pytest.approx(1.0) and contrib[INDEX["pos_abs_end"]] == pytest.approx(2.0)
    assert contrib[INDEX["lex_credit"]] == pytest.approx(1.5)
    assert [name for name, _ in m.drivers(row)] == ["pos_abs_end", "lex_credit", "words_log"]
    row[INDEX["words_log"]] = 0.9  # long: the first tree's "no" leaf
    assert m.debris.score(row) == pytest.approx(-2.0 - 1.0 + 1.5)
    with pytest.raises(ModelError, match="no pairs"):
        parse({**_tree_doc([lexical]), "pairs": [["words_log", "terminal"]]})
    with pytest.raises(ModelError, match="malformed"):
        parse(_tree_doc([{"feature": "no_such_feature", "le": 0.5, "v": 0, "yes": {"v": 1}, "no": {"v": 0}}]))


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
    "1 of 12\n\n"  # a gallery's counter no rule takes (the shipped model: p 0.77)
    "Share on Facebook\n\n"
    "Follow us on Twitter"
)


def test_shape_features_glued_credit_marker_and_repetition():
    text = (
        "Storm Closes Roads\n\n"
        "The storm closed three roads near the river on Monday, the county said in a statement.\n\n"
        "Pokojówki pracujące na Zamku KsiążZamek Książ w Wałbrzychu\n\n"
        "Strumień zimna nad Polskątvnmeteo.pl\n\n"
        "|| A caption under the photo of the river\n\n"
        "Kevin C.\n\n"
        "Crews cleared the last of the fallen trees by the evening and the roads opened again.\n\n"
        "Kevin C."
    )
    _, units, rows = _rows(text)
    texts = [text[u.start : u.end] for u in units]
    f = {name: [r[i] for r in rows] for name, i in INDEX.items()}
    at = {t: k for k, t in enumerate(texts)}
    glued, domain = (
        at["Pokojówki pracujące na Zamku KsiążZamek Książ w Wałbrzychu"],
        at["Strumień zimna nad Polskątvnmeteo.pl"],
    )
    assert f["glued_junction"][glued] == 1.0 and f["glued_junction"][1] == 0.0
    assert f["glued_junction"][at["Storm Closes Roads"]] == 0.0  # capitals at word starts are not glued
    assert f["glued_domain"][domain] == 1.0 and f["glued_domain"][glued] == 0.0
    assert f["starts_marker"][at["|| A caption under the photo of the river"]] == 1.0 and f["starts_marker"][1] == 0.0
    assert f["repeated_log"][len(texts) - 1] > 0.0 and f["repeated_log"][1] == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "READ more: the budget. Photo via Reuters; photos, read  more",
        "ΔΙΑΒΆΣΤΕ ΕΠΊΣΗΣ: Σ read more İstanbul photo",  # a lower case longer than the text: token by token
        "관련기사 and READ more, photos",
    ],
)
def test_lexicon_hits_equal_the_token_by_token_walk(text):
    assert sorted(LEXICON.hits(text)) == sorted(LEXICON._hits_by_token(text))


@pytest.fixture
def working_model(monkeypatch) -> None:
    # The scorer is opt-in. Its calibrated threshold is where, with sites held out, it stops adding
    # wild-dev spans to the rules' (scripts/train_scorer.py): retrained on the 2026-12-02 evening
    # rules that is 0.995, where it proposes nothing the rules leave. The decider's path (proposal,
    # reason, offsets, restore) is tested with the shipped model at a working threshold.
    import cleaner.scorer.decider as decider

    model = load()
    monkeypatch.setattr(decider, "load", lambda: dataclasses.replace(model, threshold=0.7, candidate_floor=0.5))


@pytest.fixture
def on(working_model) -> Cleaner:
    return Cleaner(Config(block_model=True))


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


def _tiny_fit(**kw) -> dict:
    from cleaner.scorer.train import fit_texts

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
    return fit_texts(
        articles, words, threshold=0.5, candidate_floor=0.3, training={"fixture": "tiny-articles.json"}, **kw
    )


def test_tiny_training_run_reproduces_the_committed_model():
    pytest.importorskip("sklearn", reason="scikit-learn is absent: the [train] extra is not installed")
    from cleaner.scorer.train import dumps

    doc = _tiny_fit()
    assert dumps(doc) == (FIXTURES / "tiny-model.json").read_text(encoding="utf-8")
    parse(doc)  # and it loads


TINY_TREES = {"max_iter": 6, "max_depth": 2, "min_samples_leaf": 2, "learning_rate": 0.3}


def test_tiny_tree_training_run_reproduces_the_committed_model():
    pytest.importorskip("sklearn", reason="scikit-learn is absent: the [train] extra is not installed")
    from cleaner.scorer.train import dumps

    doc = _tiny_fit(method="trees", tree_params=TINY_TREES)
    assert dumps(doc) == (FIXTURES / "tiny-trees-model.json").read_text(encoding="utf-8")
    m = parse(json.loads(dumps(doc)))  # as the file stores it
    assert isinstance(m.debris, Trees) and len(m.debris.trees) == TINY_TREES["max_iter"]
    assert any("feature" in t for t in doc["debris"]["trees"])  # it learned splits


def test_cli_ignore_model_turns_it_off(tmp_path, working_model):
    from typer.testing import CliRunner

    from cleaner.cli import app

    src = tmp_path / "a.txt"
    src.write_text(TAIL_ARTICLE, encoding="utf-8")
    cfg = tmp_path / "cleaner.toml"
    cfg.write_text("block_model = true\n", encoding="utf-8")  # the scorer is opt-in
    runner = CliRunner()
    on = json.loads(runner.invoke(app, ["clean", "--json", "--config", str(cfg), str(src)]).stdout)
    off = json.loads(
        runner.invoke(app, ["clean", "--json", "--config", str(cfg), "--ignore", "model", str(src)]).stdout
    )
    assert any(r["rule"] == "model.block" for r in on["removed"])
    assert not any(r["rule"] == "model.block" for r in off["removed"] + off["candidates"])
