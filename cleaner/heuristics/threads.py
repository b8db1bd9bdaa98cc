"""Runs that close a text after the article, known by the shape their lines repeat: a comment thread
(a commenter's name, then what they wrote, again and again) and a run of other stories' teasers (a
headline, then its one-sentence summary, again and again). Position (the run reaches the text's
end), repetition of the line shape and the lack of topic between a line and the one it heads are
the evidence; no word list, so any language with letter case is covered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import regex

from cleaner.blocks import content_stems, ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import LIST_ITEM, Block, Removal

_BODY_MIN_WORDS = 80  # the article before the run: at least this many words of kept text
_BLOCK_WORDS_MAX = 120  # a comment or a summary is at most this long; a longer block is the article

# A commenter's name: one to four words, each opening with a capital (or a letter of a script without
# case), at most one initial with its full stop ('y. Hidayat', 'Mrs. Quddusa Kamil Farooqui'); no
# digit, no sentence punctuation, no bracket or colon (a transcript's 'SMITH:' is a speaker).
_NAME_WORD = regex.compile(r"^(?:[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'\u2019\-]*|\p{L}{1,3}\.)$")
_THREAD_MIN_NAMES = 3
_THREAD_MAX_LINES = 6  # a comment's lines between two names


def _name_line(text: str) -> bool:
    ws = text.split(None, 4)  # a fifth part: more than four words (a long paragraph is not split whole)
    if not 1 <= len(ws) <= 4 or text.rstrip()[-1] in ".!?,;:\u2026":
        return False
    initials = sum(1 for w in ws if w.endswith("."))
    return initials <= 1 and all(_NAME_WORD.match(w) for w in ws) and any(len(w) > 3 for w in ws)


# Within a thread a commenter's name may be written in lower case or with dots ('Muhammad ismail',
# 'bavan', 'Anupriya.V.Sagar'): one to four words of letters, no digit, no sentence end.
_LOOSE_NAME = regex.compile(r"^\p{L}[\p{L}\p{M}.'\u2019_\-]*(?:\s+\p{L}[\p{L}\p{M}.'\u2019_\-]*){0,3}$")


def _loose_name(text: str) -> bool:
    return _LOOSE_NAME.match(text) is not None and text[-1] not in ".!?,;:\u2026"


def _names_own_text(name: str, comment: Sequence[Block]) -> bool:
    """Whether the lines under a name speak of it: a subhead or a person's entry in a list repeats its
    words ('Jane Smith' / 'Smith studied …'); a commenter does not write their own name."""
    stems = content_stems(name)
    return bool(stems) and any(stems & content_stems(b.content) for b in comment)


def _thread_start(
    kept: Sequence[Block], header: Callable[[str], bool], marked: str | None = None
) -> tuple[int, int, bool] | None:
    """From the end: the index in ``kept`` where a thread of groups (a ``header`` line, then a comment)
    that reaches the text's end starts, the names it holds and whether one comes back; None when there is none.
    ``marked``: the word the comment system writes after every name; with it, a comment may be long
    and may open with a greeting ('Hello Cindy,'), and the name is compared to its comment without it."""
    i = len(kept)
    names: list[str] = []
    start = None
    while i > 0:
        # once the groups read hold a thread (enough names, one coming back), a comment may open
        # with a short line ('Hi', 'Nice one', a link's title) and its last line may look like a name
        # ('Thanks', 'Palo Alto Cyberesecurity'): a list of places or people, whose entries open so,
        # has each name once (names alone: a system's word after each name has its own shape)
        held = header is _name_line and len(names) >= _THREAD_MIN_NAMES and len(set(names)) < len(names)
        # one group: a name, then one to a few comment lines, read backwards
        j = i - 1
        most = _MARKED_MAX_LINES if marked is not None else _THREAD_MAX_LINES
        head = _loose_name if held else header
        while j >= 0 and i - j <= most and not (head(kept[j].content.strip()) and (j < i - 1 or not held)):
            j -= 1
        if j < 0 or j == i - 1 or i - j > most:
            break
        comment = kept[j + 1 : i]
        name = kept[j].content
        if marked is not None:
            name = name.rsplit(None, 1)[0]
        opens = marked is not None or held or _prose(comment[0])
        longest = _MARKED_BLOCK_WORDS_MAX if marked is not None else _BLOCK_WORDS_MAX
        if any(b.n_words > longest for b in comment) or not opens or _names_own_text(name, comment):
            break
        names.append(" ".join(kept[j].content.split()).casefold())
        start = j
        i = j
    if start is None:
        return None
    return start, len(names), len(set(names)) < len(names)


_PROSE_MIN_WORDS = 6


def _prose(b: Block) -> bool:
    """A comment opens with what was written: a sentence, or a line of several words; an entry of a
    list of places or people opens with a short line of its facts (an address, a role)."""
    return b.n_words >= _PROSE_MIN_WORDS or ends_terminal(b.content)


# Or a name and the word the comment system writes after every one ('Josh Simi says', 'penny says'):
# a short line without punctuation whose last word, in lower case, ends three or more such lines.
_SAYS_MIN = 3
_SAYS_MAX_WORDS = 6
# Under such a name a comment may run long (a reader's whole story); an article's paragraph under a
# subhead that ends in the same word three times is what the other checks keep.
_MARKED_BLOCK_WORDS_MAX = 300
_MARKED_MAX_LINES = 12
_NAMED_SHARE = 0.75


def _short_line(b: Block) -> list[str] | None:
    """The block's words when it has 2 to ``_SAYS_MAX_WORDS`` of them."""
    ws = b.content.split(None, _SAYS_MAX_WORDS)  # more than that many: too long, split no further
    return ws if 2 <= len(ws) <= _SAYS_MAX_WORDS else None


