"""The pipeline: input -> decode/normalize -> blocks -> rules and heuristics -> Result."""

from __future__ import annotations

import difflib
import logging
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from cleaner import blocks as blocks_mod
from cleaner.config import Config, id_selected
from cleaner.decide import decide
from cleaner.decode import decode_text
from cleaner.errors import ConfigError, InputError
from cleaner.lang import detect_again, detect_language
from cleaner.langcodes import base_language
from cleaner.model import Block, InputInfo, Language, PageMetadata, Removal
from cleaner.normalize import normalize
from cleaner.plan import text_plan
from cleaner.result import Result, assemble
from cleaner.rulebook import Rule, Rulebook, load_rulebook
from cleaner.sites import url_host
from cleaner.timelimit import TimeLimitExceeded, paused, time_limit

log = logging.getLogger(__name__)


_PLANNED_MAX = 4096


@dataclass(frozen=True)
class Prepared:
    """A document decoded, normalized and cut into blocks: what the deciders get, from either path."""

    text: str  # normalized (HTML: the extracted text, normalized)
    blocks: tuple[Block, ...]
    info: InputInfo
    normalization: tuple[tuple[str, str], ...]  # ftfy's steps, replayable
    paths: tuple[tuple[str, str], ...]  # which way each stage went
    removed: tuple[Removal, ...] = ()  # by the HTML stage
    candidates: tuple[Removal, ...] = ()  # the HTML stage's, below min_confidence
    error: str | None = None
    declared_lang: str | None = None  # the page's <html lang>
    metadata: PageMetadata | None = None


