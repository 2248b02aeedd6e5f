"""``make check``: fast validation of all content, without a full build.

Usage: ``python -m scripts.check [--docs DIR] [--config mkdocs.yml] [--register]``

Every feature's checks (scripts/site.py: check), one line per problem,
``file:line: field: message``; exits 1 if there is any. ``--register`` then adds every current
passage id to the registry (ids are never removed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import site
from scripts.common.feature import Project
from scripts.common.validate import Problem
from scripts.edition import corpus


def run(docs: Path, config: Path, register: bool = False) -> list[Problem]:
    """Every problem and warning of the content (``register``: then, if there is no problem,
    add the current passage ids to the registry)."""
    project = Project(config.resolve().parent, docs, config)
    found = site.check(project)
    if register and not any(not p.warning for p in found):
        corpus.register(project)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--register", action="store_true", help="add current passage ids to the registry")
    args = parser.parse_args(argv)
    found = run(args.docs, args.config, args.register)
    for problem in found:
        print(problem, file=sys.stderr)
    problems = [p for p in found if not p.warning]
    warnings = len(found) - len(problems)
    if problems:
        print(f"make check: {len(problems)} problem(s)" + (f", {warnings} warning(s)" if warnings else ""),
              file=sys.stderr)
        return 1
    print("make check: all content valid" + (f" ({warnings} warning(s) above)" if warnings else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
