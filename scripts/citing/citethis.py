""""Cite this" on an essay page: the original and this edition in Chicago, APA and MLA.

All text is formatted by CSL (scripts.citing.csl) from ``bib/``. The address of the edition's page
depends on the published version (mike), so it is left as a placeholder link that the page's
script fills from ``location``; a passage locator is a placeholder number that the script sets
when a reader asks to cite one paragraph or note.
"""

from __future__ import annotations

from html import escape

from scripts.citing import csl
from scripts.common import htmltools

PLACEHOLDER_URL = "https://edition.invalid/this-page/"
PLACEHOLDER_NUMBER = "9999"
PLACEHOLDER_FIRST = "9998"  # a range's first paragraph ("paras. 9998–9999")
# An undated page (`dev`, a local build: scripts.common.versions.edition_csl) is cited with the day it
# was read, which only the reader's browser knows: a placeholder that the page's script sets to
# today in the style's own form. A released version is dated and needs none.
PLACEHOLDER_ACCESSED = "ACCESSEDDATE"
ACCESS_FILLED = ("This version of the edition is not dated, so the citation gives the day you "
                 "opened this page as the access date: change it if you read the page on another day.")
ACCESS = {  # for a dated version (the citation gives its version and release date)
    "chicago": "Chicago: this version is dated, so no access date is needed; if one is asked for, "
               "add “Accessed” and the date you read it before the address, e.g. “Accessed May 4, 2025.”",
    "apa": "APA: no retrieval date is needed: the address is of this version, which does not change.",
    "mla": "MLA: an access date is optional; add “Accessed” and the date you read it at the end, "
           "e.g. “Accessed 4 May 2025.”",
}


def _fill(fragment: str) -> str:
    """Mark the placeholders in CSL output so the page's script can fill them."""
    root = htmltools.parse_fragment(fragment)
    for a in root.xpath("//a[@href=$u]", u=PLACEHOLDER_URL):
        a.set("href", "#")
        a.set("data-cite-url", "")
        a.text = "[address of this page]"
    htmltools.wrap_text(root, PLACEHOLDER_ACCESSED, lambda: _span("data-cite-accessed", "[the date you read it]"))
    htmltools.wrap_text(root, PLACEHOLDER_NUMBER, lambda: _span("data-cite-locator", None))
    htmltools.wrap_text(root, PLACEHOLDER_FIRST, lambda: _span("data-cite-from", None))
    return htmltools.serialize_fragment(root)


def _span(attribute: str, text: str | None):
    made = htmltools.element(f'<span {attribute}=""></span>')
    made.text = text
    return made


def jobs(items: dict[str, dict], original: str, edition: str) -> list:
    """The renders (scripts.citing.csl.render_many jobs) behind one essay's panel, in style order.

    Each work is formatted on its own: in one bibliography, styles would replace the second
    entry's author by a dash (MLA "———") or add "a"/"b" to the years.
    """
    page = csl.with_url(items[edition], PLACEHOLDER_URL)
    if not page.get("issued"):
        page = csl.with_fields(page, {"accessed": {"literal": PLACEHOLDER_ACCESSED}})
    out = []
    for _, style in csl.STYLES.values():
        out.append(([items[original]], style, [f"[@{original}]"]))
        out.append(([page], style, [
            f"[@{edition}]",
            f"[@{edition}, para. {PLACEHOLDER_NUMBER}]",
            f"[@{edition}, note {PLACEHOLDER_NUMBER}]",
            f"[@{edition}, para. {PLACEHOLDER_FIRST}–{PLACEHOLDER_NUMBER}]",
        ]))
    return out


def edition_jobs(items: dict[str, dict], edition: str) -> list:
    """The renders of the edition's own entry, once per style, with the placeholder address: the
    reference of any page of the edition (a comparison, a concept) in the teachers' kit."""
    page = csl.with_url(items[edition], PLACEHOLDER_URL)
    if not page.get("issued"):
        page = csl.with_fields(page, {"accessed": {"literal": PLACEHOLDER_ACCESSED}})
    return [([page], style, [f"[@{edition}]"]) for _, style in csl.STYLES.values()]


