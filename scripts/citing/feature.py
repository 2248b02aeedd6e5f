"""Citing in the build: what each step of a build (scripts.common.feature) adds for citations,
and the functions behind it.

- The build starts everything CSL formats for the site (one pandoc run beside the build, none
  with a warm cache), and mkdocs-bibtex's citations of every page (scripts.citing.bibtex_glue).
- Every page: mkdocs-bibtex's reference lines repaired. Essays: citation footnotes become links
  to the bibliography; each author's note that cites a work links to its entry; the "Cite
  this" panel, meta tags and JSON-LD. The bibliography page: every entry with where it is cited.
- At the end, each essay's citation downloads (BibTeX, RIS, CSL-JSON).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import html as lxml_html

from scripts.citing import bib, bibliography, bibtex_glue, checks, citethis, csl, exports, meta
from scripts.common import validate, versions
from scripts.common.feature import Build, Feature, Page, Project
from scripts.common.validate import Problem


class Citing(Feature):
    name = "citing"
    data_files = {f"bib/{bib.USAGE}": bib.USAGE_SCHEMA}

    def start(self, build: Build) -> None:
        plugin = build.plugins.get(bibtex_glue.PLUGIN)
        if plugin is not None:  # before the plugin's own start, which reads the CSL file
            bibtex_glue.configure(plugin.config)
        self.formatted = build.submit(formatted, build.address, build.cache,
                                      versions.edition_csl(build.version, build.released))

    def files(self, build: Build, pages: dict[str, str]) -> dict[str, int]:
        plugin = build.plugins.get(bibtex_glue.PLUGIN)
        if plugin is not None:
            bibtex_glue.cache_pandoc(plugin.registry, build.cache)
            bibtex_glue.prefetch(plugin.registry, list(pages.values()), build.parse_citations, build.submit)
        # Pages that wait for those pandoc runs are built last, while the runs go on beside the rest.
        return bibtex_glue.build_rank(pages, build.parse_citations)

    def markdown(self, build: Build, page: Page, text: str) -> str:
        text = bibtex_glue.plugin_markdown(text)
        if page.meta.get("bibliography"):
            sources = build.sources()
            pages = {validate.page_url(s.src_uri): s.markdown for s in sources}
            titles = {validate.page_url(s.src_uri): s.title for s in sources if s.title}
            return bibliography_markdown(text, pages, titles, page.url, self.formatted.result())
        if "essay" in page.meta:
            return essay_markdown(text, page.src_uri)
        return text

    def wants_tree(self, page: Page) -> bool:
        return "essay" in page.meta

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        essay_tree(root, page.url)

    def context(self, build: Build, page: Page) -> dict:
        if "essay" not in page.meta:
            return {}
        return essay_context(page.meta["essay"]["id"], page.url, build.address, build.version,
                             build.site_name, self.formatted.result())

    def finish(self, build: Build) -> None:
        write_downloads(build.site_dir, build.address, self.formatted.result())

    def check(self, project: Project) -> list[Problem]:
        return checks.project_problems(project)


def absolute(site_url: str | None, page_url: str) -> str | None:
    """A page's absolute address, if the site's address is configured."""
    return site_url.rstrip("/") + "/" + page_url if site_url else None


def edition_urls(root: str | None) -> dict[str, str]:
    """The address of each essay's page in this version of the edition, by its edition entry
    (if the site's address is known; ``root``: scripts.common.versions.version_root)."""
    urls = {}
    for essay, keys in bib.usage()["essays"].items():
        url = absolute(root, f"essays/{essay}/")
        if url:
            urls[keys["edition"]] = url
    return urls


def edition_items(items: dict[str, dict], fields: dict) -> dict[str, dict]:
    """The CSL items with this version's ``fields`` (scripts.common.versions.edition_csl: version and
    release date) on the edition's own entries: the edition, and each essay as published in it."""
    use = bib.usage()
    keys = {use["edition"]} | {e["edition"] for e in use["essays"].values()}
    return {k: csl.with_fields(item, fields) if k in keys else item for k, item in items.items()}


def formatted(root: str | None, cache_dir: Path | None, fields: dict | None = None) -> dict:
    """Everything CSL formats for the site, in one pandoc run (none if ``cache_dir`` has it):
    ``items`` (CSL-JSON by key), ``cite`` (each essay's "Cite this" data), ``bibliography``
    (the bibliography page's entries by key) and ``edition_cite`` (the edition's own entry in
    each style, for any of its pages: scripts/teach). A build computes it once, as it starts (:class:`Citing`).
    ``root`` is this version's address if known; ``fields`` date the edition's entries.
    """
    items = edition_items(csl.csl_items(cache_dir=cache_dir), fields or {})
    essays = bib.usage()["essays"]
    jobs = [bibliography.job(items, edition_urls(root))]
    for keys in essays.values():
        jobs += citethis.jobs(items, keys["original"], keys["edition"])
    edition = bib.usage()["edition"]
    jobs += citethis.edition_jobs(items, edition)
    results = csl.render_many(jobs, cache_dir)
    panels, rest = {}, results[1:]
    for essay, keys in essays.items():
        count = len(csl.STYLES) * 2
        panels[essay] = citethis.assemble(rest[:count], keys["original"], keys["edition"])
        rest = rest[count:]
    return {"items": items, "cite": panels, "bibliography": results[0][1],
            "edition_cite": citethis.edition_entries(rest[:len(csl.STYLES)], edition)}


def essay_markdown(markdown: str, src_uri: str) -> str:
    link = posixpath.relpath(bibtex_glue.BIBLIOGRAPHY, posixpath.dirname(src_uri) or ".")
    return bibtex_glue.essay_markdown(markdown, link)


def essay_tree(root: lxml_html.HtmlElement, page_url: str) -> None:
    """Link each author's note that cites a work to the work's bibliography entry (``root``: the
    essay's parsed content, changed in place)."""
    items = bib.load().entries
    titles = {k: bibliography_title(e.fields.get("title", k)) for k, e in items.items()}
    prefix = "../" * page_url.count("/")
    use = bib.usage()
    bibtex_glue.link_notes(root, use.get("notes") or {}, titles, prefix + "bibliography/",
                           use.get("copies") or {})


def bibliography_title(title: str) -> str:
    return title.replace("{", "").replace("}", "")


def essay_context(essay: str, page_url: str, root: str | None, version: str | None, site_name: str,
                  done: dict) -> dict:
    """Template variables of an essay page: the "Cite this" panel, meta tags, JSON-LD
    (``root``: this version's address if known; ``done``: :func:`formatted`)."""
    keys = bib.usage()["essays"][essay]
    prefix = "../" * page_url.count("/")
    downloads = {fmt: prefix + path for fmt, path in exports.paths(essay).items()}
    url = absolute(root, page_url)
    return {
        "edition_cite": citethis.panel(essay, done["cite"][essay], downloads,
                                       versions.citable_page(page_url, version, root)),
        "edition_meta": meta.meta_tags(keys["original"], url),
        "edition_jsonld": meta.json_ld(keys["original"], site_name, url),
    }


def bibliography_markdown(markdown: str, pages: dict[str, str], titles: dict[str, str],
                          page_url: str, done: dict) -> str:
    """The bibliography page; ``pages`` maps each docs page's URL to its Markdown
    (``done``: :func:`formatted`)."""
    cited = {url: bib.cited_keys(text) for url, text in pages.items()}
    cited = {url: keys for url, keys in cited.items() if keys}
    prefix = "../" * page_url.count("/")
    return bibliography.markdown(markdown, done["bibliography"], bib.usage(), cited, titles, prefix)


def write_downloads(site_dir: Path, root: str | None, done: dict) -> None:
    urls = edition_urls(root)
    for essay, keys in bib.usage()["essays"].items():
        exports.write(site_dir, essay, [keys["original"], keys["edition"]], urls, done["items"])
