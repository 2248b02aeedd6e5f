"""The root ``404.html`` of the ``gh-pages`` branch (the last step of ``make release``).

GitHub Pages answers a missing address with the site's root ``/404.html`` only; mike writes each
version's 404 page inside the version's folder. After a release, the root gets a copy of the
released version's 404 page: built with the site's address (``SITE_URL``), it loads its styles
from that version, and it offers search and both essays. One commit on ``gh-pages`` (the same
branch mike commits to), made with git plumbing so that no work tree is touched; nothing is
pushed.

Usage: ``python -m scripts.publishing.ghpages X.Y [--branch gh-pages]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = "404.html"


def _git(repo: Path, *args: str, env: dict | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, check=False)
    if result.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def root_404(repo: Path, version: str, branch: str = "gh-pages") -> bool:
    """Copy ``<version>/404.html`` to ``404.html`` on ``branch``; False if it was already so."""
    source = _git(repo, "rev-parse", f"{branch}:{version}/{PAGE}")
    current = subprocess.run(["git", "rev-parse", "--verify", "-q", f"{branch}:{PAGE}"], cwd=repo,
                             capture_output=True, text=True, check=False).stdout.strip()
    if current == source:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git(repo, "read-tree", branch, env=env)
        _git(repo, "update-index", "--add", "--cacheinfo", f"100644,{source},{PAGE}", env=env)
        tree = _git(repo, "write-tree", env=env)
    commit = _git(repo, "commit-tree", tree, "-p", branch, "-m",
                  f"Root {PAGE} from version {version} (GitHub Pages serves only the root one)")
    _git(repo, "update-ref", f"refs/heads/{branch}", commit)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Copy a version's 404 page to the root of gh-pages.")
    parser.add_argument("version")
    parser.add_argument("--branch", default="gh-pages")
    args = parser.parse_args(argv)
    changed = root_404(Path.cwd(), args.version, args.branch)
    print(f"gh-pages: root {PAGE} {'is now' if changed else 'was already'} the one of {args.version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
