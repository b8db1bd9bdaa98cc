"""One harness item (an HTML page, or a wild-dev article) through cleaner, scored for the tables
and attributed for the per-rule audit. Runs in the harness's worker processes."""

from __future__ import annotations

import difflib
import gzip
from collections import Counter

from bench import audit
from bench.measure import score, tokens, word_f1
from cleaner.sites import url_host


def page_item(page, inputs: dict[str, str], parts: tuple[str, ...] | None = None, **extra: object) -> dict:
    """A harness item for an HTML page (a ``bench.datasets.Page``) with its scraper-style inputs."""
    return {
        "kind": "page",
        "collection": page.collection,
        "id": page.id,
        "url": page.url,
        "truth": page.truth,
        "path": str(page.path),
        "parts": tuple(parts or PARTS),
        **extra,
        **inputs,
    }


def wild_item(article, **extra: object) -> dict:
    """A harness item for a wild-dev article (a ``bench.datasets.WildArticle``)."""
    return {
        "kind": "wild",
        "id": article.id,
        "site": article.site,
        "lang": article.lang,
        "raw": article.raw,
        "clean": article.clean,
        "spans": article.spans,
        **extra,
    }


def scored(pred: str, truth: str) -> tuple[float, float, float, bool, float]:
    s = score(pred, truth)
    return (s.tp, s.fp, s.fn, s.exact, word_f1(pred, truth))


PARTS = ("html", "recall", "naive", "truth", "wild")


def run_item(cleaner, item: dict) -> dict:
    if item["kind"] == "wild":
        return _wild(cleaner, item)
    return _page(cleaner, item)


def _normalized(res) -> str:
    from cleaner import restore

    try:
        return restore(res)
    except ValueError:
        return ""


def _text_run(cleaner, text: str, url: str | None, truth: audit.Truth) -> tuple[str, list]:
    res = cleaner.clean(text, url=url, html=False)
    return res.text, audit.text_stage_entries(_normalized(res), res.removed, truth, res.text)


def truth_losses(truth: str, normalized: str, out: str) -> tuple[int, int]:
    """Tokens of a true body fed in as text that removals took, and tokens normalization repaired.

    Removals are judged against the normalized text (what the rules saw): a truth that carries
    mojibake ("donâ") or literal entities ("&quot;") loses those tokens to the repair, not to a
    removal. The repaired tokens are counted apart (``repaired``) so neither hides the other.
    """
    norm = normalized or truth
    lost = sum((Counter(tokens(norm)) - Counter(tokens(out))).values())
    repaired = sum((Counter(tokens(truth)) - Counter(tokens(norm))).values())
    return lost, repaired


def _page(cleaner, item: dict) -> dict:
    url = item["url"] or None
    truth = audit.Truth.of(item["truth"])
    parts = item.get("parts") or PARTS
    coll = item["collection"]
    outs = {
        "traf": item["traf"],
        "traf_recall": item["recall"],
        "recall_raw": item["recall"],
        "naive_raw": item["naive"],
    }
    runs = []
    error = None
    if "html" in parts:
        html = gzip.decompress(open(item["path"], "rb").read())
        res = cleaner.clean(html, url=url, html=True)
        error = res.error
        entries = audit.element_entries(res.removed, truth, res.text) + audit.text_stage_entries(
            _normalized(res), [r for r in res.removed if r.start is not None], truth, res.text
        )
        runs.append({"run": f"html:{coll}", "entries": entries})
        outs["html"] = res.text
    for part in ("recall", "naive"):
        if part in parts:
            outs[f"{part}_clean"], e = _text_run(cleaner, item[part], url, truth)
            runs.append({"run": f"{part}:{coll}", "entries": e})
    lost, repaired = 0, 0
    if "truth" in parts:
        # the true body fed in as text: every token it loses is a false removal
        tres = cleaner.clean(item["truth"], url=url, html=False)
        lost, repaired = truth_losses(item["truth"], _normalized(tres), tres.text)
        runs.append(
            {
                "run": f"truth:{coll}",
                "entries": audit.text_stage_entries(_normalized(tres), tres.removed, truth, tres.text),
            }
        )
    site = (url_host(url) or f"{coll}/{item['id']}").removeprefix("www.")
    for run in runs:
        run["site"] = site
    return {
        "kind": "page",
        "collection": coll,
        "id": item["id"],
        "lang": item["lang"],
        "error": error,
        "scores": {name: scored(text, item["truth"]) for name, text in outs.items()},
        "truth_text": (
            {"tokens": len(tokens(item["truth"])), "lost": lost, "repaired": repaired} if "truth" in parts else None
        ),
        "audit": runs,
    }


def offset_map(raw: str, norm: str) -> list[int]:
    """For each offset of ``norm`` (and its end), the corresponding offset of ``raw``."""
    if raw == norm:
        return list(range(len(norm) + 1))
    m = [0] * (len(norm) + 1)
    sm = difflib.SequenceMatcher(None, raw, norm, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for j in range(j1, j2):
            m[j] = i1 + (j - j1) if tag == "equal" else i1 + min(j - j1, max(0, i2 - i1 - 1))
    m[len(norm)] = len(raw)
    return m


def _wild(cleaner, item: dict) -> dict:
    raw = item["raw"]
    res = cleaner.clean(raw, html=False)
    norm = _normalized(res)
    omap = offset_map(raw, norm) if norm else list(range(len(raw) + 1))
    mapped = []
    for r in res.removed:
        if r.start is None:
            continue
        s, e = omap[min(r.start, len(omap) - 1)], omap[min(r.end, len(omap) - 1)]
        mapped.append((r, s, e))
    removed = bytearray(len(raw) + 1)
    for _, s, e in mapped:
        removed[s:e] = b"\x01" * (e - s)
    spans = [tuple(s) for s in item["spans"]]
    debris = bytearray(len(raw) + 1)
    for s, e, _ in spans:
        debris[s:e] = b"\x01" * (e - s)
    toks = [(s, e, bool(debris[s])) for s, e, _ in audit.token_spans(raw)]
    span_hits = []
    for s, e, cat in spans:
        ts = [(a, b) for a, b, _ in toks if s <= a < e]
        if ts:
            got = sum(1 for a, b in ts if removed[a] and removed[b - 1])
            ok = got >= 0.8 * len(ts)
        else:
            chars = [k for k in range(s, e) if not raw[k].isspace()]
            ok = bool(chars) and sum(removed[k] for k in chars) >= 0.8 * len(chars)
        span_hits.append((cat, int(ok)))
    body = [(a, b) for a, b, d in toks if not d]
    body_lost = sum(1 for a, b in body if removed[a] and removed[b - 1])
    touched = any(r.text.strip() for r in res.removed)
    return {
        "kind": "wild",
        "id": item["id"],
        "lang": item["lang"],
        "site": item["site"],
        "exact": res.text == item["clean"],
        "scores": {"raw": scored(raw, item["clean"]), "clean": scored(res.text, item["clean"])},
        "wild": {"spans": span_hits, "body": len(body), "body_lost": body_lost, "touched": touched},
        "audit": [{"run": "wild", "site": item["site"] or item["id"], "entries": audit.labelled_entries(toks, mapped)}],
    }
