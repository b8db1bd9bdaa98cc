"""Command-line interface (``cleaner`` console script)."""

from cleaner.cli.app import app, run

__all__ = ["app", "run"]
