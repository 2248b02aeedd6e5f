"""Publishing in the build: every build of a commit is byte-identical (SOURCE_DATE_EPOCH), and a
versioned page is canonical in ``latest``; ``make check`` finds every page URL and passage id a
released version published (docs/published.json) still answered."""

from __future__ import annotations

from pathlib import Path

from scripts.common import versions
from scripts.common.feature import Build, Feature, Page, Project
from scripts.common.validate import Problem
from scripts.edition import corpus, registry
from scripts.publishing import published, reproducible


class Publishing(Feature):
    name = "publishing"
    data_files = {f"docs/{published.FILENAME}": published.SCHEMA}

    def start(self, build: Build) -> None:
        reproducible.pin(build.root)

    def markdown(self, build: Build, page: Page, text: str) -> str:
        # A versioned page (mike) is canonical in `latest` (the sitemap lists that address too).
        latest = versions.latest_url(build.site_url, build.version, page.url)
        if latest:
            page.canonical_url = latest
        return text

    def check(self, project: Project) -> list[Problem]:
        records = corpus.source_records(project)
        if records is None:  # an essay could not be read: its ids are unknown, not missing
            return []
        settings = project.settings
        urls = published.site_urls(project.docs, settings.get("exclude_docs") or "")
        data = published.load(project.docs / published.FILENAME)
        reg = registry.load(project.docs / registry.FILENAME)
        errors = published.check(data, urls, records, reg, published.page_redirects(settings))
        return [Problem(f"docs/{published.FILENAME}", None, "published", message) for message in errors]


def release_date(docs_dir: Path, version: str | None) -> str | None:
    """The release date of the version being built (docs/published.json), if it was released."""
    return published.release_date(published.load(docs_dir / published.FILENAME), version)
