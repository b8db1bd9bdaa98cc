"""Runs closing a text after the article (cleaner/heuristics/threads.py): a comment thread
(comments.thread) and a run of other stories' teasers (related.teaser-run), on small invented texts."""

from __future__ import annotations

from cleaner import Cleaner, Config

ARTICLE = [
    "Council approves the new budget for the coming year",
    "The city council approved the budget on Monday after a long debate about the cost of repairs "
    "to the old bridge and the new school, which parents had asked for since the spring.",
    "Members said the plan would be reviewed again in the autumn, when the first figures of the "
    "repairs are known and the contractors have sent their final offers to the city.",
    "The mayor thanked the residents who came to the hearings and promised a second meeting on the "
    "school before the end of the year, with the architects and the teachers present.",
]


def removed(text: str, rule: str) -> list[str]:
    result = Cleaner(Config()).clean(text)
    return [r.text.strip() for r in result.removed if r.rule == rule]


THREAD = [
    "Maria Lopez",
    "Finally some good news for our street, I hope they start before winter.",
    "Tom Becker",
    "Does anyone know whether the bus line will change during the works?",
    "Anna Reyes",
    "We waited six years for this, thank you for writing it up so clearly.",
    "Tom Becker",
    "Thanks Anna, that was my question too.",
]


def test_a_comment_thread_with_a_name_that_comes_back_goes() -> None:
    assert removed("\n".join(ARTICLE + THREAD), "comments.thread") == THREAD


def test_names_each_once_stay() -> None:
    """A list of people or places has each name once: without a name that comes back it stays."""
    thread = THREAD[:6] + ["Lee Park", "Thanks Anna, that was my question too."]
    assert removed("\n".join(ARTICLE + thread), "comments.thread") == []


def test_a_list_of_places_with_their_addresses_stays() -> None:
    places = [
        "Red Derby",
        "3718 14th St., NW",
        "The neighbourhood bar has hosted a party for seventeen years with no cover.",
        "Dew Drop Inn",
        "2801 8th St., NE",
        "The bar hosts an evening in its old stone building by the tracks.",
        "Red Derby",
        "3718 14th St., NW",
        "A second night of music, with the same band as last year.",
    ]
    assert removed("\n".join(ARTICLE + places), "comments.thread") == []


def test_subheads_that_introduce_their_paragraphs_stay() -> None:
    body = [
        "Bridge Repairs",
        "The bridge repairs will take two years and cost more than the council first planned.",
        "School Building",
        "The school building gets a new roof and a hall, which the teachers asked for.",
        "Bridge Repairs",
        "Further bridge repairs follow in the second year, on the eastern side.",
    ]
    assert removed("\n".join(ARTICLE + body), "comments.thread") == []


def test_names_followed_by_the_same_word_of_the_comment_system_go() -> None:
    thread = [
        "Josh Simi says",
        "That cabbage did look amazing, I will try it in my own garden next spring.",
        "penny says",
        "Can the pulp be used in the compost pile?",
        "Chris Lewis says",
        "I understand why you love this work, it shows in every picture.",
    ]
    assert removed("\n".join(ARTICLE + thread), "comments.thread") == thread


LONG_STORY = " ".join(["We planted the beds late this year and the beetles came before the beans did."] * 10)


def test_names_with_the_comment_systems_word_take_greetings_long_stories_and_short_questions() -> None:
    thread = [
        "Cindy says",
        "I have an old starter from my grandmother and this is the best recipe so far.",
        "Jessica Robinson says",
        "Hello Cindy,",
        "That is wonderful to hear, thank you for trying it.",
        "Hannah says",
        "Why use these products",
        "Anita Owens says",
        LONG_STORY,
        "Alan Dalley says",
        "First line of a long reply.",
        "Second line of it.",
        "Third line of it.",
        "Fourth line of it.",
        "Fifth line of it.",
        "Sixth line of it.",
        "Seventh line of it.",
        "Jill Winger says",
        "Worth a try!",
    ]
    assert removed("\n".join(ARTICLE + thread), "comments.thread") == thread


