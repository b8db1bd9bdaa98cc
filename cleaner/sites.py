"""Hosts and sites: which host a URL names, and whether a site's rules apply to it."""

from __future__ import annotations

from urllib.parse import urlsplit


def url_host(url: str | None) -> str | None:
    """The URL's host, lower-cased (a bare ``example.com/path`` counts as a host and a path)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def host_matches(site: str, host: str | None) -> bool:
    """Rules for ``example.com`` apply to example.com and any subdomain of it."""
    if not host:
        return False
    return host == site or host.endswith("." + site)
