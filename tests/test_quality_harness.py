"""The quality harness's own measures: body attribution for the audit, offsets, a tiny real run."""

from __future__ import annotations

import json

from bench import audit
from bench.quality_runs import offset_map, truth_losses
from cleaner.model import Removal
from tests.conftest import SHARED_DATA, shared

TRUTH = "The council voted to close two libraries on Tuesday. Read more about the budget in the report."


def _removal(text: str, start: int, rule: str = "promo.read-more") -> Removal:
    return Removal(rule, "promo", "r", "s", text, 0.9, start=start, end=start + len(text))


def test_debris_line_between_paragraphs_is_not_body():
    text = "The council voted to close two libraries on Tuesday.\nRead more\nRead more about the budget in the report."
    text = text.replace("Tuesday.\nRead more\n", "Tuesday.\nSee also: Parks close\n")
    start = text.index("See also:")
    (entry,) = audit.text_stage_entries(text, [_removal("See also: Parks close", start)], audit.Truth.of(TRUTH))
    assert entry[3] == 4 and entry[4] == 0


def test_body_words_removed_are_body():
    text = TRUTH
    start = text.index("Read more about")
    (entry,) = audit.text_stage_entries(text, [_removal("Read more about the budget", start)], audit.Truth.of(TRUTH))
    assert entry[3] == 5 and entry[4] == 5


def test_a_removed_title_that_the_kept_lead_repeats_is_not_body():
    """Given the output, a shingle counts as body only when the truth has it more often than the
    output: a title whose words the kept lead repeats lost nothing; a true line removed did."""
    title = "Council votes to close two libraries"
    truth = "Council votes to close two libraries on Tuesday, the mayor said. The budget follows."
    text = f"{title}\n{truth}"
    out = truth
    (entry,) = audit.text_stage_entries(text, [_removal(title, 0, "title.page-title")], audit.Truth.of(truth), out)
    assert entry[3] == 6 and entry[4] == 0
    # without the output, any shingle of the truth counts (the title's words are in the lead)
    (entry,) = audit.text_stage_entries(text, [_removal(title, 0, "title.page-title")], audit.Truth.of(truth))
    assert entry[4] == 6
    # a truth line removed from the output is body whatever else repeats it
    start = text.index("The budget")
    (entry,) = audit.text_stage_entries(
        text, [_removal("The budget follows.", start)], audit.Truth.of(truth), out.replace(" The budget follows.", "")
    )
    assert entry[4] == entry[3] == 3


def test_element_entries_share_of_truth():
    el = Removal("share.widget", "share", "r", "s", "Share this story on Facebook", 0.9, stage="html")
    body = Removal("promo.related-box", "promo", "r", "s", "close two libraries on Tuesday", 0.9, stage="html")
    got = {e[0]: e for e in audit.element_entries([el, body], audit.Truth.of(TRUTH))}
    assert got["share.widget"][4] == 0
    assert got["promo.related-box"][4] == got["promo.related-box"][3] == 5


def test_labelled_entries_count_tokens_outside_spans():
    raw = "Body words here. Photo: Agency"
    toks = [(s, e, s >= raw.index("Photo")) for s, e, _ in audit.token_spans(raw)]
    r = _removal("here. Photo: Agency", raw.index("here"), "credit.photo")
    (entry,) = audit.labelled_entries(toks, [(r, r.start, r.end)])
    assert entry[3] == 3 and entry[4] == 1


def test_aggregate_flags_rules_over_the_limit():
    sites = ("a.com", "b.org", "c.net", "d.de")
    entries = [("run", sites[k % 4], ("bad.rule", "x", "text", 10, 2, "t")) for k in range(20)]
    entries.append(("run", "a.com", ("good.rule", "x", "text", 10, 0, "t")))
    stats = audit.aggregate(entries)
    assert stats["bad.rule"].firings == 20 and abs(stats["bad.rule"].false_rate - 0.2) < 1e-9
    md = audit.audit_markdown(stats)
    assert "`bad.rule` | 20 | 200 | 40 | 20.0% | 4 (25% a.com) | **over 5%** |" in md
    assert len(stats["bad.rule"].samples) == 3


def test_audit_flags_a_rule_that_fires_on_few_sites():
    one_site = [("html:wcxb", "a.com", ("site.rule", "x", "html", 5, 0, "t"))] * 25
    spread = [("html:wcxb", f"s{k}.com", ("kind.rule", "x", "html", 5, 0, "t")) for k in range(25)]
    # firings on the true bodies fed as text have no site to speak of: they do not widen the spread
    truth = [("truth:wcxb", f"t{k}.com", ("site.rule", "x", "text", 5, 5, "t")) for k in range(5)]
    stats = audit.aggregate(one_site + spread + truth)
    assert stats["site.rule"].few_sites(20) and not stats["kind.rule"].few_sites(20)
    md = audit.audit_markdown(stats)
    assert "| 1 (83% a.com) | **over 5%**, **< 3 sites** |" in md
    assert "`kind.rule` | 25 | 125 | 0 | 0.0% | 25 (4% s0.com) |  |" in md


def test_offset_map_follows_normalization():
    raw = "caf\u00c3\u00a9 ok"  # mojibake of "café"
    norm = "caf\u00e9 ok"
    m = offset_map(raw, norm)
    assert m[norm.index("ok")] == raw.index("ok") and m[len(norm)] == len(raw)
    assert offset_map("same", "same") == [0, 1, 2, 3, 4]


def test_truth_losses_tell_removals_from_repairs():
    truth = "They don\u00e2\u0080\u0099t agree. Read more: the budget."
    repaired = "They don\u2019t agree. Read more: the budget."
    # a repair alone takes no token from the truth by removal
    assert truth_losses(truth, repaired, repaired) == (0, 1)
    # a removal on the repaired text counts its tokens as lost
    assert truth_losses(truth, repaired, "They don\u2019t agree.") == (4, 1)
    # no normalized text (a record that cannot be restored): judged against the truth itself
    assert truth_losses(truth, "", truth) == (0, 0)


def test_harness_runs_on_a_few_pages(tmp_path):
    shared("aeb-dev/ground-truth.json")
    from bench.quality import main

    assert (
        main(["--data", str(SHARED_DATA), "--limit", "2", "--workers", "1", "--out", str(tmp_path), "--label", "t"])
        == 0
    )
    rep = json.loads((tmp_path / "quality-t.json").read_text())
    assert set(rep["collections"]) >= {"aeb-dev"}
    aeb = rep["collections"]["aeb-dev"]
    assert aeb["html"]["n"] == 2 and 0 < aeb["traf"]["f1"] <= 1
    assert (tmp_path / "audit-t.md").read_text().startswith("# Per-rule audit")
    assert rep["wild"]["articles"] == 2
