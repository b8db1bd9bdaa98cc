"""Every heuristic declares the confidences it decides with, and keeps to them: on the samples and
on wild-dev's scraped texts, each of its removals and candidates lies in its declared range, and
`rules show`/`rules list` print that range (or the one the configuration sets)."""

from __future__ import annotations

import json
from collections import Counter

from typer.testing import CliRunner

from cleaner import Cleaner, Config
from cleaner.cli.app import app
from cleaner.heuristics import HEURISTICS
from tests.conftest import REPO, shared

SPREAD_BY_DESIGN = {"model.block"}  # the scorer's probability: any value from its candidate floor up


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").iterdir()) if p.suffix in (".txt", ".md")]
    return [t for t in texts if t.strip()]


def _out_of_range(texts: list[str]) -> tuple[Counter, list[str]]:
    ranges = {h.id: h.confidence for h in HEURISTICS}
    cleaner = Cleaner(Config(min_confidence=0.5))
    seen: Counter = Counter()
    bad: list[str] = []
    for text in texts:
        result = cleaner.clean(text)
        for r in (*result.removed, *result.candidates):
            if r.rule not in ranges:
                continue
            seen[r.rule] += 1
            lo, hi = ranges[r.rule]
            if not lo - 1e-9 <= r.confidence <= hi + 1e-9:
                bad.append(f"{r.rule}: {r.confidence} outside {lo}-{hi} ({r.text[:60]!r})")
    return seen, bad


def test_every_heuristic_declares_a_range() -> None:
    undeclared = [h.id for h in HEURISTICS if h.confidence == (0.0, 1.0) and h.id not in SPREAD_BY_DESIGN]
    assert not undeclared


def test_the_samples_keep_to_the_declared_ranges() -> None:
    seen, bad = _out_of_range(_texts())
    assert seen, "no heuristic fired on the samples"
    assert not bad


def test_wild_dev_keeps_to_the_declared_ranges() -> None:
    path = shared("wild-dev")
    texts = [json.loads(line)["raw"] for f in sorted(path.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    seen, bad = _out_of_range(texts)
    assert len(seen) >= 10, f"too few heuristics fired to check their ranges: {dict(seen)}"
    assert not bad


def test_rules_show_and_list_print_the_range_and_the_configured_value(tmp_path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["rules", "show", "credit.sign-off"]).output
    assert "confidence: 0.7-0.8" in out
    rows = {r["id"]: r for r in json.loads(runner.invoke(app, ["rules", "list", "--output-format", "json"]).output)}
    assert rows["headline.all-caps"]["confidence_range"] == [0.4, 0.45]
    assert rows["title.page-title"]["confidence"] == 0.6
    cfg = tmp_path / "cleaner.toml"
    cfg.write_text("[confidence]\n'credit.sign-off' = 0.55\n", encoding="utf-8")
    out = runner.invoke(app, ["rules", "show", "credit.sign-off", "--config", str(cfg)]).output
    assert "confidence: 0.55" in out
