"""The CLI over the public API: clean, --json, --markdown, diff, rules list/show/test."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cleaner import restore
from cleaner.cli import app
from tests.golden import SAMPLES

runner = CliRunner()
FLOOD = str(SAMPLES / "flood-warning.txt")
TECH = str(SAMPLES / "tech-launch.md")


def test_clean_prints_clean_text():
    res = runner.invoke(app, ["clean", FLOOD])
    assert res.exit_code == 0
    assert res.stdout == (SAMPLES / "flood-warning.clean.txt").read_text(encoding="utf-8")


def test_clean_json_is_the_record():
    res = runner.invoke(app, ["clean", "--json", FLOOD])
    assert res.exit_code == 0
    record = json.loads(res.stdout)
    assert {"text", "removed", "lang"} <= set(record)
    assert record["lang"]["code"] == "en"
    rules = [r["rule"] for r in record["removed"]]
    assert "headline.question-kicker" in rules and "tail.section-items" in rules
    assert restore(record).startswith("Will the river break its banks again?")


def test_clean_markdown_keeps_headings():
    res = runner.invoke(app, ["clean", "--markdown", TECH])
    assert res.exit_code == 0
    assert res.stdout.startswith("# Startup Unveils Solar Roof Tile")
    assert "\n## How the Tile Works\n" in res.stdout
    plain = runner.invoke(app, ["clean", TECH]).stdout
    assert plain.startswith("Startup Unveils") and "## " not in plain


def test_clean_stdin_and_lang_option():
    res = runner.invoke(app, ["clean", "-", "--lang", "en", "--json"], input="Advertisement\n\nThe vote was close.\n")
    record = json.loads(res.stdout)
    assert record["text"] == "The vote was close."
    assert record["lang"] == {"code": "en", "confidence": 1.0, "path": "given"}


def test_min_confidence_keeps_candidates():
    text = "The vote was close and the motion passed after a long debate. E\n\nMore text follows here."
    strict = json.loads(runner.invoke(app, ["clean", "-", "--json", "--min-confidence", "0.95"], input=text).stdout)
    assert strict["removed"] == [] and strict["candidates"][0]["rule"] == "truncation.dangling-fragment"
    assert strict["text"].startswith("The vote was close and the motion passed after a long debate. E")


def test_diff_marks_each_removal_with_rule_and_reason():
    res = runner.invoke(app, ["diff", "--no-color", FLOOD])
    assert res.exit_code == 0
    assert "[-Shocking Moment Furious Driver Ignores Flood Barrier-]{headline.loaded: " in res.stdout
    assert "{share.follow: Prompt to follow" in res.stdout
    assert "Buses took residents" in res.stdout  # kept text is shown too


def test_diff_colour_output():
    res = runner.invoke(app, ["diff", "--color", FLOOD])
    assert res.exit_code == 0 and "\x1b[" in res.stdout and "headline.loaded" in res.stdout


def test_rules_list_show_test():
    res = runner.invoke(app, ["rules", "list"])
    assert res.exit_code == 0
    assert "promo.also-read" in res.stdout and "rules/promo.yaml" in res.stdout
    assert "headline.question-kicker" in res.stdout and "heuristic" in res.stdout
    show = runner.invoke(app, ["rules", "show", "promo.also-read"])
    assert show.exit_code == 0 and "examples that go:" in show.stdout and "Also Read: Flight" in show.stdout
    assert runner.invoke(app, ["rules", "show", "headline.loaded"]).exit_code == 0
    assert "title.page-title" in res.stdout  # HTML-stage heuristics are listed too
    assert "heuristic, category title, html" in runner.invoke(app, ["rules", "show", "title.page-title"]).stdout
    missing = runner.invoke(app, ["rules", "show", "no.such-rule"])
    assert missing.exit_code == 2
    test = runner.invoke(app, ["rules", "test"])
    assert test.exit_code == 0 and " 0 failed" in test.stdout


def test_rules_test_fails_on_a_wrong_example(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "rules:\n  - id: x.wrong\n    reason: r\n    regex: ['^zzz$']\n    examples: {strip: ['not matching']}\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["rules", "test", "--rules", str(tmp_path)])
    assert res.exit_code == 1 and "FAIL x.wrong" in res.stdout


def test_malformed_user_rules_exit_2_before_reading_input(tmp_path):
    (tmp_path / "bad.yaml").write_text("rules:\n  - id: x.y\n    regex: [a]\n", encoding="utf-8")
    res = runner.invoke(app, ["clean", str(tmp_path / "missing-input.txt"), "--rules", str(tmp_path)])
    assert res.exit_code == 2
    assert "bad.yaml: rule x.y: key 'reason'" in res.stderr
