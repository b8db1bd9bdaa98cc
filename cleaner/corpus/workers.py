"""Turning one input task into one output line, in a worker process (or in-process).

Every task yields exactly one line: the record cleaned, or the record kept as it came
with ``error`` saying, on one line, why it could not be cleaned.
"""

from __future__ import annotations

import json
import logging
import signal
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.pipeline import Cleaner
from cleaner.project_config import Fields
from cleaner.repetition.sites import folder_site, record_site, site_from_url

from .jsonline import JsonLine, parse_line
from .readers import DocTask, FileTask, LineTask, Task

log = logging.getLogger(__name__)


class Outcome(NamedTuple):
    line: bytes  # the output line, UTF-8, with its newline
    counts: dict[str, int]  # removals per category
    error: str | None
    where: str  # the input position, for summaries and --fail-fast
    lang: str | None = None  # the cleaned document's language code
    rid: str | None = None  # the record's id (JSON text), for the duplicate-id count


class RecordError(Exception):
    """A record that cannot be cleaned; ``message`` is one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class RecordCleaner:
    """Builds one Cleaner and applies it to tasks."""

    def __init__(self, config: Config, fields: Fields) -> None:
        self.cleaner = Cleaner(config)
        self.fields = fields

    def process(self, task: Task) -> Outcome:
        if isinstance(task, LineTask):
            out = self._line(task)
        elif isinstance(task, FileTask):
            out = self._file(task)
        else:
            out = self._doc(task)
        return out._replace(where=where(task))

    def _cleaned(
        self,
        obj: dict[str, Any],
        result: Any,
        position: dict[str, Any],
        raw_field: str | None,
        line: JsonLine | None = None,
    ) -> Outcome:
        return _cleaned(obj, result, position, raw_field, self.fields.keep_raw, line)

    # JSONL ------------------------------------------------------------------------------
    def _line(self, task: LineTask) -> Outcome:
        n = task.lineno
        if task.error:
            return self._broken(n, "", task.error)
        try:
            text = task.raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raw = task.raw.decode("utf-8", "backslashreplace")
            return self._broken(n, raw, f"line {n}: not valid UTF-8 ({exc.reason} at byte {exc.start})")
        if not text.strip():
            return self._broken(n, text, f"line {n}: empty line")
        try:
            line = parse_line(text)
        except (ValueError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            col = f" at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
            return self._broken(n, text, f"line {n}: invalid JSON: {msg}{col}")
        obj = line.obj
        if not isinstance(obj, dict):
            return self._broken(n, text, f"line {n}: expected a JSON object, got {type(obj).__name__}")
        rid = obj.get(self.fields.id)
        return self._record(task, obj, line)._replace(rid=None if rid is None else json.dumps(rid))

    def _record(self, task: LineTask, obj: dict[str, Any], line: JsonLine) -> Outcome:
        n = task.lineno
        position = {"file": task.source, "line": n}
        try:
            result = self._clean_record(obj)
        except RecordError as exc:
            return _failed(obj, f"line {n}: {exc.message}", position, line)
        except CleanerError as exc:
            return _failed(obj, f"line {n}: {one_line(str(exc))}", position, line)
        except Exception as exc:  # a bug must not lose the record: keep it, say why
            log.debug("line %d: internal error", n, exc_info=True)
            error = f"line {n}: internal error: {type(exc).__name__}: {one_line(str(exc))}"
            return _failed(obj, error, position, line)
        f = self.fields
        return self._cleaned(obj, result, position, f.text if obj.get(f.text) is not None else f.html, line)

    def clean_record(self, obj: dict[str, Any]) -> Any:
        """Clean one parsed JSON record (raises RecordError or CleanerError); also used by cleaner.spark."""
        return self._clean_record(obj)

    def _clean_record(self, obj: dict[str, Any]) -> Any:
        f = self.fields
        text, html = obj.get(f.text), obj.get(f.html)
        if text is None and html is None:
            raise RecordError(f"no '{f.text}' or '{f.html}' field")
        is_html = text is None
        data = html if is_html else text
        name = f.html if is_html else f.text
        if not isinstance(data, str):
            raise RecordError(f"field '{name}' is {type(data).__name__}, not a string")
        if not data.strip():
            raise RecordError(f"field '{name}' is empty")
        lang = obj.get(f.lang)
        url = obj.get(f.url)
        return self.cleaner.clean(
            data,
            lang=lang if isinstance(lang, str) and lang else None,
            url=url if isinstance(url, str) and url else None,
            html=is_html,
            site=record_site(obj, f.site, f.url) if self.cleaner.config.boilerplate else None,
        )

    @staticmethod
    def _broken(lineno: int, raw: str, error: str) -> Outcome:
        out = {"id": None, "line": lineno, "raw": raw, "text": None, "removed": [], "lang": None, "error": error}
        return Outcome(_dump(out), {}, error, "")

    # documents --------------------------------------------------------------------------
    def _file(self, task: FileTask) -> Outcome:
        base: dict[str, Any] = {"id": task.id, "position": {"file": task.path}}
        limit = 4 * self.cleaner.config.max_input_chars
        try:
            with Path(task.path).open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            return _failed(base, f"{task.id}: cannot read: {exc.strerror or exc}")
        if len(data) > limit:
            return _failed(base, f"{task.id}: over the input limit of {limit:,} bytes; not read")
        return self._data(base, data, None, task.path, folder_site(task.path))

    def _doc(self, task: DocTask) -> Outcome:
        if task.error:
            return _failed({"id": task.id, "url": task.url}, task.error)
        base = {"id": task.id, "url": task.url, "warc": task.warc, "position": {"file": task.source, "record": task.id}}
        return self._data(base, task.data, task.url, None, site_from_url(task.url), task.charset)

    def _data(
        self,
        base: dict[str, Any],
        data: bytes,
        url: str | None,
        name: str | None,
        site: str | None = None,
        charset: str | None = None,
    ) -> Outcome:
        rid = base["id"]
        if not data.strip():
            return _failed(base, f"{rid}: empty document")
        try:
            result = self.cleaner.clean(
                data, url=url, name=name, html=None if name else True, site=site, charset=charset
            )
        except CleanerError as exc:
            return _failed(base, f"{rid}: {one_line(str(exc))}")
        except Exception as exc:
            log.debug("%s: internal error", rid, exc_info=True)
            return _failed(base, f"{rid}: internal error: {type(exc).__name__}: {one_line(str(exc))}")
        return self._cleaned(base, result, base.pop("position"), None)


def where(task: Task) -> str:
    """The input position of a task, for summaries, --fail-fast and logs."""
    if isinstance(task, LineTask):
        return f"{task.source}:{task.lineno}"
    if isinstance(task, FileTask):
        return task.path
    return f"{task.source}: {task.id}"


def lost(task: Task, why: str) -> Outcome:
    """The error record of a task whose worker died: the input kept as it came, and why."""
    if isinstance(task, LineTask):
        error = f"line {task.lineno}: {why}"
        try:
            line: JsonLine | None = parse_line(task.raw.decode("utf-8"))
        except (ValueError, RecursionError):
            line = None
        if line is not None and isinstance(line.obj, dict):
            out = _failed(line.obj, error, None, line)
        else:
            out = RecordCleaner._broken(task.lineno, task.raw.decode("utf-8", "backslashreplace"), error)
    elif isinstance(task, FileTask):
        out = _failed({"id": task.id}, f"{task.id}: {why}")
    else:
        out = _failed({"id": task.id, "url": task.url}, f"{task.id}: {why}")
    return out._replace(where=where(task))


def _cleaned(
    obj: dict[str, Any],
    result: Any,
    position: dict[str, Any],
    raw_field: str | None,
    keep_raw: bool = True,
    line: JsonLine | None = None,
) -> Outcome:
    """The input's fields, then the whole record of ``clean --json`` (so ``restore()`` works on
    the line), and where the input came from. The raw text stays: under its own field, or under
    ``raw`` when it was the ``text`` field the clean text replaces (unless ``keep_raw`` is off).
    The input's unchanged fields are written back from their source text (``line``): byte for byte."""
    out = dict(obj)
    if raw_field is not None and not keep_raw:
        out.pop(raw_field, None)
    elif raw_field == "text" and "raw" not in out:
        out["raw"] = obj["text"]
    out.update(result.to_dict())
    error = one_line(result.error) if result.error else None
    out["error"] = error
    out["position"] = position
    return Outcome(_dump(out, line), dict(Counter(r.category for r in result.removed)), error, "", result.lang.code)


