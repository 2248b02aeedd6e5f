"""A real release in a temporary repository, for tests/publishing/test_release.py and the browser test of
the versioned site: `make release VERSION=1.0`, a change to the content (a new editorial
paragraph with a new id), `make release VERSION=1.1`, the gh-pages branch checked out beside
it and served over HTTP as GitHub Pages would serve it, at the address it was built for."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from scripts.publishing import pagesserver

ROOT = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", ".pytest_cache", "__pycache__", "node_modules",
                                "test-results", ".lycheecache", ".cache")
GIT_ENV = {"GIT_AUTHOR_NAME": "Release Test", "GIT_AUTHOR_EMAIL": "release@test.invalid",
           "GIT_COMMITTER_NAME": "Release Test", "GIT_COMMITTER_EMAIL": "release@test.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def sh(repo: Path, *cmd: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", **(env or {})}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    if check:
        assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def new_paragraph(essay: Path) -> str:
    """Add an editorial paragraph with a new id after the last paragraph; return the id."""
    text = essay.read_text(encoding="utf-8")
    last = max(int(n) for n in re.findall(r"\{#toucas-p(\d+)\}", text))
    pid = f"toucas-p{last + 1}"
    edit(essay, f"{{#toucas-p{last}}}\n",
         f"{{#toucas-p{last}}}\n\nAn editorial paragraph added in version 1.1 of the edition.\n{{#{pid} .editorial}}\n")
    return pid


def release_twice(base: Path, site_url: str) -> dict:
    """A copy of the working tree (the lead commits periodically: copy, don't clone) released
    twice, as the deploy workflow does it: with the site's address in SITE_URL. The gh-pages
    branch is checked out at ``base / "pages"``."""
    env = {"SITE_URL": site_url}
    repo = base / "repo"
    shutil.copytree(ROOT, repo, ignore=IGNORE, symlinks=True)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (repo / "docs" / "published.json").write_text('{"releases": {}}\n', encoding="utf-8")
    sh(repo, "git", "init", "-q", "-b", "main")
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-qm", "edition")
    changelog = repo / "CHANGELOG.md"
    edit(changelog, "## Unreleased (0.1, the foundation)", "## 1.0")
    sh(repo, "make", "release", "VERSION=1.0", env=env)
    tree_1_0 = sh(repo, "git", "rev-parse", "gh-pages:1.0").stdout.strip()
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-qm", "release 1.0")
    pid = new_paragraph(repo / "docs" / "essays" / "toucas.md")
    edit(changelog, "## 1.0\n", f"## 1.1\n\n- New editorial paragraph {pid}.\n\n## 1.0\n")
    sh(repo, "make", "release", "VERSION=1.1", env=env)
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-qm", "release 1.1")
    sh(repo, "git", "worktree", "add", "-q", str(base / "pages"), "gh-pages")
    dates = {v: r["date"] for v, r in json.loads((repo / "docs" / "published.json").read_text(encoding="utf-8"))["releases"].items()}
    return {"path": repo, "pages": base / "pages", "url": site_url, "dates": dates, "tree_1_0": tree_1_0, "new_id": pid}


@contextmanager
def serve(pages: Path):
    """Serve ``pages`` as GitHub Pages would serve the gh-pages branch (scripts/publishing/pagesserver.py);
    yields the address with its final slash, as a site's address is written."""
    with pagesserver.serve(pages) as base:
        yield base + "/"


@contextmanager
def released(base: Path):
    """Releases 1.0 and 1.1 built for, and served at, one local address."""
    with serve(base / "pages") as url:
        yield release_twice(base, url)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


