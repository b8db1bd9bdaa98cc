"""The one settings object passed down through every stage (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from cleaner.errors import ConfigError
from cleaner.langcodes import require_language
from cleaner.repetition.table import Boilerplate, RepeatSettings


@dataclass(frozen=True)
class Config:
    """How to clean.

    select/ignore take rule ids or prefixes (``promo``, ``promo.also-read``, ``headline.``);
    an empty ``select`` means every rule and heuristic. ``rule_dirs`` are loaded after the
    shipped rules; a rule with the same id replaces the shipped one.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    lang: str | None = None  # default language when the caller gives none (any BCP 47 / POSIX form)
    min_confidence: float = 0.5
    # A decider's confidence, by id or prefix (the longest match wins): ("promo.read-more", 0.4) keeps
    # that rule's findings as candidates below the default min_confidence; rules, heuristics, the
    # scorer and the HTML stage alike. A mapping is accepted and stored as sorted pairs.
    confidence: tuple[tuple[str, float], ...] = ()
    detect_language: bool = True
    lang_sample_chars: int = 600
    regex_timeout: float = 0.05  # seconds per rule match on one block
    max_input_chars: int = 60_000_000
    time_limit: float = 10.0  # seconds per document; past it the document passes through unchanged (0: none)
    # HTML not parsed (nothing extracted, the record says why) past these: libxml2 works through them in C,
    # where the time limit cannot interrupt it (cleaner.html.limits; 0: no limit)
    html_max_depth: int = 1_000
    html_max_attributes: int = 2_000
    shipped_rules: bool = True
    html_rules: bool = True  # HTML path: apply the element rules (CSS selectors) before extraction
    # HTML path: trafilatura's favor_recall extraction, then the text stage cleans. On the union of the
    # dev collections it beat the default extraction (bench/quality.py --set favor_recall=false).
    favor_recall: bool = True
    # The learned block scorer (model.block) is opt-in: with whole sites held out (bench/scorer_cv.py)
    # it added 2 of wild-dev's 512 labelled spans to the rules' 263, touched more true bodies and
    # cost ~2.9 ms per article (bench/scorer_speed.py; README "The block scorer").
    block_model: bool = False

    # Site-level repetition (cleaner.repetition): the thresholds, and the table pass 1 built.
    # Without a table (the default) the decider repeat.site does nothing.
    repetition: RepeatSettings = RepeatSettings()
    boilerplate: Boilerplate | None = None

    def __post_init__(self) -> None:
        pairs = self.confidence.items() if isinstance(self.confidence, dict) else self.confidence
        try:
            tuned = tuple(sorted((str(k), float(v)) for k, v in pairs))
        except (TypeError, ValueError):
            raise ConfigError("confidence: expected rule ids or prefixes mapped to numbers from 0 to 1") from None
        for key, value in tuned:
            if not 0 <= value <= 1:
                raise ConfigError(f"confidence for {key!r} must be a number from 0 to 1, got {value}")
        object.__setattr__(self, "confidence", tuned)
        if self.lang is not None:
            # one form everywhere: "en-US", "en_GB.UTF-8", "EN" are "en" (a bad tag: one-line ConfigError)
            try:
                object.__setattr__(self, "lang", require_language(self.lang, "lang"))
            except ValueError as exc:
                raise ConfigError(str(exc)) from None

    def with_(self, **changes: object) -> Config:
        return replace(self, **changes)  # type: ignore[arg-type]

    def confidence_of(self, decider_id: str, default: float) -> float:
        """The confidence the configuration gives the decider (its own ``default`` when none)."""
        return tuned_confidence(self.confidence, decider_id, default)


def tuned_confidence(pairs: tuple[tuple[str, float], ...], decider_id: str, default: float) -> float:
    """The value of the longest id or prefix in ``pairs`` that names the decider, else ``default``."""
    best: tuple[int, float] | None = None
    for prefix, value in pairs:
        if id_selected(decider_id, (prefix,), ()) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), value)
    return default if best is None else best[1]


def id_selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """ruff-style selection: a prefix matches the id itself or ids below it."""

    def hit(prefixes: tuple[str, ...]) -> bool:
        for p in prefixes:
            p = p.rstrip(".")
            if rule_id == p or rule_id.startswith(p + ".") or (p and rule_id.startswith(p) and p.endswith("-")):
                return True
        return False

    if select and not hit(select):
        return False
    return not hit(ignore)
