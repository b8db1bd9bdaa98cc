"""A decider's confidence is tunable in the configuration: rules, heuristics and the HTML stage alike."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config
from cleaner.errors import ConfigError
from cleaner.project_config import load_project_config

BODY = "The council voted on the budget after a long debate about schools and roads."
PARA = f"<p>{BODY} {BODY}</p>"


def _ids(removals):
    return [r.rule for r in removals]


def test_a_rule_given_a_low_confidence_becomes_a_candidate():
    text = f"{BODY}\n\nAlso Read: Mayor Resigns After Funding Row\n\n{BODY}"
    assert "promo.also-read" in _ids(Cleaner(Config(time_limit=0)).clean(text, lang="en").removed)
    out = Cleaner(Config(time_limit=0, confidence={"promo.also-read": 0.3})).clean(text, lang="en")
    assert "Also Read" in out.text and "promo.also-read" not in _ids(out.removed)
    assert [r.confidence for r in out.candidates if r.rule == "promo.also-read"] == [0.3]


def test_the_longest_prefix_wins():
    cfg = Config(confidence={"promo": 0.2, "promo.also-read": 0.95})
    assert cfg.confidence_of("promo.also-read", 0.9) == 0.95
    assert cfg.confidence_of("promo.read-more", 0.9) == 0.2
    assert cfg.confidence_of("credit.image", 0.9) == 0.9


def test_a_heuristic_given_a_low_confidence_becomes_a_candidate():
    text = f"{BODY}\n\n{BODY} The minister said the plan would take a decade to fin… [+3777 chars]"
    base = Cleaner(Config(time_limit=0)).clean(text, lang="en")
    assert "truncation.snippet-limit" in _ids(base.removed)
    out = Cleaner(Config(time_limit=0, confidence={"truncation.snippet-limit": 0.1})).clean(text, lang="en")
    assert "[+3777 chars]" in out.text
    assert "truncation.snippet-limit" in _ids(out.candidates)


def test_html_heuristics_and_rules_follow_the_configured_confidence():
    page = (
        "<html><head><title>Council Passes Budget | The Ledger</title></head><body><article>"
        "<h1>Council Passes Budget</h1>" + PARA * 4 + "<div class='share-buttons'>Share on Facebook</div>"
        "</article></body></html>"
    )
    base = Cleaner(Config(time_limit=0)).clean(page, html=True)
    assert {"title.page-title", "share.widget"} <= set(_ids(base.removed))
    out = Cleaner(Config(time_limit=0, confidence={"title": 0.2, "headline.linked": 0.9})).clean(page, html=True)
    assert out.text.startswith("Council Passes Budget")
    assert "title.page-title" in _ids(out.candidates) and "share.widget" in _ids(out.removed)
    # an HTML rule below min_confidence is not applied at all
    out = Cleaner(Config(time_limit=0, confidence={"share.widget": 0.1})).clean(page, html=True)
    assert "share.widget" not in _ids(out.removed)


def test_a_link_list_below_min_confidence_stays_in_the_page():
    from lxml import html as lxml_html

    from cleaner.html.page import linked_headlines

    links = "".join(f"<li><a href='/s{i}'>Another Story About The Harbour Number {i}</a></li>" for i in range(3))
    page = f"<html><body><article>{PARA}<ul>{links}</ul></article></body></html>"
    tree = lxml_html.fromstring(page)
    found = linked_headlines(tree, Config(confidence={"related.link-list": 0.2}))
    assert [(r.rule, r.confidence) for r in found] == [("related.link-list", 0.2)]
    assert len(tree.findall(".//ul")) == 1  # reported, not dropped
    tree = lxml_html.fromstring(page)
    assert _ids(linked_headlines(tree, Config())) == ["related.link-list"]
    assert not tree.findall(".//ul")


@pytest.mark.parametrize("value", [{"promo": 2}, {"promo": "high"}, [("promo",)]])
def test_bad_values_are_one_line_errors(value):
    with pytest.raises(ConfigError) as info:
        Config(confidence=value)
    assert "\n" not in str(info.value)


def test_an_unknown_id_is_an_error_naming_near_matches():
    with pytest.raises(ConfigError, match="promo.also-read"):
        Cleaner(Config(confidence={"promo.also-raed": 0.3}))


def test_configuration_file_key(tmp_path):
    (tmp_path / "cleaner.toml").write_text('[confidence]\n"promo.also-read" = 0.3\n', encoding="utf-8")
    project = load_project_config(tmp_path / "cleaner.toml")
    assert project.to_config().confidence_of("promo.also-read", 0.9) == 0.3
    (tmp_path / "cleaner.toml").write_text('[confidence]\n"promo.also-read" = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="confidence"):
        load_project_config(tmp_path / "cleaner.toml")
