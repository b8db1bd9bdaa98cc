"""Cross-promotion found by repetition, without a word list: a series' navigation ("Part 1: Title",
"Part 2: Title", … one line each), and a bulleted link label the scraper glued into the running
text again and again ("… Louise Taylor • Match report: Newcastle 2-0 Nottingham Forest More …")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import regex

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import Block, Removal
from cleaner.text import count_words, words_at_most

# A series' navigation: at least this many lines in a row, each short, that say the same title once
# the part's number (and the word before the colon that names it) are set aside.
_SERIES_MIN_LINES = 3
_SERIES_MAX_WORDS = 15
_SERIES_LABEL_MAX_WORDS = 3
_SERIES_TITLE_MIN_WORDS = 2
_NUMBER = regex.compile(r"\p{N}+")
_DIGITS = regex.compile(r"\p{Nd}+")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_EDGE = regex.compile(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")


def _series_key(line: str) -> str | None:
    """The title a line of a series' navigation names: the text after the part's label ("Part 2:",
    "দ্বিতীয় পর্ব:") with every number set aside. None when the line cannot be one (too long, a
    sentence, no label of at most 3 words and a colon, a title of fewer than two words)."""
    if ":" not in line:
        return None  # no label and colon (asked first: most lines have none)
    t = line.strip()
    if not t or not words_at_most(t, _SERIES_MAX_WORDS) or ends_terminal(t):
        return None
    label, colon, title = t.partition(":")
    if not colon or not label.strip() or count_words(label) > _SERIES_LABEL_MAX_WORDS:
        return None
    key = " ".join(_NUMBER.sub(" ", title).split())
    key = _EDGE.sub("", key).casefold()
    return key if len(_LETTERS.findall(key)) >= _SERIES_TITLE_MIN_WORDS else None


def _series_line(b: Block) -> str | None:
    return _series_key(b.content)


def _part_numbers_rise(run: Sequence[str]) -> bool:
    """Whether the lines' last numbers count the parts one by one (1, 2, 3 or ১, ২, ৩): prices,
    times and dates in a list of the same shape do not."""
    last = []
    for t in run:
        found = _DIGITS.findall(t)
        if not found:
            return False
        last.append(int(found[-1][-9:]))
    return all(y == x + 1 for x, y in zip(last, last[1:], strict=False))


def series_list(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """Three lines or more in a row that name the same title with their parts counted one by one
    ("Part 1: The sky at night", "Part 2: The sky at night", …) are the series' navigation, links
    to the other parts: they go. A list of prices, hours or dates of one shape does not count its
    lines; lines that differ in nothing else are a repeat, not a series."""
    if _GATED and ctx.text.count(":") < _SERIES_MIN_LINES:
        return  # each line of a run holds a colon (``_series_key``): fewer in the text, no run
    series = ctx.judged(_series_line)
    if _GATED and not ctx.once(_may_run, lambda: _may_run(series)):
        return  # before reading the decisions: no run, whatever they are
    kept = ctx.kept_blocks()
    # the lines as the clean text shows them: what earlier cuts leave of a line is the line a
    # second cleaning would count in a run
    lines: list[str] = []
    keys: list[str | None] = []
    for b in kept:
        cut = bool(ctx.prior_cuts(b))
        lines.append(ctx.surviving(b) if cut else b.content)
        keys.append(_series_key(lines[-1]) if cut else series[b.index])
    i = 0
    while i < len(keys):
        key = keys[i]
        j = i + 1
        while key is not None and j < len(keys) and keys[j] == key:
            j += 1
        run = lines[i:j]
        if (
            key is not None
            and len(run) >= _SERIES_MIN_LINES
            and len(run) < len(kept)
            and _distinct(run)
            and _part_numbers_rise(run)
        ):
            why = f"One of {len(run)} lines naming the same series' parts: links to the other parts."
            for b in kept[i:j]:
                yield from h.remove_left(ctx, b, 0.8, why)
        i = j


def _may_run(series: Sequence[str | None]) -> bool:
    """Whether the blocks' series keys (``_series_line``) can make a run: three of them alike (the
    kept blocks are some of the blocks, so a run of kept ones is among them)."""
    counts = Counter(k for k in series if k is not None)
    return bool(counts) and max(counts.values()) >= _SERIES_MIN_LINES


# Off: ``series_list`` reads every text, whatever ``_may_run`` says (to check that it changes nothing).
_GATED = True


def _distinct(run: Sequence[str]) -> bool:
    return len({" ".join(t.split()) for t in run}) == len(run)


# A bulleted link label inside a line: a bullet after some text, a label of one to three words that
# opens with a capital (or a letter of a script without case) and a colon ("• Match report: …").
_BULLETS = "\u2022\u25aa\u25ba\u25b6\u25a0\u27a4"
_BULLET_LABEL = regex.compile(
    r"(?<=\S)[ \t]+["
    + _BULLETS
    + r"][ \t]*(?P<label>[\p{Lu}\p{Lo}][\p{L}\p{M}'\u2019]*(?:[ \t]+[\p{L}\p{M}'\u2019]+){0,2})"
    r"[ \t]*:[ \t]+"
)
_BULLET_LABEL_MIN_REPEATS = 2
_SENTENCE_END = regex.compile(r"[.!?\u3002\uff01\uff1f\u0964](?![\p{L}\p{N}])")
_TOKEN = regex.compile(r"\S+")
_NEXT_BULLET = regex.compile(r"[" + _BULLETS + r"]")
# The link's title when it runs to the line's end or to the next bullet: at most this many words.
_TITLE_MAX_WORDS = 20


def _title_end(content: str, at: int) -> int:
    """Where the title after a bulleted label ends. Up to the next bullet or the line's end when that
    is short and ends no sentence; else, in a script with capitals, the run of capitalised words and
    figures (a name, a score: "Newcastle 2-0 Nottingham Forest") but its last word, which opens the
    next sentence ("… Forest More Rodri worries …" keeps "Rodri"; sentence case capitalises one word
    and names more, so the run may keep a word of the title or give one of the sentence, no more);
    where the title cannot be told from what follows, nothing (``at``): then the label stays too
    ("• Q: What did you see? • A: …" is an interview's own)."""
    nxt = _NEXT_BULLET.search(content, at)
    stop = nxt.start() if nxt else len(content)
    segment = content[at:stop]
    if segment.strip() and not _SENTENCE_END.search(segment) and count_words(segment) <= _TITLE_MAX_WORDS:
        return at + len(segment.rstrip())
    run: list[regex.Match[str]] = []
    for tok in _TOKEN.finditer(content, at, stop):
        first = tok.group()[0]
        if not (first.isupper() or first.isdigit()) or _SENTENCE_END.search(tok.group()):
            break
        run.append(tok)
    return run[-2].end() if len(run) >= 2 else at


def bullet_label(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The same bulleted label glued inside the text's lines twice or more ("… Louise Taylor • Match
    report: Newcastle 2-0 Nottingham Forest More Rodri worries …", once after every item of a
    roundup): each is a link to another page; the bullet, the label and the link's title go."""
    if not any(c in ctx.text for c in _BULLETS):
        return  # no bullet in the text, none in a block: before reading the decisions (not asked again)
    gone = ctx.removed_blocks()
    found: list[tuple[Block, regex.Match[str]]] = []
    for b in ctx.blocks:
        if b.index not in gone and len(b.content) <= 50000 and any(c in b.content for c in _BULLETS):
            found.extend((b, m) for m in _BULLET_LABEL.finditer(b.content))
    counts = Counter(" ".join(m.group("label").split()).casefold() for _, m in found)
    for b, m in found:
        if counts[" ".join(m.group("label").split()).casefold()] < _BULLET_LABEL_MIN_REPEATS:
            continue
        content = b.content
        s, e = len(content[: m.start()].rstrip()), _title_end(content, m.end())
        if e <= m.end():  # no title told from the text after it: a label alone may be the text's own
            continue
        a, z = b.content_start + s, b.content_start + e
        if any(x < z and a < y for x, y in ctx.prior_cuts(b)):
            continue
        yield h.remove_span(
            ctx, b, a, z, 0.8, f"Bulleted link label '{m.group('label')}' repeated in the text, with its link's title."
        )
