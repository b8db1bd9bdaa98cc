"""Every lexicon entry is exercised: each word of each lexicon makes its heuristic fire in a line
of the shape that heuristic removes (a strip example per entry), and the same word inside a
sentence of prose makes it fire nowhere (a keep example per entry). An entry its heuristic can
never match (a character the pattern escapes wrongly, a phrase the matcher's normalization
cannot produce) fails here by name, and so does a new lexicon that no heuristic exercises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pytest

from cleaner import Cleaner, Config
from cleaner.rulebook import Rulebook, load_rulebook
from cleaner.scorer.features import LEXICON_KINDS, LexiconMatcher

BODY = "The council approved the new budget on Tuesday after a long debate about schools and roads."
BODY2 = "Officials said the plan would take effect in March, and residents can comment until Friday."
PROSE = "She said the {w} was mentioned twice in the report that the council released on Tuesday."
# An article of over 100 words, for heuristics that act only below that much text.
LONG_BODY = "\n\n".join([BODY, BODY2] * 4)
# Readers' comments under it: with the entry's line, three lines that praise or thank the writer.
COMMENTS = "\n\n".join(
    [LONG_BODY, LONG_BODY, "{line}", "I agree with the council on the roads.", "Thanks for sharing."]
)


@dataclass(frozen=True)
class Case:
    lexicon: str
    heuristic: str
    lang: str | None  # the lexicon's language (None: language-neutral)
    strip: Callable[[str], str]  # the document holding the entry in the shape the heuristic removes
    gone: Callable[[str], str]  # what of it must be among the heuristic's removals


CASES = (
    Case(
        "share.network-names",
        "share.network-row",
        None,
        lambda w: f"{BODY}\n\n{w.title()}\nFacebook\nTwitter\n\n{BODY2}",
        lambda w: w.title(),
    ),
    Case(
        "promo.lead-in-labels",
        "promo.inline-lead-in",
        None,
        lambda w: f"{BODY}  {w.capitalize()}: Storm Closes Schools Across The Region\n\n{BODY2}",
        lambda w: f"{w.capitalize()}: Storm Closes Schools",
    ),
    Case(
        "credit.photo-labels",
        "credit.inline-caption",
        None,
        lambda w: (
            f"{BODY}\n\nA firefighter carries a child from the flooded house. {w.capitalize()}: Jane Doe\n\n{BODY2}"
        ),
        lambda w: f"{w.capitalize()}: Jane Doe",
    ),
    Case(
        "credit.file-photo-labels",
        "credit.inline-caption",
        None,
        lambda w: f"{BODY}\n\nA firefighter carries a child from the flooded house. {w.capitalize()}.\n\n{BODY2}",
        lambda w: w.capitalize(),
    ),
    Case(
        "credit.position-markers",
        "credit.position-caption",
        None,
        lambda w: f"{BODY}\n\n{BODY2} Jane Doe ({w}) signs the agreement at the city hall. {BODY}",
        lambda w: f"Jane Doe ({w}) signs the agreement at the city hall.",
    ),
    Case(
        "credit.source-labels",
        "credit.source-note",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\n{w.capitalize()}: example.com",
        lambda w: f"{w.capitalize()}: example.com",
    ),
    Case(
        "credit.bio-verbs",
        "credit.closing-bio",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\n--\n\nJane Roe {w} a reporter at the Daily Example.",
        lambda w: f"Jane Roe {w} a reporter",
    ),
    Case(
        "credit.byline-words",
        "credit.sign-off",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\n{w.capitalize()} Jane Doe",
        lambda w: "Jane Doe",
    ),
    Case(
        "headline.loaded-words",
        "headline.loaded",
        "en",
        lambda w: f"{BODY}\n\nSenator {w.title()} Harbor Rivals Over Ferry Fees\n\n{BODY2}",
        lambda w: "Harbor Rivals Over Ferry Fees",
    ),
    Case(
        "headline.clickbait-phrases",
        "headline.loaded",
        "en",
        lambda w: f"{BODY}\n\n{w.title()} The Harbor Ferry Fees\n\n{BODY2}",
        lambda w: "The Harbor Ferry Fees",
    ),
    Case(
        "headline.tags",
        "headline.tagged",
        "en",
        lambda w: f"{BODY}\n\nHarbor Ferry Fees Rise Again [{w.upper()}]\n\n{BODY2}",
        lambda w: "Harbor Ferry Fees Rise Again",
    ),
    Case(
        "headline.question-words",
        "headline.question-kicker",
        "en",
        lambda w: f"{w.capitalize()} the harbor ferry fees rising? {BODY[:-1]} and ferries.\n\n{BODY2}",
        lambda w: f"{w.capitalize()} the harbor ferry fees rising?",
    ),
    Case(
        "appeal.journalism-words",
        "promo.support-appeal",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\nOur {w} depends on readers like you: please support it today.",
        lambda w: f"Our {w} depends on readers",
    ),
    Case(
        "appeal.support-words",
        "promo.support-appeal",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\nIndependent journalism needs its readers: {w} it today.",
        lambda w: f"readers: {w} it today.",
    ),
    Case(
        "service.reader-words",
        "tail.service-note",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\nThe full story is kept for {w} in the digital edition.",
        lambda w: f"kept for {w} in the digital edition",
    ),
    Case(
        "service.paywall-words",
        "tail.service-note",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\nClick for the {w} today.",
        lambda w: f"Click for the {w} today.",
    ),
    Case(
        "service.action-words",
        "tail.service-note",
        None,
        lambda w: f"{BODY}\n\n{BODY2}\n\n{w.capitalize()} for the digital edition.",
        lambda w: f"{w.capitalize()} for the digital edition.",
    ),
    Case(
        "service.call-words",
        "promo.reader-call",
        None,
        lambda w: f"Did you see the storm? Please {w} photos to desk@example.com.\n\n{BODY}\n\n{BODY2}",
        lambda w: f"Please {w} photos",
    ),
    Case(
        "contents.toc-labels",
        "widget.toc-label",
        None,
        lambda w: f"{BODY}\n\n{w.title()}\n\n{BODY2}",
        lambda w: w.title(),
    ),
    Case(
        "contents.toggle-words",
        "widget.toc-label",
        None,
        lambda w: f"{BODY}\n\nTable of Contents {w}\n\n{BODY2}",
        lambda w: f"Table of Contents {w}",
    ),
    Case(
        "tail.closing-headers",
        "tail.closing-section",
        None,
        lambda w: f"{LONG_BODY}\n\n{w.capitalize()}\n\n{BODY2}",
        lambda w: w.capitalize(),
    ),
    Case(
        "tail.closing-header-ends",
        "tail.closing-section",
        None,
        lambda w: f"{LONG_BODY}\n\nMorning {w.capitalize()}\n\n{BODY2}",
        lambda w: f"Morning {w.capitalize()}",
    ),
    Case(
        "comments.praise-words",
        "comments.reader-run",
        None,
        lambda w: COMMENTS.format(line=f"{w.capitalize()} article, I learned a lot.\n\nKeep up the good work."),
        lambda w: f"{w.capitalize()} article",
    ),
    Case(
        "comments.work-words",
        "comments.reader-run",
        None,
        lambda w: COMMENTS.format(line=f"Great {w}, I learned a lot.\n\nKeep up the good work."),
        lambda w: f"Great {w}",
    ),
    Case(
        "comments.reader-phrases",
        "comments.reader-run",
        None,
        lambda w: COMMENTS.format(line=f"{w.capitalize()}, I learned a lot.\n\nNice post, really."),
        lambda w: w.capitalize(),
    ),
    Case(
        "comments.greetings",
        "comments.reader-run",
        None,
        lambda w: COMMENTS.format(line=f"{w.capitalize()} Diana, I learned a lot.\n\nNice post, really."),
        lambda w: f"{w.capitalize()} Diana",
    ),
    Case(
        "tail.link-verbs",
        "tail.link-residue",
        None,
        lambda w: f"{BODY}\n\n{BODY2} {w.capitalize()} the full report",
        lambda w: f"{w.capitalize()} the full report",
    ),
)


@cache
def _rulebook() -> Rulebook:
    return load_rulebook(Config())


@cache
def _cleaner(heuristic: str, lang: str) -> Cleaner:
    return Cleaner(Config(select=(heuristic,), lang=lang))


def _removed(case: Case, text: str) -> list[str]:
    result = _cleaner(case.heuristic, case.lang or "en").clean(text)
    return [r.text for r in result.removed if r.rule == case.heuristic]


def _entries(case: Case) -> tuple[str, ...]:
    return _rulebook().words(case.lexicon, case.lang)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.lexicon)
def test_every_entry_makes_its_heuristic_fire(case: Case) -> None:
    entries = _entries(case)
    assert entries, f"lexicon {case.lexicon} is empty or gone"
    unreached = [w for w in entries if not any(case.gone(w) in r for r in _removed(case, case.strip(w)))]
    assert not unreached, f"{case.heuristic} never removes these entries of {case.lexicon}: {unreached}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.lexicon)
def test_every_entry_in_prose_stays(case: Case) -> None:
    taken = {}
    for w in _entries(case):
        text = f"{BODY}\n\n{PROSE.format(w=w)}\n\n{BODY2}"
        if got := _removed(case, text):
            taken[w] = got
    assert not taken, f"{case.heuristic} removes prose that uses an entry of {case.lexicon}: {taken}"


def test_every_scorer_lexicon_entry_is_a_feature_hit() -> None:
    book = _rulebook()
    words = {kind: book.words(f"scorer.{kind}", None) for kind in LEXICON_KINDS}
    matcher = LexiconMatcher.build(words)
    missed = [
        (kind, w) for kind, ws in words.items() for w in ws if (0, kind) not in matcher.hits(f"{w} ") and w.strip()
    ]
    assert all(words.values()), "a scorer lexicon kind has no words"
    assert not missed, f"scorer lexicon entries the feature never counts: {missed}"


def test_every_lexicon_is_exercised_here() -> None:
    covered = {c.lexicon for c in CASES} | {f"scorer.{kind}" for kind in LEXICON_KINDS}
    assert {lex.id for lex in _rulebook().lexicons} <= covered, "a lexicon without a reachability case in this file"
