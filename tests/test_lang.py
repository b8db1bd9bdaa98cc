"""Language codes (every form, every entry point) and language identification."""

from __future__ import annotations

import json
from bisect import bisect_right
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import cleaner.lang as lang_mod
from cleaner import Cleaner, Config, clean
from cleaner.blocks import segment
from cleaner.cli.app import app
from cleaner.errors import ConfigError, RuleFileError
from cleaner.lang import detect_language
from cleaner.langcodes import base_language
from cleaner.plan import text_plan
from cleaner.rulebook import load_file
from tests.conftest import shared


@pytest.mark.parametrize(
    ("tag", "base"),
    [  # fmt: skip
        ("en", "en"),
        ("EN", "en"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("en_GB.UTF-8", "en"),
        ("de_DE@euro", "de"),
        ("pt-BR", "pt"),
        ("pt_br", "pt"),
        ("zh-Hant", "zh"),
        ("zh-CN", "zh"),
        ("zh-Hant-TW", "zh"),
        ("sr-Latn-RS", "sr"),
        ("iw", "he"),
        ("in", "id"),
        ("ji", "yi"),
        ("nb", "no"),
        ("nn-NO", "no"),
        ("fil", "tl"),
        ("eng", "en"),
        ("deu", "de"),
        ("ger", "de"),
        ("cmn-Hans", "zh"),
        ("yue", "zh"),
        (" fr ", "fr"),
        ("und", "und"),
        ("mul", "und"),
        ("haw", "haw"),
        ("C", None),
        ("POSIX", None),
        ("english", None),
        ("x-klingon", None),
        ("", None),
        (None, None),
        ("not a tag!", None),
        ("en--US", None),
    ],
)
def test_base_language(tag, base):
    assert base_language(tag) == base


# A rule keyed by one language in one spelling; the tests give the language in others.
RULE_FILE = """\
category: promo
languages: [en-GB]
rules:
  - id: promo.lang-probe
    reason: A probe line that only the English rules know.
    regex: ['^Zorblax probe line$']
    examples:
      strip: ["Zorblax probe line"]
"""
TEXT = (
    "Zorblax probe line\n\n"
    "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im nächsten Jahr gebaut wird.\n"
)


@pytest.fixture()
def probe_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "probe.yaml").write_text(RULE_FILE, encoding="utf-8")
    return folder


def _probe_removed(result) -> bool:
    return any(r.rule == "promo.lang-probe" for r in result.removed)


def test_rule_file_languages_are_base_languages(probe_rules):
    rules, _ = load_file(probe_rules / "probe.yaml")
    assert rules[0].languages == ("en",)


def test_rule_file_with_a_bad_language_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(RULE_FILE.replace("[en-GB]", "[english]"), encoding="utf-8")
    with pytest.raises(RuleFileError, match="'english' is not a language tag"):
        load_file(bad)


@pytest.mark.parametrize("tag", ["en", "en-US", "en_GB", "EN", "eng"])
def test_clean_lang_argument_any_form(probe_rules, tag):
    cleaner = Cleaner(Config(rule_dirs=(probe_rules,)))
    result = cleaner.clean(TEXT, lang=tag)
    assert (result.lang.code, result.lang.path) == ("en", "given")
    assert _probe_removed(result)


def test_english_rule_does_not_fire_for_another_language(probe_rules):
    cleaner = Cleaner(Config(rule_dirs=(probe_rules,)))
    assert not _probe_removed(cleaner.clean(TEXT, lang="de-AT"))


def test_config_lang_any_form(probe_rules):
    config = Config(rule_dirs=(probe_rules,), lang="en_US.UTF-8")
    assert config.lang == "en"
    assert _probe_removed(clean(TEXT, config=config))


def test_config_lang_that_is_not_a_tag_is_one_clear_error():
    with pytest.raises(ConfigError, match="'english' is not a language tag"):
        Config(lang="english")


def test_a_given_lang_that_is_not_a_tag_is_detected_and_warned_about():
    result = clean(TEXT, lang="Deutsch!")
    assert result.lang.path != "given"
    assert any("not a language tag" in w for w in result.warnings)


runner = CliRunner()


def test_cli_lang_option_any_form(probe_rules):
    res = runner.invoke(app, ["clean", "-", "--json", "--lang", "en-US", "--rules", str(probe_rules)], input=TEXT)
    assert res.exit_code == 0, res.output
    record = json.loads(res.stdout)
    assert record["lang"]["code"] == "en"
    assert any(r["rule"] == "promo.lang-probe" for r in record["removed"])


def test_cli_lang_option_that_is_not_a_tag_exits_2():
    res = runner.invoke(app, ["clean", "-", "--lang", "english"], input=TEXT)
    assert res.exit_code == 2
    assert "not a language tag" in res.stderr


def test_project_config_lang_any_form_and_bad(tmp_path, probe_rules):
    from cleaner.project_config import load_project_config

    good = tmp_path / "cleaner.toml"
    good.write_text('lang = "pt_BR"\n', encoding="utf-8")
    assert load_project_config(good).to_config(Config()).lang == "pt"
    bad = tmp_path / "bad" / "cleaner.toml"
    bad.parent.mkdir()
    bad.write_text('lang = "portuguese"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a language tag"):
        load_project_config(bad)


def test_batch_jsonl_lang_field_any_form(tmp_path, probe_rules):
    src = tmp_path / "in.jsonl"
    lines = [{"id": str(i), "text": TEXT, "lang": tag} for i, tag in enumerate(["en-US", "en_GB", "de-CH"])]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "--rules", str(probe_rules)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["lang"]["code"] for r in rows] == ["en", "en", "de"]
    assert [any(x["rule"] == "promo.lang-probe" for x in r["removed"]) for r in rows] == [True, True, False]


