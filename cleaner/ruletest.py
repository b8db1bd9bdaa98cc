"""Run rule examples: each 'strip' example must be removed by its rule, each 'keep' must not."""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.blocks import segment
from cleaner.config import Config
from cleaner.match import apply_rules
from cleaner.rulebook import Rule, Rulebook, iter_examples


@dataclass(frozen=True)
class Outcome:
    rule_id: str
    example: str
    strip: bool
    ok: bool
    detail: str = ""


def example_removed(rule: Rule, example: str, timeout: float) -> bool:
    """Whether the rule, alone, removes something from the example (a text block or an HTML snippet)."""
    if rule.stage == "html":
        from cleaner.html.rules import example_matches  # lazy: text-only use never imports lxml

        return example_matches(rule, example)
    blocks = segment(example)
    return bool(apply_rules(example, blocks, [rule], timeout).removals)


def run_examples(book: Rulebook, config: Config) -> list[Outcome]:
    out: list[Outcome] = []
    for rule, example, strip in iter_examples(book.rules):
        try:
            removed = example_removed(rule, example, config.regex_timeout * 10)
        except Exception as exc:  # noqa: BLE001 - a broken example is a failed example, reported
            out.append(Outcome(rule.id, example, strip, False, f"error: {exc}"))
            continue
        out.append(Outcome(rule.id, example, strip, removed == strip, "removed" if removed else "not removed"))
    return out
