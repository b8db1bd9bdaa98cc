"""HTML input: encodings, block kinds, HTML rules and their examples, site packs, hostile input."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.errors import RuleFileError
from cleaner.html import (
    Extracted,
    default_rule_paths,
    example_matches,
    extract,
    load_html_rules,
    looks_like_html,
    rules_for_url,
)
from cleaner.html.encoding import declared_charset, decode_html
from cleaner.html.rules import compile_selector, host_matches, match, selected_by
from cleaner.model import BLOCK_KINDS

RULES = load_html_rules(default_rule_paths())
CFG = Config()
PARA = "<p>" + "The council voted on the budget after a long debate about schools and roads. " * 4 + "</p>"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>T</title>{head}</head><body>{body}</body></html>"


def run(data: str | bytes, url: str | None = None, rules=RULES, config: Config = CFG) -> Extracted:
    return extract(data, url=url, html_rules=rules, config=config)


def texts(ex: Extracted) -> str:
    return "\n".join(t for _, t, _ in ex.blocks)


# --- encodings ----------------------------------------------------------------------------

WORDS = "Ça coûte très cher, déjà vu à Zürich. "


def test_utf8_bom():
    d = decode_html(codecs.BOM_UTF8 + page(PARA + WORDS).encode("utf-8"))
    assert (d.encoding, d.source) == ("utf-8", "bom")
    assert WORDS in d.text and not d.text.startswith("\ufeff")


def test_utf16_bom():
    d = decode_html(page(WORDS).encode("utf-16"))
    assert d.source == "bom" and d.encoding.startswith("utf-16")
    assert WORDS in d.text


def test_meta_charset():
    html = page(f"<article>{PARA}<p>{WORDS}</p></article>", "<meta charset='windows-1252'>").encode("cp1252")
    ex = run(html)
    assert (ex.info.encoding, ex.info.encoding_source) == ("cp1252", "meta")
    assert WORDS.strip() in texts(ex)


def test_http_equiv_charset():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    word = "Привет, мир, это статья о городе. "
    d = decode_html(page(word, head).encode("koi8-r"))
    assert (d.encoding, d.source) == ("koi8-r", "meta")
    assert word in d.text


def test_latin1_label_means_windows_1252():
    assert declared_charset(b'<meta charset="ISO-8859-1">') == "cp1252"


def test_stale_legacy_declaration_on_utf8_bytes():
    d = decode_html(page(WORDS, "<meta charset='iso-8859-1'>").encode("utf-8"))
    assert (d.encoding, d.source) == ("utf-8", "utf-8")
    assert WORDS in d.text


def test_undeclared_utf8():
    d = decode_html(page(WORDS).encode("utf-8"))
    assert (d.encoding, d.source) == ("utf-8", "utf-8")


def test_undeclared_legacy_bytes_are_detected():
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 20
    d = decode_html(page(text).encode("cp1251"))
    assert d.source == "detected"
    assert "французских" in d.text


def test_undetectable_bytes_do_not_raise():
    ex = run(bytes(range(256)) * 50)
    assert ex.blocks == () and ex.error
    assert ex.info.kind == "html"


def test_str_input_is_given():
    ex = run(page(f"<article>{PARA}</article>"))
    assert (ex.info.encoding, ex.info.encoding_source) == ("str", "given")


# --- sniffing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,name,expected",
    [
        ("<!DOCTYPE html><html><body>x</body></html>", None, True),
        (b"\xef\xbb\xbf<html><head><title>x</title></head></html>", None, True),
        ("  <div class='a'><p>text</p></div>", None, True),
        ("Plain text that mentions <b> once.", None, False),
        ("Just an article.\n\nSecond paragraph.", None, False),
        ("Just text", "page.HTML", True),
        ("Just text", "notes.txt", False),
    ],
)
def test_looks_like_html(data, name, expected):
    assert looks_like_html(data, name) is expected


# --- blocks -------------------------------------------------------------------------------


def test_block_kinds_and_levels():
    body = (
        "<article><h1>Main title of the piece</h1>"
        + PARA
        + "<h2>A section head</h2>"
        + PARA
        + "<ul><li>First point made here</li><li>Second point <b>made</b> here<ul><li>Nested point</li></ul></li></ul>"
        + "<blockquote><p>A quoted line one.</p><p>Quoted line two.</p></blockquote>"
        + "<p>Line one<br>line two</p>"
        + PARA
        + "</article>"
    )
    ex = run(page(body))
    assert ex.error is None
    kinds = [(k, t, lvl) for k, t, lvl in ex.blocks]
    assert all(k in BLOCK_KINDS for k, _, _ in kinds)
    assert ("heading", "Main title of the piece", 1) in kinds
    assert ("heading", "A section head", 2) in kinds
    assert ("list_item", "First point made here", 0) in kinds
    assert ("list_item", "Second point made here", 0) in kinds
    assert ("list_item", "Nested point", 0) in kinds
    assert ("quote", "A quoted line one.\nQuoted line two.", 0) in kinds
    assert ("paragraph", "Line one\nline two", 0) in kinds
    for _, t, _ in kinds:
        assert "<" not in t and t == t.strip()


def test_title_is_reported():
    ex = run(page(f"<article>{PARA}</article>", "<meta property='og:title' content='The Og Title'>"))
    assert ex.title == "The Og Title"


# --- HTML rules ---------------------------------------------------------------------------


def test_shipped_rules_load():
    assert RULES, "no HTML rules shipped"
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert "." in r.id and r.reason and r.selectors and 0 < r.confidence <= 1
        assert r.examples_strip, f"{r.id} has no strip example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule):
    for snippet in rule.examples_strip:
        assert example_matches(rule, snippet), f"{rule.id} should strip: {snippet}"
    for snippet in rule.examples_keep:
        assert not example_matches(rule, snippet), f"{rule.id} should keep: {snippet}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_selector_is_exercised_by_a_strip_example(rule):
    """A selector no example exercises is untested: a typo in it would go unnoticed."""
    exercised = set().union(*(selected_by(rule, s) for s in rule.examples_strip))
    missing = [css for css in rule.selectors if css not in exercised]
    assert not missing, f"{rule.id}: no strip example selected by {missing}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_keep_examples_untouched_by_every_rule(rule):
    """A keep example must survive the whole generic rule set, not only its own rule."""
    from lxml import html as lxml_html

    generic = [r for r in RULES if r.site is None]
    for snippet in rule.examples_keep:
        frag = lxml_html.fragment_fromstring(f"<div>{snippet}</div>")
        hits = [(el.tag, r.id, css) for el, r, css in match(frag, generic)]
        assert not hits, f"{rule.id} keep example hit by {hits}"


def test_removals_are_recorded_and_article_kept():
    body = (
        "<article>"
        + PARA
        + "<div class='share-buttons'>Share on Facebook</div>"
        + "<div class='related-articles'><h3>Related</h3><a href='/x'>Another story entirely</a></div>"
        + PARA
        + "<div id='comments'><p>First! Great post, thanks.</p></div></article>"
    )
    ex = run(page(body), url="https://www.example.com/story")
    got = {r.rule: r for r in ex.removals}
    assert {"share.widget", "promo.related-box", "comments.section"} <= set(got)
    r = got["share.widget"]
    assert r.stage == "html" and r.start is None and r.end is None
    assert r.selector and r.text == "Share on Facebook" and r.reason and r.source.endswith("#share.widget")
    out = texts(ex)
    assert "Share on Facebook" not in out and "Another story" not in out
    assert "council voted" in out


def test_tail_text_survives_removal():
    body = f"<article>{PARA}<p>Before <span class='share-icon'>share</span> after the icon.</p>{PARA}</article>"
    ex = run(page(body))
    assert "Before after the icon." in texts(ex)


def test_guard_keeps_wrapper_holding_the_article():
    body = f"<div class='recent-posts-wrapper'><h1>Headline</h1>{PARA * 3}</div>"
    ex = run(page(body))
    assert "council voted" in texts(ex)


NAV = "<ul>" + "<li><a href='/x'>Section link number one here</a></li>" * 60 + "</ul>"
OTHER = "<p>" + "Another paragraph of the page that says other things about the town's parks. " * 3 + "</p>"


def test_main_text_guard_holds_a_share_of_the_paragraph_words_and_reports_it():
    # A widget class on a container of a third of the paragraphs: the 40%-of-visible-text guard
    # would let it go (the navigation is most of the page's text); the main-text guard keeps it.
    body = f"{NAV}<article><div class='share-story'>{PARA}</div>{OTHER * 2}</article>{NAV}"
    ex = run(page(body))
    assert "council voted" in texts(ex)
    assert not any(r.rule == "share.widget" for r in ex.removals)
    held = [r for r in ex.held if r.rule == "share.widget"]
    assert held and "guard.main-text" in held[0].reason and "paragraph words" in held[0].reason


def test_main_text_guard_keeps_the_headline_container():
    body = f"{NAV}<div class='share-wrapper'><h1>Town budget passes</h1>{PARA}</div>{OTHER * 6}"
    ex = run(page(body))
    assert "council voted" in texts(ex)
    assert any("headline" in r.reason for r in ex.held)


def test_main_text_guard_lets_a_real_widget_go():
    body = f"<article>{PARA * 3}<div class='share-buttons'><p>Share this story with your friends on Facebook and X today</p></div></article>"
    ex = run(page(body))
    assert any(r.rule == "share.widget" for r in ex.removals) and not ex.held


def test_held_elements_are_candidates_in_the_record():
    from cleaner import clean

    body = f"{NAV}<article><div class='share-story'>{PARA}</div>{OTHER * 2}</article>{NAV}"
    res = clean(page(body), html=True)
    assert "council voted" in res.text
    cands = [c for c in res.to_dict()["candidates"] if c["rule"] == "share.widget"]
    assert cands and cands[0]["stage"] == "html" and "guard.main-text" in cands[0]["reason"]


def test_select_and_ignore():
    body = f"<article>{PARA}<div class='share-buttons'>Share on Facebook</div>{PARA}</article>"
    ex = run(page(body), config=Config(ignore=("share",)))
    assert not any(r.rule.startswith("share.") for r in ex.removals)
    ex = run(page(body), config=Config(select=("comments",)))
    assert not ex.removals


# --- site packs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host,expected",
    [
        ("reuters.com", True),
        ("www.reuters.com", True),
        ("uk.reuters.com", True),
        ("notreuters.com", False),
        ("reuters.com.evil.net", False),
        (None, False),
    ],
)
def test_host_matches(host, expected):
    assert host_matches("reuters.com", host) is expected


def test_rules_for_url_adds_site_packs_for_host_and_parents():
    site = {r.id for r in RULES if r.site == "reuters.com"}
    assert site
    generic = {r.id for r in RULES if r.site is None}
    for url in ("https://www.reuters.com/article/x", "https://uk.reuters.com/a", "reuters.com/b"):
        ids = {r.id for r in rules_for_url(RULES, url)}
        assert site <= ids and generic <= ids
    for url in (None, "https://example.com/", "https://notreuters.com/x", "not a url"):
        ids = {r.id for r in rules_for_url(RULES, url)}
        assert not (site & ids) and generic <= ids


def test_site_pack_applies_only_on_its_site():
    body = f"<article>{PARA}<div class='Attribution_container'><p>Reporting by Someone Else</p></div></article>"
    on = run(page(body), url="https://www.reuters.com/article/x")
    off = run(page(body), url="https://www.example.com/article/x")
    assert any(r.rule == "credit.reuters-attribution" for r in on.removals)
    assert not any(r.rule == "credit.reuters-attribution" for r in off.removals)


# --- rule files ---------------------------------------------------------------------------


def _write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_site_pack_without_site_key_takes_file_name(tmp_path):
    d = tmp_path / "sites"
    d.mkdir()
    _write(
        d,
        "rules:\n  - id: ad.x\n    category: ad\n    reason: r\n    selectors: ['.x']\n    examples: {strip: ['<p class=x>a</p>']}\n",
        "news.example.org.yaml",
    )
    (r,) = load_html_rules([d])
    assert r.site == "news.example.org"


@pytest.mark.parametrize(
    "text,key",
    [
        ("rules: [", None),
        ("rules:\n  - id: ad.b\n    category: ad\n    reason: r\n    selectors: ['div[']\n", "selectors"),
        ("rules:\n  - id: ad.b\n    category: ad\n    selectors: ['.x']\n", "reason"),
        ("rules:\n  - id: ad.b\n    category: ad\n    reason: r\n", "regex"),  # needs regex, phrases or selectors
        (
            "rules:\n  - id: ad.b\n    category: ad\n    reason: r\n    selectors: ['.x']\n    confidence: 2\n",
            "confidence",
        ),
        ("rules:\n  - id: ad.b\n    category: ad\n    reason: r\n    selectors: ['.x']\n    colour: red\n", "colour"),
        ("rules:\n  - id: ad.b\n    category: ad\n    reason: r\n    selectors: ['.x']\n    scope: block\n", "scope"),
        ("rules: {}\n", "rules"),
    ],
)
def test_malformed_rule_files(tmp_path, text, key):
    p = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as err:
        load_html_rules([p])
    assert str(p) in str(err.value)
    assert err.value.key == key


def test_compile_selector_combinators_and_pseudo():
    assert compile_selector("div.a").simple == ("div", (("class", "~=", "a"),))
    assert compile_selector("aside .x").simple is None
    with pytest.raises(ValueError):
        compile_selector("p::first-line")


def test_combinator_selector_matches(tmp_path):
    p = _write(
        tmp_path,
        "rules:\n  - id: credit.fig\n    category: credit\n    reason: r\n    selectors: ['figure .credit']\n"
        "    examples: {strip: ['<figure><span class=credit>AP</span></figure>']}\n",
    )
    (rule,) = load_html_rules([p])
    # an example is stripped when the rule selects an element in it (here the span, not the figure)
    assert example_matches(rule, "<figure><span class='credit'>AP</span></figure>") is True
    assert example_matches(rule, "<div><span class='credit'>AP</span></div>") is False
    body = f"<article>{PARA}<figure><img src='a.jpg'><span class='credit'>Photo: AP</span></figure>{PARA}</article>"
    ex = run(page(body), rules=[rule])
    assert [r.text for r in ex.removals] == ["Photo: AP"]


# --- failures and hostile input -------------------------------------------------------------


def test_unextractable_page_gives_error_not_exception():
    ex = run(page("<script>var x = 1;</script><style>p {}</style>"))
    assert ex.blocks == () and ex.error
    ex = run(b"")
    assert ex.blocks == () and ex.error


def test_too_large_input():
    ex = run("<p>x</p>" * 100, config=Config(max_input_chars=100))
    assert ex.blocks == () and "too large" in (ex.error or "")


HOSTILE = {
    "deep-nesting": "<html><body>" + "<div>" * 100_000 + PARA + "</div>" * 100_000 + "</body></html>",
    "deep-unclosed": "<html><body>" + "<div class='share-x'><span>" * 50_000 + PARA,
    "broken": "<html><body><p>Unclosed <b>bold <i>it</b> text</p><div><p>"
    + PARA
    + "</span></td></html></html><<<>>>&#xffffff;",
    "all-script": "<html><head><script>"
    + "var a=1;" * 100_000
    + "</script></head><body><script>x()</script></body></html>",
    "nul-bytes": "<html><body>\x00\x00" + PARA + "</body></html>",
    "attribute-flood": "<html><body><div "
    + " ".join(f"data-a{i}='share-{i}'" for i in range(20_000))
    + ">"
    + PARA
    + "</div></body></html>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_html_returns_quickly(name):
    t0 = time.perf_counter()
    ex = run(HOSTILE[name], url="https://www.example.com/a")
    assert time.perf_counter() - t0 < 20
    assert isinstance(ex, Extracted)
    assert ex.blocks or ex.error


def test_twenty_megabytes_within_seconds():
    big = "<html><body><article>" + PARA * (20_000_000 // len(PARA)) + "</article></body></html>"
    t0 = time.perf_counter()
    ex = run(big.encode("utf-8"))
    assert time.perf_counter() - t0 < 60
    assert ex.blocks or ex.error


def test_nested_matches_are_removed_and_recorded_once():
    from cleaner import Cleaner

    html = (
        "<html><body><article><p>The council approved the budget on Monday after a long debate about roads.</p>"
        "<div class='share-buttons'><div class='share-buttons'>Share on Facebook</div></div>"
        "<p>The mayor said the plan would take effect in July, after a final review by the board.</p>"
        "</article></body></html>"
    )
    html_removals = [r for r in Cleaner().clean(html, html=True).removed if r.stage == "html"]
    assert len(html_removals) == 1 and html_removals[0].text == "Share on Facebook"


def test_html_normalization_is_recorded_once_and_replays():
    """ftfy runs once on the extracted text; its recorded steps turn that text into what the
    record restores, and the blocks keep their kinds."""
    from cleaner import Cleaner, restore
    from cleaner.blocks import from_parts
    from cleaner.normalize import replay

    mojibake = "<p>The caf\u00c3\u00a9 on the corner reopened this week after a long renovation, its owners said on Monday.</p>"
    page = f"<html><body><article><h2>What Changed</h2>{PARA}{mojibake}{PARA}</article></body></html>"
    result = Cleaner().clean(page, html=True)
    raw, _ = from_parts(extract(page, url=None, html_rules=RULES, config=CFG).blocks)
    assert dict(result.paths)["normalize"] == "ftfy" and result.normalization
    assert "caf\u00e9 on the corner" in result.text and "\u00c3" not in result.text
    assert replay(raw, result.normalization) == restore(result)
    assert [b.kind for b in result.blocks][:1] == ["heading"]


def test_html_normalization_that_splits_a_block_falls_back_per_block():
    from cleaner.blocks import from_parts
    from cleaner.pipeline import _normalize_parts

    raw, blocks = from_parts([("heading", "Title", 2), ("paragraph", "One line\u2029\u2029two lines", 0)])
    text, again, steps, path = _normalize_parts(raw, blocks)
    assert path == "ftfy-blocks" and steps == ()
    assert [b.kind for b in again] == ["heading", "paragraph"] and text == "Title\n\nOne line\n\ntwo lines"


GERMAN = (
    "<p>" + "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im nächsten Jahr gebaut wird. " * 4 + "</p>"
)


@pytest.mark.parametrize(
    ("attr", "code", "path"),
    [
        ('lang="de-AT"', "de", "declared"),  # a non-English declaration replaces the model
        ('xml:lang="de"', "de", "declared"),
        ('lang="DE_de"', "de", "declared"),
        ('lang="en"', "de", "py3langid"),  # a page that says English but fails the stop-word check
        ('lang="en-US"', "de", "py3langid"),
        ('lang="not a tag!"', "de", "py3langid"),
        ("", "de", "py3langid"),
    ],
)
def test_declared_page_language(attr: str, code: str, path: str):
    from cleaner import Cleaner

    page = f"<html {attr}><body><article>{GERMAN}{GERMAN}</article></body></html>"
    result = Cleaner().clean(page, html=True)
    assert (result.lang.code, result.lang.path) == (code, path)


def test_english_text_wins_over_a_wrong_declaration():
    from cleaner import Cleaner

    result = Cleaner().clean(f'<html lang="fr"><body><article>{PARA}{PARA}</article></body></html>', html=True)
    assert (result.lang.code, result.lang.path) == ("en", "stopwords")


DRIFT_CASES = [
    f"<html><head><title>T</title></head><body><article>{PARA}</article></body></html>",
    f'<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p>{PARA}</body></html>',  # encoding declaration
    "<p>a bare fragment</p>",
    "just text, no markup at all",
    f"<html><body><div><p>unclosed {PARA}<div><span>deep</body>",
    f"<!DOCTYPE html><html lang='de'><body><!-- comment --><?pi x?>{GERMAN}</body></html>",
]


@pytest.mark.parametrize("page", DRIFT_CASES)
def test_parse_matches_trafilatura_load_html(page):
    """cleaner.html.parse copies trafilatura's load_html steps (to set a faster element-class
    lookup): the tree must come out the same, so a trafilatura upgrade that changes them shows here."""
    from lxml import etree
    from trafilatura.utils import load_html

    from cleaner.html.parse import _load_html

    ours, theirs = _load_html(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)


CONSENT = (
    "<div class='wt-cli-cookie-bar-container'><p>We use cookies on our website to give you the most relevant "
    "experience by remembering your preferences and repeat visits.</p>"
    "<div class='cli-tab-section'><p>Analytical cookies are used to understand how visitors interact with the "
    "website.</p></div></div>"
)


def test_cookie_consent_dialog_goes_and_the_article_stays():
    ex = run(page(f"<article>{PARA * 3}</article>{CONSENT}"))
    assert any(r.rule == "widget.cookie-consent" for r in ex.removals)
    out = texts(ex)
    assert "council voted" in out and "Analytical cookies" not in out


def test_cookie_consent_rule_spares_a_body_class_and_an_article_named_after_cookies():
    # "cookies-not-set" on <body> is not a consent dialog; a recipe's wrapper holding the article is guarded
    body = f"<div class='cookie-recipe-card'><h1>Oat cookies</h1>{PARA * 3}</div>"
    html = page(body).replace("<body>", "<body class='cookies-not-set'>")
    ex = run(html)
    assert "council voted" in texts(ex)
    assert not any(r.rule == "widget.cookie-consent" for r in ex.removals)
