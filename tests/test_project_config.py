"""Project configuration: [tool.cleaner] in pyproject.toml or cleaner.toml, found walking up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli.app import app
from cleaner.errors import ConfigError
from cleaner.project_config import find_config_file, load_project_config

runner = CliRunner()
P1 = (
    "The city council voted on Tuesday to approve the new budget, which was said to be the largest in the "
    "history of the town and it will be used for roads and schools."
)
DIRTY = f"{P1}\n\nRead more: Other story about the council\n\nShare on Facebook\n\nTotally custom junk line\n"


def invoke(cwd: Path, *args: str):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def rules_of(res) -> list[str]:
    return [line.split()[1] for line in res.stdout.splitlines()]


def test_found_walking_up_and_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "cleaner.toml").write_text('select = ["share"]\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(sub) == (tmp_path / "cleaner.toml").resolve()
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.cleaner]\nignore = ["promo"]\n')
    assert find_config_file(sub) == (tmp_path / "a" / "pyproject.toml").resolve()
    cfg = load_project_config(start=sub)
    assert cfg.ignore == ("promo",) and cfg.root == (tmp_path / "a").resolve()


def test_unknown_key_is_a_one_line_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nselect = ["share"]\nsellect = ["x"]\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.cleaner\]: unknown key 'sellect'"):
        load_project_config(start=tmp_path)
    (tmp_path / "a.txt").write_text(DIRTY)
    for cmd in ("check", "fix"):
        res = invoke(tmp_path, cmd, "a.txt")
        assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "unknown key 'sellect'" in res.stderr
    res = invoke(tmp_path, "batch", "a.txt", "-o", "out.jsonl")
    assert res.exit_code == 2 and "unknown key 'sellect'" in res.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("min_confidence = 2\n", "must be a number from 0 to 1"),
        ("select = [1]\n", "must be a list of strings"),
        ('rules = ["nope"]\n', "is not a folder"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_values(tmp_path, text, message):
    (tmp_path / "cleaner.toml").write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_project_config(start=tmp_path)


def test_select_ignore_from_file_and_command_line_overrides(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    # the junk line below the two removed lines is taken as the rest of their debris section
    assert rules_of(invoke(tmp_path, "check", "a.txt")) == ["promo.read-more", "share.prompt", "tail.after-debris"]
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nselect = ["share"]\n')
    assert rules_of(invoke(tmp_path, "check", "a.txt")) == ["share.prompt"]
    assert rules_of(invoke(tmp_path, "check", "a.txt", "--select", "promo")) == ["promo.read-more"]
    # the block scorer would take the "Read more" line the ignored rule leaves: ignore it too
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nignore = ["promo.read-more", "model"]\n')
    assert rules_of(invoke(tmp_path, "check", "a.txt")) == ["share.prompt"]


def test_min_confidence_from_file_and_override(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    # the block scorer is sure (p > 0.99) that the trailing junk line is debris: leave it out here
    (tmp_path / "cleaner.toml").write_text('min-confidence = 0.99\nignore = ["model"]\n')
    res = invoke(tmp_path, "check", "a.txt")
    assert res.exit_code == 0 and rules_of(res) == []
    assert rules_of(invoke(tmp_path, "check", "a.txt", "--min-confidence", "0.5")) == [
        "promo.read-more",
        "share.prompt",
        "tail.after-debris",
    ]


def test_extra_rule_folder_relative_to_the_file(tmp_path):
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "junk.yaml").write_text(
        "category: junk\nrules:\n  - id: junk.custom\n    reason: A custom junk line.\n    scope: block\n"
        "    regex:\n      - '^totally custom junk line$'\n"
        "    examples:\n      strip: ['Totally custom junk line']\n      keep: ['A normal sentence.']\n"
    )
    (tmp_path / "cleaner.toml").write_text('rules = ["my-rules"]\nselect = ["junk"]\n')
    sub = tmp_path / "articles"
    sub.mkdir()
    (sub / "a.txt").write_text(DIRTY)
    assert rules_of(invoke(sub, "check", "a.txt")) == ["junk.custom"]


def test_include_exclude_extensions(tmp_path):
    (tmp_path / "cleaner.toml").write_text(
        'include = ["articles/**"]\nexclude = ["articles/drafts/**"]\nextensions = ["txt", ".text"]\n'
    )
    for rel in ("articles/a.txt", "articles/b.text", "articles/c.md", "articles/drafts/d.txt", "other/e.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(DIRTY)
    res = invoke(tmp_path, "check", ".")
    files = sorted({line.split(":")[0] for line in res.stdout.splitlines()})
    assert files == ["articles/a.txt", "articles/b.text"]
    # a file named on the command line (as pre-commit does) is still subject to exclude and extensions
    res = invoke(tmp_path, "check", "articles/drafts/d.txt", "articles/c.md", "other/e.txt")
    assert [line.split(":")[0] for line in res.stdout.splitlines()][:1] == ["other/e.txt"]
    assert res.exit_code == 1


def test_explicit_config_file_and_lang(tmp_path):
    conf = tmp_path / "conf" / "clean.toml"
    conf.parent.mkdir()
    conf.write_text('[tool.cleaner]\nlang = "de"\nselect = ["share"]\ntext_field = "body"\n')
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "body": DIRTY}) + "\n")
    res = invoke(tmp_path, "batch", "in.jsonl", "-o", "out.jsonl", "-j", "1", "--config", str(conf))
    assert res.exit_code == 0, res.stderr
    row = json.loads((tmp_path / "out.jsonl").read_text())
    assert row["lang"]["code"] == "de" and [r["rule"] for r in row["removed"]] == []  # share rules are English-only
    res = invoke(tmp_path, "batch", "in.jsonl", "-o", "out.jsonl", "-j", "1", "--config", str(conf), "--lang", "en")
    row = json.loads((tmp_path / "out.jsonl").read_text())
    assert row["lang"]["code"] == "en" and [r["rule"] for r in row["removed"]] == ["share.prompt"]
    res = invoke(tmp_path, "check", "--config", str(tmp_path / "nope.toml"), "in.jsonl")
    assert res.exit_code == 2 and "no such configuration file" in res.stderr


def test_html_design_switches_are_config_keys(tmp_path):
    from cleaner.project_config import load_project_config

    (tmp_path / "cleaner.toml").write_text("html_rules = false\nfavor_recall = false\n")
    cfg = load_project_config(tmp_path / "cleaner.toml").to_config()
    assert cfg.html_rules is False and cfg.favor_recall is False
    (tmp_path / "cleaner.toml").write_text("favor_recall = 'yes'\n")
    import pytest

    from cleaner.errors import ConfigError

    with pytest.raises(ConfigError, match="true or false"):
        load_project_config(tmp_path / "cleaner.toml")
