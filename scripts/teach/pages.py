"""The teachers' kit's pages, made at build time:

- the teachers' page: for each essay, its sections and every paragraph (number, first words, a
  link in ``latest`` and one pinned to this version, the paragraph's citation), each section as a
  range ("paras. 6–11"), the comparison themes and the concepts; the data the page's script
  (overrides/assets/teach.js) needs for its copy buttons, its range tool and the syllabus
  builder. Every citation is the edition's own (scripts/citing/citethis.py, CSL), its number and
  address filled in;
- each essay's reading guide: the concepts to know first, the argument part by part (each part a
  range link), the questions with the passages they are about;
- the comparison assignment: its prompts with the themes they use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape

from lxml import html as lxml_html

from scripts.common import htmltools
from scripts.teach import model, packets, ranges
from scripts.teach.links import Links

MARKER = "<!-- teach:kit -->"  # where the teachers' page's Markdown takes the generated kit
WORDS = 9  # first words shown of each paragraph


@dataclass
class Essay:
    id: str
    title: str
    author: str
    url: str  # site-relative: essays/toucas/
    records: list[dict]  # its passage records, in reading order
    cite: dict[str, dict[str, str]]  # style -> citation forms (scripts/citing/citethis.py), placeholders in
    guide: str | None = None  # its reading guide's site-relative URL
    extra: dict = field(default_factory=dict)

    @property
    def surname(self) -> str:
        return self.author.split()[-1]


def fill(fragment: str, number: str | None = None, first: str | None = None, url: str | None = None) -> str:
    """A citation form with its placeholders filled (scripts/citing/citethis.py marks them): the
    locator (the paragraph, or a range's last), a range's first paragraph, and the address when it
    is absolute (a relative one is the page's script's to make absolute)."""
    root = htmltools.parse_fragment(fragment)
    for el in root.xpath("//*[@data-cite-locator]"):
        if number is not None:
            el.text = number
    for el in root.xpath("//*[@data-cite-from]"):
        if first is not None:
            el.text = first
    for a in root.xpath("//a[@data-cite-url]"):
        a.set("data-cite-url", url or "")
        if url:  # a relative one: the page's script writes it out in full
            a.set("href", url)
        if url and "://" in url:
            a.text = url
    return htmltools.serialize_fragment(root)


def first_words(text: str, count: int = WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _links(links: Links, url: str, what: str) -> str:
    """A passage's two links: in latest, and pinned to this version (one in a build that has none).
    Each link's name starts with its visible words ("latest: Toucas, paragraph 4")."""
    def link(href: str, shown: str) -> str:
        return (f'<a href="{escape(href)}" data-teach-link="">{escape(shown)}'
                f'<span class="edition-visually-hidden">: {escape(what)}</span></a>')

    pinned = links.pinned(url)
    if pinned is None:
        return f'<span class="teach-links">{link(links.latest(url), "link")}</span>'
    return (f'<span class="teach-links">{link(links.latest(url), "latest")} · '
            f'{link(pinned, "version " + links.pinned_label)}</span>')


def _cite(e: Essay, links: Links, url: str, number: str, first: str | None = None) -> str:
    """The Chicago citation of a paragraph or range: in the text, and (for copying) the
    reference with the pinned address."""
    forms = e.cite["chicago"]
    intext = fill(forms["range_intext" if first else "paragraph_intext"], number, first)
    target = links.pinned(url) or links.latest(url)
    entry = fill(forms["edition"], url=target)
    return (f'<span class="teach-cite"><span class="teach-cite__intext">{intext}</span>'
            f'<span class="teach-cite__entry" hidden>{entry}</span></span>')


def _range(e: Essay, links: Links, span: list[dict]) -> tuple[str, str, str | None]:
    """A range's link target, its label (¶ 6–11) and its citation (None without paragraphs)."""
    numbers = ranges.paragraphs(span)
    url = ranges.href(e.url, span[0]["id"], span[-1]["id"])
    if numbers is None:
        return url, span[0]["label"], None
    label = f"¶ {numbers[0]}" if numbers[0] == numbers[1] else f"¶ {numbers[0]}–{numbers[1]}"
    if numbers[0] == numbers[1]:
        return url, label, _cite(e, links, url, numbers[0])
    return url, label, _cite(e, links, url, numbers[1], numbers[0])


def essay_html(e: Essay, links: Links, packet: bool = False) -> str:
    """One essay's part of the teachers' page: its reference, its sections (each a range) and its
    paragraphs, and the range tool (shown by the script)."""
    text = ranges.reading(e.records)
    out = [f'<div class="teach-essay" data-essay="{escape(e.id)}">']
    whole = _range(e, links, text)
    out.append(f'<p class="teach-essay__meta">{escape(e.author)}, <a href="{escape(links.here(e.url))}">“{escape(e.title)}”</a>'
               + (f' · <a href="{escape(links.here(e.guide))}">Reading guide</a>' if e.guide else "")
               + (f' · <a href="{escape(links.here(packets.FOLDER + "/" + e.id + ".pdf"))}" download>Reading packet '
                  f'(PDF, {packets.token(e.id)})</a>' if packet else "") + "</p>")
    out.append(f'<p class="teach-essay__reference">Reference (Chicago, pinned): {fill(e.cite["chicago"]["edition"], url=links.pinned(e.url) or links.latest(e.url))}</p>')
    out.append(f'<p class="teach-item teach-item--whole" data-item="r:{escape(text[0]["id"])}:{escape(text[-1]["id"])}">'
               f'<span class="teach-item__label">The whole essay, {whole[1]}</span> '
               f'{_links(links, whole[0], f"The whole essay, {e.surname}")} {whole[2] or ""}</p>')
    for s in ranges.sections(text):
        span = ranges.span(text, s.first, s.last)
        url, label, cite = _range(e, links, span)
        out.append(f'<h3 id="teach-{escape(s.id)}">{escape(s.title)} <span class="teach-section__range">({escape(label)})</span></h3>')
        out.append(f'<p class="teach-item teach-item--section" data-item="r:{escape(s.first)}:{escape(s.last)}">'
                   f'<span class="teach-item__label">The section, {escape(label)}</span> '
                   f'{_links(links, url, f"{e.surname}, section {s.title}, {label}")} {cite or ""}</p>')
        rows = []
        for r in span:
            if r["kind"] != "paragraph":
                continue
            url, pid, number = f"{e.url}#{r['id']}", escape(r["id"]), r["number"]
            what = f"{e.surname}, paragraph {number}"
            rows.append(f'<li class="teach-item" id="teach-{pid}" data-item="p:{pid}">'
                        f'<span class="teach-item__label">{escape(r["label"])}</span> '
                        f'<span class="teach-item__words">{escape(first_words(r["text"]))}</span> '
                        f'{_links(links, url, what)} {_cite(e, links, url, number)}</li>')
        if rows:
            out.append(f'<ol class="teach-paragraphs">{"".join(rows)}</ol>')
    options = "".join(f'<option value="{escape(r["id"])}">{escape(r["label"])}: {escape(first_words(r["text"], 5))}</option>'
                      for r in text if r["kind"] == "paragraph")
    out.append(f'<form class="teach-range" data-essay="{escape(e.id)}" hidden>'
               f'<p class="teach-range__title">A range of paragraphs</p>'
               f'<label>From <select name="from">{options}</select></label> '
               f'<label>to <select name="to">{options}</select></label> '
               f'<output class="teach-range__result" aria-live="polite"></output></form>')
    out.append("</div>")
    return "".join(out)


def items_html(kind: str, entries: list[tuple[str, str, str]], links: Links) -> str:
    """A list of pages to add to a syllabus (``entries``: key, title, site-relative URL)."""
    return (f'<ul class="teach-pages teach-pages--{kind}">' + "".join(
        f'<li class="teach-item" data-item="{kind[0]}:{escape(key)}"><span class="teach-item__label">{escape(title)}</span> '
        f'{_links(links, url, title)}</li>' for key, title, url in entries) + "</ul>")


def builder_html() -> str:
    """The syllabus builder's place (the page's script fills it)."""
    return ('<div class="teach-builder" data-teach-builder="" hidden>'
            '<p class="teach-builder__empty">Nothing yet: choose <strong>Add</strong> beside a paragraph, a section, '
            'a range, a comparison or a concept.</p>'
            '<ol class="teach-builder__items"></ol>'
            '<div class="teach-builder__controls">'
            '<label>Format <select name="format"><option value="markdown">Markdown</option>'
            '<option value="html">HTML</option><option value="text">Plain text</option></select></label> '
            '<label>Citation style <select name="style"><option value="chicago">Chicago</option>'
            '<option value="apa">APA</option><option value="mla">MLA</option></select></label></div>'
            '<label class="teach-builder__output-label" for="teach-builder-output">Your list</label>'
            '<textarea id="teach-builder-output" class="teach-builder__output" readonly rows="8"></textarea>'
            '</div>'
            '<noscript><p>The syllabus builder needs JavaScript. Every link and citation on this page works '
            'without it: copy them from the lists below.</p></noscript>')


def data_json(essays: list[Essay], themes: list[tuple[str, str, str]], concepts: list[tuple[str, str, str]],
              links: Links, edition_cite: dict[str, str]) -> str:
    """What the page's script needs, as JSON: for each essay its passages and citation forms
    (every style), the themes and concepts, and the edition's own reference for those pages."""
    def urls(url: str) -> dict:
        return {"latest": links.latest(url), "pinned": links.pinned(url)}

    data = {
        "version": links.version,
        "essays": {e.id: {"title": e.title, "author": e.author, "surname": e.surname, **urls(e.url),
                          "url": e.url,
                          "passages": [{"id": r["id"], "kind": r["kind"], "number": r["number"], "label": r["label"]}
                                       for r in ranges.reading(e.records)],
                          "cite": {style: {k: forms[k] for k in ("paragraph_intext", "range_intext", "edition")}
                                   for style, forms in e.cite.items()}}
                   for e in essays},
        "pages": {**{f"t:{k}": {"title": t, "kind": "Comparison", **urls(u)} for k, t, u in themes},
                  **{f"c:{k}": {"title": t, "kind": "Concept", **urls(u)} for k, t, u in concepts}},
        "edition": edition_cite,
        "latest": links.latest(""), "pinned": links.pinned(""),
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" id="teach-data">{text}</script>'


def kit_markdown(text: str, essays: list[Essay], themes, concepts, links: Links, edition_cite: dict[str, str],
                 packet: bool = False) -> str:
    """The teachers' page's Markdown with the kit where its marker is."""
    parts = ["## Build a syllabus {#syllabus}\n", builder_html() + "\n"]
    if not links.version:
        parts.append('<p class="teach-unversioned">This copy of the edition is not a released version, so its '
                     'links cannot be pinned to one: each is this copy’s own address. On the published site every '
                     'link is given twice, in <code>latest</code> and pinned to its version.</p>\n')
    for e in essays:
        parts.append(f"## {e.surname}: {e.title} {{#essay-{e.id}}}\n")
        parts.append(essay_html(e, links, packet) + "\n")
    parts.append("## Comparisons {#comparisons}\n")
    parts.append(items_html("themes", themes, links) + "\n")
    parts.append("## Concepts {#concepts}\n")
    parts.append(items_html("concepts", concepts, links) + "\n")
    parts.append(data_json(essays, themes, concepts, links, edition_cite) + "\n")
    return text.replace(MARKER, "\n\n".join(parts), 1)


def guide_markdown(text: str, g: model.Guide, e: Essay, concepts: dict[str, str], prefix: str) -> str:
    """A reading guide's Markdown: its introduction, then what the page is made of
    (``concepts``: slug -> title)."""
    records = ranges.reading(e.records)
    labels = {r["id"]: r for r in e.records}
    out = [text.rstrip(), "", f'<p class="teach-guide__essay">A guide to {escape(e.author)}, '
           f'<a href="{escape(prefix + e.url)}">“{escape(e.title)}”</a>. The summaries and questions are the '
           'edition’s words, not the author’s.</p>', "", "## Before you read {#before}", "",
           '<p>Concepts the essay assumes a reader knows:</p>', "",
           '<ul class="teach-guide__concepts">' + "".join(
               f'<li><a href="{escape(prefix)}concepts/{escape(slug)}/">{escape(concepts[slug])}</a></li>' for slug in g.before)
           + "</ul>", "", "## The argument, part by part {#parts}", ""]
    for i, part in enumerate(g.parts, 1):
        span = ranges.span(records, part.first, part.last) or []
        numbers = ranges.paragraphs(span)
        label = "" if numbers is None else (f"¶ {numbers[0]}" if numbers[0] == numbers[1] else f"¶ {numbers[0]}–{numbers[1]}")
        href = prefix + ranges.href(e.url, part.first, part.last)
        out += [f"### {i}. {part.title} {{#part-{i}}}", "",
                f'<p class="teach-guide__range"><a href="{escape(href)}">Read {escape(label or labels[part.first]["label"])}</a></p>', "",
                f'<p class="teach-guide__summary">{escape(part.summary)}</p>', ""]
    out += ["## Questions for discussion {#questions}", "", '<ol class="teach-guide__questions">' + "".join(
        f'<li><p>{escape(q.text)}</p><p class="teach-guide__passages">About '
        + ", ".join(f'<a href="{escape(prefix + e.url)}#{escape(pid)}">{escape(labels[pid]["label"])}</a>' for pid in q.passages)
        + "</p></li>" for q in g.questions) + "</ol>", ""]
    return "\n".join(out)


def assignment_markdown(text: str, prompts: list[model.Prompt], themes: dict[str, str], prefix: str) -> str:
    """The comparison assignment's Markdown: the teacher's note, then the prompts with their
    themes (``themes``: slug -> title)."""
    out = [text.rstrip(), "", "## Prompts {#prompts}", "", '<ol class="teach-prompts">' + "".join(
        f'<li><p>{escape(p.text)}</p><p class="teach-prompts__themes">Comparisons to use: '
        + ", ".join(f'<a href="{escape(prefix)}compare/{escape(slug)}/">{escape(themes[slug])}</a>' for slug in p.themes)
        + "</p></li>" for p in prompts) + "</ol>", ""]
    return "\n".join(out)


def link_concepts(root: lxml_html.HtmlElement, linker, prefix: str) -> None:
    """Concept mentions in a guide's or the assignment's prose, linked as in the essays."""
    for el in root.cssselect(".teach-guide__summary, .teach-guide__questions li > p:first-child, .teach-prompts li > p:first-child"):
        linker.link(el, prefix)
