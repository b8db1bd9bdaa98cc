"""HTML comparison reports: one article (raw against clean) and a corpus run (counts, samples, documents).

Modules: ``article`` (one article's view data), ``approx`` (placing removals without a layout),
``corpus`` (counting a run), ``sources`` (reading files, records, batch output, folders),
``charts`` (inline SVG), ``render`` (the self-contained page; template files in ``templates/``).
"""

from __future__ import annotations

from cleaner.report.article import ArticleData, from_record, from_result
from cleaner.report.corpus import CorpusData
from cleaner.report.render import article_page, corpus_page

__all__ = ["ArticleData", "CorpusData", "article_page", "corpus_page", "from_record", "from_result", "result_html"]


def result_html(result: object, *, id: str = "article") -> str:
    """The article view of a ``Result`` as a full HTML page."""
    return article_page(from_result(result, id=id))  # type: ignore[arg-type]
