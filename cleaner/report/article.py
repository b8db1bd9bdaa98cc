"""One article's view data: the raw text as a sequence of pieces, the clean text, every removal.

The raw text is never stored twice: ``ops`` rebuilds it from the clean text and the removals.
Each op is one of

* ``[c0, c1]``     a kept piece, ``clean[c0:c1]``;
* ``[c0, c1, j]``  a kept piece that is candidate ``j`` (below the threshold, left in the text);
* ``i`` (int)      removal ``i`` (its text is ``items[i].text``);
* ``"..."`` (str)  text that is neither kept nor removed (whitespace between blocks, markers).

Placement is ``exact`` when the record's layout (or a fresh cleaning that reproduces the
record's removals) says where every piece sits, ``approximate`` when only the clean text and the
removals' offsets are known (batch lines today): see :mod:`cleaner.report.approx`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from cleaner.report.approx import approximate_ops
from cleaner.result import SCHEMA_ID, Result, restore

EXACT, APPROXIMATE = "exact", "approximate"
_TOKEN = re.compile(r"\w+")

Op = list[int] | int | str


@dataclass(frozen=True)
class Item:
    """A removal (``candidate`` False) or a candidate kept below the threshold."""

    rule: str
    category: str
    reason: str
    confidence: float
    source: str
    stage: str
    text: str
    candidate: bool = False
    selector: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, candidate: bool = False) -> Item:
        return cls(
            rule=str(d.get("rule", "?")),
            category=str(d.get("category") or str(d.get("rule", "?")).split(".")[0]),
            reason=str(d.get("reason", "")),
            confidence=float(d.get("confidence", 0.0)),
            source=str(d.get("source", "")),
            stage=str(d.get("stage", "text")),
            text=str(d.get("text", "")),
            candidate=candidate,
            selector=d.get("selector"),
        )


@dataclass(frozen=True)
class HtmlStats:
    """What the HTML stage dropped, as counts (only known when the page itself is at hand)."""

    page_words: int
    extracted_words: int
    rule_elements: int  # elements HTML rules removed before extraction

    @property
    def extractor_dropped_words(self) -> int:
        return max(0, self.page_words - self.extracted_words)


@dataclass(frozen=True)
class ArticleData:
    id: str
    clean: str
    ops: tuple[Op, ...]
    items: tuple[Item, ...]
    placement: str = EXACT
    url: str | None = None
    lang: str = "und"
    kind: str = "text"
    notes: tuple[str, ...] = ()
    html: HtmlStats | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def removals(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if not i.candidate)

    @property
    def site(self) -> str:
        return site_of(self.url)

    def raw(self) -> str:
        """The raw (normalized) text the ops describe."""
        out: list[str] = []
        for op in self.ops:
            if isinstance(op, int):
                out.append(self.items[op].text)
            elif isinstance(op, str):
                out.append(op)
            else:
                out.append(self.clean[op[0] : op[1]])
        return "".join(out)

    def tokens(self) -> tuple[int, int]:
        """(tokens removed in the text stage, tokens of the raw text)."""
        removed = sum(len(_TOKEN.findall(i.text)) for i in self.items if not i.candidate and i.stage != "html")
        return removed, removed + len(_TOKEN.findall(self.clean))


def site_of(url: str | None) -> str:
    if not url:
        return "(no url)"
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host or "(no url)"


def lang_code(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("code")
    return value if isinstance(value, str) and value else "und"


# from a full record (cleaner clean --json, Result.to_dict) -------------------------------------
def from_result(result: Result, *, id: str = "article", html_page: bytes | str | None = None) -> ArticleData:
    html = html_stats(html_page, result) if html_page is not None else None
    return from_record(result.to_dict(), id=id, html=html)


def from_record(record: dict[str, Any], *, id: str = "article", html: HtmlStats | None = None) -> ArticleData:
    """Exact view of a record that carries its layout (``restore`` must rebuild it)."""
    rec = dict(record)
    rec.setdefault("schema", SCHEMA_ID)
    restore(rec)  # raises ValueError when the layout does not tile the text
    clean: str = rec["text"]
    removed = [Item.from_dict(r) for r in rec["removed"]]
    cands = [Item.from_dict(r, candidate=True) for r in rec.get("candidates") or []]
    items = tuple(removed + cands)
    pieces: list[tuple[int, int, Op]] = []  # (raw start, raw end, op)
    for s, e, c in rec["layout"]["kept"]:
        pieces.append((s, e, [c, c + (e - s)]))
    for s, t in rec["layout"]["gaps"]:
        pieces.append((s, s + len(t), t))
    for i, r in enumerate(rec["removed"]):
        if r.get("start") is not None:
            pieces.append((r["start"], r["end"], i))
    pieces.sort(key=lambda p: p[0])
    ops = _mark_candidates(pieces, rec.get("candidates") or [], len(removed))
    url = (rec.get("input") or {}).get("url")
    return ArticleData(
        id=str(id),
        clean=clean,
        ops=tuple(ops),
        items=items,
        placement=EXACT,
        url=url,
        lang=lang_code(rec.get("lang")),
        kind=(rec.get("input") or {}).get("kind", "text"),
        notes=tuple(rec.get("warnings") or ()),
        html=html,
        error=rec.get("error"),
    )


def _mark_candidates(pieces: list[tuple[int, int, Op]], candidates: list[dict[str, Any]], offset: int) -> list[Op]:
    """Split kept pieces at candidates' edges; a candidate that overlaps a removal stays in the list only."""
    cand = sorted(
        ((c["start"], c["end"], offset + j) for j, c in enumerate(candidates) if c.get("start") is not None),
        key=lambda t: t[0],
    )
    if not cand:
        return [p[2] for p in pieces]
    ops: list[Op] = []
    for s, e, op in pieces:
        if not isinstance(op, list):
            ops.append(op)
            continue
        c0 = op[0]
        pos = s
        for cs, ce, j in cand:
            lo, hi = max(cs, pos), min(ce, e)
            if hi <= lo or cs < s or ce > e:
                continue  # only candidates that sit wholly inside one kept piece are marked
            if lo > pos:
                ops.append([c0 + pos - s, c0 + lo - s])
            ops.append([c0 + lo - s, c0 + hi - s, j])
            pos = hi
        if pos < e:
            ops.append([c0 + pos - s, c0 + e - s])
    return ops


