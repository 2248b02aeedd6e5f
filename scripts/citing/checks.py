"""Citing's part of ``make check``: bib/ complete and well formed, every key used is defined and
every key defined is used (scripts.citing.bib), each problem under the file it is in; and no
citation in the docs broken across lines (mkdocs-bibtex formats none that is)."""

from __future__ import annotations

from scripts.citing import bib
from scripts.common.feature import Project
from scripts.common.validate import Problem


def split_citations(source: str) -> list[tuple[int, str]]:
    """Citations (``[@key]``) that run across a line break: (line, citation) pairs."""
    found = []
    for match in bib.CITATION_BLOCK_RE.finditer(source):
        if "\n" in match.group(0) and not match.group(1).startswith("^") and bib.CITATION_KEY_RE.search(match.group(1)):
            found.append((source.count("\n", 0, match.start()) + 1, " ".join(match.group(0).split())))
    return found


def project_problems(project: Project) -> list[Problem]:
    bib_dir = project.root / "bib"
    used = bib.used_keys(project.docs, project.root / "overrides", bib_dir)
    problems = [Problem(f"bib/{file or ''}", None, "bibliography", message)
                for file, message in bib.problems(bib_dir, used)]
    for page in project.pages:
        for line, citation in split_citations(page.source):
            problems.append(Problem(page.rel, line, "citation",
                                    f"{citation} runs across a line break, and would not be formatted: "
                                    "write it on one line"))
    return problems
