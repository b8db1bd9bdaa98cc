"""HTML in, article blocks out: decode, parse once, drop debris by rule, extract with trafilatura."""

from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from cleaner.config import Config, id_selected
from cleaner.html.encoding import decode_html
from cleaner.html.heuristics import LINK_LIST, LINKED_HEADLINE, PAGE_TITLE, STANDFIRST
from cleaner.html.rules import HtmlRule, match, rules_for_url
from cleaner.model import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, InputInfo, Removal

Block3 = tuple[str, str, int]

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


# --- sniffing ---------------------------------------------------------------------------

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz")
_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]|"
    r"<(?:p|div|article|section|span|table|ul|ol|h[1-6]|br|a\s+href)[\s>/]",
    re.IGNORECASE,
)


def looks_like_html(data: str | bytes, name: str | None = None) -> bool:
    """True for a name ending in .html/.htm, or content whose start reads as HTML markup."""
    if name and name.lower().endswith(_HTML_SUFFIXES):
        return True
    head = data[:4096]
    if isinstance(head, bytes):
        for bom in (b"\xef\xbb\xbf",):
            if head.startswith(bom):
                head = head[len(bom) :]
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            try:
                head = head.decode("utf-16")
            except UnicodeDecodeError:
                return False
        else:
            head = head.decode("latin-1")
    stripped = head.lstrip()
    if stripped[:1] != "<":
        # markup later on in a mostly-text file is not HTML input; a few tags at the start are
        return bool(re.match(r"\s*(?:<\?xml[^>]*>\s*)?<", head)) and bool(_SNIFF.search(head))
    return bool(_SNIFF.search(head))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def _looks_binary(text: str) -> bool:
    """Control characters or replacement marks in a tenth of the opening text: not a web page."""
    head = text[:8192]
    return len(_CONTROL.findall(head)) > 0.1 * len(head)


# --- parsing ----------------------------------------------------------------------------


def _html_parser() -> etree.HTMLParser:
    """trafilatura's parser settings, with lxml.html's element classes chosen in C.

    lxml.html's ``HtmlElementClassLookup`` is a Python method run for every element proxy
    created (hundreds of thousands per page set, in our code and in trafilatura's); a
    namespace lookup over a default lookup gives the same classes (``HtmlElement``, and
    ``FormElement``, ``InputElement``... by tag) without calling back into Python.
    """
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    default = etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
    lookup = etree.ElementNamespaceClassLookup(default)
    by_tag = lookup.get_namespace(None)
    for tag, cls in lxml_html.HtmlElementClassLookup()._element_classes.items():
        by_tag[tag] = cls
    parser.set_element_class_lookup(lookup)
    return parser


_PARSER: etree.HTMLParser | None = None


def _load_html(text: str) -> etree._Element | None:
    """trafilatura.utils.load_html for a decoded string, parsed with ``_html_parser()``."""
    global _PARSER
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    if _PARSER is None:
        _PARSER = _html_parser()
    parser = _PARSER

    def from_bytes(s: str) -> etree._Element | None:
        try:
            return fromstring(s.encode("utf8", "surrogatepass"), parser=parser)
        except Exception:
            return None

    beginning = text[:50].lower()
    check_flag = is_dubious_html(beginning)
    text = repair_faulty_html(text, beginning)
    tree = None
    fallback_parse = False
    try:
        tree = fromstring(text, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = from_bytes(text)
        fallback_parse = True
    except Exception:
        tree = None
    if (tree is None or len(tree) < 1) and not fallback_parse:
        tree = from_bytes(text)
    if tree is not None and check_flag and len(tree) < 2:
        tree = None  # not (well-formed) HTML: trafilatura's rejection test
    return tree


def _parse(text: str) -> etree._Element | None:
    try:
        tree = _load_html(text)
    except Exception:  # lxml/libxml2 failures on hostile input
        tree = None
    if tree is None and text.strip():
        # a bare fragment: trafilatura rejects it as "dubious"; give it a document around it
        try:
            tree = _load_html(f"<html><body>{text}</body></html>")
        except Exception:
            tree = None
    return tree


def _title_variants(tree: etree._Element) -> set[str]:
    """The page's own title as it may stand at the top of the body: og:title, twitter:title,
    <title> (whole, and each side of a ' | ' or ' - ' site-name separator)."""
    from cleaner.rulebook import phrase_key

    out: set[str] = set()
    try:
        doc = tree.getroottree()
        # //meta[@property='og:title' or @name='og:title' or @name='twitter:title' or @property='twitter:title']/@content
        vals = [
            c
            for m in doc.iter("meta")
            if (m.get("property") in _OG_TWITTER or m.get("name") in _OG_TWITTER) and (c := m.get("content")) is not None
        ][:4]
        vals += [" ".join(_head_title_texts(doc)[:20])]
    except Exception:
        return out
    for v in vals:
        v = " ".join(html_lib.unescape(v).split())
        if not v:
            continue
        out.add(phrase_key(v))
        for part in _TITLE_SEP.split(v):
            if len(part.split()) >= 3:
                out.add(phrase_key(part))
    out.discard("")
    return out


_OG_TWITTER = frozenset({"og:title", "twitter:title"})
_HEAD_TITLE_XP = etree.XPath("//head/title//text()", smart_strings=False)
_TITLE_TEXT_XP = etree.XPath("title//text()", smart_strings=False)


def _head_title_texts(doc: etree._ElementTree) -> list[str]:
    """``//head/title//text()``: lxml's C tag scan finds the <head>; XPath then reads only it."""
    heads = list(doc.iter("head"))
    if len(heads) == 1:
        return _TITLE_TEXT_XP(heads[0])
    return _HEAD_TITLE_XP(doc)


_TITLE_SEP = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022:]|-|::|//)\s+")


