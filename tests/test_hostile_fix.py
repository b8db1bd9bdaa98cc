"""Issue 12, item 9: what `cleaner fix` refuses, leaves, skips and tidies. Read-only files are
refused without --force; a file changed while fix ran is left as it is; FIFOs, sockets, devices
and symbolic link loops are skipped with one line each, never opened (a FIFO must not hang the
run: those cases run in a subprocess with a timeout); temporary files a killed run left are
recognisable and removed by the next run in that folder."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli.app import app

REPO = Path(__file__).resolve().parent.parent
DIRTY = (
    "The council met on Tuesday to vote on the new budget for the roads.\n\n"
    "Also Read: Council votes on budget\n\n"
    "The vote passed after a long debate on the roads and the schools.\n"
)


def _fix(*args: str, cwd: Path):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, ["fix", "--lang", "en", *args])
    finally:
        os.chdir(old)


def _fix_in_subprocess(
    *args: str, cwd: Path, timeout: float = 120, command: str = "fix"
) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        return subprocess.run(
            [sys.executable, "-m", "cleaner", command, "--lang", "en", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"fix did not end within {timeout} s (blocked on a special file?)")


def _errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return [ln for ln in stderr.splitlines() if ln.startswith("cleaner:")]


# read-only files ---------------------------------------------------------------------------------
def test_read_only_file_is_refused_without_force(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DIRTY, encoding="utf-8")
    b.write_text(DIRTY, encoding="utf-8")
    a.chmod(0o444)
    res = _fix(".", cwd=tmp_path)
    assert res.exit_code == 1, res.output
    assert _errors(res.stderr) == ["cleaner: error: a.txt: read-only, not fixed (--force rewrites it)"]
    assert "1 read-only files not rewritten (--force)" in res.stderr
    assert a.read_text(encoding="utf-8") == DIRTY  # refused
    assert "Also Read" not in b.read_text(encoding="utf-8")  # the writable one is fixed

    res = _fix("--force", ".", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    assert "Also Read" not in a.read_text(encoding="utf-8")
    assert (a.stat().st_mode & 0o777) == 0o444  # still read-only


# a file changed while fix ran --------------------------------------------------------------------
@pytest.mark.parametrize("how", ["appended", "same size and mtime"])
def test_file_changed_while_fix_ran_is_left_as_it_is(tmp_path, monkeypatch, how):
    import cleaner.corpus.lint as lint

    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    real = lint.inspect_file
    edited = {}

    def inspect_then_someone_edits(path, *args, **kwargs):
        rep = real(path, *args, **kwargs)
        st = path.stat()
        if how == "appended":
            path.write_text(DIRTY + "A late paragraph someone added.\n", encoding="utf-8")
        else:  # the same size, the mtime put back: only the content hash can tell
            path.write_text(DIRTY.replace("roads", "lanes"), encoding="utf-8")
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        edited["text"] = path.read_text(encoding="utf-8")
        return rep

    monkeypatch.setattr(lint, "inspect_file", inspect_then_someone_edits)
    res = _fix("a.txt", cwd=tmp_path)
    assert res.exit_code == 2, res.output
    assert _errors(res.stderr) == ["cleaner: error: a.txt: changed while cleaner ran; left as it is (run fix again)"]
    assert f.read_text(encoding="utf-8") == edited["text"]
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


# special files: skipped with one line each, never opened ------------------------------------------
def test_fifo_socket_device_and_link_loop_are_skipped_with_one_line_each(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.md"))
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "dev.txt").symlink_to(os.devnull)
    try:
        res = _fix_in_subprocess(".", cwd=tmp_path)
    finally:
        sock.close()
    assert res.returncode == 0, res.stderr
    assert sorted(_errors(res.stderr)) == [
        "cleaner: warning: dev.txt: skipped: a character device",
        "cleaner: warning: loop.txt: skipped: a symbolic link loop",
        "cleaner: warning: pipe.txt: skipped: a FIFO (named pipe)",
        "cleaner: warning: sock.md: skipped: a socket",
    ]
    assert "Also Read" not in (tmp_path / "a.txt").read_text(encoding="utf-8")


def test_fifo_named_on_the_command_line_does_not_block_check_or_fix(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    for command in ("check", "fix"):
        res = _fix_in_subprocess("pipe.txt", cwd=tmp_path, command=command)
        assert res.returncode == 0, res.stderr
        assert _errors(res.stderr) == ["cleaner: warning: pipe.txt: skipped: a FIFO (named pipe)"]


def test_reading_refuses_a_fifo_that_replaced_the_file_without_blocking(tmp_path):
    from cleaner.corpus.snapshot import NotARegularFile, read_snapshot

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(NotARegularFile, match="FIFO"):
        read_snapshot(tmp_path / "pipe.txt")


# temporary files of a killed run ------------------------------------------------------------------
def test_temporary_files_are_named_recognisably(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    real_replace = os.replace
    seen = []

    def replace(src, dst):
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert _fix("a.txt", cwd=tmp_path).exit_code == 0
    assert len(seen) == 1 and re.fullmatch(r"\.a\.txt\.cleaner-tmp-[a-z0-9_]{8}", seen[0]), seen


def test_leftovers_of_a_killed_run_are_removed_by_the_next_run(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("Nothing to remove here.\n", encoding="utf-8")
    old = time.time() - 3600
    leftovers = [tmp_path / ".a.txt.cleaner-tmp-ab12cd_9", sub / ".b.md.cleaner-tmp-zz99yy00"]
    for p in leftovers:
        p.write_bytes(b"half-written")
        os.utime(p, (old, old))
    newer = tmp_path / ".a.txt.cleaner-tmp-newer123"  # another run's, started after this one: kept
    newer.write_bytes(b"in use")
    future = time.time() + 3600
    os.utime(newer, (future, future))
    look_alikes = [tmp_path / ".a.txt.cleaner-tmp-x", tmp_path / "a.txt.cleaner-tmp-ab12cd34", tmp_path / "notes.tmp"]
    for p in look_alikes:
        p.write_bytes(b"mine")
        os.utime(p, (old, old))
    res = _fix(".", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    assert not any(p.exists() for p in leftovers)
    assert newer.exists() and all(p.exists() for p in look_alikes)
    assert _errors(res.stderr) == [
        "cleaner: removed 1 temporary file an interrupted run left beside a.txt",
        "cleaner: removed 1 temporary file an interrupted run left beside sub/b.md",
    ]


def test_batch_of_a_folder_skips_a_fifo_and_a_link_loop_with_one_line_each(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DIRTY, encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")
    (docs / "loop.txt").symlink_to("loop.txt")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        res = subprocess.run(
            [sys.executable, "-m", "cleaner", "batch", "docs", "-o", "out.jsonl", "--lang", "en", "--workers", "1"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("batch blocked on a FIFO in the folder")
    assert res.returncode == 0, res.stderr
    assert sorted(ln for ln in res.stderr.splitlines() if "skipped" in ln) == [
        "cleaner: WARNING: docs/loop.txt: skipped: a symbolic link loop",
        "cleaner: WARNING: docs/pipe.txt: skipped: a FIFO (named pipe)",
    ]
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1