class Cleaner:
    """Compiles the rules once; ``clean`` may be called any number of times."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.rulebook: Rulebook = load_rulebook(self.config)
        check_selection(self.config, self.rulebook)
        self._html_rules: list[Rule] | None = None
        self._prepared = False
        # the (language, host) pairs whose text plan is built: their documents skip the pause of
        # the time limit that building one takes (two interval-timer calls per document)
        self._planned: set[tuple[str | None, str | None]] = set()

    def clean(
        self,
        data: str | bytes,
        *,
        lang: str | None = None,
        url: str | None = None,
        html: bool | None = None,
        name: str | None = None,
        site: str | None = None,
        charset: str | None = None,
    ) -> Result:
        """Clean text or HTML. ``html=None`` sniffs the content (and ``name``'s suffix).

        ``charset`` is the transport's charset label for HTML bytes (HTTP ``Content-Type``): the
        decoder prefers it to the page's declaration and to sniffing when it is a known codec the
        bytes decode in. Without ``url``, an HTML page's canonical URL (or ``og:url``) selects the
        site rules. Past ``config.time_limit`` the document passes through unchanged (text input: its
        decoded text; HTML: no text) with the reason in ``error``. ``site`` matters only with
        ``config.boilerplate`` set (site-level repetition)."""
        if html is None:
            html = self._looks_like_html(data, name)  # sniffed once, for the start-up work and the document
        self._prepare(data, html, lang, name)  # start-up work is not the document's time
        try:
            # no limit: no timer, and not the generator context manager's few µs either
            limit = time_limit(self.config.time_limit) if self.config.time_limit > 0 else nullcontext()
            with limit:
                return self._clean(data, lang=lang, url=url, html=html, name=name, site=site, charset=charset)
        except TimeLimitExceeded as exc:
            log.warning("%s", exc)
            return self._passthrough(data, html, name, f"{exc}; passed through unchanged")

    def segments(
        self,
        data: str | bytes,
        *,
        html: bool | None = None,
        url: str | None = None,
        name: str | None = None,
        charset: str | None = None,
    ) -> tuple[Block, ...]:
        """The blocks ``clean`` decides on, without deciding (pass 1 of site-level repetition)."""
        if html is None:
            html = self._looks_like_html(data, name)
        return (self._html_prepared(data, url, charset) if html else self._text_prepared(data, url)).blocks

    def _prepare(self, data: str | bytes, html: bool | None, lang: str | None, name: str | None) -> None:
        """Load what the first document would otherwise load under its time limit."""
        if self.config.time_limit <= 0:
            return
        if html or (html is None and self._looks_like_html(data, name)):
            self.prepare_html()
        if self.config.detect_language and not (lang or self.config.lang):
            from cleaner.lang import preload

            preload()
        if not self._prepared:
            from cleaner.scorer.model import load

            load()
            self._prepared = True

    def _passthrough(self, data: str | bytes, html: bool | None, name: str | None, error: str) -> Result:
        if html is None:
            html = self._looks_like_html(data, name)
        text, info = ("", InputInfo(kind="html")) if html else decode_text(data, max_chars=self.config.max_input_chars)
        language = Language("und", 0.0, "none")
        kept = ((0, len(text), 0),) if text else ()
        return Result(
            text=text,
            removed=(),
            candidates=(),
            lang=language,
            input=info,
            normalization=(),
            kept=kept,
            gaps=(),
            blocks=(),
            paths=(("time-limit", "passthrough"),),
            error=error,
        )

    def _clean(
        self,
        data: str | bytes,
        *,
        lang: str | None,
        url: str | None,
        html: bool | None,
        name: str | None,
        site: str | None = None,
        charset: str | None = None,
    ) -> Result:
        if html is None:
            html = self._looks_like_html(data, name)
        doc = self._html_prepared(data, url, charset) if html else self._text_prepared(data, url)
        return self._finish(doc, lang, site)

    def _text_prepared(self, data: str | bytes, url: str | None) -> Prepared:
        text, info = decode_text(data, max_chars=self.config.max_input_chars)
        if url:
            info = replace(info, url=url, url_source="given")
        norm = normalize(text)
        return Prepared(norm.text, blocks_mod.segment(norm.text), info, norm.steps, (("normalize", norm.path),))

    def clean_file(self, path: Path, **kwargs: object) -> Result:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        return self.clean(data, name=str(path), **kwargs)  # type: ignore[arg-type]

    def _finish(self, doc: Prepared, lang: str | None, site: str | None) -> Result:
        language: Language = detect_language(doc.blocks, self.config, lang, doc.declared_lang)
        code = None if language.code == "und" else language.code
        host = url_host(doc.info.url)
        self._plan(code, host)
        decision = decide(doc.text, doc.blocks, code, self.rulebook, self.config, site, host)
        # What the removals leave may read as another language (a menu in Hindi above an English
        # article): the next cleaning of the output would apply that language's rules, so they
        # decide now (once: cleaning is idempotent when the language of the output holds).
        again = detect_again(doc.blocks, decision.removed, language, self.config, doc.declared_lang)
        if again is not None:
            language = again
            code = None if language.code == "und" else language.code
            self._plan(code, host)
            decision = decide(doc.text, doc.blocks, code, self.rulebook, self.config, site, host)
        clean, kept, gaps = assemble(doc.text, doc.blocks, decision.removed, keep_breaks=doc.info.kind == "text")
        return Result(
            text=clean,
            removed=doc.removed + decision.removed,
            candidates=doc.candidates + decision.candidates,
            lang=language,
            input=doc.info,
            normalization=doc.normalization,
            kept=kept,
            gaps=gaps,
            blocks=doc.blocks,
            paths=doc.paths + (("lang", language.path),),
            warnings=decision.warnings + _lang_warning(lang),
            error=doc.error,
            metadata=doc.metadata,
        )

    def _plan(self, code: str | None, host: str | None) -> None:
        """Build the text plan of a language and host, if not yet built: a language's first document
        compiles its rules, start-up work that is not the document's time."""
        key = (code, host)
        if key in self._planned:
            return
        with paused():
            text_plan(self.rulebook, code, host)
        if len(self._planned) >= _PLANNED_MAX:  # hosts are many in a crawl: the set stays small
            self._planned.clear()
        self._planned.add(key)

    # HTML ---------------------------------------------------------------------------
    def _looks_like_html(self, data: str | bytes, name: str | None) -> bool:
        return _html_sniffer()(data, name)

    def prepare_html(self) -> None:
        """Import the HTML stage (lxml, trafilatura) and compile the HTML rules now rather than
        on the first page: start-up work, done once (forked batch workers share it)."""
        if self._html_rules is None:
            import trafilatura  # noqa: F401  (imported here so that the first page does not pay for it)

            self._html_rules = list(self.rulebook.html_rules())

    def _html_prepared(self, data: str | bytes, url: str | None, charset: str | None = None) -> Prepared:
        from cleaner.html import extract

        self.prepare_html()
        ex = extract(data, url=url, html_rules=self._html_rules, config=self.config, charset=charset)
        raw, blocks = blocks_mod.from_parts(blocks_mod.as_text_reads(ex.blocks))
        text, blocks, steps, path = _normalize_parts(raw, blocks)
        return Prepared(
            text,
            blocks,
            ex.info,
            steps,
            (("normalize", path), ("html", ex.source)),
            removed=ex.removals,
            candidates=ex.held,
            error=ex.error,
            declared_lang=ex.lang,
            metadata=ex.metadata,
        )


@lru_cache(maxsize=1)
def _html_sniffer() -> Callable[[str | bytes, str | None], bool]:
    """``cleaner.html.looks_like_html``, imported at the first document (text-only use never imports
    lxml/trafilatura) and kept: an import statement at each document costs the import machinery."""
    from cleaner.html import looks_like_html

    return looks_like_html


def known_ids(rulebook: Rulebook) -> list[str]:
    """Every rule id in the rulebook's files (selected or not) and every heuristic id, sorted."""
    from cleaner.heuristics import HEURISTICS
    from cleaner.html.heuristics import HTML_HEURISTICS

    return sorted(rulebook.known | {h.id for h in HEURISTICS} | {h.id for h in HTML_HEURISTICS})


def check_selection(config: Config, rulebook: Rulebook) -> None:
    """Every id or prefix given to ``select``/``ignore``/``confidence`` names at least one rule or heuristic; a
    typo would otherwise select nothing, or ignore nothing, without a word. Raises ConfigError
    naming the closest ids (the CLI and the API share this check)."""
    if not (config.select or config.ignore or config.confidence):
        return
    ids = known_ids(rulebook)
    tuned = tuple(k for k, _ in config.confidence)
    for option, values in (("select", config.select), ("ignore", config.ignore), ("confidence", tuned)):
        for value in values:
            if not value.strip(".") or any(id_selected(i, (value,), ()) for i in ids):
                continue
            prefixes = sorted({i.rsplit(".", n)[0] for i in ids for n in range(i.count(".") + 1)} | set(ids))
            raise ConfigError(f"{option} {value!r} matches no rule or heuristic{near_ids_hint(value, prefixes)}")


def near_ids_hint(value: str, candidates: list[str]) -> str:
    """The end of a 'no such id' message: the closest ids, or where to look."""
    close = difflib.get_close_matches(value.rstrip("."), candidates, n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else " (see 'cleaner rules list')"


def _lang_warning(lang: str | None) -> tuple[str, ...]:
    """A given language that is not a language tag is not trusted (the language is detected); say so."""
    if lang and base_language(lang) is None:
        return (f"lang {lang[:40]!r} is not a language tag; the language was detected instead",)
    return ()


def _normalize_parts(
    raw: str, blocks: tuple[Block, ...]
) -> tuple[str, tuple[Block, ...], tuple[tuple[str, str], ...], str]:
    """Normalize the extracted text once, as a whole, so that its recorded steps replay on it.

    The extracted blocks keep their kinds: the normalized text splits back into them at the
    blank lines that join them. In the rare case it does not (ftfy rewrote a line break into
    a blank line), each block is normalized on its own; no single list of steps describes
    that, so none is recorded and the path says "ftfy-blocks"."""
    norm = normalize(raw)
    if norm.text == raw:
        return raw, blocks, norm.steps, norm.path
    pieces = norm.text.split("\n\n")
    if len(pieces) == len(blocks):
        text, again = blocks_mod.from_parts(
            [(b.kind, p, b.level, b.source_hint != "html") for b, p in zip(blocks, pieces, strict=True)]
        )
        if text == norm.text and len(again) == len(blocks):
            return text, again, norm.steps, norm.path
    text, again = blocks_mod.from_parts(
        [(b.kind, normalize(raw[b.start : b.end]).text, b.level, b.source_hint != "html") for b in blocks]
    )
    return text, again, (), "ftfy-blocks"


def clean(
    data: str | bytes,
    *,
    lang: str | None = None,
    url: str | None = None,
    config: Config | None = None,
    html: bool | None = None,
) -> Result:
    """Clean one article (text or HTML) and return the clean text with its record.

    Reuses one ``Cleaner`` per configuration (:func:`shared_cleaner`), so calling it in a loop
    costs what a reused ``Cleaner`` costs."""
    return shared_cleaner(config).clean(data, lang=lang, url=url, html=html)


# A cache, not state: one Cleaner per configuration, its rule files looked at again (paths, sizes,
# modification times) at most every _RECHECK_SECONDS, so an edited rule file is read again.
_RECHECK_SECONDS = 1.0
_SHARED_MAX = 8
_shared: dict[Config, tuple[Cleaner, float]] = {}
_shared_lock = threading.Lock()


def shared_cleaner(config: Config | None = None) -> Cleaner:
    """The cached ``Cleaner`` for ``config`` (thread-safe; each process has its own cache)."""
    key = config or Config()
    try:
        hash(key)
    except TypeError:  # a config carrying an unhashable value (e.g. a custom boilerplate table)
        return Cleaner(key)
    now = time.monotonic()
    with _shared_lock:
        entry = _shared.get(key)
    if entry is not None and now - entry[1] < _RECHECK_SECONDS:
        return entry[0]
    cleaner = entry[0] if entry is not None and entry[0].rulebook is load_rulebook(key) else Cleaner(key)
    with _shared_lock:
        if key not in _shared and len(_shared) >= _SHARED_MAX:
            del _shared[next(iter(_shared))]  # the oldest configuration goes
        _shared[key] = (cleaner, now)
    return cleaner
