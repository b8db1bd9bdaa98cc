"""What a page says about itself: title, author, date, site name, and its own URL.

Read from the tree the HTML path has already parsed, before anything is pruned, with
trafilatura's cheap metadata steps only: the ``<meta>`` tags (OpenGraph, Dublin Core,
``name=author``...), the JSON-LD blocks, the ``<title>``/``<h1>``, and htmldate's structured
date sources (the URL, date ``<meta>`` tags, JSON-LD). The costly steps trafilatura's
``extract_metadata`` adds (an XPath search of the whole page for a byline on a copy of the
tree, htmldate's scan of the page text) are left out: they cost about as much as the rest of
the HTML path put together. A field the cheap steps do not find is ``None``.

The page's URL (``<link rel=canonical>``, else ``og:url``) stands in for a URL the caller did
not give: it selects the site's HTML rules and is recorded with where it came from.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from cleaner.model import PageMetadata

log = logging.getLogger(__name__)

MAX_FIELD_CHARS = 500  # a field longer than this is not a title, name or date
JSON_TYPES = ("application/ld+json", "application/settings+json")


def json_scripts(tree: etree._Element) -> list[etree._Element]:
    """``.//script[@type="application/ld+json" or @type="application/settings+json"]``, the
    scripts trafilatura's and htmldate's JSON readers search, found by one scan of the tree for
    the tag (the XPath, once per reader, cost more than the readers)."""
    return [e for e in tree.iterdescendants("script") if e.get("type") in JSON_TYPES]


def page_metadata(
    tree: etree._Element, url: str | None, scripts: Sequence[etree._Element] | None = None
) -> PageMetadata:
    """The page's title, author, date and site name (``None`` where not found); never raises.
    ``scripts``: ``json_scripts(tree)``, when the caller has them."""
    try:
        from trafilatura.metadata import examine_meta, extract_sitename, extract_title

        if scripts is None:
            scripts = json_scripts(tree)
        meta = examine_meta(tree)
        try:
            meta = _meta_json(scripts, meta)
        except Exception:  # trafilatura's JSON-LD reader on odd JSON
            log.debug("JSON-LD metadata failed", exc_info=True)
        title = meta.title or extract_title(tree)
        author = meta.author if meta.author and " " in meta.author.strip() else None  # trafilatura's test
        sitename = meta.sitename or extract_sitename(tree)
        if sitename:
            sitename = sitename.lstrip("@")
        date = _structured_date(tree, url or meta.url, scripts)
    except Exception:
        log.debug("page metadata failed", exc_info=True)
        return PageMetadata()
    return PageMetadata(_field(title), _field(author), _field(date), _field(sitename))


def _field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:MAX_FIELD_CHARS] if value else None


def _meta_json(scripts: Sequence[etree._Element], meta: Any) -> Any:
    """trafilatura's ``extract_meta_json`` on the scripts it would find (``json_scripts``), with
    its minifying done by ``_minify``."""
    from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json

    for elem in scripts:
        if not elem.text:
            continue
        element_text = normalize_json(_minify(elem.text))
        try:
            schema = json.loads(element_text, strict=False)
            meta = extract_json(schema, meta)
        except json.JSONDecodeError:
            meta = extract_json_parse_error(element_text, meta)
    return meta


# trafilatura's JSON_MINIFY, ``("(?:\\.|[^"\\])*")|\s`` replaced by ``\1``: the whitespace outside
# strings goes. Split at runs of it, the same text comes out without a template expanded per
# space (3.11's ``re`` expands ``\1`` in Python).
_MINIFY_PATTERN = r'("(?:\\.|[^"\\])*")|\s'
_MINIFY_RUNS = re.compile(_MINIFY_PATTERN + "+")


def _minify(text: str) -> str:
    from trafilatura.metadata import JSON_MINIFY

    if JSON_MINIFY.pattern != _MINIFY_PATTERN:  # trafilatura changed it: use theirs
        return JSON_MINIFY.sub(r"\1", text)
    return "".join(filter(None, _MINIFY_RUNS.split(text)))


def _json_date(scripts: Sequence[etree._Element], options: Any) -> str | None:
    """htmldate's ``json_search`` on the scripts it would find (``json_scripts``)."""
    from htmldate.extractors import JSON_MODIFIED, JSON_PUBLISHED, pattern_search

    pattern = JSON_PUBLISHED if options.original else JSON_MODIFIED
    for elem in scripts:
        if not elem.text or '"date' not in elem.text:
            continue
        result = pattern_search(elem.text, pattern, options)
        if result is not None:
            return result
    return None


def _structured_date(tree: etree._Element, url: str | None, scripts: Sequence[etree._Element]) -> str | None:
    """htmldate's structured sources, in its order: the URL's date (when nothing else has one),
    the date ``<meta>`` tags, JSON-LD. None when they give nothing (the page text is not searched)."""
    try:
        from htmldate.core import examine_header
        from htmldate.extractors import extract_url_date
        from htmldate.utils import Extractor
        from htmldate.validators import get_max_date, get_min_date

        options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
        return examine_header(tree, options) or _json_date(scripts, options) or extract_url_date(url, options)
    except Exception:  # htmldate's internals moved, or a date it cannot parse
        log.debug("structured date failed", exc_info=True)
        return None


def page_url(tree: etree._Element) -> tuple[str, str] | None:
    """The URL the page gives for itself, and where: ``(url, "canonical")`` from ``<link
    rel=canonical>``, else ``(url, "og:url")``; only an absolute http(s) URL counts."""
    try:
        doc = tree.getroottree()
        for link in doc.iter("link"):
            rel = (link.get("rel") or "").lower().split()
            if "canonical" in rel and (url := _absolute(link.get("href"))):
                return url, "canonical"
        for meta in doc.iter("meta"):
            if "og:url" in ((meta.get("property") or "").lower(), (meta.get("name") or "").lower()):
                if url := _absolute(meta.get("content")):
                    return url, "og:url"
    except Exception:
        log.debug("page URL failed", exc_info=True)
    return None


def _absolute(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("//"):
        value = "https:" + value
    if len(value) > 2000 or any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return value