def _drop_page_title(blocks: list[Block3], tree: etree._Element, config: Config) -> Removal | None:
    """The first block, when it repeats the page's title: the title is not part of the body."""
    if not blocks or not PAGE_TITLE.selected(config):
        return None
    from cleaner.rulebook import phrase_key

    kind, text, _ = blocks[0]
    if len(text) > 300 or kind not in (HEADING, PARAGRAPH):
        return None
    if phrase_key(text) not in _title_variants(tree):
        return None
    del blocks[0]
    return PAGE_TITLE.removal(text)


_STANDFIRST_MIN_WORDS = 8


def _drop_standfirst(blocks: list[Block3], config: Config) -> Removal | None:
    """A first block marked up as a heading (<h2>, <h3>...) yet written as sentences: the
    standfirst (dek) under the headline, part of the page's header, not of the body."""
    if not blocks or not STANDFIRST.selected(config):
        return None
    kind, text, _ = blocks[0]
    if kind != HEADING or len(text) > 400 or len(text.split()) < _STANDFIRST_MIN_WORDS or text.rstrip()[-1:] not in ".!":
        return None
    del blocks[0]
    return STANDFIRST.removal(text)


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


def _words(el: etree._Element) -> str:
    return " ".join(etree.tostring(el, method="text", encoding=str, with_tail=False).split())


def _linked_headlines(tree: etree._Element, config: Config) -> list[Removal]:
    """A paragraph that is nothing but one link, set as a headline (title case or capitals),
    standing after a body paragraph: another story's headline placed inside the article
    ('SEAN SPICER ELIMINATED FROM ...', 'GET THE APP BY CLICKING HERE')."""
    if not LINKED_HEADLINE.selected(config):
        return []
    from cleaner.blocks import is_heading_like

    out: list[Removal] = []
    for p in _one_link_ps(tree):
        text = _words(p)
        if not text or len(text) > 200 or len(text.split()) < _LINKED_MIN_WORDS:
            continue
        link = next((a for a in p.iter("a") if a.get("href") is not None), None)
        if link is None or _words(link) != text or not is_heading_like(text):
            continue
        prev = next((e for e in p.itersiblings("p", preceding=True) if _words(e)), None)
        if prev is None or len(_words(prev).split()) < _BODY_P_WORDS:
            continue
        _drop(p)
        out.append(
            LINKED_HEADLINE.removal(text)
        )
    if LINK_LIST.selected(config):
        out.extend(_link_lists(tree))
    return out




def _lists(tree: etree._Element) -> list[etree._Element]:
    """``//ul[count(li)>=2]|//ol[count(li)>=2]`` (document order), by lxml's C tag scans."""
    out = []
    for lst in tree.getroottree().iter("ul", "ol"):
        it = lst.iterchildren("li")
        if next(it, None) is not None and next(it, None) is not None:
            out.append(lst)
    return out




