"""cleaner.spark on local[2]: the same texts and records as `cleaner batch`, error rows, the job.

Skips, saying why, when pyspark/pyarrow or Java are missing. One SparkSession for the module.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install -e '.[spark]')")
if shutil.which("java") is None:
    pytest.skip(
        "no Java on this machine: the Spark tests need a JRE (apt-get install openjdk-17-jre-headless)",
        allow_module_level=True,
    )

from cleaner.config import Config  # noqa: E402
from cleaner.corpus.batch import BatchOptions, run_batch  # noqa: E402
from cleaner.corpus.synthetic import jsonl_lines  # noqa: E402
from cleaner.pipeline import Cleaner  # noqa: E402
from cleaner.project_config import Fields  # noqa: E402
from cleaner.repetition.corpus import count_tasks  # noqa: E402
from tests.repetition_corpus import corpus  # noqa: E402

BAD = [
    '{"id": "bad-empty", "text": "   "}',
    '{"id": "bad-none", "url": "https://x.example/1"}',
    "this is not json",
]
LINE = re.compile(r"^line \d+: ")
SCHEMA = "id string, url string, text string, source string, _corrupt_record string"


@pytest.fixture(scope="module")
def spark():
    import os
    import sys

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleaner-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """~300 records: synthetic articles, the two-site corpus (site repetition fires) and bad records."""
    lines = list(jsonl_lines(260, seed=5, size=1500))
    lines += [json.dumps(r) for r in corpus()]
    lines += BAD
    path = tmp_path_factory.mktemp("spark") / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def batch_rows(path: Path, config: Config) -> list[dict]:
    out = path.with_suffix(".batch.jsonl")
    run_batch([path], out, config, BatchOptions(workers=1))
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def spark_rows(spark, path: Path, config: Config, **kw) -> list[dict]:
    from cleaner.spark import clean_dataframe, record_from_row

    df = spark.read.json(str(path), schema=SCHEMA)  # a given schema: no inference job
    rows = clean_dataframe(df, config, **kw).collect()
    return [dict(r.asDict(), record=record_from_row(r["record"])) for r in rows]


def assert_same(batch: list[dict], sparked: list[dict]) -> None:
    assert len(batch) == len(sparked)
    for b, s in zip(batch, sparked, strict=True):
        assert b.get("id") == s.get("id")
        rec = s["record"]
        assert s["clean_text"] == b["text"], b.get("id")
        assert rec["removed"] == b["removed"], b.get("id")
        if b["error"]:
            assert rec["error"] == LINE.sub("", b["error"]) or (
                b["error"].endswith("invalid JSON: Expecting value at column 1") and rec["error"] == "invalid JSON"
            ), b["error"]
        else:
            assert rec["error"] is None and rec["lang"] == b["lang"]  # the same lang object


def test_same_as_batch_record_for_record(spark, source):
    config = Config()
    batch = batch_rows(source, config)
    sparked = spark_rows(spark, source, config)
    assert_same(batch, sparked)
    errors = [s for s in sparked if s["record"]["error"]]
    assert len(errors) == len(BAD)
    assert {e["record"]["error"] for e in errors} >= {"field 'text' is empty", "invalid JSON"}


def test_site_repetition_two_stage_job_equals_two_pass_batch(spark, source):
    from cleaner.spark import site_table

    config = Config()
    table = count_tasks([source], config, Fields()).table(config.repetition)
    assert table.n_keys >= 2
    assert site_table(spark.read.json(str(source), schema=SCHEMA), config) == table  # same hashes, same counts
    batch = batch_rows(source, config.with_(boilerplate=table))
    sparked = spark_rows(spark, source, config, site_repetition=True)
    assert_same(batch, sparked)
    assert sum(r["rule"] == "repeat.site" for s in sparked for r in s["record"]["removed"]) == 21


def test_records_match_the_schema_and_the_python_api(spark, source):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[1] / "cleaner" / "schema" / "record.schema.json").read_text())
    sparked = spark_rows(spark, source, Config())
    cleaner = Cleaner()
    src = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines()[:5]]
    for obj, s in zip(src, sparked[:5], strict=True):
        jsonschema.validate(s["record"], schema)
        assert s["record"] == cleaner.clean(obj["text"], url=obj.get("url"), html=False).to_dict()


def test_the_job_reads_and_writes_jsonl_gzip_and_parquet(spark, tmp_path):
    from cleaner.spark.job import main

    gz = tmp_path / "in.jsonl.gz"
    small = "".join(json.dumps(r) + "\n" for r in corpus()) + "\n".join(BAD) + "\n"
    gz.write_bytes(gzip.compress(small.encode()))
    assert main([str(gz), str(tmp_path / "out-json")]) == 0
    parts = sorted((tmp_path / "out-json").glob("part-*.json.gz"))
    rows = [json.loads(x) for p in parts for x in gzip.decompress(p.read_bytes()).decode().splitlines()]
    assert len(rows) == 30 + len(BAD)
    assert all("clean_text" in r and "record" in r for r in rows)
    assert main([str(gz), str(tmp_path / "out-pq"), "--format", "parquet", "--site-repetition"]) == 0
    back = spark.read.parquet(str(tmp_path / "out-pq"))
    assert back.count() == len(rows)
    assert back.where("exists(record.removed, r -> r.rule = 'repeat.site')").count() == 21
    assert main([str(gz), str(tmp_path / "out-pq")]) == 2  # exists already: refused, one line


def test_a_missing_column_is_a_one_line_error(spark):
    from cleaner.errors import CleanerError
    from cleaner.spark import clean_dataframe

    df = spark.createDataFrame([("a", "b")], ["id", "body"])
    with pytest.raises(CleanerError, match="no 'text' column"):
        clean_dataframe(df)
    out = clean_dataframe(df, text_column="body").collect()
    assert out[0]["clean_text"] == "b"


def test_java_is_runnable():
    assert subprocess.run(["java", "-version"], capture_output=True).returncode == 0
