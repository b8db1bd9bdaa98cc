"""Hashes of short blocks, the thresholds, and the boilerplate table pass 2 reads.

No imports from the rest of the package: ``cleaner.config`` holds these values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


def block_key(content: str) -> int:
    """A signed 64-bit key of a block: blake2b (8 bytes) of its whitespace-folded, case-folded text.

    Signed so that it fits a Spark/Arrow ``long`` unchanged."""
    folded = " ".join(content.casefold().split())
    digest = hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def doc_key(data: str | bytes) -> int:
    """A key of a whole document's input: exact duplicates of a document count once per site."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big", signed=True)


def eligible_words(n_words: int, content: str, settings: RepeatSettings) -> bool:
    """Whether a block is short enough to be counted (and so ever removed) as site boilerplate."""
    return 1 <= n_words <= settings.max_words and any(ch.isalnum() for ch in content)


@dataclass(frozen=True)
class RepeatSettings:
    """Thresholds of site-level repetition.

    A block is boilerplate for a site when it has at most ``max_words`` words (a longer block
    carries news and is never counted), the site has at least ``min_site_docs`` distinct
    documents, and the block appears in at least ``min_docs`` of them and in at least
    ``min_share`` of them. In one document, repetition never removes more than
    ``max_doc_share`` of its words: past that the document is a near-copy of others (an
    update of the same story), not a page carrying a footer, and it is left alone.
    """

    min_docs: int = 5
    min_share: float = 0.2
    max_words: int = 40
    min_site_docs: int = 10
    max_doc_share: float = 0.5

    def passes(self, docs_with_block: int, site_docs: int) -> bool:
        return (
            site_docs >= self.min_site_docs
            and docs_with_block >= self.min_docs
            and docs_with_block >= self.min_share * site_docs
        )


@dataclass(frozen=True)
class SiteTable:
    docs: int  # distinct documents of the site counted in pass 1
    counts: Mapping[int, int] = field(default_factory=dict)  # block key -> documents it appears in


@dataclass(frozen=True, eq=False)
class Boilerplate:
    """Per site, the keys of boilerplate blocks and in how many documents each appeared.

    Equality and hash go by a digest of the contents, so a table that travelled to a worker
    process (pickled) equals the one it came from."""

    sites: Mapping[str, SiteTable]
    settings: RepeatSettings = field(default_factory=RepeatSettings)

    @classmethod
    def build(
        cls, site_docs: Mapping[str, int], pairs: Iterable[tuple[str, int, int]], settings: RepeatSettings
    ) -> Boilerplate:
        """From documents per site and (site, key, documents with the key) triples, keep what passes."""
        kept: dict[str, dict[int, int]] = {}
        for site, key, n in pairs:
            if settings.passes(n, site_docs.get(site, 0)):
                kept.setdefault(site, {})[key] = n
        return cls({s: SiteTable(site_docs[s], kept[s]) for s in sorted(kept)}, settings)

    @property
    def digest(self) -> str:
        h = hashlib.blake2b(repr(self.settings).encode(), digest_size=16)
        for site in sorted(self.sites):
            t = self.sites[site]
            h.update(f"{site}\0{t.docs}\0".encode())
            for k in sorted(t.counts):
                h.update(f"{k}:{t.counts[k]},".encode())
        return h.hexdigest()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Boilerplate) and self.digest == other.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    @property
    def n_keys(self) -> int:
        return sum(len(t.counts) for t in self.sites.values())

    def describe(self) -> str:
        return f"{self.n_keys:,} boilerplate blocks in {len(self.sites):,} sites"