def _link_lists(tree: etree._Element) -> list[Removal]:
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
            if not t or len(links) != 1 or _words(links[0]) != t or len(t.split()) < _LINKED_MIN_WORDS:
                texts = []
                break
            texts.append(t)
        if len(texts) < 2:
            continue
        prev = next((e for e in lst.itersiblings("p", preceding=True) if _words(e)), None)
        if prev is None or len(_words(prev).split()) < _BODY_P_WORDS:
            continue
        _drop(lst)
        out.append(
            LINK_LIST.removal(" | ".join(texts)[:_MAX_REMOVAL_TEXT])
        )
    return out


def _title(tree: etree._Element) -> str | None:
    try:
        doc = tree.getroottree()
        for xp in ("//meta[@property='og:title']/@content", "//head/title//text()", "//h1//text()"):
            if xp.startswith("//meta"):
                vals = [c for m in doc.iter("meta") if m.get("property") == "og:title" and (c := m.get("content")) is not None]
            elif xp.startswith("//head"):
                vals = _head_title_texts(doc)
            else:
                vals = tree.xpath(xp)
            if vals:
                t = " ".join(" ".join(str(v) for v in vals[:20]).split())
                if t:
                    return t
    except Exception:
        return None
    return None


# --- HTML rules -------------------------------------------------------------------------

_NEVER_REMOVE = frozenset({"html", "body", "head"})
# plain strings: a "smart" string result would make an element proxy for each text's parent
_TEXT_XP = etree.XPath(".//text()[not(parent::script or parent::style or parent::noscript)]", smart_strings=False)
_SCRIPT_TEXT_XP = etree.XPath(".//script/text()|.//style/text()|.//noscript/text()", smart_strings=False)
_SCRIPTISH = frozenset({"script", "style", "noscript"})


def _visible_len(el: etree._Element) -> int:
    """Characters of text in the element, script and style contents left out (whitespace counted)."""
    n = len(etree.tostring(el, method="text", encoding=str, with_tail=False))
    if n:
        n -= sum(len(t) for t in _SCRIPT_TEXT_XP(el))
    return n


_GUARD_MIN_CHARS = 300
_GUARD_SHARE = 0.4
_MAX_REMOVAL_TEXT = 5000


def apply_html_rules(tree: etree._Element, rules: Sequence[HtmlRule]) -> list[Removal]:
    """Remove the elements the rules select (outermost only; tails kept), returning a Removal each.

    Guard: an element holding 40% or more of the page's visible text is never removed, so
    a class such as ``recent-news`` on the article's own wrapper cannot take the article.
    """
    if not rules:
        return []
    removals: list[Removal] = []
    root = tree.getroottree().getroot()
    page_len: int | None = None
    dropped: set[etree._Element] = set()  # lxml keeps a live proxy per node while referenced
    for el, rule, css in match(tree, rules):
        if el.tag in _NEVER_REMOVE:
            continue
        if dropped and any(a in dropped for a in el.iterancestors()):
            continue  # inside an element already removed (matches come in document order)
        if el.tag in _SCRIPTISH:
            raw_len = _visible_len(el)  # its own text counts here, though _TEXT_XP leaves it out
            visible = None
        else:
            # the text outside scripts and styles, whose length is _visible_len(el): one pass
            visible = "".join(_TEXT_XP(el))
            raw_len = len(visible)
        if raw_len > _GUARD_MIN_CHARS:
            if page_len is None:
                page_len = _visible_len(root)
            if raw_len > _GUARD_SHARE * page_len:
                continue  # holds much of the page's text: a class on a wrapper, not a widget
        if not raw_len:
            text = ""
        else:
            text = " ".join((visible if visible is not None else "".join(_TEXT_XP(el))).split())
        if len(text) > _MAX_REMOVAL_TEXT:
            text = text[:_MAX_REMOVAL_TEXT] + "…"
        _drop(el)
        dropped.add(el)
        removals.append(
            Removal(
                rule=rule.id,
                category=rule.category,
                reason=rule.reason,
                source=rule.source,
                text=text,
                confidence=rule.confidence,
                stage="html",
                selector=css,
            )
        )
    return removals


def _drop(el: etree._Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# --- trafilatura output to blocks -------------------------------------------------------

_BLOCKISH = frozenset({"p", "head", "quote", "item", "list", "row", "table", "div", "code", "figure", "caption"})
_WS = re.compile(r"[^\S\n]+")
_HEAD_LEVEL = re.compile(r"h([1-6])")
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)


