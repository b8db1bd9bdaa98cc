"""Fuzzing (issue 12, "Done when"): random bytes, random HTML and random JSONL lines through
``clean``, ``batch`` and the API. Nothing raises past the API's documented ``InputError``, no
command prints a traceback, and every document is done within its time limit plus a margin.

The whole module is bounded: a fixed number of examples each, a time limit per document, and
``FUZZ_BUDGET`` seconds for the hypothesis runs together (CI runs it in well under a minute).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.errors import InputError
from cleaner.timelimit import paused_seconds

REPO = Path(__file__).resolve().parent.parent
LIMIT = 2.0  # seconds per document
MARGIN = 3.0  # the timer fires in Python code; a loaded CI machine adds to it
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)

CLEANER = Cleaner(Config(time_limit=LIMIT))
CLEANER.prepare_html()
CLEANER.clean("Start-up: the first document loads what every later one shares.")

# -- generators -----------------------------------------------------------------------------------
TAGS = (
    "p",
    "div",
    "span",
    "a",
    "h1",
    "h2",
    "li",
    "ul",
    "article",
    "main",
    "script",
    "style",
    "table",
    "tr",
    "td",
    "br",
    "img",
    "figure",
    "figcaption",
    "blockquote",
    "nav",
    "footer",
    "aside",
    "section",
    "iframe",
    "svg",
    "b",
)
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
attr = st.tuples(
    st.sampled_from(("class", "id", "href", "lang", "style", "data-x", "onload", "charset", "x\u00e9")), words
).map(lambda kv: f'{kv[0]}="{kv[1]}"')


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(TAGS), st.lists(attr, max_size=3), st.lists(children, max_size=4), st.booleans()
    ).map(lambda t: f"<{t[0]} {' '.join(t[1])}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))


junk = st.sampled_from(
    (
        "<!-- c -->",
        "<![CDATA[x]]>",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "&nbsp;",
        "<",
        ">",
        "</p>",
        "<?xml ?>",
        "<meta charset='utf-16'>",
        "<meta http-equiv='content-type' content='text/html; charset=koi8-r'>",
        "\x00",
        "\ufeff",
        "<html lang='zz-Qaaa'>",
        "<!DOCTYPE html>",
    )
)
fragment = st.recursive(st.one_of(words, junk), _element, max_leaves=40)
html_doc = st.lists(fragment, min_size=1, max_size=8).map(lambda parts: "<html><body>" + "".join(parts))
debris = st.sampled_from(
    (
        "Also Read: Council votes",
        "Advertisement",
        "Share on Facebook",
        "READ MORE",
        "\u00a9 2024 News",
        "Photo: Reuters",
        "Follow us on X",
        "E",
        "## Heading",
        "- item",
        "> quote",
        "1. one",
    )
)
text_doc = st.lists(st.one_of(words, debris, st.text(max_size=200)), max_size=12).map("\n".join)
any_doc = st.one_of(
    st.binary(max_size=2000),
    html_doc,
    html_doc.map(lambda h: h.encode("utf-8", "surrogatepass")),
    text_doc,
    text_doc.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def _timed(data: str | bytes, **kwargs: object) -> float:
    """The document's own time: without the start-up work a language's first document does
    (compiling its rules), which the time limit does not count either."""
    started, startup = time.monotonic(), paused_seconds()
    try:
        result = CLEANER.clean(data, **kwargs)  # type: ignore[arg-type]
    except InputError:  # the API's one documented refusal (e.g. undecodable bytes): a clear message
        result = None
    if result is not None:
        assert isinstance(result.text, str)
        result.to_json()  # the record serializes
    return time.monotonic() - started - (paused_seconds() - startup)


# -- the API --------------------------------------------------------------------------------------
@FUZZ
@given(any_doc)
def test_api_on_random_input_is_bounded_and_does_not_raise(data):
    assert _timed(data) < LIMIT + MARGIN


@FUZZ
@given(html_doc, st.sampled_from((None, "en", "en-US", "zz", "")))
def test_api_on_random_html_forced_is_bounded(html, lang):
    assert _timed(html, html=True, lang=lang) < LIMIT + MARGIN


@FUZZ
@given(text_doc)
def test_api_on_random_text_forced_is_bounded(text):
    assert _timed(text, html=False) < LIMIT + MARGIN


# -- the commands ---------------------------------------------------------------------------------
def _run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, env=env, timeout=600
    )


def _no_traceback(proc: subprocess.CompletedProcess[bytes]) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    return err


def _random_lines(seed: int, n: int) -> bytes:
    """JSONL as a hostile producer writes it: valid records of random content, records with
    wrong types, broken JSON, blank lines, binary junk, a BOM."""
    import random

    rng = random.Random(seed)
    examples = st.one_of(text_doc, html_doc)
    lines: list[bytes] = [b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": "A first line."}).encode()]
    for i in range(n):
        kind = rng.randrange(8)
        content = examples.example() if kind < 4 else ""
        if kind in (0, 1):
            lines.append(json.dumps({"id": i, "text": content}, ensure_ascii=rng.random() < 0.5).encode())
        elif kind == 2:
            lines.append(json.dumps({"id": str(i), "html": content, "url": "http://x/" + str(i)}).encode())
        elif kind == 3:
            lines.append(
                json.dumps({"id": str(i), "text": content, "lang": rng.choice(["en", "xx", "", None, 5])}).encode()
            )
        elif kind == 4:
            lines.append(json.dumps(rng.choice([{"text": 5}, {"html": None}, [], "x", {"id": {}}, {}, None])).encode())
        elif kind == 5:
            lines.append(b'{"id": "' + str(i).encode() + b'", "text": "unterminated')
        elif kind == 6:
            lines.append(bytes(rng.randrange(256) for _ in range(rng.randrange(60))).replace(b"\n", b""))
        else:
            lines.append(b"")
    return b"\n".join(lines) + b"\n"


def test_batch_on_random_jsonl_lines_writes_one_line_each_without_traceback(tmp_path):
    import warnings

    from hypothesis.errors import NonInteractiveExampleWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        data = _random_lines(12, 150)
    src = tmp_path / "in.jsonl"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    proc = _run(["batch", str(src), "-o", str(out), "-j", "2", "--time-limit", str(LIMIT), "--quiet"])
    elapsed = time.monotonic() - started
    _no_traceback(proc)
    assert proc.returncode in (0, 1), proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    nonblank = [line for line in data.split(b"\n") if line.strip()]
    assert len(records) == len(nonblank)  # every line that holds something has its record, in order
    assert elapsed < 60 + len(records) * 0.2, elapsed


@pytest.mark.parametrize("seed", range(3))
def test_clean_command_on_random_bytes_is_one_line_at_most(seed):
    """In-process (the batch test above runs the real process): whatever escapes the command
    other than its exit is a traceback the user would see."""
    import random

    from typer.testing import CliRunner

    from cleaner.cli.app import app

    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    for args in (["clean", "-"], ["clean", "-", "--html"], ["clean", "-", "--json", "--text"], ["diff", "-"]):
        started = time.monotonic()
        result = CliRunner().invoke(
            app, [*args, "--time-limit", str(LIMIT)] if args[0] == "clean" else args, input=data
        )
        assert time.monotonic() - started < 60
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 2), result.output
