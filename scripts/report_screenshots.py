"""Screenshots of `cleaner report`'s views for the README, made from the bundled samples.

    .venv/bin/python scripts/report_screenshots.py            # writes docs/report-*.png

Runs `cleaner batch` and `cleaner report` on samples/ and opens the pages in Debian's chromium
(/usr/bin/chromium and /usr/bin/chromedriver, or CLEANER_CHROMIUM / CLEANER_CHROMEDRIVER) with selenium.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --hide-scrollbars"
).split()
log = logging.getLogger("report_screenshots")


def cleaner(*args: str, cwd: Path = REPO) -> None:
    subprocess.run([sys.executable, "-m", "cleaner", *args], check=True, cwd=cwd)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs", help="folder for the PNG files (default: docs/)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # one article, with the candidates a stricter threshold leaves in the text
        cleaner("report", "samples/flood-warning.txt", "--min-confidence", "0.85", "-o", str(tmp / "article.html"))
        # a corpus run: every sample through `cleaner batch`, then its report
        src = tmp / "samples.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for p in sorted((REPO / "samples").glob("*")):
                if p.suffix in (".txt", ".md") and ".clean" not in p.name:
                    url = f"https://{'news' if p.suffix == '.txt' else 'blog'}.example/{p.stem}"
                    fh.write(json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8"), "url": url}) + "\n")
        cleaner("batch", src.name, "-o", "samples.out.jsonl", "-j", "1", "-q", cwd=tmp)
        cleaner("report", "samples.out.jsonl", "-o", "corpus.html", "--title", "cleaner report: samples", cwd=tmp)

        opts = webdriver.ChromeOptions()
        opts.binary_location = os.environ.get("CLEANER_CHROMIUM", "/usr/bin/chromium")
        for flag in FLAGS:
            opts.add_argument(flag)
        opts.add_argument(f"--user-data-dir={tmp / 'profile'}")
        driver_path = os.environ.get("CLEANER_CHROMEDRIVER", "/usr/bin/chromedriver")
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
        try:
            for page, name, size, hash_ in (
                ("article.html", "report-article.png", (1400, 860), ""),
                ("corpus.html", "report-corpus.png", (1400, 1250), ""),
                ("corpus.html", "report-corpus-article.png", (1400, 860), "#doc=1"),
            ):
                driver.set_window_size(*size)
                driver.get((tmp / page).as_uri() + hash_)
                time.sleep(0.5)
                driver.save_screenshot(str(args.out / name))
                log.info("wrote %s", args.out / name)
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
