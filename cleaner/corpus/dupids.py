"""Duplicate record ids within one batch input, counted in little memory.

Each id is kept as an 8-byte blake2b digest of (input, id): new ones in a dict (which also
remembers the id's text until the next merge, for the examples), older ones in one sorted
numpy array the new ones are merged into when they reach an eighth of it (so merging costs
O(n log n) over a run, and memory is ~8 bytes an id: 80 MB for 10 million records). Two ids
with the same digest (odds ~n²/2^65) would count as one duplicate.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

MAX_EXAMPLES = 3
_MIN_MERGE = 1 << 16


def _key(source: str, rid: str) -> int:
    digest = hashlib.blake2b(f"{source}\0{rid}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass
class DuplicateIds:
    count: int = 0  # records whose id an earlier record of the same input has
    examples: list[str] = field(default_factory=list)  # the first few, as 'input: id'
    _recent: dict[int, tuple[str, str]] = field(default_factory=dict)
    _seen: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.uint64))

    def add(self, source: str, rid: str) -> None:
        key = _key(source, rid)
        if key in self._recent:
            self._found(source, rid)
            return
        self._recent[key] = (source, rid)
        if len(self._recent) >= max(_MIN_MERGE, len(self._seen) // 8):
            self._merge()

    def _found(self, source: str, rid: str) -> None:
        self.count += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(f"{source}: {rid}")

    def _merge(self) -> None:
        if not self._recent:
            return
        keys = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
        if len(self._seen):
            at = np.minimum(np.searchsorted(self._seen, keys), len(self._seen) - 1)
            for k in keys[self._seen[at] == keys]:  # seen before the last merge: duplicates
                self._found(*self._recent[int(k)])
        self._seen = np.union1d(self._seen, keys)
        self._recent = {}

    def finish(self) -> DuplicateIds:
        self._merge()
        return self
