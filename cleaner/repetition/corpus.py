"""Pass 1 over the inputs of ``batch`` and of ``check``/``fix``, and the site of each task.

Inputs are read twice (count, then clean), so standard input and pipes are refused.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.pipeline import Cleaner
from cleaner.project_config import Fields
from cleaner.repetition.count import SiteCounts, doc_keys
from cleaner.repetition.sites import folder_site, record_site, site_from_url
from cleaner.repetition.table import doc_key

log = logging.getLogger(__name__)

Counted = tuple[str, int, tuple[int, ...]]  # (site, document key, block keys)


def require_rereadable(paths: Iterable[Path | str]) -> None:
    """Refuse, on one line, inputs that cannot be read twice (standard input, pipes, devices)."""
    for p in paths:
        name = str(p)
        bad = name == "-"
        if not bad:
            try:
                mode = Path(p).stat().st_mode
            except OSError:
                continue  # a missing input is reported where it is read
            bad = not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
        if bad:
            shown = "standard input" if name == "-" else f"'{name}' (not a regular file)"
            raise CleanerError(
                f"--site-repetition reads the input twice (count, then clean): {shown} cannot be read twice; "
                "write it to a file first"
            )


def line_doc(obj: dict[str, Any], fields: Fields) -> tuple[str, bool] | None:
    """A JSON record's document as batch reads it: (data, is_html), or None when it has none."""
    text, html = obj.get(fields.text), obj.get(fields.html)
    data = html if text is None else text
    if not isinstance(data, str) or not data.strip():
        return None
    return data, text is None


def task_counted(task: object, cleaner: Cleaner, fields: Fields) -> Counted | None:
    """What pass 1 keeps of one batch task; None for a task that pass 2 will report as an error."""
    from cleaner.corpus.readers import DocTask, FileTask, LineTask

    settings = cleaner.config.repetition
    try:
        if isinstance(task, LineTask):
            obj = json.loads(task.raw.decode("utf-8"))
            if not isinstance(obj, dict):
                return None
            doc = line_doc(obj, fields)
            site = record_site(obj, fields.site, fields.url)
            if doc is None or not site:
                return None
            url = obj.get(fields.url)
            keys = doc_keys(cleaner, doc[0], settings, html=doc[1], url=url if isinstance(url, str) and url else None)
            return site, doc_key(doc[0]), tuple(keys)
        if isinstance(task, FileTask):
            data = Path(task.path).read_bytes()
            site = folder_site(task.path)
            if not site or not data.strip():
                return None
            return site, doc_key(data), tuple(doc_keys(cleaner, data, settings, name=task.path))
        if isinstance(task, DocTask):
            site = site_from_url(task.url)
            if not site or not task.data.strip():
                return None
            keys = doc_keys(cleaner, task.data, settings, html=True, url=task.url, charset=task.charset)
            return site, doc_key(task.data), tuple(keys)
    except (CleanerError, ValueError, OSError, RecursionError):
        return None
    return None


# batch -------------------------------------------------------------------------------------
_COUNTER: tuple[Cleaner, Fields] | None = None


def _init(config: Config, fields: Fields) -> None:
    global _COUNTER
    if _COUNTER is None or _COUNTER[0].config != config or _COUNTER[1] != fields:
        _COUNTER = (Cleaner(config), fields)


def _count_chunk(tasks: list[object]) -> list[Counted]:
    assert _COUNTER is not None
    cleaner, fields = _COUNTER
    return [c for t in tasks if (c := task_counted(t, cleaner, fields)) is not None]


def _chunks(items: Iterable[object], size: int) -> Iterator[list[object]]:
    chunk: list[object] = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def count_tasks(inputs: list[Path], config: Config, fields: Fields, workers: int = 1) -> SiteCounts:
    """Pass 1 of ``batch --site-repetition``: every input's records, in ``workers`` processes."""
    from cleaner.corpus.readers import iter_tasks

    require_rereadable(inputs)
    counts = SiteCounts()
    _init(config, fields)  # forked workers inherit the compiled rules
    if workers <= 1:
        for t in iter_tasks(inputs):
            if (c := _count_one(t)) is not None:
                counts.add(*c)
        return counts
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(workers, initializer=_init, initargs=(config, fields)) as pool:
        for answer in pool.imap(_count_chunk, _chunks(iter_tasks(inputs), 64), 1):
            for c in answer:
                counts.add(*c)
    return counts


def _count_one(task: object) -> Counted | None:
    assert _COUNTER is not None
    return task_counted(task, *_COUNTER)


# check and fix -----------------------------------------------------------------------------
class SiteCleaner:
    """A Cleaner that tells each document's site: the URL's host, else the file's folder."""

    def __init__(self, cleaner: Cleaner, default_site: str | None) -> None:
        self._cleaner = cleaner
        self.default_site = default_site

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cleaner, name)

    def clean(self, data: str | bytes, **kwargs: Any) -> Any:
        if kwargs.get("site") is None:
            kwargs["site"] = site_from_url(kwargs.get("url")) or self.default_site
        return self._cleaner.clean(data, **kwargs)


def count_files(files: Iterable[Path], cleaner: Cleaner, fields: Fields) -> SiteCounts:
    """Pass 1 of ``check``/``fix --site-repetition``: the documents those commands look at (a
    text or HTML file; each JSONL line's text field), their site as :class:`SiteCleaner` tells it."""
    from cleaner.corpus.lint import file_kind

    counts = SiteCounts()
    settings = cleaner.config.repetition
    for path in files:
        folder = folder_site(path)
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        kind = file_kind(path)
        try:
            if kind != "jsonl":
                keys = doc_keys(cleaner, raw, settings, html=kind == "html", name=str(path))
                counts.add(folder, doc_key(raw), keys)
                continue
        except CleanerError:
            continue
        for line in raw.splitlines():
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get(fields.text), str) or not obj[fields.text].strip():
                continue
            url = obj.get(fields.url)
            url = url if isinstance(url, str) and url else None
            try:
                keys = doc_keys(cleaner, obj[fields.text], settings, html=False, url=url)
            except CleanerError:
                continue
            counts.add(site_from_url(url) or folder, doc_key(obj[fields.text]), keys)
    return counts
