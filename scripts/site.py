"""The site: its features, in the order they act on a page, and how a build and ``make check``
go through them (each step: scripts/common/feature.py).

``scripts/hooks.py`` turns MkDocs' events into these calls; ``scripts/check.py`` calls
:func:`check`. A new feature is one class in its package's ``feature`` module and one line in
:data:`FEATURES`: nothing else changes.
"""

from __future__ import annotations

from dataclasses import replace

from scripts.annotations.feature import Annotations
from scripts.citing.feature import Citing
from scripts.common import datafiles, htmltools
from scripts.common.feature import Build, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.compare.feature import Compare
from scripts.concepts.feature import Concepts
from scripts.edition.feature import Edition
from scripts.hindsight.feature import Hindsight
from scripts.publishing.feature import Publishing, release_date
from scripts.teach.feature import Teach

# The order in which the features act on each page: the edition's text first (its reader
# controls and passage ids), then what builds on it: citations, concept links, the margin links
# to the comparisons, then annotations (whose W3C selectors measure the passage as published), and
# the line each note on what happened next gets (its outcome, its entry on the scorecard).
FEATURES: tuple[type[Feature], ...] = (Edition, Citing, Concepts, Compare, Annotations, Hindsight, Teach,
                                       Publishing)


class Site:
    """One build: every feature's instance, called step by step."""

    def __init__(self, build: Build, features: tuple[type[Feature], ...] = FEATURES):
        self.build = build
        self.features = [feature() for feature in features]

    def start(self) -> None:
        for feature in self.features:
            feature.start(self.build)

    def claims(self, src_uri: str) -> bool:
        """A docs file a feature reads itself, which MkDocs must neither read nor copy."""
        return any(feature.claims(src_uri) for feature in self.features)

    def pages(self) -> dict[str, tuple[str, bool]]:
        """The pages the features make: src_uri -> (Markdown, listed in the navigation)."""
        made: dict[str, tuple[str, bool]] = {}
        for feature in self.features:
            made.update(feature.pages(self.build))
        return made

    def files(self) -> dict[str, int]:
        """When to build each page (src_uri -> rank, higher is later: the latest any feature asks)."""
        pages = {s.src_uri: s.markdown for s in self.build.sources()}
        rank: dict[str, int] = {}
        for feature in self.features:
            for uri, value in feature.files(self.build, pages).items():
                rank[uri] = max(rank.get(uri, 0), value)
        return rank

    def markdown(self, page: Page, text: str) -> str:
        for feature in self.features:
            text = feature.markdown(self.build, page, text)
        return text

    def html(self, page: Page, content: str) -> str:
        """The page's content HTML, parsed once for every feature that changes it, serialised once."""
        steps = [feature for feature in self.features if feature.wants_tree(page)]
        if not steps:
            return content
        root = htmltools.parse_fragment(content)
        for feature in steps:
            feature.tree(self.build, page, root)
        for feature in steps:
            feature.read(self.build, page, root)
        return htmltools.serialize_fragment(root)

    def context(self, page: Page) -> dict:
        added: dict = {}
        for feature in self.features:
            added.update(feature.context(self.build, page))
        return added

    def finish(self) -> None:
        for feature in self.features:
            feature.finish(self.build)


def start(build: Build) -> Site:
    """The build's site, every feature started (``build.released`` is read from the release
    record here, for the features that date this version)."""
    site = Site(replace(build, released=release_date(build.docs_dir, build.version)))
    site.start()
    return site


def check(project: Project, features: tuple[type[Feature], ...] = FEATURES) -> list[Problem]:
    """``make check``: every feature's data files against their schemas first (the checks read
    them), then each page's front matter as YAML, then every feature's checks, in order."""
    made = [feature() for feature in features]
    project.claims = lambda uri: any(feature.claims(uri) for feature in made)
    files = {name: schema for feature in made for name, schema in feature.data_files.items()}
    problems = datafiles.problems(project.root, files, project.docs)
    if problems:
        return problems
    problems = [page.problem for page in project.pages if page.problem]
    for feature in made:
        problems += feature.check(project)
    return problems
