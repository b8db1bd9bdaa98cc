"""Features of a unit: general, site- and language-independent facts about its shape, its place
and its words, computed for all live units of a document at once.

Shape: length, sentence-final punctuation, capitals, digits, URLs/handles/e-mails, separators
(``| » • —``), bracketed tags. Place: position from the start and from the end (relative and
absolute), the neighbours' length and shape, runs of short unfinished units, whether it stands
before the first or after the last body sentence. Words: overlap with the first line (the title),
with the rest of the document and with the neighbouring blocks (topic coherence: an injected
headline of another story shares few words with the paragraphs around it), and hits of the small
multilingual debris lexicon (``rules/lexicons/scorer.yaml``, embedded in the model file).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import regex

from cleaner.model import HEADING, LIST_ITEM, QUOTE, Block
from cleaner.scorer.units import Unit, count_words

LEXICON_KINDS = ("promo", "credit", "share", "newsletter", "ad", "navigation", "comments", "other")

FEATURES: tuple[str, ...] = (
    "words_log",
    "chars_log",
    "terminal",
    "ends_colon",
    "ends_ellipsis",
    "cap_share",
    "all_caps",
    "title_case",
    "digit_share",
    "url_handle_email",
    "separator",
    "bracket_tag",
    "starts_lower",
    "quote_marks",
    "mean_word_len",
    "pos_rel_start",
    "pos_abs_start",
    "pos_rel_end",
    "pos_abs_end",
    "first_in_block",
    "last_in_block",
    "alone_in_block",
    "kind_heading",
    "kind_list",
    "kind_quote",
    "prev_words_log",
    "next_words_log",
    "prev_terminal",
    "next_terminal",
    "has_prev",
    "has_next",
    "short_run_log",
    "title_overlap",
    "doc_overlap",
    "neighbour_overlap",
    "no_content_words",
    "before_body",
    "after_body",
    "doc_units_log",
    *(f"lex_{k}" for k in LEXICON_KINDS),
    "lex_at_start",
    "next_lex",
    "prev_lex",
    "doc_final_open",
    "block_words_log",
    "in_long_block",
    "next_overlap",
    "prev_overlap",
    "next_title_overlap",
    "glued_junction",
    "glued_domain",
    "starts_marker",
    "repeated_log",
)
INDEX = {name: i for i, name in enumerate(FEATURES)}

_TERMINAL = frozenset(".!?\u2026\u3002\uff01\uff1f\u0964\"'\u201d\u2019\u00bb)]")
_ELLIPSIS = regex.compile(r"(?:\u2026|\.\.\.|\[\+\d+ chars\])\s*$")
_URL = regex.compile(r"https?://|www\.|\w@\w|(?<!\w)@\w|\.(?:com|org|net)\b|#\w", regex.IGNORECASE)
_SEP = regex.compile(r"[|\u00bb\u2022\u00b7\u203a]|\s[\u2014\u2013-]\s")
_TAG = regex.compile(r"^[\[(][^\])]{1,30}[\])]|[\[(]\s*\p{Lu}[\p{Lu} &/+\-]{1,20}[\])]")
_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')
_TOKEN = regex.compile(r"\w+")
_CASED = regex.compile(r"[\p{Lu}\p{Ll}][\w'\u2019\-]*")
_ELLIPSIS_ENDS = ("\u2026", "...", "chars]")
_SEP_CHARS = frozenset("|\u00bb\u2022\u00b7\u203a\u2014\u2013-")
# A word glued to the next without a space: three lower-case letters then a capital inside one token
# (a caption fused to its credit, "KsiążZamek"), or a capitals run fused to a word ("GOMateriał").
_GLUED = regex.compile(r"\p{Ll}{3}\p{Lu}|\p{Lu}{2}\p{Lu}\p{Ll}{3}")
# A domain inside the last token (a credit glued to a caption: "Polskątvnmeteo.pl").
_DOMAIN_LAST = regex.compile(r"\w\.(?:[a-z]{2,4})\W*$")
# A line opening with a separator or bullet marker.
_MARKER = regex.compile(r"^\s*(?:\|\|?|>>|[\u2022\u00bb\u203a\u25aa\u25a0\u25ba\u25b6])")
_SMALL = frozenset("a an and as at but by for from in into is it of on or the to vs via with de la el en y".split())
SHORT_WORDS = 12  # a unit this short and unfinished counts toward a run of short units
BODY_WORDS = 20  # a finished unit this long is body for before_body/after_body


@dataclass(frozen=True)
class LexiconMatcher:
    """The debris words, matched once per document: phrases of spaced scripts token by token
    (a dict from first token to phrases), the rest (CJK, Thai, Hangul, symbols) as literals."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    literals: re.Pattern[str] | None
    literal_kind: dict[str, str]
    # each first token as a whole word (searched in the lower-cased text when the text has it), and for
    # a phrase of several tokens the rest of it (non-word characters between its tokens), matched after the first
    first: Mapping[str, regex.Pattern[str]] = field(default_factory=dict)
    rest: Mapping[tuple[str, ...], regex.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, words: Mapping[str, Sequence[str]]) -> LexiconMatcher:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        literal_kind: dict[str, str] = {}
        for kind in LEXICON_KINDS:
            for w in sorted({w.lower() for w in words.get(kind, ())}):
                toks = tuple(_TOKEN.findall(w))
                if toks and not any(_nospace(c) for c in w) and w[0].isalnum() and w[-1].isalnum():
                    by_first.setdefault(toks[0], []).append((toks, kind))
                else:
                    literal_kind.setdefault(w, kind)
        lits = sorted(literal_kind, key=lambda w: (-len(w), w))
        caseless = all(w.lower() == w.upper() for w in lits)  # CJK, Thai, Hangul, symbols: no case to ignore
        flags = 0 if caseless else re.IGNORECASE
        pattern = re.compile("|".join(re.escape(w) for w in lits), flags) if lits else None
        first = {w: regex.compile(r"(?<!\w)" + regex.escape(w) + r"(?!\w)") for w in by_first}
        rest = {
            toks: regex.compile("".join(r"\W+" + regex.escape(t) for t in toks[1:]) + r"(?!\w)")
            for v in by_first.values()
            for toks, _ in v
            if len(toks) > 1
        }
        return cls({k: tuple(v) for k, v in by_first.items()}, pattern, literal_kind, first, rest)

    def hits(self, text: str) -> list[tuple[int, str]]:
        """(offset, kind) of every hit, in no particular order."""
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer: token by token
            return self._hits_by_token(text)
        out: list[tuple[int, str]] = []
        by_first, rest, first = self.by_first, self.rest, self.first
        for head in by_first.keys() & set(_TOKEN.findall(low)):  # the few first tokens present, then where
            for m in first[head].finditer(low):
                pos = m.start()
                for phrase, kind in by_first[head]:
                    if len(phrase) == 1 or rest[phrase].match(low, m.end()):
                        out.append((pos, kind))
        self._literal_hits(text, out)
        return out

    def _hits_by_token(self, text: str) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        toks = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(text)]
        by_first = self.by_first
        for i, (pos, tok) in enumerate(toks):
            cands = by_first.get(tok)
            if cands:
                for phrase, kind in cands:
                    n = len(phrase)
                    if n == 1 or tuple(t for _, t in toks[i : i + n]) == phrase:
                        out.append((pos, kind))
        self._literal_hits(text, out)
        return out

    def _literal_hits(self, text: str, out: list[tuple[int, str]]) -> None:
        if self.literals is not None:
            out.extend(
                (m.start(), self.literal_kind.get(m.group().lower(), "other")) for m in self.literals.finditer(text)
            )


