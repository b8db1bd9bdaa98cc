"""``detect_again`` reuses the sample ``detect_language`` took and answers None without cutting any
block when no block that sample read is cut: the decisions are those of the full form (every
read block cut, the sample taken again and compared), on invented documents in several scripts
with cuts anywhere (issue 13)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.lang as lang_mod
from cleaner import Config
from cleaner.blocks import segment
from cleaner.lang import detect_again, detect_language
from cleaner.model import Removal

_LINES = [
    "The city council voted on Tuesday to extend the library's opening hours, and the mayor agreed.",
    "Der Stadtrat hat am Dienstag beschlossen, die Öffnungszeiten der Bibliothek zu verlängern, sagte sie.",
    "Главная Новости Спорт Погода Контакты О нас Реклама Архив Видео Фото",
    "İstanbul'da belediye meclisi salı günü kütüphanenin çalışma saatlerini uzatmaya karar verdi.",
    "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να επεκτείνει το ωράριο της βιβλιοθήκης.",
    "市议会周二投票决定延长图书馆的开放时间，市长表示这一变化的成本低于预期。",
    "สภาเมืองลงมติเมื่อวันอังคารให้ขยายเวลาเปิดห้องสมุด",
    "Straße ge\u00adsperrt: Umlei\u00adtung über die Brücke",
    "## Menu",
    "Home | News | Sport",
    "- item",
    "   ",
    "",
]


def _cut(block: int, start: int, end: int) -> Removal:
    return Removal("test.cut", "nav", "a test cut", "rule", "", 1.0, start=start, end=end, block=block)


def _again_in_full(blocks, removed, first, config):
    """detect_again before the reuse: the survivors' sample always taken and compared."""
    if first.path in ("given", "declared", "none") or not removed:
        return None
    cuts: dict[int, list[tuple[int, int]]] = {}
    for r in removed:
        cuts.setdefault(r.block, []).append((r.start, r.end))
    limit = config.lang_sample_chars
    sample = lang_mod._sample(blocks, limit, cuts)
    if sample == lang_mod._sample(blocks, limit):
        return None
    again = lang_mod._identify(sample, None)
    return again if again.code not in (first.code, "und") else None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 120), st.integers(0, 120)), max_size=8),
    st.sampled_from([40, 150, 1000]),
)
def test_detect_again_decides_as_the_full_form(lines, cuts, limit) -> None:
    config = Config(time_limit=0, lang_sample_chars=limit)
    blocks = segment("\n\n".join(lines))
    removed = []
    for i, a, z in cuts:
        if blocks and i < len(blocks):
            b = blocks[i]
            s = b.content_start + min(a, z) % (len(b.content) + 1)
            e = b.content_start + max(a, z) % (len(b.content) + 1)
            removed.append(_cut(b.index, s, e))
    first = detect_language(blocks, config)
    assert detect_again(blocks, removed, first, config) == _again_in_full(blocks, removed, first, config)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=12), st.sampled_from([40, 150, 1000]))
def test_the_first_sample_is_the_sample_and_names_the_blocks_it_reads(lines, limit) -> None:
    blocks = segment("\n\n".join(lines))
    sample, read = lang_mod._first_sample(blocks, limit)
    assert sample == lang_mod._sample(blocks, limit)
    assert lang_mod._first_sample(blocks, limit) == (sample, read)  # the kept answer
    # the blocks it did not read, cut whole, leave it as it is
    rest = {b.index: [(b.content_start, b.content_end)] for b in blocks if b.index not in read}
    assert lang_mod._sample(blocks, limit, rest) == sample


def test_a_list_of_blocks_is_not_kept() -> None:
    blocks = list(segment("One paragraph of English text that is long enough to read."))
    lang_mod._first_sample(blocks, 200)
    assert not lang_mod._FIRST or lang_mod._FIRST[0][0] is not blocks
