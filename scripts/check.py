"""``make check``: fast validation of all content, without a full build.

Usage: ``python -m scripts.check [--docs DIR] [--config mkdocs.yml] [--register]``

Every feature's checks (scripts/site.py: check), one line per problem,
``file:line: field: message``; exits 1 if there is any. ``--register`` then adds every current
passage id to the registry (ids are never removed).
"""

from __future__ import annotations

import argparse
import os
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


def _escape(value: str, property_: bool = False) -> str:
    """GitHub's escaping of workflow command data (and of its properties)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_ else value


def workflow_commands(found: list[Problem]) -> list[str]:
    """Each problem as a GitHub Actions workflow command, so that it shows on the pull
    request's diff at its file and line: ``::error file=…,line=…,title=…::…``."""
    lines = []
    for p in found:
        props = [f"file={_escape(p.file, True)}"] + ([f"line={p.line}"] if p.line else [])
        props.append(f"title={_escape('make check: ' + p.field, True)}")
        lines.append(f"::{'warning' if p.warning else 'error'} {','.join(props)}::{_escape(p.message)}")
    return lines


def summary_markdown(found: list[Problem]) -> str:
    """The problems as the job summary's Markdown: a line each."""
    rows = [f"- {'⚠️' if p.warning else '❌'} `{p.file}{':' + str(p.line) if p.line else ''}` "
            f"**{p.field}**: {p.message}" for p in found]
    return "### make check\n\n" + "\n".join(rows) + "\n\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--register", action="store_true", help="add current passage ids to the registry")
    args = parser.parse_args(argv)
    found = run(args.docs, args.config, args.register)
    for problem in found:
        print(problem, file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":  # each problem on the pull request's diff
        for line in workflow_commands(found):
            print(line)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary and found:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(summary_markdown(found))
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
