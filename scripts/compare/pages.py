"""The comparison pages and the essays' margin links to them, made at build time:

- the overview's matrix of themes (rows) by author (columns), after the overview's own text,
  made from the themes' front matter (one source of truth for a cell);
- a theme page laid out from its Markdown: the authors side by side, each with the edition's
  summary of the position and the author's words that support it as ``<blockquote cite>``
  quotes linked to their passages; then the edition's analysis and questions, marked as the
  edition's voice; links to the other themes;
- in each essay, on every passage a theme quotes, a margin link to that quote on the theme page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lxml import html as lxml_html

from scripts.common import htmltools
from scripts.compare import model
from scripts.edition import passages


@dataclass(frozen=True)
class Essay:
    """An essay as the comparison pages name it."""

    id: str
    author: str
    title: str
    url: str  # site-relative: essays/toucas/
    published: str  # as the essay's front matter gives it: November 2017, [2018]

    @property
    def surname(self) -> str:
        return model.surname(self.author)

    @property
    def key(self) -> str:
        return model.author_key(self.author)


def authors(essays: list[Essay]) -> list[Essay]:
    """Each author once, by their first essay in reading order: the matrix's columns."""
    first: dict[str, Essay] = {}
    for e in essays:
        first.setdefault(e.key, e)
    return list(first.values())


def _mark(relation: str) -> str:
    sign, word, _ = model.RELATIONS[relation]
    return f'<span class="compare-mark compare-mark--{relation}" aria-hidden="true">{sign}</span> {word}'


def overview_markdown(text: str, themes: list[model.Theme], essays: list[Essay], title: str) -> str:
    """The overview's Markdown, headed by its title (the navigation names it "Compare"), with
    the matrix after it."""
    legend = "".join(f'<div><dt>{_mark(r)}</dt><dd>{escape(words)}</dd></div>'
                     for r, (_, _, words) in model.RELATIONS.items())
    essays = authors(essays)
    head = "".join(f'<th scope="col">{escape(e.surname)} <span class="compare-matrix__date">({escape(e.published)})</span></th>'
                   for e in essays)
    rows = []
    for t in themes:
        cells = []
        for e in essays:
            side = t.sides[e.key]
            silent = '<span class="compare-silent">Silent.</span> ' if side.silent else ""
            cells.append(f'<td>{silent}<a href="{escape(t.slug)}/#{escape(e.surname.lower())}">{escape(side.summary)}</a></td>')
        rows.append(f'<tr><th scope="row"><a href="{escape(t.slug)}/">{escape(t.title)}</a></th>{"".join(cells)}'
                    f'<td class="compare-matrix__relation">{_mark(t.relation)}</td></tr>')
    head_line = "" if text.lstrip().startswith("# ") else f"# {title}\n\n"
    return (head_line + text.rstrip() + "\n\n## Theme by theme {#themes}\n\n"
            f'<p>Each row is a theme, each column an author. A cell gives the author’s position in the edition’s '
            f'words and leads to the quotes that support it; the last column says how the two stand:</p>\n\n'
            f'<dl class="compare-legend">{legend}</dl>\n\n'
            f'<div class="compare-matrix" role="region" aria-labelledby="compare-matrix-caption" tabindex="0">'
            f'<table class="compare-matrix__table"><caption id="compare-matrix-caption">The themes, author by author</caption>'
            f'<thead><tr><th scope="col">Theme</th>{head}<th scope="col">The two</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>\n')


def _work(e: Essay, prefix: str) -> str:
    return (f'<p class="compare-side__work">{escape(e.author)}, <a href="{escape(prefix + e.url)}">“{escape(e.title)}”</a>, '
            f'{escape(e.published)}</p>')


def quote_figure(q: model.Quote, e: Essay, label: str, spoken: str, prefix: str) -> lxml_html.HtmlElement:
    """One quote: the author's words, their source in ``cite``, a link to them in context."""
    href = escape(f"{prefix}{e.url}#{q.passage}")
    return htmltools.element(
        f'<figure class="compare-quote" id="{escape(q.anchor)}"><blockquote cite="{href}"><p>{escape(q.text)}</p></blockquote>'
        f'<figcaption>{escape(e.surname)}, <a href="{href}"><span aria-hidden="true">{escape(label)}</span>'
        f'<span class="edition-visually-hidden">{escape(spoken)}</span>, read in context</a></figcaption></figure>')


