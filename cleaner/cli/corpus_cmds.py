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
from enum import StrEnum
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
    QuietOpt,
    RulesOpt,
    SelectOpt,
    TimeLimitOpt,
    VerboseOpt,
    errors_as_exit,
    fail,
    os_error_exit,
    quiet_broken_pipe,
    settings,
    setup_logging,
    split_ids,
)
from cleaner.config import Config
from cleaner.corpus.files import HTML_SUFFIXES, FileSelection
from cleaner.corpus.lint import FileReport
from cleaner.errors import CleanerError
from cleaner.project_config import Fields, ProjectConfig

EXIT_INTERRUPTED = 130

InputsArg = typer.Argument(
    None,
    metavar="INPUT",
    help="JSONL (.gz/.zst/.bz2/.xz too), folders of .txt/.html files, WARC files; - or nothing with a pipe attached: "
    "standard input.",
)
SummaryJsonOpt = typer.Option(
    None, "--summary-json", metavar="FILE", help="Write the final summary as JSON to this file."
)
PathsArg = typer.Argument(..., metavar="PATH", help="Files or folders (walked recursively).")
RecordDirOpt = typer.Option(
    None, "--record-dir", metavar="DIR", help="Write each file's record (JSON) into this folder."
)
SiteRepOpt = typer.Option(
    False,
    "--site-repetition",
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
    output: str = typer.Option(
        "-",
        "--output",
        "-o",
        metavar="FILE",
        show_default=False,
        help="Output JSONL file, compressed by its suffix (.gz, .zst, .bz2, .xz); default: standard output.",
    ),
    workers: int = typer.Option(
        0, "--workers", "-j", metavar="N", min=0, show_default=False, help="Processes (default: the number of cores)."
    ),
    text_field: str = typer.Option(
        None, "--text-field", metavar="FIELD", help="Input field holding text (default: text)."
    ),
    html_field: str = typer.Option(
        None, "--html-field", metavar="FIELD", help="Input field holding HTML (default: html)."
    ),
    id_field: str = typer.Option(None, "--id-field", metavar="FIELD", help="Input field holding the id (default: id)."),
    url_field: str = typer.Option(
        None, "--url-field", metavar="FIELD", help="Input field holding the URL (default: url)."
    ),
    fail_fast: bool = typer.Option(
        False, "--fail-fast", help="Stop at the first record that cannot be cleaned (exit 1)."
    ),
    drop_raw: bool = typer.Option(
        False,
        "--drop-raw",
        help="Leave the raw text (or HTML) out of the output lines (smaller; restore() still works).",
    ),
    max_errors: int = typer.Option(
        0,
        "--max-errors",
        min=0,
        metavar="N",
        show_default=False,
        help="Exit 0 when at most N records are errors (default 0: any error exits 1).",
    ),
    summary_json: Path = SummaryJsonOpt,
    max_chars: int = typer.Option(
        None, "--max-chars", metavar="N", min=1, help="Records longer than this are errors (default 60,000,000)."
    ),
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_file: Path = ConfigOpt,
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = typer.Option(
        None, "--lang", metavar="LANG", help="Language for records without a 'lang' field (skips detection)."
    ),
    min_confidence: float = MinConfOpt,
    time_limit: float = TimeLimitOpt,
    site_repetition: bool = SiteRepOpt,
) -> None:
    """Clean every record of each INPUT into one JSONL line each, in input order."""
    from cleaner.corpus.batch import BatchOptions, BatchStopped, default_workers, run_batch, stderr_is_terminal
    from cleaner.corpus.progress import progress_display

    setup_logging(verbose, quiet)
    inputs = list(inputs or [])
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise fail("no input: name files or folders, or pipe records into standard input (or give -)")
        inputs = [Path("-")]
    with errors_as_exit():
        project, config = settings(config_file, rules, select, ignore, lang, min_confidence, max_chars, time_limit)
        fields = replace(_fields(project, text_field, html_field, id_field, url_field), keep_raw=not drop_raw)
        if site_repetition:
            from cleaner.repetition.corpus import require_rereadable

            require_rereadable(inputs)
        for p in inputs:
            if str(p) != "-" and not p.exists():
                raise CleanerError(f"{p}: no such file or folder")
        if output != "-":
            from cleaner.corpus.guard import refuse_output_among_inputs

            refuse_output_among_inputs(list(inputs), Path(output))
    options = BatchOptions(workers=workers or default_workers(), fields=fields, fail_fast=fail_fast)
    if site_repetition:
        with errors_as_exit():
            config = _with_site_table(
                config, lambda: _count_batch(list(inputs), config, fields, options.workers), quiet
            )
    target = sys.stdout.buffer if output == "-" else Path(output)
    try:
        with progress_display(stderr_is_terminal() and not quiet) as progress:
            summary = run_batch(list(inputs), target, config, options, progress)  # type: ignore[arg-type]
    except BrokenPipeError:  # the reader went away (`| head`): end quietly, as Unix tools do
        quiet_broken_pipe()
        raise typer.Exit(EXIT_OK) from None
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
    if summary.errors > max_errors:
        if not quiet:
            allowed = f"more than --max-errors {max_errors}" if max_errors else "see the 'error' field of those lines"
            sys.stderr.write(f"cleaner: {summary.errors:,} records could not be cleaned ({allowed})\n")
        raise typer.Exit(EXIT_FAILED)


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
        sys.stderr.write(
            f"site repetition: {docs:,} documents of {len(counts.site_docs):,} sites counted; {table.describe()}\n"
        )
    return config.with_(boilerplate=table)


