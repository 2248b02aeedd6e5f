"""Downloads for reference managers: each essay (original and edition) as BibTeX, RIS and CSL-JSON.

Written with libraries from ``bib/``: pybtex writes the BibTeX, pandoc's CSL-JSON (see
scripts.citing.csl) is the JSON, and rispy writes the RIS from it.
"""

from __future__ import annotations

import json
from pathlib import Path

import rispy
from pybtex.database import BibliographyData, Entry
from pybtex.database.output.bibtex import Writer  # not to_string("bibtex"): no plugin lookup (scripts/citing/bib.py)

from scripts.citing import bib, csl

FOLDER = "cite"
FORMATS = {"BibTeX": "bib", "RIS": "ris", "CSL-JSON": "json"}
RIS_TYPES = {
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "report": "RPRT",
    "webpage": "ELEC",
}


def paths(essay: str) -> dict[str, str]:
    """Site-relative path of each download of ``essay``."""
    return {name: f"{FOLDER}/{essay}.{ext}" for name, ext in FORMATS.items()}


def bibtex(keys: list[str], urls: dict[str, str]) -> str:
    data = bib.load()
    entries = {}
    for key in keys:
        entry = data.entries[key]
        fields = dict(entry.fields)
        if urls.get(key):
            fields["url"] = urls[key]
        entries[key] = Entry(entry.type, fields=fields, persons=entry.persons)
    return Writer().to_string(BibliographyData(entries=entries))


def _ris_record(item: dict) -> dict:
    record = {"type_of_reference": RIS_TYPES.get(item["type"], "GEN"), "id": item["id"],
              "title": item.get("title", "")}
    people = [", ".join(p for p in (a.get("family") or a.get("literal"), a.get("given")) if p)
              for a in item.get("author", [])]
    if people:
        record["authors"] = people
    issued = item.get("issued") or {}
    if issued.get("date-parts") and issued["date-parts"][0]:
        parts = issued["date-parts"][0]
        record["year"] = str(parts[0])
        record["date"] = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) + "/"
    elif issued.get("literal"):
        record["notes"] = [f"Date not printed in the source; inferred by the editors: {issued['literal']}"]
    if item.get("container-title"):
        record["secondary_title"] = item["container-title"]
    for field, ris in (("issue", "number"), ("publisher", "publisher"), ("ISBN", "issn")):
        if item.get(field):
            record[ris] = item[field]
    if item.get("URL"):
        record["urls"] = [item["URL"]]
    return record


class _Writer(rispy.RisWriter):
    """rispy's RIS writer without its numbered line before each record (not an RIS line)."""

    def set_header(self, count: int) -> str:
        return ""


def ris(items: list[dict]) -> str:
    return _Writer().formats([_ris_record(item) for item in items])


def write(site_dir: Path, essay: str, keys: list[str], urls: dict[str, str],
          all_items: dict[str, dict] | None = None) -> list[Path]:
    """Write the three downloads of ``essay`` (entries ``keys``) into the built site
    (``all_items``: scripts.citing.csl.csl_items(), if already at hand)."""
    all_items = csl.csl_items() if all_items is None else all_items
    items = [csl.with_url(all_items[k], urls.get(k)) for k in keys]
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    out = {
        "bib": bibtex(keys, urls),
        "ris": ris(items),
        "json": json.dumps(items, ensure_ascii=False, indent=2) + "\n",
    }
    written = []
    for ext, text in out.items():
        path = folder / f"{essay}.{ext}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
