"""What a feature is: the steps it may take in a build and in ``make check``, each optional.

Each package that adds something to the site (``scripts/edition``, ``scripts/citing``, ...)
exposes a subclass of :class:`Feature` in its ``feature`` module. ``scripts/site.py`` lists them
in the order they act; ``scripts/hooks.py``, the only module that knows MkDocs, calls each step
through it. A step gets plain data (:class:`Build`, :class:`Page`, an lxml tree, a
:class:`Project`), never a MkDocs object, and hands the work to the package's pure functions.

A build makes one instance of every feature (so a feature keeps what it needs between steps on
itself). The steps, in the order a build takes them:

``start``     the build begins (before the plugins read their configuration)
``pages``     the pages the feature makes itself (``claims``: the docs files it reads itself,
              which MkDocs must not)
``files``     every page's Markdown is known: start work beside the build, and say when each
              page should be built (a rank: higher is later)
``markdown``  one page's Markdown, before it is rendered: returns the new Markdown
``tree``      one page's HTML, parsed once for all features (only pages :meth:`wants_tree`)
``read``      the same tree after every feature has changed it (to read the final text, or to
              move out what is published beside the page: an essay's notes)
``context``   one page's template variables: returns those to add
``finish``    every page is written: write the site-wide files

``make check`` runs ``check`` (all content, without a build) once the ``data_files`` are well
formed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import frontmatter
import yaml
from lxml import html as lxml_html

from scripts.common import siteconfig, versions
from scripts.common.validate import Problem, yaml_line_finder

# Template variable a feature's ``context`` may return: (id, title) of an entry that heads the
# page's table of contents, for a page whose <h1> comes from its template, not its Markdown.
TOC_HEAD = "toc_head"


class ContentError(Exception):
    """Content a build cannot publish: every problem found, each on its own line."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Source:
    """A docs page as the build knows it: its source path, Markdown and (once known) title."""

    src_uri: str
    markdown: str
    title: str | None = None


@dataclass
class Page:
    """The page a step works on."""

    src_uri: str  # essays/toucas.md
    url: str  # essays/toucas/ (site-relative)
    meta: dict  # its front matter
    title: str | None = None
    canonical_url: str | None = None  # a step may set it (the build then uses it)


@dataclass
class Build:
    """One build of the site, as the steps see it."""

    root: Path  # the project
    docs_dir: Path
    site_dir: Path
    site_name: str
    site_url: str | None  # the site's public address (SITE_URL), if known
    version: str | None  # the version mike is building, if any
    released: str | None  # that version's release date (docs/published.json), if released
    cache: Path | None  # scripts.common.diskcache folder (None: no cache)
    submit: Callable  # runs a call beside the build: an executor's ``submit``
    # Glue to the plugins a feature wraps (scripts/citing: mkdocs-bibtex): MkDocs' plugin
    # objects by name, and mkdocs-bibtex's citation-block parser. Opaque to everyone else.
    plugins: dict[str, Any] = field(default_factory=dict)
    parse_citations: Callable[[str], list] | None = None
    sources: Callable[[], list[Source]] = lambda: []  # every docs page, as known now
    packets: bool = False  # print the reading packets (EDITION_PACKETS=1: make release, make dev)
    order: list[str] = field(default_factory=list)  # pages' src_uri in navigation order

    @property
    def address(self) -> str | None:
        """This version's absolute address (scripts.common.versions.version_root), if known."""
        return versions.version_root(self.site_url, self.version)


