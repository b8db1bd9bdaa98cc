"""Interrupting `cleaner batch` (SIGTERM, SIGINT): output ends at a line boundary, exit 130."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.corpus.synthetic import jsonl_lines

CLEANER = Path(sys.executable).with_name("cleaner")


@pytest.mark.parametrize(("signum", "workers"), [(signal.SIGTERM, 2), (signal.SIGINT, 2), (signal.SIGTERM, 1)])
def test_interrupted_batch_ends_at_line_boundary(tmp_path, signum, workers):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(jsonl_lines(20_000, size=1500)) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = tmp_path / "summary.json"
    proc = subprocess.Popen(
        [str(CLEANER), "batch", str(src), "-o", str(out), "--workers", str(workers), "--summary-json", str(summary)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 200_000):
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    data = out.read_bytes()
    assert data.endswith(b"\n")
    rows = [json.loads(line) for line in data.splitlines()]
    assert 0 < len(rows) < 20_000
    assert [r["id"] for r in rows] == [f"doc-{i}" for i in range(len(rows))]
    assert f"interrupted after {len(rows)} documents; last input written: {src}:{len(rows)}" in err
    s = json.loads(summary.read_text())
    assert s["interrupted"] is True and s["documents"] == len(rows)
