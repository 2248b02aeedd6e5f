"""What each released version published: every page URL and every passage id, for ever.

``docs/published.json`` (committed; updated by ``make release``) lists, per released version,
the URLs of its pages and files, the ids of its passages, and the public files the build
generates (the passage index, the citation downloads). A teacher may have copied any of
them, so every later build must still answer each one: a page URL exists, or mkdocs-redirects
declares where it went (``plugins: redirects: redirect_maps`` in mkdocs.yml); a passage id
exists, or ``docs/passage-registry.json`` declares its redirect (scripts/edition/registry.py).

Two checks: ``check`` on the sources (``make check``, no build) and ``check_site`` on a built
site (the release and the tests), which parses each page and looks for each anchor, and looks
for each generated file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pathspec
from lxml import html as lxml_html

from scripts.citing import exports
from scripts.common import validate
from scripts.edition import index, passages, registry

FILENAME = "published.json"
SCHEMA = Path(__file__).parent / "schemas" / "published.schema.json"
ABOUT = (
    "Every page URL and passage id published in each released version of the edition, and the "
    "files its build generated for readers and tools (passages.json, the citation downloads). "
    "Links a reader copied from any of them must keep working: a later version keeps each one or "
    "declares a redirect (pages: mkdocs.yml redirects plugin; passage ids: passage-registry.json). "
    "Updated by `make release VERSION=x.y`; checked by `make check` and the tests."
)


def load(path: Path) -> dict:
    if not path.exists():
        return {"releases": {}}
    data = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("releases", {})
    return data


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in version.split("."))


# Files the build writes (not in docs/) that readers and tools are told to use: the passage
# index (docs/about/passages.md) and each essay's citation downloads (scripts/citing/exports.py).
GENERATED = (index.FILENAME, exports.FOLDER + "/")


def dumps(data: dict) -> str:
    releases = {v: {**({"date": r["date"]} if r.get("date") else {}),
                    "pages": sorted(r["pages"]), "ids": sorted(r["ids"], key=registry._sort_key),
                    "files": sorted(r["files"])}
                for v, r in sorted(data["releases"].items(), key=lambda kv: _version_key(kv[0]))}
    return json.dumps({"about": ABOUT, "releases": releases}, ensure_ascii=False, indent=1) + "\n"


def record(data: dict, version: str, urls: list[str], ids: list[str], date: str, files: list[str]) -> dict:
    """The data with ``version`` recorded as publishing these URLs and ids, and the ``files``
    the build generated (:func:`site_files`) (replacing any earlier record of the same version;
    other versions are never touched). ``date`` (ISO) is the day of the release; a version
    recorded before keeps the date it was first recorded with."""
    date = (data["releases"].get(version) or {}).get("date") or date
    entry = {"date": date, "pages": sorted(urls), "ids": sorted(ids), "files": sorted(files)}
    return {**data, "releases": {**data["releases"], version: entry}}


def site_files(site: Path) -> list[str]:
    """The generated public files (:data:`GENERATED`) of a built site, site-relative."""
    found = []
    for name in GENERATED:
        target = site / name
        if name.endswith("/"):
            found += [p.relative_to(site).as_posix() for p in sorted(target.rglob("*")) if p.is_file()]
        elif target.is_file():
            found.append(name)
    return found


def release_date(data: dict, version: str | None) -> str | None:
    """The recorded day of a released version (None for `dev`, an unreleased or a plain build)."""
    return (data["releases"].get(version) or {}).get("date") if version else None


def first_published(data: dict, kind: str) -> dict[str, str]:
    """Each URL (kind ``pages``), id (``ids``) or generated file (``files``) with the first
    version that published it."""
    first: dict[str, str] = {}
    for version in sorted(data["releases"], key=_version_key):
        for item in data["releases"][version].get(kind, []):
            first.setdefault(item, version)
    return first


def site_urls(docs: Path, exclude_docs: str = "") -> list[str]:
    """The public URLs the docs produce: each Markdown page (directory URLs) and each other file."""
    excluded = pathspec.PathSpec.from_lines("gitignore", exclude_docs.splitlines())
    urls = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = path.relative_to(docs).as_posix()
        if excluded.match_file(rel) or any(part.startswith(".") for part in Path(rel).parts):
            continue
        urls.append(validate.page_url(rel) if rel.endswith(".md") else rel)
    return urls


def page_redirects(config: dict) -> dict[str, str]:
    """mkdocs-redirects' ``redirect_maps`` from the parsed mkdocs.yml, as URL → URL."""
    maps: dict = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            maps = (plugin["redirects"] or {}).get("redirect_maps") or {}
    return {validate.page_url(old): validate.page_url(new) if new.endswith(".md") else new
            for old, new in maps.items()}


def check(data: dict, urls: list[str], records: list[dict], reg: dict, redirects: dict[str, str]) -> list[str]:
    """Errors, each naming a published URL or id that the current sources lack undeclared."""
    errors = []
    present = set(urls)
    for url, version in first_published(data, "pages").items():
        if url not in present and url not in redirects:
            errors.append(f"page URL /{url} (published in {version}) is missing: restore it, or declare "
                          f"a redirect for it in mkdocs.yml (plugins: redirects: redirect_maps)")
    for pid, version in first_published(data, "ids").items():
        parsed = passages.parse(pid)
        entry = reg["ids"].get(pid) or {"essay": parsed.essay if parsed else pid.split("-")[0]}
        for message in registry.check(records, {"ids": {pid: entry}, "redirects": reg["redirects"]}):
            errors.append(f"published in {version}: {message}")
    return errors


def _file(site: Path, url: str) -> Path:
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def check_site(data: dict, site: Path, reg: dict, redirects: dict[str, str]) -> list[str]:
    """Errors for published URLs with no file in the built site, generated files no longer
    generated, and published ids with no element of that id on their page (following a
    declared page redirect)."""
    errors = []
    for url, version in first_published(data, "pages").items():
        if not _file(site, url).exists():
            errors.append(f"page URL /{url} (published in {version}) is not in the built site")
    for name, version in first_published(data, "files").items():
        if not (site / name).is_file():
            errors.append(f"file /{name} (published in {version}) is no longer generated: restore it")
    anchors: dict[str, set[str]] = {}
    for pid, version in first_published(data, "ids").items():
        entry = reg["ids"].get(pid)
        if entry is None:
            errors.append(f"passage id {pid} (published in {version}) is not in docs/{registry.FILENAME}")
            continue
        page = entry["url"].split("#")[0]
        page = redirects.get(page, page)
        if page not in anchors:
            path = _file(site, page)
            anchors[page] = set(lxml_html.parse(str(path)).getroot().xpath("//@id")) if path.exists() else set()
        if pid not in anchors[page]:
            errors.append(f"passage id {pid} (published in {version}) has no anchor on /{page}")
    return errors
