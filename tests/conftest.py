"""Shared fixtures: one strict build of the site per test session, and a local web server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from scripts.edition import index
from scripts.publishing import pagesserver

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ESSAYS = {"toucas": DOCS / "essays" / "toucas.md", "fedasiuk": DOCS / "essays" / "fedasiuk.md"}


def build_site(destination: Path, config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT,
               environ: dict | None = None) -> subprocess.CompletedProcess:
    """A strict, clean build of ``config`` into ``destination`` (``environ``: instead of ours)."""
    env = {**(os.environ if environ is None else environ), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(destination)],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def site_builder():
    """:func:`build_site`, for tests that need a build of their own."""
    return build_site


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site, result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build[0]


@pytest.fixture(scope="session")
def records(site) -> list[dict]:
    return index.load(site / index.FILENAME)


@pytest.fixture(scope="session")
def essays() -> dict[str, frontmatter.Post]:
    return {name: frontmatter.load(path) for name, path in ESSAYS.items()}


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 (a secure context, so the clipboard API works), as
    GitHub Pages serves it (scripts/publishing/pagesserver.py), without a final slash."""
    with pagesserver.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def released(tmp_path_factory):
    """Releases 1.0 and 1.1 in a temporary repository, served as GitHub Pages would serve them
    (tests/publishing/releasing.py); shared by the release tests and the browser tests of versions."""
    from tests.publishing.releasing import released as release

    with release(tmp_path_factory.mktemp("release")) as repo:
        yield repo


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    """A copy of the real docs/ to break one thing in (the checks' tests)."""
    import shutil

    target = tmp_path / "docs"
    shutil.copytree(DOCS, target)
    return target


def check_lines(docs: Path, prefix: str = "") -> list[str]:
    """``make check`` on ``docs``: its problems as printed, those of files under ``prefix``."""
    from scripts import check

    return [str(p) for p in check.run(docs, ROOT / "mkdocs.yml") if str(p).startswith(prefix)]


def project_with(docs: Path, dest: Path) -> Path:
    """A project to build: this one's code, templates and bibliography with ``docs``; its mkdocs.yml."""
    import shutil

    for name in ("bib", "overrides", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(docs, dest / "docs")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest / "mkdocs.yml"
