"""`make bench`'s reading and reporting of Lighthouse runs (scripts/bench.py), on two real
Lighthouse reports trimmed to what the bench reads (tests/fixtures/lighthouse-*.json): the
edition's essay page and bare Material's, both under applied throttling."""

import json
from pathlib import Path

from scripts import bench

FIXTURES = Path(__file__).parent / "fixtures"


def report(name: str) -> dict:
    return json.loads((FIXTURES / f"lighthouse-{name}.json").read_text(encoding="utf-8"))


def test_scores_of_a_run_with_failing_audits():
    bare = bench.scores(report("bare"))
    assert (bare["performance"], bare["accessibility"], bare["best-practices"], bare["seo"]) == (0.95, 0.88, 1, 1)
    assert bare["failing"] == ["aria-dialog-name", "color-contrast", "link-in-text-block"]
    assert bare["details"]["aria-dialog-name"] == ["body > header.md-header > nav.md-header__inner > div.md-search"]
    assert bare["dom_elements"] == 237
    assert bare["long_tasks"] == 3
    assert round(bare["main_thread"]["Style & Layout"]) == 225
    assert round(bare["total-blocking-time"]) == 235


def test_scores_of_a_clean_run():
    edition = bench.scores(report("edition"))
    assert edition["failing"] == [] and edition["details"] == {}
    assert (edition["accessibility"], edition["best-practices"], edition["seo"], edition["cls"]) == (1, 1, 1, 0)
    assert edition["dom_elements"] == 581
    assert set(edition["main_thread"]) == {"Style & Layout", "Other", "Script Evaluation", "Rendering",
                                           "Parse HTML & CSS", "Script Parsing & Compilation"}


def test_summary_takes_medians_and_keeps_every_run():
    edition, bare = bench.scores(report("edition")), bench.scores(report("bare"))
    slower = {**edition, "performance": 0.5, "total-blocking-time": 900.0,
              "main_thread": {**edition["main_thread"], "Style & Layout": 1000.0}}
    summary = bench.summary({"edition": [edition, slower, edition], "bare": [bare, bare, bare]},
                            "/latest/essays/toucas/", "/essays/toucas/", bench.THROTTLING["devtools"])
    assert summary["runs"] == 3
    assert summary["edition"]["performance"] == edition["performance"]
    assert summary["edition"]["performance_runs"] == [edition["performance"], 0.5, edition["performance"]]
    assert summary["edition"]["total-blocking-time"] == round(edition["total-blocking-time"], 3)
    assert summary["edition"]["main_thread"]["Style & Layout"] == round(edition["main_thread"]["Style & Layout"])
    assert summary["bare"]["failing_where"]["color-contrast"] == bare["details"]["color-contrast"]


def test_report_section_shows_scores_main_thread_and_failures():
    edition, bare = bench.scores(report("edition")), bench.scores(report("bare"))
    summary = bench.summary({"edition": [edition], "bare": [bare]}, "/latest/essays/toucas/",
                            "/essays/toucas/", bench.THROTTLING["devtools"])
    lines = bench._lighthouse(summary, "## Lighthouse, applied throttling")
    text = "\n".join(lines)
    assert "| edition | 0.87 | 1 | 1 | 1 | 0 |" in text
    assert "| bare | 0.95 | 0.88 | 1 | 1 | 0 |" in text
    header = next(line for line in lines if line.startswith("| | Style & Layout"))
    # Kinds of work in the order of the edition's cost, then the DOM and the long tasks.
    assert header.split(" | ")[1:4] == ["Style & Layout", "Other", "Script Evaluation"]
    assert header.endswith("| DOM elements | long tasks |")
    edition_row = next(line for line in lines if line.startswith("| edition | 491 |"))
    assert edition_row.endswith("| 581 | 4 |")
    assert any(line.startswith("| bare | 225 |") and line.endswith("| 237 | 3 |") for line in lines)
    assert "Audits failing (not performance) in any run, edition: none." in lines
    assert any(line.startswith("Audits failing (not performance) in any run, bare: aria-dialog-name (body > header")
               for line in lines)


def test_report_section_says_why_nothing_was_measured():
    lines = bench._lighthouse({"error": "Lighthouse not installed"}, "## Lighthouse")
    assert lines[-1] == "Not measured: Lighthouse not installed"
