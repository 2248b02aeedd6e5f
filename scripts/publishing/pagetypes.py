"""The built site's pages grouped by type (home, 404, essays, about, bibliography...): used by the
browser tests (accessibility, privacy, screenshots) and `make bench`, so that a new kind of page
is covered the day it appears."""

from __future__ import annotations

from pathlib import Path

import lxml.html


def url_path(relative: str) -> str:
    """``essays/toucas/index.html`` -> ``/essays/toucas/``; ``404.html`` -> ``/404.html``."""
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def page_type(relative: str) -> str:
    """``home``, ``404`` or the first segment of the page's path (``essays``, ``about``...)."""
    if relative == "index.html":
        return "home"
    first = relative.split("/", 1)[0]
    return first[: -len(".html")] if first.endswith(".html") else first


def is_page(path: Path) -> bool:
    """A real page: not a redirect stub (meta refresh) nor an HTML file without a body."""
    document = lxml.html.parse(str(path)).getroot()
    if document is None:
        return False
    refresh = document.xpath("//meta[translate(@http-equiv,'REFSH','refsh')='refresh']")
    return not refresh and bool(document.xpath("//body"))


def discover(site: Path) -> dict[str, list[str]]:
    """Every page of the built site by type: {type: [URL path, ...]}, sorted. A folder's own
    index page, where the folder has other pages too (``/concepts/`` beside each concept's
    page), is a type of its own: ``concepts-index``."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("assets/") or not is_page(path):
            continue
        found.setdefault(page_type(relative), []).append(url_path(relative))
    for kind, paths in list(found.items()):
        index = f"/{kind}/"
        if index in paths and len(paths) > 1:
            found[f"{kind}-index"] = [index]
            found[kind] = [p for p in paths if p != index]
    return dict(sorted(found.items()))


def choose(site: Path, per_type: int, representative: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(type, URL path) for up to ``per_type`` pages of every type, representatives first."""
    representative = representative or {}
    chosen = []
    for kind, paths in discover(site).items():
        first = representative.get(kind)
        ordered = ([first] if first in paths else []) + [p for p in paths if p != first]
        chosen += [(kind, p) for p in ordered[:per_type]]
    return chosen
