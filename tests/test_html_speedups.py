"""The HTML path's cheaper forms answer exactly what the plain forms answer (issue 13): trafilatura's
extraction on the parsed tree itself (no copy), the page's JSON scripts found once for the
metadata readers and the declared body, JSON minified by splitting, and the rendered lines
joined without a regex per line."""

from __future__ import annotations

import json
import re

import trafilatura.core
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.metadata import JSON_MINIFY, examine_meta, extract_meta_json

from cleaner.config import Config
from cleaner.html import bare as bare_mod
from cleaner.html import extract
from cleaner.html.fallback import _LD_XP, json_ld_body
from cleaner.html.metadata import _json_date, _meta_json, _minify, json_scripts, page_metadata
from cleaner.html.page import title_texts
from cleaner.html.parse import parse
from cleaner.html.render import _lines

SENTENCE = "The council voted on the budget after a long debate about schools, roads and the new library. "


def ld(obj: object, kind: str = "application/ld+json") -> str:
    return f'<script type="{kind}">{json.dumps(obj, indent=2)}</script>'


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Budget vote | Town News</title>{head}</head><body>{body}</body></html>"


ARTICLE = page(
    "<nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul></nav>"
    "<article><h1>Budget vote</h1>" + "".join(f"<p>{SENTENCE * 3} Paragraph {i}.</p>" for i in range(6)) + "</article>"
    "<div id='comments'><p>Great article, thanks for writing it up so clearly!</p></div>"
    "<div class='infinite-scroll'><p>Another story entirely, appended below the article.</p></div>"
    "<footer><p>Copyright Town News</p></footer>",
    ld({"@type": "NewsArticle", "headline": "Budget vote", "datePublished": "2024-03-05T10:00:00Z"}),
)
SHORT = page("<p>Too short.</p>")
NAV_ONLY = page("<ul>" + "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(30)) + "</ul>")


def _xml(el: etree._Element | None) -> bytes | None:
    return None if el is None else etree.tostring(el)


def _reference(html: str, url: str | None, favor_recall: bool) -> bytes | None:
    doc = bare_extraction(parse(html), url=url, output_format="xml", include_comments=False, favor_recall=favor_recall)
    return _xml(getattr(doc, "body", None) if doc is not None else None)


# -- trafilatura on the tree itself -------------------------------------------------------


def test_extraction_in_place_is_bare_extractions():
    for html in (ARTICLE, SHORT, NAV_ONLY, page("")):
        for url in (None, "https://news.example/2024/03/05/budget"):
            for recall in (True, False):
                assert _xml(bare_mod.body(parse(html), url, recall)) == _reference(html, url, recall)


def test_extraction_in_place_prunes_the_tree_and_makes_one_copy_less(monkeypatch):
    copies: list[object] = []
    real_copy = trafilatura.core.copy
    monkeypatch.setattr(trafilatura.core, "copy", lambda x: copies.append(x) or real_copy(x))
    monkeypatch.setattr(bare_mod, "copy", lambda x: copies.append(x) or real_copy(x))  # the recall cascade's
    bare_mod._bare(parse(ARTICLE), None, True)
    n_bare = len(copies)
    copies.clear()
    tree = parse(ARTICLE)
    bare_mod.body(tree, None, True)
    assert len(copies) == n_bare - 1  # bare_extraction's copy of the tree it is given
    assert not tree.xpath("//div[@id='comments']")  # trafilatura pruned the tree itself


def test_a_fragments_element_is_extracted_on_a_copy():
    tree = etree.HTML(ARTICLE).find("body")  # not the document's root
    before = etree.tostring(tree)
    got = bare_mod.body(tree, None, True)
    assert etree.tostring(tree) == before
    doc = bare_extraction(tree, output_format="xml", include_comments=False, favor_recall=True)
    assert _xml(got) == _xml(doc.body if doc is not None else None)


def test_unknown_cascade_signature_falls_back_to_bare_extraction(monkeypatch):
    bare_mod._sequence.cache_clear()
    monkeypatch.setattr(trafilatura.core, "trafilatura_sequence", lambda tree, options: None)
    try:
        assert bare_mod._sequence() is None
        tree = parse(ARTICLE)
        assert _xml(bare_mod.body(tree, None, True)) == _reference(ARTICLE, None, True)
        assert tree.xpath("//div[@id='comments']")  # copied, as bare_extraction does
    finally:
        bare_mod._sequence.cache_clear()


def test_page_title_is_read_before_trafilatura_prunes_the_tree():
    # the page's only og:title sits in a comments box, which trafilatura prunes from the tree
    html = page(
        "<article><h2>Council passes the budget for next year</h2>"
        + "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(5))
        + "</article><div id='comments'><meta property='og:title' content='Council passes the budget for next year'>"
        "<p>A reader's comment.</p></div>"
    )
    assert "Council passes the budget for next year" in title_texts(parse(html))
    ex = extract(html, url=None, html_rules=(), config=Config())  # no HTML rule takes the box first
    assert [r.rule for r in ex.removals] == ["title.page-title"]
    assert not ex.blocks[0][1].startswith("Council passes")


# -- the page's JSON scripts found once ------------------------------------------------------


_SCRIPTS = (
    ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "Ann Lee"},
            "datePublished": "2024-03-05",
        }
    )
    + ld({"siteName": "Town News"}, "application/settings+json")
    + ld({"@type": "Thing"}, "text/javascript")
    + '<script type="application/ld+json">{"headline": "Bad JSON", </script>'
    + '<script type="application/ld+json"></script>'
)


