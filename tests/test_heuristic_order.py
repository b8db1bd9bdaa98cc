"""The heuristic registry's run order (HEURISTICS, joined from cleaner/heuristics/registry_*.py).

Heuristics run in this order and each sees the decisions before it, so a reshuffle while moving
entries between the registry modules changes what gets removed: the order is written out here.
"""

from __future__ import annotations

from cleaner.heuristics import (
    HEURISTICS,
    registry_credits,
    registry_headlines,
    registry_navigation,
    registry_repeats,
    registry_tails,
)

ORDER = (
    "truncation.dangling-fragment",
    "truncation.snippet-limit",
    "truncation.cut-teaser",
    "headline.loaded",
    "headline.tagged",
    "headline.all-caps",
    "tail.section-items",
    "headline.question-kicker",
    "promo.inline-lead-in",
    "promo.lead-in-target",
    "promo.inline-label",
    "credit.inline-caption",
    "credit.position-caption",
    "credit.open-dated-caption",
    "credit.closing-copyright",
    "credit.doubled-caption",
    "credit.glued-caption",
    "credit.repeated-credit",
    "credit.dateline-caption",
    "headline.above-dateline",
    "credit.source-note",
    "credit.closing-bio",
    "credit.sign-off",
    "credit.byline-line",
    "credit.item-sign-off",
    "promo.bullet-label",
    "promo.series-list",
    "share.network-row",
    "widget.section-label",
    "navigation.menu-run",
    "navigation.footer-run",
    "navigation.menu-line",
    "tail.link-residue",
    "embed.trailing-tweet",
    "headline.stacked",
    "headline.trailing",
    "headline.off-style",
    "tail.link-card",
    "comments.thread",
    "comments.reader-run",
    "related.teaser-run",
    "related.card-run",
    "navigation.slide-counter",
    "promo.support-appeal",
    "tail.service-note",
    "promo.reader-call",
    "promo.tail-call",
    "truncation.opening-teaser",
    "widget.toc-label",
    "tail.closing-section",
    "tail.after-debris",
    "repeat.site",
    "truncation.repeated-block",
    "model.block",
)


def test_heuristics_run_in_the_pinned_order():
    assert tuple(h.id for h in HEURISTICS) == ORDER


def test_registry_modules_join_in_run_order_without_gaps_or_overlaps():
    parts = (
        registry_headlines.HEADLINES,
        registry_credits.CREDITS,
        registry_navigation.NAVIGATION,
        registry_tails.TAILS,
        registry_repeats.REPEATS,
    )
    assert tuple(h for part in parts for h in part) == HEURISTICS
    assert len({h.id for h in HEURISTICS}) == len(HEURISTICS)
