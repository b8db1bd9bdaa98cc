"""Hostile streams and settings for the CLI (issue 12, items 9-11, 17, 18): every case ends
quietly or with one line, never a traceback. These run the real process: the standard streams
are what they test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEXT = "The council approved the budget on Tuesday after a long debate about roads and schools."


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _cleaner(args: list[str], *, stdin: bytes | None = b"", env: dict[str, str] | None = None, **kw: object):
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, env=env or _env(), timeout=300, **kw
    )


def _one_line(stderr: bytes) -> str:
    err = stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) <= 1, err
    return lines[0] if lines else ""


# 17. streams ------------------------------------------------------------------------------------
def test_closed_stdin_is_one_line():
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-", "--lang", "en"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=_env(),
        timeout=300,
        preexec_fn=lambda: os.close(0),
    )
    assert proc.returncode == 2
    assert "standard input is closed" in _one_line(proc.stderr)


def test_closed_stdout_is_one_line():
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-", "--lang", "en"],
        input=TEXT.encode(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
        timeout=300,
        preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 2
    assert "standard output is closed" in _one_line(proc.stderr)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_stdout_in_an_encoding_that_is_not_utf8_gets_utf8(encoding):
    text = "Caf\u00e9 na\u00efve \u2014 \u4e2d\u6587 " + TEXT
    proc = _cleaner(["clean", "-", "--lang", "en"], stdin=text.encode(), env=_env(PYTHONIOENCODING=encoding))
    assert proc.returncode == 0, proc.stderr
    _one_line(proc.stderr)
    assert proc.stdout.decode("utf-8").strip() == text


def _head_one(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """``cleaner ARGS | head -1``: the reader goes away after the first line."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdin and proc.stdout and proc.stderr
    proc.stdin.write(stdin)
    proc.stdin.close()
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    code = proc.wait(timeout=300)
    return subprocess.CompletedProcess(args, code, b"", err)


def test_batch_into_head_exits_0_quietly(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": TEXT}) + "\n" for i in range(3000)), encoding="utf-8")
    proc = _head_one(["batch", str(src), "-o", "-", "-j", "1", "--quiet", "--lang", "en"])
    assert proc.returncode == 0, proc.stderr
    assert _one_line(proc.stderr) == ""


def test_clean_into_head_exits_0_quietly():
    proc = _head_one(["clean", "-", "--json", "--lang", "en"], stdin=("\n\n".join([TEXT] * 20000)).encode())
    assert proc.returncode == 0, proc.stderr
    assert _one_line(proc.stderr) == ""


# 10. JSONL: BOM, blank lines, values JSON does not have, duplicate keys --------------------------------
def _batch(tmp_path: Path, data: bytes) -> list[dict]:
    from cleaner.config import Config
    from cleaner.corpus.batch import BatchOptions, run_batch

    src = tmp_path / "in.jsonl"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    run_batch([src], out, Config(lang="en"), BatchOptions(workers=1))

    def strict(name: str) -> None:
        raise AssertionError(f"output is not standard JSON: {name}")

    return [json.loads(line, parse_constant=strict) for line in out.read_text(encoding="utf-8").split("\n") if line]


def test_jsonl_utf8_bom_is_accepted(tmp_path):
    rows = _batch(tmp_path, b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": TEXT}).encode() + b"\n")
    assert rows[0]["id"] == "a" and rows[0]["error"] is None and rows[0]["text"] == TEXT


def test_jsonl_blank_lines_are_skipped(tmp_path):
    line = json.dumps({"id": "a", "text": TEXT}).encode()
    rows = _batch(tmp_path, b"\n" + line + b"\n\n   \n\t\n" + line.replace(b'"a"', b'"b"') + b"\n\n")
    assert [r["id"] for r in rows] == ["a", "b"] and all(r["error"] is None for r in rows)


def test_jsonl_on_standard_input_gets_the_same_bom_and_blank_line_handling():
    import io

    from cleaner.corpus.readers import iter_stream

    line = json.dumps({"id": "a", "text": TEXT}).encode()
    data = b"\xef\xbb\xbf" + line + b"\n\n   \n" + line.replace(b'"a"', b'"b"') + b"\n\n"
    tasks = list(iter_stream(io.BytesIO(data), "-"))
    assert [json.loads(t.raw)["id"] for t in tasks] == ["a", "b"]
    assert [t.lineno for t in tasks] == [1, 4]


@pytest.mark.parametrize("value", [b"NaN", b"Infinity", b"-Infinity"])
def test_jsonl_values_json_does_not_have_are_refused_clearly(tmp_path, value):
    rows = _batch(tmp_path, b'{"id": "a", "score": ' + value + b', "text": "' + TEXT.encode() + b'"}\n')
    assert "invalid JSON" in rows[0]["error"] and value.decode() in rows[0]["error"]
    assert value.decode() in rows[0]["raw"]  # the line is kept, and the output stays standard JSON


def test_jsonl_duplicate_keys_are_refused_clearly(tmp_path):
    rows = _batch(tmp_path, b'{"id": "a", "tag": 1, "tag": 2, "text": "' + TEXT.encode() + b'"}\n')
    assert "duplicate key 'tag'" in rows[0]["error"] and '"tag": 2' in rows[0]["raw"]


def test_jsonl_unchanged_fields_keep_their_order_and_values(tmp_path):
    rows = _batch(
        tmp_path,
        b'{"z": 1, "id": "a", "n": 12345678901234567890, "f": 0.1, "text": "'
        + TEXT.encode()
        + b'", "a": [1, {"b": null}]}\n',
    )
    assert list(rows[0])[:5] == ["z", "id", "n", "f", "text"]
    assert rows[0]["n"] == 12345678901234567890 and rows[0]["f"] == 0.1 and rows[0]["a"] == [1, {"b": None}]


# 11. select/ignore that match no rule ------------------------------------------------------------
@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_select_or_ignore_matching_no_rule_is_exit_2_with_near_matches(option):
    from typer.testing import CliRunner

    from cleaner.cli.app import app

    result = CliRunner().invoke(app, ["clean", "-", option, "promo.also-reed"], input=TEXT)
    assert result.exit_code == 2
    assert "promo.also-reed" in result.output and "did you mean 'promo.also-read'" in result.output


def test_select_by_a_prefix_that_exists_is_fine():
    from cleaner import Cleaner, Config
    from cleaner.errors import ConfigError

    Cleaner(Config(select=("promo",), ignore=("promo.read-more", "model", "headline.")))
    with pytest.raises(ConfigError, match="nosuchrule"):
        Cleaner(Config(ignore=("nosuchrule",)))


# 12. HTML from which nothing could be extracted --------------------------------------------------
def test_html_with_nothing_to_extract_warns_and_exits_1(tmp_path):
    from typer.testing import CliRunner

    from cleaner.cli.app import app

    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    for args in (["clean", str(page)], ["clean", "--json", str(page)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, result.output
        assert f"cleaner: warning: {page}: no article text found in the HTML" in result.output
    record = json.loads(CliRunner().invoke(app, ["clean", "--json", str(page)]).stdout)
    assert record["error"] == "no article text found in the HTML"


def test_html_with_nothing_to_extract_is_counted_by_batch(tmp_path):
    from cleaner.config import Config
    from cleaner.corpus.batch import BatchOptions, run_batch

    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "e", "html": "<html><body><script>x</script></body></html>"})
        + "\n"
        + json.dumps({"id": "t", "text": TEXT})
        + "\n",
        encoding="utf-8",
    )
    summary = run_batch([src], tmp_path / "out.jsonl", Config(lang="en"), BatchOptions(workers=1))
    assert summary.errors == 1


# 18. odd configuration and input files: one clear line each -------------------------------------
def _invoke(args: list[str], cwd: Path):
    from typer.testing import CliRunner

    from cleaner.cli.app import app

    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, args)
    finally:
        os.chdir(old)


