"""Concepts in the build: the glossary read and checked as the build starts (the same checks as
``make check``); every passage of every essay linked to the concepts it mentions; the concept
pages and the index built after the essays, from what the linking found."""

from __future__ import annotations

from lxml import html as lxml_html

from scripts.common.feature import Build, ContentError, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.concepts import checks, linking, model, pages
from scripts.concepts.matcher import Matcher
from scripts.concepts.uses import Passage, Uses
from scripts.edition import passages

LAST = 3  # concept pages are built after every other page: they show what the essays' linking found


class Concepts(Feature):
    name = "concepts"

    def start(self, build: Build) -> None:
        files = checks.files_in(build.docs_dir)
        self.glossary, problems = checks.read(files, build.cache)
        problems += [p.problem for p in files if p.problem]
        by_slug = {model.slug_of(checks.src_uri(p)): p for p in files}
        keys = {k for c in self.glossary.concepts.values() for k in c.sources}  # bib/ is citing's to check
        problems += [p for p in checks.glossary_problems(self.glossary, by_slug, keys) if not p.warning]
        if problems:
            raise ContentError(problems)
        self.matcher = Matcher(self.glossary.all_aliases())
        self.uses = Uses()
        self.essays: list[tuple[str, str]] = []  # (essay id, its page), as linked

    def files(self, build: Build, pages_: dict[str, str]) -> dict[str, int]:
        return {uri: LAST for uri in pages_ if model.is_concept_page(uri) or model.is_index_page(uri)}

    def markdown(self, build: Build, page: Page, text: str) -> str:
        essays = self._essays(build)
        if model.is_concept_page(page.src_uri):
            concept = self.glossary.concepts[model.slug_of(page.src_uri)]
            return pages.concept_markdown(text, concept, self.glossary, self.uses, essays)
        if model.is_index_page(page.src_uri):
            return pages.index_markdown(text, self.glossary, self.uses, essays)
        return text

    def _essays(self, build: Build) -> list[str]:
        """The essays linked so far, in reading order (the navigation's)."""
        order = {uri: i for i, uri in enumerate(build.order)}
        return [e for _, e in sorted((order.get(uri, len(order)), essay) for essay, uri in self.essays)]

    def wants_tree(self, page: Page) -> bool:
        return "essay" in page.meta

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        essay = page.meta["essay"]["id"]
        self.essays.append((essay, page.src_uri))
        self.uses.essays[essay] = {"title": page.title, "author": page.meta["essay"]["author"], "url": page.url}
        prefix = "../" * page.url.count("/")
        href = {slug: prefix + c.url for slug, c in self.glossary.concepts.items()}
        for el, parsed in passages.elements(root, essay):
            if parsed.kind == "heading":  # no link in a heading
                continue
            text, found = linking.link_passage(el, self.matcher, href)
            if found:
                self.uses.add(Passage(el.get("id"), parsed.label, essay, f"{page.url}#{el.get('id')}", text), found)

    def check(self, project: Project) -> list[Problem]:
        return checks.project_problems(project)
