"""`pip install .` (a built wheel, not an editable install) carries every rule file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from cleaner.rulebook import rule_files

REPO = Path(__file__).resolve().parent.parent


def test_wheel_ships_rules_and_installed_tool_sees_them(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("cleaner-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"cleaner/_rules/" + p.relative_to(REPO / "rules").as_posix() for p in rule_files(REPO / "rules")}
    assert expected <= names, expected - names
    assert "cleaner/schema/record.schema.json" in names
    assert {f"cleaner/report/templates/report.{ext}" for ext in ("html", "css", "js")} <= names

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import cleaner, cleaner.rulebook as rb;"
        "assert cleaner.__file__.startswith(sys.argv[1]), cleaner.__file__;"
        "print(rb.shipped_rules_dir());"
        "print(len(rb.load_rulebook(cleaner.Config()).files));"
        "import cleaner.report as rp; assert 'sha256-' in rp.result_html(cleaner.clean('Some text. Also Read: x'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)], check=True, capture_output=True, text=True, timeout=120, cwd=tmp_path
    ).stdout.split()
    assert out[0].startswith(str(target)) and out[0].endswith("_rules")
    assert int(out[1]) == len(rule_files(REPO / "rules"))