def theme_tree(root: lxml_html.HtmlElement, t: model.Theme, essays: list[Essay], themes: list[model.Theme],
               prefix: str) -> list[lxml_html.HtmlElement]:
    """Lay a theme page out (``root``: its content as rendered from its Markdown; the checks
    made sure of its headings); the elements in the edition's words, for concept links."""
    parts = _by_heading(root)
    prose = []
    by_id = {e.id: e for e in essays}
    sides = htmltools.element('<div class="compare-sides"></div>')
    for e in authors(essays):
        heading, body = parts[e.surname]
        side = t.sides[e.key]
        section = htmltools.element(f'<section class="compare-side" aria-labelledby="{heading.get("id")}"></section>')
        section.append(heading)
        section.append(htmltools.element(_work(e, prefix)))
        position = htmltools.element('<div class="compare-position"><p class="compare-label">The edition’s summary</p></div>')
        for el in body:
            position.append(el)
        prose += body
        section.append(position)
        if side.silent:
            section.append(htmltools.element(
                f'<p class="compare-silent-note"><span class="compare-mark compare-mark--silence" aria-hidden="true">○</span> '
                f'{escape(e.surname)} does not take this theme up: there is nothing of his to quote.</p>'))
        else:
            words = htmltools.element('<div class="compare-quotes"><p class="compare-label">In the author’s words</p></div>')
            for q in side.quotes:
                parsed = passages.parse(q.passage)
                words.append(quote_figure(q, by_id[q.essay], parsed.label, passages.spoken(parsed.kind, parsed.number), prefix))
            section.append(words)
        sides.append(section)
    analysis = htmltools.element(
        '<section class="compare-analysis" aria-labelledby="compare-analysis-label">'
        '<p class="compare-analysis__label" id="compare-analysis-label">The edition’s analysis: '
        'our reading of the two essays, not the authors’ words</p></section>')
    for name in (model.ANALYSIS, model.QUESTIONS):
        heading, body = parts[name]
        analysis.append(heading)
        for el in body:
            analysis.append(el)
        prose += body
    intro = htmltools.element(
        f'<p class="compare-intro">How {" and ".join(escape(e.surname) for e in authors(essays))} stand on this theme: '
        f'<strong class="compare-relation">{_mark(t.relation)}</strong>. The summaries and the analysis are the '
        'edition’s words; the quotes are the authors’, each linked to its place in the essay. '
        f'<a href="../">All themes</a></p>')
    first = root[0] if len(root) else None
    for el in (intro, sides, analysis):
        if first is not None:
            first.addprevious(el)
        else:
            root.append(el)
    root.append(_pager(t, themes))
    return prose


def _by_heading(root: lxml_html.HtmlElement) -> dict[str, tuple[lxml_html.HtmlElement, list]]:
    """The page's top-level h2s by their text, each with the elements after it up to the next
    h2 (the notes mkdocs-bibtex adds at the end stay where they are), taken out of ``root``."""
    parts, current = {}, None
    for el in list(root):
        if el.tag == "h2":
            current = " ".join(el.text_content().split())
            parts[current] = (el, [])
            root.remove(el)
        elif current is not None and not (el.tag == "div" and "footnote" in (el.get("class") or "").split()):
            parts[current][1].append(el)
            root.remove(el)
    return parts


def _pager(t: model.Theme, themes: list[model.Theme]) -> lxml_html.HtmlElement:
    i = themes.index(t)
    links = []
    if i > 0:
        links.append(f'<a href="../{escape(themes[i - 1].slug)}/" rel="prev">Previous theme: {escape(themes[i - 1].title)}</a>')
    links.append('<a href="../">All themes</a>')
    if i + 1 < len(themes):
        links.append(f'<a href="../{escape(themes[i + 1].slug)}/" rel="next">Next theme: {escape(themes[i + 1].title)}</a>')
    return htmltools.element(f'<nav class="compare-pager" aria-label="Themes">{"".join(links)}</nav>')


def margin_links(root: lxml_html.HtmlElement, essay: str, quoted: dict[str, list[tuple[model.Theme, model.Quote]]],
                 prefix: str) -> int:
    """On each passage of ``essay`` a theme quotes (``quoted``: passage id -> the themes and
    their first quote of it, in matrix order), a margin link to the quote; the links made."""
    made = 0
    for el, _ in passages.elements(root, essay):
        found = quoted.get(el.get("id"))
        tools = el.cssselect(".passage-tools") if found else []
        if not tools:
            continue
        links = "".join(
            f'<a href="{escape(prefix + t.url)}#{escape(q.anchor)}">'
            f'<span class="edition-visually-hidden">Compared: </span>{escape(t.short)}</a>' for t, q in found)
        # <small>, not <span>: Material's search ends an exclusion at the first inner element of
        # the excluded one's tag (scripts/annotations/layer.py). No title: Material would set up a
        # tooltip for each link as the page loads, which costs a phone a tenth of a second (make bench).
        tools[0].append(htmltools.element(f'<small class="compare-links" data-search-exclude>{links}</small>'))
        tools[0].set("class", tools[0].get("class") + " passage-tools--compared")
        made += len(found)
    return made
