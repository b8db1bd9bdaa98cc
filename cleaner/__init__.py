"""cleaner: clean scraped news articles and keep a record of every piece removed, and why."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.errors import CleanerError, ConfigError, InputError, RuleFileError
from cleaner.model import Removal
from cleaner.pipeline import Cleaner, clean
from cleaner.result import Result, restore

__version__ = "0.1.0"
__all__ = [
    "Cleaner",
    "CleanerError",
    "Config",
    "ConfigError",
    "InputError",
    "Removal",
    "Result",
    "RuleFileError",
    "clean",
    "restore",
    "__version__",
]
