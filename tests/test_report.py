"""`cleaner report` without a browser: the data behind the views, escaping, CSP, the CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner, Config
from cleaner.cli import app
from cleaner.project_config import Fields
from cleaner.report import CorpusData, article_page, corpus_page, from_result
from cleaner.report.approx import placements
from cleaner.report.article import APPROXIMATE, EXACT, from_batch_line
from cleaner.report.sources import jsonl_articles

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (REPO / "samples").glob("*.txt") if ".clean" not in p.name) + [
    REPO / "samples/tech-launch.md"
]
runner = CliRunner()

HOSTILE = (
    "The council met on Tuesday to approve the budget for next year.\n\n"
    "Also Read: <script>document.title='pwned'; window.__pwned = 1</script> and more\n\n"
    'The mayor said <img src=x onerror="window.__pwned=2"> the plan </textarea></script><!-- <script> was final.\n\n'
    "Share this article"
)


def _embedded(page: str, block_id: str) -> object:
    m = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', page, re.S)
    assert m, block_id
    return json.loads(m.group(1))


def _batch_line(result, **extra) -> dict:
    """A line as `cleaner batch` writes it today: clean text, removals, language code; no layout."""
    return {
        **extra,
        "text": result.text,
        "removed": [r.to_dict() for r in result.removed],
        "lang": result.lang.code,
        "error": None,
    }


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_article_ops_rebuild_the_input_and_the_clean_text(cleaner, path):
    result = cleaner.clean(path.read_bytes(), name=str(path))
    art = from_result(result, id=path.name)
    from cleaner import restore

    assert art.placement == EXACT
    assert art.raw() == restore(result)
    kept = "".join(art.clean[op[0] : op[1]] for op in art.ops if isinstance(op, list))
    assert kept.replace("\n", "") == result.text.replace("\n", "")
    assert sorted(op for op in art.ops if isinstance(op, int)) == [
        i for i, r in enumerate(result.removed) if r.start is not None
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_approximate_placement_matches_the_layout_on_the_samples(cleaner, path):
    result = cleaner.clean(path.read_bytes(), name=str(path))
    d = result.to_dict()
    line = _batch_line(result)
    art = from_batch_line(line, id=path.name)
    assert art.placement == APPROXIMATE
    # removals in text order, every clean character in order: the raw view loses nothing
    assert [art.items[op].text for op in art.ops if isinstance(op, int)] == [
        r.text for r in sorted(result.removed, key=lambda r: r.start)
    ]
    assert "".join(art.clean[op[0] : op[1]] for op in art.ops if isinstance(op, list)) == result.text
    for i, pos in placements(d["text"], d["removed"]):
        exact = next((c for s, e, c in sorted(d["layout"]["kept"]) if s >= d["removed"][i]["end"]), len(d["text"]))
        assert not d["text"][min(pos, exact) : max(pos, exact)].strip(), (d["removed"][i]["text"], pos, exact)


def test_candidates_are_marked_apart_from_removals(cleaner):
    text = (REPO / "samples/flood-warning.txt").read_bytes()
    result = Cleaner(Config(min_confidence=0.85)).clean(text)
    assert result.candidates
    art = from_result(result)
    cand_ops = [op for op in art.ops if isinstance(op, list) and len(op) == 3]
    assert len(cand_ops) == len([c for c in result.candidates if c.start is not None])
    for op in cand_ops:
        assert art.items[op[2]].candidate and art.clean[op[0] : op[1]] == art.items[op[2]].text
    assert art.raw() == __import__("cleaner").restore(result)


def test_page_is_self_contained_with_a_strict_csp(cleaner):
    page = article_page(from_result(cleaner.clean(HOSTILE)))
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#x27;none&#x27;" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    script = re.search(r"<script>(.*)</script>\s*</body>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"sha256-{digest}" in csp
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # nothing remote
    markup = re.sub(r'<script type="application/json".*?</script>', "", page, flags=re.S)
    markup = re.sub(r"<script>.*?</script>", "", markup, flags=re.S)
    assert "onerror" in page and not re.search(r"\son\w+\s*=", markup)  # no event handler outside the data


def test_hostile_text_cannot_leave_the_json_block(cleaner):
    page = article_page(from_result(cleaner.clean(HOSTILE)))
    assert page.count("<script") == 2  # the data block and the page's own script, nothing from the text
    assert "</textarea>" not in page and "<!--" not in page and "<img" not in page
    data = _embedded(page, "report-data")
    assert "<script>document.title" in data["article"]["clean"] + "".join(i[4] for i in data["article"]["items"])


def test_corpus_counts_match_the_batch_summary(tmp_path):
    src = tmp_path / "in.jsonl"
    with src.open("w") as fh:
        for i, p in enumerate(SAMPLES):
            fh.write(
                json.dumps({"id": f"d{i}", "text": p.read_text(), "url": f"https://www.example.org/{p.stem}"}) + "\n"
            )
        fh.write(json.dumps({"id": "bad", "text": ""}) + "\n")
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    r = runner.invoke(
        app, ["batch", str(src), "-o", str(out), "-j", "1", "-q", "--summary-json", str(summary), "--max-errors", "1"]
    )
    assert r.exit_code == 0, r.output
    want = json.loads(summary.read_text())
    corpus = CorpusData().extend(jsonl_articles(out, Fields(), None))
    assert {k: c.removals for k, c in corpus.categories.items()} == want["removals"]
    assert corpus.removals_total == want["removals_total"]
    assert len(corpus.docs) == want["documents"] and sum(1 for d in corpus.docs if d.error) == want["errors"]
    assert set(corpus.sites) == {"example.org", "(no url)"}
    page = corpus_page(corpus)
    data = _embedded(page, "report-data")
    assert sum(row[1] for row in data["ruleRows"]) == want["removals_total"]
    assert len(_embedded(page, "articles-0")) == want["documents"]
    for _rule, samples in data["samples"]:
        for doc, before, text, after in samples:
            assert before + text + after in corpus.articles[doc].raw()


def test_cli_article_corpus_record_and_errors(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": p.stem, "text": p.read_text()}) + "\n" for p in SAMPLES[:3]))
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "-q"]).exit_code == 0
    for args in (
        [str(REPO / "samples/flood-warning.txt")],
        [str(REPO / "samples/flood-warning.record.json")],
        [str(out)],
        [str(out), "--record", "2"],
        [str(out), "--record", SAMPLES[0].stem],
        [str(REPO / "samples")],
    ):
        page_path = tmp_path / "r.html"
        r = runner.invoke(app, ["report", *args, "-o", str(page_path)])
        assert r.exit_code == 0, (args, r.output)
        assert page_path.read_text().startswith("<!DOCTYPE html>")
    data = _embedded((tmp_path / "r.html").read_text(), "report-data")
    assert data["mode"] == "corpus" and data["totals"]["approximate"] == 0
    for args, msg in (
        ([str(out), "--record", "99"], "no record with line 99"),
        ([str(out), "--record", "nope"], "no record with id 'nope'"),
        ([str(REPO / "samples/flood-warning.txt"), "--record", "1"], "--record needs a batch output"),
        ([str(tmp_path / "missing.txt")], "no such file"),
    ):
        r = runner.invoke(app, ["report", *args, "-o", str(tmp_path / "x.html")])
        assert r.exit_code == 2 and msg in r.output and len(r.output.strip().splitlines()) == 1, r.output


def test_html_input_counts_what_the_html_stage_dropped(cleaner):
    page = (
        "<html><head><title>t</title></head><body><nav>Home News Sport Weather Contact</nav><article>"
        + "".join(
            f"<p>Paragraph {i} of the article says something about the harbour and the town council.</p>"
            for i in range(8)
        )
        + "<p>Also Read: Something else entirely happened somewhere</p></article>"
        "<footer>Copyright 2024 all rights reserved by the publisher of this site</footer></body></html>"
    )
    result = cleaner.clean(page, html=True)
    art = from_result(result, html_page=page)
    assert art.kind == "html" and art.html is not None
    assert art.html.page_words > art.html.extracted_words > 0


def test_repr_html_is_a_sandboxed_frame(cleaner):
    out = cleaner.clean(HOSTILE)._repr_html_()
    assert out.startswith('<iframe sandbox="allow-scripts" srcdoc="') and "<script>document" not in out
