"""Heuristic registry, last stretch of the run order, on what everything else leaves: site-level
repetition, repeated blocks, then the block scorer.

``cleaner.heuristics`` joins the stretches into ``HEURISTICS`` in run order (order matters)."""

from __future__ import annotations

from cleaner.heuristics.base import Heuristic
from cleaner.heuristics.truncation import repeated_block
from cleaner.repetition.decider import site_repeat
from cleaner.scorer.decider import block_scorer

REPEATS: tuple[Heuristic, ...] = (
    Heuristic(
        "repeat.site",
        "repeat",
        "Block that recurs across many documents of the same site (boilerplate).",
        "Only in corpus runs with site-level repetition on (batch/check/fix --site-repetition, "
        "cleaner.repetition.two_pass, cleaner.spark): a block of at most 40 words whose hash appears "
        "in at least 5 documents and 20% of a site's documents (sites of 10 or more) is a footer, "
        "disclaimer, syndication note or newsletter box. The reason gives the count.",
        site_repeat,
        confidence=(0.45, 0.95),
    ),
    Heuristic(
        "truncation.repeated-block",
        "truncation",
        "Block that repeats another block or the start of one.",
        "Scrapers often pick up a teaser of the lead (or the same paragraph twice); the repeat goes. A "
        "candidate only (the dev collections' true bodies keep pull quotes, doubled paragraphs and "
        "teasers), except a teaser that repeats another block's start and ends in an ellipsis glued to a "
        "word, once what earlier decisions removed is set aside ('… peak employment during... Read More' "
        "above the paragraph it opens): cut off, it is a teaser for sure.",
        repeated_block,
        confidence=(0.45, 0.8),
    ),
    Heuristic(
        "model.block",
        "model",
        "Unit that the learned block scorer judges to be debris (its category and features in the reason).",
        "Small gradient-boosted trees (or a logistic regression) over general features of sentence-level units (length, punctuation, "
        "capitals, digits, URLs, separators, position from the start and the end, the neighbours, runs "
        "of short lines, overlap with the title and the neighbouring paragraphs, a small multilingual "
        "debris lexicon), trained on scraped text with labelled debris (scripts/train_scorer.py) and "
        "validated with whole sites held out. It judges what the rules and the heuristics above leave; "
        "its removals carry the predicted category, the probability as confidence and the features that "
        "drove it. Model: cleaner/scorer/block-model.json.",
        block_scorer,
        confidence=(0.0, 1.0),
    ),
)
