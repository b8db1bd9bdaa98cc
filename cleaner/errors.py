"""Errors the library raises on purpose; each carries a one-line message for people."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class: the message is one line, fit to print after ``error:``."""


class InputError(CleanerError):
    """The input cannot be cleaned (undecodable, binary, too large)."""


class RuleFileError(CleanerError):
    """A rule file is malformed; the message names the file, the rule id and the key."""

    def __init__(self, path: object, message: str, rule_id: str | None = None, key: str | None = None):
        where = str(path)
        if rule_id:
            where += f": rule {rule_id}"
        if key:
            where += f": key '{key}'"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.rule_id = rule_id
        self.key = key


class ConfigError(CleanerError):
    """A configuration file or option is invalid (unknown key, bad value)."""
