"""Linking concepts' mentions in a page's parsed HTML, passage by passage, without changing a
word of the text.

A passage's text is read as the passage index reads it (scripts.edition.textmap), so the offsets
of a mention are offsets in the passage's text in ``passages.json``. A mention may run across
inline markup (an emendation, a note marker between two of its words): it is still one
mention, linked in the parts that hold its words. It may not touch the text of a link or of
code. The first mention of each concept in a passage is linked; every mention is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lxml import html as lxml_html

from scripts.concepts.matcher import Matcher, Mention
from scripts.edition.textmap import TextMap

LINK_CLASS = "concept-link"


@dataclass(frozen=True)
class Found:
    """A mention in a passage: where, which concept, and whether it was linked."""

    passage: str  # the passage id
    mention: Mention  # offsets in the passage's text (passages.json)
    linked: bool


def link_passage(el: lxml_html.HtmlElement, matcher: Matcher, href: dict[str, str],
                 blocked: tuple[str, ...] = ()) -> tuple[str, list[Found]]:
    """Link the first mention of each concept in one passage element (``href``: each concept's
    page, relative to this page; ``blocked``: parts never linked, as TextMap takes them); the
    passage's text (as in passages.json) and every mention."""
    text = TextMap(el, blocked)
    mentions = matcher.find(text.text, text.free)
    first: dict[str, Mention] = {}
    for mention in mentions:
        first.setdefault(mention.concept, mention)
    for mention in sorted(first.values(), key=lambda m: -m.start):
        text.wrap(mention.start, mention.end, lambda lead, m=mention: _link(m, href, lead))
    linked = {id(m) for m in first.values()}
    return text.text, [Found(el.get("id"), m, id(m) in linked) for m in mentions]


def _link(mention: Mention, href: dict[str, str], lead: bool) -> lxml_html.HtmlElement:
    """The link of one mention: the part holding its first word is the link a reader meets
    (with its preview card: overrides/assets/previews.js); a part after a note marker is a
    second piece of the same link, hidden from assistive technology and the tab order so that
    each mention is one link."""
    concept = mention.concept
    extra = ' data-concept-preview=""' if lead else ' tabindex="-1" aria-hidden="true"'
    return lxml_html.fragment_fromstring(
        f'<a class="{LINK_CLASS}{"" if lead else " " + LINK_CLASS + "--cont"}" href="{escape(href[concept])}" '
        f'data-concept="{escape(concept)}"{extra}></a>')


_LINKERS: dict[tuple, "ProseLinker"] = {}  # ProseLinker.of: the glossary's linker, by its files


class ProseLinker:
    """Links concepts' mentions in the edition's own prose (an annotation's note), the first of
    each concept in the element given, as in a passage; never in a citation ("Arms Control
    Association 2018" names no concept). Its mentions are not the authors' uses: none is
    reported to a concept's page."""

    BLOCKED = (".citation", "cite")

    def __init__(self, glossary):
        self.matcher = Matcher(glossary.all_aliases())
        self.urls = {slug: c.url for slug, c in glossary.concepts.items()}

    @classmethod
    def of(cls, docs_dir, cache_dir=None) -> "ProseLinker":
        """The linker of the glossary in ``docs_dir`` (its valid concept files; the concepts'
        own checks report the others). Made once per process while the files stay the same:
        every feature that links prose (annotations, comparisons, the teachers' kit) shares it."""
        from scripts.concepts import checks, model

        files = sorted((docs_dir / model.FOLDER).glob("*.md"))
        stamp = (str(docs_dir), tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files))
        if stamp not in _LINKERS:
            _LINKERS.clear()
            _LINKERS[stamp] = cls(checks.read(checks.files_in(docs_dir), cache_dir)[0])
        return _LINKERS[stamp]

    def link(self, el: lxml_html.HtmlElement, prefix: str) -> list[str]:
        """Link the mentions in ``el`` (``prefix`` leads to the site's root); the concepts linked."""
        found = link_passage(el, self.matcher, {slug: prefix + url for slug, url in self.urls.items()}, self.BLOCKED)[1]
        return [f.mention.concept for f in found if f.linked]
