"""--site-repetition in batch, check and fix: two passes over files; standard input refused."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli.app import app
from tests.repetition_corpus import BOX_B, FOOTER_A, corpus, write_folders, write_jsonl

runner = CliRunner()


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def site_removals(row: dict) -> list[str]:
    return [r["text"].strip() for r in row["removed"] if r["rule"] == "repeat.site"]


def test_batch_flag_one_and_two_workers_agree(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus())
    outs = []
    for j in ("1", "2"):
        out = tmp_path / f"out{j}.jsonl"
        res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", j, "--lang", "en", "--site-repetition"])
        assert res.exit_code == 0, res.output
        assert "2 boilerplate blocks in 2 sites" in res.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    got = rows(tmp_path / "out1.jsonl")
    assert sum(site_removals(r) == [FOOTER_A] for r in got) == 15
    assert sum(site_removals(r) == [BOX_B] for r in got) == 6
    plain = tmp_path / "plain.jsonl"
    assert runner.invoke(app, ["batch", str(src), "-o", str(plain), "-j", "1", "--lang", "en", "-q"]).exit_code == 0
    assert not any(site_removals(r) for r in rows(plain))


def test_batch_refuses_standard_input(tmp_path):
    res = runner.invoke(app, ["batch", "-", "-o", str(tmp_path / "o.jsonl"), "--site-repetition"], input="{}\n")
    assert res.exit_code == 2
    assert "cannot be read twice" in res.output and "Traceback" not in res.output


def test_batch_folder_input_takes_the_folder_as_site(tmp_path):
    root = write_folders(tmp_path / "corpus", corpus())
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(root), "-o", str(out), "-j", "1", "--lang", "en", "--site-repetition"])
    assert res.exit_code == 0, res.output
    reasons = {r["reason"] for row in rows(out) for r in row["removed"] if r["rule"] == "repeat.site"}
    assert reasons == {
        "appears in 15 of 15 documents from a.example.com",
        "appears in 6 of 15 documents from b.example.org",
    }


def test_check_then_fix_then_nothing_left(tmp_path):
    root = write_folders(tmp_path / "corpus", corpus())
    res = runner.invoke(app, ["check", str(root), "--lang", "en", "--site-repetition"])
    assert res.exit_code == 1
    assert res.output.count("repeat.site") == 21
    res = runner.invoke(app, ["fix", str(root), "--lang", "en", "--site-repetition", "-q"])
    assert res.exit_code == 0, res.output
    assert FOOTER_A not in (root / "a.example.com" / "a3.txt").read_text(encoding="utf-8")
    res = runner.invoke(app, ["check", str(root), "--lang", "en", "--site-repetition"])
    assert "repeat.site" not in res.output


def test_thresholds_from_the_configuration_file(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus())
    cfg = tmp_path / "cleaner.toml"
    cfg.write_text("repeat_min_docs = 7\nrepeat-min-share = 0.3\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(
        app, ["batch", str(src), "-o", str(out), "-j", "1", "--lang", "en", "--config", str(cfg), "--site-repetition"]
    )
    assert res.exit_code == 0, res.output
    assert not any(BOX_B in site_removals(r) for r in rows(out))
    assert sum(FOOTER_A in site_removals(r) for r in rows(out)) == 15
    cfg.write_text("repeat_min_share = 2\n", encoding="utf-8")
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "--config", str(cfg), "--site-repetition"])
    assert res.exit_code == 2 and "repeat_min_share" in res.output
