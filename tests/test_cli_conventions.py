"""Issue 14: the conventions a corpus CLI and a linter are expected to follow, through the CLI.

Pipes and standard input, compression both ways, exit codes of a batch with error records.
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import subprocess
import sys
from pathlib import Path

import pytest
import zstandard
from typer.testing import CliRunner

from cleaner.cli import app

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "The council approved the new budget on Tuesday after a long debate.\n\n"
    "Share on Facebook\n\n"
    "The vote was seven to two, with the mayor casting the deciding vote on the transport plan."
)
RECORDS = [{"id": f"r{i}", "text": ARTICLE} for i in range(3)]
runner = CliRunner()


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, cwd=cwd, env=full_env, timeout=300
    )


def lines(data: bytes) -> list[dict]:
    return [json.loads(x) for x in data.decode().splitlines() if x.strip()]


# 1. streams -------------------------------------------------------------------------------
def test_batch_reads_a_pipe_without_losing_records_and_writes_stdout():
    for args in (["batch", "-j", "1", "-q"], ["batch", "-", "-j", "1", "-q"]):
        res = cli(*args, stdin=jsonl(RECORDS))
        assert res.returncode == 0, res.stderr
        rows = lines(res.stdout)
        assert [r["id"] for r in rows] == ["r0", "r1", "r2"]
        assert all("Share on Facebook" not in r["text"] for r in rows)


def test_batch_reads_compressed_records_from_a_pipe():
    res = cli("batch", "-", "-j", "1", "-q", stdin=lzma.compress(jsonl(RECORDS)))
    assert res.returncode == 0, res.stderr
    assert [r["id"] for r in lines(res.stdout)] == ["r0", "r1", "r2"]


def test_batch_reads_a_named_pipe_once(tmp_path):
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "batch", str(fifo), "-j", "1", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    with fifo.open("wb") as fh:
        fh.write(jsonl(RECORDS))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert [r["id"] for r in lines(out)] == ["r0", "r1", "r2"]  # the sniff did not eat the first records


def test_batch_with_an_empty_pipe_writes_nothing():
    res = cli("batch", "-q", stdin=b"")
    assert res.returncode == 0 and res.stdout == b"" and res.stderr == b""


def test_sigpipe_ends_quietly(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl([{"id": str(i), "text": ARTICLE} for i in range(400)]))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for workers in ("1", "2"):
        cmd = f"{sys.executable} -m cleaner batch {src} -q -j {workers} | head -n 1; exit ${{PIPESTATUS[0]}}"
        res = subprocess.run(["bash", "-c", cmd], capture_output=True, env=env, timeout=300)
        assert res.returncode == 0, res.stderr
        assert b"Traceback" not in res.stderr and b"Broken pipe" not in res.stderr, res.stderr
        assert len(res.stdout.splitlines()) == 1


# 2. compression both ways ------------------------------------------------------------------
OPENERS = {
    ".gz": gzip.decompress,
    ".zst": lambda b: zstandard.ZstdDecompressor().decompressobj().decompress(b),
    ".bz2": bz2.decompress,
    ".xz": lzma.decompress,
}
COMPRESS = {
    ".gz": gzip.compress,
    ".zst": lambda b: zstandard.ZstdCompressor().compress(b),
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
}


@pytest.mark.parametrize("suffix", [".gz", ".zst", ".bz2", ".xz"])
def test_batch_output_compressed_by_suffix_and_read_back(tmp_path, suffix):
    src = tmp_path / f"in.jsonl{suffix}"
    src.write_bytes(COMPRESS[suffix](jsonl(RECORDS)))
    out = tmp_path / f"out.jsonl{suffix}"
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "-q"])
    assert res.exit_code == 0, res.output
    rows = lines(OPENERS[suffix](out.read_bytes()))
    assert [r["id"] for r in rows] == ["r0", "r1", "r2"]
    again = tmp_path / "again.jsonl"
    assert runner.invoke(app, ["batch", str(out), "-o", str(again), "-j", "1", "-q"]).exit_code == 0
    assert [r["id"] for r in lines(again.read_bytes())] == ["r0", "r1", "r2"]


def test_truncated_xz_input_is_reported(tmp_path):
    src = tmp_path / "in.jsonl.xz"
    src.write_bytes(lzma.compress(jsonl(RECORDS * 50))[:-40])
    res = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "1", "-q"])
    assert res.exit_code == 2 and "truncated" in res.stderr


# 7. exit codes -----------------------------------------------------------------------------
def test_batch_with_error_records_exits_1_unless_allowed(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(RECORDS) + b"{bad\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1"])
    assert res.exit_code == 1, res.output
    assert f"error: {src}:4: invalid JSON" in res.stderr  # the input file and the line
    assert len(lines(out.read_bytes())) == 4  # the record is still written
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "--max-errors", "1"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "-q"])
    assert res.exit_code == 1 and res.stderr == ""


# 6. rule ids are checked --------------------------------------------------------------------
def test_unknown_rule_id_is_a_usage_error_with_a_suggestion(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for args in (
        ["clean", str(article)],
        ["check", str(article)],
        ["batch", str(article), "-o", "-"],
        ["rules", "list"],
    ):
        res = runner.invoke(app, [*args, "--select", "promo.also-reed"])
        assert res.exit_code == 2, (args, res.output)
        assert "did you mean 'promo.also-read'" in res.stderr and res.stderr.count("\n") == 1
    res = runner.invoke(app, ["clean", str(article), "--ignore", "share,headline.,model"])  # prefixes are fine
    assert res.exit_code == 0, res.output
    (tmp_path / "cleaner.toml").write_text('ignore = ["shar.prompt"]\n', encoding="utf-8")
    res = runner.invoke(app, ["clean", str(article), "--config", str(tmp_path / "cleaner.toml")])
    assert res.exit_code == 2 and "ignore 'shar.prompt' matches no rule" in res.stderr
    res = runner.invoke(app, ["rules", "show", "promo.also-reed"])
    assert res.exit_code == 2 and "did you mean 'promo.also-read'" in res.stderr


def test_rules_commands_honour_the_config_and_list_as_json(tmp_path):
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "house.yaml").write_text(
        "category: promo\nrules:\n  - id: promo.house-ad\n    reason: House advertisement line.\n"
        "    scope: block\n    regex: ['^Subscribe to the Gazette$']\n"
        "    examples:\n      strip: ['Subscribe to the Gazette']\n      keep: ['The Gazette reported the vote.']\n",
        encoding="utf-8",
    )
    config = tmp_path / "cleaner.toml"
    config.write_text('rules = ["my-rules"]\n', encoding="utf-8")
    res = runner.invoke(app, ["rules", "list", "--config", str(config), "--output-format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    ids = {r["id"] for r in rows}
    assert "promo.house-ad" in ids and "tail.section-items" in ids
    assert {"id", "category", "languages", "stage", "kind", "source", "reason"} <= set(rows[0])
    res = runner.invoke(app, ["rules", "show", "promo.house-ad", "--config", str(config)])
    assert res.exit_code == 0 and "House advertisement line." in res.stdout
    res = runner.invoke(app, ["rules", "test", "--config", str(config), "--select", "promo.house-ad"])
    assert res.exit_code == 0 and res.stdout.strip() == "2 passed, 0 failed", res.output
    res = runner.invoke(app, ["rules", "list", "--output-format", "yaml"])
    assert res.exit_code == 2


# 9. help and shell ----------------------------------------------------------------------------
COMMANDS = (
    ["clean"],
    ["diff"],
    ["batch"],
    ["check"],
    ["fix"],
    ["report"],
    ["rules", "list"],
    ["rules", "show"],
    ["rules", "test"],
)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_short_help_quiet_and_verbose(command):
    res = runner.invoke(app, [*command, "-h"])
    assert res.exit_code == 0 and "Usage:" in res.stdout
    assert "-q, --quiet" in res.stdout and "-v, --verbose" in res.stdout
    options = [line for line in res.stdout.splitlines() if line.lstrip().startswith("-")]
    assert not [line for line in options if "<list[" in line or "<str>" in line or "<path>" in line]  # metavars


def test_shell_completion_and_plain_help():
    res = runner.invoke(app, ["-h"])
    assert "--install-completion" in res.stdout and "--show-completion" in res.stdout
    res = runner.invoke(app, ["clean", "-h"])
    assert "[tool.cleaner]" in res.stdout  # not eaten as markup


def test_no_color_and_color_option(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    forced = cli("diff", str(article), "--color", "-q")
    assert b"\x1b[" in forced.stdout
    plain = cli("diff", str(article), "-q", env={"NO_COLOR": "1"})
    assert b"\x1b[" not in plain.stdout and b"share." in plain.stdout
    quiet = cli("clean", str(article), "--explain", "-q")
    assert quiet.returncode == 0 and quiet.stderr == b""
