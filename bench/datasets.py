"""The shared data collections, read in place, and the scraper-style inputs made from them.

Every HTML collection (``aeb-dev``, ``wcxb-dev``, ``naeb-dev``, and any other folder with the same
layout: ``html/<id>.html.gz`` + ``ground-truth.json``) becomes a list of :class:`Page`. For each
page the harness needs three texts that do not depend on cleaner's code, so they are computed
once and cached under ``bench/.cache`` (keyed on the trafilatura version and the data files):

- ``traf``: ``trafilatura.extract`` with its defaults (the peer's HTML path);
- ``recall``: ``trafilatura.extract(favor_recall=True)`` (scraper-style text input no. 1);
- ``naive``: the page's paragraph, heading, list-item, caption and quote texts joined one per
  line with BeautifulSoup, as simple scrapers do (scraper-style text input no. 2: it carries
  captions, credits, related links and footers);
- ``lang``: the truth's language, detected with cleaner's detector on the true body.

``wild-dev`` is read as :class:`WildArticle` records.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / "bench" / ".cache"
HTML_COLLECTIONS = ("aeb-dev", "wcxb-dev", "naeb-dev")


@dataclass(frozen=True)
class Page:
    collection: str
    id: str
    url: str
    truth: str
    path: Path  # html/<id>.html.gz

    def html(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())


@dataclass(frozen=True)
class WildArticle:
    id: str
    site: str
    lang: str
    raw: str
    clean: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, category) in raw, code points


def html_collections(data: Path) -> list[str]:
    """Folders under ``data`` with the HTML layout; the three dev ones first, in their order."""
    found = sorted(p.name for p in data.iterdir() if (p / "ground-truth.json").exists() and (p / "html").is_dir())
    return [c for c in HTML_COLLECTIONS if c in found] + [c for c in found if c not in HTML_COLLECTIONS]


def load_pages(data: Path, collection: str, limit: int | None = None) -> list[Page]:
    folder = data / collection
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(truth):
        path = folder / "html" / f"{pid}.html.gz"
        if path.exists():
            t = truth[pid]
            pages.append(Page(collection, pid, t.get("url") or "", t.get("articleBody") or "", path))
    return pages[:limit] if limit else pages


def load_wild(data: Path, limit: int | None = None) -> list[WildArticle]:
    path = data / "wild-dev" / "articles.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            spans = tuple((s["start"], s["start"] + len(s["text"]), s["category"]) for s in d["debris"])
            out.append(WildArticle(d["id"], d.get("site") or "", d.get("lang") or "und", d["raw"], d["clean"], spans))
    return out[:limit] if limit else out


# -- scraper-style inputs ----------------------------------------------------------------------

NAIVE_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote")


def naive_text(html: bytes) -> str:
    """What a simple BeautifulSoup scraper stores: every paragraph, heading, list item, caption
    and quote of the page (outermost only, so nothing is doubled), one per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for el in soup(["script", "style", "noscript", "template"]):
        el.decompose()
    wanted = set(NAIVE_TAGS)
    lines = []
    for el in soup.find_all(NAIVE_TAGS):
        if any(p.name in wanted for p in el.parents):
            continue
        text = " ".join(el.get_text(" ").split())
        if text:
            lines.append(text)
    return "\n".join(lines)


def _inputs_for(page: Page) -> dict[str, str]:
    import trafilatura

    from cleaner.blocks import segment
    from cleaner.config import Config
    from cleaner.lang import detect_language

    html = page.html()
    url = page.url or None
    traf = trafilatura.extract(html, url=url) or ""
    recall = trafilatura.extract(html, url=url, favor_recall=True) or ""
    try:
        naive = naive_text(html)
    except Exception:  # a page BeautifulSoup cannot read stays empty, like a failed scrape
        naive = ""
    lang = detect_language(segment(page.truth), Config()).code if page.truth.strip() else "und"
    return {"traf": traf, "recall": recall, "naive": naive, "lang": lang}


def _cache_key(pages: list[Page]) -> str:
    import trafilatura

    h = hashlib.sha256(f"v2|trafilatura {trafilatura.__version__}".encode())
    for p in pages:
        st = p.path.stat()
        h.update(f"{p.collection}/{p.id}:{st.st_size}:{int(st.st_mtime)}:{len(p.truth)}".encode())
    return h.hexdigest()[:16]


def scraper_inputs(pages: list[Page], workers: int = 2) -> dict[tuple[str, str], dict[str, str]]:
    """``{(collection, id): {"traf", "recall", "naive", "lang"}}``, cached per collection."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    by_coll: dict[str, list[Page]] = {}
    for p in pages:
        by_coll.setdefault(p.collection, []).append(p)
    CACHE.mkdir(parents=True, exist_ok=True)
    for coll, ps in by_coll.items():
        cache = CACHE / f"inputs-{coll}-{_cache_key(ps)}.json.gz"
        if cache.exists():
            got = json.loads(gzip.decompress(cache.read_bytes()))
        else:
            got = dict(zip((p.id for p in ps), _map(_inputs_for, ps, workers), strict=True))
            tmp = cache.with_suffix(".tmp")
            tmp.write_bytes(gzip.compress(json.dumps(got, ensure_ascii=False).encode()))
            os.replace(tmp, cache)
        for p in ps:
            out[(coll, p.id)] = got[p.id]
    return out


def _map(fn, items: Iterable, workers: int) -> list:
    items = list(items)
    if workers <= 1 or len(items) < 8:
        return [fn(x) for x in items]
    with get_context("fork").Pool(workers) as pool:
        return pool.map(fn, items, chunksize=8)