def test_a_label_repeated_before_the_word_is_not_a_name() -> None:
    entries = []
    for name in ("Kumon", "Mathnasium", "Tutor Doctor", "Club Z"):
        entries += [
            name,
            f"{name} is a tutoring franchise with a long record of results in many countries.",
            "Fast facts",
            "- Founded: 1954",
            "- Franchise fee: $2,000",
        ]
    assert removed("\n".join(ARTICLE + entries), "comments.thread") == []


def test_a_thread_without_an_article_before_it_stays() -> None:
    assert removed("\n".join(THREAD), "comments.thread") == []


TEASERS = [
    "Policy",
    "Three things to know about the executive order on artificial intelligence",
    "Experts say its emphasis on labels and transparency represents important steps forward.",
    "A high school scandal is pushing lawmakers into action",
    "Legislators are responding quickly after teens used new tools to create fake images.",
    "Eric Schmidt has a plan for fighting election misinformation",
    "The former chief executive hopes that companies and regulators will take his advice.",
]
BOX = ["Stay connected", "Get the latest updates from", "Discover special offers, top stories, and more."]


def test_a_run_of_teasers_closing_the_text_goes_with_its_label_and_box() -> None:
    assert removed("\n".join(ARTICLE + TEASERS + BOX), "related.teaser-run") == TEASERS + BOX


def test_two_teasers_are_not_a_run() -> None:
    assert removed("\n".join(ARTICLE + TEASERS[:5]), "related.teaser-run") == []


def test_an_faq_closing_the_article_stays() -> None:
    faq = [
        "Are there disadvantages to the new plan?",
        "There are some downsides, like slower traffic during the works on the bridge.",
        "How much will the repairs cost?",
        "The repairs cost between two and three million, spread over two years.",
        "Which streets will be closed?",
        "Only the bridge and the street of the school, for a few weeks each.",
    ]
    assert removed("\n".join(ARTICLE + faq), "related.teaser-run") == []


def test_an_interview_and_a_list_stay() -> None:
    interview = [
        "Q: Most memorable moment of the year",
        "A: Watching the opening of the new hall with all the teachers and the parents.",
        "Q: Favourite place in the city",
        "A: The old bridge at night, once the repairs are done and the lights are back.",
        "Q: Plans for next year",
        "A: Another school, in the northern district, and a park beside it.",
    ]
    listing = [
        "- Jim Long, Managing Partner, The Long Law Firm",
        "- The content comes from a diverse set of contributors and considers realistic threats.",
        "- Senior Manager Information Security and Compliance",
        "- The membership is the most important one for the reviews we run each year.",
        "- Jeff Kushner, Chief Marketing Officer",
        "- We use the hardened images in our deployments to save most of the manual work.",
    ]
    assert removed("\n".join(ARTICLE + interview), "related.teaser-run") == []
    assert removed("\n".join(ARTICLE + listing), "related.teaser-run") == []


def test_subheads_sharing_words_with_their_paragraphs_stay() -> None:
    body = [
        "The repairs of the old bridge",
        "The bridge repairs will take two years and cost more than the council planned.",
        "The new school building",
        "The school gets a new roof and a hall, which the teachers asked for.",
        "What the residents said",
        "Residents said they were glad, though some feared the noise of the works.",
    ]
    assert removed("\n".join(ARTICLE + body), "related.teaser-run") == []


LONG_COMMENTS = [
    "Even if it increases the weight slightly, this is a professional machine and I like the direction "
    "the company is taking with the keyboard and the thermal design of the new model.",
    "I sure wish they would offer the chance to upgrade the keyboards of the older models to the new "
    "keyboard; I would be happy to pay for it and keep the machine for a few more years.",
]


def test_long_comments_between_a_comment_header_and_its_closing_line_go() -> None:
    text = "\n".join(ARTICLE + ["Top Rated Comments", "(View all)", *LONG_COMMENTS, "[ Read All Comments ]"])
    assert removed(text, "tail.section-items") == ["(View all)", *LONG_COMMENTS]


def test_long_paragraphs_after_a_comment_header_without_a_closing_line_stay() -> None:
    text = "\n".join(ARTICLE + ["Top Rated Comments", "(View all)", *LONG_COMMENTS])
    assert removed(text, "tail.section-items") == ["(View all)"]
