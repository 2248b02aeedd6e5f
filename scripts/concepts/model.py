"""The concepts of the edition's glossary, read from ``docs/concepts/<slug>.md``: front matter
(schemas/concept.schema.json) and a definition in Markdown.

A concept's slug is its file name; its page is ``concepts/<slug>/``. The index page
(``docs/concepts/index.md``) is not a concept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.concepts.matcher import Alias

FOLDER = "concepts"
INDEX = "index.md"
SCHEMA = Path(__file__).parent / "schemas" / "concept.schema.json"

CATEGORIES = {
    "systems": "Systems and programmes",
    "treaties": "Treaties and arms control",
    "strategy": "Strategy and doctrine",
    "actors": "Organisations, actors and places",
    "events": "Events and documents",
}


@dataclass(frozen=True)
class Concept:
    slug: str
    title: str
    aliases: tuple[Alias, ...]
    category: str
    related: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    description: str = ""
    body: str = ""
    src_uri: str = ""  # concepts/<slug>.md

    @property
    def url(self) -> str:
        return f"{FOLDER}/{self.slug}/"


def is_concept_page(src_uri: str) -> bool:
    return src_uri.startswith(FOLDER + "/") and src_uri.count("/") == 1 and src_uri != f"{FOLDER}/{INDEX}"


def is_index_page(src_uri: str) -> bool:
    return src_uri == f"{FOLDER}/{INDEX}"


def slug_of(src_uri: str) -> str:
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")


def aliases(slug: str, entries: list) -> tuple[Alias, ...]:
    """The front matter's ``aliases`` (a string, or ``{form, match_case}``) as Alias values."""
    out = []
    for entry in entries:
        if isinstance(entry, str):
            out.append(Alias(entry, slug, False))
        else:
            out.append(Alias(entry["form"], slug, bool(entry.get("match_case"))))
    return tuple(out)


def concept(src_uri: str, meta: dict, body: str) -> Concept:
    """A concept from its page's front matter (valid against the schema) and Markdown."""
    slug = slug_of(src_uri)
    return Concept(slug=slug, title=meta["title"], aliases=aliases(slug, meta["aliases"]),
                   category=meta["category"], related=tuple(meta.get("related") or ()),
                   sources=tuple(meta.get("sources") or ()), description=meta.get("description") or "",
                   body=body, src_uri=src_uri)


@dataclass
class Glossary:
    """Every concept, by slug, and the relations between them shown on both sides."""

    concepts: dict[str, Concept] = field(default_factory=dict)

    def related(self, slug: str) -> list[str]:
        """The concepts related to ``slug``, whichever of the two declared the relation, by title."""
        found = set(self.concepts[slug].related)
        found |= {other.slug for other in self.concepts.values() if slug in other.related}
        found &= set(self.concepts)
        return sorted(found - {slug}, key=lambda s: self.concepts[s].title.casefold())

    def all_aliases(self) -> list[Alias]:
        return [alias for c in self.concepts.values() for alias in c.aliases]
