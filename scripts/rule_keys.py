"""Regenerate (``--write``) or check the rule-key table in rules/README.md and rules/rule.schema.json
from the one key table in cleaner/rulekeys.py. Exit 1 when either is out of date."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.rulekeys import readme_with_table, schema_text  # noqa: E402


def main(argv: list[str]) -> int:
    readme, schema = ROOT / "rules" / "README.md", ROOT / "rules" / "rule.schema.json"
    wanted = ((readme, readme_with_table(readme.read_text(encoding="utf-8"))), (schema, schema_text()))
    if "--write" in argv:
        for path, text in wanted:
            path.write_text(text, encoding="utf-8")
        return 0
    stale = [p for p, t in wanted if not p.exists() or p.read_text(encoding="utf-8") != t]
    for p in stale:
        sys.stderr.write(f"{p.relative_to(ROOT)}: out of date; run python scripts/rule_keys.py --write\n")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
