"""Rule ids given to --select/--ignore (or the configuration file) must match something."""

from __future__ import annotations

import difflib

from cleaner.config import Config, id_selected
from cleaner.errors import ConfigError


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
    ids = known_ids(config)
    prefixes = sorted({i.rsplit(".", n)[0] for i in ids for n in range(i.count(".") + 1)} | set(ids))
    for option, values in (("select", config.select), ("ignore", config.ignore)):
        for value in values:
            if any(id_selected(i, (value,), ()) for i in ids):
                continue
            close = difflib.get_close_matches(value.rstrip("."), prefixes, n=3, cutoff=0.6)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else " (see 'cleaner rules list')"
            raise ConfigError(f"{option} {value!r} matches no rule or heuristic{hint}")
