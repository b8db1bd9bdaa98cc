"""Corpus commands: `cleaner batch`, `cleaner check`, `cleaner fix`.

Settings come from the command line, then the project configuration file
(``[tool.cleaner]`` in pyproject.toml, or cleaner.toml, found walking up from the current
folder, or ``--config FILE``), then the defaults.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import typer

from cleaner.cli.app import app
from cleaner.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    ConfigOpt,
    IgnoreOpt,
    LangOpt,
    MinConfOpt,
    RulesOpt,
    SelectOpt,
    TimeLimitOpt,
    errors_as_exit,
    fail,
    os_error_exit,
    settings,
    setup_logging,
    split_ids,
)
from cleaner.config import Config
from cleaner.corpus.lint import FileReport
from cleaner.errors import CleanerError
from cleaner.project_config import Fields, ProjectConfig

EXIT_INTERRUPTED = 130

QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr.")
VerboseOpt = typer.Option(False, "--verbose", "-v", help="Log what is read and skipped.")
InputsArg = typer.Argument(..., help="JSONL (.gz/.zst too), folders of .txt/.html files, WARC files.")
SummaryJsonOpt = typer.Option(None, "--summary-json", help="Write the final summary as JSON to this file.")
PathsArg = typer.Argument(..., help="Files or folders (walked recursively).")
RecordDirOpt = typer.Option(None, "--record-dir", help="Write each file's record (JSON) into this folder.")
SiteRepOpt = typer.Option(
    False, "--site-repetition",
    help="Two passes: count short blocks per site, then also remove those that recur across a site's "
    "documents (rule repeat.site). Reads the input twice: not for standard input or pipes.",
)


def _fields(project: ProjectConfig, text: str | None, html: str | None, id_: str | None, url: str | None) -> Fields:
    f = project.fields
    return replace(f, text=text or f.text, html=html or f.html, id=id_ or f.id, url=url or f.url)


# batch ------------------------------------------------------------------------------------
@app.command("batch")
def batch_command(
    inputs: list[Path] = InputsArg,
    output: str = typer.Option(..., "--output", "-o", help="Output JSONL file (- for standard output)."),
    workers: int = typer.Option(0, "--workers", "-j", min=0, help="Processes (default: the number of cores)."),
    text_field: str = typer.Option(None, "--text-field", help="Input field holding text (default: text)."),
    html_field: str = typer.Option(None, "--html-field", help="Input field holding HTML (default: html)."),
    id_field: str = typer.Option(None, "--id-field", help="Input field holding the id (default: id)."),
    url_field: str = typer.Option(None, "--url-field", help="Input field holding the URL (default: url)."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first record that cannot be cleaned (exit 1)."),
    summary_json: Path = SummaryJsonOpt,
    max_chars: int = typer.Option(None, "--max-chars", min=1, help="Records longer than this are errors (default 60,000,000)."),
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_file: Path = ConfigOpt,
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = typer.Option(None, "--lang", help="Language for records without a 'lang' field (skips detection)."),
    min_confidence: float = MinConfOpt,
    time_limit: float = TimeLimitOpt,
    site_repetition: bool = SiteRepOpt,
) -> None:
    """Clean every record of INPUTS into one JSONL line each, in input order."""
    from cleaner.corpus.batch import BatchOptions, BatchStopped, default_workers, run_batch, stderr_is_terminal
    from cleaner.corpus.progress import progress_display

    setup_logging(verbose)
    with errors_as_exit():
        project, config = settings(config_file, rules, select, ignore, lang, min_confidence, max_chars, time_limit)
        fields = _fields(project, text_field, html_field, id_field, url_field)
        if site_repetition:
            from cleaner.repetition.corpus import require_rereadable

            require_rereadable(inputs)
        for p in inputs:
            if not p.exists():
                raise CleanerError(f"{p}: no such file or folder")
        if output != "-":
            from cleaner.corpus.guard import refuse_output_among_inputs

            refuse_output_among_inputs(list(inputs), Path(output))
    options = BatchOptions(workers=workers or default_workers(), fields=fields, fail_fast=fail_fast)
    if site_repetition:
        with errors_as_exit():
            config = _with_site_table(config, lambda: _count_batch(list(inputs), config, fields, options.workers), quiet)
    target = sys.stdout.buffer if output == "-" else Path(output)
    try:
        with progress_display(stderr_is_terminal() and not quiet) as progress:
            summary = run_batch(list(inputs), target, config, options, progress)  # type: ignore[arg-type]
    except BatchStopped as exc:
        raise fail(f"stopped (--fail-fast): {exc}", EXIT_FAILED) from None
    except CleanerError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise os_error_exit(exc) from None
    if not quiet or summary.interrupted:
        sys.stderr.write(summary.render() + "\n")
    if summary_json:
        summary.write_json(summary_json)
    if summary.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)


# site-level repetition ----------------------------------------------------------------------
def _count_batch(inputs: list[Path], config: Config, fields: Fields, workers: int) -> object:
    from cleaner.repetition.corpus import count_tasks

    return count_tasks(inputs, config, fields, workers)


def _with_site_table(config: Config, count: object, quiet: bool) -> Config:
    """Pass 1: count, and return the configuration carrying the boilerplate table."""
    counts = count()  # type: ignore[operator]
    table = counts.table(config.repetition)
    if not quiet:
        docs = sum(counts.site_docs.values())
        sys.stderr.write(f"site repetition: {docs:,} documents of {len(counts.site_docs):,} sites counted; "
                         f"{table.describe()}\n")
    return config.with_(boilerplate=table)


# check and fix ------------------------------------------------------------------------------
def _inspect_all(
    paths: list[Path], project: ProjectConfig, config: Config, fields: Fields, extensions: list[str] | None,
    site_repetition: bool = False, quiet: bool = False,
) -> Iterator[FileReport]:
    from cleaner.corpus.files import FileSelection, iter_files
    from cleaner.corpus.lint import file_kind, inspect_file
    from cleaner.pipeline import Cleaner

    exts = tuple(e if e.startswith(".") else "." + e for e in split_ids(extensions)) if extensions else project.extensions
    selection = FileSelection(tuple(e.lower() for e in exts), project.include, project.exclude, project.root)
    cleaner = Cleaner(config)
    if site_repetition:
        from cleaner.repetition.corpus import SiteCleaner, count_files, require_rereadable
        from cleaner.repetition.sites import folder_site

        require_rereadable(paths)
        files = [p for p in iter_files(paths, selection) if p.exists()]
        config = _with_site_table(config, lambda: count_files(files, cleaner, fields), quiet)
        cleaner = Cleaner(config)
    for path in iter_files(paths, selection):
        if not path.exists():
            yield FileReport(path, file_kind(path), errors=(f"{path}: no such file",))
            continue
        doc_cleaner = SiteCleaner(cleaner, folder_site(path)) if site_repetition else cleaner
        yield inspect_file(path, doc_cleaner, fields)  # type: ignore[arg-type]


ExtOpt = typer.Option(None, "--extensions", help="File extensions to look at (comma-separated; default .txt,.md,.html,.htm,.jsonl).")
TextFieldOpt = typer.Option(None, "--text-field", help="JSONL field to check (default: text).")


@dataclass
class _Stats:
    files: int = 0
    findings: int = 0
    would_change: int = 0
    fixed: int = 0
    unfixable: int = 0
    errors: int = 0

    def add(self, rep: FileReport) -> None:
        self.files += 1
        self.findings += len(rep.findings)
        self.would_change += bool(rep.findings)
        self.errors += len(rep.errors)

    def exit_code(self, *, fixing: bool) -> int:
        if self.errors:
            return EXIT_USAGE
        remaining = self.unfixable if fixing else self.findings
        return EXIT_FAILED if remaining else EXIT_OK


@app.command("check")
def check_command(
    paths: list[Path] = PathsArg,
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of each file against its fixed content."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
    extensions: list[str] = ExtOpt,
    text_field: str = TextFieldOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_file: Path = ConfigOpt,
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = LangOpt,
    min_confidence: float = MinConfOpt,
    site_repetition: bool = SiteRepOpt,
) -> None:
    """Report what fix would remove, as path:line:col: RULE reason "snippet". Exit 1 if anything would change."""
    setup_logging(verbose)
    if fmt not in ("text", "json"):
        raise fail(f"--format must be text or json, not {fmt!r}")
    stats = _Stats()
    files: list[dict] = []
    with errors_as_exit():
        project, config = settings(config_file, rules, select, ignore, lang, min_confidence)
        fields = _fields(project, text_field, None, None, None)
        for rep in _inspect_all(list(paths), project, config, fields, extensions, site_repetition, quiet):
            stats.add(rep)
            if fmt == "json":
                d = rep.to_dict()
                if diff:
                    d["diff"] = _diff(rep)
                files.append(d)
                continue
            _print_findings(rep)
            if diff and rep.changed:
                sys.stdout.write(_diff(rep))
    if fmt == "json":
        summary = {"files": stats.files, "findings": stats.findings, "would_change": stats.would_change,
                   "errors": stats.errors}
        sys.stdout.write(json.dumps({"files": files, "summary": summary}, ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        n = stats.findings
        sys.stderr.write(f"{n} removal{'s' if n != 1 else ''} in {stats.would_change} of {stats.files} files"
                         + (f", {stats.errors} errors" if stats.errors else "") + "\n")
    raise typer.Exit(stats.exit_code(fixing=False))


@app.command("fix")
def fix_command(
    paths: list[Path] = PathsArg,
    record_dir: Path = RecordDirOpt,
    extensions: list[str] = ExtOpt,
    text_field: str = TextFieldOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_file: Path = ConfigOpt,
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = LangOpt,
    min_confidence: float = MinConfOpt,
    site_repetition: bool = SiteRepOpt,
) -> None:
    """Remove in place, atomically, what check reports; keep layout, newline style and encoding.

    HTML files are reported, not rewritten (exit 1 when they hold something to remove).
    """
    from cleaner.corpus.atomic import write_atomic

    setup_logging(verbose)
    stats = _Stats()
    with errors_as_exit():
        project, config = settings(config_file, rules, select, ignore, lang, min_confidence)
        fields = _fields(project, text_field, None, None, None)
        for rep in _inspect_all(list(paths), project, config, fields, extensions, site_repetition, quiet):
            stats.add(rep)
            _print_findings(rep)
            if rep.changed and not rep.errors:
                try:
                    write_atomic(rep.path, rep.fixed)  # type: ignore[arg-type]
                except OSError as exc:
                    stats.errors += 1
                    sys.stderr.write(f"cleaner: error: {rep.path}: not fixed, left untouched: {exc.strerror or exc}\n")
                    continue
                stats.fixed += 1
                if not quiet:
                    sys.stderr.write(f"fixed {rep.path} ({len(rep.findings)} removals)\n")
            elif rep.findings and not rep.changed and not rep.errors:
                stats.unfixable += rep.kind == "html"
            if record_dir is not None and rep.records:
                _write_record(record_dir, rep)
    if not quiet:
        sys.stderr.write(f"fixed {stats.fixed} of {stats.files} files"
                         + (f"; {stats.unfixable} HTML files not rewritten" if stats.unfixable else "")
                         + (f"; {stats.errors} errors" if stats.errors else "") + "\n")
    raise typer.Exit(stats.exit_code(fixing=True))


def _print_findings(rep: FileReport) -> None:
    for f in rep.findings:
        sys.stdout.write(f.format() + "\n")
    for e in rep.errors:
        sys.stderr.write(f"cleaner: error: {e}\n")
    if rep.note and rep.findings:
        sys.stderr.write(f"{rep.path}: {rep.note}\n")


def _diff(rep: FileReport) -> str:
    if not rep.changed:
        return ""
    before = rep.before_text.replace("\r\n", "\n").splitlines(keepends=True)
    after = rep.after_text.replace("\r\n", "\n").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{rep.path}", f"b/{rep.path}")
    return "".join(x if x.endswith("\n") else x + "\n\\ No newline at end of file\n" for x in lines)


def _write_record(record_dir: Path, rep: FileReport) -> None:
    try:
        rel = rep.path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        rel = Path(rep.path.name)
    target = record_dir / (rel.as_posix() + ".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    data = rep.records[0] if rep.kind != "jsonl" else {"path": str(rep.path), "lines": list(rep.records)}
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
