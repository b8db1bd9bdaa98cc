"""WARC: only HTTP 200 HTML responses are cleaned (the rest counted as skipped), their WARC facts
kept, the HTTP charset passed to the decoder; the page's metadata and canonical URL in the record."""

from __future__ import annotations

import io
import json
from collections import Counter
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from cleaner import Cleaner, restore
from cleaner.cli.app import app
from cleaner.corpus.readers import DocTask, iter_stream, iter_tasks
from cleaner.html.encoding import content_type_charset, decode_html

SCHEMA = json.loads(resources.files("cleaner").joinpath("schema/record.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()

BODY = (
    "<p>The city council approved the new budget on Monday evening after a long debate about roads, "
    "schools and the café on the main square that the town has run since 1990.</p>"
    "<p>The mayor said the plan would take effect in July, once the committee has finished its final review "
    "of the spending on the bridge.</p>"
)


def page(head: str = "", body: str = BODY) -> str:
    return (
        f"<html><head><title>Council approves budget</title>{head}</head><body><article>{body}</article></body></html>"
    )


def warc_file(path: Path, records: list[tuple], gzip: bool = True) -> Path:
    """records: (warc type, status line or None, content type or None, body bytes, target URI)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for rec_type, status, ctype, body, uri in records:
            if rec_type in ("response", "request") and status is not None:
                fields = [("Content-Type", ctype)] if ctype else []
                if rec_type == "request":
                    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
                else:
                    headers = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
                rec = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=headers)
            elif rec_type == "warcinfo":
                rec = writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"})
            else:
                rec = writer.create_warc_record(
                    uri, rec_type, payload=io.BytesIO(body), warc_content_type=ctype or "application/json"
                )
            writer.write_record(rec)
    return path


CRAWL = [
    ("warcinfo", None, None, b"", None),
    ("request", "GET", None, b"", "https://news.example.com/a"),
    ("response", "200 OK", "text/html; charset=utf-8", page().encode(), "https://news.example.com/a"),
    ("metadata", None, "application/json", b'{"outlinks": []}', "https://news.example.com/a"),
    (
        "response",
        "301 Moved Permanently",
        "text/html",
        b"<html><body>Moved</body></html>",
        "https://news.example.com/b",
    ),
    ("response", "404 Not Found", "text/html", page().encode(), "https://news.example.com/c"),
    ("response", "200 OK", "application/pdf", b"%PDF-1.4 ...", "https://news.example.com/d.pdf"),
    # the HTTP charset is the only statement of the encoding: cp1252 bytes, no <meta charset>
    ("response", "200 OK", "text/html; charset=windows-1252", page().encode("cp1252"), "https://news.example.com/e"),
    ("response", "200 OK", None, page().encode(), "https://news.example.com/f"),  # no Content-Type: sniffed
    ("response", "200 OK", None, b"just some bytes, no markup", "https://news.example.com/g"),
]
SKIPPED = {
    "warcinfo": 1,
    "request": 1,
    "metadata": 1,
    "HTTP 301": 1,
    "HTTP 404": 1,
    "application/pdf": 1,
    "no Content-Type, not HTML": 1,
}


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_batch_cleans_only_http_200_html_and_counts_the_rest(tmp_path, gzip):
    src = warc_file(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), CRAWL, gzip=gzip)
    out, summ = tmp_path / "out.jsonl", tmp_path / "summary.json"
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1", "--summary-json", str(summ)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in rows] == [
        "https://news.example.com/a",
        "https://news.example.com/e",
        "https://news.example.com/f",
    ]
    summary = json.loads(summ.read_text())
    assert summary["documents"] == 3 and summary["errors"] == 0
    assert summary["skipped"] == SKIPPED
    assert "7 WARC records skipped (not HTTP 200 HTML responses; no output line)" in res.stderr
    assert "HTTP 404 1" in res.stderr
    for row in rows:
        warc = row["warc"]
        assert warc["http_status"] == 200 and warc["target_uri"] == row["url"]
        assert warc["date"] and warc["date"][:2] == "20" and warc["date"].endswith("Z")
        assert "café on the main square" in row["text"]
        record = {k: row[k] for k in SCHEMA["properties"] if k in row}
        jsonschema.validate(record, SCHEMA)
        assert row["metadata"]["title"] == "Council approves budget"
        assert restore(row).startswith("The city council approved")
    assert rows[0]["warc"]["content_type"] == "text/html; charset=utf-8"
    assert rows[1]["input"]["encoding"] == "cp1252" and rows[1]["input"]["encoding_source"] == "http"
    assert rows[2]["warc"]["content_type"] is None


def test_warc_on_standard_input_skips_the_same(tmp_path):
    data = warc_file(tmp_path / "crawl.warc", CRAWL, gzip=False).read_bytes()
    skipped: Counter[str] = Counter()
    tasks = list(iter_stream(io.BytesIO(data), "-", skipped=skipped))
    assert [t.url for t in tasks] == [
        "https://news.example.com/a",
        "https://news.example.com/e",
        "https://news.example.com/f",
    ]
    assert all(isinstance(t, DocTask) for t in tasks)
    assert [t.charset for t in tasks] == ["utf-8", "windows-1252", None]
    assert dict(skipped) == SKIPPED


def test_http_charset_reaches_the_decoder_and_the_site_repetition_pass(tmp_path):
    html = page('<meta charset="iso-8859-7">')  # the page's own declaration is wrong
    uri = "https://news.example.com/e"
    src = warc_file(
        tmp_path / "crawl.warc.gz", [("response", "200 OK", "text/html; charset=cp1252", html.encode("cp1252"), uri)]
    )
    (task,) = list(iter_tasks([src]))
    assert isinstance(task, DocTask) and task.charset == "cp1252"
    from cleaner.corpus.workers import RecordCleaner
    from cleaner.project_config import Fields
    from cleaner.repetition.count import doc_keys
    from cleaner.repetition.table import RepeatSettings

    row = json.loads(RecordCleaner(Cleaner().config, Fields()).process(task).line)
    assert row["input"]["encoding_source"] == "http" and "café" in row["text"]
    cleaner, settings = Cleaner(), RepeatSettings(max_words=100)
    keys = doc_keys(cleaner, task.data, settings, html=True, charset=task.charset)
    assert keys == doc_keys(cleaner, html, settings, html=True)  # pass 1 reads the page as pass 2 does
    assert keys != doc_keys(cleaner, task.data, settings, html=True)  # (the <meta> alone misreads it)


# the decoder ----------------------------------------------------------------------------------
def test_http_charset_preferred_to_meta_and_sniffing():
    data = page('<meta charset="iso-8859-7">').encode("cp1252")
    assert decode_html(data).encoding == "iso8859-7"  # the page's own (wrong) declaration
    d = decode_html(data, "windows-1252")
    assert (d.encoding, d.source) == ("cp1252", "http") and "café" in d.text


@pytest.mark.parametrize(
    ("label", "expected_source"),
    [
        ("x-no-such-charset", "meta"),  # unknown label: the page's <meta> decides
        ("base64", "meta"),  # a Python codec, but not a text encoding
        ("", "meta"),
        ("utf-8", "meta"),  # a valid label the bytes do not decode in: passed over
    ],
)
def test_invalid_http_charset_falls_back(label, expected_source):
    data = page('<meta charset="windows-1252">').encode("cp1252")
    d = decode_html(data, label)
    assert (d.encoding, d.source) == ("cp1252", expected_source) and "café" in d.text


def test_stale_http_latin1_on_utf8_bytes_reads_utf8():
    d = decode_html(page().encode("utf-8"), "ISO-8859-1")  # a server's default label
    assert d.encoding == "utf-8" and "café" in d.text


def test_content_type_charset():
    assert content_type_charset('text/html; charset="UTF-8"') == "UTF-8"
    assert content_type_charset("text/html;charset=windows-1251; foo=bar") == "windows-1251"
    assert content_type_charset("text/html") is None and content_type_charset(None) is None


# metadata ---------------------------------------------------------------------------------------
HEAD = (
    '<meta name="author" content="Jane Doe">'
    '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
    '<meta property="og:site_name" content="Daily Planet">'
)


def test_clean_json_carries_the_page_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page(HEAD), encoding="utf-8")
    res = runner.invoke(app, ["clean", "--json", str(path)])
    assert res.exit_code == 0, res.output
    record = json.loads(res.stdout)
    jsonschema.validate(record, SCHEMA)
    assert record["metadata"] == {
        "title": "Council approves budget",
        "author": "Jane Doe",
        "date": "2024-03-05",
        "sitename": "Daily Planet",
    }
    assert restore(record) == Cleaner().clean(path.read_bytes(), html=True).to_dict()["text"]


def test_metadata_fields_not_found_are_null_and_text_has_none():
    record = Cleaner().clean(page(body=BODY).replace("<title>Council approves budget</title>", ""), html=True)
    meta = record.to_dict()["metadata"]
    assert set(meta) == {"title", "author", "date", "sitename"}
    assert meta["author"] is None and meta["date"] is None
    text = Cleaner().clean("The council approved the budget on Monday. The mayor spoke.").to_dict()
    assert text["metadata"] is None
    jsonschema.validate(text, SCHEMA)


def test_batch_html_lines_carry_metadata(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p1", "html": page(HEAD)}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "-j", "1"])
    assert res.exit_code == 0, res.output
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["metadata"]["author"] == "Jane Doe" and row["metadata"]["date"] == "2024-03-05"
    assert restore(row).startswith("The city council")


# the page's own URL selects the site rules ------------------------------------------------------
CREDIT = "<div class='Attribution_container'><p>Reporting by Ann Example; Editing by Bo Example</p></div>"


@pytest.mark.parametrize(
    ("head", "source"),
    [
        ('<link rel="canonical" href="https://www.reuters.com/world/council-budget-2024-03-05/">', "canonical"),
        ('<meta property="og:url" content="https://www.reuters.com/world/council-budget-2024-03-05/">', "og:url"),
    ],
)
def test_canonical_or_og_url_selects_site_rules(tmp_path, head, source):
    path = tmp_path / "page.html"
    path.write_text(page(head, BODY + CREDIT), encoding="utf-8")
    record = json.loads(runner.invoke(app, ["clean", "--json", str(path)]).stdout)
    assert record["input"]["url"] == "https://www.reuters.com/world/council-budget-2024-03-05/"
    assert record["input"]["url_source"] == source
    assert "credit.reuters-attribution" in {r["rule"] for r in record["removed"]}
    jsonschema.validate(record, SCHEMA)
    # a URL the caller gives wins over the page's own
    given = runner.invoke(app, ["clean", "--json", "--url", "https://other.example.org/a", str(path)])
    record = json.loads(given.stdout)
    assert record["input"]["url"] == "https://other.example.org/a" and record["input"]["url_source"] == "given"
    assert "credit.reuters-attribution" not in {r["rule"] for r in record["removed"]}


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="/world/council-budget">',  # relative: no host to select rules by
        '<link rel="canonical" href="javascript:alert(1)">',
        '<meta property="og:url" content="ftp://www.reuters.com/x">',
        "",
    ],
)
def test_no_usable_page_url(head):
    record = Cleaner().clean(page(head, BODY + CREDIT), html=True).to_dict()
    assert "url" not in record["input"] and "url_source" not in record["input"]
    assert "credit.reuters-attribution" not in {r["rule"] for r in record["removed"]}