def _says_word(short: Sequence[list[str]]) -> str | None:
    """``short``: the words of the kept blocks of 2 to ``_SAYS_MAX_WORDS`` words, in order."""
    counts = Counter(ws[-1] for ws in short if ws[-1].isalpha() and ws[-1].islower())
    word, n = counts.most_common(1)[0] if counts else ("", 0)
    return word if n >= _SAYS_MIN else None


def _names_marked(short: Sequence[list[str]], word: str) -> bool:
    """Whether what stands before the word on nearly every such line is a name ('Rachel says'), and
    several different ones, rather than a phrase ('Weekly take', 'Good for') or a label repeated
    ('Fast facts' above each entry of a list)."""
    heads = [ws[:-1] for ws in short if ws[-1] == word]
    named = [" ".join(ws).casefold() for ws in heads if _name_line(" ".join(ws))]
    return len(named) >= _NAMED_SHARE * len(heads) and len(set(named)) >= _THREAD_MIN_NAMES


def _says_header(word: str) -> Callable[[str], bool]:
    def header(text: str) -> bool:
        ws = text.split(None, _SAYS_MAX_WORDS)
        return 2 <= len(ws) <= _SAYS_MAX_WORDS and ws[-1] == word

    return header


# A thread holds three groups or more (``_THREAD_MIN_NAMES``: a header line and at least one line
# under it) after the article's first kept block at least (its words before the thread): fewer
# blocks than that in the text hold none, whatever the decisions keep.
_THREAD_MIN_BLOCKS = 1 + 2 * _THREAD_MIN_NAMES


