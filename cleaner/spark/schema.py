"""The record (``cleaner.record/1``) as a Spark struct, and the conversions both ways.

Spark arrays hold one type, so the record's two mixed pairs become structs: a ``layout.gaps``
item ``[start, text]`` is ``{start, text}`` and a ``normalization`` step ``[name, arg]`` is an
array of two strings (as in JSON). Objects with free keys (``counts``, ``paths``) are maps.
``record_from_row`` turns a row back into the JSON record, which validates against
``cleaner/schema/record.schema.json`` and equals ``Result.to_dict()``.
"""

from __future__ import annotations

from typing import Any

from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    LongType,
    MapType,
    StringType,
    StructField,
    StructType,
)

REMOVAL_FIELDS = (
    "rule",
    "category",
    "reason",
    "source",
    "stage",
    "start",
    "end",
    "text",
    "confidence",
    "block",
    "selector",
)

METADATA_FIELDS = ("title", "author", "date", "sitename")
INPUT_OPTIONAL = ("url", "url_source")  # left out of the record when absent


def _s(name: str, dtype: Any, nullable: bool = True) -> StructField:
    return StructField(name, dtype, nullable)


REMOVAL = StructType(
    [
        _s("rule", StringType(), False),
        _s("category", StringType(), False),
        _s("reason", StringType(), False),
        _s("source", StringType(), False),
        _s("stage", StringType(), False),
        _s("start", LongType()),
        _s("end", LongType()),
        _s("text", StringType(), False),
        _s("confidence", DoubleType(), False),
        _s("block", LongType()),
        _s("selector", StringType()),
    ]
)

RECORD = StructType(
    [
        _s("schema", StringType(), False),
        _s("text", StringType()),
        _s("removed", ArrayType(REMOVAL, False)),
        _s("candidates", ArrayType(REMOVAL, False)),
        _s(
            "lang",
            StructType(
                [
                    _s("code", StringType(), False),
                    _s("confidence", DoubleType(), False),
                    _s("path", StringType(), False),
                ]
            ),
        ),
        _s(
            "input",
            StructType(
                [
                    _s("kind", StringType(), False),
                    _s("encoding", StringType(), False),
                    _s("encoding_source", StringType(), False),
                    _s("url", StringType()),
                    _s("url_source", StringType()),
                ]
            ),
        ),
        _s("normalization", ArrayType(ArrayType(StringType(), False), False)),
        _s("counts", MapType(StringType(), LongType(), False)),
        _s(
            "layout",
            StructType(
                [
                    _s("kept", ArrayType(ArrayType(LongType(), False), False)),
                    _s(
                        "gaps",
                        ArrayType(StructType([_s("start", LongType(), False), _s("text", StringType(), False)]), False),
                    ),
                ]
            ),
        ),
        _s("paths", MapType(StringType(), StringType(), False)),
        _s("warnings", ArrayType(StringType(), False)),
        _s("error", StringType()),
        _s("metadata", StructType([_s(k, StringType()) for k in METADATA_FIELDS])),
    ]
)


def _removal_row(r: dict[str, Any]) -> dict[str, Any]:
    return {k: r.get(k) for k in REMOVAL_FIELDS}


def row_from_record(d: dict[str, Any]) -> dict[str, Any]:
    """A record (``Result.to_dict()``) as a value of the ``RECORD`` struct (Python objects)."""
    inp = d["input"]
    return {
        "schema": d["schema"],
        "text": d["text"],
        "removed": [_removal_row(r) for r in d["removed"]],
        "candidates": [_removal_row(r) for r in d["candidates"]],
        "lang": dict(d["lang"]),
        "input": {k: inp.get(k) for k in ("kind", "encoding", "encoding_source", *INPUT_OPTIONAL)},
        "normalization": [list(s) for s in d["normalization"]],
        "counts": list(d["counts"].items()),
        "layout": {
            "kept": [list(k) for k in d["layout"]["kept"]],
            "gaps": [{"start": s, "text": t} for s, t in d["layout"]["gaps"]],
        },
        "paths": list(d["paths"].items()),
        "warnings": list(d["warnings"]),
        "error": d["error"],
        "metadata": dict(d["metadata"]) if d.get("metadata") is not None else None,
    }


def error_row(message: str) -> dict[str, Any]:
    """The record of an input that could not be cleaned: nothing removed, ``error`` says why."""
    return {
        "schema": "cleaner.record/1",
        "text": None,
        "removed": [],
        "candidates": [],
        "lang": None,
        "input": None,
        "normalization": [],
        "counts": [],
        "layout": {"kept": [], "gaps": []},
        "paths": [],
        "warnings": [],
        "error": message,
        "metadata": None,
    }


def _plain(v: Any) -> Any:
    if hasattr(v, "asDict"):
        return {k: _plain(x) for k, x in v.asDict().items()}
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def record_from_row(row: Any) -> dict[str, Any]:
    """The JSON record back from a ``RECORD`` value (a Row or a dict), as ``Result.to_dict()`` gives it."""
    d = _plain(row)

    def removal(r: dict[str, Any]) -> dict[str, Any]:
        out = {k: r[k] for k in REMOVAL_FIELDS[:9]}
        for k in ("block", "selector"):
            if r.get(k) is not None:
                out[k] = r[k]
        return out

    inp = {k: v for k, v in (d["input"] or {}).items() if v is not None or k not in INPUT_OPTIONAL}
    return {
        "schema": d["schema"],
        "text": d["text"],
        "removed": [removal(r) for r in d["removed"]],
        "candidates": [removal(r) for r in d["candidates"]],
        "lang": d["lang"],
        "input": inp,
        "normalization": [list(s) for s in d["normalization"]],
        "counts": dict(d["counts"] or {}),
        "layout": {
            "kept": [list(k) for k in d["layout"]["kept"]],
            "gaps": [[g["start"], g["text"]] for g in d["layout"]["gaps"]],
        },
        "paths": dict(d["paths"] or {}),
        "warnings": list(d["warnings"]),
        "error": d["error"],
        "metadata": d.get("metadata"),
    }
