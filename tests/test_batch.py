"""`cleaner batch`: one output line per input line, in order, errors recorded, inputs of every kind."""

from __future__ import annotations

import gzip
import io
import json
import random
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli.app import app
from cleaner.config import Config
from cleaner.corpus.batch import BatchOptions, BatchStopped, run_batch
from cleaner.corpus.synthetic import article, jsonl_lines
from cleaner.project_config import Fields

ARTICLE = (
    "Council approves budget\n\n"
    "The city council voted on Tuesday to approve the new budget, which was said to be the largest in the "
    "history of the town and it will be used for roads and schools.\n\n"
    "Share on Facebook\n\n"
    "The mayor said that the plan would help the residents of the city and that it was a good day for all.\n"
)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, records: list[dict | str | bytes]) -> Path:
    with path.open("wb") as fh:
        for r in records:
            if isinstance(r, bytes):
                fh.write(r + b"\n")
            elif isinstance(r, str):
                fh.write(r.encode() + b"\n")
            else:
                fh.write(json.dumps(r).encode() + b"\n")
    return path


def run(tmp_path: Path, inputs: list[Path], workers: int = 1, **kw) -> tuple[list[dict], object]:
    out = tmp_path / "out.jsonl"
    config = kw.pop("config", Config())
    summary = run_batch(inputs, out, config, BatchOptions(workers=workers, **kw))
    return read_jsonl(out), summary


def test_batch_cleans_and_passes_fields_through(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": ARTICLE, "url": "https://x.example/a", "extra": {"k": 1}},
            {"id": "b", "text": ARTICLE, "lang": "en", "source": "s"},
        ],
    )
    rows, summary = run(tmp_path, [src])
    assert [r["id"] for r in rows] == ["a", "b"]
    a = rows[0]
    assert a["extra"] == {"k": 1} and a["url"] == "https://x.example/a"
    assert "Share on Facebook" not in a["text"] and "city council" in a["text"]
    assert a["removed"][0]["rule"] == "share.prompt" and {"start", "end", "reason", "category"} <= set(a["removed"][0])
    assert a["lang"]["code"] == "en" and a["error"] is None
    assert rows[1]["source"] == "s"
    assert summary.documents == 2 and summary.errors == 0 and summary.removals == {"share": 2}


def test_batch_malformed_lines_become_error_records(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "ok", "text": ARTICLE},
            "{not json",
            b'{"id": "bad-utf8", "text": "caf\xe9"}',
            "",  # a blank line holds no record: skipped, not an error (issue 12)
            "[1, 2]",
            {"id": "empty", "text": "   "},
            {"id": "no-text", "title": "x"},
            {"id": "num", "text": 42},
            {"id": "nul", "text": "abc\u0000def " * 10},
            {"id": "ok2", "text": ARTICLE},
        ],
    )
    rows, summary = run(tmp_path, [src])
    assert len(rows) == 9
    assert [r["error"] is None for r in rows] == [True] + [False] * 7 + [True]
    assert rows[1]["error"].startswith("line 2: invalid JSON") and rows[1]["raw"] == "{not json"
    assert rows[2]["error"].startswith("line 3: not valid UTF-8") and "caf\\xe9" in rows[2]["raw"]
    assert "expected a JSON object" in rows[3]["error"]
    assert rows[4]["error"] == "line 6: field 'text' is empty" and rows[4]["id"] == "empty"
    assert "no 'text' or 'html' field" in rows[5]["error"] and rows[5]["title"] == "x"
    assert "not a string" in rows[6]["error"] and rows[6]["text"] == 42  # content kept
    assert "NUL" in rows[7]["error"] and rows[7]["text"].startswith("abc")
    for r in rows:
        assert "\n" not in r["error"] if r["error"] else True
    assert summary.errors == 7


def test_batch_fail_fast_stops(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}, "{bad", {"id": "c", "text": ARTICLE}])
    with pytest.raises(BatchStopped, match="line 2: invalid JSON"):
        run(tmp_path, [src], fail_fast=True)
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1


def test_batch_field_names(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"doc": "a", "body": ARTICLE, "link": "https://x.example/a"}])
    rows, _ = run(tmp_path, [src], fields=Fields(text="body", id="doc", url="link"))
    assert rows[0]["doc"] == "a" and rows[0]["body"] == ARTICLE
    assert "Share on Facebook" not in rows[0]["text"] and rows[0]["error"] is None


def test_batch_two_workers_same_output_in_order(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(jsonl_lines(300, size=600)) + "\n{broken\n", encoding="utf-8")
    one, _ = run(tmp_path, [src], workers=1)
    two, summary = run(tmp_path, [src], workers=2, chunksize=4)
    assert one == two
    assert [r["id"] for r in two[:300]] == [f"doc-{i}" for i in range(300)]
    assert summary.documents == 301 and summary.errors == 1 and summary.workers == 2


def test_batch_gzip_and_zstd(tmp_path):
    import zstandard

    lines = ("\n".join(jsonl_lines(20, size=500)) + "\n").encode()
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(lines))
    zst = tmp_path / "in.jsonl.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress(lines))
    plain = tmp_path / "in.jsonl"
    plain.write_bytes(lines)
    a, _ = run(tmp_path, [plain])
    b, _ = run(tmp_path, [gz])
    c, _ = run(tmp_path, [zst])
    for rows in (a, b, c):  # the same lines but for the input file each names
        for row in rows:
            row.pop("position")
    assert a == b == c and len(a) == 20


def test_batch_truncated_gzip_keeps_what_was_read(tmp_path):
    lines = ("\n".join(jsonl_lines(200, size=500)) + "\n").encode()
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(lines)[:-2000])
    from cleaner.errors import CleanerError

    with pytest.raises(CleanerError, match="truncated.*records read"):
        run(tmp_path, [gz])
    written = (tmp_path / "out.jsonl").read_text().splitlines()
    assert 0 < len(written) < 200 and all(json.loads(x)["error"] is None for x in written)