# check and fix ------------------------------------------------------------------------------
@dataclass(frozen=True)
class WalkOptions:
    """What the command line adds to the configuration file's file selection."""

    extensions: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool | None = None


def _selection(project: ProjectConfig, walk: WalkOptions) -> FileSelection:
    from cleaner.corpus.files import FileSelection

    exts = tuple(e if e.startswith(".") else "." + e for e in walk.extensions) or project.extensions
    return FileSelection(
        tuple(e.lower() for e in exts),
        project.include,
        project.exclude,
        project.root,
        extend_exclude=project.extend_exclude + walk.exclude,
        respect_gitignore=project.respect_gitignore if walk.respect_gitignore is None else walk.respect_gitignore,
        force_exclude=project.force_exclude or walk.force_exclude,
    )


class _PerFile:
    """Cleaners for the files that per-file-ignores name (one per distinct set of ignored ids)."""

    def __init__(self, project: ProjectConfig, config: Config, base: object) -> None:
        from pathspec import GitIgnoreSpec

        from cleaner.cli.ruleids import check_ids

        self.root = project.root
        self.config = config
        self.base = base
        self.rules = [(GitIgnoreSpec.from_lines([pattern]), ids) for pattern, ids in project.per_file_ignores]
        self.cache: dict[tuple[str, ...], object] = {}
        every = tuple(i for _, ids in project.per_file_ignores for i in ids)
        if every:
            check_ids(config.with_(select=(), ignore=every))

    def __call__(self, path: Path) -> object:
        if not self.rules:
            return self.base
        try:
            rel = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        extra = tuple(i for spec, ids in self.rules if spec.match_file(rel) for i in ids)
        if not extra:
            return self.base
        if extra not in self.cache:
            from cleaner.pipeline import Cleaner

            self.cache[extra] = Cleaner(self.config.with_(ignore=tuple(self.config.ignore) + extra))
        return self.cache[extra]


def _inspect_all(
    paths: list[Path],
    project: ProjectConfig,
    config: Config,
    fields: Fields,
    walk: WalkOptions,
    site_repetition: bool = False,
    quiet: bool = False,
) -> Iterator[FileReport]:
    from cleaner.corpus.files import iter_files
    from cleaner.corpus.lint import file_kind, inspect_file
    from cleaner.corpus.snapshot import special
    from cleaner.pipeline import Cleaner

    selection = _selection(project, walk)
    cleaner = Cleaner(config)
    if site_repetition:
        from cleaner.repetition.corpus import SiteCleaner, count_files, require_rereadable
        from cleaner.repetition.sites import folder_site

        require_rereadable(paths)
        files = [p for p in iter_files(paths, selection) if p.exists() and special(p) is None]
        config = _with_site_table(config, lambda: count_files(files, cleaner, fields), quiet)
        cleaner = Cleaner(config)
    per_file = _PerFile(project, config, cleaner)
    for path in iter_files(paths, selection):
        why = special(path)
        if why:  # never opened: a FIFO would block, a loop has no content
            if not quiet:
                sys.stderr.write(f"cleaner: warning: {path}: skipped: {why}\n")
            continue
        if not path.exists():
            yield FileReport(path, file_kind(path), errors=(f"{path}: no such file",))
            continue
        doc_cleaner = per_file(path)
        if site_repetition:
            doc_cleaner = SiteCleaner(doc_cleaner, folder_site(path))
        yield inspect_file(path, doc_cleaner, fields)  # type: ignore[arg-type]
    html = [p for p in selection.skipped if p.suffix.lower() in HTML_SUFFIXES]
    if html and not quiet:
        n = len(html)
        sys.stderr.write(
            f"cleaner: {n} HTML file{'s' if n != 1 else ''} skipped: fix cannot rewrite HTML "
            "(add .html to --extensions or to 'extensions' in the configuration to check them)\n"
        )


