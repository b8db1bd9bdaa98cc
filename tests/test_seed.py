"""The article this project exists for (../shared/data/seed): what must go and what must stay."""

from __future__ import annotations

from cleaner import restore
from cleaner.normalize import normalize
from tests.conftest import shared

MUST_GO = {
    "What is happening in Balochistan?": "headline.question-kicker",
    "E": "truncation.dangling-fragment",
    "How Balochistan Militants Crippled Pakistan": "headline.loaded",
}
SUBHEADS = (
    "Security Officials Confirm Casualties, Describe Attacks as Coordinated",
    "Baloch Liberation Army Claims Responsibility",
    "What is ‘Operation Herof?",
)


def test_seed_article(cleaner):
    raw = shared("seed/balochistan-raw.txt").read_text(encoding="utf-8")
    result = cleaner.clean(raw)
    removed = {r.text.strip(): r for r in result.removed}
    for text, rule in MUST_GO.items():
        assert text in removed, f"{text!r} was not removed"
        assert removed[text].rule == rule
        assert removed[text].reason
    also_read = [r for r in result.removed if r.text.startswith("Also Read:")]
    assert len(also_read) == 2 and all(r.rule == "promo.also-read" for r in also_read)
    assert len(result.removed) == 5, [r.text for r in result.removed]

    # Every other paragraph stays word for word, the neutral subheads included.
    clean_blocks = result.text.split("\n\n")
    for sub in SUBHEADS:
        assert sub in clean_blocks
    source = normalize(raw).text
    assert restore(result) == source
    lead = clean_blocks[0]
    assert lead.startswith("At least 15 security personnel")
    assert "However, the casualty figures appeared to vary across official accounts." in clean_blocks
    assert any(b.startswith("The sudden and brazen nature") for b in clean_blocks)
    kept_paragraphs = [
        p
        for p in raw.split("\n\n")
        if not p.startswith(("Also Read:", "How Balochistan", "What is happening", "However,"))
    ]
    for p in kept_paragraphs:
        assert p.strip() in clean_blocks, p[:60]
