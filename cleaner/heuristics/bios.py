"""The author's bio closing the text after a separator line ("--", "* * *"): "Jane Roe is
Director of Marketing at Example Co. …"."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import alternation
from cleaner.model import Removal

# A line of rule characters only: two or more dashes, stars, underscores, tildes, equals signs or
# bullets, spaces between them allowed ("--", "* * *", "___", "———").
_RULE_LINE = regex.compile(r"[ \t]*(?:[\-\u2013\u2014_*~=\u2022\u00b7][ \t]*){2,}")
# A bio is short: a sentence or three about the writer.
_BIO_MAX_WORDS = 80
# The body before the rule: at least this many words in the blocks kept before it.
_BODY_MIN_WORDS = 25
# A person's name: two to four capitalised words (a middle initial allowed), case-sensitive.
_NAME = r"(?-i:\p{Lu}[\p{Ll}'\u2019\-]+(?:[ \t]+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'\u2019\-]+)){1,3})"


@lru_cache(maxsize=8)
def _bio_pattern(verbs: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(
        r"[ \t]*" + _NAME + r",?[ \t]+(?:" + alternation(verbs) + r")(?![\p{L}\p{N}])", regex.IGNORECASE
    )


def closing_bio(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The text's last kept block opens with a person's name and a copula ("Brad Shorr is …") and
    comes right after a line of rule characters that follows the article: the writer's bio that
    syndicated posts close with. The rule line goes with it."""
    verbs = ctx.rulebook.words("credit.bio-verbs", None)
    alive = ctx.kept_blocks()
    if not verbs or len(alive) < 3:
        return
    rule, bio = alive[-2], alive[-1]
    if not _RULE_LINE.fullmatch(rule.content):
        return
    # the bio as the clean text shows it (what earlier cuts leave): a second cleaning judges that
    text, n = ctx.left_words(bio)
    if not 3 <= n <= _BIO_MAX_WORDS:
        return
    if sum(b.n_words for b in alive[:-2]) < _BODY_MIN_WORDS or not _bio_pattern(verbs).match(text):
        return
    reason = "The writer's bio closing the text after a rule line ('--'): who wrote it, not the article."
    yield h.remove_block(ctx, rule, 0.8, reason)
    yield from h.remove_left(ctx, bio, 0.8, reason)
