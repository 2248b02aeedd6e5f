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
