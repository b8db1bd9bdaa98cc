"""Cleaning on Apache Spark (optional extra ``[spark]``: pyspark >= 3.5).

``clean_dataframe(df)`` adds the clean text and the record (a struct matching
``cleaner.record/1``, see :mod:`cleaner.spark.schema`) to a DataFrame with a text or HTML column;
one Cleaner per executor Python worker, the configuration and user rule files shipped with the
tasks; a row that cannot be cleaned becomes an error record, never a failed stage.
``site_repetition=True`` runs site-level repetition as a two-stage job (``site_table``: count
block hashes per site with a ``groupBy``, broadcast the table, then clean), with the same results
as ``cleaner batch --site-repetition`` on the same records.

The job: ``python -m cleaner.spark IN OUT [--format jsonl|parquet] [--site-repetition]``, also
under ``spark-submit`` (see the README).
"""

from __future__ import annotations

try:
    import pyarrow  # noqa: F401
    import pyspark  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(f"cleaner.spark needs pyspark and pyarrow: pip install 'cleaner[spark]' ({exc})") from None

from cleaner.spark.frame import clean_dataframe, site_table
from cleaner.spark.schema import RECORD, record_from_row

__all__ = ["RECORD", "clean_dataframe", "record_from_row", "site_table"]
