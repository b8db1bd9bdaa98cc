"""Word counts in every script (cleaner.text.count_words) and their use by blocks and rule bounds."""

from __future__ import annotations

import json
import re

import pytest

from cleaner import Cleaner, Config
from cleaner.blocks import segment
from cleaner.text import count_words
from tests.conftest import shared


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Read more: the plan", 4),
        ("Der Rat — hat | entschieden", 6),  # spaced scripts: whitespace tokens, as before
        ("서울시는 내년부터 대중교통 요금을 인상하기로 했다고 밝혔다.", 7),  # Hangul is written with spaces
        ("ঢাকা শহরে আজ সকাল থেকে ভারী বৃষ্টি হচ্ছে।", 8),
        ("北京市政府今天宣布", 6),  # 9 Han characters: ceil(2 * 9 / 3)
        ("东京", 2),
        ("新闻", 2),
        ("記事", 2),
        ("ニュース", 3),  # katakana with the prolonged-sound mark: 4 characters
        ("2024年AI技術", 4),  # 年 (1) + 技術 (2) + one for the spaced-script part
        ("กรุงเทพมหานคร", 4),  # 13 code points: ceil(13 / 4)
        ("ข่าว: ABC", 2),
        ("", 0),
    ],
)
def test_count_words(text, n):
    assert count_words(text) == n


def test_blocks_count_words_in_every_script():
    text = (
        "北京市政府今天宣布，明年起将提高公共交通票价。\n\nกรุงเทพมหานครประกาศแผนการจัดการน้ำท่วม\n\nThe vote was close.\n"
    )
    assert [b.n_words for b in segment(text)] == [count_words(b.content) for b in segment(text)]
    assert [b.n_words for b in segment(text)][2] == 4
    assert all(b.n_words > 1 for b in segment(text))


# A max_words bound means the same length in every script: a rule that allows 5 words takes a
# short Chinese or Thai line and leaves a sentence alone.
RULE_FILE = """\
category: promo
rules:
  - id: promo.words-probe
    reason: A short line starting with the probe word.
    regex: ['^(?:Zorblax|佐布拉|ซอร์บแล็กซ์)']
    max_words: 5
    examples:
      strip: ["Zorblax here"]
"""


@pytest.fixture()
def cleaner(tmp_path):
    (tmp_path / "probe.yaml").write_text(RULE_FILE, encoding="utf-8")
    return Cleaner(Config(rule_dirs=(tmp_path,), lang="und"))


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Zorblax read more", True),
        ("Zorblax " + "word " * 10, False),
        ("佐布拉新闻", True),  # 5 characters: 4 words
        ("佐布拉今天宣布明年起将提高公共交通票价市民反应不一", False),  # 25 characters: 17 words
        ("ซอร์บแล็กซ์ข่าว", True),
        ("ซอร์บแล็กซ์ประกาศแผนการจัดการน้ำท่วมฉบับใหม่ในวันนี้โดยเน้นการระบายน้ำ", False),
    ],
)
def test_max_words_bound_in_every_script(cleaner, line, removed):
    result = cleaner.clean(line + "\n\nThe body stays here as it was.\n")
    assert any(r.rule == "promo.words-probe" for r in result.removed) is removed


def test_wild_dev_words_per_script_are_comparable():
    """Per language, words per 1000 characters of wild-dev text lie in one band: a Chinese,
    Japanese or Thai article no longer counts as a handful of words."""
    rows = [json.loads(x) for x in shared("wild-dev/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    chars: dict[str, int] = {}
    words: dict[str, int] = {}
    for r in rows:
        text = re.sub(r"\s+", " ", r["clean"])
        chars[r["lang"]] = chars.get(r["lang"], 0) + len(text)
        words[r["lang"]] = words.get(r["lang"], 0) + count_words(text)
    density = {lang: 1000 * words[lang] / chars[lang] for lang in chars}
    for lang in ("zh", "ja", "th"):
        assert lang in density
    # Spaced scripts lie at 90-240 words per 1000 characters. Chinese and Japanese carry more per
    # character (a word is 1.5-1.7 characters), Thai a little more: 200-700 here, where whitespace
    # splitting gave 15-51.
    assert all(90 <= d <= 240 for lang, d in density.items() if lang not in ("zh", "ja", "th")), density
    assert all(200 <= density[lang] <= 700 for lang in ("zh", "ja", "th")), density


def test_an_indented_bullet_or_quote_keeps_its_whole_text():
    # the marker's length counts from the line's start, indent included (the content lost as many
    # letters as the indent had: "  - Community" read as "mmunity")
    blocks = segment("- Log in to:\n  - Community\n    * Forum\n   > quoted words\n  12. twelfth item")
    assert [b.content for b in blocks] == ["Log in to:", "Community", "Forum", "quoted words", "twelfth item"]
