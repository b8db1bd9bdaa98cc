"""Searching patterns anchored at the end of a text without trying them at every position."""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class EndAnchored:
    """A pattern that can only match at the end of a text (it ends in ``$``), searched as
    ``forward.search`` would, but asked first, matching backwards, whether it matches at all.

    Forwards, a search tries the pattern (its lookbehinds first) at every position of the text;
    backwards, every position where a match cannot end fails at once at the ``$``. Most texts have
    no match, and that answer costs a fraction; when there is one, the forward search finds the
    same match as it always did (whether a pattern matches does not depend on the direction)."""

    forward: regex.Pattern[str]
    backward: regex.Pattern[str]

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> EndAnchored:
        return cls(regex.compile(pattern, flags), regex.compile(pattern, flags | regex.REVERSE))

    @property
    def pattern(self) -> str:
        return self.forward.pattern

    def search(self, text: str) -> regex.Match[str] | None:
        return self.forward.search(text) if self.backward.search(text) is not None else None
