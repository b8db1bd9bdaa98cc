"""The block scorer as a heuristic (id ``model.block``): what the rules leave, scored unit by unit.

Rules and the earlier heuristics decide first; the scorer judges the live units (see
``cleaner.scorer.units``), proposes those whose probability reaches the model's threshold, and
repeats on what survives until nothing more goes (at most ``MAX_PASSES``), so that cleaning its
own output removes nothing (a removed tail makes the previous line the last one). Adjacent units
of one block merge; a group that fills the block removes the block, else a prefix takes the space
after it and a suffix or inline piece the space before it, with exact offsets. Units below the
threshold but above the model's candidate floor (and below ``min_confidence``) are reported as
candidates. Each removal names the predicted category and the features that drove it; ignoring a
category (``--ignore ads``) also drops the scorer's removals predicted in it.
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.config import id_selected
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import Removal
from cleaner.scorer.features import matrix
from cleaner.scorer.model import BlockModel, load
from cleaner.scorer.units import Unit, live_units

MAX_PASSES = 4

# (when the value is above the training mean, when below)
PHRASES: dict[str, tuple[str, str]] = {
    "words_log": ("long", "short"),
    "chars_log": ("long", "short"),
    "terminal": ("ends like a sentence", "no sentence-final punctuation"),
    "ends_colon": ("ends in a colon", "no colon at the end"),
    "ends_ellipsis": ("ends in an ellipsis or a cut marker", "no ellipsis"),
    "cap_share": ("mostly capitalised words", "few capitalised words"),
    "all_caps": ("in capitals", "not in capitals"),
    "title_case": ("title case", "not title case"),
    "digit_share": ("many digits", "few digits"),
    "url_handle_email": ("a URL, handle or e-mail", "no URL"),
    "separator": ("separators (| » • —)", "no separators"),
    "bracket_tag": ("a bracketed tag", "no bracketed tag"),
    "starts_lower": ("starts in lower case", "starts with a capital"),
    "quote_marks": ("quotation marks", "no quotation marks"),
    "mean_word_len": ("long words", "short words"),
    "pos_rel_start": ("late in the text", "early in the text"),
    "pos_abs_start": ("far from the start", "near the start"),
    "pos_rel_end": ("early in the text", "late in the text"),
    "pos_abs_end": ("far from the end", "near the end"),
    "first_in_block": ("first in its line", "inside its line"),
    "last_in_block": ("last in its line", "not last in its line"),
    "alone_in_block": ("a line of its own", "part of a longer line"),
    "kind_heading": ("heading-like", "not heading-like"),
    "kind_list": ("a list item", "not a list item"),
    "kind_quote": ("a quote", "not a quote"),
    "prev_words_log": ("after a long unit", "after a short unit"),
    "next_words_log": ("before a long unit", "before a short unit"),
    "prev_terminal": ("after a finished sentence", "after an unfinished unit"),
    "next_terminal": ("before a finished sentence", "before an unfinished unit"),
    "has_prev": ("has a unit before it", "first unit of the text"),
    "has_next": ("has a unit after it", "last unit of the text"),
    "short_run_log": ("in a run of similar short units", "not in a run of short units"),
    "title_overlap": ("shares words with the title", "shares no words with the title"),
    "doc_overlap": ("shares words with the rest of the text", "shares few words with the rest of the text"),
    "neighbour_overlap": ("shares words with its neighbours", "shares few words with its neighbours"),
    "no_content_words": ("no content words", "has content words"),
    "before_body": ("before the first body sentence", "not before the body"),
    "after_body": ("after the last body sentence", "not after the body"),
    "doc_units_log": ("in a long text", "in a short text"),
    "lex_promo": ("cross-promotion words", "no promotion words"),
    "lex_credit": ("credit or source words", "no credit words"),
    "lex_share": ("share/follow words", "no share words"),
    "lex_newsletter": ("newsletter/subscription words", "no newsletter words"),
    "lex_ad": ("advertisement words", "no ad words"),
    "lex_navigation": ("copyright/navigation/time words", "no navigation words"),
    "lex_comments": ("comment words", "no comment words"),
    "lex_other": ("video/gallery/paywall words", "no video words"),
    "lex_at_start": ("a debris word at its start", "no debris word at its start"),
    "next_lex": ("before a line with debris words", "no debris words after it"),
    "prev_lex": ("after a line with debris words", "no debris words before it"),
    "doc_final_open": ("the text's unfinished last sentence", "not an unfinished ending"),
    "block_words_log": ("in a long paragraph", "in a short line"),
    "in_long_block": ("in a paragraph of several sentences", "in a short block"),
    "next_overlap": ("shares words with the next unit", "shares few words with the next unit"),
    "prev_overlap": ("shares words with the unit before", "shares few words with the unit before"),
    "next_title_overlap": ("the next unit shares words with the title", "the next unit is off the title's topic"),
    "glued_junction": ("words glued without a space", "no glued words"),
    "glued_domain": ("a domain at its end", "no domain at its end"),
    "starts_marker": ("opens with a separator or bullet", "no opening marker"),
    "repeated_log": ("repeated elsewhere in the text", "not repeated in the text"),
}


def _phrase(name: str, above: bool) -> str:
    if "*" in name:  # a pair: both parts, as their product is high (or low)
        return " and ".join(_phrase(part, above) for part in name.split("*"))
    return PHRASES.get(name, (name, name))[0 if above else 1]


def explain(model: BlockModel, row: list[float], p: float, category: str) -> str:
    why = "; ".join(_phrase(name, above) for name, above in model.drivers(row))
    return f"Block scorer: {category} debris (p={p:.2f}): {why or 'overall shape'}."


def block_scorer(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if not ctx.config.block_model:
        return []  # opt-in (Config.block_model): measured in bench/quality.py --set block_model=true
    model = load()
    dead = [(r.start, r.end) for r in ctx.decided() if r.start is not None and r.end is not None]
    out: list[Removal] = []
    last: list[tuple[Unit, list[float], float]] = []
    for _ in range(MAX_PASSES):
        units = live_units(ctx.blocks, dead)
        rows = matrix(ctx.text, ctx.blocks, units, model.lexicon)
        scored = [(u, row, model.probability(row)) for u, row in zip(units, rows, strict=True)]
        chosen = [s for s in scored if s[2] >= model.threshold]
        last = scored
        if not chosen:
            break
        for group in _groups(chosen):
            r = _removal(ctx, h, model, group, dead)
            if id_selected(r.category, (), ctx.config.ignore):  # --ignore ads: no predicted ads either
                out.append(r)
        dead.extend((u.start, u.end) for u, _, _ in chosen)
        dead.extend((r.start, r.end) for r in out if r.start is not None and r.end is not None)
    else:
        last = []
    floor = model.candidate_floor
    for u, row, p in last:
        if floor <= p < model.threshold and p < ctx.config.min_confidence:
            out.append(_removal(ctx, h, model, [(u, row, p)], dead, candidate=True))
    return out


def _groups(chosen: list[tuple[Unit, list[float], float]]) -> list[list[tuple[Unit, list[float], float]]]:
    groups: list[list[tuple[Unit, list[float], float]]] = []
    for s in chosen:
        prev = groups[-1][-1][0] if groups else None
        if prev is not None and prev.block == s[0].block and prev.gap_after == s[0].start:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def _removal(ctx: Context, h: Heuristic, model: BlockModel, group, dead, candidate: bool = False) -> Removal:
    first, last = group[0][0], group[-1][0]
    best = max(group, key=lambda s: s[2])
    _, row, p = best
    category = model.category_of(row)
    reason = explain(model, row, p, category)
    block = ctx.blocks[first.block]
    if first.first and last.last and not candidate and not _touches(dead, block.start, block.end):
        start, end = block.start, block.end
    elif first.first and not last.last:
        start, end = first.start, last.gap_after
        if _touches(dead, last.end, end):
            end = last.end
    else:
        start, end = first.gap_before, last.end
        if _touches(dead, start, first.start):
            start = first.start
    return Removal(h.id, category, reason, h.source, ctx.text[start:end], p, start=start, end=end, block=block.index)


def _touches(dead: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(ds < e and de > s for ds, de in dead)
