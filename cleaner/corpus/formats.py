"""check's output formats, like ruff's: text, json, json-lines, github, sarif, junit; and --statistics."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

from cleaner import __version__

from .lint import FileReport, Finding

FORMATS = ("text", "json", "json-lines", "github", "sarif", "junit")


def render(fmt: str, reports: Sequence[FileReport], summary: dict[str, Any], diffs: dict[str, str]) -> str:
    """The whole output for the formats written at the end (everything but text)."""
    if fmt == "json":
        files = []
        for rep in reports:
            d = rep.to_dict()
            d["candidates"] = [f.to_dict() for f in rep.candidates]
            if str(rep.path) in diffs:
                d["diff"] = diffs[str(rep.path)]
            files.append(d)
        return json.dumps({"files": files, "summary": summary}, ensure_ascii=False, indent=2) + "\n"
    findings = [f for rep in reports for f in (*rep.findings, *rep.candidates)]
    if fmt == "json-lines":
        return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in findings)
    if fmt == "github":
        return "".join(github(f) + "\n" for f in findings)
    if fmt == "sarif":
        return json.dumps(sarif(findings), ensure_ascii=False, indent=2) + "\n"
    if fmt == "junit":
        return junit(reports)
    raise ValueError(fmt)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(f: Finding) -> str:
    """A GitHub Actions workflow command: an annotation on the file's line."""
    level = "notice" if f.candidate else "error"
    props = (
        f"title={_escape_property('cleaner (' + f.rule + ')')},file={_escape_property(f.path)},line={f.line},"
        f"col={f.col},endLine={f.end_line or f.line},endColumn={f.end_col or f.col}"
    )
    message = f.format()
    return f"::{level} {props}::{_escape_data(message)}"


def sarif(findings: Sequence[Finding]) -> dict[str, Any]:
    """SARIF 2.1.0 (code scanning): one run, the rules that fired, one result per finding."""
    rules: dict[str, dict[str, Any]] = {}
    for f in findings:
        rules.setdefault(
            f.rule, {"id": f.rule, "shortDescription": {"text": f.reason}, "properties": {"category": f.category}}
        )
    results = [
        {
            "ruleId": f.rule,
            "level": "note" if f.candidate else "warning",
            "message": {"text": f'{f.reason} "{f.snippet}"'},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path.replace("\\", "/")},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.col,
                            "endLine": f.end_line or f.line,
                            "endColumn": f.end_col or f.col,
                        },
                    }
                }
            ],
            "properties": {"confidence": round(f.confidence, 4), "category": f.category, "candidate": f.candidate},
        }
        for f in findings
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "cleaner", "version": __version__, "rules": list(rules.values())}},
                "results": results,
            }
        ],
    }


def junit(reports: Sequence[FileReport]) -> str:
    """JUnit XML: a test suite per file, a failing test case per finding (a passing one when clean)."""
    total = sum(max(1, len(r.findings)) for r in reports)
    failures = sum(len(r.findings) for r in reports)
    errors = sum(len(r.errors) for r in reports)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="cleaner" tests="{total}" failures="{failures}" errors="{errors}">',
    ]
    for rep in reports:
        path = str(rep.path)
        n = max(1, len(rep.findings))
        out.append(
            f'  <testsuite name={quoteattr(path)} tests="{n}" failures="{len(rep.findings)}" '
            f'errors="{len(rep.errors)}">'
        )
        if not rep.findings and not rep.errors:
            out.append(f'    <testcase name={quoteattr(path)} classname="cleaner"/>')
        for f in rep.findings:
            name = quoteattr(f"{f.rule} at {f.line}:{f.col}")
            out.append(f'    <testcase name={name} classname={quoteattr(path)} file={quoteattr(path)} line="{f.line}">')
            body = _xml_text(f'{f.path}:{f.line}:{f.col}: {f.rule} {f.reason} "{f.snippet}"')
            out.append(f"      <failure message={quoteattr(f.reason)} type={quoteattr(f.rule)}>{body}</failure>")
            out.append("    </testcase>")
        for e in rep.errors:
            out.append(f"    <testcase name={quoteattr('error')} classname={quoteattr(path)}>")
            out.append(f"      <error message={quoteattr(e)}/>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def _xml_text(text: str) -> str:
    text = "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def statistics(reports: Sequence[FileReport]) -> str:
    """Findings per rule, most frequent first: count, rule, reason (ruff's --statistics)."""
    counts: Counter[str] = Counter()
    reasons: dict[str, str] = {}
    for rep in reports:
        for f in rep.findings:
            counts[f.rule] += 1
            reasons.setdefault(f.rule, f.reason)
    if not counts:
        return ""
    width = max(len(r) for r in counts)
    return "".join(f"{n:>6}  {rule:<{width}}  {reasons[rule]}\n" for rule, n in counts.most_common())
