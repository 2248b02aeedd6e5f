"""The teachers' kit in the build: the guides and the assignment read and checked as the build
starts (their front matter; their passages, concepts and themes once the essays are built, the
same checks as ``make check``); each essay's passages recorded as it is built; the teachers'
page, the guides and the assignment made after the essays, with the edition's own citations
(scripts/citing: the same CSL output as the essays' "Cite this", read from the build cache) and
links in ``latest`` and pinned to this version (``links``)."""

from __future__ import annotations

from lxml import html as lxml_html

from scripts.citing import feature as citing
from scripts.common import versions
from scripts.common.feature import Build, ContentError, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.compare import checks as compare_checks
from scripts.concepts import checks as concept_checks
from scripts.concepts.linking import ProseLinker
from scripts.edition import passages
from scripts.common import chromium
from scripts.teach import checks, model, packets, pages
from scripts.teach.links import Links

LAST = 4  # after the essays, and after the concept and comparison pages they list


class Teach(Feature):
    name = "teach"

    def start(self, build: Build) -> None:
        self.files_ = checks.files_in(build.docs_dir)
        self.guides, self.prompts, problems = checks.read(self.files_, build.cache)
        problems += [p.problem for p in self.files_ if p.problem]
        if problems:
            raise ContentError(problems)
        self.by_uri = {checks.src_uri(p): p for p in self.files_}
        self.essays: dict[str, tuple[int, pages.Essay]] = {}
        self._checked = False
        self._linker = None

    def files(self, build: Build, pages_: dict[str, str]) -> dict[str, int]:
        return {uri: LAST for uri in pages_ if model.in_folder(uri)}

    def wants_tree(self, page: Page) -> bool:
        return "essay" in page.meta or (model.in_folder(page.src_uri) and model.kind_of(page.meta) is not None)

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        if "essay" in page.meta:
            meta = page.meta["essay"]
            order = {uri: i for i, uri in enumerate(build.order)}
            guide = next((g for g in self.guides.values() if g.essay == meta["id"]), None)
            self.essays[meta["id"]] = (order.get(page.src_uri, len(order)), pages.Essay(
                meta["id"], page.title, meta["author"], page.url, passages.records(root, meta["id"], page.url), {},
                guide.src_uri[:-3] + "/" if guide else None))
        else:
            pages.link_concepts(root, self.linker(build), "../" * page.url.count("/"))

    def linker(self, build: Build) -> ProseLinker:
        if self._linker is None:
            self._linker = ProseLinker.of(build.docs_dir, build.cache)
        return self._linker

    def _essays(self, build: Build) -> list[pages.Essay]:
        """The essays built, in reading order, with their citation forms; the kit checked against
        them, once."""
        essays = [e for _, e in sorted(self.essays.values(), key=lambda item: (item[0], item[1].id))]
        done = citing.formatted(build.address, build.cache, versions.edition_csl(build.version, build.released))
        for e in essays:
            e.cite = done["cite"][e.id]
        self.edition_cite = done["edition_cite"]
        if not self._checked:
            self._checked = True
            problems = []
            glossary = self.linker(build)
            concepts = set(glossary.urls)
            themes = {t.slug for t in compare_checks.read(compare_checks.files_in(build.docs_dir), build.cache)[0]}
            by_id = {e.id: e for e in essays}
            for g in self.guides.values():
                page = self.by_uri[g.src_uri]
                if g.essay not in by_id:
                    problems.append(Problem(page.rel, page.line_finder()(["guide", "essay"]), "front matter guide.essay",
                                            f"no essay has the id {g.essay}: use one of {', '.join(by_id)}"))
                else:
                    problems += checks.guide_problems(g, page, by_id[g.essay].records, concepts)
            for uri, found in self.prompts:
                problems += checks.prompt_problems(self.by_uri[uri].rel, self.by_uri[uri], found, themes)
            if problems:
                raise ContentError(problems)
        return essays

    def markdown(self, build: Build, page: Page, text: str) -> str:
        if not model.in_folder(page.src_uri):
            return text
        essays = self._essays(build)
        prefix = "../" * page.url.count("/")
        kind = model.kind_of(page.meta)
        if page.src_uri == model.INDEX:
            if pages.MARKER not in text:
                raise ContentError([Problem(f"docs/{page.src_uri}", None, "kit",
                                            f"the page has no {pages.MARKER} line: put it where the kit goes")])
            themes = [(t.slug, t.title, t.url) for t in compare_checks.read(compare_checks.files_in(build.docs_dir), build.cache)[0]]
            glossary = concept_checks.read(concept_checks.files_in(build.docs_dir), build.cache)[0]
            concepts = sorted(((c.slug, c.title, c.url) for c in glossary.concepts.values()), key=lambda c: c[1].casefold())
            return pages.kit_markdown(text, essays, themes, concepts, Links(build.site_url, build.version, page.url),
                                      self.edition_cite, build.packets)
        if kind == "guide":
            g = next(g for g in self.guides.values() if g.src_uri == page.src_uri)
            e = next(e for e in essays if e.id == g.essay)
            glossary = concept_checks.read(concept_checks.files_in(build.docs_dir), build.cache)[0]
            return pages.guide_markdown(text, g, e, {s: c.title for s, c in glossary.concepts.items()}, prefix)
        if kind == "assignment":
            found = next(p for uri, p in self.prompts if uri == page.src_uri)
            themes = {t.slug: t.title for t in compare_checks.read(compare_checks.files_in(build.docs_dir), build.cache)[0]}
            return pages.assignment_markdown(text, found, themes, prefix)
        return text

    def context(self, build: Build, page: Page) -> dict:
        if not build.packets or "essay" not in page.meta:
            return {}
        essay = page.meta["essay"]["id"]
        return {"edition_packet": {"href": "../" * page.url.count("/") + f"{packets.FOLDER}/{essay}.pdf",
                                   "size": packets.token(essay)}}

    def finish(self, build: Build) -> None:
        """The reading packets, printed once every page is written (only with EDITION_PACKETS=1),
        and their sizes written into the pages that link to them."""
        if not build.packets or not self.essays:
            return
        browser = chromium.find()
        if browser is None:
            raise ContentError([Problem("mkdocs.yml", None, "packets", "EDITION_PACKETS=1 prints the reading packets "
                                        "with Chromium: install Debian's chromium or set CHROMIUM_PATH")])
        essays = [e for _, e in sorted(self.essays.values(), key=lambda item: (item[0], item[1].id))]
        made = packets.make(build.site_dir, build.address,
                            [packets.Packet(e.id, e.title, e.author, e.url, e.guide) for e in essays],
                            browser, chromium.ARGS)
        packets.fill_sizes(build.site_dir, [e.url + "index.html" for e in essays] + ["teach/index.html"], made)

    def check(self, project: Project) -> list[Problem]:
        return checks.project_problems(project)
