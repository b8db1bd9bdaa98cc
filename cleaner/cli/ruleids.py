"""Rule ids given to --select/--ignore (or the configuration file) must match something."""

from __future__ import annotations

from cleaner.config import Config


def check_ids(config: Config) -> None:
    """Raise ConfigError, with the closest ids, for a select/ignore entry that matches no id."""
    from cleaner.pipeline import check_selection
    from cleaner.rulebook import load_rulebook

    check_selection(config, load_rulebook(config))
