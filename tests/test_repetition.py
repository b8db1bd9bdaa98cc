"""Site-level repetition: counting hashes per site, thresholds, the decider, memory, the API."""

from __future__ import annotations

import pickle
import random

import pytest

from cleaner import Cleaner, Config
from cleaner.errors import CleanerError
from cleaner.repetition import (
    Boilerplate,
    Doc,
    RepeatSettings,
    SiteCounts,
    block_key,
    count_docs,
    record_site,
    site_from_url,
    two_pass,
)
from tests.repetition_corpus import BOX_B, FOOTER_A, LONG_A, RARE_B, corpus, sentence


def docs(records: list[dict[str, str]]) -> list[Doc]:
    return [Doc(r["text"], id=r["id"], url=r["url"], lang="en") for r in records]


def removed_by_site_rule(result) -> list[str]:
    return [r.text.strip() for r in result.removed if r.rule == "repeat.site"]


def test_footer_and_box_go_long_sentence_and_rare_line_stay():
    records = corpus()
    results = list(two_pass(docs(records)))
    assert len(results) == len(records)
    for rec, res in zip(records, results, strict=True):
        gone = removed_by_site_rule(res)
        if rec["id"].startswith("a"):
            assert gone == [FOOTER_A]
            assert LONG_A in res.text
            (r,) = [r for r in res.removed if r.rule == "repeat.site"]
            assert r.category == "repeat"
            assert r.reason == "appears in 15 of 15 documents from a.example.com"
            assert r.confidence == pytest.approx(0.95)
        else:
            assert gone == ([BOX_B] if BOX_B in rec["text"] else [])
            assert RARE_B not in gone
            if RARE_B in rec["text"]:
                assert RARE_B in res.text
    b0 = next(r for r, rec in zip(results, records, strict=True) if rec["id"] == "b0")
    (r,) = [r for r in b0.removed if r.rule == "repeat.site"]
    assert r.reason == "appears in 6 of 15 documents from b.example.org"
    assert r.confidence == pytest.approx(0.75)


def test_single_documents_are_unaffected_without_the_table():
    rec = corpus()[0]
    res = Cleaner(Config(lang="en")).clean(rec["text"], url=rec["url"], site="a.example.com")
    assert not removed_by_site_rule(res)
    assert FOOTER_A in res.text


def test_thresholds():
    records = corpus()
    # min_docs above the box's 6 documents: only site A's footer goes
    cfg = Config(repetition=RepeatSettings(min_docs=7))
    assert not any(BOX_B in removed_by_site_rule(r) for r in two_pass(docs(records), cfg))
    # min_share above 6/15 = 40%: the box stays too
    cfg = Config(repetition=RepeatSettings(min_share=0.5))
    results = list(two_pass(docs(records), cfg))
    assert not any(BOX_B in removed_by_site_rule(r) for r in results)
    assert all(FOOTER_A in removed_by_site_rule(r) for r in results[:15])
    # a site with fewer documents than min_site_docs is never touched
    cfg = Config(repetition=RepeatSettings(min_site_docs=16))
    assert not any(removed_by_site_rule(r) for r in two_pass(docs(records), cfg))
    # max_words: the 50-word sentence becomes countable when the bound is raised
    cfg = Config(repetition=RepeatSettings(max_words=60))
    first = next(iter(two_pass(docs(records), cfg)))
    assert LONG_A in removed_by_site_rule(first)


def test_exact_duplicates_count_once_and_near_copies_are_left_alone():
    rec = corpus()[0]
    same = [Doc(rec["text"], url=f"https://c.example.net/{i}", lang="en") for i in range(12)]
    counts = count_docs(same, Cleaner())
    assert counts.site_docs == {"c.example.net": 1}
    # twelve updates of one story told in short paragraphs, differing in the title line only:
    # everything but the title "repeats", more than half of each document, so nothing goes
    rng = random.Random(3)
    body = "\n\n".join(sentence(rng) for _ in range(6))
    near = [Doc(f"Update {i} on the harbour\n\n{body}\n", url=f"https://c.example.net/{i}") for i in range(12)]
    assert not any(removed_by_site_rule(r) for r in two_pass(near, Config(lang="en")))
    unguarded = Config(lang="en", repetition=RepeatSettings(max_doc_share=1.0))
    assert all(len(removed_by_site_rule(r)) == 6 for r in two_pass(near, unguarded))


def test_pass_one_holds_hashes_only():
    counts = count_docs(docs(corpus()), Cleaner())
    assert counts.site_docs == {"a.example.com": 15, "b.example.org": 15}
    for site, seen in counts._docs.items():
        assert all(isinstance(k, int) for k in seen)
        assert all(isinstance(k, int) and isinstance(n, int) for k, n in counts._counts[site].items())
    table = counts.table(RepeatSettings())
    assert table.sites["a.example.com"].counts[block_key(FOOTER_A)] == 15
    blob = pickle.dumps(table)
    assert b"Foundation" not in blob and b"contributors" not in blob
    assert all(-(2**63) <= k < 2**63 for t in table.sites.values() for k in t.counts)
    assert pickle.loads(blob) == table and hash(pickle.loads(blob)) == hash(table)


def test_memory_bound_drops_keys_seen_once():
    counts = SiteCounts(max_keys=50)
    for i in range(40):
        counts.add("s", i, [i * 10 + j for j in range(3)] + [-1])
    assert counts.n_keys <= 50 + 3 and counts.pruned > 0
    assert counts._counts["s"][-1] >= 5  # the shared key survives the pruning


def test_keys_fold_case_and_whitespace():
    assert block_key("Share  this\tSTORY") == block_key("share this story")
    assert block_key("share this story") != block_key("share this story!")


def test_sites():
    assert site_from_url("https://WWW.Example.com:8080/a?b") == "example.com"
    assert site_from_url("not a url") is None and site_from_url(None) is None
    assert record_site({"site": "www.Foo.org", "url": "https://bar.net/"}) == "foo.org"
    assert record_site({"url": "https://news.bar.net/x"}) == "news.bar.net"
    assert Doc("x", site="www.A.com").site_name == "a.com"


def test_a_generator_is_refused():
    with pytest.raises(CleanerError, match="twice"):
        next(two_pass(d for d in docs(corpus())))  # type: ignore[arg-type]
    results = list(two_pass(lambda: iter(docs(corpus()))))
    assert sum(bool(removed_by_site_rule(r)) for r in results) == 15 + 6


def test_table_build_applies_every_threshold():
    s = RepeatSettings(min_docs=3, min_share=0.5, min_site_docs=4)
    t = Boilerplate.build({"x": 6, "y": 3}, [("x", 1, 3), ("x", 2, 2), ("y", 3, 3)], s)
    assert dict(t.sites["x"].counts) == {1: 3} and "y" not in t.sites
