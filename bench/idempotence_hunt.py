"""The randomized idempotence tests, run long: CI draws 80 texts (``tests/test_idempotence.py``,
``tests/test_fix_then_check.py``); a hunt draws tens of thousands, from the same generator, and
prints the first text (shrunk) that a second cleaning, or a ``check`` after ``fix``, finds more in.

    .venv/bin/python bench/idempotence_hunt.py --examples 20000 --seed 7
    .venv/bin/python bench/idempotence_hunt.py --examples 20000 --seed 7 --fix

Texts whose second cleaning only changes the text (ftfy repairing what a cut joined) and the
known gaps that tests/test_idempotence.py holds (``*_known_gap``) are set aside with ``--skip-known``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import seed as with_seed  # noqa: E402

from tests.test_fix_then_check import _fix_then_check  # noqa: E402
from tests.test_idempotence import CLEANER, text_article  # noqa: E402

# The gaps tests/test_idempotence.py holds: a label a cut puts after a sentence end, and the
# heading-like first line of lines a cut parts (the heuristics see them as one block).
KNOWN = ("promo.inline-lead-in", "headline.loaded")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--fix", action="store_true", help="fix, then check (the pre-commit use)")
    ap.add_argument("--skip-known", action="store_true", help="set aside text-only changes and the known gaps")
    args = ap.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="cleaner-hunt-")) / "article.txt"

    @with_seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(text_article())
    def hunt(text: str) -> None:
        if args.fix:
            _, found = _fix_then_check(scratch, text)
            assert found == (), (text, [(f.rule, f.text) for f in found])
            return
        first = CLEANER.clean(text, lang="en")
        second = CLEANER.clean(first.text, lang="en")
        if args.skip_known:
            assume(second.text == first.text or second.removed)
            assume(not any(r.rule in KNOWN for r in second.removed))
        assert second.text == first.text, (text, [(r.rule, r.text) for r in second.removed])

    hunt()
    print(f"no failure in {args.examples} examples (seed {args.seed}{', fix then check' if args.fix else ''})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
