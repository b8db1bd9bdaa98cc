"""Per-rule audit: which removed tokens were true body.

Each removal becomes an :class:`Entry` (rule, category, stage, tokens removed, of which body,
its text). What counts as body:

- text-stage removals (offsets into the text the rules saw): a removed token is body when a
  4-token shingle of that text containing it is *missing* from the output: it occurs in the truth
  more often than in the cleaned text (so "Read more" inside a body sentence is body, a "Read more"
  line between paragraphs is not, and a page title whose words the kept lead repeats is not);
- HTML-stage removals (an element, no offsets): the share of the element's tokens covered by
  shingles missing from the output in the same sense (runs under 4 tokens: body when the run
  occurs in the truth);
- wild-dev (labelled spans): a removed token is body when it lies outside every debris span.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.measure import TOKEN, N

Entry = tuple[str, str, str, int, int, str]  # rule, category, stage, tokens, body tokens, text
FEW_SITES = 3  # a rule with many firings on fewer sites than this is flagged: written for a site


def token_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def shingle_counts(text: str | None) -> Counter:
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i : i + N]) for i in range(max(0, len(toks) - N + 1)))


@dataclass(frozen=True)
class Truth:
    shingles: frozenset
    joined: str  # " tok tok tok " for runs shorter than a shingle
    counts: Counter = field(default_factory=Counter, compare=False)  # occurrences of each shingle

    @classmethod
    def of(cls, text: str) -> Truth:
        toks = TOKEN.findall(text or "")
        counts = shingle_counts(text)
        sh = frozenset(counts)
        if 0 < len(toks) < N:
            sh = frozenset({tuple(toks)})
        return cls(sh, " " + " ".join(toks) + " ", counts)

    def has_run(self, toks: Sequence[str]) -> bool:
        return bool(toks) and (" " + " ".join(toks) + " ") in self.joined


def body_mask(toks: Sequence[str], truth: Truth, kept: Counter | None = None) -> list[bool]:
    """For each token: does a shingle of this token sequence that contains it occur in the truth
    (and, given the output's shingle counts ``kept``, more often there than in the output)?"""
    n = len(toks)
    mask = [False] * n
    if n < N:
        if truth.has_run(toks):
            mask = [True] * n
        return mask
    for i in range(n - N + 1):
        sh = tuple(toks[i : i + N])
        if sh in truth.shingles and (kept is None or truth.counts[sh] > kept[sh]):
            for k in range(i, i + N):
                mask[k] = True
    return mask


def text_stage_entries(text: str, removals: Iterable, truth: Truth, output: str | None = None) -> list[Entry]:
    """``text``: what the rules saw; ``output``: the cleaned text (None: any shingle of the truth counts)."""
    spans = token_spans(text)
    starts = [s for s, _, _ in spans]
    mask = body_mask([t for _, _, t in spans], truth, None if output is None else shingle_counts(output))
    out: list[Entry] = []
    for r in removals:
        if r.start is None:
            continue
        lo, hi = bisect.bisect_left(starts, r.start), bisect.bisect_left(starts, r.end)
        n = hi - lo
        body = sum(mask[lo:hi])
        out.append((r.rule, r.category, r.stage, n, body, r.text))
    return out


def element_entries(removals: Iterable, truth: Truth, output: str | None = None) -> list[Entry]:
    out: list[Entry] = []
    kept = None if output is None else shingle_counts(output)
    for r in removals:
        if r.start is not None:
            continue
        toks = TOKEN.findall(r.text or "")
        mask = body_mask(toks, truth, kept)
        out.append((r.rule, r.category, r.stage, len(toks), sum(mask), r.text))
    return out


def labelled_entries(raw_spans: list[tuple[int, int, bool]], removals_raw: Iterable) -> list[Entry]:
    """wild-dev: ``raw_spans`` = (start, end, is_debris) per token of the raw text;
    ``removals_raw`` = (removal, start, end) with offsets mapped into the raw text."""
    starts = [s for s, _, _ in raw_spans]
    out: list[Entry] = []
    for r, s, e in removals_raw:
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        n = hi - lo
        body = sum(1 for k in range(lo, hi) if not raw_spans[k][2])
        out.append((r.rule, r.category, r.stage, n, body, r.text))
    return out


@dataclass
class RuleStats:
    firings: int = 0
    tokens: int = 0
    body: int = 0
    by_run: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    samples: list[tuple[int, str, str]] = field(default_factory=list)  # (body tokens, run, text)
    sites: Counter = field(default_factory=Counter)  # firings per site (page host, wild-dev site)

    @property
    def false_rate(self) -> float:
        return self.body / self.tokens if self.tokens else 0.0

    @property
    def top_site_share(self) -> float:
        """The share of its firings on the one site it fires on most."""
        return max(self.sites.values()) / self.firings if self.firings and self.sites else 0.0

    def few_sites(self, min_firings: int, min_sites: int = FEW_SITES) -> bool:
        """Fires often, but on fewer than ``min_sites`` sites: a rule written for a site, not a kind
        of debris (the truth-as-text runs do not count: any firing there is a false removal)."""
        return self.firings >= min_firings and len(self.sites) < min_sites


def aggregate(entries: Iterable[tuple[str, str | None, Entry]]) -> dict[str, RuleStats]:
    """``entries``: (run label, site, entry). Keeps the three largest false removals per rule."""
    stats: dict[str, RuleStats] = defaultdict(RuleStats)
    for run, site, (rule, _cat, _stage, n, body, text) in entries:
        s = stats[rule]
        s.firings += 1
        if site and not run.startswith("truth"):
            s.sites[site] += 1
        s.tokens += n
        s.body += body
        kind = run.replace("-dev", "")
        k = s.by_run[kind]
        k[0] += 1
        k[1] += n
        k[2] += body
        if body:
            s.samples.append((body, run, text))
            s.samples.sort(key=lambda x: -x[0])
            del s.samples[3:]
    return dict(stats)


def snippet(text: str, limit: int = 140) -> str:
    t = re.sub(r"\s+", " ", text or "").strip().replace("|", "\\|")
    return t if len(t) <= limit else t[: limit - 1] + "…"


def audit_markdown(stats: dict[str, RuleStats], limit_rate: float = 0.05, min_firings: int = 20) -> str:
    lines = [
        "| rule | firings | tokens removed | body tokens | false-removal rate | sites (the top one's share) | flag "
        "| by input: firings, false rate |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    order = sorted(stats.items(), key=lambda kv: (-kv[1].firings, kv[0]))
    for rule, s in order:
        flag = "**over 5%**" if s.false_rate > limit_rate and s.firings >= min_firings else ""
        if not flag and s.false_rate > limit_rate:
            flag = f"over 5% (< {min_firings} firings)"
        if s.few_sites(min_firings):
            flag = ", ".join(x for x in (flag, f"**< {FEW_SITES} sites**") if x)
        spread = f"{len(s.sites)} ({s.top_site_share:.0%} {s.sites.most_common(1)[0][0]})" if s.sites else "-"
        runs = " · ".join(
            f"{kind} {f}, {b / t:.0%}" if t else f"{kind} {f}" for kind, (f, t, b) in sorted(s.by_run.items())
        )
        lines.append(
            f"| `{rule}` | {s.firings} | {s.tokens} | {s.body} | {s.false_rate:.1%} | {spread} | {flag} | {runs} |"
        )
    lines.append("")
    lines.append(
        "Inputs: `html` the HTML path on the pages, `recall`/`naive` the text path on the two scraper-style "
        "texts, `truth` the true bodies as text (every removal there is false), `wild` wild-dev. "
        "Sites: the distinct sites (page hosts, wild-dev's sites) it fires on outside the truth runs, and the share "
        f"of its firings on the one it fires on most, named; flagged when it fires {min_firings} times or more on fewer "
        f"than {FEW_SITES} sites (written for a site, not a kind of debris)."
    )
    lines.append("")
    lines.append("### Sample false removals (up to three per rule, largest first)")
    lines.append("")
    for rule, s in order:
        if not s.samples:
            continue
        lines.append(f"- `{rule}`:")
        for body, run, text in s.samples:
            lines.append(f"  - [{run}, {body} body tokens] {snippet(text)}")
    return "\n".join(lines) + "\n"
