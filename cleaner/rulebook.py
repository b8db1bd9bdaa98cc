"""Rule files: load YAML, validate, compile once, select by id or prefix.

A rule file holds ``rules:`` (text rules, or HTML rules with ``selectors``) and/or
``lexicons:`` (word lists that heuristics read). See rules/README.md for the format.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

from cleaner import rulekeys
from cleaner.config import Config, id_selected, tuned_confidence
from cleaner.errors import RuleFileError
from cleaner.langcodes import base_language
from cleaner.model import BLOCK_KINDS
from cleaner.selectors import CompiledSelector, compile_selector
from cleaner.text import phrase_key, spellings

log = logging.getLogger(__name__)

FILE_KEYS = rulekeys.names(rulekeys.FILE_KEYS)
RULE_KEYS = rulekeys.names(rulekeys.RULE_KEYS)
LEXICON_KEYS = rulekeys.names(rulekeys.LEXICON_KEYS)
ID_RE = regex.compile(rulekeys.ID_PATTERN)
# Inputs that make catastrophic backtracking show itself at load time.
_PROBES = tuple(c * 3000 + tail for c in ("a", " ", "A a ", "1", ".", "ab") for tail in ("!", "\n", "\u2026"))


def shipped_rules_dir() -> Path:
    """The rules bundled with the package (a wheel carries them as cleaner/_rules)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleFileError(here / "_rules", "shipped rule folder not found; the installation is broken")


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    reason: str
    doc: str
    languages: tuple[str, ...]
    scope: str
    kinds: tuple[str, ...]
    patterns: tuple[regex.Pattern[str], ...]
    phrases: frozenset[str]
    selectors: tuple[str, ...]
    max_words: int | None
    confidence: float
    tail: str | None
    site: str | None
    path: Path
    examples_strip: tuple[str, ...]
    examples_keep: tuple[str, ...]

    @property
    def stage(self) -> str:
        return "html" if self.selectors else "text"

    source: str = ""  # "rules/<file>#<id>", set at load
    requires: tuple[str, ...] = ()  # case-folded literals; the rule is tried only if one occurs
    compiled: tuple[CompiledSelector, ...] = field(default=(), compare=False, repr=False)  # the selectors

    def applies_to_lang(self, lang: str | None) -> bool:
        """Language-neutral rules apply everywhere; the others only to their languages (an unknown or
        mixed language, ``None`` or ``und``, gets the neutral rules alone)."""
        return not self.languages or lang in self.languages


@dataclass(frozen=True)
class Lexicon:
    id: str
    languages: tuple[str, ...]
    words: tuple[str, ...]
    path: Path


@dataclass(frozen=True)
class Rulebook:
    """Every rule and lexicon loaded, after selection; built once per Config."""

    rules: tuple[Rule, ...]
    lexicons: tuple[Lexicon, ...]
    files: tuple[Path, ...]
    _by_id: dict[str, Rule] = field(default_factory=dict, compare=False, repr=False)
    plans: dict[tuple, Any] = field(default_factory=dict, compare=False, repr=False)  # cache kept by cleaner.plan
    known: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # every rule id, selected or not
    _words: dict[tuple[str, str | None], tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def html_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.stage == "html")

    def words(self, lexicon_id: str, lang: str | None) -> tuple[str, ...]:
        """The words of every lexicon with that id that fits the language (gathered once per id and
        language: every heuristic asks for every document)."""
        got = self._words.get((lexicon_id, lang))
        if got is None:
            out: list[str] = []
            for lex in self.lexicons:
                if lex.id == lexicon_id and (not lex.languages or lang in lex.languages):
                    out.extend(lex.words)
            # Each word also in the other spelling text may use (``text.spellings``).
            got = self._words[(lexicon_id, lang)] = tuple(s for w in out for s in spellings(w))
        return got


def _display(path: Path) -> str:
    """Shipped files as ``rules/<file>`` however the package is installed; others as given."""
    try:
        return "rules/" + path.resolve().relative_to(shipped_rules_dir()).as_posix()
    except (ValueError, RuleFileError):
        return str(path)


def rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        if folder.is_symlink():
            raise RuleFileError(folder, "rule folder is a symbolic link that leads nowhere (or to itself)")
        raise RuleFileError(folder, "rule folder does not exist")
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rulebook(config: Config) -> Rulebook:
    """Load shipped rules then each ``--rules`` folder; later ids replace earlier ones.

    Compiled rulebooks are cached by the files' paths, sizes and modification times, so
    an edited rule file is read again.
    """
    folders = ([shipped_rules_dir()] if config.shipped_rules else []) + [Path(d) for d in config.rule_dirs]
    fingerprint = tuple(
        (str(p), st.st_mtime_ns, st.st_size) for folder in folders for p in rule_files(folder) for st in (p.stat(),)
    )
    return _load_cached(fingerprint, config.select, config.ignore, config.confidence)


@lru_cache(maxsize=32)
def _load_cached(
    fingerprint: tuple[tuple[str, int, int], ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    confidence: tuple[tuple[str, float], ...] = (),
) -> Rulebook:
    by_id: dict[str, Rule] = {}
    lexicons: list[Lexicon] = []
    files: list[Path] = []
    for name, _, _ in fingerprint:
        path = Path(name)
        rules, lexs = load_file(path, probe=not _shipped(path))
        files.append(path)
        for rule in rules:
            by_id[rule.id] = rule  # a later rule with the same id replaces the earlier one
        lexicons.extend(lexs)
    selected = {k: r for k, r in by_id.items() if id_selected(k, select, ignore)}
    if confidence:  # the configuration's confidence for a rule replaces the file's
        selected = {
            k: replace(r, confidence=tuned_confidence(confidence, k, r.confidence)) for k, r in selected.items()
        }
    return Rulebook(tuple(selected.values()), tuple(lexicons), tuple(files), selected, known=frozenset(by_id))


# libyaml's safe loader where PyYAML was built with it (its wheels are): the same documents, ten
# times faster to read (0.56 s -> 0.06 s for the shipped rule files, most of a Cleaner's start).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _shipped(path: Path) -> bool:
    """Whether ``path`` is one of the rule files shipped with the package."""
    try:
        path.resolve().relative_to(shipped_rules_dir())
    except (ValueError, RuleFileError):
        return False
    return True


def load_file(path: Path, probe: bool = True) -> tuple[list[Rule], list[Lexicon]]:
    """The rules and lexicons of one rule file. ``probe``: try each pattern on the backtracking
    probes (``_compile``); the shipped files are probed by their tests instead
    (tests/test_shipped_patterns_probed.py), which takes 0.4 s off every start."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read: {exc}") from None
    try:
        doc = yaml.load(raw, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise RuleFileError(path, f"invalid YAML{at}: {getattr(exc, 'problem', exc)}") from None
    if doc is None:
        return [], []
    if not isinstance(doc, dict):
        raise RuleFileError(path, "top level must be a mapping with 'rules' and/or 'lexicons'")
    _no_unknown(path, doc, FILE_KEYS, None)
    site = doc.get("site") or (path.stem if path.parent.name == "sites" else None)
    if site is not None and not isinstance(site, str):
        raise RuleFileError(path, "must be a domain name", key="site")
    site = site.strip().lower().removeprefix("www.") if site else None
    defaults = {"category": doc.get("category"), "site": site, "languages": doc.get("languages")}
    rules_raw = doc.get("rules", [])
    if rules_raw is None:
        rules_raw = []
    if not isinstance(rules_raw, list):
        raise RuleFileError(path, "must be a list", key="rules")
    rules = [_parse_rule(path, item, defaults, i, probe) for i, item in enumerate(rules_raw)]
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise RuleFileError(path, "duplicate id in one file", r.id, "id")
        seen.add(r.id)
    lex_raw = doc.get("lexicons", [])
    if lex_raw is None:
        lex_raw = []
    if not isinstance(lex_raw, list):
        raise RuleFileError(path, "must be a list", key="lexicons")
    return rules, [_parse_lexicon(path, item, defaults) for item in lex_raw]


def _no_unknown(path: Path, d: dict[str, Any], allowed: set[str], rule_id: str | None) -> None:
    for key in d:
        if key not in allowed:
            raise RuleFileError(path, f"unknown key (allowed: {', '.join(sorted(allowed))})", rule_id, str(key))


def _str_list(path: Path, rid: str | None, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(path, "must be a string or a list of strings", rid, key)
    return tuple(value)


def _languages(path: Path, rid: str | None, value: Any) -> tuple[str, ...]:
    """A rule's or lexicon's ``languages:``, each reduced to its base language (``en-US`` is ``en``)."""
    out: list[str] = []
    for tag in _str_list(path, rid, "languages", value):
        code = base_language(tag)
        if code is None:
            raise RuleFileError(path, f"{tag!r} is not a language tag (examples: en, pt-BR, zh-Hant)", rid, "languages")
        if code not in out:
            out.append(code)
    return tuple(out)


def _parse_rule(path: Path, item: Any, defaults: dict[str, Any], index: int, probe: bool = True) -> Rule:
    if not isinstance(item, dict):
        raise RuleFileError(path, f"rule #{index + 1} must be a mapping", key="rules")
    rid = item.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        raise RuleFileError(
            path, f"rule #{index + 1}: id must look like 'category.name'", rid if isinstance(rid, str) else None, "id"
        )
    _no_unknown(path, item, RULE_KEYS, rid)
    category = item.get("category", defaults["category"]) or rid.split(".", 1)[0]
    if not isinstance(category, str) or not rid.startswith(category + "."):
        raise RuleFileError(path, f"id must start with its category '{category}.'", rid, "category")
    reason = item.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise RuleFileError(path, "a reason sentence is required", rid, "reason")
    selectors = _str_list(path, rid, "selectors", item.get("selectors"))
    compiled = tuple(_selector(path, rid, css) for css in selectors)
    # the file's default languages are for its text rules: HTML rules run before the language is known
    languages = _languages(path, rid, item.get("languages", None if selectors else defaults["languages"]))
    if selectors and languages:
        raise RuleFileError(path, "HTML rules run before the language is known: no 'languages'", rid, "languages")
    scope = item.get("scope", "element" if selectors else "block")
    if scope not in rulekeys.SCOPES:
        raise RuleFileError(path, f"must be one of {', '.join(rulekeys.SCOPES)}", rid, "scope")
    if selectors and scope != "element":
        raise RuleFileError(path, "rules with selectors have scope 'element'", rid, "scope")
    kinds = _str_list(path, rid, "kinds", item.get("kinds"))
    for k in kinds:
        if k not in BLOCK_KINDS:
            raise RuleFileError(path, f"unknown block kind '{k}' (known: {', '.join(BLOCK_KINDS)})", rid, "kinds")
    flags_s = _str_list(path, rid, "flags", item.get("flags"))
    for f in flags_s:
        if f not in rulekeys.FLAGS:
            raise RuleFileError(path, f"unknown flag '{f}' (known: {', '.join(rulekeys.FLAGS)})", rid, "flags")
    flags = regex.IGNORECASE | regex.UNICODE
    if "case-sensitive" in flags_s:
        flags &= ~regex.IGNORECASE
    patterns = []
    for pat in _str_list(path, rid, "regex", item.get("regex")):
        patterns.append(_compile(path, rid, pat, flags, probe))
    phrases = frozenset(phrase_key(p) for p in _str_list(path, rid, "phrases", item.get("phrases")))
    if not (patterns or phrases or selectors):
        raise RuleFileError(path, "a rule needs 'regex', 'phrases' or 'selectors'", rid, "regex")
    if scope == "span" and not patterns:
        raise RuleFileError(path, "span rules need 'regex' (the match is what goes)", rid, "regex")
    max_words = item.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise RuleFileError(path, "must be a positive integer", rid, "max_words")
    confidence = item.get("confidence", 0.9)
    if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise RuleFileError(path, "must be a number from 0 to 1", rid, "confidence")
    tail = item.get("tail")
    if tail is not None and tail not in rulekeys.TAILS:
        raise RuleFileError(path, f"must be one of {', '.join(rulekeys.TAILS)}", rid, "tail")
    examples = item.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"strip", "keep"}:
        raise RuleFileError(path, "must be a mapping with 'strip' and/or 'keep' lists", rid, "examples")
    strip = _str_list(path, rid, "examples.strip", examples.get("strip"))
    keep = _str_list(path, rid, "examples.keep", examples.get("keep"))
    if not strip:
        raise RuleFileError(path, "at least one 'strip' example is required", rid, "examples.strip")
    doc = item.get("doc") or ""
    if not isinstance(doc, str):
        raise RuleFileError(path, "must be a string", rid, "doc")
    return Rule(
        id=rid,
        category=category,
        reason=reason.strip(),
        doc=doc.strip(),
        languages=languages,
        scope=scope,
        kinds=kinds,
        patterns=tuple(patterns),
        phrases=phrases,
        selectors=selectors,
        max_words=max_words,
        confidence=float(confidence),
        tail=tail,
        site=defaults["site"],
        path=path,
        examples_strip=strip,
        examples_keep=keep,
        source=f"{_display(path)}#{rid}",
        requires=tuple(w.casefold() for w in _str_list(path, rid, "requires", item.get("requires"))),
        compiled=compiled,
    )


def _selector(path: Path, rid: str, css: str) -> CompiledSelector:
    try:
        return compile_selector(css)
    except ValueError as exc:
        raise RuleFileError(path, f"invalid CSS selector {css!r}: {exc}", rid, "selectors") from None


def _compile(path: Path, rid: str, pattern: str, flags: int, probe: bool = True) -> regex.Pattern[str]:
    try:
        compiled = regex.compile(pattern, flags)
    except regex.error as exc:
        raise RuleFileError(path, f"invalid regular expression: {exc}", rid, "regex") from None
    if probe:
        check_backtracking(path, rid, compiled)
    return compiled


def check_backtracking(path: Path, rid: str, compiled: regex.Pattern[str]) -> None:
    """Raises when ``compiled`` takes over 0.2 s on a probe: generic ones, and the pattern's own
    literals repeated (``_pattern_probes``)."""
    for probe in _PROBES + _pattern_probes(compiled.pattern):
        try:
            compiled.search(probe, timeout=0.2)
        except TimeoutError:
            raise RuleFileError(
                path, "regular expression backtracks catastrophically (took over 0.2 s on a 3 KB probe)", rid, "regex"
            ) from None


_LITERAL_RUN = regex.compile(r"(?<!\\)[\p{L}\p{N}]+")


def _pattern_probes(pattern: str, limit: int = 8) -> tuple[str, ...]:
    """Probes made of the pattern's own literals, repeated, then a character that fails the
    match: ``^(b|b)*$`` backtracks exponentially on ``bbb…b!``, which generic probes miss."""
    runs: list[str] = []
    for m in _LITERAL_RUN.finditer(pattern):
        for piece in (m.group(), m.group()[:1], m.group()[-1:]):
            if piece not in runs:
                runs.append(piece)
    runs = runs[:limit]
    repeated = [run * max(1, 3000 // len(run)) for run in runs]
    probes = [r + tail for r in repeated for tail in ("!", " !")]
    probes += [runs[0] + r + "!" for r in repeated[1:]]  # the same after the pattern's first literal
    return tuple(probes)


def _parse_lexicon(path: Path, item: Any, defaults: dict[str, Any]) -> Lexicon:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise RuleFileError(path, "each lexicon needs an 'id'", key="lexicons")
    lid = item["id"]
    _no_unknown(path, item, LEXICON_KEYS, lid)
    words = _str_list(path, lid, "words", item.get("words"))
    if not words:
        raise RuleFileError(path, "a lexicon needs 'words'", lid, "words")
    languages = _languages(path, lid, item.get("languages", defaults["languages"]))
    return Lexicon(lid, languages, tuple(w.casefold() for w in words), path)


def iter_examples(rules: Iterable[Rule]) -> Iterable[tuple[Rule, str, bool]]:
    for r in rules:
        for ex in r.examples_strip:
            yield r, ex, True
        for ex in r.examples_keep:
            yield r, ex, False
