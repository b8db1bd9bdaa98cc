"""Hostile text input (issue 12): linear time, a per-document time limit, regexes that slip past the probes."""

from __future__ import annotations

import os
import random
import textwrap
import time

import pytest

from cleaner import Cleaner, Config
from cleaner.errors import RuleFileError
from cleaner.rulebook import load_rulebook

DEBRIS = ("Also Read: Council votes on budget", "Share on Facebook", "READ MORE | City news today", "Advertisement")


def _document(n_lines: int) -> str:
    """Short lines, half of them debris: many blocks and many removals."""
    rng = random.Random(n_lines)
    lines = []
    for i in range(n_lines // 2):
        lines.append(rng.choice(DEBRIS))
        lines.append(f"The council met on Tuesday to vote on the new budget for roads, item {i}.")
    return "\n".join(lines)


def _best_time(cleaner: Cleaner, text: str, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        cleaner.clean(text)
        best = min(best, time.perf_counter() - started)
    return best


# 4. time linear in the document ------------------------------------------------------------------
def test_time_is_linear_in_the_number_of_lines():
    cleaner = Cleaner(Config(lang="en", time_limit=0))
    cleaner.clean(_document(100))
    small = _best_time(cleaner, _document(1_000), runs=3)
    large = _best_time(cleaner, _document(8_000))
    # 8x the lines: linear is 8x the time, quadratic 64x (the code before this test took 30x
    # and more); the margin absorbs a loaded machine
    assert large / small < 24, (small, large)


@pytest.mark.skipif(not os.environ.get("CLEANER_SLOW_TESTS"), reason="absolute CPU time: set CLEANER_SLOW_TESTS=1")
def test_forty_thousand_short_lines_take_at_most_two_seconds():
    # the figure, in CPU time (bench/speed.py measures the same document); the best of
    # two runs, on a machine that other processes share
    cleaner = Cleaner(Config(lang="en", time_limit=0))
    cleaner.clean(_document(100))
    text = _document(40_000)
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        cleaner.clean(text)
        best = min(best, time.process_time() - started)
    assert best <= 2.0, best


def test_many_lines_keep_every_removal_and_its_offsets():
    result = Cleaner(Config(lang="en")).clean(_document(4_000))
    assert len(result.removed) == 2_000
    assert all(r.text.strip() in DEBRIS for r in result.removed)


# 4. the per-document time limit --------------------------------------------------------------------
def _slow_rule_dir(tmp_path):
    # exponential on "Q1bbbb…b!", which passes the load-time probes; each match is cut at
    # regex_timeout, but a document of many such lines adds them up (it ends in a letter, not in
    # $: a pattern anchored at the end is first asked there alone, backwards, and fails fast)
    (tmp_path / "slow.yaml").write_text(
        textwrap.dedent("""
    rules:
      - id: slow.nested
        reason: Slow on long runs of b after Q and a digit.
        scope: span
        regex: ['Q\\d(b|b)*c']
        examples: {strip: [Q1bbc]}
    """),
        encoding="utf-8",
    )
    return tmp_path


def test_time_limit_passes_the_document_through_with_an_error(tmp_path):
    config = Config(rule_dirs=(_slow_rule_dir(tmp_path),), lang="en", regex_timeout=0.05, time_limit=1.0)
    text = "\n\n".join(f"Paragraph {i} Q1" + "b" * 40 + "!" for i in range(400))  # 400 x 0.05 s = 20 s unbounded
    cleaner = Cleaner(config)
    cleaner.clean("Warm up.")  # start-up (compiling the language's rules) is outside the limit by design
    started = time.monotonic()
    result = cleaner.clean(text)
    elapsed = time.monotonic() - started
    assert elapsed < 4, elapsed
    assert result.text == text and result.removed == ()
    assert "time limit of 1 s" in result.error and "passed through unchanged" in result.error
    assert result.to_dict()["error"] == result.error


def test_time_limit_is_a_config_file_key_and_an_option(tmp_path):
    from typer.testing import CliRunner

    from cleaner.cli.app import app
    from cleaner.project_config import load_project_config

    (tmp_path / "cleaner.toml").write_text("time_limit = 2.5\n", encoding="utf-8")
    assert load_project_config(tmp_path / "cleaner.toml").to_config(Config()).time_limit == 2.5
    assert Config().time_limit == 10.0
    doc = tmp_path / "a.txt"
    doc.write_text("The council met on Tuesday.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["clean", str(doc), "--time-limit", "3", "--json"])
    assert res.exit_code == 0 and '"error": null' in res.output


# 5. regexes that defeat the generic probes ----------------------------------------------------------
@pytest.mark.parametrize("pattern", ["^(b|b)*$", "^(?:xy|xy)+$", "(z|zz)+$"])
def test_regex_exponential_on_its_own_letters_is_rejected_at_load(tmp_path, pattern):
    (tmp_path / "evil.yaml").write_text(
        textwrap.dedent(f"""
    rules:
      - id: evil.own-letters
        reason: Exponential on its own letters.
        regex: ['{pattern}']
    """),
        encoding="utf-8",
    )
    started = time.monotonic()
    with pytest.raises(RuleFileError, match="evil.own-letters.*backtracks"):
        load_rulebook(Config(rule_dirs=(tmp_path,)))
    assert time.monotonic() - started < 20


# 7. one invalid byte in UTF-8 ------------------------------------------------------------------------
def test_one_invalid_byte_in_utf8_is_replaced_and_recorded_not_redecoded():
    text = "Дом на улице. Привет мир, это новости дня. Café crème, naïve façade."
    data = text.encode("utf-8")
    cut = data.index(" Привет".encode())
    bad = data[:cut] + b"\xff" + data[cut:]
    result = Cleaner(Config(lang="ru")).clean(bad)
    assert result.input.encoding == "utf-8" and result.input.encoding_source == "utf-8-replaced"
    assert "Привет мир" in result.text and "\ufffd" in result.text
    assert result.to_dict()["input"]["replaced_bytes"] == [cut]


def test_single_byte_encodings_are_still_detected():
    from cleaner.decode import decode_text

    text, info = decode_text("Привет мир, это новости дня и города.".encode("cp1251"), max_chars=1000)
    assert info.encoding == "cp1251" and text.startswith("Привет")
