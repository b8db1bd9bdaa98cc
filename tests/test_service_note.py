"""Paywall and archive notices after the article (tail.service-note in cleaner/heuristics/appeals.py),
on small invented articles."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config

TITLE = "Council approves the new budget for the coming year"
P1 = (
    "The city council approved the budget on Monday after a long debate about the cost of repairs "
    "to the old bridge and the new school."
)
P2 = "Members said the plan would be reviewed again in the spring, when the first figures are known."
P3 = "The mayor said the bridge would reopen in May and thanked the residents for their patience."


def removed(text: str) -> list[str]:
    result = Cleaner(Config()).clean(text)
    return [r.text.strip() for r in result.removed if r.rule == "tail.service-note"]


@pytest.mark.parametrize(
    "note",
    [
        "For the full story and more photos, subscribe now and get the digital edition today.",
        "The story you asked for has been moved to the archive. Click here to search the archive.",
        "Tu suscripción se está usando en otro dispositivo. ¿Quieres añadir otro usuario a tu suscripción?",
        "Pełny tekst jest dostępny w prenumeracie. Kliknij i wykup prenumeratę.",
    ],
)
def test_a_paywall_or_archive_notice_at_the_tail_goes(note: str) -> None:
    assert removed("\n".join([TITLE, P1, P2, P3, note])) == [note]


def test_notice_lines_next_to_it_go_with_it() -> None:
    lines = [
        "Your subscription is being used on another device.",
        "To share your account, upgrade your subscription here.",
    ]
    assert removed("\n".join([TITLE, P1, P2, P3, *lines])) == lines


def test_subscriptions_in_the_article_stay() -> None:
    review = (
        "Before you buy a VPN subscription, make sure it covers every device you own. The best ones "
        "cost less than a coffee a month. We tested twelve of them over the summer."
    )
    assert removed("\n".join([TITLE, P1, P2, review])) == []  # a paragraph of the review, at the tail
    assert removed("\n".join([TITLE, P1, "Subscribe now for the full story.", P2, P3])) == []  # body follows
    # a subscription without the reader addressed, and the reader without a paywall word
    assert removed("\n".join([TITLE, P1, P2, "The company now has two million subscribers."])) == []
    assert removed("\n".join([TITLE, P1, P2, "Thank you for reading this article, we hope you liked it."])) == []


def called(text: str) -> list[str]:
    # promo.reader-media (a rule, ranked first) takes the photo and video appeals too; set aside
    # here, so that this heuristic is what the tests see.
    result = Cleaner(Config(ignore=("promo.reader-media",))).clean(text)
    return [r.text.strip() for r in result.removed if r.rule == "promo.reader-call"]


@pytest.mark.parametrize(
    "call",
    [
        "Are you caught in the storm? Please share your videos and pictures with our readers' desk.",
        "Pokud máte připomínku nebo jste našli chybu, napište na editori@example.cz.",
        "¿Viste el accidente? Envíanos tus fotos a lectores@example.com.",
    ],
)
def test_a_call_for_contributions_above_the_article_goes(call: str) -> None:
    assert called("\n".join([call, P1, P2, P3])) == [call]


def test_titles_and_calls_inside_the_article_stay() -> None:
    assert called("\n".join(["Share your story with the council", P1, P2, P3])) == []  # a title
    call = "Please share your videos and pictures with our readers' desk."
    assert called("\n".join([TITLE, P1, P2, call, P3])) == []  # after the first body paragraph
    assert called("\n".join([TITLE, call])) == []  # no body paragraph after it: nothing tells it from the article


def residue(text: str) -> list[str]:
    result = Cleaner(Config()).clean(text)
    return [r.text.strip() for r in result.removed if r.rule == "tail.link-residue"]


def test_a_link_text_opening_with_see_or_read_after_the_last_sentence_goes() -> None:
    assert residue("\n".join([TITLE, P1, P2 + " See the full survey"])) == ["See the full survey"]
    assert residue("\n".join([TITLE, P1, P2 + " Δείτε την έρευνα "])) == ["Δείτε την έρευνα"]


def test_a_sentence_a_list_lead_or_text_after_it_stays() -> None:
    assert residue("\n".join([TITLE, P1, P2 + " See the full survey."])) == []  # a sentence
    assert residue("\n".join([TITLE, P1, P2 + " See the list below:"])) == []  # it introduces a list
    assert residue("\n".join([TITLE, P1 + " See the full survey", P2])) == []  # not the end of the text
    assert residue("\n".join([TITLE, P1, P2 + " Seeing is believing"])) == []  # not the verb
    assert residue("\n".join([TITLE, P1, P2 + " View Webcam | Contact"])) == []  # a menu's entries


def tail_called(text: str) -> list[str]:
    result = Cleaner(Config()).clean(text)
    return [r.text.strip() for r in result.removed if r.rule == "promo.tail-call"]


@pytest.mark.parametrize(
    "call",
    [
        ">> Quan điểm của bạn thế nào? Gửi bài tại đây .",
        ">> Quan điểm của bạn thế nào? Gửi bài tại đây . Bài viết không nhất thiết trùng với quan điểm của tòa soạn.",
        "\u00bb What do you think? Send us your letters at letters@example.com.",
        "| Did you see the storm? Envíanos tus fotos a lectores@example.com.",
    ],
)
def test_a_call_for_contributions_closing_the_article_goes(call: str) -> None:
    assert tail_called("\n".join([TITLE, P1, P2, P3 + " " + call])) == [call]


def test_a_call_with_the_article_after_it_or_in_a_quote_stays() -> None:
    call = ">> Send us your letters at letters@example.com."
    assert tail_called("\n".join([TITLE, P1, P2 + " " + call, P3])) == []  # more of the article after it
    two_more = P3 + " " + call + " The bridge reopens in May. The school opens in June."
    assert tail_called("\n".join([TITLE, P1, P2, two_more])) == []  # two sentences after it
    quoted = P3 + ' >> "Send us your letters," the mayor told the residents.'
    assert tail_called("\n".join([TITLE, P1, P2, quoted])) == []  # a quotation
    assert (
        tail_called("\n".join([TITLE, P1, P2, P3 + " >> Send the letters to the council."])) == []
    )  # no one addressed
    own = P3 + " What do you think? Send us your letters at letters@example.com."
    assert tail_called("\n".join([TITLE, P1, P2, own])) == []  # no box: the writer's own closing call
