"""MkDocs hooks: the only module that imports MkDocs.

Each hook is guarded (page hooks act on the pages they concern: essays, those with ``essay`` in
their front matter, and the bibliography) and hands the work to a pure function in ``scripts/``.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import jinja2  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.toc import AnchorLink, TableOfContents  # noqa: E402
from mkdocs_bibtex.citation import CitationBlock  # noqa: E402

from scripts.citing import plugin, steps  # noqa: E402
from scripts.common import diskcache, htmltools, validate, versions  # noqa: E402
from scripts.edition import apparatus, checks, decorate, index, passages, registry  # noqa: E402
from scripts.publishing import published, reproducible  # noqa: E402

_records: dict[str, list[dict]] = {}
_order: list[str] = []
# What pandoc formats for the whole site (steps.formatted), and mkdocs-bibtex's citations
# (plugin.prefetch), are started with the build and run beside it; pages wait for them only
# when they need them, and are built last (on_files).
_background = ThreadPoolExecutor(max_workers=2)
_formatted: Future | None = None
_root: str | None = None  # this version's address, if the site's is known
_version: str | None = None
_cache = diskcache.folder(ROOT, os.environ)


@event_priority(100)  # before mkdocs-bibtex's on_config, which reads the CSL file
def on_config(config):
    _records.clear()
    _order.clear()
    if plugin.PLUGIN in config["plugins"]:
        plugin.configure(config["plugins"][plugin.PLUGIN].config)
    reproducible.pin(ROOT)  # every build of a commit is byte-identical (SOURCE_DATE_EPOCH)
    global _formatted, _root, _version
    _version = os.environ.get("MIKE_DOCS_VERSION") or None  # set by mike in a versioned build
    _root = versions.version_root(config.get("site_url"), _version)
    released = published.release_date(published.load(Path(config["docs_dir"]) / published.FILENAME), _version)
    _formatted = _background.submit(steps.formatted, _root, _cache, versions.edition_csl(_version, released))


def on_pre_build(config):  # after mkdocs-bibtex's on_config, which makes its registry
    if plugin.PLUGIN in config["plugins"]:
        plugin.cache_pandoc(config["plugins"][plugin.PLUGIN].registry, _cache)


def on_files(files, config):
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    if plugin.PLUGIN in config["plugins"]:
        plugin.prefetch(config["plugins"][plugin.PLUGIN].registry, list(pages.values()),
                           CitationBlock.from_markdown, _background.submit)
    # Pages that wait for those pandoc runs are built last, while the runs go on beside the rest.
    rank = plugin.build_rank(pages, CitationBlock.from_markdown)
    return Files(sorted(files, key=lambda f: rank.get(f.src_uri, 0)))


def on_nav(nav, config, files):
    _order[:] = [page.file.src_uri for page in nav.pages]


def on_page_markdown(markdown, page, config, files):
    # A versioned page (mike) is canonical in `latest` (the sitemap lists that address too).
    latest = versions.latest_url(config.get("site_url"), _version, page.url)
    if latest:
        page.canonical_url = latest
    markdown = plugin.plugin_markdown(markdown)
    meta = page.meta
    if meta.get("bibliography"):
        pages = {validate.page_url(f.src_uri): f.content_string for f in files.documentation_pages()}
        titles = {validate.page_url(f.src_uri): f.page.title for f in files.documentation_pages() if f.page and f.page.title}
        return steps.bibliography_markdown(markdown, pages, titles, page.url, _formatted.result())
    if "essay" not in meta:
        return markdown
    errors = checks.front_matter(meta, page.file.src_uri, cache_dir=_cache)
    if errors:
        raise PluginError("\n".join(str(e) for e in errors))
    link = validate.relative_link(page.file.src_uri, meta["copytext"]["file"])
    markdown = steps.essay_markdown(markdown, page.file.src_uri)
    return markdown + "\n\n" + apparatus.markdown(meta, link)


def on_page_content(html, page, config, files):
    meta = page.meta
    if "essay" not in meta:
        return html
    essay = meta["essay"]["id"]
    redirects = registry.load(Path(config["docs_dir"]) / registry.FILENAME)["redirects"]
    html = decorate.essay_html(html, essay, meta.get("emendations") or [], redirects)
    html = steps.essay_content(html, page.url)
    _records[page.file.src_uri] = passages.records(htmltools.parse_fragment(html), essay, page.url)
    return html


def on_post_build(config):
    records = [r for uri in _order for r in _records.get(uri, [])]
    errors = checks.unique_ids({uri: _records[uri] for uri in _records})
    if errors:
        raise PluginError("\n".join(str(e) for e in errors))
    index.write(Path(config["site_dir"]) / index.FILENAME, records)
    steps.write_downloads(Path(config["site_dir"]), _root, _formatted.result())


def on_page_context(context, page, config, nav):
    if "essay" not in page.meta:
        return context
    # The essay's <h1 id="title"> comes from overrides/essay.html, not the Markdown: put it at the
    # head of the toc as a Markdown h1 would be, so Material's skip link goes to the title and its
    # toc (which drops a leading h1) is unchanged.
    title = AnchorLink(page.title, "title", 1)
    title.children = list(page.toc)
    page.toc = TableOfContents([title])
    context.update(steps.essay_context(page.meta["essay"]["id"], page.url, _root, _version,
                                         config["site_name"], _formatted.result()))
    return context


def on_env(env, config, files):
    # Compiled templates kept in .cache/ (Jinja checks each template's source before use).
    if _cache is not None:
        (_cache / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_cache / "jinja"))
    return env