def test_declared_html_lang_any_form():
    para = "<p>" + "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke gebaut wird. " * 4 + "</p>"
    page = f'<html lang="DE_ch"><body><article>{para}{para}</article></body></html>'
    result = Cleaner().clean(page, html=True)
    assert (result.lang.code, result.lang.path) == ("de", "declared")


# Detection -------------------------------------------------------------------------------------


def _detect(text: str, **kw):
    return detect_language(segment(text), Config(**kw))


@pytest.mark.parametrize(
    ("text", "code", "path"),
    [  # fmt: skip
        ("서울시는 내년부터 대중교통 요금을 인상하기로 했다고 밝혔다. 시민들의 반응은 엇갈렸다.", "ko", "script"),
        ("กรุงเทพมหานครประกาศแผนการจัดการน้ำท่วมฉบับใหม่ในวันนี้ โดยเน้นการระบายน้ำ", "th", "script"),
        ("東京都は来年から公共交通機関の運賃を引き上げると発表した。市民の反応は分かれている。", "ja", "script"),
        ("北京市政府今天宣布，明年起将提高公共交通票价，市民反应不一。", "zh", "script"),
        ("ঢাকা শহরে আজ সকাল থেকে ভারী বৃষ্টি হচ্ছে। আবহাওয়া অফিস জানিয়েছে বৃষ্টি আরও দুই দিন থাকবে।", "bn", "script"),
        ("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την ενίσχυση της οικονομίας της χώρας.", "el", "script"),
        (
            "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im nächsten Jahr gebaut wird.",
            "de",
            "py3langid",
        ),
        (
            "El ayuntamiento aprobó el martes el nuevo presupuesto, que según el alcalde es el mayor de la historia.",
            "es",
            "py3langid",
        ),
        (
            "Правительство объявило сегодня о новых мерах поддержки экономики страны и малого бизнеса.",
            "ru",
            "py3langid",
        ),
        ("सरकार ने आज देश की अर्थव्यवस्था को मजबूत करने के लिए नए उपायों की घोषणा की है।", "hi", "py3langid"),
        ("a 1 2 3", "und", "none"),
    ],
)
def test_detection_paths(text, code, path):
    lang = _detect(text)
    assert (lang.code, lang.path) == (code, path)


def test_english_prose_takes_the_stopword_path():
    text = "The council said that it would vote on the plan next week, and the mayor said he was in favour of it. " * 2
    assert _detect(text).path == "stopwords"


def test_two_scripts_half_and_half_with_an_unsure_model_is_und_mixed():
    text = "Der Rat hat entschieden. " * 2 + "ঢাকা শহরে আজ সকাল থেকে ভারী বৃষ্টি। " * 2
    lang = _detect(text)
    assert lang.code in ("und", "de", "bn")  # which one depends on the model's certainty, recorded:
    assert lang.path in ("mixed", "py3langid")
    if lang.code == "und":
        assert lang.path == "mixed"


def test_detection_is_deterministic():
    text = "Nasabah asuransi tanggung biaya berobat, OJK sebut premi bisa turun tahun depan."
    assert len({_detect(text) for _ in range(5)}) == 1


def test_wild_dev_whole_articles_are_identified():
    """Every wild-dev article's language (22 languages), as the pipeline decides it."""
    rows = [json.loads(x) for x in shared("wild-dev/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    wrong = [(r["id"], r["lang"], _detect(r["raw"]).code) for r in rows if _detect(r["raw"]).code != r["lang"]]
    assert len(wrong) <= len(rows) // 100, wrong


def test_unknown_language_gets_the_language_neutral_rules_only():
    """Too little text to tell the language: ``und``, and no language's rules are guessed at."""
    text = "Advertisement\n\nText."
    unknown = Cleaner(Config(time_limit=0)).clean(text)
    assert unknown.lang.code == "und"
    assert unknown.text == text and not unknown.removed
    english = Cleaner(Config(time_limit=0)).clean(text, lang="en")
    assert [r.rule for r in english.removed] and english.text.strip() == "Text."
    book = Cleaner(Config(time_limit=0)).rulebook
    assert all(not r.languages for r in text_plan(book, "und").rules)
    assert all(not r.languages for r in text_plan(book, None).rules)
    assert len(text_plan(book, "en").rules) > len(text_plan(book, "und").rules)


def _script_by_letters(sample: str) -> tuple[str, float, int]:
    """``_script`` without its ASCII shortcut: every letter looked at."""
    counts: dict[str, int] = {}
    n = accented = 0
    for ch in sample:
        if ch.isalpha():
            o = ord(ch)
            s = "latin" if o < 0x80 else lang_mod._RANGES[bisect_right(lang_mod._STARTS, o) - 1][1]
            accented += s == "latin" and o >= 0x80
            counts[s] = counts.get(s, 0) + 1
            n += 1
            if n >= lang_mod._SCRIPT_LETTERS:
                break
    if not n:
        return "other", 0.0, 0
    if "han" in counts or "kana" in counts:
        return lang_mod._script(sample)  # the shortcut never answers these
    script = max(counts, key=lambda k: counts[k])
    return script, counts[script] / n, accented


@given(st.text(alphabet="ab Z1.,\n\t\u00e9\u0436\u05d0-", max_size=500), st.integers(0, 2000))
def test_script_shortcut_answers_as_the_letters_do(text: str, pad: int) -> None:
    for sample in (text, " " * pad + text, "a" * pad + text):
        assert lang_mod._script(sample) == _script_by_letters(sample)
