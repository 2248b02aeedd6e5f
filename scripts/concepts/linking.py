"""Linking concepts' mentions in a page's parsed HTML, passage by passage, without changing a
word of the text.

A passage's text is read as the passage index reads it (scripts.edition.passages.text: the
edition's controls, note markers, back-links and emendation marks left out, white space
collapsed), so the offsets of a mention are offsets in the passage's text in ``passages.json``.
A mention may run across inline markup (an emendation, a note marker between two of its
words): it is still one mention, linked in the parts that hold its words. It may not touch the
text of a link, of code, or of the parts left out. The first mention of each concept in a
passage is linked; every mention is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lxml import html as lxml_html

from scripts.concepts.matcher import Matcher, Mention
from scripts.edition import passages

# Text that is not linkable, though it is part of the passage's text: existing links, code.
NOT_LINKABLE = ("a", "code", "kbd", "samp")
LINK_CLASS = "concept-link"


@dataclass
class Piece:
    """A run of a passage's text held by one lxml text slot (``el.text`` or ``el.tail``)."""

    element: lxml_html.HtmlElement
    slot: str  # "text" or "tail"
    raw_start: int  # in the passage's raw text
    linkable: bool


@dataclass(frozen=True)
class Found:
    """A mention in a passage: where, which concept, and whether it was linked."""

    passage: str  # the passage id
    mention: Mention  # offsets in the passage's text (passages.json)
    linked: bool


class Text:
    """The text of one passage element: its raw text, the pieces that hold it, and the same
    text with white space collapsed, as passages.text gives it, with a map back."""

    def __init__(self, root: lxml_html.HtmlElement):
        self.root = root
        self.pieces: list[Piece] = []
        self.raw = ""
        # The elements themselves, kept alive: lxml makes a new Python object for a node whose
        # last one was freed, so ids of freed ones could be any other element's.
        skipped = {el for selector in passages.NOT_TEXT for el in root.cssselect(selector)}
        self._walk(root, skipped, linkable=True)
        self.text, self.to_raw = _collapse(self.raw)
        linkable = [False] * len(self.raw)
        for piece in self.pieces:
            length = len(getattr(piece.element, piece.slot) or "")
            for i in range(piece.raw_start, piece.raw_start + length):
                linkable[i] = piece.linkable
        self.linkable = linkable

    def _walk(self, el, skipped: set, linkable: bool) -> None:
        inside = linkable and el.tag not in NOT_LINKABLE
        self._add(el, "text", inside)
        for child in el:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                self._add(child, "tail", inside)
                continue
            if child not in skipped:
                self._walk(child, skipped, inside)
            self._add(child, "tail", inside)

    def _add(self, el, slot: str, linkable: bool) -> None:
        value = getattr(el, slot)
        if value:
            self.pieces.append(Piece(el, slot, len(self.raw), linkable))
            self.raw += value

    def allowed(self, start: int, end: int) -> bool:
        """A mention from ``start`` to ``end`` (collapsed text) holds only linkable text."""
        return all(self.linkable[i] for i in range(self.to_raw[start], self.to_raw[end - 1] + 1))

    def wrap(self, start: int, end: int, make) -> None:
        """Put the text from ``start`` to ``end`` (collapsed text) into elements made by
        ``make(first)``, one per piece it runs over (``first``: the piece with its first word).
        Call for the mentions of a passage from the last to the first."""
        raw_start, raw_end = self.to_raw[start], self.to_raw[end - 1] + 1
        first = True
        for piece in self.pieces:
            value = getattr(piece.element, piece.slot) or ""
            lo, hi = max(raw_start, piece.raw_start), min(raw_end, piece.raw_start + len(value))
            if lo >= hi:
                continue
            made = make(first)
            first = False
            _split(piece, lo - piece.raw_start, hi - piece.raw_start, made)


def _collapse(raw: str) -> tuple[str, list[int]]:
    """``raw`` with white space collapsed as passages.text does (" ".join(raw.split())), and for
    each character of the result the index of its character in ``raw``."""
    out: list[str] = []
    index: list[int] = []
    pending = None
    for i, ch in enumerate(raw):
        if ch.isspace():
            if out:
                pending = i if pending is None else pending
            continue
        if pending is not None:
            out.append(" ")
            index.append(pending)
            pending = None
        out.append(ch)
        index.append(i)
    return "".join(out), index


def _split(piece: Piece, lo: int, hi: int, made: lxml_html.HtmlElement) -> None:
    """Move characters ``lo`` to ``hi`` of the piece's text into ``made``, in place."""
    value = getattr(piece.element, piece.slot)
    made.text, made.tail = value[lo:hi], value[hi:]
    setattr(piece.element, piece.slot, value[:lo])
    if piece.slot == "text":
        piece.element.insert(0, made)
    else:
        piece.element.addnext(made)
        made.tail = value[hi:]
        piece.element.tail = value[:lo]


def link_passage(el: lxml_html.HtmlElement, matcher: Matcher, href: dict[str, str]) -> tuple[str, list[Found]]:
    """Link the first mention of each concept in one passage element (``href``: each concept's
    page, relative to this page); the passage's text (as in passages.json) and every mention."""
    text = Text(el)
    mentions = matcher.find(text.text, text.allowed)
    first: dict[str, Mention] = {}
    for mention in mentions:
        first.setdefault(mention.concept, mention)
    for mention in sorted(first.values(), key=lambda m: -m.start):
        text.wrap(mention.start, mention.end, lambda lead, m=mention: _link(m, href, lead))
    linked = {id(m) for m in first.values()}
    return text.text, [Found(el.get("id"), m, id(m) in linked) for m in mentions]


def _link(mention: Mention, href: dict[str, str], lead: bool) -> lxml_html.HtmlElement:
    """The link of one mention: the part holding its first word is the link a reader meets
    (with Material's preview); a part after a note marker is a second piece of the same link,
    hidden from assistive technology and the tab order so that each mention is one link."""
    concept = mention.concept
    extra = ' data-preview=""' if lead else ' tabindex="-1" aria-hidden="true"'
    return lxml_html.fragment_fromstring(
        f'<a class="{LINK_CLASS}{"" if lead else " " + LINK_CLASS + "--cont"}" href="{escape(href[concept])}" '
        f'data-concept="{escape(concept)}"{extra}></a>')
