"""The HTML stage on the shared benchmark pages (skipped when ../shared/data is absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "aeb-dev"

pytestmark = pytest.mark.skipif(not (DATA / "ground-truth.json").exists(), reason=f"benchmark data not found at {DATA}")


@pytest.fixture(scope="module")
def pages():
    sys.path.insert(0, str(ROOT))
    from bench.aeb import load_pages

    return load_pages(DATA)[::4]  # a quarter of the pages keeps the test quick


def test_measure_on_identical_text():
    sys.path.insert(0, str(ROOT))
    from bench.measure import aggregate, score

    s = score("one two three four five", "one two three four five")
    assert (s.tp, s.fp, s.fn, s.exact) == (1.0, 0.0, 0.0, True)
    s = score("one two three four five six", "one two three four five")
    assert s.exact is False and s.precision == pytest.approx(2 / 3)
    assert aggregate([s]).recall == 1.0


def test_html_stage_keeps_recall_and_lifts_precision(pages):
    import trafilatura

    from bench.measure import aggregate, score
    from cleaner.config import Config
    from cleaner.html import default_rule_paths, extract, load_html_rules

    rules = load_html_rules(default_rule_paths())
    ours, theirs = [], []
    for _pid, url, truth, data in pages:
        ex = extract(data, url=url or None, html_rules=rules, config=Config())
        assert ex.info.encoding_source in ("meta", "utf-8", "bom", "detected")
        ours.append(score("\n\n".join(t for _, t, _ in ex.blocks), truth))
        theirs.append(score(trafilatura.extract(data, url=url or None), truth))
    a, b = aggregate(theirs), aggregate(ours)
    assert b.recall >= a.recall - 0.005
    assert b.precision >= a.precision


def test_parse_matches_trafilatura_load_html_on_real_pages(pages):
    """The copied load_html steps build the same tree as trafilatura's own on real pages."""
    from lxml import etree
    from trafilatura.utils import load_html

    from cleaner.html.encoding import decode_html
    from cleaner.html.parse import _load_html

    for pid, _url, _truth, data in pages:
        text = decode_html(data).text
        ours, theirs = _load_html(text), load_html(text)
        assert (ours is None) == (theirs is None), pid
        if ours is not None:
            assert etree.tostring(ours) == etree.tostring(theirs), pid
