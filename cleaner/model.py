"""Values that flow through the pipeline: blocks, removals, language, input facts.

Every value here is a frozen dataclass; stages build new values instead of mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Block kinds. Text input yields heading/paragraph/list_item/quote; HTML adds caption.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
CAPTION = "caption"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, QUOTE, CAPTION)


@dataclass(frozen=True, init=False)
class Block:
    """A unit of the normalized text: ``text[start:end]`` is the block as written.

    ``content_start``/``content_end`` bound the block's words without markup such as a
    Markdown ``#`` or a list bullet; rules and heuristics look at ``content``.
    """

    index: int
    kind: str
    start: int
    end: int
    content_start: int
    content_end: int
    content: str
    level: int = 0  # heading level when known (Markdown/HTML), else 0
    source_hint: str = ""  # "markdown", "html", "" for plain text heuristics
    n_words: int = 0  # words of content in any script (cleaner.text.count_words)
    heading_like: bool = False  # short, title case or capitals, no sentence punctuation

    def __init__(
        self,
        index: int,
        kind: str,
        start: int,
        end: int,
        content_start: int,
        content_end: int,
        content: str,
        level: int = 0,
        source_hint: str = "",
        n_words: int = 0,
        heading_like: bool = False,
    ) -> None:
        # The dataclass's own ``__init__``, its fields set in one step (as ``Removal``'s).
        self.__dict__.update(
            index=index,
            kind=kind,
            start=start,
            end=end,
            content_start=content_start,
            content_end=content_end,
            content=content,
            level=level,
            source_hint=source_hint,
            n_words=n_words,
            heading_like=heading_like,
        )


@dataclass(frozen=True, init=False)
class Removal:
    """One decision to remove a piece, carrying its why from decision to record.

    ``start``/``end`` are offsets into the normalized text (text stage) and are None for
    pieces removed before the text existed (HTML stage).
    """

    rule: str
    category: str
    reason: str
    source: str
    text: str
    confidence: float
    stage: str = "text"
    start: int | None = None
    end: int | None = None
    block: int | None = None
    selector: str | None = None

    def __init__(
        self,
        rule: str,
        category: str,
        reason: str,
        source: str,
        text: str,
        confidence: float,
        stage: str = "text",
        start: int | None = None,
        end: int | None = None,
        block: int | None = None,
        selector: str | None = None,
    ) -> None:
        # The dataclass's own ``__init__``, its fields set in one step: a frozen dataclass sets
        # each through ``object.__setattr__`` (half the cost of a removal; ``replace`` builds one
        # through here too). Parameters and defaults as the fields (tests/test_model_init.py).
        self.__dict__.update(
            rule=rule,
            category=category,
            reason=reason,
            source=source,
            text=text,
            confidence=confidence,
            stage=stage,
            start=start,
            end=end,
            block=block,
            selector=selector,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "reason": self.reason,
            "source": self.source,
            "stage": self.stage,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "confidence": round(self.confidence, 4),
        }
        if self.block is not None:
            out["block"] = self.block
        if self.selector is not None:
            out["selector"] = self.selector
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Removal:
        return cls(
            rule=d["rule"],
            category=d["category"],
            reason=d["reason"],
            source=d["source"],
            text=d["text"],
            confidence=float(d["confidence"]),
            stage=d.get("stage", "text"),
            start=d.get("start"),
            end=d.get("end"),
            block=d.get("block"),
            selector=d.get("selector"),
        )


@dataclass(frozen=True)
class Language:
    code: str  # base language (cleaner.langcodes.base_language), or "und"
    confidence: float
    path: str  # "given" | "stopwords" | "declared" | "script" | "py3langid" | "uncertain" | "mixed" | "none"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "confidence": round(self.confidence, 4), "path": self.path}


@dataclass(frozen=True)
class InputInfo:
    """What is known about the input before cleaning: its kind and how it was decoded."""

    kind: str = "text"  # "text" | "html"
    encoding: str = "str"  # codec used, or "str" when the caller gave a str
    encoding_source: str = "given"  # "given" | "bom" | "http" | "utf-8" | "meta" | "detected" | ...
    url: str | None = None
    extras: tuple[tuple[str, Any], ...] = field(default_factory=tuple)
    url_source: str | None = None  # "given" | "canonical" | "og:url" (HTML: the page's own URL)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
        }
        if self.url:
            out["url"] = self.url
            if self.url_source:
                out["url_source"] = self.url_source
        out.update({k: list(v) if isinstance(v, tuple) else v for k, v in self.extras})
        return out


@dataclass(frozen=True)
class PageMetadata:
    """What an HTML page says about itself (cleaner/html/metadata.py); ``None`` where it says nothing."""

    title: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD, the publication date where the page tells it apart
    sitename: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "author": self.author, "date": self.date, "sitename": self.sitename}


def precedence(confidence: float, order: int) -> tuple[float, int]:
    """Which of two decisions on the same piece of text wins: the more confident, then the one
    decided first (rule order). The text plan ranks block rules by it and ``decide`` settles
    overlaps by it after width: one key, so the plan's first match is the removal ``decide`` keeps."""
    return (-confidence, order)
