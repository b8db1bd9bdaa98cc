"""Counting words in every script: the one measure of length that rule bounds (``max_words``),
block word counts and the heuristics share, so that a bound means the same in every script.

Scripts written with spaces between words (Latin, Cyrillic, Greek, Arabic, Devanagari, Bengali,
Hangul, ...) count whitespace-separated tokens, as before. Scripts written without spaces count
by characters, at the average length of a word in them:

- Chinese and Japanese (Han ideographs, hiragana, katakana): 1.5 characters a word, i.e. each
  run of n such characters counts ceil(2n/3) words (a Chinese word averages 1.5-1.7 characters;
  Japanese mixes one-character particles with longer words);
- Thai, Lao, Khmer and Myanmar: 4 code points a word (consonants, vowel signs and tone marks
  together; Thai words average 3.5-4.5 code points), ceil(n/4) for a run of n.

A whitespace token that holds such a run counts its runs' words plus one for any spaced-script
part (``2024年``, ``AI技術``); every token counts at least one. Text without a character of those
scripts (the common case) is counted with one ``str.split``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import regex

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\u30fc"  # ー, the prolonged-sound mark, sits inside katakana words
_SEA = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_UNSPACED = regex.compile(f"[{_CJK}{_SEA}]")
# Every character of those scripts lies in these ranges (Thai and Lao, Myanmar, Khmer and its
# symbols, U+2E80-U+ABFF: CJK radicals to Myanmar Extended-A, and U+D7B0 on: compatibility
# ideographs, halfwidth katakana, the supplementary planes): text without one (Latin with accents,
# Cyrillic, Greek, Arabic, Devanagari, curly quotes, Hangul) is answered by this scan, ~10x cheaper
# than ``regex``'s script properties (tests/test_size_speedups.py sweeps all of Unicode for it).
_MAY_BE_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\uabff\ud7b0-\U0010ffff]")
_RUNS = regex.compile(f"(?P<cjk>[{_CJK}]+)|(?P<sea>[{_SEA}]+)|(?P<other>(?:(?![{_CJK}{_SEA}])[\\p{{L}}\\p{{N}}])+)")


def count_words(text: str) -> int:
    """Words in ``text``, in any script (see the module doc)."""
    if text.isascii() or not _MAY_BE_UNSPACED.search(text) or not _UNSPACED.search(text):
        return spaced_words(text)
    n = 0
    for token in text.split():
        if not _UNSPACED.search(token):
            n += 1
            continue
        units = 0
        other = False
        for m in _RUNS.finditer(token):
            run = m.group()
            if m.lastgroup == "cjk":
                units += (2 * len(run) + 2) // 3
            elif m.lastgroup == "sea":
                units += (len(run) + 3) // 4
            else:
                other = True
        n += max(1, units + other)
    return n


def spaced_words(text: str) -> int:
    """``len(text.split())``, without making the words when the only white space is single spaces:
    in printable text (``str.isprintable``: no character of the categories Other or Separator but
    the ASCII space) every other character ``str.isspace`` takes is absent (they are all control
    characters or separators), so without two spaces in a row each space parts two words, but one
    at either end."""
    if "  " not in text and text.isprintable():
        if not text:
            return 0
        return text.count(" ") + 1 - (text[0] == " ") - (text[-1] == " ")
    return len(text.split())


def words_at_most(text: str, limit: int) -> bool:
    """``count_words(text) <= limit``, without counting a long text: every whitespace token counts
    at least one word, so a text of more than ``limit`` tokens has more than ``limit`` words."""
    if len(text.split(None, limit)) > limit:
        return False
    return count_words(text) <= limit


def _edge(ch: str) -> bool:
    if ch.isalpha() or ch.isdecimal():  # categories L* and Nd: never space, punctuation or symbol
        return False
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def phrase_core(text: str) -> str:
    """``text`` without its edge punctuation, symbols and spaces (what ``phrase_key`` compares)."""
    i, j = 0, len(text)
    while i < j and _edge(text[i]):
        i += 1
    while j > i and _edge(text[j - 1]):
        j -= 1
    return text[i:j]


def phrase_head(text: str, n: int) -> tuple[str, ...] | None:
    """The first ``n`` words of ``phrase_key(text)`` when it has more than ``n``, else None; without
    joining all its words (a long paragraph's key is not made to learn how it starts)."""
    parts = phrase_core(text).split(None, n)
    if len(parts) <= n:
        return None
    return tuple(w.casefold() for w in parts[:n])


def phrase_key(text: str) -> str:
    """How phrases compare: case-folded, edge punctuation and symbols dropped, spaces folded."""
    return core_key(phrase_core(text))


def core_key(core: str) -> str:
    """``phrase_key`` of a text whose ``phrase_core`` is ``core``."""
    # no space at either end: spaces are edges
    if (len(core) > 200 or (len(core) > 64 and core.isascii())) and _single_spaced(core):  # shorter: split
        return core.casefold()  # what joining its words with one space gives: itself
    return " ".join(core.split()).casefold()


_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"  # str.isspace() in ASCII, the space aside
_OTHER_SPACES = tuple(chr(c) for c in range(0x80, 0x3001) if chr(c).isspace())  # and beyond (none past U+3000)


def _single_spaced(text: str) -> bool:
    """Whether the only whitespace in ``text`` is single spaces: then its words joined with one
    space are ``text`` stripped. A few substring tests, where splitting a long text into its words
    costs a string for each."""
    if "  " in text or any(c in text for c in _ASCII_SPACES):
        return False
    return text.isascii() or not any(c in text for c in _OTHER_SPACES)


# Where ``lined_fold`` stands for a character that folds to several.
UNFOLDED = "\uffff"
# The characters whose case folding is several characters (Unicode 14: 104 of them); should a
# later Unicode add some, ``lined_fold`` finds them all once (~0.1 s).
_FOLDING_TO_SEVERAL = re.compile(
    "[\u00df\u0130\u0149\u01f0\u0390\u03b0\u0587\u1e96-\u1e9a\u1e9e\u1f50\u1f52\u1f54\u1f56\u1f80-\u1faf"
    "\u1fb2-\u1fb4\u1fb6-\u1fb7\u1fbc\u1fc2-\u1fc4\u1fc6-\u1fc7\u1fcc\u1fd2-\u1fd3\u1fd6-\u1fd7\u1fe2-\u1fe4"
    "\u1fe6-\u1fe7\u1ff2-\u1ff4\u1ff6-\u1ff7\u1ffc\ufb00-\ufb06\ufb13-\ufb17]"
)


@lru_cache(maxsize=2)
def lined_fold(text: str) -> str:
    """``text.casefold()`` lined up with the text: offset i is character i's fold, the one a
    case-blind pattern compares by (its simple case folding), wherever that fold is one character;
    a character that folds to several ("ß", "İ") stands as one ``UNFOLDED``. Where ``UNFOLDED``
    stands the fold says nothing (a case-blind pattern may match there what no fold shows:
    ``regex`` matches "İ" with "i"), so a reader takes it for anything; one such character in a
    long text (a German "ß" in 10 MB) costs its reader the block that holds it, not the text's
    one scan. The one fold every gate reads (the words it looks for folded by ``blind_folds``);
    kept for the document being cleaned: several heuristics ask."""
    folded = text.casefold()
    if len(folded) == len(text):  # every character folds to one (none folds to nothing)
        return folded
    folded = _FOLDING_TO_SEVERAL.sub(UNFOLDED, text).casefold()
    if len(folded) != len(text):
        folded = _folding_to_several().sub(UNFOLDED, text).casefold()
    return folded


@lru_cache(maxsize=1)
def _folding_to_several() -> re.Pattern[str]:
    """``_FOLDING_TO_SEVERAL`` of the running Python's Unicode, found by asking every character."""
    chars = (chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    return re.compile("[" + "".join(re.escape(ch) for ch in chars if len(ch.casefold()) != 1) + "]")


def aligned_fold(text: str) -> str | None:
    """``lined_fold(text)`` when every character folds to one (it marks none ``UNFOLDED``), else
    None: the fold as all or nothing, for a caller that has no use for a partial one."""
    folded = lined_fold(text)
    if UNFOLDED not in folded or len(text.casefold()) == len(text):  # else a character folds to several
        return folded
    return None


def blind_folds(word: str) -> set[str]:
    """The spellings a case-blind regex (``regex.IGNORECASE``) can match ``word`` by, as the text
    reads once case-folded (``lined_fold``): the word's folding, and with each dotless ı also as
    i, since that compare takes "I" for "ı" and "I" folds to "i" (the one such letter: checked over
    every character of the lexicons against all of Unicode). For gates that look for a lexicon's
    words in the folded text."""
    parts = word.casefold().split("\u0131")
    out = {parts[0]}
    for part in parts[1:]:
        out = {v + d + part for v in out for d in ("\u0131", "i")}
    return out


def word_trie(words: Iterable[str]) -> dict[str, Any]:
    """The words as a trie of characters; ``""`` marks where a word ends."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def trie_regex(words: Iterable[str], space: str | None = None, whole: bool = False) -> str:
    """One regex for a set of literals, shaped as a trie so a search costs little per position. It
    matches where one of them starts (a word that a shorter one starts with adds nothing: the
    shorter is enough, as for a prefilter); ``whole``: it matches each of them whole, the language
    of their alternation (for a pattern anchored after them). ``space``: what a space in a word
    stands for (``\\s+``, as the lexicons' patterns read it), else a space. No words: a pattern that
    matches nowhere (an empty alternation would match everywhere)."""
    trie = word_trie(words)
    if not trie:
        return "(?!)"

    def build(node: dict[str, Any]) -> str:
        if "" in node and len(node) == 1:
            return ""
        alts = []
        end = False
        for ch in sorted(node):
            if ch == "":
                end = True
                continue
            alts.append((space if ch == " " and space is not None else re.escape(ch)) + build(node[ch]))
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        if end:
            # a shorter literal already ends here: it alone is enough for the prefilter
            return body + "?" if whole else ""
        return body

    return build(trie)


# Characters whose own canonical form (NFC) is another spelling: the letters Unicode never composes
# (the nukta letters of Devanagari, Bengali, Gurmukhi, Oriya: ড় U+09DC is ড + ় in NFC), Greek
# letters with oxia (ά U+1F71 is ά U+03AC), the Greek question mark, CJK compatibility ideographs.
# Scraped text has them either way (33 of wild-dev's Bengali articles spell পড়ুন with U+09DC),
# while rules and lexicons are written in NFC; text itself is never normalized (see normalize.py).
_RESPELLED_RANGES = ((0x0300, 0x2400), (0xF900, 0xFB50), (0x1D100, 0x1D200), (0x2F800, 0x2FA20))


@lru_cache(maxsize=1)
def respelled() -> dict[str, str]:
    """Each character whose own NFC differs, with that NFC (one or two characters)."""
    out: dict[str, str] = {}
    for lo, hi in _RESPELLED_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            nfc = unicodedata.normalize("NFC", ch)
            if nfc != ch:
                out[ch] = nfc
    return out


def code_point_runs(cps: Iterable[int]) -> list[tuple[int, int]]:
    """The code points as runs of consecutive ones, ``(first, last)``, in order."""
    runs: list[list[int]] = []
    for cp in sorted(set(cps)):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return [(a, z) for a, z in runs]


def runs_class(runs: Iterable[tuple[int, int]]) -> str:
    """A regex character class of the runs (``[]`` items as ``\\U`` ranges)."""
    return "[" + "".join(f"\\U{a:08x}-\\U{z:08x}" for a, z in runs) + "]"


@lru_cache(maxsize=1)
def respelled_char() -> re.Pattern[str]:
    """One character class of :func:`respelled`'s characters, as ranges (a search is then cheap)."""
    return re.compile(runs_class(code_point_runs(map(ord, respelled()))))


def has_respelled(text: str) -> bool:
    """Whether ``text`` holds a character :func:`respelled` maps (never for ASCII)."""
    return not text.isascii() and respelled_char().search(text) is not None


@lru_cache(maxsize=1)
def _multi_spelled() -> tuple[tuple[str, str], ...]:
    """:func:`respelled`'s characters whose spelling is several characters, in its order (84 of
    its ~1,100: ``spellings`` looked through all of them for every lexicon word)."""
    return tuple((ch, canon) for ch, canon in respelled().items() if len(canon) > 1)


@lru_cache(maxsize=1)
def _multi_ascii_free() -> bool:
    """Whether no several-character spelling holds an ASCII character (then an ASCII word has
    none of them, and none of ``spellings``' other forms, which are of other scripts)."""
    return all(not any(c.isascii() for c in canon) for _, canon in _multi_spelled())


def spellings(word: str) -> tuple[str, ...]:
    """``word`` as written (NFC) and the other spellings text may use for it: every character that
    has a one-character spelling outside NFC in that spelling (পড়ুন with ড় U+09DC as well as with
    ড + ়), Malayalam's chillu letters as consonant, virama and joiner, Persian and Urdu with the
    Arabic yeh and kaf, and Greek without its tonos, as Greek
    is written in capitals (ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ for διαβάστε επίσης; a case-insensitive match then
    finds either)."""
    nfc = unicodedata.normalize("NFC", word)
    if nfc.isascii() and _multi_ascii_free():
        return (nfc,)  # none of the spellings below holds an ASCII character
    out = [nfc]
    back: dict[str, str] = {}
    for ch, canon in _multi_spelled():
        if canon in nfc:
            back.setdefault(canon, ch)
    other = nfc
    for canon, ch in back.items():
        other = other.replace(canon, ch)
    out.append(other)
    if "\u06cc" in nfc or "\u06a9" in nfc:
        out.append(nfc.translate(_ARABIC_YEH_KAF))
    if any("\u0d7a" <= ch <= "\u0d7f" for ch in nfc):
        out.append(nfc.translate(_MALAYALAM_CHILLU))
    decomposed = unicodedata.normalize("NFD", nfc)
    if _GREEK_TONOS.search(decomposed):
        out.append(unicodedata.normalize("NFC", _GREEK_TONOS.sub("", decomposed)))
    return tuple(dict.fromkeys(out))


# Persian and Urdu typed on an Arabic keyboard: ي and ك for ی and ک (بيشتر بخوانيد).
_ARABIC_YEH_KAF = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})
# Malayalam's chillu letters as Unicode 5.1 encodes them (ൽ) and as text before it did, and
# much text still does: the consonant, virama and zero-width joiner (ല + ് + U+200D).
_MALAYALAM_CHILLU = str.maketrans(
    {chr(0x0D7A + i): base + "\u0d4d\u200d" for i, base in enumerate("\u0d23\u0d28\u0d30\u0d32\u0d33\u0d15")}
)
# The tonos (acute) on a Greek vowel, in NFD; capitals drop it, the dialytika stays.
_GREEK_TONOS = regex.compile(r"(?<=\p{Greek}\p{Mn}*)\u0301")


def uncovered(free: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of the ``free`` ranges that no cut covers, in order."""
    out = []
    for a, z in free:
        pos = a
        for s, e in sorted(cuts):
            if s > pos:
                out.append((pos, min(s, z)))
            pos = max(pos, e)
        if pos < z:
            out.append((pos, z))
    return [(a, z) for a, z in out if z > a]
