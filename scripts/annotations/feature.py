"""Annotations in the build: every annotation file read and checked as the build starts (the
same checks as ``make check``; MkDocs never reads the files), each anchored in its passage as
the essays are built, its words highlighted there with a marker and its note beside them; its
own page, the index of all annotations and each essay's index made after the essays; the
concepts a note names linked to their pages, as in the essays. A file that is not published
as an annotation fails the build: none is dropped."""

from __future__ import annotations

from lxml import html as lxml_html

from scripts.annotations import checks, layer, model, pages, rendering, w3c
from scripts.annotations.reading import FOLDER
from scripts.citing import bib, bibtex_glue, csl
from scripts.common import htmltools
from scripts.common.feature import Build, ContentError, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.concepts.linking import ProseLinker
from scripts.edition import passages
from scripts.edition.textmap import TextMaps

LAST = 3  # built after the essays, whose build anchors the annotations


class Annotations(Feature):
    name = "annotations"

    def claims(self, src_uri: str) -> bool:
        return src_uri.startswith(FOLDER + "/")

    def start(self, build: Build) -> None:
        keys = set(bib.load(build.root / "bib").entries)
        self.annotations, problems = checks.read_all(build.docs_dir, keys, build.cache)
        if problems:
            raise ContentError(problems)
        self.by_id = {a.id: a for a in self.annotations}
        self.anchors: dict = {}
        self.contexts: dict[str, pages.Context] = {}
        self.essays: list[tuple[str, str, str]] = []  # (id, title, page src_uri) as built
        self.passage_order: dict[str, int] = {}
        self.selected: dict[str, tuple[str, list[dict]]] = {}  # id -> (essay page, W3C selectors)
        self.note_files: dict[str, str] = {}  # essay page URL -> its notes file (layer.NOTES)
        self._cited = build.submit(self._format_citations, build)  # beside the build
        self.concepts = ProseLinker.of(build.docs_dir, build.cache)

    @property
    def cited(self) -> dict[str, list[str]]:
        return self._cited.result()

    def _format_citations(self, build: Build) -> dict[str, list[str]]:
        """Every note's citations, formatted in the edition's style in one pandoc run (none with
        a warm cache), and every source as a bibliography entry."""
        blocks = {a.id: rendering.citations(a.body) for a in self.annotations}
        wanted = sorted({k for a in self.annotations for k in a.sources} |
                        {k for found in blocks.values() for c in found for k in bib.cited_keys(c)})
        if not wanted:
            return {}
        items = csl.csl_items(cache_dir=build.cache)
        job = ([items[k] for k in wanted], csl.EDITORIAL_STYLE, [c for found in blocks.values() for c in found])
        (cited, entries), = csl.render_many([job], build.cache)
        out, i = {}, 0
        for a in self.annotations:
            out[a.id] = cited[i:i + len(blocks[a.id])]
            out[a.id + " sources"] = [entries[k] for k in a.sources if k in entries]
            i += len(blocks[a.id])
        return out

    def pages(self, build: Build) -> dict[str, tuple[str, bool]]:
        """The pages this feature makes: each annotation's, the index (in the navigation) and
        one per essay. Their Markdown is made when they are built, after the essays."""
        made = {pages.page_uri(a): ("", False) for a in self.annotations}
        made[pages.INDEX] = ("", True)
        for essay in sorted({a.essay for a in self.annotations}):
            made[pages.essay_index_uri(essay)] = ("", False)
        return made

    def files(self, build: Build, pages_: dict[str, str]) -> dict[str, int]:
        return {uri: LAST for uri in pages_ if self.claims(uri)}

    def wants_tree(self, page: Page) -> bool:
        return "essay" in page.meta or page.src_uri.startswith(FOLDER + "/")

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        if "essay" in page.meta:
            self._essay(build, page, root)
        else:
            for place in root.cssselect(f"div.{pages.NOTE_PLACE}"):
                a = self.by_id[place.get("data-annotation")]
                for child in htmltools.parse_fragment(self._note(a, "../" * page.url.count("/"))):
                    place.append(child)

    def _note(self, a: model.Annotation, prefix: str) -> str:
        """The note's HTML (rendered and sanitized), its concepts linked as in the essays."""
        root = htmltools.parse_fragment(rendering.render(a.body, self.cited.get(a.id, []), prefix))
        self.concepts.link(root, prefix)
        return htmltools.serialize_fragment(root)

    def _essay(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        essay = page.meta["essay"]["id"]
        self.essays.append((essay, page.title, page.src_uri))
        mine = [a for a in self.annotations if a.essay == essay]
        found = {el.get("id"): (el, parsed) for el, parsed in passages.elements(root, essay) if parsed.kind != "heading"}
        for i, pid in enumerate(found):
            self.passage_order.setdefault(pid, len(self.passage_order))
        if not mine:
            return
        texts = TextMaps({pid: el for pid, (el, _) in found.items()})  # only the passages asked for
        anchors, problems = checks.anchor_all(mine, texts, list(found))
        if problems:
            raise ContentError(problems)
        self.anchors.update(anchors)
        for a in mine:
            anchor, (_, parsed) = anchors[a.id], found[a.target]
            self.contexts[a.id] = pages.Context(essay, page.title, page.meta["essay"]["author"], page.url, parsed.label,
                                                passages.spoken(parsed.kind, parsed.number),
                                                texts[a.target].text, anchor.start, anchor.end)
        prefix = "../" * page.url.count("/")
        notes = {a.id: self._note(a, prefix) for a in mine}
        sources = {a.id: self.cited.get(a.id + " sources", []) for a in mine}
        layer.add(root, essay, mine, anchors, notes, sources, prefix)
        for a in mine:  # the W3C selectors, on the passage as it is published
            text, start, end = w3c.dom_text(found[a.target][0], a.id)
            self.selected[a.id] = (page.url, w3c.selectors(a.target, text, start, end))

    def read(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        # Every feature has made the page (the hindsight line is in its notes): the notes' content
        # leaves the page for the essay's notes file (scripts/annotations/layer.py).
        if "essay" in page.meta:
            taken = layer.take_out(root)
            if taken:
                self.note_files[page.url] = layer.notes_file(taken)

    def markdown(self, build: Build, page: Page, text: str) -> str:
        if not self.claims(page.src_uri):
            return text
        essays = [(e, title) for e, title, _ in self._in_order(build)]
        if page.src_uri == pages.INDEX:
            return pages.index_markdown(self.annotations, self.contexts, essays, self.passage_order)
        for essay, title in essays:
            if page.src_uri == pages.essay_index_uri(essay):
                return pages.essay_index_markdown(essay, title, self.annotations, self.contexts, self.passage_order)
        a = self.by_id[page.src_uri[len(FOLDER) + 1:-3]]
        if a.id not in self.contexts:  # its essay was not built: the target is no passage
            raise ContentError([Problem(a.rel, a.line("target"), "front matter target",
                                        f"no essay page has passage {a.target}: correct the target")])
        prefix = "../" * page.url.count("/")
        return pages.annotation_markdown(a, self.contexts[a.id], self.cited.get(a.id + " sources", []), prefix)

    def _in_order(self, build: Build):
        order = {uri: i for i, uri in enumerate(build.order)}
        return sorted(self.essays, key=lambda e: order.get(e[2], len(order)))

    def context(self, build: Build, page: Page) -> dict:
        if "essay" not in page.meta:
            return {}
        essay = page.meta["essay"]["id"]
        mine = [a for a in self.annotations if a.essay == essay]
        return {"edition_annotations": {"count": len(mine), "index": "../../" + pages.essay_index_uri(essay)[:-len("index.md")],
                                        "motivations": sorted({a.motivation for a in mine}),
                                        "labels": model.MOTIVATIONS,
                                        "tags": sorted({t for a in mine for t in a.tags}),
                                        "export": w3c.EXPORT, "export_type": w3c.MEDIA_TYPE}}

    def finish(self, build: Build) -> None:
        missing = [a for a in self.annotations if a.id not in self.anchors]
        if missing:
            raise ContentError([Problem(a.rel, a.line("target"), "front matter target",
                                        f"no essay page has passage {a.target}: correct the target") for a in missing])
        self._export(build)
        for url, text in self.note_files.items():
            (build.site_dir / url / layer.NOTES).write_text(text, encoding="utf-8")

    def _export(self, build: Build) -> None:
        """Every annotation, as the W3C collection (scripts/annotations/w3c.py), in the order of
        the essays and their passages: as many as there are files."""
        base = build.address or ""
        essays = {essay: i for i, (essay, _, _) in enumerate(self._in_order(build))}
        order = {a.id: (essays.get(a.essay, len(essays)), self.passage_order.get(a.target, 0), self.anchors[a.id].start, a.id)
                 for a in self.annotations}
        items = [w3c.annotation(a, base, *self.selected[a.id], "bibliography/", bibtex_glue.entry_id)
                 for a in sorted(self.annotations, key=lambda a: order[a.id])]
        (build.site_dir / w3c.EXPORT).write_text(w3c.dumps(w3c.collection(items, base, build.site_name)), encoding="utf-8")

    def check(self, project: Project) -> list[Problem]:
        return checks.project_problems(project)
