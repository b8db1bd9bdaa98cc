"""``decode_text`` gives the two commonest inputs (a str, UTF-8 bytes without a mark) one shared
``InputInfo`` each, equal to the one it made for every document before, and still refuses NUL
wherever it stands (issue 13)."""

from __future__ import annotations

import codecs

import pytest

from cleaner.decode import decode_text
from cleaner.errors import InputError
from cleaner.model import InputInfo


def test_the_shared_infos_are_those_made_before() -> None:
    assert decode_text("Straße İstanbul ıslak", max_chars=100) == ("Straße İstanbul ıslak", InputInfo())
    text, info = decode_text("Город市議สภา\u00ad".encode(), max_chars=100)
    assert text == "Город市議สภา\u00ad" and info == InputInfo(encoding="utf-8", encoding_source="utf-8")
    assert decode_text("plain", max_chars=100)[1] is decode_text("other", max_chars=100)[1]


@pytest.mark.parametrize(
    "data",
    [
        "a\x00b",
        b"a\x00b",
        codecs.BOM_UTF8 + b"a\x00b",
        codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"),
        b"caf\xe9 \x00",
    ],
)
def test_nul_is_refused_wherever_it_comes_from(data: str | bytes) -> None:
    with pytest.raises(InputError):
        decode_text(data, max_chars=100)
