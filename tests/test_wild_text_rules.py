"""Rules added for debris of the wild-dev text path and issue 9's text-path list: an ad marker
fused between sentences in the languages without capitals, the author's closing contact line,
a "Join the conversation as …" prompt, a subscription offer with its price, a "names have been
changed" note and a broadcaster's plug. Each goes on a whole article and keeps the body around."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config

CLEANER = Cleaner(Config(time_limit=0))

LEAD = "The regional council met on Monday to discuss the new budget for roads and schools in the valley."
BODY = "Officials said the plan would be reviewed again in the spring, after the first results were known."


def cleaned(text: str, lang: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    res = CLEANER.clean(text, lang=lang)
    return res.text, [(r.rule, r.text.strip()) for r in res.removed]


BN_BEFORE = "সকাল ৬টার দিকে হাসপাতালে চিকিৎসাধীন অবস্থায় মারা যান তিনি।"
BN_AFTER = "দলের নেতারা তাঁর মৃত্যুতে গভীর শোক প্রকাশ করেছেন এবং পরিবারের প্রতি সমবেদনা জানিয়েছেন।"


def test_bengali_ad_marker_between_sentences_goes_and_the_sentences_stay():
    text, removed = cleaned(f"{BN_BEFORE} বিজ্ঞাপন {BN_AFTER}", lang="bn")
    assert ("ads.inline-marker.bn", "বিজ্ঞাপন") in removed
    assert BN_BEFORE in text and BN_AFTER in text and "বিজ্ঞাপন" not in text


def test_bengali_sentence_about_an_ad_stays():
    body = f"{BN_BEFORE} বিজ্ঞাপন দেখে প্রতারিত হয়েছেন অনেকে।"
    text, removed = cleaned(body, lang="bn")
    assert not any(r == "ads.inline-marker.bn" for r, _ in removed)
    assert "বিজ্ঞাপন দেখে" in text


@pytest.mark.parametrize(
    ("lang", "before", "marker", "after"),
    [
        ("de", "Der Rat stimmte dem Haushalt am Montag zu.", "ANZEIGE", "Die Sitzung endete erst am Abend."),
        ("es", "El pleno aprobó el presupuesto el lunes.", "Publicidad", "La sesión terminó por la noche."),
        ("pl", "Rada przyjęła budżet w poniedziałek.", "REKLAMA", "Posiedzenie zakończyło się wieczorem."),
    ],
)
def test_cased_ad_marker_between_sentences(lang: str, before: str, marker: str, after: str):
    text, removed = cleaned(f"{before} {marker} {after}", lang=lang)
    assert ("ads.inline-marker-cased", marker) in removed
    assert before in text and after in text


def test_closing_contact_line_goes_a_sentence_with_an_address_stays():
    _, removed = cleaned("\n\n".join([LEAD, BODY, "Contact the author at jdoe@example.com."]))
    assert ("credit.contact-author", "Contact the author at jdoe@example.com.") in removed
    asked = "If you have questions, don't hesitate to contact her at jdoe@example.com."
    text, _ = cleaned("\n\n".join([LEAD, BODY, asked]))
    assert asked in text


def test_join_the_conversation_as_a_member_goes():
    _, removed = cleaned("\n\n".join([LEAD, BODY, "Join the conversation as a VIP Member", BODY]))
    assert ("comments.leftover", "Join the conversation as a VIP Member") in removed


def test_subscription_offer_with_a_price_goes_a_deal_stays():
    _, removed = cleaned("\n\n".join([LEAD, BODY, "Get unlimited digital access for just $1 a week."]))
    assert ("newsletter.price-plug", "Get unlimited digital access for just $1 a week.") in removed
    deal = "Get your first three months for just $1 per month when you sign up"
    text, _ = cleaned("\n\n".join([LEAD, BODY, deal, BODY]))
    assert deal in text


def test_names_changed_note_goes():
    _, removed = cleaned("\n\n".join([LEAD, BODY, "*Names have been changed to protect their identity."]))
    assert ("credit.names-note", "*Names have been changed to protect their identity.") in removed


def test_broadcast_plug_goes_in_polish():
    lead = "Sąd okręgowy w Białymstoku wydał w poniedziałek wyrok w sprawie wypadku na skrzyżowaniu w centrum."
    body = "Prokuratura zapowiedziała, że przeanalizuje uzasadnienie i zdecyduje, czy złoży kasację od wyroku."
    plug = 'Więcej w materiale Anny Nowak w programie "Sprawa dla reportera" o 20:00 w telewizji.'
    text, removed = cleaned("\n\n".join([lead, body, plug]), lang="pl")
    assert ("promo.broadcast-plug.pl", plug) in removed
    assert lead in text and body in text
