"""MkDocs hooks: the only module that imports MkDocs (and mkdocs-bibtex), a thin registrar.

Each MkDocs event becomes one call of the site's features (scripts/site.py), given plain data
(scripts/common/feature.py: Build, Page, Source) instead of MkDocs objects; this module does no
work of its own. A feature's ContentError fails the build as a PluginError with every problem.
"""

from __future__ import annotations

import functools
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import jinja2  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.toc import AnchorLink, TableOfContents  # noqa: E402
from mkdocs_bibtex.citation import CitationBlock  # noqa: E402

from scripts import site  # noqa: E402
from scripts.common import diskcache  # noqa: E402
from scripts.common.feature import TOC_HEAD, Build, ContentError, Page, Source  # noqa: E402

# Work a feature starts beside the build (pandoc formatting) runs here, on the second core.
_background = ThreadPoolExecutor(max_workers=2)
_cache = diskcache.folder(ROOT, os.environ)
_site: site.Site | None = None
IN_NAV, NOT_IN_NAV = InclusionLevel.INCLUDED, InclusionLevel.NOT_IN_NAV


def _guarded(hook):
    """Report a feature's ContentError as MkDocs reports a plugin's error: the build fails."""
    @functools.wraps(hook)
    def call(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from error
    return call


def _page(page) -> Page:
    return Page(page.file.src_uri, page.url, page.meta, page.title)


@event_priority(100)  # before mkdocs-bibtex's on_config, which reads the CSL file a feature sets
def on_config(config):
    global _site
    _site = site.start(Build(
        root=ROOT, docs_dir=Path(config["docs_dir"]), site_dir=Path(config["site_dir"]),
        site_name=config["site_name"], site_url=config.get("site_url"),
        version=os.environ.get("MIKE_DOCS_VERSION") or None,  # set by mike in a versioned build
        released=None, cache=_cache, submit=_background.submit, plugins=config["plugins"],
        packets=os.environ.get("EDITION_PACKETS") == "1",
        parse_citations=CitationBlock.from_markdown))


def on_files(files, config):
    kept = [f for f in files if not _site.claims(f.src_uri)]  # MkDocs never reads those files
    kept += [File.generated(config, uri, content=markdown, inclusion=IN_NAV if in_nav else NOT_IN_NAV)
             for uri, (markdown, in_nav) in _site.pages().items()]
    _site.build.sources = lambda: [Source(f.src_uri, f.content_string, f.page.title if f.page else None)
                                   for f in kept if f.is_documentation_page()]
    rank = _site.files()
    return Files(sorted(kept, key=lambda f: rank.get(f.src_uri, 0)))


def on_nav(nav, config, files):
    _site.build.order[:] = [page.file.src_uri for page in nav.pages]


@_guarded
def on_page_markdown(markdown, page, config, files):
    info = _page(page)
    markdown = _site.markdown(info, markdown)
    if info.canonical_url:
        page.canonical_url = info.canonical_url
    return markdown


@_guarded
def on_page_content(html, page, config, files):
    return _site.html(_page(page), html)


def on_page_context(context, page, config, nav):
    added = _site.context(_page(page))
    head = added.pop(TOC_HEAD, None)
    if head:  # a title from the page's template heads its toc, as a Markdown h1 would
        entry = AnchorLink(head[1], head[0], 1)
        entry.children = list(page.toc)
        page.toc = TableOfContents([entry])
    context.update(added)
    return context


@_guarded
def on_post_build(config):
    _site.finish()


def on_env(env, config, files):
    # Compiled templates kept in .cache/ (Jinja checks each template's source before use).
    if _cache is not None:
        (_cache / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_cache / "jinja"))
    return env
