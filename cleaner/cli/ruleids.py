"""Rule ids given to --select/--ignore (or the configuration file) must match something."""

from __future__ import annotations

from cleaner.config import Config


def known_ids(config: Config) -> tuple[str, ...]:
    """Every rule id (shipped and from the rule folders) and heuristic id, sorted."""
    from cleaner import pipeline
    from cleaner.rulebook import load_rulebook

    return tuple(pipeline.known_ids(load_rulebook(config)))


def check_ids(config: Config) -> None:
    """Raise ConfigError, with the closest ids, for a select/ignore entry that matches no id."""
    from cleaner.pipeline import check_selection
    from cleaner.rulebook import load_rulebook

    check_selection(config, load_rulebook(config))