def _failed(
    obj: dict[str, Any], error: str, position: dict[str, Any] | None = None, line: JsonLine | None = None
) -> Outcome:
    out = dict(obj)
    if position is not None:
        out["position"] = position
    out.setdefault("text", None)  # a text record keeps its text: nothing is lost
    out["removed"] = []
    lang = out.get("lang")
    out["lang"] = lang if isinstance(lang, str) else None
    out["error"] = error
    return Outcome(_dump(out, line), {}, error, "")


def _dump(out: dict[str, Any], line: JsonLine | None = None) -> bytes:
    """The output line; the input's unchanged fields from their source text when ``line`` is given."""
    try:
        text = line.dump(out) if line is not None else json.dumps(out, ensure_ascii=False)
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes: keep them escaped
        text = line.dump(out, ensure_ascii=True) if line is not None else json.dumps(out, ensure_ascii=True)
        return (text + "\n").encode("utf-8")


# process-pool plumbing ------------------------------------------------------------------
_WORKER: RecordCleaner | None = None
_PREBUILT: RecordCleaner | None = None  # set by the parent before forking: workers inherit it


def prebuild(worker: RecordCleaner | None) -> None:
    global _PREBUILT
    _PREBUILT = worker


def init_worker(config: Config, fields: Fields) -> None:
    """Pool initializer: one Cleaner per process; Ctrl-C is the parent's to handle."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    inherited = _PREBUILT
    if inherited is not None and inherited.cleaner.config == config and inherited.fields == fields:
        _WORKER = inherited
    else:
        _WORKER = RecordCleaner(config, fields)


def work(tasks: list[Task]) -> list[Outcome]:
    """One message from the parent: a chunk of tasks, answered in order."""
    assert _WORKER is not None, "init_worker was not called"
    return [_WORKER.process(t) for t in tasks]
