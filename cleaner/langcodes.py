"""Language codes: every form a language is given in, reduced to the base language rules are keyed by.

Rules, lexicons and the detector speak ISO 639-1 (``en``, ``pt``, ``zh``). Users, JSONL records
and pages speak BCP 47 (``en-US``, ``pt-BR``, ``zh-Hant-TW``), POSIX locales (``en_GB.UTF-8``,
``de_DE@euro``), upper case (``EN``), deprecated codes (``iw``, ``in``, ``ji``) and ISO 639-2/3
codes (``eng``, ``deu``/``ger``, ``cmn``). :func:`base_language` maps all of them to one code:

- region, script, variant and extension subtags are dropped (``zh-Hant`` and ``zh-CN`` are ``zh``:
  one set of rules serves both scripts);
- deprecated codes become current ones: ``iw``→``he``, ``in``→``id``, ``ji``→``yi``, ``jw``→``jv``,
  ``mo``→``ro``;
- Norwegian Bokmål and Nynorsk (``nb``, ``nn``, ``nob``, ``nno``) are ``no``, the code the rules and
  langdetect use; Filipino (``fil``) is ``tl``, the code the detectors give for Tagalog text;
- a three-letter code with a two-letter equivalent becomes it (table below, which covers the
  languages the project has rules or test data for; other three-letter codes pass through);
- Chinese and Arabic varieties a detector may name (``yue``, ``wuu``, ``ary``, ``arz``) are ``zh``
  and ``ar``;
- ``und``, ``mul``, ``zxx`` and ``mis`` are ``und``;
- anything that is not a language tag (``C``, ``POSIX``, ``english``, ``x-klingon``, empty) is None.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ALIAS_TABLE = """
# deprecated ISO 639-1 codes and macrolanguage members the rules do not tell apart
iw:he in:id ji:yi jw:jv mo:ro nb:no nn:no fil:tl und:und mul:und zxx:und mis:und
# ISO 639-2 (B and T) and 639-3 codes with an ISO 639-1 equivalent
eng:en deu:de ger:de fra:fr fre:fr spa:es por:pt ita:it nld:nl dut:nl swe:sv dan:da nor:no nob:no
nno:no fin:fi pol:pl ces:cs cze:cs slk:sk slo:sk rus:ru ukr:uk bel:be bul:bg srp:sr hrv:hr bos:bs
slv:sl ron:ro rum:ro hun:hu tur:tr ell:el gre:el ara:ar arb:ar fas:fa per:fa pes:fa heb:he hin:hi
ben:bn urd:ur tam:ta tel:te mar:mr guj:gu kan:kn mal:ml pan:pa nep:ne npi:ne sin:si ind:id msa:ms
may:ms zsm:ms vie:vi tha:th lao:lo khm:km mya:my bur:my zho:zh chi:zh cmn:zh jpn:ja kor:ko swa:sw
swh:sw hye:hy arm:hy kat:ka geo:ka est:et ekk:et lav:lv lvs:lv lit:lt cat:ca eus:eu baq:eu glg:gl
afr:af sqi:sq alb:sq mkd:mk mac:mk isl:is ice:is gle:ga cym:cy wel:cy tgl:tl aze:az kaz:kk uzb:uz
amh:am som:so hau:ha yor:yo zul:zu xho:xh
# varieties a detector may name (py3langid) that the rules of the macrolanguage serve
yue:zh wuu:zh ary:ar arz:ar uzs:uz
"""
_ALIASES = dict(
    pair.split(":") for line in _ALIAS_TABLE.splitlines() if not line.startswith("#") for pair in line.split()
)
# language subtag (2-3 letters, or 4-8 for registered long ones) then subtags of 1-8 alphanumerics
_TAG = re.compile(r"([a-z]{2,3})(?:-[a-z0-9]{1,8})*")


@lru_cache(maxsize=256)
def base_language(tag: str | None) -> str | None:
    """The base language of a BCP 47 tag, POSIX locale or ISO 639 code (see the module doc);
    None when ``tag`` is not one."""
    if not tag:
        return None
    t = tag.strip().lower().replace("_", "-")
    t = t.split(".", 1)[0].split("@", 1)[0]  # POSIX: en_US.UTF-8@euro
    m = _TAG.fullmatch(t)
    if m is None:
        return None
    primary = m.group(1)
    return _ALIASES.get(primary, primary)


def require_language(tag: str, what: str = "language") -> str:
    """:func:`base_language`, or a one-line ``ValueError`` naming ``what`` when ``tag`` is not a tag."""
    code = base_language(tag)
    if code is None:
        raise ValueError(f"{what}: {tag!r} is not a language tag (examples: en, en-US, pt_BR, zh-Hant)")
    return code
