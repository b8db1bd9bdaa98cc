"""HTML in, article blocks out: decode, parse once, drop debris by rule, extract with trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.config import Config, id_selected
from cleaner.html.encoding import decode_html
from cleaner.html.page import declared_lang, drop_page_title, drop_standfirst, linked_headlines, page_title
from cleaner.html.parse import looks_binary, parse
from cleaner.html.prune import apply_html_rules
from cleaner.html.render import Block3, body_blocks
from cleaner.html.rules import HtmlRule, rules_for_url
from cleaner.model import InputInfo, Removal

__all__ = ["Extracted", "extract"]

# trafilatura logs every discarded page at WARNING/ERROR; the reason reaches callers as `error`
for _name in ("trafilatura", "trafilatura.core", "trafilatura.utils", "trafilatura.main_extractor", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Extracted:
    blocks: tuple[Block3, ...]  # (kind, text, level)
    removals: tuple[Removal, ...]
    info: InputInfo
    error: str | None = None
    title: str | None = None
    lang: str | None = None  # the language the page declares (primary subtag), if any
    held: tuple[Removal, ...] = ()  # what a guard kept: reported as candidates


def extract(
    data: str | bytes,
    *,
    url: str | None,
    html_rules: Sequence[HtmlRule],
    config: Config,
) -> Extracted:
    """Extract the article from an HTML page; never raises for bad input, reports it in ``error``."""
    if len(data) > config.max_input_chars:
        info = InputInfo(
            kind="html",
            encoding="str" if isinstance(data, str) else "unknown",
            encoding_source="given" if isinstance(data, str) else "none",
            url=url,
        )
        return Extracted((), (), info, error=f"input too large: {len(data)} > {config.max_input_chars} characters")
    decoded = decode_html(data)
    info = InputInfo(kind="html", encoding=decoded.encoding, encoding_source=decoded.source, url=url)
    if not decoded.text.strip():
        return Extracted((), (), info, error="empty input")
    if looks_binary(decoded.text):
        return Extracted((), (), info, error="binary data, not HTML")
    tree = parse(decoded.text)
    if tree is None:
        return Extracted((), (), info, error="not parseable as HTML")
    lang = declared_lang(tree)  # before trafilatura, which prunes the tree it is given
    active = [
        r
        for r in (rules_for_url(html_rules, url) if config.html_rules else ())
        if r.confidence >= config.min_confidence and id_selected(r.id, config.select, config.ignore)
    ]
    try:
        pruned = apply_html_rules(tree, active)
        removals, held = pruned.removals, pruned.held
    except RecursionError:
        removals, held = [], []

    def decided(r: Removal | None) -> None:
        """A heuristic's finding: removed, or below min_confidence reported as a candidate (the
        heuristic left the page or the block in place)."""
        if r is not None:
            (removals if r.confidence >= config.min_confidence else held).append(r)

    for r in linked_headlines(tree, config):
        decided(r)
    title = page_title(tree)
    try:
        from trafilatura import bare_extraction

        doc = bare_extraction(
            tree, url=url, output_format="xml", include_comments=False, favor_recall=config.favor_recall
        )
    except RecursionError:
        return Extracted((), tuple(removals), info, error="HTML too deeply nested to extract", title=title, held=tuple(held))
    except Exception as err:  # trafilatura bug or lxml failure on hostile markup
        msg = " ".join(str(err).split())[:200] or type(err).__name__
        return Extracted((), tuple(removals), info, error=f"extraction failed: {msg}", title=title, held=tuple(held))
    body = getattr(doc, "body", None) if doc is not None else None
    blocks = body_blocks(body) if body is not None else []
    decided(drop_page_title(blocks, tree, config))
    decided(drop_standfirst(blocks, config))
    if not blocks:
        return Extracted((), tuple(removals), info, error="no article text found in the HTML", title=title, lang=lang,
                         held=tuple(held))
    return Extracted(tuple(blocks), tuple(removals), info, None, title, lang, tuple(held))
