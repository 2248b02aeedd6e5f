"""The checks of the teachers' kit, for ``make check`` and the build alike, every problem on one
line with file, line and field: each guide's and the assignment's front matter against its
schema; a guide's essay, its concepts, its parts (the author's whole text, from its first
passage to its last paragraph, in order, without gap or overlap; the edition's own editorial
paragraphs may be left out) and its questions' passages; the assignment's
themes; the authors' words quoted in the summaries and questions (scripts/citing/quotes.py)."""

from __future__ import annotations

from pathlib import Path

from scripts.citing import quotes as prose_quotes
from scripts.common.feature import DocsPage, Project, read_folder
from scripts.common.validate import Problem, schema_problems
from scripts.teach import model, ranges


def src_uri(page: DocsPage) -> str:
    return page.src_uri


def kit_pages(pages: list[DocsPage]) -> list[DocsPage]:
    return [p for p in pages if model.in_folder(p.src_uri) and model.kind_of(p.meta)]


def files_in(docs_dir: Path) -> list[DocsPage]:
    """The guides and the assignment of a docs folder, read."""
    return kit_pages(read_folder(docs_dir, model.FOLDER))


def read(pages: list[DocsPage], cache_dir: Path | None = None):
    """The guides (by essay) and the assignment's prompts of the pages whose front matter is
    valid, and the problems of the others."""
    guides, prompts, problems = {}, [], []
    for page in pages:
        kind = model.kind_of(page.meta)
        schema = model.GUIDE_SCHEMA if kind == "guide" else model.ASSIGNMENT_SCHEMA
        found = schema_problems(schema, page.meta, page.rel, page.line_finder(), "front matter ", cache_dir)
        if found:
            problems += found
        elif kind == "guide":
            g = model.guide(src_uri(page), page.meta)
            if g.essay in guides:
                problems.append(Problem(page.rel, page.line_finder()(["guide", "essay"]), "front matter guide.essay",
                                        f"{guides[g.essay].src_uri} is already the guide to {g.essay}: one guide per essay"))
            guides[g.essay] = g
        else:
            prompts.append((src_uri(page), model.prompts(page.meta)))
    return guides, prompts, problems


def guide_problems(g: model.Guide, page: DocsPage, records: list[dict], concepts: set[str]) -> list[Problem]:
    """``records``: the essay's passage records in reading order (passages.json's); ``concepts``:
    the glossary's slugs."""
    line = page.line_finder()
    problems = []
    for i, slug in enumerate(g.before):
        if slug not in concepts:
            problems.append(Problem(page.rel, line(["guide", "before", str(i)]), f"front matter guide.before.{i}",
                                    f"no concept {slug} (docs/concepts/{slug}.md): check the name"))
    text = ranges.reading(records)
    ids = [r["id"] for r in text]
    last_paragraph = max((i for i, r in enumerate(text) if r["kind"] == "paragraph"), default=len(text) - 1)
    expected = 0  # the index in ``text`` the next part must start at
    for i, part in enumerate(g.parts):
        where = ["guide", "parts", str(i)]
        field = f"front matter guide.parts.{i}"
        for end in ("from", "to"):
            pid = part.first if end == "from" else part.last
            if pid not in ids:
                problems.append(Problem(page.rel, line(where + [end]), f"{field}.{end}",
                                        f"{pid} is not a passage of {g.essay}'s text (passages.json; notes and the bio are not part of it)"))
        if part.first not in ids or part.last not in ids:
            return problems
        start, stop = ids.index(part.first), ids.index(part.last)
        if stop < start:
            problems.append(Problem(page.rel, line(where + ["to"]), f"{field}.to",
                                    f"{part.last} comes before {part.first}: a part runs forward"))
        elif start < expected or not _optional(text[expected:start]):
            what = (f"leaves out {ids[expected]}" + (f" to {ids[start - 1]}" if start - 1 > expected else "")
                    if start > expected else f"goes back over {ids[start]}, which the part before covers")
            problems.append(Problem(page.rel, line(where + ["from"]), f"{field}.from",
                                    f"the parts must follow each other: this one {what}"))
        expected = max(expected, stop + 1)
    if expected <= last_paragraph and not _optional(text[expected:last_paragraph + 1]):
        problems.append(Problem(page.rel, line(["guide", "parts"]), "front matter guide.parts",
                                f"the parts end before the text does: add {ids[expected]} to {ids[last_paragraph]}"))
    paragraphs = {r["id"] for r in records if r["kind"] == "paragraph"}
    for i, q in enumerate(g.questions):
        for j, pid in enumerate(q.passages):
            if pid not in paragraphs:
                problems.append(Problem(page.rel, line(["guide", "questions", str(i), "passages", str(j)]),
                                        f"front matter guide.questions.{i}.passages.{j}",
                                        f"{pid} is not a paragraph of {g.essay}: tie the question to the paragraphs it is about"))
    return problems


def _optional(records: list[dict]) -> bool:
    """Passages a guide may leave out: the edition's own (editorial) paragraphs, not the author's."""
    return all(r.get("editorial") for r in records)


def prompt_problems(rel: str, page: DocsPage, prompts: list[model.Prompt], themes: set[str]) -> list[Problem]:
    line = page.line_finder()
    return [Problem(rel, line(["assignment", "prompts", str(i), "themes", str(j)]),
                    f"front matter assignment.prompts.{i}.themes.{j}",
                    f"no comparison theme {slug} (docs/compare/{slug}.md): check the name")
            for i, p in enumerate(prompts) for j, slug in enumerate(p.themes) if slug not in themes]


def prose(g: model.Guide) -> str:
    """A guide's prose in the edition's words: its summaries and questions."""
    return "\n\n".join([p.summary for p in g.parts] + [q.text for q in g.questions])


def project_problems(project: Project) -> list[Problem]:
    """The teachers' kit's part of ``make check``."""
    from scripts.compare import checks as compare_checks
    from scripts.concepts import checks as concept_checks
    from scripts.concepts import model as concept_model
    from scripts.edition import corpus

    pages = kit_pages(project.pages)
    guides, prompts, problems = read(pages)
    by_uri = {src_uri(p): p for p in pages}
    records = corpus.source_records(project)
    concepts = {concept_model.slug_of(concept_checks.src_uri(p)) for p in concept_checks.concept_pages(project.pages)}
    themes = {t.slug for t in compare_checks.read(compare_checks.theme_pages(project.pages))[0]}
    essays = {r["essay"] for r in records or []}
    for g in guides.values():
        page = by_uri[g.src_uri]
        if records is not None and g.essay not in essays:
            problems.append(Problem(page.rel, page.line_finder()(["guide", "essay"]), "front matter guide.essay",
                                    f"no essay has the id {g.essay}: use one of {', '.join(sorted(essays))}"))
        elif records is not None:
            problems += guide_problems(g, page, [r for r in records if r["essay"] == g.essay], concepts)
    for uri, found in prompts:
        problems += prompt_problems(by_uri[uri].rel, by_uri[uri], found, themes)
    if records is not None:
        texts = prose_quotes.essay_texts(project, records)
        for g in guides.values():
            for quote in prose_quotes.author_quotes(prose(g), texts):
                problems.append(Problem(by_uri[g.src_uri].rel, None, "prose", f"“{quote}” {prose_quotes.MESSAGE}"))
    return problems
