"""One key table (cleaner/rulekeys.py): the loader's check, the README key list and the JSON Schema."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from cleaner import Config, RuleFileError
from cleaner.rulebook import Rulebook, load_file, load_rulebook, rule_files, shipped_rules_dir
from cleaner.rulekeys import json_schema
from cleaner.ruletest import run_examples

ROOT = Path(__file__).resolve().parents[1]


def test_readme_key_list_and_schema_are_generated_from_the_table():
    out = subprocess.run([sys.executable, "scripts/rule_keys.py"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_every_shipped_rule_file_validates_against_the_schema():
    validator = jsonschema.Draft202012Validator(json_schema())
    files = rule_files(shipped_rules_dir())
    assert files
    for path in files:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        errors = [e.message for e in validator.iter_errors(doc)]
        assert not errors, f"{path}: {errors[:3]}"


RULE = "rules:\n  - id: x.y\n    reason: r\n    regex: [a]\n    examples: {strip: [a]}\n"


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ("    name: A name nothing reads\n", "name"),  # accepted and ignored before: now an error
        ("    flags: [multiline]\n", "flags"),  # an unknown flag was ignored before
        ("    colour: red\n", "colour"),
    ],
)
def test_loader_and_schema_reject_the_same_keys(tmp_path, extra, key):
    body = RULE + extra
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rulebook(Config(rule_dirs=(tmp_path,)))
    assert f"key '{key}'" in str(info.value)
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(yaml.safe_load(body)))
    assert errors, f"the schema accepts {key!r}"


def test_the_readme_example_loads_validates_and_its_examples_pass(tmp_path):
    readme = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
    example = textwrap.dedent(readme.split("```yaml\n", 1)[1].split("```", 1)[0])
    assert not list(jsonschema.Draft202012Validator(json_schema()).iter_errors(yaml.safe_load(example)))
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    rules, lexicons = load_file(path)
    assert {r.stage for r in rules} == {"text", "html"} and lexicons
    html_rule = next(r for r in rules if r.stage == "html")
    assert html_rule.languages == () and html_rule.site == "example.com"
    outcomes = run_examples(Rulebook(tuple(rules), (), ()), Config())
    assert outcomes and all(o.ok for o in outcomes), [o for o in outcomes if not o.ok]