# from a batch output line ---------------------------------------------------------------------
def from_batch_line(obj: dict[str, Any], *, id: str, text_field: str = "text") -> ArticleData:
    """A batch line: exact when it carries a layout, else placed approximately."""
    if isinstance(obj.get("layout"), dict):
        try:
            rec = {k: obj[k] for k in ("text", "removed", "layout") if k in obj}
            rec["candidates"] = obj.get("candidates") or []
            rec["lang"], rec["input"], rec["warnings"], rec["error"] = (
                obj.get("lang"),
                obj.get("input") or {"url": obj.get("url")},
                obj.get("warnings"),
                obj.get("error"),
            )
            art = from_record(rec, id=id)
            return _with_url(art, obj.get("url"))
        except (ValueError, KeyError, TypeError, IndexError):
            pass  # fall through to the approximation, which says so
    clean = obj.get(text_field)
    if not isinstance(clean, str):
        clean = ""
    removed = [r for r in obj.get("removed") or [] if isinstance(r, dict)]
    items = tuple(Item.from_dict(r) for r in removed)
    ops = approximate_ops(clean, removed)
    notes = [
        "The batch line carries neither the raw text nor a layout: removals are placed by their offsets "
        "in the clean text (whitespace between blocks may differ from the input)."
    ]
    return ArticleData(
        id=str(id),
        clean=clean,
        ops=tuple(ops),
        items=items,
        placement=APPROXIMATE,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        lang=lang_code(obj.get("lang")),
        kind="html" if obj.get("html") is not None and obj.get("html") != "" else "text",
        notes=tuple(notes) if removed else (),
        error=obj.get("error") if isinstance(obj.get("error"), str) else None,
    )


def _with_url(art: ArticleData, url: Any) -> ArticleData:
    if art.url or not isinstance(url, str):
        return art
    from dataclasses import replace

    return replace(art, url=url)


def same_removals(line: dict[str, Any], result: Result) -> bool:
    """Does a fresh cleaning reproduce the batch line's removals (rule and offsets)?"""
    mine = [(r.get("rule"), r.get("start"), r.get("end")) for r in line.get("removed") or [] if isinstance(r, dict)]
    return mine == [(r.rule, r.start, r.end) for r in result.removed]


# HTML: what the stage before the text dropped --------------------------------------------------
def html_stats(page: bytes | str, result: Result) -> HtmlStats:
    """Words of the page's visible text against words of the extracted text."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(page.encode("utf-8") if isinstance(page, str) else page)
        for bad in tree.xpath("//script|//style|//noscript|//template"):
            bad.drop_tree()
        page_words = len(_TOKEN.findall(tree.text_content()))
    except (ValueError, TypeError):  # lxml: empty or undecodable document
        page_words = 0
    extracted = len(_TOKEN.findall(restore(result)))
    rule_elements = sum(1 for r in result.removed if r.stage == "html")
    return HtmlStats(page_words=page_words, extracted_words=extracted, rule_elements=rule_elements)