ExtOpt = typer.Option(
    None,
    "--extensions",
    metavar="EXT",
    help="File extensions to look at (comma-separated; default .txt,.md,.jsonl; HTML only when listed).",
)
TextFieldOpt = typer.Option(None, "--text-field", metavar="FIELD", help="JSONL field to check (default: text).")
ExcludeOpt = typer.Option(
    None, "--exclude", metavar="PATTERN", help="Leave out files matching this gitignore pattern (repeatable)."
)
ForceExcludeOpt = typer.Option(
    False, "--force-exclude", help="Files named on the command line obey include and exclude too (for pre-commit)."
)
GitignoreOpt = typer.Option(
    None, "--respect-gitignore/--no-respect-gitignore", help="Leave out what .gitignore files leave out (default: on)."
)


def _walk_options(
    extensions: list[str] | None, exclude: list[str] | None, force: bool, gitignore: bool | None
) -> WalkOptions:
    return WalkOptions(split_ids(extensions), tuple(exclude or ()), force, gitignore)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    json_lines = "json-lines"
    github = "github"
    sarif = "sarif"
    junit = "junit"


OutputFormatOpt = typer.Option(OutputFormat.text, "--output-format", "--format", help="How to print the findings.")
BaselineOpt = typer.Option(
    None, "--baseline", metavar="FILE", help="Report only findings beyond those recorded in FILE."
)
WriteBaselineOpt = typer.Option(
    None, "--write-baseline", metavar="FILE", help="Record the current findings in FILE (then exit 0)."
)


@dataclass
class _Stats:
    files: int = 0
    findings: int = 0
    would_change: int = 0
    fixed: int = 0
    unfixable: int = 0
    refused: int = 0  # read-only files fix did not rewrite
    errors: int = 0
    suppressed: int = 0

    def add(self, rep: FileReport) -> None:
        self.files += 1
        self.findings += len(rep.findings)
        self.would_change += bool(rep.findings)
        self.errors += len(rep.errors)
        self.suppressed += rep.suppressed

    def exit_code(self, *, fixing: bool) -> int:
        if self.errors:
            return EXIT_USAGE
        remaining = self.unfixable + self.refused if fixing else self.findings
        return EXIT_FAILED if remaining else EXIT_OK


