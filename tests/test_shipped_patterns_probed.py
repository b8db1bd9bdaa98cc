"""The shipped rule files' patterns pass the backtracking probes. A Cleaner does not probe them at
start (0.4 s of every start; a user's rule files it still probes): this test does, in CI."""

import regex

from cleaner.rulebook import _shipped, check_backtracking, load_file, rule_files, shipped_rules_dir


def test_every_shipped_pattern_passes_the_probes() -> None:
    n = 0
    for path in rule_files(shipped_rules_dir()):
        assert _shipped(path)
        rules, _ = load_file(path, probe=False)
        for rule in rules:
            for pattern in rule.patterns:
                check_backtracking(path, rule.id, pattern)  # raises RuleFileError on a timeout
                n += 1
    assert n > 500


def test_a_rule_file_elsewhere_is_still_probed(tmp_path) -> None:
    import pytest

    from cleaner.rulebook import RuleFileError

    assert not _shipped(tmp_path / "x.yaml")
    with pytest.raises(RuleFileError, match="backtracks catastrophically"):
        check_backtracking(tmp_path / "x.yaml", "x.y", regex.compile(r"^(a|a)*$"))
