"""Page-level facts (title, declared language) and the HTML heuristics that use the page's
markup: each is defined in heuristics.py (id, category, reason) and decided here."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Sequence

from lxml import etree

from cleaner.blocks import is_heading_like, shares_topic
from cleaner.config import Config
from cleaner.html.heuristics import LINK_LIST, LINKED_HEADLINE, PAGE_TITLE, STANDFIRST, HtmlHeuristic
from cleaner.html.prune import MAX_REMOVAL_TEXT, drop
from cleaner.html.render import Block3
from cleaner.langcodes import base_language
from cleaner.model import HEADING, PARAGRAPH, Removal
from cleaner.text import count_words, phrase_key


def title_texts(tree: etree._Element) -> tuple[str, ...]:
    """The page's own titles as written: og:title, twitter:title, <title>."""
    try:
        doc = tree.getroottree()
        # //meta[@property='og:title' or @name='og:title' or @name='twitter:title' or @property='twitter:title']/@content
        vals = [
            c
            for m in doc.iter("meta")
            if (m.get("property") in _OG_TWITTER or m.get("name") in _OG_TWITTER)
            and (c := m.get("content")) is not None
        ][:4]
        vals += [" ".join(head_title_texts(doc)[:20])]
    except Exception:
        return ()
    return tuple(vals)


def title_variants(titles: Sequence[str]) -> set[str]:
    """The page's own title (``title_texts``) as it may stand at the top of the body: og:title,
    twitter:title, <title> (whole, and each side of a ' | ' or ' - ' site-name separator)."""
    out: set[str] = set()
    for v in titles:
        v = " ".join(html_lib.unescape(v).split())
        if not v:
            continue
        out.add(phrase_key(v))
        for part in _TITLE_SEP.split(v):
            if count_words(part) >= 3:
                out.add(phrase_key(part))
    out.discard("")
    return out


_OG_TWITTER = frozenset({"og:title", "twitter:title"})
_HEAD_TITLE_XP = etree.XPath("//head/title//text()", smart_strings=False)
_TITLE_TEXT_XP = etree.XPath("title//text()", smart_strings=False)


def head_title_texts(doc: etree._ElementTree) -> list[str]:
    """``//head/title//text()``: lxml's C tag scan finds the <head>; XPath then reads only it."""
    heads = list(doc.iter("head"))
    if len(heads) == 1:
        return _TITLE_TEXT_XP(heads[0])
    return _HEAD_TITLE_XP(doc)


_TITLE_SEP = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022:]|-|::|//)\s+")


def drop_page_title(blocks: list[Block3], titles: Sequence[str], config: Config) -> Removal | None:
    """The first block, when it repeats the page's title (``titles``: ``title_texts``, read
    before trafilatura prunes the tree): the title is not part of the body."""
    if not blocks or not PAGE_TITLE.selected(config):
        return None
    h = PAGE_TITLE.tuned(config)
    kind, text, _ = blocks[0]
    if len(text) > 300 or kind not in (HEADING, PARAGRAPH):
        return None
    if phrase_key(text) not in title_variants(titles):
        return None
    if h.confidence >= config.min_confidence:
        del blocks[0]
    return h.removal(text)


_STANDFIRST_MIN_WORDS = 8


def drop_standfirst(blocks: list[Block3], config: Config) -> Removal | None:
    """A first block marked up as a heading (<h2>, <h3>...) yet written as sentences: the
    standfirst (dek) under the headline. Removed only when the heuristic's confidence reaches
    ``min_confidence`` (by default it does not: the caller records it as a candidate)."""
    if not blocks or not STANDFIRST.selected(config):
        return None
    h = STANDFIRST.tuned(config)
    kind, text, _ = blocks[0]
    if (
        kind != HEADING
        or len(text) > 400
        or count_words(text) < _STANDFIRST_MIN_WORDS
        or text.rstrip()[-1:] not in ".!"
    ):
        return None
    if h.confidence >= config.min_confidence:
        del blocks[0]
    return h.removal(text)


def _one_link_ps(tree: etree._Element) -> list[etree._Element]:
    """``//p[count(.//a[@href])=1]``, by lxml's C tag scans rather than an XPath predicate per node."""
    out = []
    for p in tree.getroottree().iter("p"):
        n = 0
        for a in p.iterdescendants("a"):
            if a.get("href") is not None:
                n += 1
                if n > 1:
                    break
        if n == 1:
            out.append(p)
    return out


_LINKED_MIN_WORDS = 4
_BODY_P_WORDS = 15


