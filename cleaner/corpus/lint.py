"""check and fix, file by file: what would be removed (with line:col) and the fixed bytes.

Text and Markdown files: the fixed content is the minimal edit (see ``edit``), written in
the file's newline style and encoding (BOM kept). JSONL files: only the configured text
field of each line; in a changed line only that value is rewritten, every other byte (and
every other line) stays; a line with NaN/Infinity or a key given twice is an error, not fixed. HTML files: check reports (best-effort line:col), fix does not rewrite them (the
clean text of a page is not an edit of the page) and says so.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cleaner.errors import CleanerError
from cleaner.model import Removal
from cleaner.normalize import normalize
from cleaner.pipeline import Cleaner
from cleaner.project_config import Fields
from cleaner.result import Result, restore

from .edit import encode_like, minimal_edit, newline_style, raw_lines
from .files import HTML_SUFFIXES, JSONL_SUFFIXES
from .jsonline import parse_line
from .snapshot import NotARegularFile, Snapshot, read_snapshot
from .suppress import kept_spans, unsuppressed

log = logging.getLogger(__name__)

REPAIR_NOTE = (
    "the rewrite also carries ftfy's repairs: they span lines, so untouched lines could not be kept as they were"
)
HTML_NOTE = "not rewritten: fix does not edit HTML in place (use 'cleaner clean' or 'cleaner batch')"


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    rule: str
    category: str
    reason: str
    text: str
    confidence: float
    stage: str = "text"
    end_line: int | None = None  # where the removed text ends (the column after its last character)
    end_col: int | None = None
    candidate: bool = False  # below --min-confidence: reported with --show-candidates, never removed

    @property
    def snippet(self) -> str:
        flat = " ".join(self.text.split())
        return flat if len(flat) <= 60 else flat[:59] + "…"

    def format(self) -> str:
        kept = f" (candidate, kept: confidence {self.confidence:.2f})" if self.candidate else ""
        return f'{self.path}:{self.line}:{self.col}: {self.rule} {self.reason} "{self.snippet}"{kept}'

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line or self.line,
            "end_col": self.end_col or self.col,
            "rule": self.rule,
            "category": self.category,
            "reason": self.reason,
            "text": self.text,
            "confidence": round(self.confidence, 4),
            "stage": self.stage,
            "candidate": self.candidate,
        }


@dataclass(frozen=True)
class FileReport:
    path: Path
    kind: str  # "text" | "jsonl" | "html"
    findings: tuple[Finding, ...] = ()
    original: bytes = b""
    fixed: bytes | None = None  # the rewritten bytes, when fix would change the file
    before_text: str = ""  # for --diff: the decoded file and the fixed text
    after_text: str = ""
    records: tuple[dict[str, Any], ...] = field(default=(), compare=False)
    errors: tuple[str, ...] = ()
    note: str | None = None
    candidates: tuple[Finding, ...] = ()
    suppressed: int = 0  # removals kept by an inline keep marker
    snapshot: Snapshot | None = field(default=None, compare=False)  # the file as read: fix replaces only that

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "kind": self.kind,
            "findings": [f.to_dict() for f in self.findings],
            "would_change": bool(self.findings),
            "fixable": self.changed,
            "errors": list(self.errors),
            "note": self.note,
        }


def file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def inspect_file(path: Path, cleaner: Cleaner, fields: Fields, display: str | None = None) -> FileReport:
    """Everything check and fix need for one file; never raises for bad input."""
    name = display or str(path)
    kind = file_kind(path)
    try:
        raw, snap = read_snapshot(path)
    except NotARegularFile as exc:
        return FileReport(path, kind, errors=(f"{name}: skipped: {exc.what}",))
    except OSError as exc:
        return FileReport(path, kind, errors=(f"{name}: cannot read: {exc.strerror or exc}",))
    try:
        if kind == "jsonl":
            return replace(_jsonl(path, name, raw, cleaner, fields), snapshot=snap)
        if kind == "html":
            return replace(_html(path, name, raw, cleaner), snapshot=snap)
        return replace(_text(path, name, raw, cleaner), snapshot=snap)
    except CleanerError as exc:
        return FileReport(path, kind, original=raw, errors=(f"{name}: {exc}",))


def _text(path: Path, name: str, raw: bytes, cleaner: Cleaner) -> FileReport:
    result = cleaner.clean(raw, html=False, name=str(path))
    norm = _normalized(result)
    spans = kept_spans(norm)
    removed = unsuppressed(result.removed, spans)
    findings = tuple(_finding(name, r, *line_col(norm, r.start or 0), *line_col(norm, r.end or 0)) for r in removed)
    candidates = tuple(
        _finding(name, r, *line_col(norm, r.start or 0), *line_col(norm, r.end or 0), candidate=True)
        for r in unsuppressed(result.candidates, spans)
    )
    record = result.to_dict()
    quiet = len(result.removed) - len(removed)
    if not removed:
        return FileReport(path, "text", findings, raw, None, records=(record,), candidates=candidates, suppressed=quiet)
    decoded = _decoded(raw, result)
    originals = raw_lines(decoded, norm, _normalize_line)
    fixed_text = minimal_edit(norm, list(removed), originals)
    newline = newline_style(decoded)
    if newline != "\n":
        fixed_text = fixed_text.replace("\n", newline)
    fixed = encode_like(fixed_text, raw, result.input.encoding)
    note = None if originals is not None else REPAIR_NOTE
    return FileReport(
        path,
        "text",
        findings,
        raw,
        fixed,
        decoded,
        fixed_text,
        records=(record,),
        note=note,
        candidates=candidates,
        suppressed=quiet,
    )


def _html(path: Path, name: str, raw: bytes, cleaner: Cleaner) -> FileReport:
    result = cleaner.clean(raw, html=True, name=str(path))
    decoded = raw.decode("utf-8", "replace")
    findings = []
    for r in result.removed:
        findings.append(_finding(name, r, *_locate(decoded, r.text)))
    candidates = tuple(_finding(name, r, *_locate(decoded, r.text), candidate=True) for r in result.candidates)
    note = HTML_NOTE if findings else None
    return FileReport(
        path, "html", tuple(findings), raw, None, records=(result.to_dict(),), note=note, candidates=candidates
    )


def _locate(haystack: str, text: str) -> tuple[int, int]:
    """Best effort for HTML: where the removed text's first words appear in the page."""
    words = text.split()
    for n in (6, 3, 1):
        probe = " ".join(words[:n])
        if len(probe) >= 4:
            at = haystack.find(probe)
            if at >= 0:
                return line_col(haystack, at)
    return 1, 1


