"""HTML-stage heuristics: named like rules (id, category, reason), decided on the page's markup.

The functions that apply them live in page.py (they walk the page's tree); this module holds
what each one is, so that `cleaner rules list/show` and select/ignore treat them like the
text heuristics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cleaner.config import Config, id_selected
from cleaner.model import Removal


@dataclass(frozen=True)
class HtmlHeuristic:
    id: str
    category: str
    reason: str
    doc: str
    confidence: float
    selector: str  # what the removal records as the element it matched

    @property
    def source(self) -> str:
        return f"heuristic:{self.id}"

    def tuned(self, config: Config) -> HtmlHeuristic:
        """This heuristic with the confidence the configuration gives it."""
        c = config.confidence_of(self.id, self.confidence)
        return self if c == self.confidence else replace(self, confidence=c)

    def selected(self, config: Config) -> bool:
        return id_selected(self.id, config.select, config.ignore)

    def removal(self, text: str) -> Removal:
        return Removal(
            self.id,
            self.category,
            self.reason,
            self.source,
            text,
            self.confidence,
            stage="html",
            selector=self.selector,
        )


PAGE_TITLE = HtmlHeuristic(
    "title.page-title",
    "title",
    "The page's own title repeated at the top of the body: the title is metadata, not part of the article text.",
    "Drops the first extracted block when it equals the page's <title>, og:title or twitter:title "
    "(whole, or either side of a ' | ' or ' - ' site-name separator). Removed (confidence 0.6): on the dev "
    "collections it fired on 263 of 1044 pages and raised shingle F1 on each (aeb +0.003, wcxb +0.001, "
    "naeb +0.003); the title was a line of the true body on 12 of them (84 of 2506 tokens, 3.4%; WCXB keeps "
    "some titles). The per-rule audit's token measure reads ~15%: it also counts the title's 4-grams that "
    "the lead paragraph repeats, which stay in the text.",
    0.6,
    "first block = <title>/og:title",
)
STANDFIRST = HtmlHeuristic(
    "title.standfirst",
    "title",
    "Standfirst (the summary set as a heading under the headline) at the top of the body: page header, not article text.",
    "Reports a first block marked up as a heading but written as sentences (8+ words, ending in '.' or '!'). "
    "A candidate only (confidence 0.45): the per-rule audit found 71% of what it removed in the true bodies "
    "of the dev collections, which keep the standfirst.",
    0.45,
    "first block: heading written as a sentence",
)
LINKED_HEADLINE = HtmlHeuristic(
    "headline.linked",
    "headline",
    "A paragraph that is only a link set as a headline, after the article's paragraphs began: another story's headline.",
    "Drops a <p> whose whole text is one <a href> in title case or capitals (4+ words), standing after a "
    "body paragraph of 15+ words, that shares no content word with the paragraph after it (an own subhead "
    "introduces what follows). A candidate only (confidence 0.45): the per-rule audit found 26% of what it "
    "removed in the true bodies (naeb 41%, wcxb 25%).",
    0.45,
    "p whose whole text is one <a href>",
)
LINK_LIST = HtmlHeuristic(
    "related.link-list",
    "related",
    "A list whose every item is one link to another story, after the article's paragraphs began: related-content links.",
    "Drops a <ul>/<ol> whose every item is one link of 4+ words, standing after a body paragraph and before "
    "none: an article's own list of links (a listicle, a reading list) has prose after it.",
    0.8,
    "ul/ol whose every li is one <a href>",
)
HTML_HEURISTICS: tuple[HtmlHeuristic, ...] = (PAGE_TITLE, STANDFIRST, LINKED_HEADLINE, LINK_LIST)
