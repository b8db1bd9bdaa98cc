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

import logging
from urllib.parse import urlsplit

from lxml import etree

from cleaner.model import PageMetadata

log = logging.getLogger(__name__)

MAX_FIELD_CHARS = 500  # a field longer than this is not a title, name or date


def page_metadata(tree: etree._Element, url: str | None) -> PageMetadata:
    """The page's title, author, date and site name (``None`` where not found); never raises."""
    try:
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

        meta = examine_meta(tree)
        try:
            meta = extract_meta_json(tree, meta)
        except Exception:  # trafilatura's JSON-LD reader on odd JSON
            log.debug("JSON-LD metadata failed", exc_info=True)
        title = meta.title or extract_title(tree)
        author = meta.author if meta.author and " " in meta.author.strip() else None  # trafilatura's test
        sitename = meta.sitename or extract_sitename(tree)
        if sitename:
            sitename = sitename.lstrip("@")
        date = _structured_date(tree, url or meta.url)
    except Exception:
        log.debug("page metadata failed", exc_info=True)
        return PageMetadata()
    return PageMetadata(_field(title), _field(author), _field(date), _field(sitename))


def _field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:MAX_FIELD_CHARS] if value else None


def _structured_date(tree: etree._Element, url: str | None) -> str | None:
    """htmldate's structured sources, in its order: the URL's date (when nothing else has one),
    the date ``<meta>`` tags, JSON-LD. None when they give nothing (the page text is not searched)."""
    try:
        from htmldate.core import examine_header
        from htmldate.extractors import extract_url_date, json_search
        from htmldate.utils import Extractor
        from htmldate.validators import get_max_date, get_min_date

        options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
        return examine_header(tree, options) or json_search(tree, options) or extract_url_date(url, options)
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
