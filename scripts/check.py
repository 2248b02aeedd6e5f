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
from scripts.edition import checks


def run(docs: Path, config: Path, register: bool = False) -> list[Problem]:
    project = Project(config.resolve().parent, docs, config)
    problems = site.check(project)
    if register and not problems:
        checks.register(project)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--register", action="store_true", help="add current passage ids to the registry")
    args = parser.parse_args(argv)
    problems = run(args.docs, args.config, args.register)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"make check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("make check: all content valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
