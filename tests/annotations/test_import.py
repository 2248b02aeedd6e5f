"""``make import-annotations`` (scripts/annotations/importing.py) on a copy of the project: the
edition's own W3C export comes back as the very same files; Hypothes.is's API JSON and another
W3C tool's annotations become files that pass the check; every annotation that cannot is named
with its reason and writes no file; malformed input is a message, not a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.annotations import checks, importing, reading, w3c
from scripts.bench.sites import copy_project
from scripts.citing import bib

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture()
def project(tmp_path) -> Path:
    """A copy of the project with no annotation files."""
    copy = copy_project(ROOT, tmp_path / "project")
    for path in reading.files(copy / "docs"):
        path.unlink()
    return copy


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root / "docs").as_posix(): p.read_bytes() for p in reading.files(root / "docs")}


def run(project: Path, source: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.annotations.importing", str(source)], cwd=project,
                          capture_output=True, text=True, check=False)


def test_export_then_import_gives_back_the_same_files(site, project):
    """Files in = exported = re-imported, byte for byte (the counts match on the way)."""
    result = run(project, site / w3c.EXPORT)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    original = files_of(ROOT)
    assert files_of(project) == original
    export = json.loads((site / w3c.EXPORT).read_text(encoding="utf-8"))
    assert result.stdout.count("wrote ") == export["total"] == len(original) >= 12


def test_an_export_from_another_host_and_version_comes_back_the_same(site, project, tmp_path):
    """Addresses made absolute on a fork's host, under /1.0/: the pages are recognised by their
    path within the site."""
    text = (site / w3c.EXPORT).read_text(encoding="utf-8")
    data = json.loads(text)
    for item in data["first"]["items"]:
        item["id"] = "https://fork.example.net/1.0/" + item["id"]
        item["target"]["source"] = "https://fork.example.net/1.0/" + item["target"]["source"]
        for body in item["body"]:
            if "source" in body:
                body["source"] = "https://fork.example.net/1.0/" + body["source"]
    moved = tmp_path / "moved.jsonld"
    moved.write_text(json.dumps(data), encoding="utf-8")
    assert run(project, moved).returncode == 0
    assert files_of(project) == files_of(ROOT)


def test_hypothesis_search_results_become_checked_files_and_every_refusal_is_named(project):
    written, refused = importing.import_file(FIXTURES / "hypothesis-search.json", project)
    assert [p.relative_to(project).as_posix() for p in written] == [
        "docs/annotations/fedasiuk/the-pentagon-assumes-that-it-can.md"]
    text = written[0].read_text(encoding="utf-8")
    annotation, problems = checks.check_file(written[0], project / "docs", set(bib.load(project / "bib").entries))
    assert not problems
    assert annotation.target == "fedasiuk-p5"
    assert annotation.exact == "the Pentagon assumes that it can selectively battle"  # the layer's ✎ left out
    assert (annotation.creator, annotation.created, annotation.modified) == ("Test Reader", "2026-11-03", "2026-11-04")
    assert annotation.motivation == "commenting" and annotation.tags == ("missile-defense", "for-class")
    assert annotation.body.strip() == "A test note, in *Markdown*."
    assert text.startswith("---\ntarget: fedasiuk-p5\nexact: the Pentagon assumes")
    reasons = "\n".join(refused)
    assert len(refused) == 6, reasons
    for label, reason in [("hyp-reply", "a reply"), ("hyp-not-an-essay", "is not an essay page"),
                          ("hyp-no-such-words", "its words are in no passage of toucas"),
                          ("hyp-highlight", "no note"), ("hyp-hostile", "fails the check"),
                          ("hyp-no-quote", "no TextQuoteSelector")]:
        assert any(label in line and reason in line for line in refused), (label, reasons)
    assert sorted(p.name for p in (project / "docs" / "annotations").rglob("*.md")) == [written[0].name]


def test_another_w3c_tool_with_a_page_wide_quote(project, tmp_path):
    """A plain W3C annotation: the page, a quote selector on it, a text body, one creator."""
    source = tmp_path / "one.json"
    source.write_text(json.dumps({
        "@context": w3c.CONTEXT, "id": "urn:uuid:0d6f0c3e-5d3c-4d7a-9d8e-2b1f5f1e0a11", "type": "Annotation",
        "created": "2026-10-01T08:30:00Z", "creator": {"type": "Person", "name": "A. Tester", "homepage": "https://example.org/t"},
        "body": {"type": "TextualBody", "value": "A test note.", "format": "text/plain"},
        "target": {"source": "http://localhost:8000/essays/toucas/",
                   "selector": {"type": "TextQuoteSelector", "exact": "As of 2017, the GMD program has cost roughly $40 billion"}}}),
        encoding="utf-8")
    written, refused = importing.import_file(source, project)
    assert not refused and len(written) == 1
    text = written[0].read_text(encoding="utf-8")
    assert "target: toucas-p4\n" in text and "creator: {name: A. Tester, url: 'https://example.org/t'}" in text
    assert "motivation: commenting" in text and "created: 2026-10-01" in text


@pytest.mark.parametrize("value, written, reason", [
    ('{"expected": "The review would echo the call.", "outcome": "partly", "summary": "It partly did."}', 1, None),
    ("{not json", 0, "a forecast (a body of format application/json) that is not JSON"),
    ('{"expected": "x", "outcome": 3}', 0, "a forecast the edition cannot keep: give expected, outcome, summary as text"),
    ('{"expected": "x", "verdict": "right"}', 0, "a forecast the edition cannot keep"),
])
def test_a_forecast_body_comes_in_as_the_forecast_field_or_is_refused(project, tmp_path, value, written, reason):
    source = tmp_path / "one.json"
    source.write_text(json.dumps({
        "@context": w3c.CONTEXT, "id": "urn:uuid:0d6f0c3e-5d3c-4d7a-9d8e-2b1f5f1e0a12", "type": "Annotation",
        "created": "2026-10-01T08:30:00Z", "creator": {"name": "A. Tester"}, "motivation": "assessing",
        "body": [{"type": "TextualBody", "value": "A test note.", "format": "text/plain", "purpose": "assessing"},
                 {"type": "TextualBody", "value": value, "format": "application/json", "purpose": "assessing"}],
        "target": {"source": "http://localhost:8000/essays/toucas/",
                   "selector": {"type": "TextQuoteSelector", "exact": "As of 2017, the GMD program has cost roughly $40 billion"}}}),
        encoding="utf-8")
    files, refused = importing.import_file(source, project)
    assert len(files) == written
    if written:
        text = files[0].read_text(encoding="utf-8")
        assert text.split("\n---\n")[0].endswith("motivation: assessing\nforecast:\n  expected: The review would echo the call.\n"
                                               "  outcome: partly\n  summary: It partly did.")
    else:
        assert len(refused) == 1 and reason in refused[0], refused


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON (line 1"),
    ('{"type": "AnnotationCollection", "first": "https://example.org/page1"}', "only a link"),
    ("[1, 2]", "not an annotation"),
])
def test_malformed_input_is_a_message_and_writes_nothing(project, tmp_path, content, message):
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    result = run(project, source)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not files_of(project)


def test_an_existing_file_is_never_overwritten(site, project):
    shutil.copytree(ROOT / "docs" / "annotations", project / "docs" / "annotations", dirs_exist_ok=True)
    before = files_of(project)
    written, refused = importing.import_file(site / w3c.EXPORT, project)
    assert not written and len(refused) == len(before)
    assert all("nothing is overwritten" in line for line in refused)
    assert files_of(project) == before
