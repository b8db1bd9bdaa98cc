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
