"""Counting a batch as it goes, and the final summary (for people and for machines)."""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dupids import DuplicateIds

MAX_ERROR_SAMPLES = 20


def located(where: str, error: str) -> str:
    """The error prefixed by its input position: 'in.jsonl:2: invalid JSON ...', 'pages/a.txt: empty document'."""
    if not where:
        return error
    source, _, line = where.rpartition(":")
    if source and line.isdigit() and error.startswith(f"line {line}: "):
        return f"{where}: {error[len(f'line {line}: ') :]}"
    head = error.split(": ", 1)
    if len(head) == 2 and where.replace("\\", "/").endswith(head[0]):
        return f"{where}: {head[1]}"
    return f"{where}: {error}"


@dataclass
class Tally:
    """Running counts; updated by the batch loop only (one thread)."""

    started: float = field(default_factory=time.monotonic)
    documents: int = 0
    errors: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    last: str = ""  # input position of the last line written
    error_samples: list[str] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    ids: DuplicateIds = field(default_factory=DuplicateIds)

    def add(self, counts: dict[str, int], error: str | None, where: str, lang: str | None = None) -> None:
        self.documents += 1
        if lang:
            self.languages[lang] += 1
        self.removals.update(counts)
        self.last = where
        if error:
            self.errors += 1
            if len(self.error_samples) < MAX_ERROR_SAMPLES:
                self.error_samples.append(located(where, error))

    @property
    def removals_total(self) -> int:
        return sum(self.removals.values())

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def freeze(
        self,
        *,
        interrupted: bool,
        output: str,
        workers: int,
        inputs: list[str],
        rule_languages: frozenset[str] | None = None,
        skipped: dict[str, int] | None = None,
    ) -> BatchSummary:
        secs = self.elapsed
        without = (
            {}
            if rule_languages is None
            else {k: n for k, n in sorted(self.languages.items()) if k != "und" and k not in rule_languages}
        )
        return BatchSummary(
            documents=self.documents,
            errors=self.errors,
            removals=dict(sorted(self.removals.items())),
            seconds=round(secs, 3),
            documents_per_second=round(self.documents / secs, 1) if secs > 0 else 0.0,
            interrupted=interrupted,
            last_input=self.last or None,
            output=output,
            workers=workers,
            inputs=tuple(inputs),
            error_samples=tuple(self.error_samples),
            languages=dict(self.languages.most_common()),
            duplicate_ids=self.ids.finish().count,
            duplicate_id_examples=tuple(self.ids.examples),
            without_rules=without,
            skipped=dict(Counter(skipped or {}).most_common()),
        )


@dataclass(frozen=True)
class BatchSummary:
    documents: int
    errors: int
    removals: dict[str, int]
    seconds: float
    documents_per_second: float
    interrupted: bool
    last_input: str | None
    output: str
    workers: int
    inputs: tuple[str, ...]
    error_samples: tuple[str, ...] = ()
    languages: dict[str, int] = field(default_factory=dict)  # documents per detected language
    without_rules: dict[str, int] = field(default_factory=dict)  # ... in languages no rule file names
    duplicate_ids: int = 0  # records whose id an earlier record of the same input has
    duplicate_id_examples: tuple[str, ...] = ()  # the first few, as 'input: id'
    # WARC records that are not HTTP 200 HTML responses, by kind ("request", "HTTP 404", "application/pdf"):
    # not documents, so no output line
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def removals_total(self) -> int:
        return sum(self.removals.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "removals_total": self.removals_total,
            "removals": self.removals,
            "seconds": self.seconds,
            "documents_per_second": self.documents_per_second,
            "interrupted": self.interrupted,
            "last_input": self.last_input,
            "output": self.output,
            "workers": self.workers,
            "inputs": list(self.inputs),
            "error_samples": list(self.error_samples),
            "languages": self.languages,
            "languages_without_rules": self.without_rules,
            "duplicate_ids": self.duplicate_ids,
            "duplicate_id_examples": list(self.duplicate_id_examples),
            "skipped": self.skipped,
        }

    def render(self) -> str:
        lines = []
        if self.interrupted:
            where = f"; last input written: {self.last_input}" if self.last_input else ""
            lines.append(f"interrupted after {self.documents} documents{where}; {self.output} ends at a line boundary")
        lines.append(
            f"{self.documents} documents, {self.removals_total} removals, {self.errors} errors"
            f" in {self.seconds:.1f} s ({self.documents_per_second:.0f} documents/s, {self.workers} workers)"
        )
        if self.removals:
            lines.append("removals: " + ", ".join(f"{k} {v}" for k, v in self.removals.items()))
        if self.without_rules:
            n = sum(self.without_rules.values())
            langs = ", ".join(f"{k} {v}" for k, v in self.without_rules.items())
            lines.append(
                f"{n} documents in languages without rules of their own (only language-neutral rules "
                f"and heuristics ran): {langs}"
            )
        if self.duplicate_ids:
            n = self.duplicate_ids
            lines.append(
                f"warning: {n:,} record{'s' if n != 1 else ''} repeat{'' if n != 1 else 's'} the id of an earlier record of the same input "
                f"(first: {'; '.join(self.duplicate_id_examples)})"
            )
        if self.skipped:
            n = sum(self.skipped.values())
            kinds = ", ".join(f"{k} {v}" for k, v in self.skipped.items())
            lines.append(f"{n} WARC records skipped (not HTTP 200 HTML responses; no output line): {kinds}")
        for e in self.error_samples[:5]:
            lines.append(f"error: {e}")
        if self.errors > 5:
            lines.append(f"... {self.errors - 5} more errors (see the 'error' field of the output)")
        return "\n".join(lines)

    def write_json(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
