"""What happened next in the build: the scorecard page and the notes on what happened next
checked as the build starts (the same checks as ``make check``); each essay's forecasts found
as it is built (the annotation layer has anchored and verified their words), their notes given
the dated line that names their outcome and links to the scorecard; the scorecard made after
the essays, every forecast in the order of its essay, its sources in the edition's style."""

from __future__ import annotations

from html import escape

from lxml import html as lxml_html

from scripts.annotations import checks as annotation_checks
from scripts.annotations.reading import FOLDER as NOTES
from scripts.citing import bib, bibtex_glue, csl
from scripts.common import htmltools
from scripts.common.feature import Build, ContentError, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.edition import passages
from scripts.hindsight import checks, model, pages

LAST = 3  # after the essays, where the forecasts' passages are found


class Hindsight(Feature):
    name = "hindsight"

    def start(self, build: Build) -> None:
        self.page, self.as_of, problems = checks.scorecard(build.docs_dir, build.cache)
        keys = set(bib.load(build.root / "bib").entries)
        found, _ = annotation_checks.read_all(build.docs_dir, keys, build.cache)  # their problems: Annotations'
        problems += checks.problems(found, self.as_of)
        if problems:
            raise ContentError(problems)
        self.notes = {a.id: a for a in found if model.is_hindsight(a)}
        self.forecasts = {f.id: f for f in model.forecasts(found)}
        self.essays: dict[str, tuple[int, pages.Essay]] = {}
        self.places: dict[str, tuple[str, int, int]] = {}  # forecast -> (label, passage rank, offset)
        self._sources = build.submit(_sources, sorted({k for f in self.forecasts.values() for k in f.annotation.sources}),
                                     build.cache) if self.forecasts else None

    def files(self, build: Build, pages_: dict[str, str]) -> dict[str, int]:
        return {model.SCORECARD: LAST} if model.SCORECARD in pages_ else {}

    def wants_tree(self, page: Page) -> bool:
        return ("essay" in page.meta and bool(self.notes)) or page.src_uri == model.SCORECARD or \
            _note_id(page.src_uri) in self.notes

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        prefix = "../" * page.url.count("/")
        scorecard = prefix + model.SCORECARD[:-len("index.md")]
        if "essay" in page.meta:
            self._essay(build, page, root)
            for note in root.cssselect("aside.annotation-note[data-annotation]"):
                a = note.get("data-annotation")
                if a in self.notes:
                    note.cssselect(".annotation-note__meta")[0].addnext(
                        htmltools.element(pages.note_line(self.forecasts.get(a), self.as_of, scorecard)))
        elif page.src_uri == model.SCORECARD:
            bibtex_glue.mark_citations(root)
        else:
            a = _note_id(page.src_uri)
            for kind in root.cssselect("p.annotation-page__kind"):
                kind.addnext(htmltools.element(pages.note_line(self.forecasts.get(a), self.as_of, scorecard)))

    def _essay(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        meta = page.meta["essay"]
        order = {uri: i for i, uri in enumerate(build.order)}
        self.essays[meta["id"]] = (order.get(page.src_uri, len(order)),
                                   pages.Essay(meta["id"], meta["author"], page.title, page.url, str(meta.get("published", ""))))
        mine = {f.annotation.target: [] for f in self.forecasts.values() if f.essay == meta["id"]}
        for f in self.forecasts.values():
            if f.annotation.target in mine:
                mine[f.annotation.target].append(f)
        for rank, (el, parsed) in enumerate(passages.elements(root, meta["id"])):
            for f in mine.get(el.get("id"), []):
                text = " ".join(passages.text(el).split())
                self.places[f.id] = (parsed.label, rank, max(text.find(" ".join(f.annotation.exact.split())), 0))

    def markdown(self, build: Build, page: Page, text: str) -> str:
        if page.src_uri != model.SCORECARD:
            return text
        prefix = "../" * page.url.count("/")
        sources = self._sources.result() if self._sources else {}
        essays = [e for _, e in sorted(self.essays.values(), key=lambda item: item[0])]
        entries: dict[str, list[pages.Entry]] = {}
        for f in sorted((f for f in self.forecasts.values() if f.id in self.places), key=lambda f: self.places[f.id][1:]):
            entries.setdefault(f.essay, []).append(pages.Entry(
                f, self.places[f.id][0], tuple((bibtex_glue.entry_id(k), sources[k]) for k in f.annotation.sources if k in sources)))
        return text.replace(model.MARKER, pages.scorecard(essays, entries, self.as_of, prefix), 1)

    def context(self, build: Build, page: Page) -> dict:
        if "essay" not in page.meta or self.page is None:
            return {}
        mine = [f for f in self.forecasts.values() if f.essay == page.meta["essay"]["id"]]
        if not mine:
            return {}
        return {"edition_hindsight": {"count": len(mine), "as_of": self.as_of,
                                      "url": "../../" + model.SCORECARD[:-len("index.md")] + "#" + page.meta["essay"]["id"]}}

    def finish(self, build: Build) -> None:
        missing = [f for f in self.forecasts.values() if f.id not in self.places]
        if missing:  # the annotation layer reports a target that is no passage; this is a safeguard
            raise ContentError([Problem(f.annotation.rel, f.annotation.line("target"), "front matter target",
                                               f"no essay page has passage {f.annotation.target}") for f in missing])

    def check(self, project: Project) -> list:
        _, as_of, problems = checks.scorecard(project.docs)
        found, _ = annotation_checks.read_all(project.docs, bib.keys(project.root / "bib"))
        return problems + checks.problems(found, as_of)


def _sources(keys: list[str], cache_dir) -> dict[str, str]:
    """Each key's short citation ("Janes 2019"), escaped HTML text, in the edition's style."""
    items = csl.csl_items(cache_dir=cache_dir)
    keys = [k for k in keys if k in items]
    if not keys:
        return {}
    (cited, _), = csl.render_many([([items[k] for k in keys], csl.EDITORIAL_STYLE, [f"[@{k}]" for k in keys])], cache_dir)
    out = {}
    for key, html in zip(keys, cited):
        text = htmltools.parse_fragment(html).text_content().strip()
        out[key] = escape(text[1:-1] if text.startswith("(") and text.endswith(")") else text)
    return out


def _note_id(src_uri: str) -> str | None:
    """The annotation whose page this is (annotations/toucas/x.md: toucas/x)."""
    return src_uri[len(NOTES) + 1:-3] if src_uri.startswith(NOTES + "/") and src_uri.endswith(".md") else None
