"""The keys of rule files: one table that the loader validates against, that generates the key list
in ``rules/README.md`` and the JSON Schema for rule YAML (``rules/rule.schema.json``).

Regenerate both after changing the table: ``python scripts/rule_keys.py --write``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cleaner.model import BLOCK_KINDS

SCOPES = ("block", "span", "element")
TAILS = ("items", "rest")
FLAGS = ("case-sensitive",)
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:[-.][a-z0-9]+)*$"

_STRINGS: dict[str, Any] = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item}]}


@dataclass(frozen=True)
class Key:
    name: str
    schema: dict[str, Any]
    doc: str
    required: bool = False


FILE_KEYS: tuple[Key, ...] = (
    Key("category", {"type": "string"}, "Default category of the file's rules."),
    Key(
        "site",
        {"type": "string"},
        "Domain the file's rules apply to (and its subdomains); a file in `sites/` takes its name. "
        "Text and HTML rules alike fire only on documents whose URL has that host.",
    ),
    Key("languages", _STRINGS, "Default languages of the file's text rules and lexicons."),
    Key("rules", {"type": "array", "items": {"$ref": "#/$defs/rule"}}, "The rules."),
    Key("lexicons", {"type": "array", "items": {"$ref": "#/$defs/lexicon"}}, "Word lists heuristics read."),
)

RULE_KEYS: tuple[Key, ...] = (
    Key(
        "id",
        {"type": "string", "pattern": ID_PATTERN},
        "Stable id `category.name`; select/ignore by id or prefix.",
        True,
    ),
    Key("category", {"type": "string"}, "Debris category; the id starts with it (default: the file's, or the id's)."),
    Key("reason", {"type": "string", "minLength": 1}, "A sentence for a person on why this goes.", True),
    Key("doc", {"type": "string"}, "What it does and why; shown by `cleaner rules show`."),
    Key(
        "languages",
        _STRINGS,
        "Text rules: apply when the article's language is one of these (base languages; en-GB, pt_BR read as en, "
        "pt); none = language-neutral. Not for HTML rules: they run before the language is known.",
    ),
    Key("scope", {"enum": list(SCOPES)}, "block: the whole block goes; span: only the match; element: HTML element."),
    Key("kinds", _one_or_many({"enum": list(BLOCK_KINDS)}), "Only blocks of these kinds."),
    Key("regex", _STRINGS, "Patterns (the `regex` module; case-insensitive unless `flags: [case-sensitive]`)."),
    Key("phrases", _STRINGS, "Whole-block literals: case, spaces and edge punctuation ignored."),
    Key("selectors", _STRINGS, "HTML rules: CSS selectors, run before extraction."),
    Key("max_words", {"type": "integer", "minimum": 1}, "Block rules: only blocks up to this many words."),
    Key("requires", _STRINGS, "Tried only on blocks containing one of these literals (case-insensitive)."),
    Key("confidence", {"type": "number", "minimum": 0, "maximum": 1}, "Default 0.9; below min_confidence: candidate."),
    Key("tail", {"enum": list(TAILS)}, "Section headers: `items` also removes the short items below, `rest` all."),
    Key("flags", _one_or_many({"enum": list(FLAGS)}), "Regex flags."),
    Key(
        "examples",
        {
            "type": "object",
            "properties": {"strip": _STRINGS, "keep": _STRINGS},
            "required": ["strip"],
            "additionalProperties": False,
        },
        "`strip`: removed by this rule alone (at least one); `keep`: not removed. Run as tests.",
        True,
    ),
)

LEXICON_KEYS: tuple[Key, ...] = (
    Key("id", {"type": "string"}, "Lexicon id heuristics ask for; lexicons with one id add up.", True),
    Key("words", _STRINGS, "The words or phrases (case-folded at load).", True),
    Key("languages", _STRINGS, "Languages the words belong to; none = every language."),
    Key("doc", {"type": "string"}, "What the list is for."),
)


def names(keys: tuple[Key, ...]) -> set[str]:
    return {k.name for k in keys}


def _object(keys: tuple[Key, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {k.name: {**k.schema, "description": k.doc} for k in keys},
        "additionalProperties": False,
    }
    required = [k.name for k in keys if k.required]
    if required:
        out["required"] = required
    return out


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a rule file, for editors and validators."""
    root = _object(FILE_KEYS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cleaner rule file",
        "description": "Generated from cleaner/rulekeys.py by `python scripts/rule_keys.py --write`.",
        **root,
        "$defs": {"rule": _object(RULE_KEYS), "lexicon": _object(LEXICON_KEYS)},
    }


def markdown_table() -> str:
    rows = ["| level | key | required | what |", "| --- | --- | --- | --- |"]
    for level, keys in (("file", FILE_KEYS), ("rule", RULE_KEYS), ("lexicon", LEXICON_KEYS)):
        for k in keys:
            rows.append(f"| {level} | `{k.name}` | {'yes' if k.required else ''} | {k.doc} |")
    return "\n".join(rows) + "\n"


BEGIN = "<!-- rule keys: generated by `python scripts/rule_keys.py --write` -->\n"
END = "<!-- end of rule keys -->\n"


def readme_with_table(readme: str) -> str:
    """The README text with the generated key table between its markers."""
    head, sep, rest = readme.partition(BEGIN)
    if not sep:
        raise ValueError("rules/README.md has no rule-keys marker")
    _, sep2, tail = rest.partition(END)
    if not sep2:
        raise ValueError("rules/README.md has no end-of-rule-keys marker")
    return head + BEGIN + markdown_table() + END + tail


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
