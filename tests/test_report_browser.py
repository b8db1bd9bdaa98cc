"""`cleaner report` pages in a real browser: Debian's chromium driven by selenium.

Skips, saying why, when selenium, chromium or chromedriver is absent (CI installs them with
apt-get in .ci/run). Paths: CLEANER_CHROMIUM / CLEANER_CHROMEDRIVER, default /usr/bin/chromium and
/usr/bin/chromedriver. Screenshots go to tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner, Config
from cleaner.cli import app
from cleaner.project_config import Fields
from cleaner.report import CorpusData, article_page, corpus_page, from_result
from cleaner.report.sources import jsonl_articles

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = Path(os.environ.get("CLEANER_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CLEANER_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --window-size=1400,1000"
).split()
HOSTILE = (
    "The council met on Tuesday to approve the budget for next year after a long debate.\n\n"
    "Also Read: <script>document.title='pwned'; window.__pwned = 1</script> and more\n\n"
    'The mayor said <img src=x onerror="window.__pwned=2"> the plan </textarea></script><!-- <script> was final.\n\n'
    "Share this article"
)
runner = CliRunner()


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    for p, what in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromedriver")):
        if not p.exists():
            pytest.skip(
                f"{p} is absent: install {what} (apt-get install chromium chromium-driver) to run browser tests"
            )
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        opts.add_argument(flag)
    profile = tempfile.TemporaryDirectory(prefix="cleaner-chromium-")
    opts.add_argument(f"--user-data-dir={profile.name}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: selenium-manager is never asked to download anything.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    profile.cleanup()


def _open(driver, path: Path, timeout: float = 30.0) -> float:
    """Load a page and wait for its script to finish drawing; the seconds it took."""
    t0 = time.monotonic()
    driver.get(path.as_uri())
    while driver.execute_script("return document.documentElement.dataset.ready") != "1":
        assert time.monotonic() - t0 < timeout, "the page's script did not finish"
        time.sleep(0.05)
    return time.monotonic() - t0


def _shot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / name))
    assert (ARTIFACTS / name).stat().st_size > 10_000


def _errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_article_view_highlights_toggles_and_candidates(browser, tmp_path):
    from selenium.webdriver.common.by import By

    result = Cleaner(Config(min_confidence=0.85)).clean((REPO / "samples/flood-warning.txt").read_bytes())
    assert result.candidates and result.removed
    page = tmp_path / "article.html"
    page.write_text(article_page(from_result(result, id="flood-warning.txt")), encoding="utf-8")
    _open(browser, page)
    marks = browser.find_elements(By.CSS_SELECTOR, ".pane.raw .rm")
    assert len(marks) == len([r for r in result.removed if r.start is not None])
    assert [m.get_attribute("data-rule") for m in marks] == [
        r.rule for r in sorted(result.removed, key=lambda r: r.start)
    ]
    assert len(browser.find_elements(By.CSS_SELECTOR, ".pane.raw .cand")) == len(result.candidates)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".side li")) == len(result.removed) + len(result.candidates)
    assert "confidence" in marks[0].get_attribute("title") and result.removed[0].rule in marks[0].get_attribute("title")
    clean_pane = browser.find_element(By.CSS_SELECTOR, ".pane.clean").get_attribute("textContent")
    assert clean_pane == result.text

    category = result.removed[0].category
    toggle = browser.find_element(By.CSS_SELECTOR, f'input.toggle-cat[data-cat="{category}"]')
    toggle.click()
    hidden = [m for m in marks if m.get_attribute("data-cat") == category]
    assert hidden and not any(m.is_displayed() for m in hidden)
    assert all(m.is_displayed() for m in marks if m.get_attribute("data-cat") != category)
    toggle.click()
    assert all(m.is_displayed() for m in hidden)

    rule = result.removed[-1].rule
    browser.find_element(By.CSS_SELECTOR, f'input.toggle-rule[data-rule="{rule}"]').click()
    assert not any(m.is_displayed() for m in marks if m.get_attribute("data-rule") == rule)
    browser.find_element(By.CSS_SELECTOR, f'input.toggle-rule[data-rule="{rule}"]').click()

    # scrolling the raw pane brings the clean pane along
    browser.set_window_size(1400, 500)
    raw = browser.find_element(By.CSS_SELECTOR, ".pane.raw")
    browser.execute_script("arguments[0].scrollTop = arguments[0].scrollHeight / 2", raw)
    time.sleep(0.3)
    assert browser.execute_script("return document.querySelector('.pane.clean').scrollTop") > 0
    browser.set_window_size(1400, 1000)
    assert _errors(browser) == []
    _shot(browser, "report-article.png")


def test_injected_script_and_handlers_do_not_run(browser, tmp_path):
    from selenium.webdriver.common.by import By

    result = Cleaner().clean(HOSTILE)
    page = tmp_path / "hostile.html"
    page.write_text(article_page(from_result(result, id="<script>alert(1)</script>")), encoding="utf-8")
    _open(browser, page)
    time.sleep(0.3)  # time for an onerror to fire, were there an <img>
    assert browser.title == "cleaner report: <script>alert(1)</script>"
    assert browser.execute_script("return window.__pwned") is None
    assert browser.find_elements(By.CSS_SELECTOR, "#app img, #app script, #app textarea") == []
    raw = browser.find_element(By.CSS_SELECTOR, ".pane.raw").get_attribute("textContent")
    assert "<script>document.title='pwned'" in raw and 'onerror="window.__pwned=2"' in raw and "</textarea>" in raw
    assert len(browser.find_elements(By.CSS_SELECTOR, ".pane.raw .rm")) == len(result.removed)


def test_corpus_view_matches_the_batch_summary_and_opens_articles(browser, tmp_path):
    from selenium.webdriver.common.by import By

    src = tmp_path / "in.jsonl"
    samples = sorted(p for p in (REPO / "samples").glob("*.txt") if ".clean" not in p.name)
    with src.open("w") as fh:
        for p in samples:
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(), "url": f"https://news.example/{p.stem}"}) + "\n")
        fh.write(json.dumps({"id": "hostile", "text": HOSTILE, "url": "https://evil.example/x"}) + "\n")
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    assert (
        runner.invoke(
            app, ["batch", str(src), "-o", str(out), "-j", "1", "-q", "--summary-json", str(summary)]
        ).exit_code
        == 0
    )
    page = tmp_path / "corpus.html"
    r = runner.invoke(app, ["report", str(out), "-o", str(page)])
    assert r.exit_code == 0, r.output
    want = json.loads(summary.read_text())
    _open(browser, page)
    assert browser.execute_script("return window.__pwned") is None and browser.title == "cleaner report"

    def cells(table_id: str) -> dict[str, list[str]]:
        rows = browser.find_elements(By.CSS_SELECTOR, f"#{table_id} tbody tr")
        return {row.get_attribute("data-key"): [td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows}

    cats = cells("category-table")
    assert {k: int(v[1].replace(",", "")) for k, v in cats.items()} == want["removals"]
    rules = cells("rule-table")
    assert sum(int(v[2].replace(",", "")) for v in rules.values()) == want["removals_total"]
    for rule, v in rules.items():
        assert rule.split(".")[0] == v[1]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#chart-rules rect.bar")) == len(rules)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#chart-share rect.bin")) == 21
    docs = browser.find_elements(By.CSS_SELECTOR, "#doc-table tbody tr")
    assert len(docs) == want["documents"]
    shares = [float(row.find_elements(By.TAG_NAME, "td")[6].text.rstrip("%")) for row in docs]
    assert shares == sorted(shares, reverse=True)
    _shot(browser, "report-corpus.png")

    lines = [json.loads(x) for x in out.read_text().splitlines()]
    first = docs[0].find_element(By.CSS_SELECTOR, "button.open-doc")
    line = next(x for x in lines if x["id"] == first.text)
    first.click()
    assert browser.find_element(By.ID, "article-view").is_displayed()
    assert not browser.find_element(By.ID, "corpus-view").is_displayed()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#article-view .pane.raw .rm")) == len(line["removed"])
    _shot(browser, "report-corpus-article.png")
    browser.execute_script("history.back()")
    time.sleep(0.2)
    assert browser.find_element(By.ID, "corpus-view").is_displayed()

    browser.get((page.as_uri()) + "#doc=" + str([x["id"] for x in lines].index("hostile")))
    time.sleep(0.3)
    assert browser.execute_script("return window.__pwned") is None and browser.title == "cleaner report"
    assert _errors(browser) == []


def test_ten_thousand_records_stay_responsive(browser, tmp_path):
    """10,000 documents: the page draws one page of each table and parses articles on demand."""
    from selenium.webdriver.common.by import By

    cleaner = Cleaner()
    texts = [p.read_text() for p in sorted((REPO / "samples").glob("*.txt")) if ".clean" not in p.name]
    results = [cleaner.clean(t) for t in texts]
    src = tmp_path / "big.jsonl"
    with src.open("w") as fh:
        for i in range(10_000):
            r = results[i % len(results)]
            fh.write(
                json.dumps(
                    {
                        "id": f"doc-{i}",
                        "url": f"https://site{i % 37}.example/a/{i}",
                        "text": r.text,
                        "removed": [x.to_dict() for x in r.removed],
                        "lang": "en",
                        "error": None,
                    }
                )
                + "\n"
            )
    corpus = CorpusData().extend(jsonl_articles(src, Fields(), None))
    page = tmp_path / "big.html"
    page.write_text(corpus_page(corpus), encoding="utf-8")
    seconds = _open(browser, page, timeout=60)
    assert seconds < 20, f"the 10,000-record page took {seconds:.1f} s to draw"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#doc-table tbody tr")) == 50
    assert browser.execute_script("return document.getElementsByTagName('*').length") < 5000
    t0 = time.monotonic()
    browser.execute_script("location.hash = '#doc=9999'")
    while not browser.find_elements(By.CSS_SELECTOR, "#article-view .pane.raw"):
        assert time.monotonic() - t0 < 10
        time.sleep(0.05)
    assert browser.find_element(By.CSS_SELECTOR, "#article-view h2").text == "doc-9999"
