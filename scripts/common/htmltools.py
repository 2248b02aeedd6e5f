"""Parse and serialise HTML fragments with lxml, keeping everything else as it was."""

from __future__ import annotations

import copy as _copy

from lxml import html as lxml_html


def parse_fragment(fragment: str) -> lxml_html.HtmlElement:
    """Parse an HTML fragment (a page's content) into a wrapping ``<div>``."""
    return lxml_html.fragment_fromstring(fragment or "", create_parent="div")


def serialize_fragment(root: lxml_html.HtmlElement) -> str:
    """The inverse of :func:`parse_fragment`: the wrapper's content, without the wrapper."""
    parts = [root.text or ""]
    parts.extend(lxml_html.tostring(child, encoding="unicode") for child in root)
    return "".join(parts)


def copy(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A deep copy of ``el`` without its tail text."""
    clone = _copy.deepcopy(el)
    clone.tail = None
    return clone


def drop(el: lxml_html.HtmlElement) -> None:
    """Remove ``el`` and its content from the tree, keeping its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def element(markup: str) -> lxml_html.HtmlElement:
    """One element from a snippet of trusted, edition-generated markup."""
    return lxml_html.fragment_fromstring(markup)


def wrap_text(root: lxml_html.HtmlElement, needle: str, make) -> int:
    """Put each occurrence of ``needle`` in the text under ``root`` (never in attributes or tag
    names) inside a new element, ``make()``, whose text is then the needle unless ``make`` gave
    it one. Returns how many were wrapped."""
    count = 0
    for el in list(root.iter()):
        for attr in ("text", "tail"):
            if attr == "tail" and el is root:
                continue
            value = getattr(el, attr)
            if not value or needle not in value:
                continue
            parts = value.split(needle)
            setattr(el, attr, parts[0])
            # New elements go in as el's first children (its text) or as its next siblings (its tail).
            parent, index = (el, 0) if attr == "text" else (el.getparent(), el.getparent().index(el) + 1)
            for offset, rest in enumerate(parts[1:]):
                made = make()
                if made.text is None:
                    made.text = needle
                made.tail = rest
                parent.insert(index + offset, made)
                count += 1
    return count
