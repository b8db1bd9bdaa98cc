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


# 3. file selection with gitignore semantics --------------------------------------------------
def _corpus(root: Path, rels: list[str]) -> None:
    for rel in rels:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(ARTICLE, encoding="utf-8")


def _checked(res) -> list[str]:
    return sorted({line.split(":")[0] for line in res.stdout.splitlines()})


def test_exclude_is_a_gitignore_pattern_and_gitignore_is_respected(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(
        tmp_path,
        ["a.txt", "drafts/b.txt", "news/drafts/c.txt", "news/d.txt", "news/e.tmp.txt", "build/f.txt", "news/old/g.txt"],
    )
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "news" / ".gitignore").write_text("old/\n", encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text('exclude = ["drafts"]\nextend-exclude = ["*.tmp.txt"]\n', encoding="utf-8")
    res = runner.invoke(app, ["check", "."])
    assert res.exit_code == 1, res.output
    assert _checked(res) == ["a.txt", "news/d.txt"]
    res = runner.invoke(app, ["check", ".", "--no-respect-gitignore"])
    assert _checked(res) == ["a.txt", "build/f.txt", "news/d.txt", "news/old/g.txt"]
    res = runner.invoke(app, ["check", ".", "--exclude", "news/"])
    assert _checked(res) == ["a.txt"]


def test_force_exclude_makes_named_files_obey_include(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path, ["articles/a.txt", "README.md"])
    (tmp_path / "cleaner.toml").write_text('include = ["articles/"]\n', encoding="utf-8")
    assert _checked(runner.invoke(app, ["check", "."])) == ["articles/a.txt"]
    assert _checked(runner.invoke(app, ["check", "README.md", "articles/a.txt"])) == ["README.md", "articles/a.txt"]
    res = runner.invoke(app, ["fix", "--force-exclude", "README.md", "articles/a.txt"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == ARTICLE  # not included: untouched
    assert "Share on Facebook" not in (tmp_path / "articles/a.txt").read_text(encoding="utf-8")


def test_batch_folder_uses_the_same_walker(tmp_path):
    _corpus(tmp_path / "pages", ["a.txt", ".git/b.txt", "skip/c.txt"])
    (tmp_path / "pages" / ".gitignore").write_text("skip/\n", encoding="utf-8")
    res = runner.invoke(app, ["batch", str(tmp_path / "pages"), "-o", str(tmp_path / "o.jsonl"), "-j", "1", "-q"])
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in lines((tmp_path / "o.jsonl").read_bytes())] == ["a.txt"]


# 4. suppressions -------------------------------------------------------------------------------
def test_inline_keep_marker_keeps_one_block(tmp_path):
    own_line = ARTICLE.replace("Share on Facebook", "<!-- cleaner: keep -->\nShare on Facebook")
    trailing = ARTICLE.replace("Share on Facebook", "Also Read: Ten things the budget changes <!-- cleaner: keep -->")
    for text in (own_line, trailing):
        unmarked = text.replace("<!-- cleaner: keep -->", "").replace("\n\n\n", "\n\n")
        (tmp_path / "u.md").write_text(unmarked, encoding="utf-8")
        assert runner.invoke(app, ["check", str(tmp_path / "u.md")]).exit_code == 1  # reported without the marker
        f = tmp_path / "a.md"
        f.write_text(text, encoding="utf-8")
        res = runner.invoke(app, ["check", str(f)])
        assert res.exit_code == 0 and res.stdout == "", res.output
        assert "1 kept by cleaner: keep markers" in res.stderr
        assert runner.invoke(app, ["fix", str(f)]).exit_code == 0
        assert f.read_text(encoding="utf-8") == text


def test_per_file_ignores(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path, ["interviews/a.txt", "news/b.txt"])
    (tmp_path / "cleaner.toml").write_text('[per-file-ignores]\n"interviews/*" = ["share"]\n', encoding="utf-8")
    assert _checked(runner.invoke(app, ["check", "."])) == ["news/b.txt"]
    (tmp_path / "cleaner.toml").write_text('[per-file-ignores]\n"interviews/*" = ["shar"]\n', encoding="utf-8")
    res = runner.invoke(app, ["check", "."])
    assert res.exit_code == 2 and "did you mean 'share'" in res.stderr


def test_baseline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path, ["a.txt"])
    res = runner.invoke(app, ["check", ".", "--write-baseline", "baseline.json"])
    assert res.exit_code == 0 and "wrote baseline.json (1 findings)" in res.stderr, res.output
    res = runner.invoke(app, ["check", ".", "--baseline", "baseline.json"])
    assert res.exit_code == 0 and res.stdout == "" and "1 in the baseline" in res.stderr
    (tmp_path / "a.txt").write_text(
        "New first paragraph of the story, added later.\n\n" + ARTICLE + "\n\nAdvertisement\n"
    )
    res = runner.invoke(app, ["check", ".", "--baseline", "baseline.json"])
    assert res.exit_code == 1 and "Advertisement" in res.stdout and "Share on" not in res.stdout
    res = runner.invoke(app, ["check", ".", "--baseline", "missing.json"])
    assert res.exit_code == 2 and "no such baseline" in res.stderr


# 5. linter output -------------------------------------------------------------------------------
def test_check_output_formats(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path, ["a.txt"])
    text = runner.invoke(app, ["check", "a.txt"]).stdout
    assert text.startswith("a.txt:3:1: share.prompt")
    res = runner.invoke(app, ["check", "a.txt", "--output-format", "json-lines"])
    row = json.loads(res.stdout.splitlines()[0])
    assert (row["line"], row["col"], row["end_line"], row["end_col"]) == (3, 1, 3, len("Share on Facebook") + 1)
    res = runner.invoke(app, ["check", "a.txt", "--output-format", "github"])
    assert res.stdout.startswith(
        "::error title=cleaner (share.prompt),file=a.txt,line=3,col=1,endLine=3,endColumn=18::"
    )
    sarif = json.loads(runner.invoke(app, ["check", "a.txt", "--output-format", "sarif"]).stdout)
    result = sarif["runs"][0]["results"][0]
    assert sarif["version"] == "2.1.0" and result["ruleId"] == "share.prompt"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    import xml.etree.ElementTree as ET

    junit = ET.fromstring(runner.invoke(app, ["check", "a.txt", "--output-format", "junit"]).stdout)
    assert junit.get("failures") == "1" and junit.find(".//failure").get("type") == "share.prompt"
    data = json.loads(runner.invoke(app, ["check", "a.txt", "--format", "json"]).stdout)
    assert data["summary"]["findings"] == 1
    assert runner.invoke(app, ["check", "a.txt", "--output-format", "xml"]).exit_code == 2


def test_check_statistics_exit_zero_and_candidates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path, ["a.txt", "b.txt"])
    res = runner.invoke(app, ["check", ".", "--statistics"])
    assert res.exit_code == 1 and res.stdout.split()[:2] == ["2", "share.prompt"]
    assert runner.invoke(app, ["check", ".", "--exit-zero"]).exit_code == 0
    res = runner.invoke(app, ["check", "a.txt", "--min-confidence", "1.0", "--show-candidates"])
    assert res.exit_code == 0 and "(candidate, kept: confidence" in res.stdout
    assert runner.invoke(app, ["check", "a.txt", "--min-confidence", "1.0"]).stdout == ""


