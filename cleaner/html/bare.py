"""trafilatura's extraction on the tree the HTML path parsed, without a copy of it.

``trafilatura.bare_extraction`` copies a tree it is given (``copy(tree)``: 2-3% of the HTML
path's time) so that the caller's tree stays as it was. The HTML path does not read the tree
after the extraction (what it needs later, the page's titles, is read before), so ``body`` runs
the steps ``bare_extraction`` runs for the options the HTML path gives it (XML output, no
comments, no metadata, no language or duplicate filter) on the tree itself: trafilatura's
cascade (``trafilatura_sequence``), then its tree-size and output-size checks. Its output is
``bare_extraction``'s, element for element (``tests/test_html_bare.py``). The tree is
extracted in place only when it is the document's root (a fragment's element copied would
lose the document around it) and when trafilatura's cascade has the signature this was written
for; otherwise ``bare_extraction`` runs as before.
"""

from __future__ import annotations

import inspect
import logging
from functools import cache
from typing import Any

from lxml import etree

log = logging.getLogger(__name__)

_SEQUENCE_PARAMETERS = ("tree", "options", "url")


@cache
def _sequence() -> Any:
    """trafilatura's cascade, or None when its signature is not the one ``body`` calls."""
    try:
        from trafilatura.core import trafilatura_sequence
    except ImportError:
        return None
    try:
        names = tuple(inspect.signature(trafilatura_sequence).parameters)
    except (TypeError, ValueError):
        return None
    return trafilatura_sequence if names == _SEQUENCE_PARAMETERS else None


def body(tree: etree._Element, url: str | None, favor_recall: bool, *, in_place: bool = True) -> etree._Element | None:
    """``bare_extraction(tree, url=url, output_format="xml", include_comments=False,
    favor_recall=favor_recall).body`` (None when it returns None); with ``in_place``, ``tree``
    itself is extracted (and pruned by trafilatura) when it is the document's root."""
    from trafilatura.settings import Extractor

    sequence = _sequence() if in_place and tree.getparent() is None else None
    if sequence is None:
        return _bare(tree, url, favor_recall)
    options = Extractor(output_format="xml", recall=favor_recall, comments=False, url=url)
    try:
        postbody, temp_text, _, temp_comments = sequence(tree, options, options.url)
        if options.max_tree_size and len(postbody) > options.max_tree_size:
            etree.strip_tags(postbody, "hi")
            if len(postbody) > options.max_tree_size:
                raise ValueError
        if len(temp_text) < options.min_output_size and len(temp_comments) < options.min_output_comm_size:
            raise ValueError
    except (TypeError, ValueError):  # bare_extraction's "discarding data"
        log.debug("trafilatura discarded the page: %s", url)
        return None
    return postbody


def _bare(tree: etree._Element, url: str | None, favor_recall: bool) -> etree._Element | None:
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, url=url, output_format="xml", include_comments=False, favor_recall=favor_recall)
    return getattr(doc, "body", None) if doc is not None else None
