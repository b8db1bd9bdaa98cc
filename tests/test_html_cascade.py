"""The HTML path's favor_recall cascade (``cleaner.html.bare._recall_cascade``) is trafilatura's
``trafilatura_sequence`` for those options, output for output, with the raw tree copied for
readability only when the comparison runs (issue 13); and the other cheaper forms of this round
(the short-extraction test counting only as far as its bound, a childless element rendered
without the walk) answer what the plain forms answer."""

from __future__ import annotations

import gzip
import html as html_lib
import json
from copy import copy as real_copy

import pytest
import trafilatura.core
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura.core import trafilatura_sequence
from trafilatura.settings import Extractor

from cleaner.html import bare as bare_mod
from cleaner.html.encoding import decode_html
from cleaner.html.fallback import SHORT_WORDS, is_short, words
from cleaner.html.parse import parse
from cleaner.html.render import _joined, _lines, _render
from cleaner.model import PARAGRAPH
from tests.conftest import SHARED_DATA

SENTENCE = "The council voted on the budget after a long debate about schools, roads and the new library. "


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Budget vote | Town News</title>{head}</head><body>{body}</body></html>"


def article(paragraphs: int) -> str:
    return page(
        "<nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul></nav>"
        "<article><h1>Budget vote</h1>"
        + "".join(f"<p>{SENTENCE * 3} Paragraph {i}.</p>" for i in range(paragraphs))
        + "</article><div id='comments'><p>Great article, thanks for writing it up so clearly!</p></div>"
        "<footer><p>Copyright Town News</p></footer>"
    )


LONG = article(12)  # past ten times MIN_EXTRACTED_SIZE: the comparison with readability is skipped
MEDIUM = article(5)  # under it: readability runs on a copy of the raw tree
SHORT = page("<p>Too short.</p>")  # under MIN_EXTRACTED_SIZE: the baseline rescue runs
NAV_ONLY = page("<ul>" + "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(30)) + "</ul>")
FORUM = page(
    "<div class='thread'>"
    + "".join(f"<div class='comment'><p>{SENTENCE} Post {i}.</p></div>" for i in range(8))
    + "</div>",
    '<script type="application/ld+json">' + json.dumps({"@type": "DiscussionForumPosting"}) + "</script>",
)
PAGES = (LONG, MEDIUM, SHORT, NAV_ONLY, FORUM, page(""))
URLS = (None, "https://news.example/2024/03/05/budget")


def _both(html: str, url: str | None) -> tuple[tuple, tuple]:
    options = Extractor(output_format="xml", recall=True, comments=False, url=url)
    theirs = trafilatura_sequence(parse(html), options, url)
    ours = bare_mod._recall_cascade(parse(html), options, url)
    return _out(theirs), _out(ours)


def _out(result: tuple) -> tuple:
    body, text, comments, comments_text = result
    return etree.tostring(body), text, etree.tostring(comments), comments_text


@pytest.mark.parametrize("html", PAGES)
@pytest.mark.parametrize("url", URLS)
def test_recall_cascade_is_trafilaturas(html, url):
    theirs, ours = _both(html, url)
    assert ours == theirs


def test_the_cascade_mirrored_is_the_installed_one():
    # trafilatura's cascade changed: compare _recall_cascade with the new trafilatura_sequence (and
    # compare_extraction's recall bypass), bring it in line, then record the new hash
    assert bare_mod.cascade_source_hash() == bare_mod._CASCADE_SHA256
    assert bare_mod._recall_cascade_usable()


def _copies(monkeypatch) -> list[object]:
    made: list[object] = []

    def counting(x):
        made.append(x)
        return real_copy(x)

    monkeypatch.setattr(trafilatura.core, "copy", counting)
    monkeypatch.setattr(bare_mod, "copy", counting)
    return made


@pytest.mark.parametrize(("html", "saved"), [(LONG, 1), (MEDIUM, 0), (SHORT, 0)])
def test_the_raw_tree_is_copied_only_for_the_comparison(monkeypatch, html, saved):
    made = _copies(monkeypatch)
    options = Extractor(output_format="xml", recall=True, comments=False)
    trafilatura_sequence(parse(html), options, None)
    n_theirs = len(made)
    made.clear()
    bare_mod._recall_cascade(parse(html), options, None)
    assert len(made) == n_theirs - saved


def test_body_uses_the_cascade_for_favor_recall_only(monkeypatch):
    calls: list[bool] = []
    real = bare_mod._recall_cascade
    monkeypatch.setattr(bare_mod, "_recall_cascade", lambda *a: calls.append(True) or real(*a))
    bare_mod.body(parse(LONG), None, True)
    assert calls == [True]
    bare_mod.body(parse(LONG), None, False)  # balanced mode (the retry escalates): trafilatura's own
    assert calls == [True]


def test_another_cascade_falls_back_to_trafilaturas(monkeypatch):
    expected = etree.tostring(bare_mod.body(parse(LONG), None, True))
    monkeypatch.setattr(bare_mod, "_CASCADE_SHA256", "0" * 64)
    bare_mod._recall_cascade_usable.cache_clear()
    try:
        assert not bare_mod._recall_cascade_usable()
        monkeypatch.setattr(bare_mod, "_recall_cascade", lambda *a: pytest.fail("the mirror ran"))
        assert etree.tostring(bare_mod.body(parse(LONG), None, True)) == expected
    finally:
        bare_mod._recall_cascade_usable.cache_clear()


def test_recall_cascade_on_dev_pages():
    """trafilatura's cascade and the mirror agree on a sample of every dev collection's pages."""
    checked = 0
    for collection in ("aeb-dev", "wcxb-dev", "naeb-dev"):
        folder = SHARED_DATA / collection / "html"
        if not folder.is_dir():
            continue
        truth = json.loads((SHARED_DATA / collection / "ground-truth.json").read_text(encoding="utf-8"))
        for pid in sorted(truth)[::20]:
            path = folder / f"{pid}.html.gz"
            if not path.exists():
                continue
            html = decode_html(gzip.decompress(path.read_bytes())).text
            if parse(html) is None:
                continue
            theirs, ours = _both(html, truth[pid].get("url") or None)
            assert ours == theirs, f"{collection}/{pid}"
            checked += 1
    if not checked:
        pytest.skip(f"no dev pages under {SHARED_DATA}")


# -- the short-extraction test, the childless element ------------------------------------------

_TEXTS = st.text(alphabet=st.sampled_from("ab 中文\n\t-"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXTS, st.integers(0, 60)), max_size=12))
def test_is_short_counts_as_far_as_its_bound(parts):
    blocks = [(PARAGRAPH, (text + " ") + "word " * n, 0) for text, n in parts]
    assert is_short(blocks) == (words(blocks) < SHORT_WORDS)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab &amp;;#x41 \n\t\u00a0<>é"), max_size=40),
    st.one_of(st.none(), st.text(alphabet="xy \n", max_size=5)),
    st.booleans(),
)
def test_a_childless_element_renders_as_the_walk_does(text, tail, skip_lists):
    el = etree.Element("p")
    el.text = text or None
    holder = etree.Element("body")
    holder.append(el)
    el.tail = tail or None
    assert _joined(el, skip_lists) == (el.text or "")
    ref = _joined(el, skip_lists)
    assert _render(el, skip_lists) == _render_by_walk(ref)


def _render_by_walk(joined: str) -> str:
    return _lines(html_lib.unescape(joined) if "&" in joined else joined)
