"""Hostile input and faults in `cleaner batch` (issue 12): nothing lost, nothing hangs, one-line errors."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli.app import app
from cleaner.config import Config
from cleaner.corpus.batch import BatchOptions, run_batch
from cleaner.errors import CleanerError

TEXT = "The council approved the budget on Tuesday after a long debate about roads and schools."


def _jsonl(path: Path, n: int = 3) -> Path:
    path.write_text("".join(json.dumps({"id": str(i), "text": TEXT}) + "\n" for i in range(n)), encoding="utf-8")
    return path


def _cli(args: list[str]):
    return CliRunner().invoke(app, args)


# 1. the output is one of the inputs ---------------------------------------------------------------
@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink"])
def test_output_equal_to_an_input_is_refused_before_writing(tmp_path, monkeypatch, how):
    src = _jsonl(tmp_path / "in.jsonl")
    before = src.read_bytes()
    if how == "same":
        out = str(src)
    elif how == "relative":
        monkeypatch.chdir(tmp_path)
        out = "./sub/../in.jsonl"
        (tmp_path / "sub").mkdir()
    elif how == "symlink":
        (tmp_path / "link.jsonl").symlink_to(src)
        out = str(tmp_path / "link.jsonl")
    else:
        os.link(src, tmp_path / "hard.jsonl")
        out = str(tmp_path / "hard.jsonl")
    res = _cli(["batch", str(src), "-o", out, "-q", "-j", "1"])
    assert res.exit_code == 2, res.output
    assert "is also an input" in res.output
    assert src.read_bytes() == before


def test_output_equal_to_an_input_is_refused_by_the_library(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl")
    before = src.read_bytes()
    with pytest.raises(CleanerError, match="is also an input"):
        run_batch([src], src, Config(), BatchOptions(workers=1))
    assert src.read_bytes() == before


# 2. truncated or corrupt compressed input, WARC -------------------------------------------------------
def _lines(n: int) -> bytes:
    return "".join(json.dumps({"id": str(i), "text": f"{TEXT} Item {i}."}) + "\n" for i in range(n)).encode()


def _complete_records_then_one_line_error(tmp_path: Path, src: Path, expect_min: int) -> list[dict]:
    out = tmp_path / "out.jsonl"
    res = _cli(["batch", str(src), "-o", str(out), "-q", "-j", "1"])
    assert res.exit_code != 0
    err = res.output.strip()
    assert "\n" not in err and "Traceback" not in err, err
    assert str(src) in err and "records read" in err, err
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= expect_min
    assert all(r["error"] is None for r in rows)
    assert f"{len(rows):,} records read" in err
    return rows


def test_truncated_gzip_jsonl_writes_what_came_before(tmp_path):
    data = gzip.compress(_lines(300))
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(data[: len(data) * 3 // 4])
    _complete_records_then_one_line_error(tmp_path, src, 100)


def test_truncated_zstd_jsonl_writes_what_came_before(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    data = b"".join(zstandard.ZstdCompressor().compress(_lines(100)) for _ in range(3))  # three frames
    src = tmp_path / "in.jsonl.zst"
    src.write_bytes(data[:-40])
    rows = _complete_records_then_one_line_error(tmp_path, src, 200)
    assert "truncated" in _cli(["batch", str(src), "-o", str(tmp_path / "o2.jsonl"), "-q", "-j", "1"]).output
    assert len(rows) < 300


def test_corrupt_zstd_is_a_clear_error(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    data = zstandard.ZstdCompressor().compress(_lines(200))
    src = tmp_path / "in.jsonl.zst"
    src.write_bytes(data[:12] + bytes(range(256)) * 2 + data[524:])
    res = _cli(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "-q", "-j", "1"])
    assert res.exit_code == 2
    assert "Traceback" not in res.output and res.output.count("\n") == 1
    assert "zstd" in res.output and str(src) in res.output


def _warc_record(i: int, body: bytes | None = None) -> bytes:
    html = body or f"<html><body><article><p>{TEXT} Record {i}.</p><p>{TEXT}</p></article></body></html>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html) + html
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:0000-{i}>\r\nWARC-Target-URI: https://example.com/{i}\r\n"
        "WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_warc_record_running_past_the_end(tmp_path):
    data = b"".join(_warc_record(i) for i in range(4))
    src = tmp_path / "crawl.warc"
    src.write_bytes(data[:-100])
    rows = _complete_records_then_one_line_error(tmp_path, src, 3)
    assert len(rows) == 3


def test_truncated_warc_gz(tmp_path):
    data = b"".join(gzip.compress(_warc_record(i)) for i in range(4))
    src = tmp_path / "crawl.warc.gz"
    src.write_bytes(data[:-30])
    rows = _complete_records_then_one_line_error(tmp_path, src, 3)
    assert len(rows) == 3


@pytest.mark.parametrize("mtime", range(6))  # the header's time changes the bytes the zeroes hit
def test_broken_member_of_a_warc_gz_is_an_error_record_and_the_run_goes_on(tmp_path, mtime):
    members = [gzip.compress(_warc_record(i), mtime=mtime) for i in range(4)]
    broken = bytearray(members[1])
    broken[len(broken) // 2 :] = bytes(len(broken) - len(broken) // 2)  # zeroes over its second half
    src = tmp_path / "crawl.warc.gz"
    src.write_bytes(members[0] + bytes(broken) + members[2] + members[3])
    out = tmp_path / "out.jsonl"
    res = _cli(["batch", str(src), "-o", str(out), "-q", "-j", "1"])
    assert res.exit_code == 1, res.output  # one error record: the run goes on, and the exit code says so
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4
    assert [r["error"] is None for r in rows] == [True, False, True, True]
    assert "gzip member 2" in rows[1]["error"]
    assert [r["url"] for r in rows if r["error"] is None] == [f"https://example.com/{i}" for i in (0, 2, 3)]


def test_a_damaged_input_does_not_stop_the_next_one(tmp_path):
    data = gzip.compress(_lines(50))
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(data[:-20])
    good = _jsonl(tmp_path / "good.jsonl", 5)
    out = tmp_path / "out.jsonl"
    res = _cli(["batch", str(bad), str(good), "-o", str(out), "-q", "-j", "1"])
    assert res.exit_code == 2 and "bad.jsonl.gz" in res.output
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) >= 5 and json.loads(rows[-1])["id"] == "4"


# 6. memory bounded: decompression bombs, giant lines ----------------------------------------------------
def test_gzip_bomb_line_is_an_error_record_not_a_memory_error(tmp_path):
    src = tmp_path / "bomb.jsonl.gz"
    with gzip.open(src, "wb", compresslevel=9) as fh:
        fh.write(json.dumps({"id": "before", "text": TEXT}).encode() + b"\n")
        fh.write(b'{"id": "x", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(64):  # 64 MB of one line, ~64 KB on disk
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(json.dumps({"id": "after", "text": TEXT}).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    res = _cli(["batch", str(src), "-o", str(out), "-q", "-j", "1", "--max-chars", "1000000", "--max-errors", "1"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in rows] == ["before", None, "after"]
    assert "over the input limit" in rows[1]["error"]


def test_a_document_file_over_the_limit_is_an_error_record(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "big.txt").write_bytes(b"word " * 300_000)
    (folder / "small.txt").write_text(TEXT, encoding="utf-8")
    rows = []
    out = tmp_path / "out.jsonl"
    run_batch([folder], out, Config(max_input_chars=100_000), BatchOptions(workers=1))
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["id"] == "big.txt" and "over the input limit" in rows[0]["error"]
    assert rows[1]["error"] is None


# 3. a worker that dies ------------------------------------------------------------------------------
_POISONED_RUN = """
import os, signal, sys, time
from pathlib import Path
from cleaner.config import Config
from cleaner.corpus import workers
from cleaner.corpus.batch import BatchOptions, run_batch

real = workers.RecordCleaner.process
def process(self, task):
    if b"POISON" in getattr(task, "raw", b""):
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return real(self, task)
workers.RecordCleaner.process = process  # forked workers inherit it
t = time.monotonic()
s = run_batch([Path(sys.argv[1])], Path(sys.argv[2]), Config(lang="en"), BatchOptions(workers=2, chunksize=4))
print(s.documents, s.errors, round(time.monotonic() - t, 1))
"""


def test_a_worker_killed_mid_run_loses_nothing_and_does_not_hang(tmp_path):
    import subprocess
    import sys

    rows = [{"id": str(i), "text": f"{TEXT} Item {i}." + (" POISON" if i == 21 else "")} for i in range(60)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-c", _POISONED_RUN, str(src), str(out)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in got] == [str(i) for i in range(60)]
    assert [r["id"] for r in got if r["error"]] == ["21"]
    assert "worker process died" in got[21]["error"] and got[21]["text"] == rows[21]["text"]
    documents, errors, _ = proc.stdout.split()
    assert (documents, errors) == ("60", "1")