def edition_entries(results: list, edition: str) -> dict[str, str]:
    """The edition's entry in each style, placeholders marked, from the results of :func:`edition_jobs`."""
    return {name: _fill(results[i][1][edition]) for i, name in enumerate(csl.STYLES)}


def assemble(results: list, original: str, edition: str) -> dict[str, dict[str, str]]:
    """For each style: the two reference entries and the in-text forms, as HTML, from the
    results of :func:`jobs`."""
    result = {}
    for i, (name, (label, _)) in enumerate(csl.STYLES.items()):
        cited_original, entries = results[2 * i]
        cited_edition, edition_entries = results[2 * i + 1]
        entries = {**entries, **edition_entries}
        cited = cited_original + cited_edition
        result[name] = {
            "label": label,
            "original": _fill(entries[original]),
            "edition": _fill(entries[edition]),
            "original_intext": _fill(cited[0]),
            "edition_intext": _fill(cited[1]),
            "paragraph_intext": _fill(cited[2]),
            "note_intext": _fill(cited[3]),
            "range_intext": _fill(cited[4]),
            "access": ACCESS_FILLED if PLACEHOLDER_ACCESSED in entries[edition] else ACCESS[name],
        }
    return result


def citations(original: str, edition: str) -> dict[str, dict[str, str]]:
    """For each style: the two reference entries and the in-text forms, as HTML."""
    return assemble(csl.render_many(jobs(csl.csl_items(), original, edition)), original, edition)


def _block(name: str, label: str, html: str, kind: str) -> str:
    return (f'<div class="edition-cite__item" data-cite-kind="{kind}" data-cite-style="{name}">'
            f'<p class="edition-cite__text">{html}</p>'
            f'<button type="button" class="edition-cite__copy" '
            f'aria-label="Copy the {escape(label)} citation of {kind}">Copy</button></div>')


def _address(fragment: str, url: str | None) -> str:
    """Put an absolute page address into the placeholder links of a citation (readers without
    scripts then see it too)."""
    if not url or "://" not in url:
        return fragment
    root = htmltools.parse_fragment(fragment)
    for a in root.xpath("//a[@data-cite-url]"):
        a.set("href", url)
        a.text = url
    return htmltools.serialize_fragment(root)


def panel(essay: str, data: dict[str, dict[str, str]], downloads: dict[str, str],
          page: str | None = None) -> str:
    """The "Cite this" control: a disclosure with one section per style, and the downloads.

    ``downloads`` maps a format name to the download's site-relative URL. ``page`` is the
    address citations give (scripts.common.versions.citable_page: this page in its own version,
    absolute or relative); without it the page's script uses the address it was opened at.
    """
    data = {name: {k: _address(v, page) if k in ("edition", "original") else v for k, v in d.items()}
            for name, d in data.items()}
    sections = []
    for name, d in data.items():
        sections.append(
            f'<section class="edition-cite__style" data-cite-style="{name}" aria-label="{d["label"]}">'
            f'<h2>{d["label"]}</h2>'
            f"<h3>The original</h3>{_block(name, d['label'], d['original'], 'the original')}"
            f"<h3>This edition</h3>{_block(name, d['label'], d['edition'], 'this edition')}"
            f'<p class="edition-cite__intext">In the text: {d["edition_intext"]}</p>'
            f'<p class="edition-cite__access">{escape(d["access"])}</p>'
            f"</section>"
        )
    links = " ".join(
        f'<a href="{escape(url)}" download>{escape(fmt)}</a>' for fmt, url in downloads.items()
    )
    templates = "".join(
        f'<template data-cite-passage="{name}" data-cite-label="{d["label"]}">'
        f'<span data-kind="paragraph">{d["paragraph_intext"]}</span>'
        f'<span data-kind="note">{d["note_intext"]}</span>'
        f'<span data-kind="entry">{d["edition"]}</span></template>'
        for name, d in data.items()
    )
    return (
        f'<details class="edition-cite" data-essay="{escape(essay)}"'
        f'{f" data-cite-page={chr(34)}{escape(page)}{chr(34)}" if page else ""}>'
        f"<summary>Cite this</summary>"
        f'<div class="edition-cite__body">{"".join(sections)}'
        f'<p class="edition-cite__downloads">Download the citations for a reference manager: {links}</p>'
        f"</div></details>{templates}"
    )
