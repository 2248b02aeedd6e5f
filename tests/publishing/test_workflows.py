"""The GitHub Actions workflows are linted (zizmor, offline; check-jsonschema's vendored
GitHub workflow schema) and follow the project's rules: actions pinned by full commit SHA with
a version comment, minimal explicit permissions, no write access for pull-request code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s+v\d+\.\d+\.\d+\s*$")


def zizmor(path: Path) -> subprocess.CompletedProcess:
    # The strictest persona: anything it reports must be fixed or ignored with a reason.
    return subprocess.run([str(BIN / "zizmor"), "--offline", "--persona", "auditor", "--format", "plain",
                           str(path)], cwd=ROOT, capture_output=True, text=True, check=False)


def schema(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, paths)], cwd=ROOT, capture_output=True, text=True, check=False)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


# Every action a workflow uses, pinned by SHA, as verified in the action's own repository: the
# SHA is the tag's commit, and its action.yml runs on Node 24 (GitHub removed Node 20 from its
# runners in September 2026). A new pin fails this test until it is verified and listed here.
VERIFIED = {
    "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1": ("v7.0.1", "node24"),
    "actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97": ("v7.0.0", "node24"),
    "actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae": ("v5.0.5", "node24"),
    "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f": ("v7.0.0", "node24"),
}


def test_every_action_is_a_verified_node24_release():
    for path in FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PINNED.match(line)
            if not match:
                assert "uses:" not in line, f"{path.name}: not pinned by SHA with a version: {line.strip()}"
                continue
            action = f"{match.group(1)}@{match.group(2)}"
            assert action in VERIFIED, f"{path.name}: {action} is not a verified release (VERIFIED)"
            tag, runtime = VERIFIED[action]
            assert line.rstrip().endswith(f"# {tag}"), f"{path.name}: {action} is {tag}: {line.strip()}"
            assert runtime == "node24"


def test_the_three_workflows_exist():
    assert {p.name for p in FILES} >= {"ci.yml", "deploy.yml", "links.yml"}


def test_zizmor_finds_nothing():
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_workflows_match_the_github_schema():
    result = schema(*FILES)
    assert result.returncode == 0, result.stdout + result.stderr


BAD = """\
name: bad
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def test_zizmor_can_fail(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BAD, encoding="utf-8")
    result = zizmor(bad)
    assert result.returncode != 0
    assert "template-injection" in result.stdout, result.stdout


def test_schema_check_can_fail(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: bad\non: push\njobs:\n  build:\n    steps: not-a-list\n", encoding="utf-8")
    result = schema(bad)
    assert result.returncode != 0
    assert "bad.yml" in result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_by_sha_with_a_version_comment(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines, f"{path.name} uses no action?"
    for line in lines:
        assert PINNED.match(line), f"{path.name}: not pinned by full SHA with '# vX.Y.Z': {line.strip()}"


def test_the_same_action_has_the_same_pin_everywhere():
    pins: dict[str, set[str]] = {}
    for path in FILES:
        for match in filter(None, map(PINNED.match, path.read_text(encoding="utf-8").splitlines())):
            pins.setdefault(match[1], set()).add(match[2])
    assert all(len(shas) == 1 for shas in pins.values()), pins


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_permissions_are_explicit_and_minimal(path):
    data = load(path)
    assert "permissions" in data, f"{path.name}: no top-level permissions"
    assert data["permissions"] in ({}, {"contents": "read"}), data["permissions"]
    assert "pull_request_target" not in (data["on"] or {}), "PR code must never get write access"
    for name, job in data["jobs"].items():
        granted = job.get("permissions", {})
        writes = {k for k, v in granted.items() if v == "write"}
        if path.name == "deploy.yml":
            assert writes == {"contents"}, f"{name}: {granted}"
        else:
            assert not writes, f"{path.name} job {name} gets write access: {granted}"


def test_ci_runs_make_test_and_reports():
    ci = load(WORKFLOWS / "ci.yml")
    assert set(ci["on"]) == {"pull_request", "push"}
    steps = ci["jobs"]["test"]["steps"]
    text = "\n".join(step.get("run", "") for step in steps)
    assert ".ci/run" in text and "GITHUB_STEP_SUMMARY" in text and "scripts.publishing.linkcheck" in text
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip" and setup["with"]["cache-dependency-path"] == "requirements.lock"
    uploads = {s["with"]["path"].rstrip("/") for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads == {"site", "test-results"}, uploads  # the built site; screenshots and JUnit report
    assert 'ROOT / "test-results" / "screenshots"' in (ROOT / "tests/browser/journeys.py").read_text(encoding="utf-8")
    from scripts.common import diskcache
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert Path(diskcache.FOLDER).parts[0] == cache["with"]["path"]  # the build's pandoc cache


def test_deploy_publishes_dev_and_tagged_versions():
    deploy = load(WORKFLOWS / "deploy.yml")
    assert deploy["on"]["push"] == {"branches": ["main"], "tags": ["v*.*"]}
    assert deploy["concurrency"]["cancel-in-progress"] is False
    text = "\n".join(s.get("run", "") for s in deploy["jobs"]["deploy"]["steps"])
    assert "make dev" in text and 'make release VERSION="$version"' in text
    assert text.count("git push origin gh-pages") == 2


def test_link_workflow_is_scheduled_and_never_on_pull_requests():
    links = load(WORKFLOWS / "links.yml")
    assert set(links["on"]) == {"schedule", "workflow_dispatch"}
    text = "\n".join(s.get("run", "") for s in links["jobs"]["links"]["steps"])
    assert "scripts.publishing.linkcheck site --online" in text


def test_the_issue_forms_and_the_pull_request_template_are_what_github_accepts():
    """Contributors propose annotations and report transcription errors through issue forms."""
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    assert {p.name for p in forms} >= {"propose-annotation.yml", "transcription-error.yml"}
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms",
                             *map(str, forms)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "docs/annotations/" in template and "make check" in template
