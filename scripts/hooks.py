"""MkDocs hooks: the only module that imports MkDocs.

Each hook is guarded (it acts on essay pages only, those with ``essay`` in their front matter)
and hands the work to a pure function in ``scripts/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts import apparatus, decorate, htmltools, index, passages, registry, validate  # noqa: E402

_records: dict[str, list[dict]] = {}
_order: list[str] = []


def on_config(config):
    _records.clear()
    _order.clear()


def on_nav(nav, config, files):
    _order[:] = [page.file.src_uri for page in nav.pages]


def on_page_markdown(markdown, page, config, files):
    meta = page.meta
    if "essay" not in meta:
        return markdown
    errors = validate.front_matter(meta, page.file.src_uri)
    if errors:
        raise PluginError("\n".join(str(e) for e in errors))
    link = validate.relative_link(page.file.src_uri, meta["copytext"]["file"])
    return markdown + "\n\n" + apparatus.markdown(meta, link)


def on_page_content(html, page, config, files):
    meta = page.meta
    if "essay" not in meta:
        return html
    essay = meta["essay"]["id"]
    redirects = registry.load(Path(config["docs_dir"]) / registry.FILENAME)["redirects"]
    html = decorate.essay_html(html, essay, meta.get("emendations") or [], redirects)
    _records[page.file.src_uri] = passages.records(htmltools.parse_fragment(html), essay, page.url)
    return html


def on_post_build(config):
    records = [r for uri in _order for r in _records.get(uri, [])]
    errors = validate.unique_ids({uri: _records[uri] for uri in _records})
    if errors:
        raise PluginError("\n".join(str(e) for e in errors))
    index.write(Path(config["site_dir"]) / index.FILENAME, records)