def test_json_scripts_are_the_readers_xpath():
    for html in (ARTICLE, page(f"<div>{_SCRIPTS}</div>", _SCRIPTS), page("<p>No scripts.</p>")):
        tree = parse(html)
        found = tree.xpath('.//script[@type="application/ld+json" or @type="application/settings+json"]')
        assert json_scripts(tree) == found
        assert json_ld_body(tree, json_scripts(tree)) == json_ld_body(tree)
        assert [e for e in json_scripts(tree) if e.get("type") == "application/ld+json"] == _LD_XP(tree)


def _fields(doc: object) -> dict[str, object]:
    return {k: v for k, v in doc.as_dict().items() if not isinstance(v, etree._Element)}  # type: ignore[attr-defined]


def test_metadata_from_the_scripts_found_once_is_trafilaturas_and_htmldates():
    from htmldate.extractors import json_search
    from htmldate.utils import Extractor
    from htmldate.validators import get_max_date, get_min_date

    options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    for html in (ARTICLE, page("<p>x</p>", _SCRIPTS), page("<p>x</p>")):
        tree = parse(html)
        scripts = json_scripts(tree)
        mine, theirs = _meta_json(scripts, examine_meta(tree)), extract_meta_json(tree, examine_meta(tree))
        assert _fields(mine) == _fields(theirs)
        assert _json_date(scripts, options) == json_search(tree, options)
        assert page_metadata(tree, None, scripts) == page_metadata(tree, None)
    got = page_metadata(parse(page("<p>x</p>", _SCRIPTS)), None)
    assert (got.author, got.date) == ("Ann Lee", "2024-03-05")


_JSONISH = st.text(alphabet=st.sampled_from(list('"\\ \t\n\r\x0b\x0c\x1c\u00a0\u2028ab{}:,[]')), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_JSONISH)
def test_minify_is_trafilaturas(text):
    assert _minify(text) == JSON_MINIFY.sub(r"\1", text)


# -- rendered lines ---------------------------------------------------------------------------

_WS = re.compile(r"[^\S\n]+")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2000\u2028\u3000ab")), max_size=40))
def test_lines_are_the_regex_form(text):
    lines = (_WS.sub(" ", line).strip() for line in text.split("\n"))
    assert _lines(text) == "\n".join(line for line in lines if line)
