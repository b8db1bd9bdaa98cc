"""`cleaner rules list|show|test`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from cleaner.cli.app import app
from cleaner.cli.common import (
    EXIT_FAILED,
    ConfigOpt,
    IgnoreOpt,
    QuietOpt,
    RulesOpt,
    SelectOpt,
    VerboseOpt,
    errors_as_exit,
    fail,
    settings,
    setup_logging,
)
from cleaner.cli.helpfmt import App
from cleaner.config import Config, id_selected
from cleaner.heuristics import HEURISTICS, Heuristic
from cleaner.html.heuristics import HTML_HEURISTICS, HtmlHeuristic
from cleaner.pipeline import known_ids, near_ids_hint
from cleaner.rulebook import load_rulebook
from cleaner.ruletest import run_examples

rules_app = App(help="List, show and test rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


class ListFormat(StrEnum):
    text = "text"
    json = "json"


ListFormatOpt = typer.Option(ListFormat.text, "--output-format", help="How to print the list.")


@rules_app.command("list")
def list_rules(
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    output_format: ListFormat = ListFormatOpt,
    config_file: Path = ConfigOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """One line per rule and heuristic: id, category, languages, stage, source (or JSON)."""
    setup_logging(verbose, quiet)
    with errors_as_exit():
        _, config = settings(config_file, rules, select, ignore, None, None)
        book = load_rulebook(config)
    rows = [
        {
            "id": r.id,
            "category": r.category,
            "languages": list(r.languages),
            "stage": r.stage,
            "kind": "rule",
            "source": r.source.split("#")[0],
            "reason": r.reason,
            "confidence": r.confidence,
        }
        for r in sorted(book.rules, key=lambda r: r.id)
    ]
    for stage, group in (("text", HEURISTICS), ("html", HTML_HEURISTICS)):
        rows += [_heuristic_row(h, stage, config) for h in group if id_selected(h.id, config.select, config.ignore)]
    if output_format is ListFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        langs = ",".join(r["languages"]) or "-"
        sys.stdout.write(f"{r['id']:<{width}}  {r['category']:<11} {langs:<6} {r['stage']:<5} {r['source']}\n")


@rules_app.command("show")
def show_rule(
    rule_id: str = typer.Argument(..., help="Rule or heuristic id.", metavar="RULE-ID"),
    rules: list[Path] = RulesOpt,
    config_file: Path = ConfigOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """A rule's doc, match and examples."""
    setup_logging(verbose, quiet)
    with errors_as_exit():
        _, config = settings(config_file, rules, None, None, None, None)
        config = config.with_(select=(), ignore=())
        book = load_rulebook(config)
    rule = book.get(rule_id)
    if rule is None:
        h = next((h for h in (*HEURISTICS, *HTML_HEURISTICS) if h.id == rule_id), None)
        if h is None:
            raise fail(f"no rule or heuristic with id '{rule_id}'{near_ids_hint(rule_id, known_ids(book))}")
        stage = "html" if h in HTML_HEURISTICS else "text"
        lo, hi = _range(h, config)
        conf = f"{hi:g}" if lo == hi else f"{lo:g}-{hi:g}"
        sys.stdout.write(
            f"{h.id} (heuristic, category {h.category}, {stage})\nreason: {h.reason}\nconfidence: {conf}\n\n{h.doc}\n"
        )
        return
    lines = [
        f"{rule.id} ({rule.category}, {rule.stage}, scope {rule.scope})",
        f"source: {rule.source}",
        f"languages: {', '.join(rule.languages) or 'any'}",
        f"reason: {rule.reason}",
        f"confidence: {rule.confidence}",
    ]
    if rule.tail:
        lines.append(f"tail: {rule.tail}")
    if rule.doc:
        lines += ["", rule.doc]
    for p in rule.patterns:
        lines.append(f"regex: {p.pattern}")
    if rule.phrases:
        lines.append("phrases: " + "; ".join(sorted(rule.phrases)))
    for s in rule.selectors:
        lines.append(f"selector: {s}")
    lines += ["", "examples that go:"] + [f"  - {e}" for e in rule.examples_strip]
    if rule.examples_keep:
        lines += ["examples that stay:"] + [f"  - {e}" for e in rule.examples_keep]
    sys.stdout.write("\n".join(lines) + "\n")


@rules_app.command("test")
def test_rules(
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    config_file: Path = ConfigOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Run every example of every rule file; exit 1 on a miss."""
    setup_logging(verbose, quiet)
    with errors_as_exit():
        _, config = settings(config_file, rules, select, None, None, None)
        config = config.with_(ignore=())  # every selected rule's examples run, ignored ones too
        book = load_rulebook(config)
        outcomes = run_examples(book, config)
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        want = "removed" if o.strip else "kept"
        sys.stdout.write(f"FAIL {o.rule_id}: expected {want}: {o.example!r} ({o.detail})\n")
    if not quiet or failed:
        sys.stdout.write(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed\n")
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _heuristic_row(h: Heuristic | HtmlHeuristic, stage: str, config: Config) -> dict:
    lo, hi = _range(h, config)
    return {
        "id": h.id,
        "category": h.category,
        "languages": [],
        "stage": stage,
        "kind": "heuristic",
        "source": "heuristic",
        "reason": h.reason,
        "confidence": hi,
        "confidence_range": [lo, hi],
    }


def _range(h: Heuristic | HtmlHeuristic, config: Config) -> tuple[float, float]:
    """The confidences the heuristic decides with, or the one the configuration gives it."""
    lo, hi = (h.confidence, h.confidence) if isinstance(h, HtmlHeuristic) else h.confidence
    tuned = config.confidence_of(h.id, -1.0)
    return (tuned, tuned) if tuned >= 0 else (lo, hi)
