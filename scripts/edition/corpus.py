"""The essays as ``make check`` reads them, without a build: each essay page rendered and
given its reader controls once (as the build does, without MkDocs), checked (scripts.edition.
checks: front matter, structure; the text against its copy-text, word for word), and its
passage records made.

The passage records are the passage API for checks: what ``passages.json`` will hold, for any
feature's check that needs the essays' text (:func:`source_records`).
"""

from __future__ import annotations

from pathlib import Path

from scripts.common import htmltools, render, validate
from scripts.common.feature import DocsPage, Project
from scripts.common.validate import Problem
from scripts.edition import apparatus, copytext, decorate, fidelity, passages, registry
from scripts.edition.checks import essay_structure, front_matter, unique_ids
from scripts.edition.textmap import TextMaps


def essay_problems(page: DocsPage, docs: Path, config: Path, redirects: dict[str, str]) -> tuple[list[Problem], list[dict], object]:
    """Everything wrong with one essay page, its passage records and its rendered, decorated
    HTML (no records and no HTML if its front matter is unusable): front matter, structure of the
    rendered text, fidelity to the copy-text."""
    meta, rel, source = page.meta, page.rel, page.source
    line_of = page.line_finder()
    problems = front_matter(meta, rel, line_of)
    if problems:
        return problems, [], None
    essay = meta["essay"]["id"]
    copy = meta["copytext"]
    text_path = docs / copy["file"]
    if not text_path.exists():
        return [Problem(rel, None, "front matter copytext.file", f"{copy['file']} does not exist in docs/")], [], None
    raw = copytext.read(text_path)
    if copytext.sha256(raw) != copy["sha256"]:
        problems.append(Problem(rel, line_of(["copytext", "sha256"]), "front matter copytext.sha256",
                                f"{copy['file']} has changed: the copy-text must stay exactly as received"))
    link = validate.relative_link(rel, copy["file"])
    root = htmltools.parse_fragment(render.to_html(page.body + "\n\n" + apparatus.markdown(meta, link), config))
    decorate.essay_tree(root, essay, meta.get("emendations") or [], redirects)
    problems += essay_structure(root, essay, meta, rel, source)
    records = passages.records(root, essay, validate.page_url(page.path.relative_to(docs).as_posix()))
    try:
        head = copytext.header(raw, copy)
        blocks = copytext.apply_emendations(copytext.blocks(raw, copy), meta.get("emendations") or [])
    except copytext.CopyTextError as error:
        return problems + [Problem(rel, line_of(["copytext"]), "front matter copytext", str(error))], records, root
    if "title" in head and head["title"] != meta["title"]:
        problems.append(Problem(rel, line_of(["title"]), "front matter title",
                                f"title {meta['title']!r} differs from the copy-text's {head['title']!r}"))
    if "byline" in head and head["byline"] != meta["essay"]["byline"]:
        problems.append(Problem(rel, line_of(["essay", "byline"]), "front matter essay.byline",
                                f"byline differs from the copy-text's {head['byline']!r}"))
    for message in fidelity.compare(blocks, records):
        problems.append(Problem(rel, None, "fidelity", message))
    return problems, records, root


def _essays(project: Project) -> tuple[list[Problem], dict[str, list[dict]], bool]:
    """Every essay page checked once per run: its problems, the records by file, and whether
    every essay could be read (an essay whose front matter failed has unknown ids, not missing)."""
    redirects = registry.load(project.docs / registry.FILENAME)["redirects"]
    problems, records_by_file, readable = [], {}, True
    roots = project.memo("edition.roots", dict)
    for page in project.pages:
        if page.meta is None or "essay" not in page.meta:
            continue
        found, records, root = essay_problems(page, project.docs, project.config, redirects)
        problems += found
        readable &= bool(records)
        records_by_file[page.rel] = records
        if root is not None:
            roots[page.meta["essay"]["id"]] = root
    return problems, records_by_file, readable


def essays(project: Project) -> tuple[list[Problem], dict[str, list[dict]], bool]:
    return project.memo("edition.essays", lambda: _essays(project))


def source_records(project: Project) -> list[dict] | None:
    """Every passage record of the essays as ``make check`` renders them, in file order; None if
    an essay could not be read (so checks that compare ids say nothing rather than too much)."""
    _, records_by_file, readable = essays(project)
    return [r for records in records_by_file.values() for r in records] if readable else None


def text_maps(project: Project) -> TextMaps | None:
    """Each passage's text mapped onto its HTML (scripts.edition.textmap), by id, as ``make
    check`` renders the essays, each made when first asked for; None if an essay could not be
    read."""
    if source_records(project) is None:
        return None

    def build() -> TextMaps:
        roots = project.memo("edition.roots", dict)
        return TextMaps({el.get("id"): el for essay, root in roots.items()
                         for el, parsed in passages.elements(root, essay) if parsed.kind != "heading"})

    return project.memo("edition.text_maps", build)


def project_problems(project: Project) -> list[Problem]:
    """The edition's part of ``make check``: every essay, ids unique across the site, and every
    registered id still present."""
    problems, records_by_file, _ = essays(project)
    problems = problems + unique_ids(records_by_file, within_files=False)  # essay_structure: within
    everything = source_records(project)
    reg = registry.load(project.docs / registry.FILENAME)
    for message in [] if everything is None else registry.check(everything, reg):
        problems.append(Problem(f"docs/{registry.FILENAME}", None, "registry", message))
    return problems


def register(project: Project) -> None:
    """Add every current passage id to the registry (``make register-ids``; ids are never removed)."""
    path = project.docs / registry.FILENAME
    path.write_text(registry.dumps(registry.register(source_records(project) or [], registry.load(path))),
                    encoding="utf-8")
