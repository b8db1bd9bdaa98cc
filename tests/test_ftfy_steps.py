"""cleaner.ftfy_steps: ftfy's fix_and_explain step for step, without its whole-text badness scans."""

from __future__ import annotations

import json

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import ftfy_steps
from cleaner.normalize import _FTFY, is_bad, normalize

from .conftest import shared

# Mojibake, entities, control and C1 characters, line breaks, surrogates and correct text.
ALPHABET = (
    "&#;x12<ab Z\n\r\t.,'\"-\u2028\u2029\x85\x00\x1b[m\x7f\ufeff\ufffc\u206a\ud83d\udca9"
    "éüñçÃÂâ€™œ“”‘’–—…£°ВГабЂ\x80\x81\x8d\x90\x9d\xa0"
)
CONFIGS = [
    _FTFY,
    ftfy.TextFixerConfig(explain=True),  # ftfy's defaults: ligatures, widths, quotes, NFC
    _FTFY._replace(unescape_html=True),
]


def _ftfy(text: str, config: ftfy.TextFixerConfig) -> tuple[str, tuple[tuple[str, str], ...]]:
    fixed = ftfy.fix_and_explain(text, config=config)
    return fixed.text, tuple((str(a), str(b)) for a, b in fixed.explanation or ())


def test_the_installed_ftfy_is_the_one_mirrored():
    # A new ftfy falls back to its own fix_and_explain (slow on long text): read its source
    # again, mirror it, and add its version to MIRRORED.
    assert ftfy_steps.mirrored(), ftfy.__version__


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.sampled_from(CONFIGS))
def test_fix_and_explain_is_ftfys(text, config):
    assert ftfy_steps.fix_and_explain(text, config, is_bad) == _ftfy(text, config)


@pytest.mark.parametrize(
    "text",
    [
        "It\u00e2\u20ac\u2122s the caf\u00c3\u00a9 &amp; bar.\r\n",
        "caf\u00c3\u00a9 \x81 \x9d and \x85 next line",  # C1 controls sloppy-1252 keeps as they are
        "voil\u00c3 le travail",  # a 0xA0 byte turned space
        "\u00e2\u20ac\u0153quoted\u00e2\u20ac\x9d <b>kept</b> &amp;",
        "ok \x1b[31mred\x1b[0m \x00 \ufeff done",
    ],
)
def test_fix_and_explain_is_ftfys_on_known_repairs(text):
    for config in CONFIGS:
        assert ftfy_steps.fix_and_explain(text, config, is_bad) == _ftfy(text, config)


def test_long_text_is_not_scanned_with_ftfys_badness_pattern(monkeypatch):
    # fix_and_explain asks ftfy.badness.is_bad of the whole text at every pass; the mirror asks
    # the caller's is_bad (decode_inconsistent_utf8 still asks ftfy's of each short match)
    def short_only(text: str) -> bool:
        assert len(text) < 1000, "ftfy's badness pattern scanned the whole text"
        return ftfy.badness.is_bad(text)

    monkeypatch.setattr(ftfy, "is_bad", short_only)
    monkeypatch.setattr(ftfy.fixes, "is_bad", short_only)
    text = ("The caf\u00c3\u00a9 council met on Tuesday \x81 to vote.\r\n" * 200) + "\u00e1\u00bb "
    result = normalize(text)
    assert result.path == "ftfy" and result.steps
    monkeypatch.undo()
    assert (result.text, result.steps) == _ftfy(text, _FTFY)


def test_fix_and_explain_is_ftfys_on_wild_articles_and_their_join():
    path = shared("wild-dev/articles.jsonl")
    raws = [json.loads(line)["raw"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for raw in raws:
        assert ftfy_steps.fix_and_explain(raw, _FTFY, is_bad) == _ftfy(raw, _FTFY)
    joined = "\n\n".join(raws)  # one segment: "<" anywhere turns entities off for all of it
    assert ftfy_steps.fix_and_explain(joined, _FTFY, is_bad) == _ftfy(joined, _FTFY)
