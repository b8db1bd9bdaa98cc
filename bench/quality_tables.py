"""Markdown tables of a harness run (quality.md, audit.md) and its raw figures (quality.json)."""

from __future__ import annotations

import json
from pathlib import Path

from bench import audit


def _f(x: float) -> str:
    return f"{x:.3f}"


def _d(x: float) -> str:
    return f"{x:+.3f}"


def quality_markdown(rep: dict) -> str:
    meta = rep["meta"]
    out = [
        f"# Quality harness: {meta['pages']} HTML pages, {meta['wild']} wild-dev articles",
        "",
        f"Config: `{json.dumps(meta['config'])}`. Regenerate: `python bench/quality.py`.",
        "",
    ]
    out += [
        "## HTML path beside trafilatura (shingle F1 / P / R / exact, word F1)",
        "",
        "| collection | pages | trafilatura | trafilatura favor_recall | cleaner | Δ F1 vs trafilatura |",
        "| --- | ---: | --- | --- | --- | ---: |",
    ]
    for coll, s in rep["collections"].items():
        if "html" not in s:
            continue
        t, tr, c = s["traf"], s["traf_recall"], s["html"]
        out.append(f"| {coll} | {c['n']} | {_cell(t)} | {_cell(tr)} | {_cell(c)} | **{_d(c['f1'] - t['f1'])}** |")
    out += [
        "",
        "## Text path on scraper-style text beside that text uncleaned (shingle F1, word F1)",
        "",
        "| collection | favor_recall text: uncleaned | cleaned | Δ | naive join: uncleaned | cleaned | Δ |",
        "| --- | --- | --- | ---: | --- | --- | ---: |",
    ]
    for coll, s in rep["collections"].items():
        nothing = {"f1": float("nan"), "wf1": float("nan")}
        a, c = s["recall_raw"], s["naive_raw"]
        b, d = s.get("recall_clean", nothing), s.get("naive_clean", nothing)
        out.append(
            f"| {coll} | {_short(a)} | {_short(b)} | **{_d(b['f1'] - a['f1'])}** | {_short(c)} | {_short(d)} "
            f"| **{_d(d['f1'] - c['f1'])}** |"
        )
    out += [
        "",
        "## True bodies fed in as text",
        "",
        "Tokens a removal took from the true body (counted on the normalized text), and the documents it "
        "touched; apart, the documents whose truth normalization repaired (mojibake, literal entities): "
        "no removal, but the output's tokens differ from the truth's.",
        "",
        "| collection | tokens lost | documents touched | repaired by normalization |",
        "| --- | ---: | ---: | ---: |",
    ]
    for coll, t in rep["truth_as_text"].items():
        share = t["lost"] / t["tokens"] if t["tokens"] else 0.0
        out.append(
            f"| {coll} | {t['lost']} of {t['tokens']} ({share:.3%}) | {t['touched']} of {t['docs']} "
            f"({t['touched'] / max(1, t['docs']):.1%}) | {t.get('repaired', 0)} |"
        )
    if rep.get("wild"):
        out += wild_markdown(rep["wild"])
    out += [
        "",
        "## Per language (languages with ≥ 10 pages in a collection; shingle F1)",
        "",
        "| collection | lang | pages | trafilatura | cleaner HTML | Δ | recall text → cleaned | naive → cleaned |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for coll, langs in rep["languages"].items():
        for lang, s in langs.items():
            if not {"html", "recall_clean", "naive_clean"} <= set(s):
                continue
            out.append(
                f"| {coll} | {lang} | {s['html']['n']} | {_f(s['traf']['f1'])} | {_f(s['html']['f1'])} | "
                f"{_d(s['html']['f1'] - s['traf']['f1'])} | {_f(s['recall_raw']['f1'])} → "
                f"{_f(s['recall_clean']['f1'])} | {_f(s['naive_raw']['f1'])} → {_f(s['naive_clean']['f1'])} |"
            )
    if rep["errors"]:
        out += ["", f"Pages with an error in the record: {len(rep['errors'])} (first: {rep['errors'][0]})"]
    return "\n".join(out) + "\n"


def wild_markdown(w: dict) -> list[str]:
    out = [
        "",
        f"## wild-dev: {w['articles']} scraped articles, {w['spans']} labelled debris spans",
        "",
        f"- spans removed: **{w['removed']} of {w['spans']} ({w['removed'] / max(1, w['spans']):.1%})**",
        f"- body tokens kept: **{1 - w['body_lost'] / max(1, w['body_tokens']):.2%}** "
        f"({w['body_lost']} of {w['body_tokens']} lost)",
        f"- debris-free articles touched by a removal: **{w['clean_touched']} of {w['clean_articles']}**; "
        f"output differs from the input: {w['clean_changed']}",
        f"- articles exactly equal to the labelled clean text: {w['exact']} of {w['articles']}",
        f"- shingle F1 against the clean text: uncleaned {_f(w['f1_raw']['f1'])}, cleaned {_f(w['f1_clean']['f1'])}",
        "",
        "| category | spans | removed | share |",
        "| --- | ---: | ---: | ---: |",
    ]
    for cat, c in w["categories"].items():
        out.append(f"| {cat} | {c['spans']} | {c['removed']} | {c['removed'] / max(1, c['spans']):.0%} |")
    out += [
        "",
        "| language | articles | spans removed | body kept | debris-free touched |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for lang, s in w["languages"].items():
        if s["articles"] < 5:
            continue
        out.append(
            f"| {lang} | {s['articles']} | {s['removed']} of {s['spans']} | "
            f"{1 - s['body_lost'] / max(1, s['body']):.2%} | {s['touched']} of {s['clean']} |"
        )
    return out


def _cell(s: dict) -> str:
    return f"{_f(s['f1'])} / {_f(s['p'])} / {_f(s['r'])} / {_f(s['acc'])}, {_f(s['wf1'])}"


def _short(s: dict) -> str:
    return f"{_f(s['f1'])}, {_f(s['wf1'])}"


def write_reports(rep: dict, stats: dict, out_dir: Path, label: str = "") -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = f"-{label}" if label else ""
    text = quality_markdown(rep)
    (out_dir / f"quality{suffix}.md").write_text(text, encoding="utf-8")
    (out_dir / f"quality{suffix}.json").write_text(json.dumps(rep, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    head = (
        "# Per-rule audit\n\nEvery rule, heuristic and model that removed something in the harness run "
        "(`python bench/quality.py`), over all runs: HTML path, text path on both scraper-style inputs, true "
        "bodies as text, wild-dev. False-removal rate = share of its removed tokens that belong to the true "
        "body (see bench/audit.py). Limit: 5% for rules with ≥ 20 firings.\n\n"
    )
    (out_dir / f"audit{suffix}.md").write_text(head + audit.audit_markdown(stats), encoding="utf-8")
    over = [r for r, s in stats.items() if s.false_rate > 0.05 and s.firings >= 20]
    return text + f"\nRules over 5% false removals with ≥ 20 firings: {', '.join(sorted(over)) or 'none'}\n"


README_START = "<!-- quality:start (generated by python bench/quality.py; do not edit) -->"
README_END = "<!-- quality:end -->"


def readme_section(rep: dict) -> str:
    """The README's quality table: every collection beside trafilatura, the text path, wild-dev."""
    meta = rep["meta"]
    out = [
        README_START,
        "",
        f"Measured by `python bench/quality.py` on {meta['pages']} HTML pages and {meta['wild']} wild-dev "
        "articles, all of them development data (the rules and heuristics were written and audited on "
        "them; held-out collections of other sites decide). Shingle F1 (and WCXB's word F1):",
        "",
        "| collection | trafilatura | cleaner HTML path | text path on favor_recall text: uncleaned → cleaned "
        "| text path on a naive paragraph join: uncleaned → cleaned | true bodies as text: tokens lost, touched |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for coll, s in rep["collections"].items():
        if "html" not in s:
            continue
        t = rep["truth_as_text"].get(coll, {"lost": 0, "tokens": 1, "touched": 0, "docs": 1})
        out.append(
            f"| {coll} ({s['html']['n']} pages) | {_f(s['traf']['f1'])} ({_f(s['traf']['wf1'])}) | "
            f"**{_f(s['html']['f1'])}** ({_f(s['html']['wf1'])}) | {_f(s['recall_raw']['f1'])} → "
            f"{_f(s.get('recall_clean', {'f1': float('nan')})['f1'])} | {_f(s['naive_raw']['f1'])} → "
            f"{_f(s.get('naive_clean', {'f1': float('nan')})['f1'])} | "
            f"{t['lost'] / max(1, t['tokens']):.2%}, {t['touched']} of {t['docs']} |"
        )
    w = rep.get("wild")
    if w:
        out += [
            "",
            f"wild-dev ({w['articles']} scraped articles, 22 languages, {w['spans']} labelled debris spans): "
            f"**{w['removed']} spans removed ({w['removed'] / max(1, w['spans']):.0%})**, "
            f"{1 - w['body_lost'] / max(1, w['body_tokens']):.2%} of body tokens kept, "
            f"{w['clean_touched']} of {w['clean_articles']} debris-free articles touched; per category and per "
            "language in `bench/results/quality.md`, per rule in `bench/results/audit.md`.",
        ]
    out += ["", README_END]
    return "\n".join(out)


def update_readme(readme: Path, rep: dict) -> bool:
    """Replace the generated section of the README; False when the markers are absent."""
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    a, b = text.index(README_START), text.index(README_END) + len(README_END)
    readme.write_text(text[:a] + readme_section(rep) + text[b:], encoding="utf-8")
    return True
