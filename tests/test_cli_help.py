"""Help pages read as a CLI's should: positionals by their metavar, no Python types, no defaults
that contradict the text (typer 0.29 writes '[[FILE]]', '{paths}' and '<list[Path]>' on its own)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from cleaner.cli.app import app

runner = CliRunner()

USAGE = {
    ("clean",): "clean [OPTIONS] [FILE]",
    ("diff",): "diff [OPTIONS] [FILE]",
    ("batch",): "batch [OPTIONS] [INPUT]...",
    ("check",): "check [OPTIONS] PATH...",
    ("fix",): "fix [OPTIONS] PATH...",
    ("report",): "report [OPTIONS] SOURCE",
    ("rules", "show"): "rules show [OPTIONS] RULE-ID",
    ("rules", "list"): "rules list [OPTIONS]",
}


def help_text(command: tuple[str, ...]) -> str:
    res = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"}, terminal_width=100)
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.mark.parametrize("command", list(USAGE), ids=" ".join)
def test_usage_line_and_arguments_read_plainly(command):
    text = help_text(command)
    usage = text.splitlines()[0]
    assert usage.endswith(USAGE[command]), usage
    assert "[[" not in text and "{" not in usage
    assert not re.search(r"<(?:str|int|path|file|list\[[^>]*\])>", text), text
    args = text.split("Arguments:\n", 1)[1].split("\n\n", 1)[0] if "Arguments:" in text else ""
    names = [line.split()[0] for line in args.splitlines() if line.startswith("  ") and not line.startswith("   ")]
    for name in names:
        assert name.rstrip(".") == name.rstrip(".").upper(), name  # FILE, INPUT..., PATH..., RULE-ID


def test_batch_defaults_do_not_contradict_the_help():
    text = " ".join(help_text(("batch",)).split())
    assert "[default: -]" not in text  # -o: standard output, said in words
    assert "default: the number of cores). [x>=0]" in text  # not "[default: 0]"
    assert "[default: 0" not in text
