"""`cleaner check` and `cleaner fix`: lint output, exit codes, minimal atomic edits, JSONL fields."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli.app import app
from cleaner.corpus.edit import minimal_edit
from cleaner.model import Removal

runner = CliRunner()

P1 = (
    "The city council voted on Tuesday to approve the new budget, which was said to be the largest in the "
    "history of the town and it will be used for roads and schools."
)
P2 = "The mayor said that the plan would help the residents of the city and that it was a good day for all."
DIRTY = f"Council approves budget\n\n{P1}\nRead more: Other story about the council\n\nShare on Facebook\n\n{P2}\n"
CLEAN = f"Council approves budget\n\n{P1}\n\n{P2}\n"


def invoke(*args: str, cwd: Path | None = None):
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def test_check_reports_line_col_and_exit_codes(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DIRTY)
    res = invoke("check", str(f), cwd=tmp_path)
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines[0].startswith(f"{f}:4:1: promo.read-more ") and lines[0].endswith(
        '"Read more: Other story about the council"'
    )
    assert lines[1].startswith(f"{f}:6:1: share.prompt ")
    assert "2 removals in 1 of 1 files" in res.stderr
    f.write_text(CLEAN)
    assert invoke("check", str(f)).exit_code == 0


def test_check_errors_exit_2(tmp_path):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"abc\x00\x00def")
    res = invoke("check", str(bad))
    assert res.exit_code == 2 and "cleaner: error:" in res.stderr and "binary" in res.stderr
    res = invoke("check", str(tmp_path / "missing.txt"))
    assert res.exit_code == 2 and "no such file" in res.stderr


def test_check_diff_and_json(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(DIRTY)
    res = invoke("check", "--diff", str(f))
    assert res.exit_code == 1
    assert "-Read more: Other story about the council" in res.stdout and "-Share on Facebook" in res.stdout
    assert f"+++ b/{f}" in res.stdout
    res = invoke("check", "--format", "json", str(f))
    data = json.loads(res.stdout)
    assert data["summary"]["findings"] == 2 and data["files"][0]["findings"][0]["line"] == 4
    assert f.read_text() == DIRTY  # check never writes


def test_check_walks_folders_by_extension(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(DIRTY)
    (tmp_path / "b.py").write_text(DIRTY)
    (tmp_path / "c.md").write_text(CLEAN)
    res = invoke("check", str(tmp_path))
    assert res.exit_code == 1 and "sub/a.txt:4:1" in res.stdout and "b.py" not in res.stdout
    assert "in 1 of 2 files" in res.stderr
    res = invoke("check", "--extensions", ".py", str(tmp_path))
    assert "b.py:4:1" in res.stdout and "a.txt" not in res.stdout


def test_fix_minimal_edit_and_second_run_changes_nothing(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DIRTY)
    res = invoke("fix", str(f))
    assert res.exit_code == 0, res.output
    assert f.read_text() == CLEAN
    assert f"fixed {f} (2 removals)" in res.stderr
    before = f.read_bytes()
    res = invoke("fix", str(f))
    assert res.exit_code == 0 and f.read_bytes() == before and "fixed 0 of 1 files" in res.stderr
    assert invoke("check", str(f)).exit_code == 0


def test_fix_keeps_markdown_layout(tmp_path):
    md = (
        f"# Council approves budget\n\n*By A. Reporter*\n\n{P1}\n\n- first point\n- second point\n\n"
        f"Share on Facebook\n\n{P2}\n"
    )
    f = tmp_path / "a.md"
    f.write_text(md)
    assert invoke("fix", str(f)).exit_code == 0
    assert f.read_text() == md.replace("Share on Facebook\n\n", "")


def test_fix_keeps_crlf_bom_and_missing_trailing_newline(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(codecs.BOM_UTF8 + DIRTY.rstrip("\n").replace("\n", "\r\n").encode())
    assert invoke("fix", str(f)).exit_code == 0
    assert f.read_bytes() == codecs.BOM_UTF8 + CLEAN.rstrip("\n").replace("\n", "\r\n").encode()


@pytest.mark.parametrize("codec", ["cp1252", "utf-16"])
def test_fix_keeps_encoding(tmp_path, codec):
    f = tmp_path / "enc.txt"
    dirty = DIRTY.replace("city council", "città council")
    f.write_bytes(dirty.encode(codec))
    assert invoke("fix", str(f)).exit_code == 0
    assert f.read_bytes() == CLEAN.replace("city council", "città council").encode(codec)


def test_fix_is_atomic_on_failure(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text(DIRTY)

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    res = invoke("fix", str(f))
    assert res.exit_code == 2 and "not fixed, left untouched: No space left on device" in res.stderr
    assert f.read_text() == DIRTY
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_fix_read_only_folder_leaves_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    d = tmp_path / "ro"
    d.mkdir()
    f = d / "a.txt"
    f.write_text(DIRTY)
    d.chmod(0o500)
    try:
        res = invoke("fix", str(f))
        assert res.exit_code == 2 and f.read_text() == DIRTY
    finally:
        d.chmod(0o700)


def test_fix_record_dir(tmp_path):
    f = tmp_path / "docs" / "a.txt"
    f.parent.mkdir()
    f.write_text(DIRTY)
    res = invoke("fix", "--record-dir", "records", "docs/a.txt", cwd=tmp_path)
    assert res.exit_code == 0
    rec = json.loads((tmp_path / "records" / "docs" / "a.txt.json").read_text())
    assert rec["schema"] == "cleaner.record/1" and [r["rule"] for r in rec["removed"]] == [
        "promo.read-more",
        "share.prompt",
    ]


def test_jsonl_check_and_fix_touch_only_the_text_field(tmp_path):
    f = tmp_path / "a.jsonl"
    other = '{"id":"keep","text":"' + P1 + '","n":1}'
    dirty = {"id": "d", "text": DIRTY, "meta": {"é": [1, 2]}}
    f.write_bytes(
        (other + "\r\n" + json.dumps(dirty) + "\n" + '{"id": "h", "html": "<p>Share on Facebook</p>"}\n').encode()
    )
    res = invoke("check", str(f))
    assert res.exit_code == 1
    col = json.dumps(dirty).index("Read more") + 1  # the column points into the file's line (issue 14)
    assert res.stdout.splitlines()[0].startswith(f"{f}:2:{col}: promo.read-more")
    assert invoke("fix", str(f)).exit_code == 0
    lines = f.read_bytes().split(b"\n")
    assert lines[0] == (other + "\r").encode()  # untouched lines stay byte for byte
    assert lines[2] == b'{"id": "h", "html": "<p>Share on Facebook</p>"}'
    fixed = json.loads(lines[1])
    assert fixed == {**dirty, "text": CLEAN}
    assert lines[1].decode() == json.dumps(fixed)  # same style (spaced, ASCII-escaped)
    assert invoke("check", str(f)).exit_code == 0


def test_jsonl_text_field_option_and_bad_line(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"body": DIRTY}) + "\n{oops\n")
    res = invoke("check", "--text-field", "body", str(f))
    assert res.exit_code == 2 and f"{f}:2: invalid JSON" in res.stderr and "share.prompt" in res.stdout


def test_html_check_reports_fix_skips(tmp_path):
    f = tmp_path / "a.html"
    page = (
        f"<html><body><article><h1>Council approves budget</h1>\n<p>{P1}</p>\n"
        f"<p>Share on Facebook</p>\n<p>{P2}</p></article></body></html>\n"
    )
    f.write_text(page)
    res = invoke("check", str(f))
    assert res.exit_code == 0 and "1 HTML file skipped" in res.stderr  # unless asked: fix cannot rewrite HTML
    res = invoke("check", "--extensions", ".html", str(f))
    assert res.exit_code == 1 and "share.prompt" in res.stdout
    assert f"{f}:3:" in res.stdout  # best-effort position of the removed text in the page
    res = invoke("fix", "--extensions", ".html", str(f))
    assert res.exit_code == 1 and "not rewritten" in res.stderr and f.read_text() == page


def rem(start: int, end: int, text: str) -> Removal:
    return Removal("x.y", "x", "r", "s", text[start:end], 0.9, start=start, end=end)


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        ("a\n\nX\n\nb\n", "X", "a\n\nb\n"),
        ("a\nX\nb\n", "X", "a\nb\n"),
        ("a\n\nX", "X", "a"),
        ("X\n\na\n", "X", "a\n"),
        ("a\n\n\nX\n\nb", "X", "a\n\n\nb"),
        ("Good story. Read more: X\nb\n", "Read more: X", "Good story.\nb\n"),
        ("  - item one Share this\n", "Share this", "  - item one\n"),
    ],
)
def test_minimal_edit_cases(text, cut, expected):
    s = text.index(cut)
    assert minimal_edit(text, [rem(s, s + len(cut), text)]) == expected


def test_minimal_edit_two_adjacent_blocks():
    text = "a\n\nX\n\nY\n\nb\n"
    rs = [rem(text.index("X"), text.index("X") + 1, text), rem(text.index("Y"), text.index("Y") + 1, text)]
    assert minimal_edit(text, rs) == "a\n\nb\n"


def test_fix_changes_only_what_it_removes(tmp_path):
    """ftfy's repairs are for reading; fix writes the file's other lines as they were."""
    entity = "Shares of AT&amp;T rose after the caf\u00c3\u00a9 chain\u2019s results were published in the morning."
    dirty = DIRTY.replace(P2, f"{P2}\n\n{entity}")
    f = tmp_path / "a.md"
    f.write_text(dirty, encoding="utf-8")
    res = invoke("fix", str(f))
    assert res.exit_code == 0, res.output
    assert f.read_text(encoding="utf-8") == CLEAN.replace(P2, f"{P2}\n\n{entity}")
    assert "ftfy" not in res.stderr
    before = f.read_bytes()
    assert invoke("fix", str(f)).exit_code == 0 and f.read_bytes() == before


def test_fix_says_so_when_repairs_cannot_be_kept_apart(tmp_path):
    """A repair that spans lines (a Unicode line separator becomes a line break) cannot be
    mapped back line by line: the rewrite then carries ftfy's text, and fix says so."""
    f = tmp_path / "a.txt"
    f.write_text(DIRTY.replace(P2, f"{P2}\u2028{P2}"), encoding="utf-8")
    res = invoke("fix", str(f))
    assert res.exit_code == 0, res.output
    assert "ftfy's repairs" in res.stderr
    assert "Share on Facebook" not in f.read_text(encoding="utf-8")


def test_jsonl_fix_keeps_untouched_lines_of_the_text_field(tmp_path):
    f = tmp_path / "a.jsonl"
    text = DIRTY.replace(P2, f"{P2}\n\nAT&amp;T said so.")
    f.write_text(json.dumps({"id": 1, "text": text}) + "\n", encoding="utf-8")
    assert invoke("fix", str(f)).exit_code == 0
    assert json.loads(f.read_text(encoding="utf-8"))["text"] == CLEAN.replace(P2, f"{P2}\n\nAT&amp;T said so.")