def _render(el: etree._Element, skip_lists: bool = False) -> str:
    parts: list[str] = []
    stack: list[tuple[etree._Element, int]] = [(el, 0)]
    # iterative walk: (element, state) where state 0 = enter, 1 = leave
    while stack:
        e, state = stack.pop()
        if state == 0:
            tag = e.tag
            if e is not el:
                if tag == "lb":
                    parts.append("\n")
                    if e.tail:
                        parts.append(e.tail)
                    continue
                if skip_lists and tag == "list":
                    if e.tail:
                        parts.append(e.tail)
                    continue
                if tag in _BLOCKISH:
                    parts.append("\n")
                elif tag == "cell" and e.getprevious() is not None:
                    parts.append(" | ")
            if e.text:
                parts.append(e.text)
            stack.append((e, 1))
            for child in reversed(e):
                if isinstance(child.tag, str):
                    stack.append((child, 0))
        else:
            if e is not el:
                if e.tag in _BLOCKISH:
                    parts.append("\n")
                if e.tail:
                    parts.append(e.tail)
    text = "".join(parts)
    if "&" in text:
        text = html_lib.unescape(text)
    lines = (_WS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _heading_level(el: etree._Element) -> int:
    m = _HEAD_LEVEL.fullmatch(el.get("rend") or "")
    return int(m.group(1)) if m else 0


def _list_blocks(lst: etree._Element, out: list[Block3]) -> None:
    for item in lst:
        if item.tag != "item":
            text = _render(item)
            if text:
                out.append((LIST_ITEM, text, 0))
            continue
        text = _render(item, skip_lists=True)
        if text:
            out.append((LIST_ITEM, text, 0))
        for sub in item:
            if sub.tag == "list":
                _list_blocks(sub, out)


def body_blocks(body: etree._Element) -> list[Block3]:
    """Turn trafilatura's output tree into (kind, text, level) blocks."""
    out: list[Block3] = []
    _loose(body.text, out)
    for el in body:
        tag = el.tag
        if not isinstance(tag, str):
            _loose(el.tail, out)
            continue
        if tag == "list":
            _list_blocks(el, out)
            _loose(el.tail, out)
            continue
        text = _render(el)
        _tail = el.tail
        if not text:
            _loose(_tail, out)
            continue
        if tag == "head":
            out.append((HEADING, text, _heading_level(el)))
        elif tag == "quote":
            out.append((QUOTE, text, 0))
        elif tag in ("figure", "caption", "graphic") or (tag == "p" and _CAPTION_CLASS.search(el.get("class") or "")):
            out.append((CAPTION, text, 0))
        else:
            out.append((PARAGRAPH, text, 0))
        _loose(_tail, out)
    return out


def _loose(text: str | None, out: list[Block3]) -> None:
    """Text trafilatura left directly in the body (between blocks) is a paragraph of its own."""
    if text and text.strip():
        if "&" in text:
            text = html_lib.unescape(text)
        lines = (_WS.sub(" ", line).strip() for line in text.split("\n"))
        joined = "\n".join(line for line in lines if line)
        if joined:
            out.append((PARAGRAPH, joined, 0))


# --- the entry point --------------------------------------------------------------------


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
    if _looks_binary(decoded.text):
        return Extracted((), (), info, error="binary data, not HTML")
    tree = _parse(decoded.text)
    if tree is None:
        return Extracted((), (), info, error="not parseable as HTML")
    active = [
        r
        for r in rules_for_url(html_rules, url)
        if r.confidence >= config.min_confidence and id_selected(r.id, config.select, config.ignore)
    ]
    try:
        removals = apply_html_rules(tree, active)
    except RecursionError:
        removals = []
    removals.extend(_linked_headlines(tree, config))
    title = _title(tree)
    try:
        from trafilatura import bare_extraction

        doc = bare_extraction(tree, url=url, output_format="xml", include_comments=False)
    except RecursionError:
        return Extracted((), tuple(removals), info, error="HTML too deeply nested to extract", title=title)
    except Exception as err:  # trafilatura bug or lxml failure on hostile markup
        msg = " ".join(str(err).split())[:200] or type(err).__name__
        return Extracted((), tuple(removals), info, error=f"extraction failed: {msg}", title=title)
    body = getattr(doc, "body", None) if doc is not None else None
    blocks = body_blocks(body) if body is not None else []
    dropped = _drop_page_title(blocks, tree, config)
    if dropped is not None:
        removals.append(dropped)
    dropped = _drop_standfirst(blocks, config)
    if dropped is not None:
        removals.append(dropped)
    if not blocks:
        return Extracted((), tuple(removals), info, error="no article text found in the HTML", title=title)
    return Extracted(tuple(blocks), tuple(removals), info, None, title)
