"""When trafilatura's extraction went wrong, a better one from the same page.

Two general signs that the extractor took the wrong container, measured on the dev collections
(bench/quality.py; per-page comparison in the README's "HTML path" notes):

- the favor_recall extraction is short (under ``SHORT_WORDS`` words) while trafilatura's default
  extraction of the same page is more than ``LONGER`` times as long and reads as text, not as
  leaked script data: favor_recall settled on a small box (a teaser, a sidebar) beside the article;
- the page declares its article body in schema.org JSON-LD (``articleBody``), that body is
  clearly longer than the extraction (``JSON_LONGER``) and the extraction is mostly not in it
  (under ``JSON_COVER`` of its word 4-grams): the extraction is a header or another box.

Neither depends on a site or a language: lengths are ``count_words``, overlap is word 4-grams.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator, Sequence

from lxml import etree

from cleaner.html.render import Block3
from cleaner.model import PARAGRAPH
from cleaner.text import count_words

__all__ = [
    "JSON_COVER",
    "JSON_LONGER",
    "LONGER",
    "SHORT_WORDS",
    "is_short",
    "json_ld_body",
    "json_ld_preferred",
    "looks_like_script",
    "prefer_default",
    "words",
]

SHORT_WORDS = 200
LONGER = 2.0
JSON_MIN_WORDS = 50
JSON_LONGER = 1.2
JSON_COVER = 0.7
_SCRIPT_SHARE = 0.01  # of characters that are braces or double quotes: JSON or code, not prose

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|span|a|strong|em|b|i)\b[^>]*>", re.IGNORECASE)
_LD_XP = etree.XPath("//script[@type='application/ld+json']")
_MAX_JSON_CHARS = 2_000_000


def words(blocks: Sequence[Block3]) -> int:
    return sum(count_words(text) for _, text, _ in blocks)


def looks_like_script(blocks: Sequence[Block3]) -> bool:
    """Whether the text carries script data (JSON, code) that an extractor let through."""
    text = "".join(t for _, t, _ in blocks)
    if not text:
        return False
    return sum(text.count(c) for c in '{}"') > _SCRIPT_SHARE * len(text)


def is_short(blocks: Sequence[Block3]) -> bool:
    """Whether a favor_recall extraction is short enough to compare with the default one
    (``words(blocks) < SHORT_WORDS``, counted only as far as ``SHORT_WORDS``)."""
    n = 0
    for _, text, _ in blocks:
        n += count_words(text)
        if n >= SHORT_WORDS:
            return False
    return True


def prefer_default(recall: Sequence[Block3], default: Sequence[Block3]) -> bool:
    """Whether the default extraction should replace a short favor_recall one."""
    n = words(recall)
    return n < SHORT_WORDS and words(default) > LONGER * n and not looks_like_script(default)


def _walk(node: object, out: list[str], depth: int = 0) -> None:
    if depth > 8:
        return
    for item in node if isinstance(node, list) else [node]:
        if not isinstance(item, dict):
            continue
        body = item.get("articleBody")
        if isinstance(body, str) and body.strip():
            out.append(body)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(item.get(key), list | dict):
                _walk(item[key], out, depth + 1)


def _paragraphs(body: str) -> Iterator[str]:
    body = html_lib.unescape(body)
    if _TAG.search(body):
        try:
            frag = etree.fromstring(f"<div>{body}</div>", etree.HTMLParser())
        except (etree.ParserError, ValueError):
            frag = None
        if frag is not None:
            for br in frag.iter("br"):
                br.tail = "\n" + (br.tail or "")
            for el in frag.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"):
                el.tail = "\n" + (el.tail or "")
                el.text = "\n" + (el.text or "")
            body = "".join(frag.itertext())
    for line in body.split("\n"):
        line = " ".join(line.split())
        if line:
            yield line


def json_ld_body(tree: etree._Element, scripts: Sequence[etree._Element] | None = None) -> list[Block3]:
    """The page's schema.org ``articleBody`` texts as paragraphs (each distinct body once); read
    before trafilatura, which drops the scripts from the tree it is given. ``scripts``: the
    page's JSON scripts (``metadata.json_scripts``), when ``tree`` is the document's root (they
    are then every JSON script of the document)."""
    bodies: list[str] = []
    if scripts is not None and tree.getparent() is None and tree.tag != "script":
        scripts = [e for e in scripts if e.get("type") == "application/ld+json"]
    else:
        try:
            scripts = _LD_XP(tree)
        except (etree.XPathError, ValueError):
            return []
    for el in scripts:
        src = el.text
        if not src or "articleBody" not in src or len(src) > _MAX_JSON_CHARS:
            continue
        try:
            _walk(json.loads(src, strict=False), bodies)
        except (ValueError, RecursionError):
            continue
    out: list[Block3] = []
    for body in dict.fromkeys(bodies):
        out.extend((PARAGRAPH, p, 0) for p in _paragraphs(body))
    return out


def _grams(text: str) -> list[tuple[str, ...]]:
    toks = _WORD.findall(text.lower())
    if len(toks) < 4:
        return [tuple(toks)] if toks else []
    return [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]


def json_ld_preferred(extracted: Sequence[Block3], body: Sequence[Block3]) -> bool:
    """Whether the declared article body should replace the extraction."""
    n_body = words(body)
    if n_body < JSON_MIN_WORDS or n_body < JSON_LONGER * words(extracted):
        return False
    grams = [g for _, t, _ in extracted for g in _grams(t)]
    if not grams:
        return True
    declared = {g for _, t, _ in body for g in _grams(t)}
    return sum(g in declared for g in grams) < JSON_COVER * len(grams)
