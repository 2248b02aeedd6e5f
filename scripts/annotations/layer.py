"""The annotation layer of an essay page, made at build time: each annotation's words
highlighted in its passage, a marker after them that opens its note, the note's place beside
the passage (hidden until opened; left out of the site search, which finds the note on its own
page), and each passage's count.

A note's content is made here too, in a ``<template>`` inside its place, so that every feature
can add to it (the hindsight line); :func:`take_out` then moves every note's content out of the
page into the essay's notes file (:data:`NOTES`, beside the page), which the page's script
fetches once, when a reader first opens a note. An essay page carries its text, not every
note's: on a phone it loads, parses and styles less, however many notes an essay has.

Without the page's script every marker is a link to the annotation's own page; the script
(overrides/assets/annotations.js) makes it open the note in place (or, where the notes file
cannot be fetched, say so and link to that page), and adds the controls that hide or show the
layer and filter it by motivation or tag, in a place the page keeps for them, so nothing moves.
"""

from __future__ import annotations

import json
from html import escape

from lxml import html as lxml_html

from scripts.annotations import model
from scripts.annotations.anchoring import Anchor
from scripts.common import htmltools
from scripts.edition import passages
from scripts.edition.textmap import TextMap

NOTES = "notes.json"  # an essay's notes, beside its page: {"notes": {note id: its content's HTML}}


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
        f'aria-label="{escape(label(a, number, where))}" data-content="{NOTES}" hidden data-search-exclude>'
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
    # Its content in a <template> while the page is built (take_out moves it to the notes file).
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


def take_out(root: lxml_html.HtmlElement) -> dict[str, str]:
    """Move every note's content (its ``<template>``, as every feature left it) out of the page:
    note id -> its HTML, for the essay's notes file. The note's place stays, empty."""
    taken = {}
    for aside in root.cssselect("aside.annotation-note[data-content]"):
        for template in aside.findall("template"):
            taken[aside.get("id")] = htmltools.serialize_fragment(template)
            aside.remove(template)
    return taken


def notes_file(taken: dict[str, str]) -> str:
    """The notes file's text: the same bytes for the same notes (sorted, no spaces)."""
    return json.dumps({"notes": taken}, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
