"""How the teachers' kit links to the edition: each address twice, in ``latest`` (which moves to
each new release) and pinned to the version being built (which never changes). Absolute when the
site's address is known (the deploy workflow sets SITE_URL); otherwise relative to the page, across
versions (``../../1.1/essays/toucas/``). A build that is not a released version (a local build)
has no version to pin: both are this copy's own address."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.common import versions


@dataclass(frozen=True)
class Links:
    site_url: str | None  # the site's address, if known
    version: str | None  # the version being built (mike), if any
    page_url: str  # the page the links are on (teach/)

    @property
    def pinned_label(self) -> str | None:
        return self.version

    def _root(self, version: str) -> str:
        base = versions.base_url(self.site_url, self.version)
        if base:
            return f"{base}{version}/"
        return "../" * (self.page_url.count("/") + 1) + f"{version}/"

    def latest(self, url: str) -> str:
        """``url`` (site-relative: essays/toucas/#toucas-p4) in ``latest``."""
        if not self.version:
            return self.here(url)
        return self._root(versions.LATEST) + url

    def pinned(self, url: str) -> str | None:
        """``url`` in this version; None if the build has no version."""
        return self._root(self.version) + url if self.version else None

    def here(self, url: str) -> str:
        """``url`` in this copy of the site, relative to the page."""
        return "../" * self.page_url.count("/") + url