@dataclass(frozen=True)
class DocsPage:
    """A Markdown file of ``docs/`` as ``make check`` reads it: once, for every feature."""

    path: Path
    rel: str  # as problems name it: docs/essays/toucas.md
    source: str  # the whole file, front matter included
    meta: dict | None  # its front matter; None if that is not valid YAML
    body: str  # the Markdown after the front matter
    problem: Problem | None = None  # why the front matter could not be read

    @property
    def src_uri(self) -> str:
        """Its path in the docs folder (``concepts/thaad.md``)."""
        return self.rel.split("/", 1)[1]

    def line_finder(self) -> Callable[[list[str]], int | None]:
        """Maps a front-matter field path to its line in the file. The YAML is composed again
        (in pure Python) only when a line is first asked for: most pages have no problem."""
        found: list = []

        def line_of(path: list[str]) -> int | None:
            if not found:
                try:
                    found.append(yaml_line_finder(self.source.split("---", 2)[1]))
                except (IndexError, yaml.YAMLError):
                    found.append(lambda path: None)
            return found[0](path)

        return line_of


@dataclass
class Project:
    """The project as ``make check`` sees it (no build). Work a check shares with another (the
    docs pages read once, the essays checked once) is kept in :meth:`memo` for the one run."""

    root: Path
    docs: Path
    config: Path
    # Docs files a feature reads itself (untrusted annotations): no other check reads them.
    claims: Callable[[str], bool] = lambda src_uri: False
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def settings(self) -> dict:
        """``mkdocs.yml``, read without MkDocs (scripts.common.siteconfig)."""
        return self.memo("settings", lambda: siteconfig.load(self.config))

    @property
    def pages(self) -> list[DocsPage]:
        """Every Markdown file of the docs folder that no feature claims, in path order."""
        return self.memo("pages", lambda: [read_page(path, self.docs) for path in sorted(self.docs.rglob("*.md"))
                                           if not self.claims(path.relative_to(self.docs).as_posix())])


def valid_pages(pages: list[DocsPage], schema: Path, cache_dir: Path | None = None) -> tuple[list[DocsPage], list[Problem]]:
    """The pages whose front matter the JSON Schema ``schema`` accepts, and the problems of the
    others (front matter that is not YAML is reported once, by the site's check; ``cache_dir``:
    the build's, where valid front matter is remembered)."""
    from scripts.common.validate import schema_problems

    valid, problems = [], []
    for page in pages:
        if page.meta is None:
            continue
        found = schema_problems(schema, page.meta, page.rel, page.line_finder(), "front matter ", cache_dir)
        problems += found
        if not found:
            valid.append(page)
    return valid, problems


def read_folder(docs: Path, folder: str) -> list[DocsPage]:
    """Every Markdown file of one folder of the docs (``concepts``), read, in name order."""
    where = docs / folder
    return [read_page(p, docs) for p in sorted(where.glob("*.md"))] if where.is_dir() else []


def read_page(path: Path, docs: Path) -> DocsPage:
    source = path.read_text(encoding="utf-8")
    rel = path.relative_to(docs.parent).as_posix()
    try:
        post = frontmatter.loads(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = Problem(rel, mark.line + 1 if mark else None, "front matter", f"not valid YAML: {error}")
        return DocsPage(path, rel, source, None, "", problem)
    return DocsPage(path, rel, source, post.metadata, post.content)


class Feature:
    """The steps of one feature; each does nothing unless the feature overrides it."""

    name = "feature"
    # Data files this feature owns (repository path -> JSON Schema), checked before any check.
    data_files: dict[str, Path] = {}

    def start(self, build: Build) -> None:
        pass

    def claims(self, src_uri: str) -> bool:
        """A docs file this feature reads itself (untrusted input, say): MkDocs must not."""
        return False

    def pages(self, build: Build) -> dict[str, tuple[str, bool]]:
        """The pages this feature makes: src_uri -> (Markdown, listed in the navigation)."""
        return {}

    def files(self, build: Build, pages: dict[str, str]) -> dict[str, int]:
        return {}

    def markdown(self, build: Build, page: Page, text: str) -> str:
        return text

    def wants_tree(self, page: Page) -> bool:
        return False

    def tree(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        pass

    def read(self, build: Build, page: Page, root: lxml_html.HtmlElement) -> None:
        pass

    def context(self, build: Build, page: Page) -> dict:
        return {}

    def finish(self, build: Build) -> None:
        pass

    def check(self, project: Project) -> list[Problem]:
        return []