def test_jsonl_positions_point_into_the_file_line(tmp_path):
    f = tmp_path / "a.jsonl"
    line = json.dumps({"id": "x", "text": "Café opens.\n\n" + ARTICLE})
    f.write_text(line + "\n", encoding="utf-8")
    row = json.loads(runner.invoke(app, ["check", str(f), "--output-format", "json-lines"]).stdout.splitlines()[0])
    assert line[row["col"] - 1 : row["end_col"] - 1] == "Share on Facebook"


# 11. dependencies --------------------------------------------------------------------------------
def test_every_imported_distribution_is_declared():
    import ast
    import re
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in project["dependencies"]}
    optional = {
        re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-")
        for deps in project["optional-dependencies"].values()
        for d in deps
    }
    dists = packages_distributions()
    missing = set()
    for path in (ROOT / "cleaner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "cleaner":
                    continue
                for dist in dists.get(top, [top]):
                    dist = dist.lower().replace("_", "-")
                    extra = "spark" in path.parts or path.name == "train.py"  # cleaner[spark], cleaner[train]
                    where = optional if extra else declared
                    if dist not in declared and dist not in where:
                        missing.add(f"{dist} ({path.relative_to(ROOT)})")
    assert not missing, sorted(missing)


# 10. heading bounds ------------------------------------------------------------------------------
LONG_BODY = [
    "The vote was seven to two, with the mayor casting the deciding vote on the transport plan that has divided "
    "residents for months, and the opposition promised to keep fighting it.",
    "Residents who spoke at the meeting said the plan would cut bus routes in the northern districts, where many "
    "older people depend on public transport to reach the hospital and the shops.",
    "The council will publish the full budget documents next week, and a public consultation on the bus routes "
    "will open in the spring, officials said after the meeting.",
]


@pytest.mark.parametrize("heading", ["Comments", "Related", "Related Articles", "More from this section"])
def test_a_section_heading_never_takes_the_body_paragraphs_after_it(heading):
    lead = "The council approved the new budget on Tuesday after a long debate that ran late into the evening."
    items = ["Markets rally as oil slides", "Harbour strike enters its third week"]
    text = "\n\n".join([lead, heading, *LONG_BODY, heading, *items]) + "\n"
    res = runner.invoke(app, ["clean", "-", "--json", "--lang", "en"], input=text)
    record = json.loads(res.stdout)
    for paragraph in (lead, *LONG_BODY):
        assert paragraph in record["text"], (heading, paragraph)
    removed = [r["text"] for r in record["removed"]]
    assert all(item in removed for item in items), removed  # the short, link-like items go


# 1, 2, 7 for single articles -----------------------------------------------------------------------
PAGE = (
    "<html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1>\n"
    "<p>The council approved the new budget on Tuesday after a long debate that ran late into the evening.</p>\n"
    "<p>Share on Facebook</p>\n<p>The vote was seven to two, with the mayor casting the deciding vote on the "
    "transport plan that has divided residents.</p></article></body></html>\n"
)


def test_clean_reads_a_pipe_without_dash():
    res = cli("clean", "--lang", "en", stdin=ARTICLE.encode())
    assert res.returncode == 0 and b"The vote was seven to two" in res.stdout and b"Share on" not in res.stdout


@pytest.mark.parametrize("suffix", [".gz", ".zst", ".bz2", ".xz"])
def test_clean_reads_compressed_html_pages(tmp_path, suffix):
    page = tmp_path / f"page.html{suffix}"
    page.write_bytes(COMPRESS[suffix](PAGE.encode()))
    res = runner.invoke(app, ["clean", str(page)])
    assert res.exit_code == 0, res.output
    assert "The vote was seven to two" in res.stdout and "Share on Facebook" not in res.stdout


def test_html_page_without_article_text_warns_and_fails(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    res = runner.invoke(app, ["clean", str(page)])
    assert res.exit_code == 1 and "no article text" in res.stderr
    res = runner.invoke(app, ["clean", "--json", str(page)])
    assert res.exit_code == 1 and json.loads(res.stdout)["error"]


# 8. one record everywhere ------------------------------------------------------------------------
def test_batch_lines_carry_the_record_and_restore(tmp_path):
    from jsonschema import validate

    from cleaner import restore

    schema = json.loads((ROOT / "cleaner/schema/record.schema.json").read_text(encoding="utf-8"))
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl([{"id": "a", "text": ARTICLE, "source": "wire"}, {"id": "b", "html": PAGE}]))
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "-q"]).exit_code == 0
    text_line, html_line = lines(out.read_bytes())
    single = json.loads(runner.invoke(app, ["clean", "--json", "-"], input=ARTICLE).stdout)
    for line in (text_line, html_line):
        validate({k: v for k, v in line.items() if k in schema["properties"]}, schema)
        assert isinstance(line["lang"], dict) and "layout" in line
    assert text_line["raw"] == ARTICLE and text_line["source"] == "wire"  # the input's fields stay
    assert restore(text_line) == ARTICLE == restore(single)
    same = [k for k in single if k != "input"]  # input differs by nature: a JSON string here, bytes there
    assert {k: text_line[k] for k in same} == {k: single[k] for k in same}  # the same record as clean --json
    assert text_line["position"] == {"file": str(src), "line": 1}
    assert html_line["html"] == PAGE and html_line["position"] == {"file": str(src), "line": 2}
    assert runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "-q", "--drop-raw"]).exit_code == 0
    text_line, html_line = lines(out.read_bytes())
    assert "raw" not in text_line and "html" not in html_line and restore(text_line) == ARTICLE


def test_batch_folder_lines_name_their_file(tmp_path):
    _corpus(tmp_path / "pages", ["a.txt"])
    out = tmp_path / "o.jsonl"
    assert runner.invoke(app, ["batch", str(tmp_path / "pages"), "-o", str(out), "-j", "1", "-q"]).exit_code == 0
    (row,) = lines(out.read_bytes())
    assert row["position"] == {"file": str(tmp_path / "pages" / "a.txt")} and restore_ok(row)


def restore_ok(row: dict) -> bool:
    from cleaner import restore

    return restore(row) == ARTICLE


def test_documents_in_languages_without_rules_are_counted(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        jsonl(
            [
                {"id": "en", "text": ARTICLE},
                {
                    "id": "is",
                    "lang": "is",
                    "text": "Borgarstjórn samþykkti nýja fjárhagsáætlun á þriðjudag eftir langa umræðu.",
                },
            ]
        )
    )
    summary = tmp_path / "s.json"
    res = runner.invoke(
        app, ["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "1", "--summary-json", str(summary)]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(summary.read_text())
    assert data["languages"] == {"en": 1, "is": 1} and data["languages_without_rules"] == {"is": 1}
    assert "1 documents in languages without rules of their own" in res.stderr and ": is 1" in res.stderr
