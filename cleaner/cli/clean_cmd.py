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
    RulesOpt,
    SelectOpt,
    TimeLimitOpt,
    errors_as_exit,
    read_input,
    settings,
)
from cleaner.diffview import render_plain, segments
from cleaner.pipeline import Cleaner
from cleaner.result import Result

HtmlOpt = typer.Option(
    None, "--html/--text", help="Treat the input as HTML or as text (default: sniff content and suffix)."
)
UrlOpt = typer.Option(None, "--url", help="The page's URL (selects site rules for HTML).")


def _run(file: str, config_file, rules, select, ignore, lang, min_confidence, html, url, time_limit=None) -> Result:  # type: ignore[no-untyped-def]
    _, config = settings(config_file, rules, select, ignore, lang, min_confidence, time_limit=time_limit)
    cleaner = Cleaner(config)  # rule files are checked before any input is read
    data, name = read_input(file)
    return cleaner.clean(data, url=url, html=html, name=name)


@app.command("clean")
def clean_command(
    file: str = typer.Argument(..., help="Article file (text or HTML), or - for standard input."),
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
) -> None:
    """Print the clean text of FILE (or its record with --json)."""
    with errors_as_exit():
        result = _run(file, config_file, rules, select, ignore, lang, min_confidence, html, url, time_limit)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(result.render(markdown=markdown) + "\n")
    if explain and not as_json:
        for r in result.removed:
            snippet = " ".join(r.text.split())[:80]
            sys.stderr.write(f'removed {r.rule} ({r.confidence:.2f}): {r.reason} "{snippet}"\n')
        if not result.removed:
            sys.stderr.write("removed nothing\n")
    _exit_on_error(result)


def _exit_on_error(result: Result) -> None:
    """A document that could not be cleaned (nothing extracted from the HTML, the time limit):
    its output is written, the reason goes to stderr as one line, and the exit is 1."""
    if result.error:
        sys.stderr.write(f"cleaner: warning: {' '.join(result.error.split())}\n")
        raise typer.Exit(EXIT_FAILED)


@app.command("diff")
def diff_command(
    file: str = typer.Argument(..., help="Article file (text or HTML), or - for standard input."),
    color: bool = typer.Option(None, "--color/--no-color", help="Colour (default: when stdout is a terminal)."),
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = LangOpt,
    min_confidence: float = MinConfOpt,
    html: bool = HtmlOpt,
    url: str = UrlOpt,
    config_file: Path = ConfigOpt,
) -> None:
    """Show FILE with every removed piece marked in place with its rule id and reason."""
    with errors_as_exit():
        result = _run(file, config_file, rules, select, ignore, lang, min_confidence, html, url)
    use_color = sys.stdout.isatty() if color is None else color
    if not use_color:
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
    sys.stderr.write(
        f"{n} removal{'s' if n != 1 else ''}"
        + (f", {len(result.candidates)} candidates kept" if result.candidates else "")
        + "\n"
    )
