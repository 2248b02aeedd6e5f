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


def version_root(site_url: str | None, version: str | None) -> str | None:
    """The absolute address of this build's version (``<site>/<version>/``), or of the site in a
    plain build; None if the site's address is not known. Whether or not mike has appended the
    version to ``site_url`` yet (hooks may run before its plugin), the answer is the same."""
    base = base_url(site_url, version)
    if not base:
        return None
    return f"{base}{version}/" if version else base


def citable_page(page_url: str, version: str | None, root: str | None) -> str | None:
    """The address a citation gives for a page: in its own version, never an alias such as
    `latest` that moves. Absolute if the site's address is known (``root``: :func:`version_root`);
    else, in a versioned build, relative to the page (``../../../1.1/essays/toucas/``); None in
    a plain build (the page's script then uses the address it was opened at)."""
    if root:
        return root + page_url
    if version:
        return "../" * (page_url.count("/") + 1) + f"{version}/{page_url}"
    return None
