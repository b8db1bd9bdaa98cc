"""Golden tests: each sample's clean text and record are exactly as reviewed."""

from __future__ import annotations

import json

import pytest

from cleaner import restore
from cleaner.normalize import normalize
from tests.golden import expected_paths, record_of, sample_inputs

SAMPLES = sample_inputs()


def test_there_are_samples_including_a_clean_one(cleaner):
    assert len(SAMPLES) >= 5
    assert any(not record_of(cleaner, s)["removed"] for s in SAMPLES), "need a sample with nothing to remove"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_matches_golden(cleaner, sample):
    clean_path, record_path = expected_paths(sample)
    record = record_of(cleaner, sample)
    assert record["text"] + "\n" == clean_path.read_text(encoding="utf-8")
    assert record == json.loads(record_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_restores_exactly(cleaner, sample):
    result = cleaner.clean(sample.read_bytes(), name=str(sample))
    assert restore(result) == normalize(sample.read_text(encoding="utf-8")).text
    assert restore(result.to_dict()) == restore(json.loads(result.to_json()))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_is_idempotent(cleaner, sample):
    first = cleaner.clean(sample.read_bytes(), name=str(sample))
    again = cleaner.clean(first.text)
    assert again.removed == ()
    assert again.text == first.text
