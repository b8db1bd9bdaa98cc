"""Project configuration: ``[tool.cleaner]`` in ``pyproject.toml``, or ``cleaner.toml``.

The file is found by walking up from the current folder (``cleaner.toml`` wins over
``pyproject.toml`` in the same folder; a ``pyproject.toml`` without ``[tool.cleaner]`` is
passed over). Precedence: command line, then the file, then the defaults.

Keys (``-`` and ``_`` are interchangeable)::

    select = ["promo", "share.prompt"]   # rule ids or prefixes (categories)
    ignore = ["comments"]
    rules = ["my-rules"]                 # extra rule folders, relative to the file
    lang = "en"                          # default language
    min_confidence = 0.6
    include = ["articles/"]              # gitignore patterns, relative to the file's folder
    exclude = ["drafts"]                 # (a name matches at any depth; /drafts only at the top)
    extend_exclude = ["*.tmp"]           # more excludes (e.g. in a shared config)
    force_exclude = false                # files named on the command line obey include/exclude too
    respect_gitignore = true             # leave out what .gitignore files leave out
    extensions = [".txt", ".md"]         # files check/fix look at (HTML only when listed)
    [tool.cleaner.per-file-ignores]      # rule ids or prefixes ignored in the files a pattern matches
    "interviews/*.md" = ["headline"]
    text_field = "text"                  # JSONL field names (batch, check, fix)
    html_field = "html"
    id_field = "id"
    url_field = "url"
    site_field = "site"                  # the record's site (site-level repetition), else the URL's host
    repeat_min_docs = 5                  # site-level repetition (--site-repetition): see cleaner.repetition
    repeat_min_share = 0.2
    repeat_max_words = 40
    repeat_min_site_docs = 10
    repeat_max_doc_share = 0.5
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cleaner.config import Config
from cleaner.errors import ConfigError
from cleaner.langcodes import base_language

log = logging.getLogger(__name__)

CONFIG_NAMES = ("cleaner.toml", "pyproject.toml")
DEFAULT_EXTENSIONS = (".txt", ".md", ".jsonl")  # check and fix: the formats fix can rewrite

_LIST_KEYS = ("select", "ignore", "rules", "include", "exclude", "extend_exclude", "extensions")
_STR_KEYS = ("lang", "text_field", "html_field", "id_field", "url_field", "site_field")
_ALIASES = {"rule_dirs": "rules"}
_BOOL_KEYS = ("html_rules", "favor_recall", "block_model")
_WALK_BOOL_KEYS = ("force_exclude", "respect_gitignore")
_REPEAT_INT_KEYS = ("repeat_min_docs", "repeat_max_words", "repeat_min_site_docs")
_REPEAT_SHARE_KEYS = ("repeat_min_share", "repeat_max_doc_share")
_LIMIT_KEYS = ("html_max_depth", "html_max_attributes")  # whole numbers, 0: no limit
KNOWN_KEYS = frozenset(
    _LIST_KEYS
    + _STR_KEYS
    + _BOOL_KEYS
    + _WALK_BOOL_KEYS
    + ("min_confidence", "time_limit", "per_file_ignores", "confidence")
    + _REPEAT_INT_KEYS
    + _REPEAT_SHARE_KEYS
    + _LIMIT_KEYS
)


@dataclass(frozen=True)
class Fields:
    """JSONL field names."""

    text: str = "text"
    html: str = "html"
    id: str = "id"
    url: str = "url"
    lang: str = "lang"
    site: str = "site"
    keep_raw: bool = True  # batch output: keep the input's raw text (under 'raw', or its own field); --drop-raw


@dataclass(frozen=True)
class ProjectConfig:
    """What a configuration file says; ``path`` is None when no file was found."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    lang: str | None = None
    min_confidence: float | None = None
    confidence: tuple[tuple[str, float], ...] = ()  # rule or heuristic id or prefix -> its confidence
    time_limit: float | None = None
    html_rules: bool | None = None
    favor_recall: bool | None = None
    block_model: bool | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (gitignore pattern, rule ids or prefixes)
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    fields: Fields = field(default_factory=Fields)
    repetition: tuple[tuple[str, int | float], ...] = ()  # RepeatSettings fields the file sets
    limits: tuple[tuple[str, int], ...] = ()  # html_max_depth / html_max_attributes the file sets

    @property
    def root(self) -> Path:
        """The folder globs are relative to: the file's folder, else the current one."""
        return self.path.parent if self.path else Path.cwd()

    def to_config(self, base: Config | None = None) -> Config:
        cfg = base or Config()
        changes: dict[str, object] = {}
        if self.select:
            changes["select"] = self.select
        if self.ignore:
            changes["ignore"] = tuple(cfg.ignore) + self.ignore
        if self.rule_dirs:
            changes["rule_dirs"] = tuple(cfg.rule_dirs) + self.rule_dirs
        if self.lang:
            changes["lang"] = self.lang
        if self.min_confidence is not None:
            changes["min_confidence"] = self.min_confidence
        if self.confidence:
            changes["confidence"] = tuple(cfg.confidence) + self.confidence
        if self.time_limit is not None:
            changes["time_limit"] = self.time_limit
        for key in _BOOL_KEYS:
            if getattr(self, key) is not None:
                changes[key] = getattr(self, key)
        changes.update(self.limits)
        if self.repetition:
            changes["repetition"] = replace(cfg.repetition, **dict(self.repetition))
        return cfg.with_(**changes) if changes else cfg


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest ``cleaner.toml`` or ``pyproject.toml`` with ``[tool.cleaner]``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and _table(candidate) is None:
                continue
            return candidate
    return None


