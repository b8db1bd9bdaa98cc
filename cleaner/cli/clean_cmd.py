"""`cleaner clean` and `cleaner diff`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from cleaner.cli.app import app
from cleaner.cli.common import (
    EXIT_FAILED,
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
    read_input,
    settings,
    setup_logging,
    use_color,
)
from cleaner.diffview import render_plain, segments
from cleaner.errors import CleanerError
from cleaner.pipeline import Cleaner
from cleaner.result import Result

HtmlOpt = typer.Option(
    None, "--html/--text", help="Treat the input as HTML or as text (default: sniff content and suffix)."
)
UrlOpt = typer.Option(None, "--url", metavar="URL", help="The page's URL (selects site rules for HTML).")


def _input(file: str | None) -> str:
    """FILE, or '-' when none is given and standard input is a pipe or a file."""
    if file:
        return file
    if sys.stdin is None or sys.stdin.isatty():
        raise CleanerError("no input: name a file, or pipe an article into standard input (or give -)")
    return "-"


def _run(file: str, config_file, rules, select, ignore, lang, min_confidence, html, url, time_limit=None) -> Result:  # type: ignore[no-untyped-def]
    _, config = settings(config_file, rules, select, ignore, lang, min_confidence, time_limit=time_limit)
    cleaner = Cleaner(config)  # rule files are checked before any input is read
    data, name = read_input(file)
    return cleaner.clean(data, url=url, html=html, name=name)


@app.command("clean")
def clean_command(
    file: str = typer.Argument(
        None,
        metavar="FILE",
        help="Article file (text or HTML, .gz/.zst/.bz2/.xz too); - or nothing with a pipe attached: standard input.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the record (text, removed, lang, ...) as JSON."),
    markdown: bool = typer.Option(False, "--markdown", help="Keep headings as '## ...'."),
    explain: bool = typer.Option(False, "--explain", help="After the text, list on stderr what was removed and why."),
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = LangOpt,
    min_confidence: float = MinConfOpt,
    html: bool = HtmlOpt,
    url: str = UrlOpt,
    config_file: Path = ConfigOpt,
    time_limit: float = TimeLimitOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Print the clean text of FILE (or its record with --json)."""
    setup_logging(verbose, quiet)
    with errors_as_exit():
        result = _run(_input(file), config_file, rules, select, ignore, lang, min_confidence, html, url, time_limit)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(result.render(markdown=markdown) + "\n")
    problem = result.error or (
        "no article text found in the HTML" if result.input.kind == "html" and not result.text.strip() else None
    )
    empty = problem is not None  # the record is printed, and the exit code says it is not an article
    if empty:
        sys.stderr.write(f"cleaner: warning: {file or '-'}: {problem}\n")
    if as_json:
        if empty:
            raise typer.Exit(EXIT_FAILED)
        return
    if explain and not quiet:
        for r in result.removed:
            snippet = " ".join(r.text.split())[:80]
            sys.stderr.write(f'removed {r.rule} ({r.confidence:.2f}): {r.reason} "{snippet}"\n')
        if not result.removed:
            sys.stderr.write("removed nothing\n")
    if empty:
        raise typer.Exit(EXIT_FAILED)


@app.command("diff")
def diff_command(
    file: str = typer.Argument(
        None, metavar="FILE", help="Article file (text or HTML); - or nothing with a pipe attached: standard input."
    ),
    color: bool = typer.Option(
        None, "--color/--no-color", help="Colour (default: when stdout is a terminal and NO_COLOR is not set)."
    ),
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = LangOpt,
    min_confidence: float = MinConfOpt,
    html: bool = HtmlOpt,
    url: str = UrlOpt,
    config_file: Path = ConfigOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Show FILE with every removed piece marked in place with its rule id and reason."""
    setup_logging(verbose, quiet)
    with errors_as_exit():
        result = _run(_input(file), config_file, rules, select, ignore, lang, min_confidence, html, url)
    if not use_color(color):
        sys.stdout.write(render_plain(result) + "\n")
    else:
        from rich.console import Console
        from rich.text import Text

        out = Text()
        for r in result.removed:
            if r.stage == "html":
                out.append(" ".join(r.text.split())[:120], style="red strike")
                out.append(f" [{r.rule}: {r.reason}] (html: {r.selector})\n", style="yellow")
        for seg in segments(result):
            if seg.removal is None:
                out.append(seg.text)
            else:
                out.append(seg.text, style="red strike")
                out.append(f" [{seg.removal.rule}: {seg.removal.reason}]", style="yellow")
        Console(force_terminal=True, soft_wrap=True).print(out)
    n = len(result.removed)
    if quiet:
        return
    sys.stderr.write(
        f"{n} removal{'s' if n != 1 else ''}"
        + (f", {len(result.candidates)} candidates kept" if result.candidates else "")
        + "\n"
    )
