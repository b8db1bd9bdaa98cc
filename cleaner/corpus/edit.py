"""The minimal edit: the normalized text with each removed piece cut out, layout kept.

Unlike ``Result.text`` (kept blocks re-joined with blank lines), this keeps the file's own
layout: untouched lines stay byte for byte; a line whose whole content was removed goes
with its line break; blank lines around removed lines collapse to the separator that was
there (the longest run between two kept lines; none at the start or the end of the text).
Lines where only part was removed keep the rest, trimmed at the cut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from cleaner.decode import sniff_bom
from cleaner.errors import InputError
from cleaner.model import Removal


def merged_spans(removed: Iterable[Removal]) -> list[tuple[int, int]]:
    spans = sorted((r.start, r.end) for r in removed if r.start is not None and r.end is not None)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def raw_lines(raw_text: str, norm: str, normalize_line: Callable[[str], str]) -> list[str] | None:
    """The raw text's lines (LF-split), one for each line of the normalized text, when each
    raw line normalizes on its own to that line: ftfy's repairs stayed within lines. Else None."""
    raw_lf = raw_text.replace("\r\n", "\n")
    rl, nl = raw_lf.split("\n"), norm.split("\n")
    if len(rl) != len(nl):
        return None
    if all(a == b or normalize_line(a) == b for a, b in zip(rl, nl, strict=True)):
        return rl
    return None


def minimal_edit(text: str, removed: Sequence[Removal], originals: Sequence[str] | None = None) -> str:
    """``text`` (normalized) with the removed pieces cut out. With ``originals`` (the raw
    lines, one per line of ``text``, see raw_lines), a line nothing was cut from is written
    as it was in the raw input: fix removes debris and changes nothing else."""
    spans = merged_spans(removed)
    if not spans:
        return text if originals is None else "\n".join(originals)
    trailing_nl = text.endswith("\n")
    body = text[:-1] if trailing_nl else text
    lines = body.split("\n")
    src = list(originals[: len(lines)]) if originals is not None else lines  # what an untouched line is written as
    # per line: None = untouched, "" = dropped, else the edited content
    edited: list[str | None] = []
    pos = 0
    k = 0
    for line in lines:
        ls, le = pos, pos + len(line)
        pos = le + 1
        while k < len(spans) and spans[k][1] <= ls:
            k += 1
        j = k
        cuts: list[tuple[int, int]] = []
        while j < len(spans) and spans[j][0] < le:
            cuts.append((max(spans[j][0], ls) - ls, min(spans[j][1], le) - ls))
            j += 1
        if not cuts:
            edited.append(None)
            continue
        edited.append(_cut_line(line, cuts))
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        if edited[i] is None and lines[i].strip():
            out.append(src[i])
            i += 1
            continue
        if edited[i] not in (None, "") and edited[i].strip():  # type: ignore[union-attr]
            out.append(edited[i])  # type: ignore[arg-type]
            i += 1
            continue
        # a gap: blank and dropped lines up to the next line with content
        j = i
        while j < n and not (edited[j] is None and lines[j].strip()) and not (edited[j] and edited[j].strip()):  # type: ignore[union-attr]
            j += 1
        out.extend(_gap(src, edited, i, j, at_start=not out, at_end=j == n))
        i = j
    result = "\n".join(out)
    if trailing_nl and out:
        result += "\n"
    return result


def _cut_line(line: str, cuts: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    pos = 0
    for s, e in cuts:
        piece = line[pos:s]
        if pieces and piece[:1].isspace() and pieces[-1][-1:].isspace():
            piece = piece.lstrip()
        if pos > 0 and not pieces:  # the line started with a cut: the rest starts at its words
            piece = piece.lstrip()
        pieces.append(piece)
        pos = max(pos, e)
    rest = line[pos:]
    if pos < len(line):
        if pieces and pieces[-1][-1:].isspace() and rest[:1].isspace():
            rest = rest.lstrip()
        elif not "".join(pieces).strip():
            indent = line[: len(line) - len(line.lstrip())]
            rest = indent + rest.lstrip()
        pieces.append(rest)
    else:
        pieces[-1:] = [pieces[-1].rstrip()] if pieces else []
    joined = "".join(pieces)
    return joined if joined.strip() else ""


def _gap(lines: list[str], edited: list[str | None], i: int, j: int, *, at_start: bool, at_end: bool) -> list[str]:
    """The blank lines to keep for lines[i:j] (each blank, or dropped)."""
    dropped = [edited[x] is not None for x in range(i, j)]
    if not any(dropped):
        return lines[i:j]
    runs: list[list[str]] = [[]]
    for x in range(i, j):
        if edited[x] is not None:
            runs.append([])
        else:
            runs[-1].append(lines[x])
    if at_start and at_end:
        return []
    if at_start:
        return runs[0]
    if at_end:
        return runs[-1]
    return max(runs, key=len)


# newline style and encoding -------------------------------------------------------------
def newline_style(raw_text: str) -> str:
    crlf = raw_text.count("\r\n")
    lf = raw_text.count("\n") - crlf
    return "\r\n" if crlf > lf else "\n"


def encode_like(text: str, raw: bytes, encoding: str) -> bytes:
    """Encode ``text`` as the original was: same codec, same byte-order mark."""
    found = sniff_bom(raw)
    if found is not None:
        bom, codec = found
        return bom + text.encode(codec)
    codec = "utf-8" if encoding in ("str", "utf-8", "utf-8-sig") else encoding
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"cannot write the fixed text back as {codec}: {exc.reason} ({text[exc.start : exc.end]!r})"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {codec!r}") from None
