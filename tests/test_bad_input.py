"""Bad input gives a result or a one-line error: never a traceback, never a hang."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaner import InputError, clean, restore
from cleaner.normalize import normalize

CLI = [sys.executable, "-m", "cleaner"]


@pytest.mark.parametrize("data", [b"", "", "   \n\n \t ", b"\n\n\n"])
def test_empty_and_whitespace_give_empty_result(cleaner, data):
    result = cleaner.clean(data)
    assert result.text == ""
    assert result.removed == ()
    assert restore(result) == normalize(data if isinstance(data, str) else data.decode()).text


def test_nul_bytes_are_an_input_error(cleaner):
    with pytest.raises(InputError, match="binary"):
        cleaner.clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        cleaner.clean("text with a \x00 inside")


def test_invalid_utf8_is_detected_not_crashing(cleaner):
    latin1 = "Caf\u00e9 owners in M\u00fcnster said the r\u00e9gime changed.".encode("cp1252")
    result = cleaner.clean(latin1)
    assert "Caf\u00e9" in result.text
    assert result.input.encoding_source == "detected"


def test_utf16_with_bom(cleaner):
    result = cleaner.clean("Also Read: Other story\n\nThe council met on Monday.".encode("utf-16"))
    assert result.input.encoding_source == "bom"
    assert result.text == "The council met on Monday."


def test_one_megabyte_line(cleaner):
    result = cleaner.clean(("word " * 200_000).encode())
    assert len(result.text) == 999_999


def test_fifty_megabytes(cleaner):
    para = "The council met on Monday to discuss the budget and the roads, officials said. " * 5
    data = ("\n\n".join([para] * (50_000_000 // len(para))))[:50_000_000]
    result = cleaner.clean(data)
    assert len(result.text) > 49_000_000


def test_over_the_size_limit_is_an_input_error():
    from cleaner import Cleaner, Config

    with pytest.raises(InputError, match="over the limit"):
        Cleaner(Config(max_input_chars=100)).clean("x" * 101)


def _run(args, data=None):
    return subprocess.run(CLI + args, input=data, capture_output=True, timeout=120)


@pytest.mark.parametrize(
    "data, needle",
    [(b"\x00\x01\x02binary", b"binary"), (b"\xff\xfe\x00", b"utf-16")],
)
def test_cli_bad_input_is_one_line_exit_2(data, needle):
    proc = _run(["clean", "-"], data)
    assert proc.returncode == 2
    assert proc.stderr.count(b"\n") == 1 and needle in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_cli_missing_file_and_folder(tmp_path):
    proc = _run(["clean", str(tmp_path / "nope.txt")])
    assert proc.returncode == 2 and b"no such file" in proc.stderr and proc.stderr.count(b"\n") == 1
    proc = _run(["clean", str(tmp_path)])
    assert proc.returncode == 2 and b"is a folder" in proc.stderr


def test_cli_empty_input_exits_0():
    proc = _run(["clean", "-"], b"")
    assert proc.returncode == 0 and proc.stdout == b"\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_one_bom_table_for_text_html_and_the_html_sniff(codec):
    """Every reader takes the byte-order mark from one table (cleaner.decode.BOMS)."""
    import codecs as _codecs

    from cleaner.decode import sniff_bom
    from cleaner.html.encoding import decode_html
    from cleaner.html.parse import looks_like_html

    bom = {
        "utf-8": _codecs.BOM_UTF8,
        "utf-16-le": _codecs.BOM_UTF16_LE,
        "utf-16-be": _codecs.BOM_UTF16_BE,
        "utf-32-le": _codecs.BOM_UTF32_LE,
        "utf-32-be": _codecs.BOM_UTF32_BE,
    }[codec]
    page = "<html><body><p>Café society returns to the harbour.</p></body></html>"
    data = bom + page.encode(codec)
    assert sniff_bom(data) == (bom, codec)
    assert decode_html(data).text == page
    assert looks_like_html(data)
    text = clean(bom + "Café society returns.".encode(codec), html=False)
    assert text.text == "Café society returns." and text.input.encoding_source == "bom"
