"""Where a report's articles come from: a file to clean, a record, a batch output, a folder.

* a text or HTML file: cleaned now (exact placement; for HTML, the page's counts too);
* a JSON record (``cleaner clean --json``): exact, rebuilt with ``restore``;
* a line of a batch output JSONL: exact when it carries a layout; else, when the line still
  holds the HTML it came from, cleaned again and used if the removals match the line's;
  else placed approximately (see :mod:`cleaner.report.approx`);
* a folder: every .txt/.html/.htm file cleaned now.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from cleaner.corpus import streams
from cleaner.corpus.readers import DEFAULT_MAX_BYTES, DOC_SUFFIXES, iter_folder
from cleaner.errors import CleanerError, InputError
from cleaner.pipeline import Cleaner
from cleaner.project_config import Fields
from cleaner.report.article import ArticleData, from_batch_line, from_record, from_result, same_removals
from cleaner.result import SCHEMA_ID

log = logging.getLogger(__name__)

JSONL_SUFFIXES = (".jsonl", ".ndjson")


def is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    for ext in (".gz", ".zst", ".zstd"):
        name = name.removesuffix(ext)
    return name.endswith(JSONL_SUFFIXES)


def iter_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, object or None, error or None) for each non-blank line of a JSONL file."""
    try:
        for n, raw in enumerate(streams.iter_lines(streams.iter_chunks(path), DEFAULT_MAX_BYTES), 1):
            if isinstance(raw, streams.TooLong):
                yield n, None, f"line {n}: longer than {DEFAULT_MAX_BYTES} bytes ({raw.size}), skipped"
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                yield n, None, f"line {n}: invalid JSON: {exc}"
                continue
            yield (n, obj, None) if isinstance(obj, dict) else (n, None, f"line {n}: not a JSON object")
    except (OSError, EOFError, streams.StreamError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None


def _line_id(obj: dict[str, Any], n: int, fields: Fields) -> str:
    v = obj.get(fields.id)
    return str(v) if v is not None and v != "" else f"line {n}"


def line_article(obj: dict[str, Any], n: int, fields: Fields, cleaner: Cleaner | None) -> ArticleData:
    """One batch line as an article; ``cleaner`` (if given) may clean a kept HTML source again."""
    rid = _line_id(obj, n, fields)
    if obj.get("schema") == SCHEMA_ID and isinstance(obj.get("layout"), dict):
        return from_record(obj, id=rid)
    art = from_batch_line(obj, id=rid, text_field=fields.text)
    html = obj.get(fields.html)
    if art.placement == "exact" or cleaner is None or not isinstance(html, str) or not html.strip():
        return art
    url = obj.get(fields.url) if isinstance(obj.get(fields.url), str) else None
    lang_value = obj.get(fields.lang)
    if isinstance(lang_value, dict):  # a batch line carries the record's lang object
        lang_value = lang_value.get("code")
    lang = lang_value if isinstance(lang_value, str) and lang_value != "und" else None
    try:
        result = cleaner.clean(html, html=True, url=url, lang=lang)
    except CleanerError as exc:
        log.info("%s: cleaning the kept HTML again failed: %s", rid, exc)
        return art
    if not same_removals(obj, result):
        note = "Cleaning the line's HTML again gave other removals than the line's (other rules or settings?): "
        return replace(art, notes=(note + "showing the line's removals, placed approximately.",))
    fresh = from_result(result, id=rid, html_page=html)
    return replace(
        fresh,
        url=fresh.url or url,
        notes=("Placed exactly by cleaning the line's HTML again; the removals are the line's.", *fresh.notes),
    )


def select_line(path: Path, record: str, fields: Fields) -> tuple[int, dict[str, Any]]:
    """The line chosen by ``--record``: a 1-based line number, or an id."""
    want_n = int(record) if record.isdigit() else None
    seen = 0
    for n, obj, err in iter_lines(path):
        if obj is None:
            if want_n == n:
                raise InputError(f"{path}: {err}")
            continue
        seen += 1
        if (want_n is not None and n == want_n) or str(obj.get(fields.id)) == record:
            return n, obj
    what = f"line {record}" if want_n is not None else f"id {record!r}"
    raise InputError(f"{path}: no record with {what} ({seen} records read)")


def article_from_file(path: Path, cleaner: Cleaner, *, html: bool | None = None, url: str | None = None) -> ArticleData:
    """A document file (text, Markdown or HTML), or a JSON record file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".json":
        try:
            rec = json.loads(data)
        except ValueError as exc:
            raise InputError(f"{path}: invalid JSON: {exc}") from None
        if not isinstance(rec, dict) or rec.get("schema") != SCHEMA_ID:
            raise InputError(f'{path}: not a cleaner record (expected "schema": "{SCHEMA_ID}")')
        try:
            return from_record(rec, id=path.name)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: record cannot be rebuilt: {exc}") from None
    result = cleaner.clean(data, html=html, url=url, name=str(path))
    return from_result(result, id=path.name, html_page=data if result.input.kind == "html" else None)


def folder_articles(root: Path, cleaner: Cleaner) -> Iterator[ArticleData]:
    for task in iter_folder(root, DOC_SUFFIXES + (".md",)):
        path = Path(task.path)
        try:
            result = cleaner.clean_file(path)
        except CleanerError as exc:
            yield ArticleData(id=task.id, clean="", ops=(), items=(), error=str(exc).split("\n")[0])
            continue
        yield replace(from_result(result, id=task.id), id=task.id)


def jsonl_articles(path: Path, fields: Fields, cleaner: Cleaner | None) -> Iterator[ArticleData]:
    for n, obj, err in iter_lines(path):
        if obj is None:
            yield ArticleData(id=f"line {n}", clean="", ops=(), items=(), error=err)
            continue
        yield line_article(obj, n, fields, cleaner)
