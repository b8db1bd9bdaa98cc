"""`cleaner report`: a self-contained HTML page comparing raw and clean text."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cleaner.cli.app import app
from cleaner.cli.common import (
    ConfigOpt,
    IgnoreOpt,
    LangOpt,
    MinConfOpt,
    QuietOpt,
    RulesOpt,
    SelectOpt,
    VerboseOpt,
    errors_as_exit,
    settings,
    setup_logging,
)
from cleaner.errors import InputError

SourceArg = typer.Argument(
    ..., help="A text/HTML file, a record (.json), a batch output (.jsonl, .gz/.zst too) or a folder of files."
)
OutputOpt = typer.Option(..., "--output", "-o", metavar="FILE", help="The HTML file to write.")


@app.command("report")
def report_command(
    source: Path = SourceArg,
    output: Path = OutputOpt,
    record: str = typer.Option(
        None,
        "--record",
        "-r",
        metavar="LINE-OR-ID",
        help="Batch output: the article view of one line (1-based line number, or id).",
    ),
    reclean: bool = typer.Option(
        False,
        "--reclean",
        help="Corpus view of a batch output: clean each line's kept HTML again to place removals exactly.",
    ),
    title: str = typer.Option(None, "--title", metavar="TEXT", help="Page title."),
    html: bool = typer.Option(
        None, "--html/--text", help="A single file: treat it as HTML or as text (default: sniff)."
    ),
    url: str = typer.Option(None, "--url", metavar="URL", help="A single HTML file: its URL (selects site rules)."),
    text_field: str = typer.Option(
        None, "--text-field", metavar="FIELD", help="Batch output field holding the clean text (default: text)."
    ),
    id_field: str = typer.Option(
        None, "--id-field", metavar="FIELD", help="Batch output field holding the id (default: id)."
    ),
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    rules: list[Path] = RulesOpt,
    select: list[str] = SelectOpt,
    ignore: list[str] = IgnoreOpt,
    lang: str = LangOpt,
    min_confidence: float = MinConfOpt,
    config_file: Path = ConfigOpt,
) -> None:
    """Write an HTML report: one article (raw with every removal in place, clean beside it) or a corpus run."""
    from dataclasses import replace

    from cleaner.pipeline import Cleaner
    from cleaner.report import corpus_page
    from cleaner.report.corpus import CorpusData
    from cleaner.report.render import article_page
    from cleaner.report.sources import (
        article_from_file,
        folder_articles,
        is_jsonl,
        jsonl_articles,
        line_article,
        select_line,
    )

    setup_logging(verbose, quiet)
    with errors_as_exit():
        project, config = settings(config_file, rules, select, ignore, lang, min_confidence)
        fields = replace(project.fields, text=text_field or project.fields.text, id=id_field or project.fields.id)
        if not source.exists():
            raise InputError(f"{source}: no such file or folder")
        cleaner = Cleaner(config)
        if record is not None:
            if source.is_dir() or not is_jsonl(source):
                raise InputError("--record needs a batch output (.jsonl)")
            n, obj = select_line(source, record, fields)
            page = article_page(line_article(obj, n, fields, cleaner), title=title)
        elif source.is_dir():
            corpus = CorpusData().extend(folder_articles(source, cleaner))
            page = corpus_page(corpus, title=title or "cleaner report", source=str(source))
        elif is_jsonl(source):
            corpus = CorpusData().extend(jsonl_articles(source, fields, cleaner if reclean else None))
            page = corpus_page(corpus, title=title or "cleaner report", source=str(source))
        else:
            page = article_page(article_from_file(source, cleaner, html=html, url=url), title=title)
        output.write_text(page, encoding="utf-8")
    if not quiet:
        sys.stderr.write(f"wrote {output} ({len(page.encode('utf-8')):,} bytes)\n")