def _nospace(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0eff" or "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3"


def _maybe_url(t: str) -> bool:
    """Cheap gate before ``_URL`` (which needs one of these)."""
    if "://" in t or "@" in t or "#" in t:
        return True
    low = t.lower()
    return "www." in low or ".com" in low or ".org" in low or ".net" in low


# Scripts that count or compare words otherwise (no spaces between words, or Hangul's short words).
_NOSPACE_OR_HANGUL = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u9fff\uac00-\ud7a3\uf900-\ufaff\U00020000-\U0003ffff]"
)


def content_words(text: str) -> set[str]:
    toks = _TOKEN.findall(text.casefold())
    if not _NOSPACE_OR_HANGUL.search(text):  # spaced scripts without Hangul: the words of 4+ characters
        return {tok for tok in toks if len(tok) >= 4}
    out: set[str] = set()
    for tok in toks:
        if _nospace(tok[0]) and len(tok) > 3:
            out.update(tok[i : i + 2] for i in range(len(tok) - 1))
        elif len(tok) >= 4 or (len(tok) >= 2 and "\uac00" <= tok[0] <= "\ud7a3"):
            out.add(tok)
    return out


def _words(text: str) -> tuple[int, set[str]]:
    """``count_words`` and ``content_words`` of a unit, from one tokenization when its script is spaced."""
    if _NOSPACE_OR_HANGUL.search(text):
        return count_words(text), content_words(text)
    toks = _TOKEN.findall(text)
    return len(toks), {w for w in map(str.casefold, toks) if len(w) >= 4}