def _jsonl(path: Path, name: str, raw: bytes, cleaner: Cleaner, fields: Fields) -> FileReport:
    lines = raw.splitlines(keepends=True)
    out: list[bytes] = []
    findings: list[Finding] = []
    candidates: list[Finding] = []
    errors: list[str] = []
    records: list[dict[str, Any]] = []
    changed = False
    for n, line in enumerate(lines, 1):
        body = line.rstrip(b"\r\n")
        ending = line[len(body) :]
        new = _jsonl_line(name, n, body, cleaner, fields, findings, errors, records, candidates)
        if new is None:
            out.append(line)
        else:
            out.append(new + ending)
            changed = True
    fixed = b"".join(out) if changed else None
    before = raw.decode("utf-8", "replace") if changed else ""
    after = fixed.decode("utf-8", "replace") if fixed is not None else ""
    return FileReport(
        path,
        "jsonl",
        tuple(findings),
        raw,
        fixed,
        before,
        after,
        tuple(records),
        tuple(errors),
        candidates=tuple(candidates),
    )


def _jsonl_line(
    name: str,
    n: int,
    body: bytes,
    cleaner: Cleaner,
    fields: Fields,
    findings: list[Finding],
    errors: list[str],
    records: list[dict[str, Any]],
    candidates: list[Finding],
) -> bytes | None:
    """Check one line; return its new bytes when the text field changes, else None."""
    if not body.strip():
        return None
    try:
        line = body.decode("utf-8")
        parsed = parse_line(line)
    except UnicodeDecodeError as exc:
        errors.append(f"{name}:{n}: not valid UTF-8 ({exc.reason} at byte {exc.start})")
        return None
    except (ValueError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        errors.append(f"{name}:{n}: invalid JSON: {msg}")
        return None
    obj = parsed.obj
    if not isinstance(obj, dict):
        errors.append(f"{name}:{n}: expected a JSON object, got {type(obj).__name__}")
        return None
    text = obj.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        return None  # nothing to check on this line (check and fix look at the text field only)
    lang, url = obj.get(fields.lang), obj.get(fields.url)
    try:
        result = cleaner.clean(
            text,
            html=False,
            lang=lang if isinstance(lang, str) and lang else None,
            url=url if isinstance(url, str) and url else None,
        )
    except CleanerError as exc:
        errors.append(f"{name}:{n}: {exc}")
        return None
    records.append({"line": n, "record": result.to_dict()})
    norm = _normalized(result)
    spans = kept_spans(norm)
    removed = unsuppressed(result.removed, spans)
    col = _json_columns(line, fields.text, norm)
    for r in removed:
        findings.append(_finding(name, r, n, col(r.start or 0), n, col(r.end or 0)))
    for r in unsuppressed(result.candidates, spans):
        candidates.append(_finding(name, r, n, col(r.start or 0), n, col(r.end or 0), candidate=True))
    if not removed:
        return None
    new_text = minimal_edit(norm, list(removed), raw_lines(text, norm, _normalize_line))
    if new_text == text:
        return None
    escaped = line.isascii() and "\\u" in line  # the line's style: non-ASCII escaped or raw
    try:  # only the text field's value changes: every other byte of the line stays
        return parsed.with_value(fields.text, new_text, ensure_ascii=escaped).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them escaped
        return parsed.with_value(fields.text, new_text, ensure_ascii=True).encode("utf-8")


def _normalize_line(line: str) -> str:
    return normalize(line).text


def _normalized(result: Result) -> str:
    return restore(result)


def _decoded(raw: bytes, result: Result) -> str:
    enc = result.input.encoding
    codec = "utf-8-sig" if enc in ("str", "utf-8") else enc
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return raw.decode("utf-8", "replace")


def _finding(
    path: str,
    r: Removal,
    line: int,
    col: int,
    end_line: int | None = None,
    end_col: int | None = None,
    *,
    candidate: bool = False,
) -> Finding:
    return Finding(
        path, line, col, r.rule, r.category, r.reason, r.text, r.confidence, r.stage, end_line, end_col, candidate
    )


def _json_columns(line: str, field_name: str, text: str) -> Callable[[int], int]:
    """Offset in the text field's value -> 1-based column in the JSONL line (best effort: the
    value's serialized form in the line's escaping style)."""
    m = re.search(r'"' + re.escape(json.dumps(field_name)[1:-1]) + r'"\s*:\s*"', line)
    if m is None:
        return lambda offset: offset + 1
    escaped = line.isascii() and "\\u" in line
    start = m.end()

    def col(offset: int) -> int:
        return start + len(json.dumps(text[:offset], ensure_ascii=escaped)) - 2 + 1

    return col
