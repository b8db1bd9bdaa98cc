"""Sniffing and parsing HTML: is it HTML, and its lxml tree (trafilatura's load steps, faster)."""

from __future__ import annotations

import re

from lxml import etree

from cleaner.decode import sniff_bom

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
        found = sniff_bom(head)
        if found is None or found[1] == "utf-8":  # markup is ASCII: latin-1 reads it from any ASCII-based text
            head = head[len(found[0]) if found else 0 :].decode("latin-1")
        else:
            try:
                head = head[len(found[0]) :].decode(found[1])
            except UnicodeDecodeError:
                return False
    stripped = head.lstrip()
    if stripped[:1] != "<":
        # markup later on in a mostly-text file is not HTML input; a few tags at the start are
        return bool(re.match(r"\s*(?:<\?xml[^>]*>\s*)?<", head)) and bool(_SNIFF.search(head))
    return bool(_SNIFF.search(head))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def looks_binary(text: str) -> bool:
    """Control characters or replacement marks in a tenth of the opening text: not a web page."""
    head = text[:8192]
    return len(_CONTROL.findall(head)) > 0.1 * len(head)


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


def parse(text: str) -> etree._Element | None:
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
