"""Rule ids given to --select/--ignore (or the configuration file) must match something."""

from __future__ import annotations

from cleaner.config import Config


def known_ids(config: Config) -> tuple[str, ...]:
    """Every rule id (shipped and from the rule folders) and heuristic id, sorted."""
    from cleaner.heuristics import HEURISTICS
    from cleaner.html.heuristics import HTML_HEURISTICS
    from cleaner.rulebook import load_rulebook

    book = load_rulebook(config.with_(select=(), ignore=()))
    ids = {r.id for r in book.rules} | {h.id for h in HEURISTICS} | {h.id for h in HTML_HEURISTICS}
    return tuple(sorted(ids))


def check_ids(config: Config) -> None:
    """Raise ConfigError, with the closest ids, for a select/ignore entry that matches no id."""
    from cleaner.pipeline import check_selection
    from cleaner.rulebook import load_rulebook

    check_selection(config, load_rulebook(config))
