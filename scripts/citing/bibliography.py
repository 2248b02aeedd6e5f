"""The bibliography page: every work in ``bib/``, grouped, each with links to where it is cited.

Rendered by the edition from ``bib/`` (pandoc + Chicago author-date CSL) instead of
mkdocs-bibtex's ``\\full_bibliography``, whose entries link back to footnote anchors that do
not exist on the page. Here every back-link is built from a real place: an essay page, an
author's note (``essays/toucas/#toucas-n2``) or a page whose editorial prose cites the work.
"""

from __future__ import annotations

from html import escape

from scripts.citing import bib, csl
from scripts.edition import passages
from scripts.citing.bibtex_glue import entry_id

MARKER = "<!-- bibliography -->"
GROUPS = [
    ("essays", "The essays and this edition"),
    ("authors", "Works the authors cite"),
    ("edition", "Works the edition cites"),
]


def uses(use: dict, cited_on_pages: dict[str, list[str]], page_titles: dict[str, str]) -> dict[str, list[bib.Use]]:
    """Where each key is used: essay pages, authors' notes, pages citing it with ``[@key]``.

    ``cited_on_pages`` maps a site-relative page URL to the keys its Markdown cites;
    ``page_titles`` gives each page's title.
    """
    found: dict[str, list[bib.Use]] = {}

    def add(key: str, url: str, kind: str, label: str) -> None:
        found.setdefault(key, []).append(bib.Use(key, url, kind, label))

    for essay, keys in use["essays"].items():
        url = f"essays/{essay}/"
        title = page_titles.get(url, essay.capitalize())
        add(keys["original"], url, "essay", f"{title} (this edition)")
        add(keys["edition"], url, "essay", title)
    for note, keys in (use.get("notes") or {}).items():
        parsed = passages.parse(note)
        for key in keys:
            add(key, f"essays/{parsed.essay}/#{note}", "note",
                f"{parsed.essay.capitalize()}, {passages.label(parsed.kind, parsed.number).lower()}")
    for url, keys in cited_on_pages.items():
        for key in dict.fromkeys(keys):
            add(key, url, "page", page_titles.get(url, url or "Home"))
    return found


def group_of(key: str, use: dict, where: list[bib.Use]) -> str:
    essay_keys = {k for e in use["essays"].values() for k in e.values()} | {use["edition"]}
    if key in essay_keys:
        return "essays"
    return "authors" if any(u.kind == "note" for u in where) else "edition"


def html(entries: dict[str, str], use: dict, where: dict[str, list[bib.Use]], prefix: str) -> str:
    """The page's generated part: one section per non-empty group, entries in style order.

    ``entries`` is the formatted HTML of each entry by key, in bibliography order; ``prefix``
    makes site-relative URLs relative to the bibliography page (``../``).
    """
    out = []
    for group, heading in GROUPS:
        keys = [k for k in entries if group_of(k, use, where.get(k, [])) == group]
        if not keys:
            continue
        out += ["", f"## {heading} {{#{group}}}", "", '<ul class="edition-bibliography">']
        for key in keys:
            links = ", ".join(
                f'<a href="{escape(prefix + u.url)}">{escape(u.label)}</a>' for u in where.get(key, [])
            )
            copy = (use.get("copies") or {}).get(key)
            also = (f'<p class="edition-bibliography__copy">Also at: <a href="{escape(copy["url"])}">'
                    f'{escape(copy["description"])}</a> (the edition\'s addition).</p>') if copy else ""
            out.append(
                f'<li id="{entry_id(key)}" class="edition-bibliography__entry">'
                f'<div class="csl-entry">{entries[key]}</div>{also}'
                f'<p class="edition-bibliography__uses">Cited in: {links or "—"}</p></li>'
            )
        out += ["</ul>", ""]
    return "\n".join(out)


def job(items: dict[str, dict], urls: dict[str, str]) -> tuple:
    """The render (a scripts.citing.csl.render_many job) of every entry, in the editorial style.

    ``urls`` gives the web address of entries that have one only at build time (edition pages).
    """
    return ([csl.with_url(item, urls.get(key)) for key, item in items.items()], csl.EDITORIAL_STYLE, [])


def markdown(page_markdown: str, entries: dict[str, str], use: dict, cited_on_pages: dict[str, list[str]],
             page_titles: dict[str, str], prefix: str) -> str:
    """The bibliography page's Markdown with its marker replaced by the rendered entries
    (``entries``: the bibliography of the result of :func:`job`)."""
    where = uses(use, cited_on_pages, page_titles)
    return page_markdown.replace(MARKER, html(entries, use, where, prefix))
