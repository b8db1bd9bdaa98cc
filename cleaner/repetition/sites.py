"""Which site a document belongs to: its record's ``site`` field, else its URL's host, else its folder."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def site_from_url(url: object) -> str | None:
    """The URL's host, lower-cased, without a leading ``www.`` (None when there is none)."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def folder_site(path: str | Path) -> str | None:
    """For a file of a folder input: the name of the folder it is in."""
    name = Path(path).resolve().parent.name
    return name or None


def record_site(obj: Mapping[str, Any], site_field: str = "site", url_field: str = "url") -> str | None:
    """A JSON record's site: its site field when it is a non-empty string, else its URL's host."""
    site = obj.get(site_field)
    if isinstance(site, str) and site.strip():
        s = site.strip().lower()
        return s[4:] if s.startswith("www.") else s
    return site_from_url(obj.get(url_field))
