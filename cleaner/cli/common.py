"""Shared CLI plumbing: options that build a Config, reading input, one-line errors."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from cleaner.cli.ruleids import check_ids
from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.project_config import ProjectConfig, load_project_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

RulesOpt = typer.Option(
    None,
    "--rules",
    metavar="DIR",
    help="Extra rule folder (repeatable); a rule with the same id replaces the shipped one.",
)
SelectOpt = typer.Option(
    None, "--select", metavar="ID", help="Only these rule ids or prefixes (repeatable or comma-separated)."
)
IgnoreOpt = typer.Option(
    None, "--ignore", metavar="ID", help="Skip these rule ids or prefixes (repeatable or comma-separated)."
)
LangOpt = typer.Option(None, "--lang", metavar="LANG", help="Language of the input (skips detection), e.g. en.")
TimeLimitOpt = typer.Option(
    None,
    "--time-limit",
    min=0.0,
    metavar="SECONDS",
    help="Seconds per document; past it the document passes through unchanged (default 10, 0: none).",
)
MinConfOpt = typer.Option(
    None,
    "--min-confidence",
    min=0.0,
    max=1.0,
    metavar="0..1",
    help="Remove only what is at least this confident (default 0.5).",
)


def split_ids(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def make_config(
    rules: list[Path] | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    lang: str | None = None,
    min_confidence: float | None = None,
    base: Config | None = None,
) -> Config:
    cfg = base or Config()
    changes: dict[str, object] = {}
    if rules:
        changes["rule_dirs"] = tuple(cfg.rule_dirs) + tuple(Path(r) for r in rules)
    if select:
        changes["select"] = split_ids(select)
    if ignore:
        changes["ignore"] = tuple(cfg.ignore) + split_ids(ignore)
    if lang:
        changes["lang"] = lang
    if min_confidence is not None:
        changes["min_confidence"] = min_confidence
    return cfg.with_(**changes) if changes else cfg


ConfigOpt = typer.Option(
    None,
    "--config",
    metavar="FILE",
    help="Configuration file (default: cleaner.toml or pyproject.toml [tool.cleaner], found walking up).",
)


def settings(
    config_file: Path | None,
    rules: list[Path] | None,
    select: list[str] | None,
    ignore: list[str] | None,
    lang: str | None,
    min_confidence: float | None,
    max_chars: int | None = None,
    time_limit: float | None = None,
) -> tuple[ProjectConfig, Config]:
    """Command line over the project's configuration file over the defaults."""
    project = load_project_config(config_file)
    config = make_config(rules, select, ignore, lang, min_confidence, base=project.to_config(Config()))
    if max_chars:
        config = config.with_(max_input_chars=max_chars)
    if time_limit is not None:
        config = config.with_(time_limit=time_limit)
    check_ids(config)
    return project, config


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print a one-line error on stderr and return the Exit to raise."""
    first = " ".join(str(message).split("\n")[0].split())
    sys.stderr.write(f"cleaner: error: {first}\n")
    return typer.Exit(code)


@contextmanager
def errors_as_exit() -> Iterator[None]:
    try:
        yield
    except CleanerError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise os_error_exit(exc) from None


def os_error_exit(exc: OSError) -> typer.Exit:
    """The exit for an OSError: quiet and 0 when standard output's reader went away (``| head``),
    else its one line."""
    from cleaner.cli.stdio import is_broken_pipe, quiet_after_broken_pipe

    if is_broken_pipe(exc):
        quiet_after_broken_pipe()
        return typer.Exit(EXIT_OK)
    name = f"{exc.filename}: " if exc.filename else ""
    return fail(f"{name}{exc.strerror or exc}")


def read_input(path: str) -> tuple[bytes, str | None]:
    """The bytes of FILE, or of standard input for '-', decompressed when they are gzip, zstd,
    bzip2 or xz (by their magic bytes); the name without its compression suffix (for sniffing)."""
    from cleaner.corpus.outputs import COMPRESSORS
    from cleaner.corpus.streams import StreamError, iter_chunks

    if path == "-":
        source, name = sys.stdin.buffer, None
    else:
        p = Path(path)
        if p.is_dir():
            raise CleanerError(f"{path}: is a folder (use 'cleaner batch' for folders)")
        source, name = p, str(p.with_suffix("")) if p.suffix.lower() in COMPRESSORS else str(p)
    try:
        return b"".join(iter_chunks(source)), name  # type: ignore[arg-type]
    except FileNotFoundError:
        raise CleanerError(f"{path}: no such file") from None
    except OSError as exc:
        raise CleanerError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except StreamError as exc:
        raise CleanerError(f"{path}: {exc}") from None


def use_color(option: bool | None) -> bool:
    """--color/--no-color wins; else colour on a terminal unless NO_COLOR is set (https://no-color.org)."""
    import os

    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def quiet_broken_pipe() -> None:
    """Standard output's reader is gone: point stdout at /dev/null so the final flush at exit
    cannot fail again (Python's documented recipe for SIGPIPE)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test runner)
        pass


QuietOpt = typer.Option(False, "--quiet", "-q", help="Only errors on stderr: no progress, summary or warnings.")
VerboseOpt = typer.Option(False, "--verbose", "-v", help="Log what is read and skipped.")


def setup_logging(verbose: bool, quiet: bool = False) -> None:
    level = logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, format="cleaner: %(levelname)s: %(message)s")
