"""Comparisons in the build: the themes read and checked as the build starts (their front
matter; their sides, headings and quotes once the essays are built, the same checks as ``make
check``); every quote verified on the essay page it quotes, and each quoted passage given a
margin link to its theme; the theme pages and the overview built after the essays, with the
concepts their prose names linked as in the essays. A misquote fails the build."""

from __future__ import annotations

from lxml import html as lxml_html

from scripts.citing import bibtex_glue
from scripts.common.feature import Build, ContentError, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.compare import checks, model, pages
from scripts.concepts.linking import ProseLinker
from scripts.edition import passages

LAST = 3  # after the essays, whose build verifies the quotes


class Compare(Feature):
    name = "compare"

    def start(self, build: Build) -> None:
        self.files_ = checks.files_in(build.docs_dir)
        self.themes, problems = checks.read(self.files_, build.cache)
        problems += [p.problem for p in self.files_ if p.problem]
        if problems:
            raise ContentError(problems)
        self.by_slug = {t.slug: t for t in self.themes}
        self.quoted: dict[str, list[tuple[model.Theme, model.Quote]]] = {}
        for t in self.themes:
            for q in t.quotes:
                mine = self.quoted.setdefault(q.passage, [])
                if all(other is not t for other, _ in mine):
                    mine.append((t, q))
        self.essays: dict[str, tuple[int, pages.Essay]] = {}  # id -> (rank in the navigation, essay)
        self.links = 0
        self._checked = False
        self.concepts = ProseLinker.of(build.docs_dir, build.cache) if self.themes else None

    def files(self, build: Build, pages_: dict[str, str]) -> dict[str, int]:
        return {uri: LAST for uri in pages_ if uri.startswith(model.FOLDER + "/")}

    def wants_tree(self, page: Page) -> bool:
        return "essay" in page.meta or model.is_theme_page(page.src_uri)

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        if "essay" in page.meta:
            self._essay(build, page, root)
        elif model.slug_of(page.src_uri) in self.by_slug:
            t = self.by_slug[model.slug_of(page.src_uri)]
            prefix = "../" * page.url.count("/")
            bibtex_glue.mark_citations(root)
            for el in pages.theme_tree(root, t, self._essays(build), self.themes, prefix):
                for block in [el] if el.tag in ("p", "li") else el.iter("p", "li"):
                    self.concepts.link(block, prefix)
            for figure in root.cssselect("figure.compare-quote blockquote p"):
                self.concepts.link(figure, prefix)

    def _essay(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        meta = page.meta["essay"]
        essay = meta["id"]
        order = {uri: i for i, uri in enumerate(build.order)}
        self.essays[essay] = (order.get(page.src_uri, len(order)),
                              pages.Essay(essay, meta["author"], page.title, page.url, str(meta.get("published", ""))))
        texts = {el.get("id"): passages.text(el) for el, parsed in passages.elements(root, essay)
                 if el.get("id") in self.quoted and parsed.kind != "heading"}
        problems = []
        for t in self.themes:
            for q in (q for q in t.quotes if q.essay == essay):
                found = checks.quote_problem(q, texts)
                if found:
                    file = self._file(t)
                    key = model.author_key(meta["author"])
                    problems.append(Problem(file.rel, file.line_finder()(["compare", key, "quotes"]),
                                            f"front matter compare.{key}.quotes", found[1]))
        if problems:
            raise ContentError(problems)
        self.links += pages.margin_links(root, essay, self.quoted, "../" * page.url.count("/"))

    def _file(self, t: model.Theme):
        return next(p for p in self.files_ if checks.src_uri(p) == t.src_uri)

    def _essays(self, build: Build) -> list[pages.Essay]:
        """The essays built, in reading order; the themes checked against them, once."""
        essays = [e for _, e in sorted(self.essays.values(), key=lambda item: (item[0], item[1].id))]
        if not self._checked:
            self._checked = True
            files = {model.slug_of(checks.src_uri(p)): p for p in self.files_}
            problems = checks.themes_problems(self.themes, files, {e.id: e.author for e in essays})
            for p in self.files_:
                problems += checks.structure_problems(p, [e.author for e in essays], build.cache)
            if problems:
                raise ContentError(problems)
        return essays

    def markdown(self, build: Build, page: Page, text: str) -> str:
        if model.is_index_page(page.src_uri):
            return pages.overview_markdown(text, self.themes, self._essays(build), page.meta.get("title") or page.title)
        if model.is_theme_page(page.src_uri):
            self._essays(build)
        return text

    def check(self, project: Project) -> list[Problem]:
        return checks.project_problems(project)
