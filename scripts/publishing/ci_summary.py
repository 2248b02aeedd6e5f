"""The CI job summary: content-check output and test results, as readable Markdown.

Usage: ``python -m scripts.publishing.ci_summary [--junit FILE] >> "$GITHUB_STEP_SUMMARY"``

The link-check section is written by ``scripts/publishing/linkcheck.py --summary``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]


def content_check() -> str:
    result = subprocess.run([sys.executable, "-m", "scripts.check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    verdict = "passed" if result.returncode == 0 else "FAILED"
    output = (result.stdout + result.stderr).strip() or "(no output)"
    return f"### Content check (`make check`): {verdict}\n\n```text\n{output}\n```\n"


def test_results(junit: Path) -> str:
    """Counts and each failing test with the first line of its message."""
    if not junit.exists():
        return f"### Tests\n\nNo test report at `{junit}`: the tests did not run to the end.\n"
    root = etree.parse(str(junit)).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    count = {key: sum(int(s.get(key, 0)) for s in suites) for key in ("tests", "failures", "errors", "skipped")}
    verdict = "passed" if count["failures"] == count["errors"] == 0 else "FAILED"
    lines = [f"### Tests (`pytest`): {verdict}", "",
             f"{count['tests']} tests: {count['failures']} failed, {count['errors']} errors, "
             f"{count['skipped']} skipped.", ""]
    for case in root.iter("testcase"):
        for problem in (case.find("failure"), case.find("error")):
            if problem is not None:
                message = (problem.get("message") or "").splitlines()[:1]
                lines.append(f"- `{case.get('classname')}::{case.get('name')}`: {' '.join(message)[:300]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--junit", type=Path, default=Path("test-results/junit.xml"))
    args = parser.parse_args(argv)
    print("## Edition CI\n")
    print(content_check())
    print(test_results(args.junit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
