"""Synthetic news-like articles with debris lines, for benches and tests (deterministic)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

_SUBJECTS = [
    "The city council",
    "The minister",
    "Local residents",
    "The company",
    "Officials",
    "The mayor",
    "Researchers at the university",
    "The police",
    "Union leaders",
    "The regional government",
]
_VERBS = [
    "said on Tuesday that",
    "announced that",
    "warned that",
    "confirmed that",
    "argued that",
    "told reporters that",
    "denied that",
    "insisted that",
]
_CLAUSES = [
    "the new budget would be approved by the end of the month",
    "the bridge would remain closed for at least two more weeks",
    "the plan was the best way to reduce traffic in the old town",
    "they had not been consulted before the decision was made",
    "the number of visitors had doubled since last year",
    "the investigation into the fire was still going on",
    "it was too early to say what had caused the delay",
    "the school would open again after the holidays",
    "prices for energy and food were expected to rise again this winter",
    "more than a hundred people had signed the letter to the board",
]
_EXTRA = [
    "according to a statement released in the afternoon",
    "in an interview with this newspaper",
    "after a meeting that lasted several hours",
    "despite strong protests from the opposition",
    "as the results of the survey were published",
]
_DEBRIS = [
    "Read more: Council approves new parking rules",
    "Share on Facebook",
    "Share on Twitter",
    "Subscribe to our newsletter for the latest news",
    "Advertisement",
    "Read more: Ten things to do this weekend",
    "Click here to subscribe",
    "Sign up for our daily newsletter",
]
_FOREIGN = {
    "de": [
        "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im nächsten Jahr gebaut wird.",
        "Die Bewohner der Altstadt sind mit der Entscheidung nicht zufrieden und wollen dagegen protestieren.",
        "Nach Angaben der Polizei wurde niemand verletzt, aber der Schaden ist groß.",
    ],
    "fr": [
        "Le conseil municipal a décidé mardi que le nouveau pont serait construit l'année prochaine.",
        "Les habitants de la vieille ville ne sont pas satisfaits de cette décision et veulent protester.",
        "Selon la police, personne n'a été blessé, mais les dégâts sont importants.",
    ],
    "es": [
        "El ayuntamiento decidió el martes que el nuevo puente se construirá el próximo año.",
        "Los vecinos del casco antiguo no están contentos con la decisión y quieren protestar.",
        "Según la policía, nadie resultó herido, pero los daños son considerables.",
    ],
}


def article(rng: random.Random, size: int = 3000, foreign: str | None = None) -> str:
    """About ``size`` characters: a headline, paragraphs, and a few debris lines."""
    parts = [
        f"{rng.choice(_SUBJECTS)} {rng.choice(['vote', 'plan', 'report', 'protest'])} on {rng.choice(['budget', 'bridge', 'schools', 'traffic'])}"
    ]
    length = len(parts[0])
    while length < size:
        if foreign:
            para = " ".join(rng.choice(_FOREIGN[foreign]) for _ in range(rng.randint(2, 4)))
        else:
            sents = []
            for _ in range(rng.randint(2, 4)):
                s = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAUSES)}"
                if rng.random() < 0.5:
                    s += f", {rng.choice(_EXTRA)}"
                sents.append(s + ".")
            para = " ".join(sents)
        parts.append(para)
        length += len(para) + 2
        if rng.random() < 0.25:
            d = rng.choice(_DEBRIS)
            parts.append(d)
            length += len(d) + 2
    return "\n\n".join(parts) + "\n"


def jsonl_lines(n: int, *, seed: int = 0, size: int = 3000, foreign_share: float = 0.1) -> Iterator[str]:
    """``n`` JSONL lines (without newline): id, url, text, plus a pass-through field."""
    rng = random.Random(seed)
    langs = sorted(_FOREIGN)
    for i in range(n):
        foreign = rng.choice(langs) if rng.random() < foreign_share else None
        rec = {
            "id": f"doc-{i}",
            "url": f"https://news.example.com/{i}",
            "text": article(rng, size, foreign),
            "source": "synthetic",
        }
        yield json.dumps(rec, ensure_ascii=False)
