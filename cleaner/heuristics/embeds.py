"""Residue of an embedded post at the very end of the text: the short link of a tweet's picture
(with the attribution or date fused after it), which the scraper kept after the article's last
sentence."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import EndAnchored
from cleaner.model import Removal

# The picture link of a tweet, after a space, a punctuation mark or a line's start, perhaps with the
# date fused after it ("April 22, 2020"); then nothing to the end of the text. Not with the
# attribution fused after it ("— Name (@handle) December 28, 2021"): a text whose last lines are an
# embedded post quoted whole, joined into one line, ends so too (a dev collection's true body does).
_DATE = r"(?:\p{L}{3,9}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4})"
_TRAILING_TWEET = EndAnchored.compile(
    r"(?:[ \t\u00a0]+|^|(?<=[\p{P}\p{S}]))"
    r"(?P<link>pic\.twitter\.com/\w{4,20})"
    rf"(?:[ \t\u00a0]+{_DATE})?"
    r"[ \t\u00a0]*$",
    regex.IGNORECASE,
)


# Off: the text is not asked for the link's slash first (to check that the gate changes nothing).
_GATED = True


def trailing_tweet(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The text's last line (what earlier decisions left of it) ends in a tweet's picture link,
    perhaps with the post's date fused after it: the residue of an embed after the article. In the
    middle of the text, and with the post's attribution after it, the embedded post is quoted by
    the article (the true bodies keep it) and stays."""
    if _GATED and "/" not in ctx.text:
        return  # the link's slash: no view of the text's pieces holds one (before reading the decisions)
    kept = ctx.kept_blocks()
    if not kept:
        return
    last = kept[-1]
    view = ctx.view(last)
    tail = view.text[-300:]
    if "pic.twitter.com" not in tail.lower():
        return
    m = _TRAILING_TWEET.search(tail)
    if m is None:
        return
    start = len(view.text) - len(tail) + m.start()
    yield from h.remove_view(
        ctx,
        last,
        view,
        start,
        len(view.text),
        0.8,
        f"Picture link of an embedded tweet ('{m.group('link')}') ending the text, with nothing of the "
        "article after it: the embed's residue.",
    )
