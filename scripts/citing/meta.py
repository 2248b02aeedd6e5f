"""Machine-readable citation data for an essay page: ``citation_*`` meta tags and JSON-LD.

The tags describe the essay (so Zotero and Google Scholar import the right work), with facts
from ``bib/`` only. An inferred date ("[2018]") is not a publication date and is not given as
one; an unknown address is left out.
"""

from __future__ import annotations

import json

from scripts.citing import bib


def _date(entry) -> str | None:
    if bib.inferred_year(entry):
        return None
    date = entry.fields.get("date") or entry.fields.get("year")
    return date.replace("-", "/") if date else None


def _plain(value: str) -> str:
    return value.replace("{", "").replace("}", "")


def _authors(entry) -> list[str]:
    return [" ".join(p.first_names + p.middle_names + p.last_names) for p in entry.persons.get("author", [])]


def meta_tags(original: str, page_url: str | None) -> list[tuple[str, str]]:
    """``(name, content)`` pairs for the essay whose original entry is ``original``.

    ``page_url`` is this edition page's absolute address when the site's address is known.
    """
    entry = bib.load().entries[original]
    f = entry.fields
    tags = [("citation_title", _plain(f["title"]))]
    tags += [("citation_author", name) for name in _authors(entry)]
    if _date(entry):
        tags.append(("citation_publication_date", _date(entry)))
    if f.get("journaltitle"):
        tags.append(("citation_journal_title", _plain(f["journaltitle"])))
    if f.get("number"):
        tags.append(("citation_issue", f["number"]))
    publisher = f.get("publisher") or f.get("organization")
    if publisher:
        tags.append(("citation_publisher", _plain(publisher)))
    if f.get("url"):
        tags.append(("citation_public_url", f["url"]))
    elif page_url:
        tags.append(("citation_public_url", page_url))
    tags.append(("citation_language", "en"))
    return tags


def json_ld(original: str, edition_title: str, page_url: str | None) -> str:
    """schema.org ``ScholarlyArticle`` for the edition page, ``isBasedOn`` the original."""
    entry = bib.load().entries[original]
    f = entry.fields
    based_on = {
        "@type": "ScholarlyArticle",
        "name": _plain(f["title"]),
        "author": [{"@type": "Person", "name": n} for n in _authors(entry)],
    }
    publisher = f.get("publisher") or f.get("organization")
    if publisher:
        based_on["publisher"] = {"@type": "Organization", "name": _plain(publisher)}
    if _date(entry):
        based_on["datePublished"] = f.get("date") or f.get("year")
    if f.get("journaltitle"):
        based_on["isPartOf"] = {"@type": "PublicationIssue", "issueNumber": f.get("number"),
                                "isPartOf": {"@type": "Periodical", "name": _plain(f["journaltitle"])}}
    if f.get("url"):
        based_on["url"] = f["url"]
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "name": _plain(f["title"]),
        "headline": _plain(f["title"]),
        "author": based_on["author"],
        "isPartOf": {"@type": "WebSite", "name": edition_title},
        "isBasedOn": based_on,
        "inLanguage": "en",
    }
    if page_url:
        data["url"] = page_url
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