def comment_thread(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if len(ctx.blocks) < _THREAD_MIN_BLOCKS:
        return  # before reading the decisions: a later round does not ask again
    kept = ctx.kept_blocks()
    # names alone: only when one comes back (a list of places or people has each once)
    got = _thread_start(kept, _name_line)
    if got is not None and not (got[2] and got[1] >= _THREAD_MIN_NAMES):
        got = None
    why = "a name comes back"
    held: dict[int, list[str] | None] = ctx.once("comments.thread", dict)  # each block's once for the document
    short = []
    for b in kept:
        if b.index not in held:
            held[b.index] = _short_line(b)
        if (ws := held[b.index]) is not None:
            short.append(ws)
    word = _says_word(short)
    if word is not None:
        says = _thread_start(kept, _says_header(word), word if _names_marked(short, word) else None)
        if says is not None and says[1] >= _THREAD_MIN_NAMES and (got is None or says[0] < got[0]):
            got, why = says, f"each name followed by '{word}'"
    if got is None:
        return
    start, n_names, _ = got
    if sum(b.n_words for b in kept[:start]) < _BODY_MIN_WORDS:
        return
    for b in kept[start:]:
        yield h.remove_block(
            ctx,
            b,
            0.85,
            f"Comment thread closing the text: {n_names} short name lines ({why}), each followed by "
            "what was written; readers' comments, not the article.",
        )


# A teaser: a headline (3-20 words, no full stop, colon or comma at its end) and its summary (one or
# two sentences, ending in a full stop), most summaries sharing no content word with their headline
# (an article's own subhead introduces its paragraph with the paragraph's words).
_TEASER_MIN_PAIRS = 3
_HEAD_WORDS = (3, 20)
_DEK_WORDS = (5, 45)
_LABEL_MAX_WORDS = 3  # a section word above the run ('Policy', 'More from Reuters')
_TRAILER_MAX_LINES = 6  # a newsletter box's short lines after the run
_TRAILER_MAX_WORDS = 15
_SENTENCE_END = regex.compile(r"[.!?\u0964\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)]?(?=\s|$)")


# A line opening with a label and its colon ('Q:', 'A:', a speaker) is an interview's turn, and one
# opening with a dash or a bullet is a list's item: neither a headline nor its summary.
_TURN_OR_ITEM = regex.compile(r"^(?:\S{1,12}:(?:\s|$)|[^\p{L}\p{N}\"'\u201c\u201e\u00ab\u2018])")


def _plain(b: Block) -> bool:
    return b.kind != LIST_ITEM and not _TURN_OR_ITEM.match(b.content.strip())


def _headline(b: Block) -> bool:
    """3-20 words, no closing full stop, comma, colon or question mark (a question and its answer
    are an FAQ's, which articles close with)."""
    t = b.content.strip()
    return _HEAD_WORDS[0] <= b.n_words <= _HEAD_WORDS[1] and t[-1] not in ".!?,;:\u2026\u0964\u3002" and _plain(b)


def _dek(b: Block) -> bool:
    t = b.content.strip()
    return (
        _DEK_WORDS[0] <= b.n_words <= _DEK_WORDS[1]
        and ends_terminal(t)
        and not t.endswith(":")
        and len(_SENTENCE_END.findall(t)) <= 2
        and _plain(b)
    )


def _teaser_pairs(kept: Sequence[Block], end: int) -> tuple[int, int]:
    """How many headline / summary pairs stand in a row before ``kept[end]``, read backwards, and
    how many of them share a content word (a summary may name its headline's subject again)."""
    n, shared, i = 0, 0, end
    while i >= 2 and _dek(kept[i - 1]) and _headline(kept[i - 2]):
        shared += bool(content_stems(kept[i - 2].content) & content_stems(kept[i - 1].content))
        n += 1
        i -= 2
    return n, shared


def _teaser_end(kept: Sequence[Block]) -> tuple[int, int] | None:
    """Where a run of teasers ends in ``kept`` (followed only by a box's few short lines to the end)
    and how many pairs it holds, or None."""
    for trail in range(min(_TRAILER_MAX_LINES, len(kept)) + 1):
        end = len(kept) - trail
        if trail and kept[end].n_words > _TRAILER_MAX_WORDS:
            return None
        pairs, shared = _teaser_pairs(kept, end)
        if pairs >= _TEASER_MIN_PAIRS and 2 * shared <= pairs:
            return end, pairs
    return None


# A run holds ``_TEASER_MIN_PAIRS`` pairs or more after the article's first kept block at least (its
# words before the run): fewer blocks than that in the text hold none, whatever the decisions keep.
_TEASER_MIN_BLOCKS = 1 + 2 * _TEASER_MIN_PAIRS


def teaser_run(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if len(ctx.blocks) < _TEASER_MIN_BLOCKS:
        return  # before reading the decisions: a later round does not ask again
    kept = ctx.kept_blocks()
    found = _teaser_end(kept)
    if found is None:
        return
    end, pairs = found
    start = end - 2 * pairs
    while start > 0 and end - start < 2 * pairs + 2 and _label(kept[start - 1]):
        start -= 1
    if sum(b.n_words for b in kept[:start]) < _BODY_MIN_WORDS:
        return
    for b in kept[start:]:
        yield h.remove_block(
            ctx,
            b,
            0.8,
            f"Run of {pairs} teasers closing the text: each a headline, then a one-sentence summary "
            "that mostly shares no word with it; other stories, not the article.",
        )


def _label(b: Block) -> bool:
    t = b.content.strip()
    return 1 <= b.n_words <= _LABEL_MAX_WORDS and t[-1] not in ".!?,;\u2026"
