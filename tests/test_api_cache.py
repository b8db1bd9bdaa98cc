"""clean() reuses one Cleaner per configuration, reads edited rule files again, and is thread-safe."""

from __future__ import annotations

import textwrap
from concurrent.futures import ThreadPoolExecutor

from cleaner import Cleaner, Config, clean, pipeline

ARTICLE = (
    "The council met on Tuesday and voted to approve the budget for the coming year after a long debate.\n\n"
    "Also Read: Minister Quits Over Scandal\n\n"
    "Roads and schools get most of the money, the mayor said, and work starts in the spring."
)
RULE = """\
rules:
  - id: junk.custom
    reason: A custom junk line.
    regex: ['^{word} junk line$']
    examples: {{strip: ['{word} junk line']}}
"""


def test_clean_reuses_one_cleaner_per_configuration():
    config = Config(min_confidence=0.6)
    assert pipeline.shared_cleaner(config) is pipeline.shared_cleaner(Config(min_confidence=0.6))
    assert pipeline.shared_cleaner(config) is not pipeline.shared_cleaner(Config(min_confidence=0.7))
    assert pipeline.shared_cleaner(None) is pipeline.shared_cleaner(Config())
    assert clean(ARTICLE).to_dict() == Cleaner().clean(ARTICLE).to_dict()


def test_an_edited_rule_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "_RECHECK_SECONDS", 0.0)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "custom.yaml").write_text(textwrap.dedent(RULE.format(word="Alpha")), encoding="utf-8")
    config = Config(rule_dirs=(rules,), lang="en")
    text = "A sentence of the body that stays where it is.\n\nAlpha junk line\n\nBeta junk line"
    assert "Alpha junk line" not in clean(text, config=config).text
    (rules / "custom.yaml").write_text(textwrap.dedent(RULE.format(word="Beta")) + "\n", encoding="utf-8")
    out = clean(text, config=config).text
    assert "Alpha junk line" in out and "Beta junk line" not in out


def test_clean_from_many_threads_gives_what_a_fresh_cleaner_gives():
    texts = [ARTICLE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday", "Sunday")] * 8
    expected = [Cleaner().clean(t).text for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: clean(t).text, texts))
    assert got == expected
    assert all("Also Read" not in t for t in got)
