"""The move of scripts/ into packages (one per concern) and of the hooks into a thin registrar
changed no byte of the site: the commit before the move and the commit that completed it,
built now with the same tools, the same date and the same build cache, are byte-identical
(scripts/publishing/reproducible.py).

Both commits must be in the clone (CI checks out the full history: .github/workflows/ci.yml).
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from scripts.common import diskcache
from scripts.publishing import reproducible

ROOT = Path(__file__).resolve().parents[2]
BEFORE = "e39ec4e6035fadd48e9a13361ccb77f94a17e24b"  # the last commit with scripts/ flat
AFTER = "3b93ed706811ce08067e56def2f867fab2bb52fe"  # the registrar, and every page parsed once
EPOCH = "1764000000"


def _checkout(commit: str, dest: Path) -> Path:
    found = subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=ROOT, capture_output=True)
    if found.returncode:
        pytest.fail(f"commit {commit} is not in this clone: the test needs the full history "
                    "(git fetch --unshallow)")
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


@pytest.mark.parametrize("commits", [(BEFORE, AFTER)], ids=["before-after-the-move"])
def test_the_move_into_packages_changed_no_byte_of_the_site(site_builder, tmp_path, commits):
    sites = []
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, diskcache.ENV: str(ROOT / diskcache.FOLDER)}
    for name, commit in zip(("before", "after"), commits):
        project = _checkout(commit, tmp_path / name)
        result = site_builder(tmp_path / f"{name}-site", config=project / "mkdocs.yml", cwd=project, environ=env)
        assert result.returncode == 0, f"build of {commit} failed:\n{result.stderr[-3000:]}"
        sites.append(tmp_path / f"{name}-site")
    # first_difference is tested on its own (test_reproducible.py): it names what differs.
    assert reproducible.first_difference(*sites) is None

