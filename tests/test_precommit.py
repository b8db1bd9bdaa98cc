"""The pre-commit hooks, run by the real pre-commit (it pip-installs this package: needs PyPI, takes ~30 s)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
DIRTY = (
    "The city council voted on Tuesday to approve the new budget, which was said to be the largest in the "
    "history of the town and it will be used for roads and schools.\n\nShare on Facebook\n\n"
    "The mayor said that the plan would help the residents of the city and that it was a good day for all.\n"
)

pytestmark = pytest.mark.precommit


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True
    )


def _hook_repo(tmp_path: Path) -> Path:
    """try-repo clones the hook repository at a commit (plus tracked changes, not untracked files), so
    commit a copy of the working tree as it is now."""
    src = tmp_path / "cleaner-src"
    shutil.copytree(
        REPO,
        src,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "build",
            "*.egg-info",
            "__pycache__",
            ".pytest_cache",
            ".ruff_cache",
            ".hypothesis",
            "tests",
            "samples",
            "bench",
        ),
    )
    git(src, "init", "-q")
    git(src, "add", "-A")
    git(src, "commit", "-qm", "snapshot")
    return src


def _try_repo(tmp_path: Path, src: Path, corpus: Path, hook: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(src), hook, "--all-files"],
        cwd=corpus,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_pre_commit_fix_edits_only_included_files(tmp_path):
    """pre-commit names every file on the command line; with include set, fix must still leave the others alone."""
    if shutil.which("git") is None or not PRE_COMMIT.exists():
        pytest.skip("git or pre-commit is not installed")
    src = _hook_repo(tmp_path)
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    git(corpus, "init", "-q")
    (corpus / "articles" / "a.txt").write_text(DIRTY)
    (corpus / "README.md").write_text(DIRTY)  # not an article: include leaves it out
    (corpus / "cleaner.toml").write_text('include = ["articles/"]\n')
    git(corpus, "add", "-A")
    res = _try_repo(tmp_path, src, corpus, "cleaner-fix")
    assert res.returncode == 1 and "files were modified by this hook" in res.stdout, res.stdout + res.stderr
    assert "Share on Facebook" not in (corpus / "articles" / "a.txt").read_text()
    assert (corpus / "README.md").read_text() == DIRTY


def test_pre_commit_hooks_check_fails_then_fix_then_passes(tmp_path):
    if shutil.which("git") is None or not PRE_COMMIT.exists():
        pytest.skip("git or pre-commit is not installed")
    src = _hook_repo(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    git(corpus, "init", "-q")
    (corpus / "article.txt").write_text(DIRTY)
    (corpus / "notes.py").write_text("# Share on Facebook\n")  # not an article: not looked at
    git(corpus, "add", "-A")

    def try_repo(hook: str) -> subprocess.CompletedProcess[str]:
        return _try_repo(tmp_path, src, corpus, hook)

    res = try_repo("cleaner-check")
    assert res.returncode == 1, res.stdout + res.stderr
    assert "article.txt:3:1: share.prompt" in res.stdout and "notes.py" not in res.stdout
    res = try_repo("cleaner-fix")
    assert res.returncode == 1 and "files were modified by this hook" in res.stdout, res.stdout + res.stderr
    assert "Share on Facebook" not in (corpus / "article.txt").read_text()
    git(corpus, "add", "-A")
    res = try_repo("cleaner-check")
    assert res.returncode == 0 and "Passed" in res.stdout, res.stdout + res.stderr