def _after_body_paragraph(el: etree._Element) -> bool:
    """Whether the nearest earlier sibling <p> with text is a body paragraph (15+ words)."""
    prev = next((e for e in el.itersiblings("p", preceding=True) if _words(e)), None)
    return prev is not None and count_words(_words(prev)) >= _BODY_P_WORDS


def _before_body_paragraph(el: etree._Element) -> bool:
    """Whether a later sibling <p> is a body paragraph (15+ words)."""
    return any(count_words(_words(e)) >= _BODY_P_WORDS for e in el.itersiblings("p"))


def _introduces_next(el: etree._Element, text: str) -> bool:
    """Whether the headline shares a content word with the next sibling paragraph (topic coherence)."""
    nxt = next((e for e in el.itersiblings("p") if _words(e)), None)
    return nxt is not None and shares_topic(text, _words(nxt))


def _words(el: etree._Element) -> str:
    return " ".join(etree.tostring(el, method="text", encoding=str, with_tail=False).split())


def linked_headlines(tree: etree._Element, config: Config) -> list[Removal]:
    """A paragraph that is nothing but one link, set as a headline (title case or capitals),
    standing after a body paragraph: another story's headline placed inside the article
    ('SEAN SPICER ELIMINATED FROM ...', 'GET THE APP BY CLICKING HERE')."""
    if not LINKED_HEADLINE.selected(config):
        return []
    h = LINKED_HEADLINE.tuned(config)
    out: list[Removal] = []
    for p in _one_link_ps(tree):
        text = _words(p)
        if not text or len(text) > 200 or count_words(text) < _LINKED_MIN_WORDS:
            continue
        link = next((a for a in p.iter("a") if a.get("href") is not None), None)
        if link is None or _words(link) != text or not is_heading_like(text):
            continue
        if not _after_body_paragraph(p) or _introduces_next(p, text):
            continue
        if h.confidence >= config.min_confidence:
            drop(p)
        out.append(h.removal(text))
    if LINK_LIST.selected(config):
        out.extend(_link_lists(tree, LINK_LIST.tuned(config), config))
    return out


def _lists(tree: etree._Element) -> list[etree._Element]:
    """``//ul[count(li)>=2]|//ol[count(li)>=2]`` (document order), by lxml's C tag scans."""
    out = []
    for lst in tree.getroottree().iter("ul", "ol"):
        it = lst.iterchildren("li")
        if next(it, None) is not None and next(it, None) is not None:
            out.append(lst)
    return out


def _link_lists(tree: etree._Element, h: HtmlHeuristic, config: Config) -> list[Removal]:
    """A list every item of which is one link with a headline's length (four words or more),
    standing after a body paragraph: a list of other stories ('Related', 'More on this')."""
    out: list[Removal] = []
    for lst in _lists(tree):
        if lst.getparent() is None:
            continue
        texts = []
        for li in lst:
            if not isinstance(li.tag, str):
                continue
            if li.tag != "li":
                texts = []
                break
            t = _words(li)
            links = [a for a in li.iter("a") if a.get("href") is not None]
            if not t or len(links) != 1 or _words(links[0]) != t or count_words(t) < _LINKED_MIN_WORDS:
                texts = []
                break
            texts.append(t)
        if len(texts) < 2:
            continue
        if not _after_body_paragraph(lst) or _before_body_paragraph(lst):
            continue
        if h.confidence >= config.min_confidence:  # below it: reported as a candidate, left in place
            drop(lst)
        out.append(h.removal(" | ".join(texts)[:MAX_REMOVAL_TEXT]))
    return out


def page_title(tree: etree._Element) -> str | None:
    try:
        doc = tree.getroottree()
        for xp in ("//meta[@property='og:title']/@content", "//head/title//text()", "//h1//text()"):
            if xp.startswith("//meta"):
                vals = [
                    c
                    for m in doc.iter("meta")
                    if m.get("property") == "og:title" and (c := m.get("content")) is not None
                ]
            elif xp.startswith("//head"):
                vals = head_title_texts(doc)
            else:
                vals = tree.xpath(xp)
            if vals:
                t = " ".join(" ".join(str(v) for v in vals[:20]).split())
                if t:
                    return t
    except Exception:
        return None
    return None


def declared_lang(tree: etree._Element) -> str | None:
    """The base language of ``<html lang>`` (or ``xml:lang``): ``pt-BR`` is ``pt``, ``iw`` is ``he``
    (:func:`cleaner.langcodes.base_language`); None when absent or not a language tag."""
    root = tree.getroottree().getroot()
    value = root.get("lang") or root.get("xml:lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return base_language(value)