def test_batch_folder_input(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(ARTICLE)
    (docs / "sub" / "b.html").write_text(
        "<html><head><title>T</title></head><body><article><h1>Council approves budget</h1>"
        f"<p>{ARTICLE.splitlines()[2]}</p><p>{ARTICLE.splitlines()[6]}</p></article></body></html>"
    )
    (docs / "sub" / "empty.txt").write_text("")
    (docs / "ignored.bin").write_bytes(b"\x00\x01")
    rows, summary = run(tmp_path, [docs])
    assert [r["id"] for r in rows] == ["a.txt", "sub/b.html", "sub/empty.txt"]
    assert rows[0]["error"] is None and "Share on Facebook" not in rows[0]["text"]
    assert "city council" in rows[1]["text"]
    assert rows[2]["error"] == "sub/empty.txt: empty document"


def test_batch_warc_input(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    html = (
        "<html><body><article><h1>Council approves budget</h1>"
        f"<p>{ARTICLE.splitlines()[2]}</p><p>Share on Facebook</p><p>{ARTICLE.splitlines()[6]}</p>"
        "</article></body></html>"
    ).encode()
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (ctype, body) in enumerate([("text/html; charset=utf-8", html), ("image/png", b"\x89PNG")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                f"https://news.example.com/{i}", "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)
    rows, _ = run(tmp_path, [path])
    assert len(rows) == 1  # the image response is not an article
    assert rows[0]["url"] == "https://news.example.com/0" and rows[0]["id"].startswith("<urn:uuid:")
    assert rows[0]["error"] is None and "city council" in rows[0]["text"]


def test_batch_ten_thousand_with_broken_records(tmp_path):
    rng = random.Random(7)
    src = tmp_path / "big.jsonl"
    broken_at: dict[int, str] = {}
    with src.open("wb") as fh:
        for i in range(10_000):
            kind = rng.random()
            if i % 40 == 7:
                choice = ["json", "utf8", "empty", "huge"][i // 40 % 4]
                broken_at[i + 1] = choice
                if choice == "json":
                    fh.write(b'{"id": "d%d", "text": "unterminated\n' % i)
                elif choice == "utf8":
                    fh.write(b'{"id": "d%d", "text": "\xff\xfe bad bytes"}\n' % i)
                elif choice == "empty":
                    fh.write(b'{"id": "d%d", "text": ""}\n' % i)
                else:
                    fh.write(json.dumps({"id": f"d{i}", "text": "word " * 5000}).encode() + b"\n")
                continue
            text = (
                "Short note about the council meeting and the budget of the town." if kind < 0.5 else article(rng, 250)
            )
            fh.write(json.dumps({"id": f"d{i}", "text": text}).encode() + b"\n")
    rows, summary = run(tmp_path, [src], workers=2, config=Config(max_input_chars=20_000))
    assert len(rows) == 10_000
    assert summary.documents == 10_000 and summary.errors == len(broken_at) == 250
    for lineno, choice in broken_at.items():
        err = rows[lineno - 1]["error"]
        assert err and err.startswith(f"line {lineno}: "), (lineno, choice, err)
    assert sum(r["error"] is not None for r in rows) == 250
    ids = [r.get("id") for r in rows if r.get("id")]
    assert ids == sorted(ids, key=lambda x: int(x[1:]))


runner = CliRunner()


def test_cli_batch_summary_and_exit_codes(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}, "{bad"])
    out = tmp_path / "out.jsonl"
    summ = tmp_path / "summary.json"
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "--workers", "1", "--summary-json", str(summ)])
    assert res.exit_code == 1, res.output  # a record could not be cleaned (issue 14: no silent exit 0)
    assert "2 documents, 1 removals, 1 errors" in res.stderr
    data = json.loads(summ.read_text())
    assert data["documents"] == 2 and data["errors"] == 1 and data["removals"] == {"share": 1}
    assert data["interrupted"] is False
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "--workers", "1", "--fail-fast"])
    assert res.exit_code == 1 and res.stderr.startswith("cleaner: error: stopped (--fail-fast): line 2")
    res = runner.invoke(app, ["batch", str(tmp_path / "missing.jsonl"), "-o", str(out)])
    assert res.exit_code == 2 and res.stderr.strip().count("\n") == 0 and "no such file" in res.stderr
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "--quiet", "--workers", "1", "--max-errors", "1"])
    assert res.exit_code == 0 and res.stderr == ""


def test_cli_batch_text_field_option(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"key": "a", "body": ARTICLE}])
    out = tmp_path / "out.jsonl"
    res = runner.invoke(
        app, ["batch", str(src), "-o", str(out), "-j", "1", "--text-field", "body", "--id-field", "key"]
    )
    assert res.exit_code == 0, res.output
    row = read_jsonl(out)[0]
    assert row["key"] == "a" and "Share on Facebook" not in row["text"]


def test_cli_batch_progress_only_on_a_terminal(tmp_path, monkeypatch):
    import cleaner.corpus.batch as batch_mod

    src = write_jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": ARTICLE} for i in range(5)])
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1"])
    bar = re.compile(r"5 documents +[\d,.]+ documents/s +5 removals +0 errors")  # the bar's columns
    assert not bar.search(res.stderr) and res.stderr.startswith("5 documents, 5 removals, 0 errors")
    monkeypatch.setattr(batch_mod, "stderr_is_terminal", lambda: True)
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1"])
    assert bar.search(res.stderr), res.stderr
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "--quiet"])
    assert res.stderr == ""