def load_project_config(explicit: Path | str | None = None, start: Path | None = None) -> ProjectConfig:
    """Load ``explicit`` (``--config FILE``) or the file found walking up from ``start``."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file")
    else:
        found = find_config_file(start)
        if found is None:
            return ProjectConfig()
        path = found
    table = _table(path)
    if table is None:
        if path.name == "pyproject.toml":
            raise ConfigError(f"{path}: has no [tool.cleaner] table")
        table = {}
    log.info("configuration from %s", path)
    return parse_table(table, path)


def _table(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); TOML files are UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("cleaner") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    # cleaner.toml: keys at the top level, or under [tool.cleaner] / [cleaner]
    if isinstance(data.get("tool"), dict) and "cleaner" in data["tool"] and len(data) == 1:
        return data["tool"]["cleaner"]
    if set(data) == {"cleaner"} and isinstance(data["cleaner"], dict):
        return data["cleaner"]
    return data


def parse_table(table: dict[str, Any], path: Path) -> ProjectConfig:
    where = f"{path}: [tool.cleaner]" if path.name == "pyproject.toml" else str(path)
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = _ALIASES.get(raw_key.replace("-", "_"), raw_key.replace("-", "_"))
        if key not in KNOWN_KEYS:
            known = ", ".join(sorted(KNOWN_KEYS))
            raise ConfigError(f"{where}: unknown key '{raw_key}' (known keys: {known})")
        if key in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: key '{raw_key}' must be a list of strings")
            values[key] = tuple(value)
        elif key in _STR_KEYS:
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: key '{raw_key}' must be a non-empty string")
            if key == "lang" and base_language(value) is None:
                raise ConfigError(
                    f"{where}: key '{raw_key}': {value!r} is not a language tag (examples: en, en-US, pt_BR)"
                )
            values[key] = value
        elif key == "per_file_ignores":
            if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()
            ):
                raise ConfigError(f"{where}: key '{raw_key}' must be a table of pattern = [rule ids]")
            values[key] = tuple((k, tuple(v)) for k, v in value.items())
        elif key == "confidence":
            if not isinstance(value, dict) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in value.values()
            ):
                raise ConfigError(f"{where}: key '{raw_key}' must be a table of rule id = number from 0 to 1")
            values[key] = tuple((str(k), float(v)) for k, v in value.items())
        elif key in _BOOL_KEYS or key in _WALK_BOOL_KEYS:
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: key '{raw_key}' must be true or false")
            values[key] = value
        elif key == "time_limit":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"{where}: key '{raw_key}' must be a number of seconds (0: no limit)")
            values[key] = float(value)
        elif key in _LIMIT_KEYS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(f"{where}: key '{raw_key}' must be a whole number (0: no limit)")
            values[key] = value
        elif key in _REPEAT_INT_KEYS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{where}: key '{raw_key}' must be a whole number of at least 1")
            values[key] = value
        elif key in _REPEAT_SHARE_KEYS:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
                raise ConfigError(f"{where}: key '{raw_key}' must be a number from 0 to 1")
            values[key] = float(value)
        else:  # min_confidence
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
                raise ConfigError(f"{where}: key '{raw_key}' must be a number from 0 to 1")
            values[key] = float(value)
    root = path.resolve().parent
    rule_dirs = tuple((root / r).resolve() for r in values.get("rules", ()))
    for d in rule_dirs:
        if not d.is_dir():
            raise ConfigError(f"{where}: key 'rules': {d} is not a folder")
    exts = tuple(e if e.startswith(".") else "." + e for e in values.get("extensions", DEFAULT_EXTENSIONS))
    fields = Fields(
        text=values.get("text_field", "text"),
        html=values.get("html_field", "html"),
        id=values.get("id_field", "id"),
        url=values.get("url_field", "url"),
        site=values.get("site_field", "site"),
    )
    repetition = tuple(
        (k.removeprefix("repeat_"), values[k]) for k in _REPEAT_INT_KEYS + _REPEAT_SHARE_KEYS if k in values
    )
    return ProjectConfig(
        path=path,
        select=values.get("select", ()),
        ignore=values.get("ignore", ()),
        rule_dirs=rule_dirs,
        lang=values.get("lang"),
        html_rules=values.get("html_rules"),
        favor_recall=values.get("favor_recall"),
        block_model=values.get("block_model"),
        min_confidence=values.get("min_confidence"),
        confidence=values.get("confidence", ()),
        time_limit=values.get("time_limit"),
        limits=tuple((k, values[k]) for k in _LIMIT_KEYS if k in values),
        include=values.get("include", ()),
        exclude=values.get("exclude", ()),
        extend_exclude=values.get("extend_exclude", ()),
        force_exclude=values.get("force_exclude", False),
        respect_gitignore=values.get("respect_gitignore", True),
        per_file_ignores=values.get("per_file_ignores", ()),
        extensions=tuple(e.lower() for e in exts),
        fields=fields,
        repetition=repetition,
    )
