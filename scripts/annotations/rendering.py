"""An annotation's note, untrusted Markdown, made into HTML that is safe to publish.

Two walls. The check (:func:`unsafe`) refuses a note that tries anything: raw HTML, an image, a
link whose address is not http(s), mailto or inside the site. The renderer then uses a
restricted parser (markdown-it-py's CommonMark with raw HTML off and images off; never the
site's Python-Markdown, whose attr_list and md_in_html let Markdown set attributes) and a real
allowlist sanitizer (nh3) on its output, so that even a note the check let through by mistake
can carry no script, style, frame, object, embed, SVG, MathML, form or event handler. External
links get ``rel="nofollow noopener"``. Citations (``[@key]``) are set aside before parsing and
put back, formatted by the citing package, after sanitizing.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import unquote, urlsplit

import nh3
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from scripts.citing import bib
from scripts.common import htmltools

TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br", "hr"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"http", "https", "mailto"}
PLACEHOLDER = "\ue000{}\ue001"  # a citation's place while the note is parsed (private-use characters)
PLACEHOLDER_RE = re.compile("\ue000([0-9]+)\ue001")


def _parser(html: bool) -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": html, "linkify": False, "typographer": False}).disable("image")


_SAFE = _parser(html=False)
_PROBE = MarkdownIt("commonmark", {"html": True})  # only to find what the note tries to do


def citations(body: str) -> list[str]:
    """The citations in a note, in order (pandoc syntax, ``[@key]``, ``[@key, p. 3]``)."""
    return [m.group(0) for m in bib.CITATION_BLOCK_RE.finditer(body)
            if not m.group(1).startswith("^") and bib.CITATION_KEY_RE.search(m.group(1))]


def _without_citations(body: str) -> str:
    count = iter(range(10**6))
    return bib.CITATION_BLOCK_RE.sub(
        lambda m: PLACEHOLDER.format(next(count)) if bib.CITATION_KEY_RE.search(m.group(1)) and not m.group(1).startswith("^")
        else m.group(0), body)


# A citation a note may make: keys of bib/, each with at most a plain locator ("p. 403",
# "pp. 3-4", "para. 12", "ch. 2"): nothing else reaches pandoc.
CITATION_RE = re.compile(r"^\[@[A-Za-z0-9_][\w:-]*(?:, (?:p|pp|para|paras|ch|sec|n|nn)\. [0-9]+(?:[-\u2013][0-9]+)?)?"
                         r"(?:; @[A-Za-z0-9_][\w:-]*(?:, (?:p|pp|para|paras|ch|sec|n|nn)\. [0-9]+(?:[-\u2013][0-9]+)?)?)*\]$")


def allowed_href(href: str) -> bool:
    """An address a note may link to: http(s), mailto, or a path inside the site. Anything that
    looks like another scheme (a colon before the first slash, however it is spelt) is not."""
    href = href.strip()
    head = re.split(r"[/?#]", href, maxsplit=1)[0]
    if ":" in head:
        scheme = head.split(":", 1)[0].lower()
        return scheme in SCHEMES and (scheme == "mailto" or bool(urlsplit(href).netloc))
    return not href.startswith("//") and "\\" not in href


SCRIPTY = re.compile(r"(?:java|vb|live|mocha)script:|data:[^,]*(?:base64|html|svg)|\bon[a-z]+=")


def scripty(line: str) -> bool:
    """A script address or an event handler in a line of the note, however disguised (entities,
    percent-escapes, white space or control characters inside, any case)."""
    for variant in (line, unescape(line), unquote(unescape(line))):
        squeezed = re.sub(r"[\s\x00-\x1f]+", "", variant).lower()
        if SCRIPTY.search(squeezed):
            return True
    return False


def unsafe(body: str) -> list[tuple[int, str]]:
    """What the note tries that is not allowed: (line in the note, what), one per thing."""
    found = []
    for citation in citations(body):
        if not CITATION_RE.match(citation):
            line = body[: body.find(citation)].count("\n") + 1
            found.append((line, f"the citation {citation[:60]!r} is not one the edition formats: write [@key] or "
                                "[@key, p. 12] (keys in bib/, separated by '; ')"))
    for token in _walk(_PROBE.parse(_without_citations(body))):
        line = (token.map[0] + 1) if token.map else None
        if token.type in ("html_block", "html_inline"):
            found.append((line, f"raw HTML ({' '.join(token.content.split())[:40]}) is not allowed: write Markdown"))
        elif token.type == "image":
            found.append((line, "an image is not allowed in a note: link to it instead"))
        elif token.type == "link_open":
            href = token.attrGet("href") or ""
            if not allowed_href(href):
                found.append((line, f"the link address {href[:60]!r} is not allowed: use an https:// address "
                                    "or a page of this site"))
    for line, text in enumerate(body.splitlines(), 1):  # what a parser would not even call a link
        if scripty(text):
            found.append((line, "a script address or an event handler is not allowed: remove it"))
    return sorted(set(found), key=lambda item: (item[0] or 0, item[1]))


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def render(body: str, formatted: list[str], site_root: str) -> str:
    """The note as safe HTML. ``formatted``: the HTML of each of its citations, in order (from
    the citing package's CSL formatting, trusted); ``site_root`` leads from the page the note
    is shown on to the site's root (site-relative links of the note are made relative to it)."""
    html = _SAFE.render(_without_citations(body))
    clean = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel=None,
                      strip_comments=True)
    root = htmltools.parse_fragment(clean)
    for a in root.iter("a"):
        href = a.get("href") or ""
        if not allowed_href(href):
            a.attrib.pop("href", None)
        elif urlsplit(href).scheme in ("http", "https"):
            a.set("rel", "nofollow noopener")
        elif href.startswith("/"):
            a.set("href", site_root + href.lstrip("/"))
    _put_back(root, formatted)
    return htmltools.serialize_fragment(root)


def _put_back(root: lxml_html.HtmlElement, formatted: list[str]) -> None:
    """Each citation placeholder in the text replaced by its formatted HTML."""
    for el in list(root.iter()):
        for slot in ("text", "tail"):
            if el is root and slot == "tail":
                continue
            value = getattr(el, slot)
            if not value or "\ue000" not in value:
                continue
            parts = PLACEHOLDER_RE.split(value)
            setattr(el, slot, parts[0])
            anchor, where = (el, 0) if slot == "text" else (el.getparent(), el.getparent().index(el) + 1)
            for i in range(1, len(parts), 2):
                number = int(parts[i])
                html = formatted[number] if number < len(formatted) else escape("[citation]")
                html = nh3.clean(html, tags={"span", "em", "i"}, attributes={"span": {"class", "data-cites"}})
                cite = htmltools.element(f'<span class="annotation-cite">{html}</span>')
                cite.tail = parts[i + 1]
                anchor.insert(where, cite)
                where += 1
