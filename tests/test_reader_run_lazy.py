"""comments.reader-run reads a line for praise only where a run of praise may start (the lower half
of the text's words), and above it only when a run of replies reaches there, to count the run's
lines for the reason. The answer (start, count) is the one of reading every line, as the heuristic
did before: compared here with that reading, kept below as the reference, on random runs."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.heuristics import reactions


@dataclass(frozen=True)
class _Line:
    text: str
    n_words: int


class _Ctx:
    @staticmethod
    def surviving(block: _Line) -> str:
        return block.text


@dataclass(frozen=True, eq=False)
class _Marks:
    read: list[str]

    def of(self, text: str) -> bool:
        self.read.append(text)
        return text.startswith("praise")


def _reference(kept, marks):
    """The reading of every line down to a quarter of the text's words (the heuristic before)."""
    total = sum(b.n_words for b in kept)
    before = total
    found, n, replies = None, 0, 0
    for i in range(len(kept) - 1, -1, -1):
        before -= kept[i].n_words
        if before < reactions._BEFORE_MIN_WORDS or before < reactions._REPLY_BEFORE_MIN_SHARE * total:
            break
        text = kept[i].text
        reply = reactions._reply(text.lstrip())
        if not (reply or marks.of(text)):
            continue
        n += 1
        replies += reply
        run = len(kept) - i
        if (
            before >= reactions._BEFORE_MIN_SHARE * total
            and n >= reactions._MIN_REACTIONS
            and n >= reactions._MIN_SHARE * run
        ):
            found = (i, n)
        elif reply and replies >= reactions._MIN_REPLIES and replies >= reactions._REPLY_SHARE * run:
            found = (i, n)
    return found


KINDS = {"plain": "plain line {i}", "praise": "praise line {i}", "reply": "@reader{i}, a reply"}
LINES = st.lists(st.tuples(st.sampled_from(sorted(KINDS)), st.integers(1, 120)), min_size=1, max_size=40)


@settings(max_examples=400, deadline=None)
@given(LINES)
@example([("plain", 100), ("plain", 100), ("plain", 100), ("reply", 10), ("praise", 10), ("reply", 10), ("reply", 400)])
def test_the_answer_is_that_of_reading_every_line(spec) -> None:
    kept = [_Line(KINDS[kind].format(i=i), words) for i, (kind, words) in enumerate(spec)]
    reactions._marked.cache_clear()
    lazy = reactions._run_start(_Ctx(), kept, _Marks([]))
    assert lazy == _reference(kept, _Marks([]))


def test_above_the_lower_half_praise_is_not_read_without_a_run_of_replies() -> None:
    head = [_Line(f"plain line {i}", 100) for i in range(3)]  # 300 words
    upper = [_Line(f"praise line {i}", 50) for i in range(4)]  # 300-500 words before them: upper half
    lower = [_Line(f"plain tail {i}", 50) for i in range(10)]  # the lower half of the 1,000 words
    marks = _Marks([])
    reactions._marked.cache_clear()
    assert reactions._run_start(_Ctx(), head + upper + lower, marks) is None
    assert not [t for t in marks.read if t.startswith("praise")]
    # a run of replies reaching above the lower half: its praise lines there are counted
    replies = [_Line(f"@reader{i}, a reply", 50) for i in range(10)]
    reactions._marked.cache_clear()
    kept = head + upper[:2] + [_Line("@reader, above", 50)] + upper[2:] + replies
    found = reactions._run_start(_Ctx(), kept, _Marks([]))
    assert found == _reference(kept, _Marks([])) == (5, 13)  # the reply above, 10 below, 2 praise between
