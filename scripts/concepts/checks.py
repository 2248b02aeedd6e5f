"""The checks of the concept files, for ``make check`` and the build alike: each file's front
matter against the schema, and the glossary as a whole (titles and aliases claimed once,
related concepts that exist and are declared once, sources in ``bib/`` and cited by the
definition, a definition that is there). An alias that occurs in neither essay is a warning.
Every problem names its file, line and field, and says what to do."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.citing import bib, quotes
from scripts.common.feature import DocsPage, Project, read_folder, valid_pages
from scripts.common.validate import Problem
from scripts.concepts import model
from scripts.concepts.matcher import Matcher
from scripts.edition import corpus


def src_uri(page: DocsPage) -> str:
    """A docs page's path in the docs folder (``concepts/thaad.md``)."""
    return page.src_uri


def concept_pages(pages: list[DocsPage]) -> list[DocsPage]:
    """The concept files among the docs pages (docs/concepts/<slug>.md, not the index)."""
    return [p for p in pages if model.is_concept_page(src_uri(p))]


def files_in(docs_dir: Path) -> list[DocsPage]:
    """The concept files of a docs folder, read (the index is not one)."""
    return concept_pages(read_folder(docs_dir, model.FOLDER))


def read(pages: list[DocsPage], cache_dir: Path | None = None) -> tuple[model.Glossary, list[Problem]]:
    """The glossary of the concept pages whose front matter is valid, and the problems of the
    others (front matter that is not YAML is reported once, by the site's check; ``cache_dir``:
    the build's, where valid front matter is remembered)."""
    glossary = model.Glossary()
    valid, problems = valid_pages(pages, model.SCHEMA, cache_dir)
    for page in valid:
        glossary.concepts[model.slug_of(page.src_uri)] = model.concept(page.src_uri, page.meta, page.body)
    return glossary, problems


def glossary_problems(glossary: model.Glossary, files: dict[str, DocsPage], bib_keys: set[str]) -> list[Problem]:
    """What is wrong with the glossary as a whole (``files``: each concept's page, by slug)."""
    problems: list[Problem] = []
    titles: dict[str, list[str]] = {}
    claims: dict[str, list[str]] = {}  # a form, folded unless it must match as written -> concepts
    for slug, concept in glossary.concepts.items():
        titles.setdefault(concept.title.casefold(), []).append(slug)
        for alias in concept.aliases:
            claims.setdefault(alias.form.casefold(), []).append(slug)
    for slug, concept in sorted(glossary.concepts.items()):
        page = files[slug]
        line = page.line_finder()
        where = page.rel
        others = [s for s in titles[concept.title.casefold()] if s != slug]
        if others:
            problems.append(Problem(where, line(["title"]), "front matter title",
                                    f"“{concept.title}” is also the title of {', '.join(sorted(others))}: "
                                    "give each concept its own title"))
        for i, alias in enumerate(concept.aliases):
            others = sorted({s for s in claims[alias.form.casefold()] if s != slug} - _distinct(alias, glossary))
            if others:
                problems.append(Problem(where, line(["aliases", str(i)]), f"front matter aliases.{i}",
                                        f"“{alias.form}” is also an alias of {', '.join(others)}: a form may name "
                                        "one concept only"))
        for i, other in enumerate(concept.related):
            field = f"front matter related.{i}"
            if other == slug:
                problems.append(Problem(where, line(["related", str(i)]), field, "a concept is not related to itself: remove it"))
            elif other not in glossary.concepts:
                problems.append(Problem(where, line(["related", str(i)]), field,
                                        f"no concept {other} (docs/concepts/{other}.md): check the name, or remove it"))
            elif slug in glossary.concepts[other].related and other < slug:
                problems.append(Problem(where, line(["related", str(i)]), field,
                                        f"the relation with {other} is declared on both pages: remove it here "
                                        f"(it stays on {other}, and is shown on both)"))
        cited = set(bib.cited_keys(concept.body))
        for i, key in enumerate(concept.sources):
            if key not in bib_keys:
                problems.append(Problem(where, line(["sources", str(i)]), f"front matter sources.{i}",
                                        f"{key} is not a key in bib/: add the work to a .bib file, or correct the key"))
            elif key not in cited:
                problems.append(Problem(where, line(["sources", str(i)]), f"front matter sources.{i}",
                                        f"the definition does not cite {key}: cite it with [@{key}] where it is used, or remove it"))
        for key in sorted(cited - set(concept.sources)):
            problems.append(Problem(where, line(["sources"]), "front matter sources",
                                    f"the definition cites {key}, which sources does not list: add it"))
        if not _definition(concept.body):
            problems.append(Problem(where, None, "definition",
                                    "the page has no definition: write it, citing its sources with [@key], after the front matter"))
    return problems


def _distinct(alias, glossary: model.Glossary) -> set[str]:
    """Concepts whose form equals ``alias`` but in another case while both must match as written
    ("Aegis" and "AEGIS" could name two things): no conflict."""
    return {c.slug for c in glossary.concepts.values() for other in c.aliases
            if alias.match_case and other.match_case and other.form != alias.form
            and other.form.casefold() == alias.form.casefold()}


def _definition(body: str) -> str:
    """The definition's words: the body without headings, comments and white space."""
    text = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    return " ".join(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def dead_aliases(glossary: model.Glossary, files: dict[str, DocsPage], texts: list[str]) -> list[Problem]:
    """A warning for each alias that names its concept nowhere in the essays (``texts``: their
    passages): it occurs in no passage, or only inside a longer alias of another concept."""
    matcher = Matcher(glossary.all_aliases())
    used = {(m.concept, m.form) for text in texts for m in matcher.find(text)}
    problems = []
    for slug, concept in sorted(glossary.concepts.items()):
        line = files[slug].line_finder()
        for i, alias in enumerate(concept.aliases):
            if (slug, alias.form) not in used:
                problems.append(Problem(files[slug].rel, line(["aliases", str(i)]), f"front matter aliases.{i}",
                                        f"“{alias.form}” names {concept.title} nowhere in the essays: check its "
                                        "spelling and case, or remove it", warning=True))
    return problems


def project_problems(project: Project) -> list[Problem]:
    """The concepts' part of ``make check``."""
    pages = concept_pages(project.pages)
    glossary, problems = read(pages)
    files = {model.slug_of(src_uri(p)): p for p in pages}
    keys = bib.keys(project.root / "bib")
    problems += glossary_problems(glossary, files, keys if keys is not None else {k for c in glossary.concepts.values() for k in c.sources})
    records = corpus.source_records(project)
    if records is not None:  # an essay could not be read: its text is unknown, not without mentions
        problems += dead_aliases(glossary, files, [r["text"] for r in records if r["kind"] != "heading"])
        problems += quote_problems(glossary, files, quotes.essay_texts(project, records))
    return problems


def quote_problems(glossary: model.Glossary, files: dict[str, DocsPage], essays) -> list[Problem]:
    problems = []
    for slug, concept in sorted(glossary.concepts.items()):
        for quote in quotes.author_quotes(concept.body, essays):
            problems.append(Problem(files[slug].rel, None, "definition",
                                    f"“{quote}” {quotes.MESSAGE}"))
    return problems
