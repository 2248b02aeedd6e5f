"""Citing's part of ``make check``: bib/ complete and well formed, every key used is defined and
every key defined is used (scripts.citing.bib), each problem under the file it is in."""

from __future__ import annotations

from scripts.citing import bib
from scripts.common.feature import Project
from scripts.common.validate import Problem


def project_problems(project: Project) -> list[Problem]:
    bib_dir = project.root / "bib"
    used = bib.used_keys(project.docs, project.root / "overrides", bib_dir)
    return [Problem(f"bib/{file or ''}", None, "bibliography", message)
            for file, message in bib.problems(bib_dir, used)]
