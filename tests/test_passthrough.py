"""Clean articles pass through: the benchmark's true bodies lose (almost) nothing."""

from __future__ import annotations

import json
import re

from tests.conftest import shared

WORD = re.compile(r"\w+")


def test_true_article_bodies_pass_through(cleaner):
    truth = json.loads(shared("aeb-dev/ground-truth.json").read_text(encoding="utf-8"))
    total = lost = touched = 0
    for page in truth.values():
        body = page["articleBody"]
        result = cleaner.clean(body)
        n, m = len(WORD.findall(body)), len(WORD.findall(result.text))
        total += n
        lost += n - m
        touched += bool(result.removed)
    assert lost / total <= 0.005, f"lost {lost} of {total} tokens"
    assert touched / len(truth) <= 0.10, f"{touched} of {len(truth)} bodies had a removal"


# What the pipeline does to a correct article, in every script (wild-dev's debris-free articles:
# 18 languages, Latin, Cyrillic, Greek, Arabic, Armenian, Bengali, Malayalam, Thai, Han, Hangul):
# - normalization is the identity, unless the text holds something broken, which is repaired and
#   recorded (one article: C1 control characters U+0093/U+0094 standing for quote marks);
# - nothing is removed;
# - the clean text is the (normalized) raw text's blocks, each byte for byte at its offsets, joined
#   by one blank line: only the whitespace between blocks and around the text changes;
# - so every body token (\w+ run) is unchanged, in order.
REPAIRS = {("transcode", "fix_c1_controls")}


def _debris_free() -> list[dict]:
    rows = [json.loads(x) for x in shared("wild-dev/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if not r["debris"]]


def test_normalization_is_identity_on_correct_text_in_every_script():
    from cleaner.normalize import normalize, replay

    changed = []
    for r in _debris_free():
        norm = normalize(r["raw"])
        if norm.text != r["raw"]:
            assert set(norm.steps) <= REPAIRS, (r["id"], norm.steps)
            assert replay(r["raw"], norm.steps) == norm.text
            changed.append(r["id"])
    assert len(changed) <= 1, changed


def test_debris_free_articles_keep_every_block_byte_for_byte(cleaner):
    from cleaner.normalize import normalize

    for r in _debris_free():
        raw = r["raw"]
        result = cleaner.clean(raw, html=False)
        assert result.removed == (), (r["id"], [x.rule for x in result.removed])
        normalized = normalize(raw).text
        # byte for byte, its line breaks too: only the white space before the first block and
        # after the last goes
        assert result.text == normalized[result.blocks[0].start : result.blocks[-1].end], r["id"]
        assert WORD.findall(result.text) == WORD.findall(raw), r["id"]
        if normalized == raw:
            # outside the blocks there is only whitespace
            gaps = [raw[: result.blocks[0].start], raw[result.blocks[-1].end :]] + [
                raw[a.end : b.start] for a, b in zip(result.blocks, result.blocks[1:], strict=False)
            ]
            assert all(not g.strip() for g in gaps), r["id"]
