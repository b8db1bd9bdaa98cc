"""Driver side: clean a DataFrame, and build the site-repetition table with a Spark groupBy."""

from __future__ import annotations

import functools
import logging
import uuid
from typing import Any

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import to_arrow_schema
from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.pipeline import Cleaner
from cleaner.repetition.table import Boilerplate
from cleaner.spark.schema import RECORD
from cleaner.spark.worker import Columns, clean_batches, count_batches, pack

log = logging.getLogger(__name__)

COUNTED = StructType(
    [
        StructField("site", StringType(), False),
        StructField("doc", LongType(), False),
        StructField("keys", ArrayType(LongType(), False), False),
    ]
)


def _columns(
    df: DataFrame,
    text_column: str | None,
    html_column: str | None,
    id_column: str,
    url_column: str,
    lang_column: str,
    site_column: str,
) -> Columns:
    have = set(df.columns)
    text = text_column if text_column in have else None
    html = html_column if html_column and html_column in have else None
    if text is None and html is None:
        wanted = " or ".join(repr(c) for c in (text_column, html_column) if c)
        raise CleanerError(f"the DataFrame has no {wanted} column (columns: {', '.join(df.columns)})")
    return Columns(text=text, html=html, id=id_column, url=url_column, lang=lang_column, site=site_column)


def site_table(
    df: DataFrame,
    config: Config | None = None,
    *,
    text_column: str | None = "text",
    html_column: str | None = None,
    id_column: str = "id",
    url_column: str = "url",
    lang_column: str = "lang",
    site_column: str = "site",
) -> Boilerplate:
    """Pass 1 as a Spark job: block keys per document, documents per site and per (site, key) by
    ``groupBy``; only the (site, key) pairs over the thresholds reach the driver."""
    config = config or Config()
    Cleaner(config)  # rule errors surface here, on the driver, with their one-line message
    cols = _columns(df, text_column, html_column, id_column, url_column, lang_column, site_column)
    ship = pack(config, cols, f"count-{uuid.uuid4().hex}")
    counted = df.mapInArrow(functools.partial(count_batches, ship=ship, out=to_arrow_schema(COUNTED)), COUNTED)
    counted = counted.dropDuplicates(["site", "doc"]).cache()
    try:
        site_docs = {r["site"]: int(r["count"]) for r in counted.groupBy("site").count().collect()}
        s = config.repetition
        big = [site for site, n in site_docs.items() if n >= s.min_site_docs]
        pairs = (
            counted.where(F.col("site").isin(big))
            .select("site", F.explode("keys").alias("key"))
            .groupBy("site", "key")
            .count()
            .where(F.col("count") >= s.min_docs)
            .collect()
        )
    finally:
        counted.unpersist()
    table = Boilerplate.build(site_docs, ((r["site"], int(r["key"]), int(r["count"])) for r in pairs), s)
    log.info("site repetition: %s", table.describe())
    return table


def clean_dataframe(
    df: DataFrame,
    config: Config | None = None,
    *,
    text_column: str | None = "text",
    html_column: str | None = None,
    id_column: str = "id",
    url_column: str = "url",
    lang_column: str = "lang",
    site_column: str = "site",
    site_repetition: bool = False,
    boilerplate: Boilerplate | None = None,
    text_output: str = "clean_text",
    record_output: str = "record",
) -> DataFrame:
    """``df`` with two more columns: the clean text and the record (struct ``RECORD``).

    A row with both a text and an HTML value is cleaned as text (as ``cleaner batch`` does). A row
    that cannot be cleaned keeps its input text in ``text_output`` (null for HTML) and gets a record
    whose ``error`` says why. ``site_repetition`` first runs :func:`site_table` over ``df`` (or
    uses ``boilerplate``) and broadcasts the table to the executors."""
    config = config or Config()
    Cleaner(config)  # validate the rules on the driver
    cols = _columns(df, text_column, html_column, id_column, url_column, lang_column, site_column)
    for name in (text_output, record_output):
        if name in df.columns:
            raise CleanerError(f"the DataFrame already has a column '{name}'")
    if site_repetition and boilerplate is None:
        boilerplate = site_table(
            df,
            config,
            text_column=cols.text,
            html_column=cols.html,
            id_column=id_column,
            url_column=url_column,
            lang_column=lang_column,
            site_column=site_column,
        )
    bc: Any = df.sparkSession.sparkContext.broadcast(boilerplate) if boilerplate is not None else None
    ship = pack(config, cols, f"clean-{uuid.uuid4().hex}", bc)
    out = StructType(df.schema.fields + [StructField(text_output, StringType()), StructField(record_output, RECORD)])
    # Spark's _corrupt_record column, when present, keeps the raw line of a row that was not JSON
    return df.mapInArrow(functools.partial(clean_batches, ship=ship, out=to_arrow_schema(out)), out)