@app.command("check")
def check_command(
    paths: list[Path] = PathsArg,
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of each file against its fixed content."),
    output_format: OutputFormat = OutputFormatOpt,
    statistics: bool = typer.Option(False, "--statistics", help="Print the number of findings per rule instead."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when something would change."),
    show_candidates: bool = typer.Option(
        False, "--show-candidates", help="Also report what falls below --min-confidence (kept; never fails the check)."
    ),
    baseline: Path = BaselineOpt,
    write_baseline: Path = WriteBaselineOpt,
    extensions: list[str] = ExtOpt,
    exclude: list[str] = ExcludeOpt,
    force_exclude: bool = ForceExcludeOpt,
    respect_gitignore: bool = GitignoreOpt,
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
    from cleaner.corpus.formats import render
    from cleaner.corpus.formats import statistics as render_statistics
    from cleaner.corpus.suppress import Baseline, read_baseline
    from cleaner.corpus.suppress import write_baseline as save_baseline

    setup_logging(verbose, quiet)
    fmt = output_format.value
    stats = _Stats()
    reports: list[FileReport] = []
    diffs: dict[str, str] = {}
    streaming = fmt == "text" and not statistics and write_baseline is None
    with errors_as_exit():
        project, config = settings(config_file, rules, select, ignore, lang, min_confidence)
        fields = _fields(project, text_field, None, None, None)
        known = Baseline(read_baseline(baseline)) if baseline is not None else None
        walk = _walk_options(extensions, exclude, force_exclude, respect_gitignore)
        for rep in _inspect_all(list(paths), project, config, fields, walk, site_repetition, quiet):
            if known is not None:
                rep = replace(rep, findings=known.new(rep.findings))
            if not show_candidates:
                rep = replace(rep, candidates=())
            stats.add(rep)
            if diff and rep.changed and rep.findings:
                diffs[str(rep.path)] = _diff(rep)
            if streaming:
                _print_findings(rep)
                if str(rep.path) in diffs:
                    sys.stdout.write(diffs[str(rep.path)])
            else:
                reports.append(rep)
                for e in rep.errors:
                    sys.stderr.write(f"cleaner: error: {e}\n")
        if write_baseline is not None:
            n = save_baseline(write_baseline, (f for rep in reports for f in rep.findings))
            if not quiet:
                sys.stderr.write(f"wrote {write_baseline} ({n} findings)\n")
            raise typer.Exit(EXIT_USAGE if stats.errors else EXIT_OK)
    summary = {
        "files": stats.files,
        "findings": stats.findings,
        "would_change": stats.would_change,
        "errors": stats.errors,
        "suppressed": stats.suppressed,
        "baselined": known.matched if known is not None else 0,
    }
    if statistics:
        sys.stdout.write(render_statistics(reports))
    elif not streaming:
        sys.stdout.write(render(fmt, reports, summary, diffs))
    if not quiet and fmt == "text":
        n = stats.findings
        extra = [f"{stats.errors} errors"] if stats.errors else []
        if stats.suppressed:
            extra.append(f"{stats.suppressed} kept by cleaner: keep markers")
        if known is not None and known.matched:
            extra.append(f"{known.matched} in the baseline")
        sys.stderr.write(
            f"{n} removal{'s' if n != 1 else ''} in {stats.would_change} of {stats.files} files"
            + "".join(f", {x}" for x in extra)
            + "\n"
        )
    code = stats.exit_code(fixing=False)
    raise typer.Exit(EXIT_OK if exit_zero and code == EXIT_FAILED else code)


@app.command("fix")
def fix_command(
    paths: list[Path] = PathsArg,
    record_dir: Path = RecordDirOpt,
    extensions: list[str] = ExtOpt,
    exclude: list[str] = ExcludeOpt,
    force_exclude: bool = ForceExcludeOpt,
    respect_gitignore: bool = GitignoreOpt,
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
    force: bool = typer.Option(False, "--force", help="Also rewrite read-only files (refused otherwise)."),
) -> None:
    """Remove in place, atomically, what check reports; keep layout, newline style and encoding.

    HTML files are reported, not rewritten (exit 1 when they hold something to remove). Read-only
    files are refused without --force (exit 1); a file changed while fix ran is left as it is.
    """
    from cleaner.corpus.rewrite import Rewriter, Written

    setup_logging(verbose, quiet)
    stats = _Stats()
    rewriter = Rewriter(force)
    with errors_as_exit():
        project, config = settings(config_file, rules, select, ignore, lang, min_confidence)
        fields = _fields(project, text_field, None, None, None)
        walk = _walk_options(extensions, exclude, force_exclude, respect_gitignore)
        for rep in _inspect_all(list(paths), project, config, fields, walk, site_repetition, quiet):
            stats.add(rep)
            _print_findings(rep)
            tidied = rewriter.tidy(rep.path)
            if tidied and not quiet:
                sys.stderr.write(
                    f"cleaner: removed {tidied} temporary file{'s' if tidied != 1 else ''} an interrupted run "
                    f"left beside {rep.path}\n"
                )
            if rep.changed and not rep.errors:
                outcome, why = rewriter.write(rep)
                if outcome is not Written.FIXED:
                    stats.refused += outcome is Written.READ_ONLY
                    stats.errors += outcome is not Written.READ_ONLY
                    sys.stderr.write(f"cleaner: error: {why}\n")
                    continue
                stats.fixed += 1
                if not quiet:
                    sys.stderr.write(f"fixed {rep.path} ({len(rep.findings)} removals)\n")
            elif rep.findings and not rep.changed and not rep.errors:
                stats.unfixable += rep.kind == "html"
            if record_dir is not None and rep.records:
                _write_record(record_dir, rep)
    if not quiet:
        sys.stderr.write(
            f"fixed {stats.fixed} of {stats.files} files"
            + (f"; {stats.unfixable} HTML files not rewritten" if stats.unfixable else "")
            + (f"; {stats.refused} read-only files not rewritten (--force)" if stats.refused else "")
            + (f"; {stats.errors} errors" if stats.errors else "")
            + "\n"
        )
    raise typer.Exit(stats.exit_code(fixing=True))


def _print_findings(rep: FileReport) -> None:
    for f in sorted((*rep.findings, *rep.candidates), key=lambda f: (f.line, f.col)):
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
