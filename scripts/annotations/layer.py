"""The annotation layer of an essay page, made at build time (nothing is fetched when a page is
read): each annotation's words highlighted in its passage, a marker after them that opens its
note, the note itself beside the passage (hidden until opened, its content in a ``<template>``
until then; left out of the site search, which finds it on its own page), and each passage's
count.

Without the page's script every marker is a link to the annotation's own page; the script
(overrides/assets/annotations.js) makes it open the note in place, and
adds the controls that hide or show the layer and filter it by motivation or tag, in a place
the page keeps for them, so nothing moves.
"""

from __future__ import annotations

from html import escape

from lxml import html as lxml_html

from scripts.annotations import model
from scripts.annotations.anchoring import Anchor
from scripts.common import htmltools
from scripts.edition import passages
from scripts.edition.textmap import TextMap


def _mark(a: model.Annotation, first: bool) -> lxml_html.HtmlElement:
    extra = f' id="{a.anchor}"' if first else ""
    return htmltools.element(f'<mark class="annotation-mark" data-annotation="{escape(a.id)}"{extra}></mark>')


def label(a: model.Annotation, number: int, where: str) -> str:
    """The marker's accessible name: "Annotation 1 on paragraph 12, context, by Jane Doe"."""
    return f"Annotation {number} on {where}: {model.MOTIVATIONS[a.motivation].lower()}, by {a.creator}"


def marker(a: model.Annotation, number: int, where: str, prefix: str) -> lxml_html.HtmlElement:
    return htmltools.element(
        f'<sup class="annotation-marker" data-not-text="" data-search-exclude><a href="{escape(prefix + a.url)}" data-annotation="{escape(a.id)}" '
        f'data-motivation="{a.motivation}" data-tags="{escape(" ".join(a.tags))}" '
        f'aria-label="{escape(label(a, number, where))}">✎</a></sup>')


def note(a: model.Annotation, body_html: str, sources_html: list[str], prefix: str, number: int, where: str) -> lxml_html.HtmlElement:
    """The note beside its passage: who, when, why, the note, its sources, its own page."""
    who = (f'<a href="{escape(a.creator_url)}" rel="nofollow noopener">{escape(a.creator)}</a>'
           if a.creator_url else escape(a.creator))
    dates = f'<time datetime="{a.created}">{a.created}</time>'
    if a.modified:
        dates += f', revised <time datetime="{a.modified}">{a.modified}</time>'
    tags = "".join(f'<li>{escape(t)}</li>' for t in a.tags)
    sources = "".join(f"<li>{s}</li>" for s in sources_html)
    aside = htmltools.element(
        f'<aside class="annotation-note" id="{a.anchor}-note" data-annotation="{escape(a.id)}" '
        f'data-motivation="{a.motivation}" data-tags="{escape(" ".join(a.tags))}" '
        f'aria-label="{escape(label(a, number, where))}" hidden data-search-exclude>'
        f'<p class="annotation-note__meta"><span class="annotation-note__motivation">'
        f'{escape(model.MOTIVATIONS[a.motivation])}</span> · {who} · {dates}</p>'
        f'<div class="annotation-note__body"></div>'
        + (f'<p class="annotation-note__heading">Sources</p><ul class="annotation-note__sources">{sources}</ul>' if sources else "")
        + (f'<ul class="annotation-note__tags" aria-label="Tags">{tags}</ul>' if tags else "")
        + f'<p class="annotation-note__page"><a href="{escape(prefix + a.url)}">The annotation’s page</a> · '
        f'<span class="annotation-note__edition">An annotation, not the author’s text</span></p></aside>')
    body = aside.cssselect(".annotation-note__body")[0]
    for child in htmltools.parse_fragment(body_html):
        body.append(child)
    # Its content in a <template>: inert until the page's script opens the note (nothing to
    # style or lay out on load, however many notes an essay has); without the script the
    # marker leads to the annotation's page instead.
    template = htmltools.element("<template></template>")
    for child in list(aside):
        template.append(child)
    aside.append(template)
    return aside


def _outside(mark: lxml_html.HtmlElement, passage: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The element the marker follows: the last highlight, or the outermost link, code or note
    marker it ends in (a link may not hold the marker's link, nor a note number a marker)."""
    after, node = mark, mark
    while (parent := node.getparent()) is not None and parent is not passage:
        if parent.tag in ("a", "code", "kbd", "samp", "sup"):
            after = parent
        node = parent
    return after


def add(root: lxml_html.HtmlElement, essay: str, annotations: list[model.Annotation], anchors: dict[str, Anchor],
        notes: dict[str, str], sources: dict[str, list[str]], prefix: str) -> dict[str, int]:
    """Highlight, mark and annotate every passage of ``essay`` that carries annotations
    (``notes``: each annotation's rendered note; ``sources``: its sources, formatted); the
    number of annotations by passage."""
    by_passage: dict[str, list[model.Annotation]] = {}
    for a in annotations:
        if a.id in anchors:
            by_passage.setdefault(anchors[a.id].passage, []).append(a)
    counts = {}
    for el, parsed in passages.elements(root, essay):
        mine = sorted(by_passage.get(el.get("id"), []), key=lambda a: (anchors[a.id].start, a.id))
        if not mine:
            continue
        where = passages.spoken(parsed.kind, parsed.number)
        for number, a in sorted(enumerate(mine, 1), key=lambda item: -anchors[item[1].id].start):
            anchor = anchors[a.id]
            marks = TextMap(el).wrap(anchor.start, anchor.end, lambda first, a=a: _mark(a, first))
            made, after = marker(a, number, where, prefix), _outside(marks[-1], el)
            made.tail = after.tail
            after.tail = None
            after.addnext(made)
        for number, a in reversed(list(enumerate(mine, 1))):  # after the passage, in order
            el.addnext(note(a, notes[a.id], sources.get(a.id, []), prefix, number, where))
        el.set("data-annotations", str(len(mine)))
        _count(el, len(mine))
        counts[el.get("id")] = len(mine)
    return counts


def _count(el: lxml_html.HtmlElement, count: int) -> None:
    """The passage's count in its margin, beside its number."""
    tools = el.cssselect(".passage-tools")
    if not tools:
        return
    word = "annotation" if count == 1 else "annotations"
    # <small>, not <span>: Material's search ends an exclusion at the first inner element of
    # the excluded one's tag (it compares elements by tag), and would index "✎3".
    # No title: Material makes a tooltip of every title on the page as it loads (content.tooltips),
    # a cost per annotated passage; the count is read out from its hidden words.
    badge = htmltools.element(f'<small class="annotation-count" data-search-exclude>'
                              f'<span class="edition-visually-hidden">{count} {word}</span>'
                              f'<span aria-hidden="true">✎{count}</span></small>')
    tools[0].append(badge)
