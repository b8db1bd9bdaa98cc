"""Executor side: one cleaner per Python worker, built once from what the driver shipped.

What travels with each task is a small :class:`Shipment`: the configuration, the bytes of the
user's rule files (written once per worker into a temporary folder, so rule folders need not
exist on the executors) and the broadcast boilerplate table. Every row becomes one output row;
an input that cannot be cleaned becomes an error record, never a failed task.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from cleaner.config import Config
from cleaner.corpus.workers import RecordCleaner, RecordError, one_line
from cleaner.errors import CleanerError
from cleaner.project_config import Fields
from cleaner.repetition.corpus import line_doc
from cleaner.repetition.count import doc_keys
from cleaner.repetition.sites import record_site
from cleaner.repetition.table import doc_key
from cleaner.rulebook import rule_files
from cleaner.spark.schema import error_row, row_from_record

log = logging.getLogger(__name__)

CORRUPT = "_corrupt_record"  # Spark's column for JSON lines it could not parse


@dataclass(frozen=True)
class Columns:
    """Input column names; ``html`` None: no HTML column."""

    text: str | None = "text"
    html: str | None = None
    id: str = "id"
    url: str = "url"
    lang: str = "lang"
    site: str = "site"

    def fields(self) -> Fields:
        return Fields(
            text=self.text or "text", html=self.html or "html", id=self.id, url=self.url, lang=self.lang, site=self.site
        )


@dataclass(frozen=True)
class Shipment:
    token: str  # names this job's configuration: the worker cache key
    config: Config  # without rule folders and without the table
    rules: tuple[tuple[int, str, bytes], ...]  # (folder number, path inside it, bytes) of the user's rule files
    n_rule_dirs: int
    columns: Columns
    table: Any = None  # a pyspark Broadcast of the Boilerplate table, or None


def pack(config: Config, columns: Columns, token: str, table: Any = None) -> Shipment:
    """On the driver: read the user's rule folders into the shipment."""
    rules = []
    for i, folder in enumerate(config.rule_dirs):
        root = Path(folder)
        for p in rule_files(root):
            rules.append((i, p.relative_to(root).as_posix(), p.read_bytes()))
    bare = config.with_(rule_dirs=(), boilerplate=None)
    return Shipment(token, bare, tuple(rules), len(config.rule_dirs), columns, table)


_WORKERS: dict[str, RecordCleaner] = {}  # a cache: one per job configuration per Python worker


def worker_for(ship: Shipment) -> RecordCleaner:
    got = _WORKERS.get(ship.token)
    if got is None:
        dirs: tuple[Path, ...] = ()
        if ship.n_rule_dirs:
            base = Path(tempfile.mkdtemp(prefix="cleaner-rules-"))
            dirs = tuple(base / str(i) for i in range(ship.n_rule_dirs))
            for d in dirs:
                d.mkdir()
            for i, rel, data in ship.rules:
                target = dirs[i] / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        table = ship.table.value if ship.table is not None else None
        config = ship.config.with_(rule_dirs=dirs, boilerplate=table)
        got = RecordCleaner(config, ship.columns.fields())
        _WORKERS.clear()  # one job at a time per worker: drop the previous job's cleaner
        _WORKERS[ship.token] = got
    return got


def _record_obj(row: dict[str, Any], cols: Columns) -> dict[str, Any]:
    """The row as the JSON record ``cleaner batch`` would have read."""
    f = cols.fields()
    obj: dict[str, Any] = {}
    for col, key in (
        (cols.text, f.text),
        (cols.html, f.html),
        (cols.url, f.url),
        (cols.lang, f.lang),
        (cols.site, f.site),
    ):
        if col and col in row and row[col] is not None:
            obj[key] = row[col]
    return obj


def clean_row(worker: RecordCleaner, row: dict[str, Any], cols: Columns) -> tuple[str | None, dict[str, Any]]:
    """(clean text, record row) for one input row; errors as ``cleaner batch`` words them."""
    if row.get(CORRUPT) is not None:
        return None, error_row("invalid JSON")
    obj = _record_obj(row, cols)
    text_in = obj.get(worker.fields.text) if isinstance(obj.get(worker.fields.text), str) else None
    try:
        result = worker.clean_record(obj)
    except RecordError as exc:
        return text_in, error_row(exc.message)
    except CleanerError as exc:
        return text_in, error_row(one_line(str(exc)))
    except Exception as exc:  # a bug must not fail the stage: the row says why
        log.debug("internal error", exc_info=True)
        return text_in, error_row(f"internal error: {type(exc).__name__}: {one_line(str(exc))}")
    rec = row_from_record(result.to_dict())
    if result.error:
        rec["error"] = one_line(result.error)
    return result.text, rec


def clean_batches(batches: Iterator[pa.RecordBatch], ship: Shipment, out: pa.Schema) -> Iterator[pa.RecordBatch]:
    """mapInArrow body: the input columns unchanged, plus the clean text and the record."""
    worker = worker_for(ship)
    n_in = len(out) - 2
    for batch in batches:
        texts, records = [], []
        for row in batch.to_pylist():
            t, r = clean_row(worker, row, ship.columns)
            texts.append(t)
            records.append(r)
        arrays = [batch.column(i) for i in range(n_in)]
        arrays.append(pa.array(texts, type=out.field(n_in).type))
        arrays.append(pa.array(records, type=out.field(n_in + 1).type))
        yield pa.RecordBatch.from_arrays(arrays, schema=out)


def count_batches(batches: Iterator[pa.RecordBatch], ship: Shipment, out: pa.Schema) -> Iterator[pa.RecordBatch]:
    """mapInArrow body of pass 1: (site, document key, block keys) of each countable row."""
    worker = worker_for(ship)
    cleaner, fields = worker.cleaner, worker.fields
    settings = cleaner.config.repetition
    for batch in batches:
        sites, docs, keys = [], [], []
        for row in batch.to_pylist():
            if row.get(CORRUPT) is not None:
                continue
            obj = _record_obj(row, ship.columns)
            doc = line_doc(obj, fields)
            site = record_site(obj, fields.site, fields.url)
            if doc is None or not site:
                continue
            url = obj.get(fields.url)
            try:
                ks = doc_keys(cleaner, doc[0], settings, html=doc[1], url=url if isinstance(url, str) and url else None)
            except (CleanerError, ValueError, RecursionError):
                continue
            sites.append(site)
            docs.append(doc_key(doc[0]))
            keys.append(sorted(ks))
        yield pa.RecordBatch.from_arrays(
            [pa.array(sites, pa.string()), pa.array(docs, pa.int64()), pa.array(keys, pa.list_(pa.int64()))],
            schema=out,
        )
