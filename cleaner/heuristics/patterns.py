"""Patterns made from lexicon words, and searching patterns anchored at the end of a text without
trying them at every position."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import ParamSpec, TypeVar

import regex

from cleaner.text import phrase_key

P = ParamSpec("P")
T = TypeVar("T")
_BY_WORDS_MAX = 32


def by_words(fn: Callable[P, T]) -> Callable[P, T]:
    """``fn`` of lexicons' word tuples (cached by their value), remembered by the tuples themselves:
    the rulebook gives the same tuple for every document, while a cache keyed by value hashes each
    of its words at every call (~3 us for the 200 photo labels, and the heuristics ask for each
    document, some several times). Held with the arguments: while they are held no other object
    has their identities, so one found by them is theirs. Cleared past a few rulebooks' lexicons."""
    held: dict[int | tuple[int, ...], tuple[tuple[object, ...], T]] = {}

    @functools.wraps(fn)
    def known(*args: P.args, **kwargs: P.kwargs) -> T:
        # one lexicon (most calls): its identity alone, an int, never equal to the tuple of several
        key = id(args[0]) if len(args) == 1 else tuple(map(id, args))
        hit = held.get(key)
        if hit is not None and not kwargs:
            return hit[1]
        value = fn(*args, **kwargs)
        if not kwargs:
            if len(held) >= _BY_WORDS_MAX:
                held.clear()
            held[key] = (args, value)
        return value

    return known


@by_words  # remembered by the tuple: an lru_cache hashes each of its words at every call
@lru_cache(maxsize=64)
def phrase_keys(words: tuple[str, ...]) -> frozenset[str]:
    """The phrase keys of a lexicon's words, made once per word list (not once per document)."""
    return frozenset(phrase_key(w) for w in words)


@dataclass(frozen=True)
class EndAnchored:
    """A pattern that can only match at the end of a text (it ends in ``$``), searched as
    ``forward.search`` would, but asked first, matching backwards, whether it matches at all.

    Forwards, a search tries the pattern (its lookbehinds first) at every position of the text;
    backwards, the pattern is tried only where a match can end (``$``). Most texts have no match,
    and that answer costs a fraction; when there is one, the forward search finds the same match
    as it always did (whether a pattern matches does not depend on the direction).

    ``reach``, when given, is a pattern matched backwards at the text's end whose match holds every
    match of the pattern (the characters a match can be made of, read back from the end as far as
    they go): the forward search then starts where it starts, not at the text's start, and finds
    the same match, since none starts before (its lookbehinds still see the text before)."""

    forward: regex.Pattern[str]
    backward: regex.Pattern[str]
    reach: regex.Pattern[str] | None = None

    @classmethod
    def compile(cls, pattern: str, flags: int = 0, reach: str | None = None) -> EndAnchored:
        return cls(
            regex.compile(pattern, flags),
            regex.compile(pattern, flags | regex.REVERSE),
            regex.compile(reach, flags | regex.REVERSE) if reach is not None else None,
        )

    @property
    def pattern(self) -> str:
        return self.forward.pattern

    def search(self, text: str) -> regex.Match[str] | None:
        if not self.matches(text):
            return None
        start = self.reach.match(text).start() if self.reach is not None else 0  # type: ignore[union-attr]
        return self.forward.search(text, start)

    def matches(self, text: str) -> bool:
        """Whether the pattern matches somewhere: a match ends where ``$`` holds, at the text's
        end or before a line break ending it, so the backward pattern is tried there alone."""
        if self.backward.match(text) is not None:
            return True
        return text.endswith("\n") and self.backward.match(text, 0, len(text) - 1) is not None


def alternation(words: Iterable[str]) -> str:
    """Lexicon words as one regex alternation: escaped, a space matching any run of spaces, the
    longest first (a label wins over a shorter label it starts with), empty words left out."""
    return "|".join(sorted({regex.escape(w).replace(r"\ ", r"\s+") for w in words if w}, key=len, reverse=True))