def test_pyproject_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.cleaner]\nignore = ["promo"]\n# caf\xe9\n')
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = _invoke(["clean", "a.txt"], tmp_path)
    assert result.exit_code == 2 and not isinstance(result.exception, UnicodeDecodeError)
    assert "pyproject.toml: not UTF-8" in result.output and len(result.output.strip().splitlines()) == 1


def test_rules_folder_that_is_a_symlink_to_itself_is_one_line(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = _invoke(["clean", "a.txt", "--rules", "loop"], tmp_path)
    assert result.exit_code == 2
    assert "symbolic link that leads nowhere (or to itself)" in result.output


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_one_clear_line(tmp_path, codec):
    (tmp_path / "a.txt").write_bytes(TEXT.encode(codec))
    result = _invoke(["clean", "a.txt"], tmp_path)
    assert result.exit_code == 2
    assert "UTF-16 without a byte-order mark" in result.output


# 9. fix keeps symbolic and hard links, mode and content of the other names ------------------------
ARTICLE_WITH_DEBRIS = (
    "The council met on Tuesday to vote on the new budget for the roads.\n\n"
    "Also Read: Council votes on budget\n\n"
    "The vote passed after a long debate on the roads and the schools.\n"
)


@pytest.mark.parametrize("how", ["symlink", "hardlink"])
def test_fix_keeps_links_and_edits_the_target(tmp_path, how):
    real = tmp_path / "real.txt"
    real.write_text(ARTICLE_WITH_DEBRIS, encoding="utf-8")
    real.chmod(0o640)
    other = tmp_path / "other.txt"
    if how == "symlink":
        other.symlink_to("real.txt")
    else:
        os.link(real, other)
    result = _invoke(["fix", "other.txt", "--lang", "en"], tmp_path)
    assert result.exit_code == 0, result.output
    assert "Also Read" not in real.read_text(encoding="utf-8")
    assert real.read_text(encoding="utf-8") == other.read_text(encoding="utf-8")
    if how == "symlink":
        assert other.is_symlink()
    else:
        assert os.path.samefile(real, other)
    assert (real.stat().st_mode & 0o777) == 0o640
    assert not list(tmp_path.glob(".*.cleaner-tmp-*"))
