"""The HTML path's fallbacks when trafilatura's extraction went wrong (cleaner/html/fallback.py)."""

from __future__ import annotations

import importlib
import json

from cleaner import Cleaner
from cleaner.config import Config
from cleaner.html import default_rule_paths, extract, load_html_rules
from cleaner.html.fallback import (
    SHORT_WORDS,
    json_ld_body,
    json_ld_preferred,
    looks_like_script,
    prefer_default,
)
from cleaner.html.parse import parse
from cleaner.model import HEADING, PARAGRAPH

RULES = load_html_rules(default_rule_paths())
SENTENCE = "The council voted on the budget after a long debate about schools, roads and the new library. "
OTHER = "Subscribers get early access to tickets, a weekly letter and discounts in the museum shop. "


def p(text: str) -> tuple[str, str, int]:
    return (PARAGRAPH, text, 0)


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def tree(head: str = "", body: str = ""):
    return parse(f"<html><head><title>T</title>{head}</head><body>{body}</body></html>")


# -- the declared article body ------------------------------------------------------------


def test_json_ld_body_reads_article_body_as_paragraphs():
    t = tree(ld({"@type": "NewsArticle", "articleBody": "First paragraph.\n\nSecond paragraph."}))
    assert json_ld_body(t) == [p("First paragraph."), p("Second paragraph.")]


def test_json_ld_body_renders_markup_and_walks_graphs():
    body = "<p>First &amp; foremost.</p><p>Second<br>line.</p>"
    t = tree(ld({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"articleBody": body}]}))
    assert [text for _, text, _ in json_ld_body(t)] == ["First & foremost.", "Second", "line."]


def test_json_ld_body_each_body_once_and_bad_json_ignored():
    one = ld({"articleBody": "Same text."})
    bad = '<script type="application/ld+json">{"articleBody": "unterminated</script>'
    assert json_ld_body(tree(one + one + bad)) == [p("Same text.")]
    assert json_ld_body(tree(ld({"@type": "NewsArticle", "headline": "No body"}))) == []


def test_declared_body_replaces_an_extraction_mostly_not_in_it():
    declared = [p(SENTENCE * 8)]
    assert json_ld_preferred([p("By Jane Doe, December 21, 2023"), p("Year in review")], declared)
    # the extraction is in the declared body: kept, even when the body is longer
    assert not json_ld_preferred([p(SENTENCE * 4)], declared)
    # a declared body not clearly longer than the extraction (a teaser) never replaces it
    assert not json_ld_preferred([p(OTHER * 8)], declared)
    assert not json_ld_preferred([p("Short header")], [p("Too short a declared body to trust.")])


# -- favor_recall against the default extraction ------------------------------------------


def test_default_extraction_preferred_only_when_recall_is_short_and_default_much_longer():
    short = [p(SENTENCE)]
    long = [p(SENTENCE * 10)]
    assert prefer_default(short, long)
    assert not prefer_default(short, [p(SENTENCE * 2)])  # not twice as long
    assert not prefer_default([p(SENTENCE * (SHORT_WORDS // 10))], [p(SENTENCE * 100)])  # recall not short


def test_default_extraction_with_script_data_is_not_preferred():
    leaked = [p(SENTENCE), p('{"meta":{"blog":{"id":"11","name":"x","displayName":"X","properties":{"a":"b"}}}}' * 20)]
    assert looks_like_script(leaked)
    assert not looks_like_script([p(SENTENCE * 3 + ' She said "yes".')])
    assert not prefer_default([p(SENTENCE)], leaked)


# -- end to end ----------------------------------------------------------------------------


def test_page_whose_markup_hides_the_article_takes_the_declared_body():
    article = "\n\n".join(SENTENCE + f"Paragraph {i} adds detail on the vote." for i in range(8))
    head = ld({"@type": "NewsArticle", "headline": "Budget passes", "articleBody": article})
    # what the markup shows is a header and a box of other text: the article is rendered by script
    body = (
        f"<header><h1>Budget passes</h1><p>By Jane Doe, December 21, 2023</p></header><main><p>{OTHER * 6}</p></main>"
    )
    html = f"<html><head><title>Budget passes</title>{head}</head><body>{body}</body></html>"
    ex = extract(html, url=None, html_rules=RULES, config=Config())
    assert ex.source == "json-ld"
    assert [t for _, t, _ in ex.blocks if "Paragraph 7" in t]
    res = Cleaner(Config()).clean(html, html=True)
    assert "Paragraph 7 adds detail" in res.text
    assert dict(res.paths)["html"] == "json-ld"


def test_ordinary_page_keeps_trafilatura_and_says_so():
    paras = "".join(f"<p>{SENTENCE}Paragraph {i} adds detail on the vote.</p>" for i in range(8))
    html = f"<html><head><title>T</title></head><body><article><h1>Budget</h1>{paras}</article></body></html>"
    ex = extract(html, url=None, html_rules=RULES, config=Config())
    assert ex.source == "trafilatura"
    assert ex.blocks[0][0] in (HEADING, PARAGRAPH)
    res = Cleaner(Config()).clean(html, html=True)
    assert dict(res.paths)["html"] == "trafilatura"


def test_short_recall_extraction_is_replaced_by_a_much_longer_default_one(monkeypatch):
    ex_mod = importlib.import_module("cleaner.html.extract")  # the package exports a function of that name

    calls: list[bool] = []

    def fake(tree, url, favor_recall):
        calls.append(favor_recall)
        return [p(SENTENCE)] if favor_recall else [p(SENTENCE), p(SENTENCE * 5)]

    monkeypatch.setattr(ex_mod, "_extracted", fake)
    html = f"<html><head><title>T</title></head><body><p>{SENTENCE}</p></body></html>"
    ex = extract(html, url=None, html_rules=RULES, config=Config())
    assert calls == [True, False]
    assert ex.source == "trafilatura-default" and len(ex.blocks) == 2
    # favor_recall off: one extraction, nothing to compare
    calls.clear()
    ex = extract(html, url=None, html_rules=RULES, config=Config(favor_recall=False))
    assert calls == [False] and ex.source == "trafilatura"


def test_long_enough_recall_extraction_is_extracted_once(monkeypatch):
    ex_mod = importlib.import_module("cleaner.html.extract")  # the package exports a function of that name

    calls: list[bool] = []

    def fake(tree, url, favor_recall):
        calls.append(favor_recall)
        return [p(SENTENCE * 20)]

    monkeypatch.setattr(ex_mod, "_extracted", fake)
    ex = extract(f"<html><body><p>{SENTENCE}</p></body></html>", url=None, html_rules=RULES, config=Config())
    assert calls == [True] and ex.source == "trafilatura"
