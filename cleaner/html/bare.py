"""trafilatura's extraction on the tree the HTML path parsed, without a copy of it.

``trafilatura.bare_extraction`` copies a tree it is given (``copy(tree)``: 2-3% of the HTML
path's time) so that the caller's tree stays as it was. The HTML path does not read the tree
after the extraction (what it needs later, the page's titles, is read before), so ``body`` runs
the steps ``bare_extraction`` runs for the options the HTML path gives it (XML output, no
comments, no metadata, no language or duplicate filter) on the tree itself: trafilatura's
cascade (``trafilatura_sequence``), then its tree-size and output-size checks. Its output is
``bare_extraction``'s, element for element (``tests/test_html_speedups.py``). The tree is
extracted in place only when it is the document's root (a fragment's element copied would
lose the document around it) and when trafilatura's cascade has the signature this was written
for; otherwise ``bare_extraction`` runs as before.

With ``favor_recall`` (the default), the cascade is :func:`_recall_cascade`: trafilatura's
steps for that focus with comments off, but the copy of the raw tree that the comparison with
readability works on is made only when the comparison runs. In recall mode it is skipped for an
extraction over ten times ``MIN_EXTRACTED_SIZE`` (most pages), and trafilatura copies the tree
for it all the same (a copy and its freeing: ~0.6 ms of ~25 per page). It is used only while
trafilatura's cascade is the one it mirrors (``_CASCADE_SHA256``, the hash of its source);
otherwise trafilatura's own runs.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from copy import copy
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


# sha256 of the source of trafilatura's trafilatura_sequence, _extract_and_compare, _prepare_tree
# (trafilatura.core) and compare_extraction (trafilatura.external), in that order: trafilatura 2.3.1
_CASCADE_SHA256 = "547b457fa657c2d56ecc72d0fecb21c10d10cccac7e490c6291c1a9f0f411852"


def cascade_source_hash() -> str | None:
    """The hash ``_CASCADE_SHA256`` is compared with (None: trafilatura's functions are not there)."""
    try:
        from trafilatura import core, external

        funcs = (core.trafilatura_sequence, core._extract_and_compare, core._prepare_tree, external.compare_extraction)
        source = "".join(inspect.getsource(f) for f in funcs)
    except (ImportError, AttributeError, OSError, TypeError):
        return None
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


@cache
def _recall_cascade_usable() -> bool:
    return _sequence() is not None and cascade_source_hash() == _CASCADE_SHA256


def _recall_cascade(tree: etree._Element, options: Any, url: str | None) -> tuple[etree._Element, str, Any, str]:
    """``trafilatura_sequence(tree, options, url)`` for ``options.focus == "recall"`` and
    ``options.comments`` off, the raw tree copied for readability only when the comparison runs
    (``compare_extraction`` returns at once in recall mode past ten times ``min_extracted_size``;
    then the baseline, which needs the raw tree, does not run either: it copies what it is given)."""
    from trafilatura.core import (
        RAW_TREE_PRUNE_XPATH,
        REMOVE_COMMENTS_AND_LISTS_XPATH,
        _forum_thread_page,
        _prepare_tree,
        baseline,
        compare_extraction,
        extract_content,
        prune_unwanted_nodes,
    )

    is_forum = _forum_thread_page(tree)
    tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    if not is_forum:  # comments off, focus not precision: trafilatura prunes them unless on a forum
        tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    cleaned_tree, cleaned_tree_backup = _prepare_tree(tree, options, url)
    postbody, temp_text = extract_content(cleaned_tree, options)
    if not options.fast and len(temp_text) <= options.min_extracted_size * 10:
        postbody, temp_text = compare_extraction(cleaned_tree_backup, copy(tree), postbody, temp_text, options)
    if len(temp_text) < options.min_extracted_size:  # the baseline rescue, focus not precision
        b_body, b_text, b_len = baseline(tree)
        if b_len > len(temp_text):
            postbody, temp_text = b_body, b_text
    # no recall escalation (focus balanced only), no comments, no forum posts to salvage (comments off)
    return postbody, temp_text, etree.Element("body"), ""


def body(tree: etree._Element, url: str | None, favor_recall: bool, *, in_place: bool = True) -> etree._Element | None:
    """``bare_extraction(tree, url=url, output_format="xml", include_comments=False,
    favor_recall=favor_recall).body`` (None when it returns None); with ``in_place``, ``tree``
    itself is extracted (and pruned by trafilatura) when it is the document's root."""
    from trafilatura.settings import Extractor

    sequence = _sequence() if in_place and tree.getparent() is None else None
    if sequence is None:
        return _bare(tree, url, favor_recall)
    options = Extractor(output_format="xml", recall=favor_recall, comments=False, url=url)
    if options.focus == "recall" and not options.comments and _recall_cascade_usable():
        sequence = _recall_cascade
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
