"""HTML in, article blocks out: decode, parse once, drop debris by rule, extract with trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from cleaner.config import Config, id_selected
from cleaner.html.bare import body as extraction_body
from cleaner.html.encoding import decode_html
from cleaner.html.fallback import is_short, json_ld_body, json_ld_preferred, prefer_default
from cleaner.html.limits import over_limits
from cleaner.html.metadata import json_scripts, page_metadata, page_url
from cleaner.html.page import (
    declared_lang,
    drop_page_title,
    drop_standfirst,
    linked_headlines,
    page_title,
    title_texts,
)
from cleaner.html.parse import looks_binary, parse
from cleaner.html.prune import apply_html_rules
from cleaner.html.render import Block3, body_blocks
from cleaner.html.rules import rules_for_url
from cleaner.model import InputInfo, PageMetadata, Removal
from cleaner.rulebook import Rule

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
    # which extraction the blocks are: "trafilatura" (as configured), "trafilatura-default" (the
    # favor_recall one was short, the default one much longer), "json-ld" (the page's declared
    # articleBody; the extraction was mostly not in it): see cleaner/html/fallback.py
    source: str = "trafilatura"
    metadata: PageMetadata | None = None  # what the page says about itself (None: not parsed)


def extract(
    data: str | bytes,
    *,
    url: str | None,
    html_rules: Sequence[Rule],
    config: Config,
    charset: str | None = None,
) -> Extracted:
    """Extract the article from an HTML page; never raises for bad input, reports it in ``error``.

    ``charset`` is the transport's label (HTTP ``Content-Type``), preferred to the page's own when
    valid. Without ``url`` the page's ``<link rel=canonical>`` or ``og:url`` selects the site rules
    (``info.url_source`` says which)."""
    if len(data) > config.max_input_chars:
        info = InputInfo(
            kind="html",
            encoding="str" if isinstance(data, str) else "unknown",
            encoding_source="given" if isinstance(data, str) else "none",
            url=url,
            url_source="given" if url else None,
        )
        return Extracted((), (), info, error=f"input too large: {len(data)} > {config.max_input_chars} characters")
    decoded = decode_html(data, charset)
    info = InputInfo(
        kind="html",
        encoding=decoded.encoding,
        encoding_source=decoded.source,
        url=url,
        url_source="given" if url else None,
    )
    if not decoded.text.strip():
        return Extracted((), (), info, error="empty input")
    if looks_binary(decoded.text):
        return Extracted((), (), info, error="binary data, not HTML")
    too_much = over_limits(decoded.text, max_depth=config.html_max_depth, max_attributes=config.html_max_attributes)
    if too_much:  # libxml2 would work through it in C, where the time limit cannot stop it
        return Extracted((), (), info, error=too_much)
    tree = parse(decoded.text)
    if tree is None:
        return Extracted((), (), info, error="not parseable as HTML")
    if not url and (found := page_url(tree)) is not None:
        url = found[0]
        info = InputInfo(info.kind, info.encoding, info.encoding_source, url, info.extras, found[1])
    scripts = json_scripts(tree)  # the JSON-LD the metadata and the fallback read, found once
    metadata = page_metadata(tree, url, scripts)  # before anything is pruned
    lang = declared_lang(tree)  # before trafilatura, which prunes the tree it is given
    declared = json_ld_body(tree, scripts)  # likewise: trafilatura drops the scripts
    active = [
        r
        for r in (rules_for_url(html_rules, url) if config.html_rules else ())
        if r.confidence >= config.min_confidence and id_selected(r.id, config.select, config.ignore)
    ]
    removals: list[Removal] = []
    held: list[Removal] = []

    def decided(r: Removal | None) -> None:
        """A heuristic's finding: removed, or below min_confidence reported as a candidate (the
        heuristic left the page or the block in place)."""
        if r is not None:
            (removals if r.confidence >= config.min_confidence else held).append(r)

    _prepare(tree, active, config, decided, removals, held)
    title = page_title(tree)
    titles = title_texts(tree)  # before trafilatura, which prunes the tree
    source = "trafilatura"
    try:
        blocks = _extracted(tree, url, config.favor_recall)
        if config.favor_recall and is_short(blocks):  # is the default extraction much longer?
            again = parse(decoded.text)
            if again is not None:
                _prepare(again, active, config, lambda r: None, [], [])
                default = _extracted(again, url, False)
                if prefer_default(blocks, default):
                    blocks, source = default, "trafilatura-default"
    except RecursionError:
        return Extracted(
            (),
            tuple(removals),
            info,
            error="HTML too deeply nested to extract",
            title=title,
            held=tuple(held),
            metadata=metadata,
        )
    except Exception as err:  # trafilatura bug or lxml failure on hostile markup
        msg = " ".join(str(err).split())[:200] or type(err).__name__
        return Extracted(
            (),
            tuple(removals),
            info,
            error=f"extraction failed: {msg}",
            title=title,
            held=tuple(held),
            metadata=metadata,
        )
    if declared and json_ld_preferred(blocks, declared):
        blocks, source = list(declared), "json-ld"
    decided(drop_page_title(blocks, titles, config))
    decided(drop_standfirst(blocks, config))
    if not blocks:
        return Extracted(
            (),
            tuple(removals),
            info,
            error="no article text found in the HTML",
            title=title,
            lang=lang,
            held=tuple(held),
            source=source,
            metadata=metadata,
        )
    return Extracted(tuple(blocks), tuple(removals), info, None, title, lang, tuple(held), source, metadata)


def _prepare(
    tree: etree._Element,
    active: Sequence[Rule],
    config: Config,
    decided: Callable[[Removal | None], None],
    removals: list[Removal],
    held: list[Removal],
) -> None:
    """The page before extraction: element rules applied, linked headlines of other stories dropped."""
    try:
        pruned = apply_html_rules(tree, active)
        removals.extend(pruned.removals)
        held.extend(pruned.held)
    except RecursionError:
        pass
    for r in linked_headlines(tree, config):
        decided(r)


def _extracted(tree: etree._Element, url: str | None, favor_recall: bool) -> list[Block3]:
    """trafilatura's extraction of ``tree`` as blocks; ``tree`` is pruned by it (not read after)."""
    body = extraction_body(tree, url, favor_recall)
    return body_blocks(body) if body is not None else []
