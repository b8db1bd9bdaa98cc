"""Pass 1 (count short-block hashes per site) and the two-pass API over documents."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.repetition.sites import site_from_url
from cleaner.repetition.table import Boilerplate, RepeatSettings, block_key, doc_key, eligible_words

if TYPE_CHECKING:
    from cleaner.pipeline import Cleaner
    from cleaner.result import Result

log = logging.getLogger(__name__)

# Above this many distinct keys held in pass 1, keys seen in one document only are dropped (they
# are far from any threshold); a key dropped and seen again later is undercounted by one.
DEFAULT_MAX_KEYS = 2_000_000


@dataclass(frozen=True)
class Doc:
    """One document for :func:`two_pass`: text or HTML, and what tells its site."""

    data: str | bytes
    id: str | None = None
    url: str | None = None
    site: str | None = None
    lang: str | None = None
    html: bool | None = None  # None: sniffed, as Cleaner.clean does

    @property
    def site_name(self) -> str | None:
        if self.site and self.site.strip():
            s = self.site.strip().lower()
            return s[4:] if s.startswith("www.") else s
        return site_from_url(self.url)


def doc_keys(
    cleaner: Cleaner,
    data: str | bytes,
    settings: RepeatSettings,
    *,
    html: bool | None = None,
    url: str | None = None,
    name: str | None = None,
    charset: str | None = None,
) -> set[int]:
    """The keys of a document's countable blocks: the blocks ``clean`` would decide on."""
    blocks = cleaner.segments(data, html=html, url=url, name=name, charset=charset)
    return {block_key(b.content) for b in blocks if eligible_words(b.n_words, b.content, settings)}


class SiteCounts:
    """Pass 1's tally: per site, distinct documents and the documents each block key appears in.

    Holds integers only (64-bit keys of blocks and of whole documents), never texts."""

    def __init__(self, max_keys: int = DEFAULT_MAX_KEYS) -> None:
        self._docs: dict[str, set[int]] = {}
        self._counts: dict[str, Counter[int]] = {}
        self._n_keys = 0
        self.max_keys = max_keys
        self.pruned = 0

    def add(self, site: str | None, dkey: int, keys: Iterable[int]) -> bool:
        """Count one document; False when it has no site or is an exact copy of one counted."""
        if not site:
            return False
        seen = self._docs.setdefault(site, set())
        if dkey in seen:
            return False
        seen.add(dkey)
        counter = self._counts.setdefault(site, Counter())
        before = len(counter)
        counter.update(keys)
        self._n_keys += len(counter) - before
        if self._n_keys > self.max_keys:
            self._prune()
        return True

    def _prune(self) -> None:
        for counter in self._counts.values():
            ones = [k for k, n in counter.items() if n == 1]
            for k in ones:
                del counter[k]
            self.pruned += len(ones)
        self._n_keys = sum(len(c) for c in self._counts.values())
        log.info("site repetition: dropped keys seen once; %d keys held", self._n_keys)

    @property
    def site_docs(self) -> dict[str, int]:
        return {s: len(d) for s, d in self._docs.items()}

    @property
    def n_keys(self) -> int:
        return self._n_keys

    def table(self, settings: RepeatSettings) -> Boilerplate:
        pairs = ((site, k, n) for site, c in self._counts.items() for k, n in c.items())
        return Boilerplate.build(self.site_docs, pairs, settings)


def count_docs(docs: Iterable[Doc], cleaner: Cleaner, counts: SiteCounts | None = None) -> SiteCounts:
    """Pass 1 over documents; one that cannot be read is left out of the counts (pass 2 reports it)."""
    counts = counts or SiteCounts()
    settings = cleaner.config.repetition
    for doc in docs:
        site = doc.site_name
        if not site:
            continue
        try:
            keys = doc_keys(cleaner, doc.data, settings, html=doc.html, url=doc.url)
        except CleanerError:
            continue
        counts.add(site, doc_key(doc.data), keys)
    return counts


def two_pass(docs: Sequence[Doc] | Callable[[], Iterable[Doc]], config: Config | None = None) -> Iterator[Result]:
    """Clean a corpus with site-level repetition: count every document, then clean each, in order.

    ``docs`` is read twice, so it must be a sequence or a function returning a fresh iterable
    (a generator cannot be read twice). A document that cannot be cleaned raises, as
    ``Cleaner.clean`` does."""
    from cleaner.pipeline import Cleaner

    if callable(docs):
        again: Callable[[], Iterable[Doc]] = docs  # type: ignore[assignment]
    elif isinstance(docs, Sequence):
        seq = docs
        again = lambda: seq  # noqa: E731
    else:
        raise CleanerError("site repetition reads the documents twice: pass a sequence or a function returning them")
    base = Cleaner(config)
    counts = count_docs(again(), base)
    table = counts.table(base.config.repetition)
    log.info("site repetition: %s", table.describe())
    cleaner = Cleaner(base.config.with_(boilerplate=table))
    for doc in again():
        yield cleaner.clean(doc.data, lang=doc.lang, url=doc.url, html=doc.html, site=doc.site_name)
