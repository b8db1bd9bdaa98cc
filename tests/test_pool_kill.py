"""Stopping the worker pool never hangs, even when a worker dies halfway through an answer.

`batch -j2 | head -n 1` hung about one run in ten (CI saw it): the reader went away, the
batch killed its workers, and one of them had written only part of its answer into the
result pipe. The executor's manager thread was reading that message and waited for the rest
forever, so the batch waited for the manager thread. Here a worker writes half a message on
purpose and stays; stopping the pool must still end, in a child process with a deadline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import gc, os, struct, sys, time
    from multiprocessing.queues import SimpleQueue
    from cleaner.config import Config
    from cleaner.corpus.pool import WorkerPool
    from cleaner.project_config import Fields

    MARK = sys.argv[1]

    def half_answer(_tasks):
        results = next(o for o in gc.get_objects() if isinstance(o, SimpleQueue))
        os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"half a message")
        open(MARK, "w").close()
        time.sleep(600)

    pool = WorkerPool(2, Config(), Fields(), lambda: False)
    pool._executor.submit(half_answer, [])
    deadline = time.monotonic() + 120
    while not os.path.exists(MARK):
        assert time.monotonic() < deadline, "the worker never wrote"
        time.sleep(0.05)
    time.sleep(0.5)  # the manager thread is now reading the half message
    pool.close(finished=False)
    print("stopped")
    """
)


def test_a_worker_killed_mid_answer_does_not_hang_the_stop(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        res = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(tmp_path / "written")],
            capture_output=True,
            env=env,
            timeout=150,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError("stopping the pool hung after a worker died mid-answer") from exc
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    assert res.stdout.decode().strip() == "stopped"
