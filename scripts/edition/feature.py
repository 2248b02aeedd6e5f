"""The edition's text in the build: each essay page's front matter checked, its textual
apparatus added, its passages given their reader controls, and the passage index
(``passages.json``) written from the finished pages."""

from __future__ import annotations

from lxml import html as lxml_html

from scripts.common import validate
from scripts.common.feature import TOC_HEAD, Build, ContentError, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.edition import apparatus, checks, corpus, decorate, index, passages, registry


def is_essay(page: Page) -> bool:
    """An essay edition page: its front matter has an ``essay`` block (scripts/edition/schemas)."""
    return "essay" in page.meta


class Edition(Feature):
    name = "edition"
    data_files = {f"docs/{registry.FILENAME}": registry.SCHEMA}

    def start(self, build: Build) -> None:
        self.records: dict[str, list[dict]] = {}
        self.redirects = registry.load(build.docs_dir / registry.FILENAME)["redirects"]

    def markdown(self, build: Build, page: Page, text: str) -> str:
        if not is_essay(page):
            return text
        problems = checks.front_matter(page.meta, page.src_uri, cache_dir=build.cache)
        if problems:
            raise ContentError(problems)
        link = validate.relative_link(page.src_uri, page.meta["copytext"]["file"])
        return text + "\n\n" + apparatus.markdown(page.meta, link)

    def wants_tree(self, page: Page) -> bool:
        return is_essay(page)

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        essay = page.meta["essay"]["id"]
        decorate.essay_tree(root, essay, page.meta.get("emendations") or [], self.redirects)
        # An id twice in this page fails here, before any feature anchors to the wrong one.
        problems = checks.unique_ids({page.src_uri: [{"id": el.get("id")} for el, _ in passages.elements(root, essay)]})
        if problems:
            raise ContentError(problems)

    def read(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        self.records[page.src_uri] = passages.records(root, page.meta["essay"]["id"], page.url)

    def context(self, build: Build, page: Page) -> dict:
        # The essay's <h1 id="title"> comes from overrides/essay.html, not the Markdown: it heads
        # the toc as a Markdown h1 would, so Material's skip link goes to the title.
        return {TOC_HEAD: ("title", page.title)} if is_essay(page) else {}

    def finish(self, build: Build) -> None:
        problems = checks.unique_ids(self.records)
        if problems:
            raise ContentError(problems)
        index.write(build.site_dir / index.FILENAME,
                    [r for uri in build.order for r in self.records.get(uri, [])])

    def check(self, project: Project) -> list[Problem]:
        return corpus.project_problems(project)
