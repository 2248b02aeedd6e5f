"""Reader controls on an essay's HTML: paragraph numbers, copy-link buttons, emendation marks.

Every passage gets, in the margin, its visible number as a link to itself (¶ 12), and the page's
script adds a button that copies the paragraph's full URL (and one that cites it). The number comes from the id written in the Markdown.
Emended words get a mark that links to their entry in the textual apparatus. Ids that moved
keep working through alias anchors declared in the registry's redirects.
"""

from __future__ import annotations

from html import escape

from lxml import html as lxml_html

from scripts.common import htmltools
from scripts.edition import passages


def tools(pid: str, parsed: passages.PassageId) -> lxml_html.HtmlElement:
    """The margin controls of one passage: its number as a self-link, which works without
    scripts, and what the page's script needs to add its buttons (overrides/assets/edition.js):
    a copy-link button for every passage, and a cite button for paragraphs and notes, the kinds
    a CSL locator names (``data-kind``, ``data-number``).

    The buttons are not in the markup: they do nothing without the script, and 80 of them were
    a tenth of an essay page's HTML and added to its blocking time as the page loads (Material
    sets up each page's controls). Their place is kept until they come, so nothing moves.
    """
    said = escape(passages.spoken(parsed.kind, parsed.number))
    shown = escape(parsed.label)
    cite = (f' data-kind="{parsed.kind}" data-number="{escape(parsed.number)}"'
            if parsed.kind in CITABLE else "")
    return htmltools.element(
        f'<span class="passage-tools" data-said="{said}"{cite}>'
        f'<a class="passage-link" href="#{pid}" aria-label="Link to {said}" data-label="{shown}"></a></span>'
    )


CITABLE = ("paragraph", "note")  # the kinds of passage with a CSL locator ("para. 12", "note 3")


def add_tools(root: lxml_html.HtmlElement, essay: str) -> None:
    """Give each passage of ``essay`` its controls (first child; last child for headings)."""
    for el, parsed in passages.elements(root, essay):
        el.set("class", " ".join(filter(None, [el.get("class"), "passage", f"passage--{parsed.kind}"])))
        control = tools(el.get("id"), parsed)
        if parsed.kind == "heading":
            el.append(control)
        else:
            control.tail = el.text
            el.text = None
            el.insert(0, control)


def mark_emendations(root: lxml_html.HtmlElement, emendations: list[dict]) -> None:
    """Show every emended reading and link it to its apparatus entry."""
    by_id = {e["id"]: e for e in emendations}
    for span in root.cssselect("span.emendation[data-emendation]"):
        entry = by_id.get(span.get("data-emendation"))
        if entry is None:
            continue  # reported by scripts.edition.checks
        note = f"Emendation: the copy-text reads “{entry['copytext']}”"
        span.set("title", note)
        mark = htmltools.element(
            f'<sup class="emendation-mark"><a href="#{entry["id"]}" '
            f'aria-label="[e] {escape(note)}; see the textual apparatus">[e]</a></sup>'
        )
        mark.tail = span.tail
        span.tail = None
        span.addnext(mark)


def name_notes(root: lxml_html.HtmlElement, essay: str) -> None:
    """Give each note's text the note's passage id, which is its label in the Markdown.

    ``[^toucas-n3]: …`` becomes ``<li id="fn:toucas-n3"><p id="toucas-n3">…``: the id is the one
    written in the Markdown, not a position. A note whose text is an editorial statement
    (``<span class="editorial">``) is marked editorial as a whole.
    """
    for li in root.cssselect("div.footnote li[id^='fn:']"):
        label = li.get("id")[3:]
        parsed = passages.parse(label)
        first = li.find("p")
        if parsed is None or parsed.kind != "note" or parsed.essay != essay or first is None:
            continue  # reported by scripts.edition.checks
        first.set("id", label)
        spans = first.cssselect("span.editorial")
        if spans and not (first.text or "").strip() and spans[0] is first[0]:
            first.set("class", " ".join(filter(None, [first.get("class"), "editorial"])))


def add_aliases(root: lxml_html.HtmlElement, redirects: dict[str, str]) -> None:
    """Keep redirected ids working: an empty anchor with the old id before the new passage."""
    for old, new in sorted(redirects.items()):
        targets = root.xpath("//*[@id=$id]", id=new)
        if targets and not root.xpath("//*[@id=$id]", id=old):
            alias = htmltools.element(f'<span class="passage-alias" id="{escape(old)}" data-passage="{escape(new)}"></span>')
            alias.tail = None
            targets[0].addprevious(alias)


def essay_tree(root: lxml_html.HtmlElement, essay: str, emendations: list[dict], redirects: dict[str, str]) -> None:
    """Add every reader control to an essay's parsed content (``root``, changed in place)."""
    mark_emendations(root, emendations)
    name_notes(root, essay)
    add_tools(root, essay)
    add_aliases(root, redirects)
