"""cleaner.spark's executor side without a cluster: rule folders travel as bytes, one cleaner per worker."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install -e '.[spark]')")
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")

from cleaner.config import Config  # noqa: E402
from cleaner.spark.schema import record_from_row, row_from_record  # noqa: E402
from cleaner.spark.worker import Columns, clean_row, pack, worker_for  # noqa: E402

RULE = """
rules:
  - id: custom.wire-slug
    reason: Wire-desk slug line.
    scope: block
    regex: ['^wire-desk-\\d+$']
    examples:
      strip: ["WIRE-DESK-42"]
      keep: ["The wire desk said 42 things."]
"""


def test_user_rules_travel_as_bytes(tmp_path):
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "wire.yaml").write_text(RULE, encoding="utf-8")
    ship = pack(Config(rule_dirs=(folder,), lang="en"), Columns(), "test-token")
    shutil.rmtree(folder)  # the executor never sees the driver's folder
    worker = worker_for(ship)
    assert worker_for(ship) is worker  # built once
    text = "A council report was published today with many details in it.\n\nWIRE-DESK-42\n"
    clean, rec = clean_row(worker, {"text": text}, ship.columns)
    assert "WIRE-DESK" not in clean
    assert [r["rule"] for r in rec["removed"]] == ["custom.wire-slug"]


def test_rows_round_trip_to_the_record():
    from cleaner import clean

    d = clean("Title\n\nSome body text here, long enough.\n\nShare on Facebook\n", lang="en").to_dict()
    assert record_from_row(row_from_record(d)) == d


def test_bad_rows_become_error_records():
    ship = pack(Config(lang="en"), Columns(), "test-bad")
    worker = worker_for(ship)
    assert clean_row(worker, {"text": ""}, ship.columns)[1]["error"] == "field 'text' is empty"
    assert clean_row(worker, {"text": None}, ship.columns)[1]["error"] == "no 'text' or 'html' field"
    assert clean_row(worker, {"_corrupt_record": "{oops"}, ship.columns)[1]["error"] == "invalid JSON"
