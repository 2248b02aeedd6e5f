"""Addresses across published versions (mike: ``<site>/<version>/``, alias ``latest``).

In a versioned build mike appends the version to ``site_url`` and tells the build which version
it is (``MIKE_DOCS_VERSION``). A page's canonical address is the same page in ``latest``; its
citable address is the one of its own version.
"""

from __future__ import annotations

LATEST = "latest"


def base_url(site_url: str | None, version: str | None) -> str | None:
    """The address that holds every version (``site_url`` without the version mike appended),
    ending in ``/``; None if the site's address is not known."""
    if not site_url:
        return None
    url = site_url if site_url.endswith("/") else site_url + "/"
    if version and url.endswith(f"/{version}/"):
        url = url[: -len(version) - 1]
    return url


def latest_url(site_url: str | None, version: str | None, page_url: str) -> str | None:
    """The same page in ``latest``: the canonical address of a page of any version. None in a
    build that is not versioned or whose address is not known."""
    base = base_url(site_url, version)
    if not base or not version:
        return None
    return f"{base}{LATEST}/{page_url}"


def edition_csl(version: str | None, date: str | None) -> dict:
    """CSL fields that date an edition page in a released version: the version and the day it
    was released (``docs/published.json``). Nothing for `dev` or a plain build: those are
    undated ("n.d."), and the citation guidance asks for an access date."""
    if not version or not date:
        return {}
    year, month, day = (int(part) for part in date.split("-"))
    return {"version": version, "issued": {"date-parts": [[year, month, day]]}}
