"""The JSON Schema of the record validates real output (text and HTML)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from tests.golden import sample_inputs

SCHEMA = json.loads(resources.files("cleaner").joinpath("schema/record.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", sample_inputs(), ids=lambda p: p.name)
def test_samples_validate(cleaner, sample):
    jsonschema.validate(cleaner.clean(sample.read_bytes(), name=str(sample)).to_dict(), SCHEMA)


def test_html_record_validates(cleaner):
    html = (
        "<html><head><title>T</title></head><body><article><h1>Council Votes</h1>"
        "<p>The council approved the budget on Monday after a long debate about roads and schools.</p>"
        "<div class='share-buttons'>Share on Facebook</div>"
        "<p>Also Read: Another Story Here</p>"
        "<p>The mayor said the plan would take effect in July, after a final review.</p></article></body></html>"
    )
    record = cleaner.clean(html).to_dict()
    jsonschema.validate(record, SCHEMA)
    assert record["input"]["kind"] == "html"


def test_schema_rejects_a_broken_record(cleaner):
    record = cleaner.clean("Advertisement\n\nText.", lang="en").to_dict()  # too short to detect: und
    del record["removed"][0]["reason"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)
