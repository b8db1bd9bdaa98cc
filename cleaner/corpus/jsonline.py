"""One JSONL line read as a JSON object that remembers each top-level value's source text, so
that what was not changed is written back byte for byte (``1.10``, ``1E5``, ``1e400``, key
order, spacing inside values) and the output stays standard JSON.

Refused, with the reason (a ValueError with one-line text): ``NaN``, ``Infinity`` and
``-Infinity`` (Python reads them, JSON has no such values), and a key given twice in any object
(keeping one of its values would lose the other). ``1e400`` is standard JSON: Python reads it as
infinity, which ``json.dumps`` would write as ``Infinity``; written back from its source it stays
``1e400``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

_WS = " \t\n\r"
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # made once: json.dumps with options builds one a call
_ENCODE_ASCII = json.JSONEncoder().encode


def _skip(text: str, i: int) -> int:
    """The index of the first non-whitespace character at or after ``i``."""
    n = len(text)
    while i < n and text[i] in _WS:
        i += 1
    return i


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate key {dup!r}")
    return out


_DECODER = json.JSONDecoder(parse_constant=_not_json, object_pairs_hook=_unique_keys)


def strict_loads(text: str) -> Any:
    """``json.loads`` refusing NaN/Infinity and duplicate keys."""
    return _DECODER.decode(text)


@dataclass(frozen=True)
class JsonLine:
    """A parsed line: the object, and where each top-level value sits in ``text``."""

    text: str
    obj: Any  # a dict for an object line; any JSON value otherwise (then ``spans`` is empty)
    spans: dict[str, tuple[int, int]]

    def source(self, key: str) -> str:
        start, end = self.spans[key]
        return self.text[start:end]

    def dump(self, out: dict[str, Any], *, ensure_ascii: bool = False) -> str:
        """``out`` serialized as ``json.dumps`` would, except that a value that is still the very
        object read from this line is written as its source text."""
        encode = _ENCODE_ASCII if ensure_ascii else _ENCODE
        obj = self.obj if isinstance(self.obj, dict) else {}
        parts = []
        for key, value in out.items():
            span = self.spans.get(key)
            text = self.text[span[0] : span[1]] if span is not None and obj.get(key) is value else encode(value)
            parts.append(encode(key) + ": " + text)
        return "{" + ", ".join(parts) + "}"

    def with_value(self, key: str, value: Any, *, ensure_ascii: bool = False) -> str:
        """The line with only ``key``'s value replaced: every other byte stays."""
        start, end = self.spans[key]
        return self.text[:start] + (_ENCODE_ASCII if ensure_ascii else _ENCODE)(value) + self.text[end:]


def parse_line(text: str) -> JsonLine:
    """Parse one JSONL line (raises ValueError, a JSONDecodeError for syntax, or RecursionError)."""
    idx = _skip(text, 0)
    if text[idx : idx + 1] != "{":
        return JsonLine(text, strict_loads(text), {})
    pairs: list[tuple[str, Any]] = []
    spans: dict[str, tuple[int, int]] = {}
    idx = _skip(text, idx + 1)
    if text[idx : idx + 1] == "}":
        idx += 1
    else:
        while True:
            if text[idx : idx + 1] != '"':
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, idx)
            key, idx = scanstring(text, idx + 1)
            idx = _skip(text, idx)
            if text[idx : idx + 1] != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", text, idx)
            start = _skip(text, idx + 1)
            value, end = _DECODER.raw_decode(text, start)
            pairs.append((key, value))
            spans[key] = (start, end)
            idx = _skip(text, end)
            sep = text[idx : idx + 1]
            if sep == ",":
                idx = _skip(text, idx + 1)
                continue
            if sep == "}":
                idx += 1
                break
            raise json.JSONDecodeError("Expecting ',' delimiter", text, idx)
    if _skip(text, idx) != len(text):
        raise json.JSONDecodeError("Extra data", text, idx)
    return JsonLine(text, _unique_keys(pairs), spans)
