"""Issue 12, item 10: JSONL fields that were not changed go back byte for byte (numbers, key
order, spacing inside values), the output is always standard JSON (``1e400`` stays ``1e400``,
never ``Infinity``; NaN/Infinity and duplicate keys are refused with a clear error, by batch and
by fix alike), fix rewrites only the text field's value, and duplicate record ids within one
input are warned about on one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli.app import app
from cleaner.config import Config
from cleaner.corpus.batch import BatchOptions, run_batch
from cleaner.corpus.dupids import DuplicateIds
from cleaner.corpus.jsonline import parse_line

TEXT = "The council approved the budget on Tuesday after a long debate about roads and schools."
DIRTY = (
    "The council met on Tuesday to vote on the new budget for the roads.\\n\\n"
    "Also Read: Council votes on budget\\n\\n"
    "The vote passed after a long debate on the roads and the schools."
)


def _strict(name: str) -> None:
    raise AssertionError(f"output is not standard JSON: {name}")


def _batch(tmp_path: Path, *inputs: bytes):
    paths = []
    for i, data in enumerate(inputs):
        src = tmp_path / f"in{i}.jsonl"
        src.write_bytes(data)
        paths.append(src)
    out = tmp_path / "out.jsonl"
    summary = run_batch(paths, out, Config(lang="en"), BatchOptions(workers=1))
    lines = [ln for ln in out.read_text(encoding="utf-8").split("\n") if ln]
    for ln in lines:
        json.loads(ln, parse_constant=_strict)
    return lines, summary


UNTOUCHED = (
    '"n": 1e400, "f": 1.10, "e": 1E5, "z": -0.0, "big": 123456789012345678901234567890, "a": [1.0, {"b":  null}]'
)


def test_batch_writes_unchanged_fields_back_byte_for_byte(tmp_path):
    line = '{"k": 1, ' + UNTOUCHED + ', "id": "x", "text": "' + TEXT + '"}\n'
    (out,), _ = _batch(tmp_path, line.encode())
    assert out.startswith('{"k": 1, ' + UNTOUCHED + ', "id": "x", "text": ')  # order and source text kept
    assert "Infinity" not in out  # 1e400 is read as inf by Python, and json.dumps would write Infinity


def test_error_records_keep_the_fields_byte_for_byte_too(tmp_path):
    (out,), _ = _batch(tmp_path, b'{"id": "x", "e": 1E5, "n": 1e400, "text": 5}\n')
    rec = json.loads(out)
    assert "field 'text' is int" in rec["error"]
    assert out.startswith('{"id": "x", "e": 1E5, "n": 1e400, "text": 5, ')


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b'{"id": "a", "s": NaN, "text": "t"}', "NaN is not a JSON value"),
        (b'{"id": "a", "s": {"x": -Infinity}, "text": "t"}', "-Infinity is not a JSON value"),
        (b'{"id": "a", "m": {"k": 1, "k": 2}, "text": "t"}', "duplicate key 'k'"),
        (b'{"id": "a", "text": "t", "text": "u"}', "duplicate key 'text'"),
        (b'{"id": "a" "text": "t"}', "Expecting ',' delimiter"),
        (b'{"id": "a", "text": "t"} x', "Extra data"),
    ],
)
def test_values_json_does_not_have_and_duplicate_keys_are_refused_by_batch(tmp_path, line, error):
    (out,), summary = _batch(tmp_path, line + b"\n")
    rec = json.loads(out)
    assert "invalid JSON" in rec["error"] and error in rec["error"] and summary.errors == 1


def _invoke(*args: str, cwd: Path):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args))
    finally:
        os.chdir(old)


def test_fix_rewrites_only_the_text_value(tmp_path):
    before = '{"id":"c",  "n":1.50, "text" : "' + DIRTY + '","x":[1.0, 2], "big": 1e400}\n'
    f = tmp_path / "a.jsonl"
    f.write_text(before, encoding="utf-8")
    res = _invoke("fix", "--lang", "en", "a.jsonl", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    after = f.read_text(encoding="utf-8")
    start = before.index('"text" : "') + len('"text" : ')
    end = before.index(',"x"')
    assert after[:start] == before[:start] and after.endswith(before[end:])
    assert "Also Read" not in after and json.loads(after)["text"].startswith("The council met")


@pytest.mark.parametrize(
    ("bad", "error"), [('"s": NaN', "NaN is not a JSON value"), ('"t": 1, "t": 2', "duplicate key 't'")]
)
def test_fix_refuses_a_line_with_nan_or_a_duplicate_key_and_leaves_the_file(tmp_path, bad, error):
    before = '{"id": "c", ' + bad + ', "text": "' + DIRTY + '"}\n'
    f = tmp_path / "a.jsonl"
    f.write_text(before, encoding="utf-8")
    res = _invoke("fix", "--lang", "en", "a.jsonl", cwd=tmp_path)
    assert res.exit_code == 2
    assert f"cleaner: error: a.jsonl:1: invalid JSON: {error}" in res.stderr
    assert f.read_text(encoding="utf-8") == before


# duplicate record ids ---------------------------------------------------------------------------
def _rec(rid: object) -> bytes:
    return json.dumps({"id": rid, "text": TEXT}).encode() + b"\n"


def test_duplicate_ids_in_one_input_are_counted_with_examples(tmp_path):
    first = b"".join(_rec(r) for r in ["a", "b", "a", "c", "b", "a", 7, "7", None, None])
    second = _rec("a") + _rec("d")  # another input: its "a" is not a duplicate
    lines, summary = _batch(tmp_path, first, second)
    assert len(lines) == 12
    assert summary.duplicate_ids == 3
    assert summary.duplicate_id_examples == (
        f'{tmp_path / "in0.jsonl"}: "a"',
        f'{tmp_path / "in0.jsonl"}: "b"',
        f'{tmp_path / "in0.jsonl"}: "a"',
    )
    assert summary.to_dict()["duplicate_ids"] == 3
    rendered = [ln for ln in summary.render().splitlines() if ln.startswith("warning:")]
    assert rendered == [
        f'warning: 3 records repeat the id of an earlier record of the same input (first: {tmp_path}/in0.jsonl: "a"; '
        f'{tmp_path}/in0.jsonl: "b"; {tmp_path}/in0.jsonl: "a")'
    ]


def test_no_duplicate_ids_no_warning(tmp_path):
    _, summary = _batch(tmp_path, _rec("a") + _rec("b"))
    assert summary.duplicate_ids == 0 and "warning" not in summary.render()


def test_duplicate_id_count_is_exact_across_merges(monkeypatch):
    import cleaner.corpus.dupids as dupids

    monkeypatch.setattr(dupids, "_MIN_MERGE", 16)
    ids = DuplicateIds()
    for i in range(5000):
        ids.add("in.jsonl", str(i))
    for i in range(0, 5000, 7):  # every one of them merged long ago
        ids.add("in.jsonl", str(i))
    ids.add("other.jsonl", "1")
    ids.finish()
    assert ids.count == len(range(0, 5000, 7))
    assert ids.examples[0] == "in.jsonl: 0" and len(ids.examples) == 3


def test_parse_line_spans():
    line = parse_line(' {"a" : [1.0,2] , "b":"x\\u00e9"}  ')
    assert line.obj == {"a": [1.0, 2], "b": "xé"}
    assert line.source("a") == "[1.0,2]" and line.source("b") == '"x\\u00e9"'
    assert line.with_value("b", "y") == ' {"a" : [1.0,2] , "b":"y"}  '
    assert parse_line("[1, 2]").obj == [1, 2] and parse_line("{}").obj == {}