def _log(n: float) -> float:
    return math.log1p(n) / 5.0


def matrix(text: str, blocks: Sequence[Block], units: Sequence[Unit], lexicon: LexiconMatcher) -> list[list[float]]:
    """One row of ``FEATURES`` per unit, in order."""
    n = len(units)
    if not n:
        return []
    texts = [text[u.start : u.end] for u in units]
    words = [_words(t) for t in texts]
    nwords = [w[0] for w in words]
    cws = [w[1] for w in words]
    terminal = [bool(t) and t.rstrip()[-1] in _TERMINAL for t in texts]
    # lexicon hits, mapped to units by offset (one pass over the text)
    lex: list[set[str]] = [set() for _ in units]
    lex_start = [False] * n
    lo, hi = units[0].start, units[-1].end
    starts = [u.start for u in units]
    j = 0
    for pos, kind in sorted(lexicon.hits(text[lo:hi])):
        pos += lo
        while j + 1 < n and starts[j + 1] <= pos:
            j += 1
        if units[j].start <= pos < units[j].end:
            lex[j].add(kind)
            if pos - units[j].start < 24:
                lex_start[j] = True
    # document word frequencies (per unit) and per-block words
    df: dict[str, int] = {}
    for ws in cws:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    block_order = sorted({u.block for u in units})
    block_pos = {b: k for k, b in enumerate(block_order)}
    block_words: dict[int, list[int]] = {}
    block_df: dict[int, dict[str, int]] = {}
    for i, u in enumerate(units):
        block_words.setdefault(u.block, []).append(i)
        bdf = block_df.setdefault(u.block, {})
        for w in cws[i]:
            bdf[w] = bdf.get(w, 0) + 1
    body = [i for i in range(n) if terminal[i] and nwords[i] >= BODY_WORDS]
    first_body = body[0] if body else n
    last_body = body[-1] if body else -1
    short = [nwords[i] <= SHORT_WORDS and not terminal[i] for i in range(n)]
    run = [0] * n
    k = 0
    while k < n:
        if not short[k]:
            k += 1
            continue
        m = k
        while m + 1 < n and short[m + 1]:
            m += 1
        for x in range(k, m + 1):
            run[x] = m - k + 1
        k = m + 1
    title = cws[0]
    keys = [t.strip().casefold() for t in texts]
    key_n: dict[str, int] = {}
    for key in keys:
        key_n[key] = key_n.get(key, 0) + 1
    block_sets = {bb: set().union(*(cws[x] for x in block_words[bb])) for bb in block_order}
    block_n = {bb: sum(nwords[x] for x in block_words[bb]) for bb in block_order}
    near = [
        set().union(*(block_sets[bb] for bb in block_order[max(0, k - 2) : k + 3] if bb != block_order[k]))
        for k in range(len(block_order))
    ]
    rows: list[list[float]] = []
    for i, (u, t) in enumerate(zip(units, texts, strict=True)):
        b = blocks[u.block]
        stripped = t.rstrip()
        short_unit = nwords[i] <= 40
        if short_unit:
            cased = _CASED.findall(t)
            caps = sum(1 for w in cased if w[0].isupper())
            sig = [w for w in cased[1:] if w.casefold() not in _SMALL]
            title_case = (
                bool(cased)
                and cased[0][0].isupper()
                and (not sig or sum(1 for w in sig if w[0].isupper()) >= 0.6 * len(sig))
            )
            cap_share = caps / len(cased) if cased else 0.0
            all_caps = len(t) >= 4 and t.upper() == t and t.lower() != t
        else:
            cap_share, title_case, all_caps = 0.1, False, False
        digits = sum(map(t.count, "0123456789"))
        ws = cws[i]
        nw = len(ws)
        if nw:
            title_ov = len(ws & title) / nw if i else 1.0
            doc_ov = sum(1 for w in ws if df[w] > 1) / nw
            bp = block_pos[u.block]
            other = near[bp]
            bdf = block_df[u.block]
            neigh_ov = sum(1 for w in ws if w in other or bdf[w] > 1) / nw
            next_ov = len(ws & cws[i + 1]) / nw if i + 1 < n else 0.0
            prev_ov = len(ws & cws[i - 1]) / nw if i else 0.0
        else:
            title_ov = doc_ov = neigh_ov = next_ov = prev_ov = 0.0
        nxt = cws[i + 1] if i + 1 < n else set()
        n_block = len(block_words[u.block])
        block_nw = block_n[u.block]
        row = [
            _log(nwords[i]),
            _log(len(t)),
            float(terminal[i]),
            float(stripped.endswith(":")),
            float(stripped.endswith(_ELLIPSIS_ENDS) and bool(_ELLIPSIS.search(stripped))),
            cap_share,
            float(all_caps),
            float(title_case),
            digits / len(t) if t else 0.0,
            float(_maybe_url(t) and bool(_URL.search(t))),
            float(not _SEP_CHARS.isdisjoint(t) and bool(_SEP.search(t))),
            float(("[" in t or "(" in t) and bool(_TAG.search(t))),
            float(t[:1].islower()),
            float(not _QUOTES.isdisjoint(t)),
            min(len(t) / max(nwords[i], 1), 20.0) / 20.0,
            i / (n - 1) if n > 1 else 0.0,
            min(i, 10) / 10.0,
            (n - 1 - i) / (n - 1) if n > 1 else 0.0,
            min(n - 1 - i, 10) / 10.0,
            float(u.first),
            float(u.last),
            float(u.first and u.last),
            float(b.kind == HEADING or b.heading_like),
            float(b.kind == LIST_ITEM),
            float(b.kind == QUOTE),
            _log(nwords[i - 1]) if i else 0.0,
            _log(nwords[i + 1]) if i + 1 < n else 0.0,
            float(terminal[i - 1]) if i else 0.0,
            float(terminal[i + 1]) if i + 1 < n else 0.0,
            float(i > 0),
            float(i + 1 < n),
            _log(run[i]),
            title_ov,
            doc_ov,
            neigh_ov,
            float(not nw),
            float(i < first_body),
            float(i > last_body),
            _log(n),
            *(float(kind in lex[i]) for kind in LEXICON_KINDS),
            float(lex_start[i]),
            float(i + 1 < n and bool(lex[i + 1])),
            float(i > 0 and bool(lex[i - 1])),
            float(i == n - 1 and not terminal[i]),
            _log(block_nw),
            float(n_block >= 3),
            next_ov,
            prev_ov,
            len(nxt & title) / len(nxt) if nxt else 0.0,
            float(bool(_GLUED.search(t))),
            float("." in t and bool(_DOMAIN_LAST.search(t))),
            float(bool(_MARKER.match(t))),
            _log(key_n[keys[i]] - 1),
        ]
        rows.append(row)
    return rows
