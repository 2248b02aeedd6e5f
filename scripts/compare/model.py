"""The comparison themes, read from ``docs/compare/<slug>.md``: front matter
(schemas/theme.schema.json) and the page's Markdown, which gives each author's position in the
edition's words, then the edition's analysis and questions for discussion, under fixed headings.

A theme has one side per author (keyed by :func:`author_key`), which quotes the passages of
that author's essays.

A theme's slug is its file name; its page is ``compare/<slug>/``. The overview
(``docs/compare/index.md``) is not a theme: its matrix is made from the themes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.edition import passages

FOLDER = "compare"
INDEX = f"{FOLDER}/index.md"
SCHEMA = Path(__file__).parent / "schemas" / "theme.schema.json"
ELISION = " … "  # how a quote leaves words out: each part verbatim, in order

# The headings of a theme page's Markdown, in order: one per author (the surname), then these.
ANALYSIS = "Analysis"
ANALYSIS_PARTS = ("Where they agree", "Where they differ", "What each leaves out")
QUESTIONS = "Questions for discussion"
QUESTION_COUNT = (2, 3)

# How the two authors stand on a theme: the mark, readable without colour, and its words.
RELATIONS = {
    "agree": ("=", "Agree", "both take the theme up and broadly agree"),
    "differ": ("≠", "Differ", "both take the theme up and differ, in substance or in emphasis"),
    "silence": ("○", "Silence", "only one of the two takes the theme up; the other is silent on it"),
}


@dataclass(frozen=True)
class Quote:
    essay: str  # the essay whose passage it quotes
    passage: str  # its id in passages.json
    text: str  # the author's words, parts joined by ELISION
    anchor: str  # its id on the theme page: quote-<passage>[-n]

    @property
    def parts(self) -> list[str]:
        return [" ".join(part.split()) for part in self.text.split(ELISION)]


@dataclass(frozen=True)
class Side:
    author: str  # the author's key (author_key): the side of the author of one or more essays
    summary: str
    quotes: tuple[Quote, ...] = ()
    silent: bool = False
    quoting: bool = True  # its front matter has quotes (a silent side may not)


@dataclass(frozen=True)
class Theme:
    slug: str
    title: str
    description: str
    order: int
    short: str
    relation: str
    sides: dict  # author key -> Side, in the front matter's order
    src_uri: str = ""  # compare/<slug>.md

    @property
    def url(self) -> str:
        return f"{FOLDER}/{self.slug}/"

    @property
    def quotes(self) -> list[Quote]:
        return [q for side in self.sides.values() for q in side.quotes]


KEYS = ("order", "short", "relation")


def theme(src_uri: str, meta: dict) -> Theme:
    """A theme from its (valid) front matter."""
    data = meta["compare"]
    sides, seen = {}, {}
    for author, side in data.items():
        if author in KEYS:
            continue
        quotes = []
        for q in side.get("quotes", []):
            seen[q["passage"]] = seen.get(q["passage"], 0) + 1
            anchor = f"quote-{q['passage']}" + (f"-{seen[q['passage']]}" if seen[q["passage"]] > 1 else "")
            quotes.append(Quote(passages.parse(q["passage"]).essay, q["passage"], " ".join(q["text"].split()), anchor))
        sides[author] = Side(author, " ".join(side["summary"].split()), tuple(quotes), bool(side.get("silent")),
                             "quotes" in side)
    return Theme(slug_of(src_uri), meta["title"], " ".join(meta["description"].split()), data["order"],
                 data["short"], data["relation"], sides, src_uri)


def slug_of(src_uri: str) -> str:
    return src_uri.rsplit("/", 1)[-1][:-3]


def is_theme_page(src_uri: str) -> bool:
    return src_uri.startswith(FOLDER + "/") and src_uri.count("/") == 1 and src_uri != INDEX and src_uri.endswith(".md")


def is_index_page(src_uri: str) -> bool:
    return src_uri == INDEX


def surname(author: str) -> str:
    """The name a theme page's heading gives an author: the last word of the essay's author."""
    return author.split()[-1]


def author_key(author: str) -> str:
    """The key of an author's side in a theme's front matter: the surname in lower case
    (Boris Toucas: toucas). A side quotes any essay by that author."""
    return surname(author).lower()
