"""The typer application: a thin layer over the public API."""

from __future__ import annotations

import typer

from cleaner import __version__
from cleaner.cli.helpfmt import App

app = App(
    name="cleaner",
    help="Clean scraped news articles and record every piece removed, with the rule and the reason.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,  # help texts are plain: '[tool.cleaner]' is not markup
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """cleaner: clean text or HTML articles; see each command's --help."""


def _register() -> None:
    # Each command module adds its commands to `app`; keep one import per module here.
    # corpus commands (batch, check, fix) register below
    from cleaner.cli import (  # noqa: F401
        clean_cmd,
        corpus_cmds,  # noqa: F401
        report_cmd,
        rules_cmd,
    )


_register()


def run() -> None:
    from cleaner.cli import stdio

    stdio.prepare()
    stdio.guard_stdout()
    try:
        app()
    except OSError as exc:  # one a command did not expect, e.g. writing to a closed standard output
        from cleaner.cli.common import os_error_exit

        raise SystemExit(os_error_exit(exc).exit_code) from None
