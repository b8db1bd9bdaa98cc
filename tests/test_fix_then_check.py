"""``fix`` then ``check`` (the pre-commit use): what ``fix`` writes holds nothing ``check`` finds.

``fix`` cuts the removals from the file as it is written (Markdown markers, line breaks and
untouched lines kept), not the clean text of ``clean()``, so this is its own property beside
``test_text_is_idempotent``; ``bench/idempotence.py`` measures it on the dev collections."""

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings

from cleaner import Cleaner, Config
from cleaner.corpus.lint import Fields, inspect_file
from tests.test_idempotence import text_article

# the language given, as in test_text_is_idempotent: detection on a few generated words may flip
# between the passes (to French when only a credit line is left), which switches other rules on
CLEANER = Cleaner(Config(lang="en", detect_language=False))


def _fix_then_check(path: Path, text: str) -> tuple[bytes | None, tuple]:
    path.write_bytes(text.encode("utf-8", "replace"))  # a lone surrogate (generated text) as "?"
    fixed = inspect_file(path, CLEANER, Fields()).fixed
    if fixed is None:
        return None, ()
    path.write_bytes(fixed)
    return fixed, inspect_file(path, CLEANER, Fields()).findings


def test_a_fixed_file_checks_clean(tmp_path: Path) -> None:
    text = (
        "The council met on Tuesday to vote on the new budget for roads.\n\n"
        "## The Vote\n\n"
        "Also Read: Minister Quits Over Scandal\n\n"
        "The budget passed after a long debate, officials said. Advertisement\n"
    )
    fixed, found = _fix_then_check(tmp_path / "a.md", text)
    assert fixed is not None and b"## The Vote" in fixed and b"Also Read" not in fixed
    assert found == ()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(text_article())
@example("T\xadhe the the the.\n\nA\xadlso Read: Minister Quits Over Scandal\n\n## Heading Here\n\nThe the the the.\n")
def test_fix_then_check_finds_nothing(tmp_path: Path, text: str) -> None:
    _, found = _fix_then_check(tmp_path / "article.txt", text)
    assert found == (), [(f.rule, f.text) for f in found]
