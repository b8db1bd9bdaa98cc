"""Credits inside lines and at the end (cleaner/heuristics/: credits, inline_credits, glued_captions, signoffs),
on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config

LEAD = "The regional council met on Monday to discuss the new budget for roads and schools in the valley."
BODY = "Officials said the plan would be reviewed again in the spring, after the first results were known."


def cleaned(*blocks: str, lang: str | None = None):
    return Cleaner(Config()).clean("\n\n".join(blocks), lang=lang)


def removed(result, rule: str) -> list[str]:
    return [r.text for r in result.removed if r.rule == rule]


def test_caption_fused_inside_a_line_goes_with_its_credit():
    line = (
        "Hội đồng đã họp vào sáng thứ Hai để bàn về ngân sách mới cho đường sá. "
        "Ông Minh phát biểu tại hội nghị ngày 5/1. Ảnh: Ngọc Thành. "
        "Các đại biểu sẽ tiếp tục thảo luận vào tuần sau và trình kết quả lên thành phố."
    )
    result = cleaned(line, lang="vi")
    assert removed(result, "credit.inline-caption") == [" Ông Minh phát biểu tại hội nghị ngày 5/1. Ảnh: Ngọc Thành."]
    assert result.text.startswith("Hội đồng đã họp") and result.text.endswith("trình kết quả lên thành phố.")


def test_a_capitalised_next_sentence_is_not_taken_as_the_name():
    line = "Đội tuyển thắng 2-0 trong trận đầu tiên của vòng loại. Trung vệ Duy Mạnh trên sân tối 4/9. Ảnh: Trung Thu HLV Kim vẫn cầm quân trận này, do ông Park vắng mặt vì lý do sức khỏe."
    result = cleaned(line, lang="vi")
    assert removed(result, "credit.inline-caption") == [" Trung vệ Duy Mạnh trên sân tối 4/9. Ảnh: Trung Thu"]
    assert "HLV Kim vẫn cầm quân" in result.text


def test_bracketed_credit_takes_its_caption_not_the_subtitle_before_it():
    text = '"두 정상 통화"강경화 외교부 장관과 국무장관. (사진=연합뉴스)[이데일리 기자] 한미 외교장관이 29일 전화 통화를 했다.'
    result = cleaned(text, lang="ko")
    assert removed(result, "credit.inline-caption") == ["강경화 외교부 장관과 국무장관. (사진=연합뉴스)"]


def test_credit_line_goes_and_a_label_opening_a_sentence_stays():
    result = cleaned(LEAD, "Photos: Getty Images", BODY, "Credit: NASA View full size image", BODY + " Again.")
    assert removed(result, "credit.inline-caption") == ["Photos: Getty Images", "Credit: NASA View full size image"]
    caption_sentence = "Photo: The mayor speaks to reporters outside the hall on Monday afternoon."
    assert cleaned(LEAD, caption_sentence, BODY).removed == ()


def test_a_label_inside_a_phrase_is_not_a_credit():
    assert cleaned(LEAD, "Main image credit: Getty", BODY).removed == ()
    assert cleaned(LEAD, "WORDS & IMAGES: Katerina Smith", BODY).removed == ()


def test_at_the_end_of_a_long_paragraph_only_the_credit_goes():
    para = LEAD + " " + BODY + " Photo: Reuters"
    result = cleaned(para, BODY)
    assert removed(result, "credit.inline-caption") == [" Photo: Reuters"]
    assert result.text.startswith(LEAD + " " + BODY)


def test_sign_off_after_the_last_sentence_goes():
    assert removed(cleaned(LEAD, BODY, "-- Bryan Denson"), "credit.sign-off") == ["-- Bryan Denson"]
    assert removed(cleaned(LEAD, BODY, "jdoe@example.com"), "credit.sign-off") == ["jdoe@example.com"]
    fused = cleaned(LEAD, BODY + " Lâm Thoả (từ Dubai)")
    assert removed(fused, "credit.sign-off") == [" Lâm Thoả (từ Dubai)"]
    assert fused.text.endswith("first results were known.")


def test_sign_off_fused_after_the_final_stop_in_a_script_without_capitals():
    thai = "ในยุคที่ทุกอย่างกำลังเปลี่ยนแปลง ธุรกิจก็ต้องปรับตัวเองให้ไวในระดับสุดขีด และต้องคิดใหม่ทุกวัน ไม่เช่นนั้นก็จะตามไม่ทัน"
    result = cleaned(thai, thai + "ด้วย.อมรรัตน์ จรูญสมิทธิ์", lang="th")
    assert removed(result, "credit.sign-off") == ["อมรรัตน์ จรูญสมิทธิ์"]


def test_endings_that_are_not_sign_offs_stay():
    assert cleaned(LEAD, BODY, "Learn More").removed == ()  # a call to action or an item, not a name
    title = "Good video on this is Why Isn't Functional Programming the Norm? \u2013 Richard Feldman"
    assert cleaned(LEAD, BODY + " " + title).removed == ()  # a dash after a question attributes a title
    assert cleaned(LEAD, BODY + " The case was brought by U.S. Attorney Nealy Cox.").removed == ()


def test_caption_line_with_a_glued_credit_goes():
    pl = "Prace archeologiczne trwają od wiosny, a znaleziska trafią do muzeum w przyszłym roku, poinformował urząd."
    result = cleaned(pl, "Łuski znalezione na terenie Twierdzy PrzemyślPAP/Jan Kowalski", pl, lang="pl")
    assert removed(result, "credit.glued-caption") == ["Łuski znalezione na terenie Twierdzy PrzemyślPAP/Jan Kowalski"]
    assert cleaned(LEAD, "The Role of Statistics in PostgreSQL Query Performance", BODY).removed == ()


def test_bracketed_cross_link_inside_a_line_goes():
    para = LEAD + " (RELATED: Mayor Names New Deputy For Roads) " + BODY
    result = cleaned(para, BODY)
    assert removed(result, "promo.inline-lead-in") == [" (RELATED: Mayor Names New Deputy For Roads)"]
    assert result.text.startswith(LEAD + " " + BODY)


def test_read_also_label_fused_before_headlines_at_the_end_goes():
    sv = "Mötet avslutades vid lunch och beskeden väntas komma nästa vecka från ministern, sade talespersonen."
    fused = sv + "  Läs också Nya åtgärder för ekonomin Vad ministern sa om skolorna"
    result = cleaned(sv, fused, lang="sv")
    assert removed(result, "promo.inline-lead-in") == [
        "  Läs också Nya åtgärder för ekonomin Vad ministern sa om skolorna"
    ]
    assert result.text.endswith(sv)
    prose = LEAD + " Read more here: the council's report lists every road."
    assert cleaned(prose, BODY).removed == ()  # prose after the label stays


def test_a_teaser_label_that_outranks_the_section_header_still_opens_its_tail():
    es = "Este homenaje se suma a las múltiples expresiones de reconocimiento que vienen surgiendo en el país."
    items = [
        "- Espacio de homenaje y otras actividades en la Biblioteca tras el fallecimiento del Nobel (FOTOS Y VIDEO)",
        "- La Casa Real española transmite sus condolencias por el fallecimiento del escritor",
    ]
    result = Cleaner(Config()).clean("\n".join([es, "TE PUEDE INTERESAR", *items]), lang="es")
    tail = [r for r in result.removed if r.rule == "tail.section-items"]
    assert len(tail) == 2 and "related.section-header.es" in tail[0].reason
    assert result.text == es


def test_source_note_goes_at_the_end_and_stays_under_a_chart():
    el = "Η σύσκεψη ολοκληρώθηκε το μεσημέρι και οι ανακοινώσεις αναμένονται την επόμενη εβδομάδα από τον υπουργό."
    result = cleaned(el, el + " Πηγή: example.gr", lang="el")
    assert removed(result, "credit.source-note") == [" Πηγή: example.gr"]
    chart = cleaned(LEAD, "Source: example.com", BODY)
    assert [r for r in chart.removed if r.rule == "credit.source-note"] == []


def test_glued_credit_is_judged_on_the_caption_before_it():
    # The capitalised credit name used to make a Polish caption read as a title-case subhead.
    pl = "Prace archeologiczne trwają od wiosny, a znaleziska trafią do muzeum w przyszłym roku, poinformował urząd."
    caption = "Fragment wentylatora z Fortu IX na terenie Twierdzy PrzemyślPAP/Jan Kowalski"
    assert removed(cleaned(pl, caption, pl, lang="pl"), "credit.glued-caption") == [caption]
    # An acronym with its digits glued to a lower-case word is a credit even after a title-case caption.
    assert removed(cleaned(pl, "Okręty NATO w SzczecinieTVN24", pl, lang="pl"), "credit.glued-caption") == [
        "Okręty NATO w SzczecinieTVN24"
    ]
    assert cleaned(LEAD, "Upgrading Our Servers to PostgreSQL16 Today", BODY).removed == ()


def test_bracketed_credit_after_a_caption_line():
    result = cleaned(LEAD, "The couple have been dating for the last year [Splash]", BODY)
    assert removed(result, "credit.glued-caption") == ["The couple have been dating for the last year [Splash]"]
    # After a complete sentence only the credit goes: the line may be the article's own.
    result = cleaned(LEAD, "Has the mayor finally found a deputy? [Wenn]", BODY)
    assert removed(result, "credit.glued-caption") == [" [Wenn]"]
    assert "Has the mayor finally found a deputy?" in result.text
    # A bracket alone on its line, a title-case subhead and a lower-case note stay.
    assert cleaned(LEAD, "With love,", "[Name]", BODY).removed == ()
    assert cleaned(LEAD, "Best Budget Phones Of The Year [Updated]", BODY).removed == ()
    assert cleaned(LEAD, "the council said the roads were [sic] in good repair", BODY).removed == ()


def test_file_photo_label_standing_as_a_sentence_takes_its_caption():
    line = "Prime Minister Jane Doe at the summit in Dhaka. File photo. " + BODY
    result = cleaned(LEAD, line)
    assert removed(result, "credit.inline-caption") == ["Prime Minister Jane Doe at the summit in Dhaka. File photo. "]
    assert result.text.endswith(BODY)
    bn = "প্রধান উপদেষ্টা অধ্যাপক মুহাম্মদ ইউনূস। ফাইল ফটো। জাতির উদ্দেশে ভাষণ দেবেন অন্তর্বর্তী সরকারের প্রধান উপদেষ্টা।"
    result = cleaned("জাতির উদ্দেশে ভাষণ দেবেন অন্তর্বর্তী সরকারের প্রধান উপদেষ্টা আজ সন্ধ্যায়।", bn, lang="bn")
    assert removed(result, "credit.inline-caption") == ["প্রধান উপদেষ্টা অধ্যাপক মুহাম্মদ ইউনূস। ফাইল ফটো। "]
    # The words inside a sentence are not a credit.
    assert cleaned(LEAD, "The file photo of the mayor was shown in court on Monday. " + BODY).removed == ()
    assert cleaned(LEAD, "Reporters asked for an archive photo. It was never found. " + BODY).removed == ()


def test_writer_name_before_the_next_items_bullet_goes():
    item = "Forest dominated the second half and were good value for the win. Jane Taylor \u2022 Match report: Forest 2-0 Leeds"
    result = cleaned(LEAD, item)
    assert removed(result, "credit.item-sign-off") == [" Jane Taylor"]
    assert "for the win. \u2022 Match report" in result.text
    # A sentence that goes on, a lower-case phrase, an abbreviation before the name: kept.
    assert cleaned(LEAD, "They met in Paris. New York \u2022 is next on the tour, the band said.").removed == ()
    assert cleaned(LEAD, "The order came from the U.S. Army Corps \u2022 Engineers confirmed it.").removed == ()
    assert cleaned(LEAD, "The vote passed easily. the new rules \u2022 apply from May.").removed == ()


def test_byline_line_above_the_article_goes():
    result = cleaned("By Kelly Ann Marsh", LEAD, BODY)
    assert removed(result, "credit.byline-line") == ["By Kelly Ann Marsh"]
    result = cleaned("Reforma fiscal aprobada", "por María López", LEAD, BODY)
    assert removed(result, "credit.byline-line") == ["por María López"]
    # Titles that open with "By" and a byline inside a sentence stay.
    assert cleaned("By The Numbers", LEAD, BODY).removed == ()
    assert cleaned("By Any Means Necessary", LEAD, BODY).removed == ()
    assert cleaned("By Jane Doe and her team, the report was finished in May.", LEAD, BODY).removed == ()


def test_credit_glued_to_several_captions_is_found_by_its_repetition():
    pl = "Prace archeologiczne trwają od wiosny, a znaleziska trafią do muzeum w przyszłym roku, poinformował urząd."
    first = "Kucharka z zamku na zdjęciu z rodzinąZamek Nowy w Lesie"
    second = "Personel kuchenny na dziedzińcu w latach XXZamek Nowy w Lesie"
    result = cleaned(pl, first, pl, second, pl, lang="pl")
    assert removed(result, "credit.glued-caption") == [first, second]
    # The same brand or unit glued to the same word on two lines is the writing, not a credit.
    items = ["- Display: 16-inch panel, 165Hz IPS", "- Display: 15-inch panel, 144Hz IPS"]
    assert cleaned(LEAD, *items, BODY).removed == ()
    # Cells of a table row glued together have seams all along the line.
    rows = [
        "ResolutionUp to 2KPowerWired, batteryPlatformAlexa and Google Home",
        "ResolutionUp to 4KPowerPlug-in, solarSmartAlexa and Google Home",
    ]
    assert cleaned(LEAD, rows[0], BODY, rows[1], BODY).removed == ()


def test_bare_acronym_glued_to_a_lower_case_word_or_to_itself():
    pl = "Prognozowane są burze, którym miejscami będą towarzyszyć silne opady deszczu i porywy wiatru."
    for line in ("Zasady bezpieczeństwa w trakcie burzyRCB", "Ostrzeżenia meteorologiczne IMGWIMGW"):
        assert removed(cleaned(pl, line, pl, lang="pl"), "credit.glued-caption") == [line]
    # Doubled two-letter acronyms are words ("ISIS"); a brand after a list number is an item.
    assert cleaned(LEAD, "Watchdog says the drawdown helped ISIS", BODY).removed == ()
    assert cleaned(LEAD, "Providers we tested 4. phoenixNAP", BODY).removed == ()


def test_credit_repeated_in_front_of_captions_goes_and_the_captions_stay():
    lines = [
        "Boston Herald / Polaris Firefighter Sean Coyle uses a basket to slide out to the dog",
        "Boston Herald / Polaris The husky clings to the ice as the firefighter inches out",
        "Boston Herald / Polaris",
    ]
    result = cleaned(LEAD, lines[0], BODY, lines[1], BODY + " Again.", lines[2])
    assert [r.text.strip() for r in result.removed if r.rule == "credit.repeated-credit"] == [
        "Boston Herald / Polaris"
    ] * 3
    assert "Firefighter Sean Coyle uses a basket" in result.text and "The husky clings" in result.text
    # One such line alone, a pair of terms, and a name that opens sentences stay.
    assert cleaned(LEAD, lines[0], BODY).removed == ()
    assert cleaned(LEAD, "Pub/Sub Lite stores messages", BODY, "Pub/Sub Topics hold them", BODY).removed == ()
    adhd = "Attention-Deficit/Hyperactivity Disorder"
    assert cleaned(LEAD, adhd + " affects children", BODY, adhd + " is treated", BODY).removed == ()


def test_caption_above_a_credit_line_that_repeats_it_goes():
    caption = "Artist's concept of the capsule leaving its rocket."
    result = cleaned(LEAD, caption, "Credit: NASA View full size image " + caption, BODY)
    assert removed(result, "credit.inline-caption") == [caption, "Credit: NASA View full size image " + caption]
    # A line above a credit line that does not repeat it stays.
    result = cleaned(LEAD, caption, "Credit: NASA View full size image", BODY)
    assert removed(result, "credit.inline-caption") == ["Credit: NASA View full size image"]


def test_caption_above_the_dateline_goes():
    caption = "People walk past the stock exchange building in Mumbai May 13, 2014."
    lead = "MUMBAI (Reuters) - Shares ended flat on Tuesday as weaker regional markets offset optimism over reforms."
    result = cleaned(caption, lead, BODY)
    assert removed(result, "credit.dateline-caption") == [caption]
    # A standfirst above the dateline that does not end in a date, and a dated line without a
    # dateline after it, stay.
    assert cleaned("Shares ended flat as markets weighed the new reforms.", lead, BODY).removed == ()
    assert cleaned(caption, LEAD, BODY).removed == ()


def test_the_item_a_removed_lead_in_announced_goes_at_the_end():
    pl = "Strażacy gasili pożar przez kilka godzin, a na miejscu pracowali też policjanci i prokurator."
    lead_in = "Czytaj też: o pożarze na Służewcu informowaliśmy wcześniej:"
    result = cleaned(pl, pl, lead_in, "Pożar na Mokotowie w czwartek wieczorem", lang="pl")
    assert removed(result, "promo.lead-in-target") == ["Pożar na Mokotowie w czwartek wieczorem"]
    # After a colon line the article keeps, or before more text, the line stays.
    kept = cleaned(LEAD, "The plan has three parts:", "Roads and schools first")
    assert removed(kept, "promo.lead-in-target") == []
