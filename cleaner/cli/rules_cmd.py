"""`cleaner rules list|show|test`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cleaner.cli.app import app
from cleaner.cli.common import EXIT_FAILED, IgnoreOpt, RulesOpt, SelectOpt, errors_as_exit, fail, make_config
from cleaner.heuristics import HEURISTICS
from cleaner.html.heuristics import HTML_HEURISTICS
from cleaner.rulebook import load_rulebook
from cleaner.ruletest import run_examples

rules_app = typer.Typer(help="List, show and test rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def list_rules(rules: list[Path] = RulesOpt, select: list[str] = SelectOpt, ignore: list[str] = IgnoreOpt) -> None:
    """One line per rule and heuristic: id, category, languages, stage, source."""
    with errors_as_exit():
        book = load_rulebook(make_config(rules, select, ignore))
    rows = [(r.id, r.category, ",".join(r.languages) or "-", r.stage, r.source.split("#")[0]) for r in sorted(book.rules, key=lambda r: r.id)]
    rows += [(h.id, h.category, "-", "text", "heuristic") for h in HEURISTICS]
    rows += [(h.id, h.category, "-", "html", "heuristic") for h in HTML_HEURISTICS]
    width = max(len(r[0]) for r in rows)
    for rid, cat, langs, stage, src in rows:
        sys.stdout.write(f"{rid:<{width}}  {cat:<11} {langs:<6} {stage:<5} {src}\n")


@rules_app.command("show")
def show_rule(rule_id: str = typer.Argument(..., help="Rule or heuristic id."), rules: list[Path] = RulesOpt) -> None:
    """A rule's doc, match and examples."""
    with errors_as_exit():
        book = load_rulebook(make_config(rules))
    rule = book.get(rule_id)
    if rule is None:
        h = next((h for h in (*HEURISTICS, *HTML_HEURISTICS) if h.id == rule_id), None)
        if h is None:
            raise fail(f"no rule or heuristic with id '{rule_id}' (see 'cleaner rules list')")
        stage = "html" if h in HTML_HEURISTICS else "text"
        sys.stdout.write(f"{h.id} (heuristic, category {h.category}, {stage})\nreason: {h.reason}\n\n{h.doc}\n")
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
def test_rules(rules: list[Path] = RulesOpt, select: list[str] = SelectOpt) -> None:
    """Run every example of every rule file; exit 1 on a miss."""
    with errors_as_exit():
        config = make_config(rules, select)
        book = load_rulebook(config)
        outcomes = run_examples(book, config)
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        want = "removed" if o.strip else "kept"
        sys.stdout.write(f"FAIL {o.rule_id}: expected {want}: {o.example!r} ({o.detail})\n")
    sys.stdout.write(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed\n")
    if failed:
        raise typer.Exit(EXIT_FAILED)
