"""Captions known by their shape (cleaner/heuristics/captions.py) and the credit forms this round
added to the credit heuristics, on small invented articles."""

from __future__ import annotations

from cleaner import Cleaner, Config

LEAD = "The regional council met on Monday to discuss the new budget for roads and schools in the valley."
BODY = "Officials said the plan would be reviewed again in the spring, after the first results were known."


def cleaned(*blocks: str, lang: str | None = None):
    return Cleaner(Config()).clean("\n\n".join(blocks), lang=lang)


def removed(result, rule: str) -> list[str]:
    return [r.text for r in result.removed if r.rule == rule]


def test_sentence_placing_people_in_a_photo_goes_and_its_neighbours_stay():
    line = (
        "Hội đồng đã họp vào sáng thứ Hai để bàn về ngân sách mới cho đường sá. "
        "Tổng thư ký Lê Hoài Anh (trái) và đại diện nhà tài trợ ký hợp đồng hôm 24/10. "
        "Các đại biểu sẽ tiếp tục thảo luận vào tuần sau và trình kết quả lên thành phố."
    )
    result = cleaned(line, lang="vi")
    assert removed(result, "credit.position-caption") == [
        "Tổng thư ký Lê Hoài Anh (trái) và đại diện nhà tài trợ ký hợp đồng hôm 24/10."
    ]
    assert result.text.startswith("Hội đồng đã họp") and result.text.endswith("lên thành phố.")
    shirt = f"{LEAD} Giggs (áo đen) trong cuộc giao lưu ở Hà Tĩnh hôm 8/5. {BODY}"
    assert removed(cleaned(shirt, lang="vi"), "credit.position-caption") == [
        "Giggs (áo đen) trong cuộc giao lưu ở Hà Tĩnh hôm 8/5."
    ]


def test_position_words_in_prose_stay():
    assert (
        removed(cleaned(LEAD, "Turn the handle (left) and then lift the lid slowly.", BODY), "credit.position-caption")
        == []
    )
    assert (
        removed(
            cleaned(LEAD, "The party's left wing voted against the budget on Monday.", BODY), "credit.position-caption"
        )
        == []
    )
    long = "Jane Doe (left) " + " ".join(["and the council members"] * 10) + " met on Monday."
    assert removed(cleaned(LEAD, long, BODY), "credit.position-caption") == []


def test_caption_with_its_credit_cut_after_the_bracket_goes():
    caption = "Dálnici D2 u Hustopečí uzavřela tragická nehoda tří aut. Dva lidé nehodu nepřežili. (28. srpna 2023"
    result = cleaned(LEAD, caption, BODY)
    assert removed(result, "credit.open-dated-caption") == [caption]
    for keep in (
        "Dva lidé nehodu nepřežili, uvedla policie (28. srpna 2023).",
        "The figures were revised twice. (The first count, in 2023",
        "The council will vote on the plan in the spring (2023",
    ):
        assert removed(cleaned(LEAD, keep, BODY), "credit.open-dated-caption") == [], keep


def test_copyright_paragraph_closing_the_text_goes():
    closing = "Mapy poskytuje © SHOCart a přispěvatelé OpenStreetMap. Více na www.shocart.cz"
    assert removed(cleaned(LEAD, BODY, closing), "credit.closing-copyright") == [closing]
    assert removed(cleaned(LEAD, closing, BODY), "credit.closing-copyright") == []
    late = "The band sold the rights to the label in 1979, and the album now carries © Sony Music on its sleeve."
    assert removed(cleaned(LEAD, BODY, late), "credit.closing-copyright") == []


def test_credit_after_a_square_or_a_bullet_goes():
    line = (
        "Boeing těží z cesty prezidenta na Blízký východ. Veze si odsud objednávky na letadla 737 Max. Autor ▪ Reuters"
    )
    result = cleaned(line, BODY)
    assert removed(result, "credit.inline-caption") == [" Autor ▪ Reuters"]
    assert result.text.startswith("Boeing těží z cesty")
    assert removed(cleaned(LEAD, "Our picks • By price • By rating", BODY), "credit.inline-caption") == []


def test_domain_glued_to_a_word_outside_ascii_is_a_credit():
    result = cleaned(LEAD, "Strumień zimna nad Polskątvnmeteo.pl", BODY)
    assert removed(result, "credit.glued-caption") == ["Strumień zimna nad Polskątvnmeteo.pl"]
    for keep in ("Więcej prognoz na stronie tvnmeteo.pl", "Prognozy pogody publikuje serwis tvnmeteo.pl"):
        assert removed(cleaned(LEAD, keep, BODY), "credit.glued-caption") == [], keep


def test_breadcrumb_ending_in_the_title_goes():
    title = "How to Hang a Christmas Wreath"
    result = cleaned(f"BHG.com / Videos / / / {title}", title, LEAD, BODY)
    assert removed(result, "widget.section-label") == [f"BHG.com / Videos / / / {title}"]
    other = cleaned("Home / Videos / Garden Ideas", title, LEAD, BODY)
    assert removed(other, "widget.section-label") == []


def test_a_marker_far_into_a_sentence_is_prose():
    line = "The company has sold several generations of its budget camera like the Cam OG (left) and the Cam Pro (right) this year."
    assert removed(cleaned(LEAD, line, BODY), "credit.position-caption") == []


def test_caption_kept_twice_in_one_line_goes():
    caption = "Ryan Nunn (22) tackles quarterback Luke Bishop (4) during the state championship game."
    line = f"(File 2013/The Associated Press) {caption} {caption}"
    assert removed(cleaned(line, LEAD, BODY), "credit.doubled-caption") == [line]
    two = f"{caption} Research shows parents are wary of the game."
    assert removed(cleaned(LEAD, f"{two} {two}", BODY), "credit.doubled-caption") == [f"{two} {two}"]
    once = f"{caption} The crowd cheered as the final whistle blew over the stadium."
    assert removed(cleaned(LEAD, once, BODY), "credit.doubled-caption") == []
    para = f"{LEAD} {BODY} {LEAD}"
    assert removed(cleaned(LEAD, f"{para} {para}", BODY), "credit.doubled-caption") == []


def test_a_table_row_twice_is_not_a_caption():
    row = "| Dataset Language | ICU, GB/s | RegEx, GB/s | SZ, GB/s |"
    assert removed(cleaned(LEAD, f"{row} {row}", BODY), "credit.doubled-caption") == []


def test_one_sentence_said_twice_is_a_refrain_not_a_caption():
    line = "The council voted on the budget after a long debate about schools and roads."
    assert removed(cleaned(LEAD, f"{line} {line}", BODY), "credit.doubled-caption") == []
