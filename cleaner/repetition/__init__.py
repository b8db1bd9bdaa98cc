"""Site-level repetition: a short block that recurs across many documents of one site is boilerplate.

Two passes over a corpus. Pass 1 (:mod:`.count`) hashes the short blocks of every document and
counts, per site, in how many distinct documents each hash appears; only 8-byte hashes are kept,
never texts. The counts become a :class:`Boilerplate` table (the hashes over the thresholds of
:class:`RepeatSettings`), which goes into ``Config.boilerplate``. Pass 2 is ordinary cleaning: the
decider ``repeat.site`` (:mod:`.decider`) removes the blocks of a document whose hash the table
holds for the document's site. With ``Config.boilerplate`` unset (the default), nothing changes.

Entry points: :func:`two_pass` (Python API over documents), :func:`count_tasks` (``batch``),
:mod:`cleaner.spark` (the same table built with a Spark ``groupBy``).
"""

from __future__ import annotations

from typing import Any

from cleaner.repetition.sites import folder_site, record_site, site_from_url
from cleaner.repetition.table import Boilerplate, RepeatSettings, SiteTable, block_key, eligible_words

_LAZY = ("Doc", "SiteCounts", "count_docs", "doc_keys", "two_pass")


def __getattr__(name: str) -> Any:
    """The pass-1 names load on first use: ``cleaner.config`` imports this package's table."""
    if name in _LAZY:
        from cleaner.repetition import count

        return getattr(count, name)
    raise AttributeError(name)


__all__ = [
    "Boilerplate",
    "Doc",
    "RepeatSettings",
    "SiteCounts",
    "SiteTable",
    "block_key",
    "count_docs",
    "doc_keys",
    "eligible_words",
    "folder_site",
    "record_site",
    "site_from_url",
    "two_pass",
]
