"""Inline SVG charts: removals per rule (bars) and removed share per document (histogram).

Labels are escaped; colours come from the report's fixed palette; no style attributes (the
page's Content-Security-Policy allows no inline styles other than its own stylesheet).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

BAR_H = 16
LABEL_W = 210
BAR_W = 300
MAX_BARS = 30
BINS = 20  # 5% each, plus a bar for untouched documents


def rule_bars(rows: Sequence[tuple[str, int, str]]) -> str:
    """``rows``: (rule id, removals, colour); the largest ``MAX_BARS`` are drawn."""
    rows = sorted(rows, key=lambda r: (-r[1], r[0]))[:MAX_BARS]
    if not rows:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="20"><text x="0" y="14">no removals</text></svg>'
    top = max(r[1] for r in rows) or 1
    h = BAR_H * len(rows) + 4
    w = LABEL_W + BAR_W + 60
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="chart-rules" width="{w}" height="{h}" role="img" '
        f'aria-label="removals per rule">'
    ]
    for i, (rule, n, colour) in enumerate(rows):
        y = i * BAR_H + 2
        bw = max(1, round(BAR_W * n / top))
        out.append(
            f'<text x="{LABEL_W - 6}" y="{y + 12}" text-anchor="end">{escape(rule)}</text>'
            f'<rect class="bar" x="{LABEL_W}" y="{y + 2}" width="{bw}" height="{BAR_H - 4}" fill="{colour}">'
            f"<title>{escape(rule)}: {n}</title></rect>"
            f'<text x="{LABEL_W + bw + 4}" y="{y + 12}">{n}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def share_histogram(shares: Sequence[float]) -> str:
    """Documents per removed-share bin: untouched, then (0, 5%], (5, 10%], ... (95, 100%]."""
    counts = [0] * (BINS + 1)
    for s in shares:
        if s <= 0:
            counts[0] += 1
        else:
            counts[min(BINS, 1 + int((min(s, 1.0) * 100 - 1e-9) // (100 / BINS)))] += 1
    top = max(counts) or 1
    bw, ph, left, base = 18, 160, 36, 180
    w = left + bw * len(counts) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="chart-share" width="{w}" height="{base + 34}" role="img" '
        f'aria-label="documents per removed share">'
    ]
    out.append(f'<text x="0" y="12">{top}</text><text x="0" y="{base}">0</text>')
    for i, n in enumerate(counts):
        x = left + i * bw
        bh = round(ph * n / top)
        label = "untouched" if i == 0 else f"{(i - 1) * 100 // BINS}–{i * 100 // BINS}%"
        fill = "#9aa5b1" if i == 0 else "#c0392b"
        out.append(
            f'<rect class="bin" x="{x + 1}" y="{base - bh}" width="{bw - 2}" height="{bh}" fill="{fill}">'
            f"<title>{escape(label)}: {n} documents</title></rect>"
        )
    out.append(
        f'<line x1="{left}" y1="{base}" x2="{w - 10}" y2="{base}" stroke="#666"/>'
        f'<text x="{left}" y="{base + 14}">0</text>'
        f'<text x="{left + bw * 11}" y="{base + 14}">50%</text>'
        f'<text x="{w - 40}" y="{base + 14}">100%</text>'
        f'<text x="{left}" y="{base + 30}">grey: untouched documents; red: removed share of tokens</text>'
    )
    out.append("</svg>")
    return "".join(out)
