"""The lead-in label patterns (bracketed, fused after the text, between sentences of a line, and
the label ending before a separator), with the choice of the labels as a trie or as an
alternation (whether both pick alike)."""

from __future__ import annotations

import regex

from cleaner.heuristics.leadin_scans import _by_labels
from cleaner.heuristics.patterns import alternation
from cleaner.text import trie_regex, word_trie


def _case_kin(ch: str) -> set[str]:
    """``ch`` with its lower, upper, title and folded forms, and theirs: every character that a
    case-blind compare can take for it shares one of them ("ı" and "i" share "I")."""
    forms = {ch, ch.lower(), ch.upper(), ch.title(), ch.casefold()}
    return forms | {g for f in forms for g in (f.lower(), f.upper(), f.casefold())}


def _picks_alike(words: set[str]) -> bool:
    """Whether the words as a trie (``trie_regex``, ``whole``) match at each place what their
    alternation, longest first, matches there: when no character can follow a node of the trie by
    two ways (two next characters alike but for case, a whitespace character beside the space
    that stands for any run of it, two spaces in a row), the words that match at a place are each
    the start of the next; the trie tries the longest first as the alternation does, then the next
    longest when what follows fails."""
    if any(w != w.strip() or "  " in w for w in words):
        return False
    stack = [word_trie(words)]
    while stack:
        node = stack.pop()
        seen: set[str] = set()
        for ch, after in node.items():
            if not ch:
                continue
            if ch != " " and (ch.isspace() or _WHITE.match(ch)):
                return False
            kin = _case_kin(ch)
            if kin & seen or (ch == " " and " " in after):
                return False
            seen |= kin
            stack.append(after)
    return True


_WHITE = regex.compile(r"\s")


def _alts(words: set[str], safe: bool) -> str:
    """The words as one regex that matches at a place the word their alternation (longest first,
    a space any run of whitespace) matches: as a trie when ``safe`` (``_picks_alike``: a try costs
    one path through it, not every word in turn), else the alternation."""
    if safe:
        return trie_regex(words, space=r"\s+", whole=True)
    return alternation(words)


@_by_labels
def _labels_alike(labels: tuple[str, ...]) -> bool:
    """``_picks_alike`` of the labels, once for them."""
    return _picks_alike({w for w in labels if w})


@_by_labels
def _patterns(labels: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    alts = _alts({w for w in labels if w}, _labels_alike(labels))
    bracketed = regex.compile(
        r"(?:\s+|^)[(\[]\s*(?:" + alts + r")\s*[:|\-\u2013\u2014>\u00bb]\s*[^()\[\]\n]{3,200}[)\]]", regex.IGNORECASE
    )
    fused = regex.compile(
        r"(?:(?<=[.!?\u2026\u00bb\"\u201d\u0964\u3002][ \t]{1,3})|(?<=\S[ \t]{2,}))(?:" + alts + r")(?![\p{L}\p{N}])"
        r"\s*[:|\-\u2013\u2014>\u00bb]?(?P<rest>[^\n]*)$",
        regex.IGNORECASE,
    )
    return bracketed, fused


@_by_labels
def _label_patterns(labels: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """A label with its separator and text after it, inside a line: any label after a sentence end
    (or a run of spaces), a label of several words after any word; a label that ends where the
    text ends (to find the label before a separator); a label with its separator again."""

    every = {w for w in labels if w}
    several = {w for w in every if " " in w}
    safe = _labels_alike(labels)  # then every sub-trie of theirs too (several's)
    label = regex.compile(
        r"(?:(?:(?<=[.!?\u2026\u00bb\"\u201d\u0964\u3002][ \t]{1,3})|(?<=\S[ \t]{2,}))(?:" + _alts(every, safe) + r")"
        r"|(?<=[\p{L}\p{N}\p{M}][ \t])(?:" + _alts(several, safe) + r"))(?![\p{L}\p{N}\p{M}])"
        r"[ \t]*(?:[:\u0983|]|>>|\u00bb)(?=[ \t]*\S)",
        regex.IGNORECASE,
    )
    ending = regex.compile(r"(?<![\p{L}\p{N}\p{M}])(?:" + _alts(every, safe) + r")[ \t]*\Z", regex.IGNORECASE)
    again = regex.compile(
        r"[ \t]*(?:" + _alts(every, safe) + r")(?![\p{L}\p{N}\p{M}])[ \t]*(?:[:\u0983|]|>>|\u00bb)", regex.IGNORECASE
    )
    return label, ending, again


@_by_labels
def _ending_backward(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """``_label_patterns``' ``ending`` matched backwards: it can only match at the end of where it
    is searched (``\\Z``), so one match tried there, backwards, tells whether the search finds
    anything, without trying every label at every position of the reach (``EndAnchored``'s way)."""
    ending = _label_patterns(labels)[1]
    return regex.compile(ending.pattern, ending.flags | regex.REVERSE)


@_by_labels
def _ending_trie(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """``_label_patterns``' ``ending`` with its labels as a trie: the same language, so it matches
    where ``ending`` matches, tried at a place for a fraction of the cost (one path through the
    trie, not every label in turn)."""
    trie = trie_regex({w for w in labels if w}, space=r"\s+", whole=True)
    return regex.compile(r"(?<![\p{L}\p{N}\p{M}])(?:" + trie + r")[ \t]*\Z", regex.IGNORECASE)
