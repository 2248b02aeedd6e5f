"""The annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one
``AnnotationCollection`` in JSON-LD, published at :data:`EXPORT` and linked from each essay page.

Each annotation targets its essay page, with two alternative selectors, both a fragment selector
naming its passage (the passage id, the element a reader's link opens) refined by a text
selector: a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end).
Both are taken from the passage as a browser's DOM holds it on the published page (every text
node, in order, the layer's markers and the margin's counts included), because that is the text
a standard client (Apache Annotator, Hypothes.is) anchors on: tests/browser/annotations/ resolves
every selector with Apache Annotator in Chromium. Offsets count UTF-16 code units, as the DOM does.

The body keeps what the file says: the note's Markdown (``text/markdown``), each tag (purpose
``tagging``) and each source, as a specific resource: its entry in the edition's bibliography (purpose
``linking``). Dates are days in the files and ``xsd:dateTime`` in the model: a day is given as
its start, ``T00:00:00Z``. Addresses are absolute when the site's address is known (SITE_URL, as
the deploy workflow builds), else relative to the export's own address, which JSON-LD resolves
wherever the site is served.
"""

from __future__ import annotations

import json

from lxml import html as lxml_html

from scripts.annotations import model

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXPORT = "annotations.jsonld"  # at the site's root: its relative addresses are site-relative
MEDIA_TYPE = "application/ld+json"
PROFILE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3236"  # HTML fragment identifiers
AROUND = 32  # characters of prefix and suffix


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def dom_text(passage: lxml_html.HtmlElement, annotation_id: str) -> tuple[str, int, int] | None:
    """The passage's text as the DOM has it (every text node in document order; comments
    left out) and where the highlight of ``annotation_id`` begins and ends in it (in str
    indexes), or None if the passage holds no such highlight."""
    pieces: list[str] = []
    span: list[int] = []
    length = 0

    def walk(el: lxml_html.HtmlElement) -> None:
        nonlocal length
        mine = el.tag == "mark" and el.get("data-annotation") == annotation_id
        if mine and not span:
            span.append(length)
        if el.text:
            pieces.append(el.text)
            length += len(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if mine:
            span[1:] = [length]

    walk(passage)
    return ("".join(pieces), span[0], span[1]) if len(span) == 2 else None


def selectors(passage_id: str, text: str, start: int, end: int) -> list[dict]:
    """The target's two alternative selectors: the passage refined by the quote, and by the
    position."""
    quote = {"type": "TextQuoteSelector", "exact": text[start:end],
             "prefix": text[max(0, start - AROUND):start], "suffix": text[end:end + AROUND]}
    position = {"type": "TextPositionSelector", "start": _utf16(text[:start]), "end": _utf16(text[:end])}
    return [{"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC, "value": passage_id, "refinedBy": refined}
            for refined in (quote, position)]


def day(value: str) -> str:
    """A file's day as the model's date-time: the day's start, in UTC."""
    return f"{value}T00:00:00Z"


def annotation(a: model.Annotation, base: str, essay_url: str, selected: list[dict],
               bibliography_url: str, entry_id) -> dict:
    """One annotation in the model. ``base`` leads to the site's root ("" for site-relative);
    ``essay_url`` and ``bibliography_url`` are site-relative; ``entry_id`` gives a source's
    fragment on the bibliography page."""
    creator: dict = {"name": a.creator}  # no type: a file does not say whether a person or a group
    if a.creator_url:
        creator["homepage"] = a.creator_url
    body: list[dict] = [{"type": "TextualBody", "value": a.body, "format": "text/markdown", "language": "en",
                         "purpose": a.motivation}]
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in a.tags]
    # A purpose belongs to a specific resource, not to a bare web resource (W3C model 3.3.5).
    body += [{"type": "SpecificResource", "source": f"{base}{bibliography_url}#{entry_id(key)}", "purpose": "linking"}
             for key in a.sources]
    if a.forecast:  # what the author expected and how it turned out (scripts/hindsight)
        body.append({"type": "TextualBody", "purpose": "assessing", "format": model.FORECAST_FORMAT,
                     "value": json.dumps({k: a.forecast[k] for k in model.FORECAST_FIELDS if k in a.forecast},
                                         ensure_ascii=False)})
    out = {"@context": CONTEXT, "id": base + a.url, "type": "Annotation", "motivation": a.motivation,
           "creator": creator, "created": day(a.created)}
    if a.modified:
        out["modified"] = day(a.modified)
    out["body"] = body
    out["target"] = {"type": "SpecificResource", "source": base + essay_url, "selector": selected}
    return out


def collection(items: list[dict], base: str, site_name: str) -> dict:
    """Every annotation, in one collection of one page."""
    page = {"id": base + EXPORT + "#page1", "type": "AnnotationPage", "startIndex": 0,
            "items": [{k: v for k, v in item.items() if k != "@context"} for item in items]}
    return {"@context": CONTEXT, "id": base + EXPORT, "type": "AnnotationCollection",
            "label": f"{site_name}: the annotations", "total": len(items), "first": page}


def dumps(data: dict) -> str:
    """The export's bytes: stable (sorted by the caller), readable, UTF-8."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
