"""A passage's text mapped onto its HTML, for features that mark words in it without changing
them (concept links, annotation highlights).

A passage element's text is read as the passage index reads it (:func:`passages.text`: the
edition's controls, note markers, back-links and emendation marks left out, white space
collapsed), so an offset into :attr:`TextMap.text` is an offset into the passage's text in
``passages.json``. The same walk gives the text a reader sees and copies, note markers' numbers
and emendation marks included (:attr:`TextMap.display`), and which characters are links or code
(where no new element may start). :meth:`TextMap.wrap` puts a span of the text into new
elements, one per piece of markup it runs over.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import html as lxml_html
from lxml.cssselect import CSSSelector

from scripts.edition import passages

# Parts of a passage whose text a reader sees but passages.text leaves out.
MARKERS = ("sup[id^='fnref']", ".emendation-mark")
_MARKERS = CSSSelector(", ".join(MARKERS))
# Text that is the passage's but inside a link or code: no new element may wrap part of it.
BLOCKED = ("a", "code", "kbd", "samp")
TEXT, MARKER, LINKED = "text", "marker", "linked"


@dataclass
class Piece:
    """A run of raw text held by one lxml text slot (``el.text`` or ``el.tail``)."""

    element: lxml_html.HtmlElement
    slot: str  # "text" or "tail"
    raw_start: int
    kind: str  # TEXT, MARKER or LINKED


def _collapse(raw: str, kept: list[int] | None = None) -> tuple[str, list[int]]:
    """The characters of ``raw`` at the indexes ``kept`` (all if None), white space collapsed
    as passages.text does (" ".join(text.split())), and for each character of the result its
    index in ``raw``. Word by word, not character by character: the build runs it for every
    passage."""
    if kept is None:
        kept = list(range(len(raw)))
        chars = raw
    else:
        chars = "".join(raw[i] for i in kept)
    out: list[str] = []
    index: list[int] = []
    previous_end = None
    for word in _WORD.finditer(chars):
        if previous_end is not None:  # the white space between two words: one space, at its first
            out.append(" ")
            index.append(kept[previous_end])
        out.append(word.group())
        index.extend(kept[word.start():word.end()])
        previous_end = word.end()
    return "".join(out), index


_WORD = re.compile(r"\S+")
_NOT_TEXT = CSSSelector(", ".join(passages.NOT_TEXT))


class TextMap:
    """The text of one passage element, as passages.json has it and as a reader sees it."""

    def __init__(self, root: lxml_html.HtmlElement, blocked: tuple[str, ...] = ()):
        """``blocked``: CSS selectors of more parts where no new element may start, as in a
        link (a citation in the edition's prose)."""
        self.root = root
        self.blocked = {el for selector in blocked for el in root.cssselect(selector)}
        self.pieces: list[Piece] = []
        self.raw = ""
        skipped = set(_NOT_TEXT(root))
        # The elements themselves are kept (alive): lxml makes a new Python object for a node
        # whose last one was freed, so ids of freed ones could be any other element's.
        markers = set(_MARKERS(root))
        self._walk(root, skipped, markers, TEXT)
        self.kinds: list[str] = []
        text_chars: list[int] = []
        for piece in self.pieces:
            length = len(getattr(piece.element, piece.slot) or "")
            self.kinds += [piece.kind] * length
            if piece.kind != MARKER:
                text_chars.extend(range(piece.raw_start, piece.raw_start + length))
        self.text, self.to_raw = _collapse(self.raw, text_chars)
        self.display, self.display_to_raw = _collapse(self.raw)

    def _walk(self, el, skipped: set, markers: set, kind: str) -> None:
        if kind == TEXT and (el.tag in BLOCKED or el in self.blocked):
            kind = LINKED
        self._add(el, "text", kind)
        for child in el:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                self._add(child, "tail", kind)
                continue
            if child in markers:
                self._walk(child, set(), set(), MARKER)
            elif child not in skipped:
                self._walk(child, skipped, markers, kind)
            self._add(child, "tail", kind)

    def _add(self, el, slot: str, kind: str) -> None:
        value = getattr(el, slot)
        if value:
            self.pieces.append(Piece(el, slot, len(self.raw), kind))
            self.raw += value

    def free(self, start: int, end: int) -> bool:
        """The text from ``start`` to ``end`` holds no link or code: it may be wrapped."""
        return all(self.kinds[i] == TEXT for i in range(self.to_raw[start], self.to_raw[end - 1] + 1)
                   if self.kinds[i] != MARKER)

    def from_display(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of :attr:`text` that holds the words of ``display[start:end]`` (markers
        dropped), or None if it holds none."""
        raw = [self.display_to_raw[i] for i in range(start, end) if self.kinds[self.display_to_raw[i]] != MARKER]
        if not raw:
            return None
        positions = {r: i for i, r in enumerate(self.to_raw)}
        inside = [positions[r] for r in raw if r in positions]
        return (inside[0], inside[-1] + 1) if inside else None

    def wrap(self, start: int, end: int, make) -> list[lxml_html.HtmlElement]:
        """Put the text from ``start`` to ``end`` into elements made by ``make(first)``, one per
        piece of markup it runs over (``first``: the piece with its first word); markers inside
        are left where they are. Call for a passage's spans from the last to the first."""
        raw_start, raw_end = self.to_raw[start], self.to_raw[end - 1] + 1
        made_all, first = [], True
        for piece in self.pieces:
            value = getattr(piece.element, piece.slot) or ""
            lo, hi = max(raw_start, piece.raw_start), min(raw_end, piece.raw_start + len(value))
            if lo >= hi or piece.kind == MARKER:
                continue
            made = make(first)
            first = False
            _split(piece, lo - piece.raw_start, hi - piece.raw_start, made)
            made_all.append(made)
        return made_all


def _split(piece: Piece, lo: int, hi: int, made: lxml_html.HtmlElement) -> None:
    """Move characters ``lo`` to ``hi`` of the piece's text into ``made``, in place."""
    value = getattr(piece.element, piece.slot)
    made.text = value[lo:hi]
    if piece.slot == "text":
        piece.element.text = value[:lo]
        made.tail = value[hi:]
        piece.element.insert(0, made)
    else:
        piece.element.tail = value[:lo]
        piece.element.addnext(made)
        made.tail = value[hi:]


class TextMaps(Mapping):
    """The TextMap of each passage of a page (``elements``: passage id -> element), made when
    first asked for: a feature that needs a few passages' text does not pay for the others'."""

    def __init__(self, elements: dict[str, lxml_html.HtmlElement]):
        self.elements = elements
        self._made: dict[str, TextMap] = {}

    def __getitem__(self, pid: str) -> TextMap:
        if pid not in self._made:
            self._made[pid] = TextMap(self.elements[pid])
        return self._made[pid]

    def __iter__(self):
        return iter(self.elements)

    def __len__(self) -> int:
        return len(self.elements)
