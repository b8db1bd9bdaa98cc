"""A cut that leaves the lines of a paragraph apart: the rules look at each line as the next
cleaning segments it (found by the randomized idempotence test, ``test_text_is_idempotent``)."""

from cleaner import Cleaner, Config

PARA = (
    "0\u00ad000 Also Read: Minister Quits Over Scandal\n"
    "A\u00adlso Read: Minister Quits Over Scandal\n"
    "Al\u00adso Read: Minister Quits Over Scandal"
)
TEXT = "T\u00adhe the the the.\n\n" * 4 + "A\u00adlso Read: Minister Quits Over Scandal\n\n" + PARA + "\n\n"


def test_lines_left_apart_are_looked_at_one_by_one() -> None:
    cleaner = Cleaner(Config())
    first = cleaner.clean(TEXT)
    # " Also Read:" cut from the first line leaves "0000 Minister Quits Over Scandal", a
    # headline-like line: the next cleaning makes each line a block, and promo.also-read takes
    # the other two; so does this one
    assert first.text.endswith("0\u00ad000 Minister Quits Over Scandal")
    assert [r.rule for r in first.removed].count("promo.also-read") == 3
    assert cleaner.clean(first.text).text == first.text


def test_a_paragraph_that_stays_one_block_is_not_split() -> None:
    text = (
        "The minister said the plan would cost more than expected and\n"
        "take longer. Read more: the budget was set in May. She said\n"
        "nothing about the delay.\n"
    )
    cleaner = Cleaner(Config())
    first = cleaner.clean(text)
    # the cut leaves lines that still continue one another: one paragraph, nothing more to take
    assert [(r.rule, r.text) for r in first.removed] == [("promo.inline-label", " Read more:")]
    assert cleaner.clean(first.text).text == first.text


def test_a_long_block_is_not_segmented_again(monkeypatch) -> None:
    # each part's view reads the whole block: segmenting a very long block again could cost its
    # length once per line; such a block is left as one
    import cleaner.match as match

    calls: list[int] = []
    real = match.segment
    monkeypatch.setattr(match, "segment", lambda t: calls.append(len(t)) or real(t))
    line = "The council met on Tuesday to vote on the new budget for roads and schools and"
    cut = "the council met on tuesday to vote. Advertisement The budget was set in may and"
    short = "\n".join([line, cut, line]) + "\n"
    cleaner = Cleaner(Config(time_limit=0))
    assert any(r.rule == "ads.inline-marker" for r in cleaner.clean(short, lang="en").removed)
    assert calls  # a short block with a cut is segmented again
    calls.clear()
    long = "\n".join([line, cut] + [line] * 300) + "\n"
    assert len(long) > match.MAX_PARTS_CHARS
    assert any(r.rule == "ads.inline-marker" for r in cleaner.clean(long, lang="en").removed)
    assert not calls
