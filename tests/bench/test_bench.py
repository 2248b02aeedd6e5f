"""`make bench`'s reading and reporting of Lighthouse runs (scripts/bench/run.py), on two real
Lighthouse reports trimmed to what the bench reads (tests/bench/fixtures/lighthouse-*.json): the
edition's essay page and bare Material's, both under applied throttling."""

import json
from pathlib import Path

from scripts.bench import lighthouse
from scripts.bench import report as bench_report

FIXTURES = Path(__file__).parent / "fixtures"


def report(name: str) -> dict:
    return json.loads((FIXTURES / f"lighthouse-{name}.json").read_text(encoding="utf-8"))


def test_scores_of_a_run_with_failing_audits():
    bare = lighthouse.scores(report("bare"))
    assert (bare["performance"], bare["accessibility"], bare["best-practices"], bare["seo"]) == (0.95, 0.88, 1, 1)
    assert bare["failing"] == ["aria-dialog-name", "color-contrast", "link-in-text-block"]
    assert bare["details"]["aria-dialog-name"] == ["body > header.md-header > nav.md-header__inner > div.md-search"]
    assert bare["dom_elements"] == 237
    assert bare["long_tasks"] == 3
    assert round(bare["main_thread"]["Style & Layout"]) == 225
    assert round(bare["total-blocking-time"]) == 235


def test_scores_of_a_clean_run():
    edition = lighthouse.scores(report("edition"))
    assert edition["failing"] == [] and edition["details"] == {}
    assert (edition["accessibility"], edition["best-practices"], edition["seo"], edition["cls"]) == (1, 1, 1, 0)
    assert edition["dom_elements"] == 581
    assert set(edition["main_thread"]) == {"Style & Layout", "Other", "Script Evaluation", "Rendering",
                                           "Parse HTML & CSS", "Script Parsing & Compilation"}


def test_summary_takes_medians_and_keeps_every_run():
    edition, bare = lighthouse.scores(report("edition")), lighthouse.scores(report("bare"))
    slower = {**edition, "performance": 0.5, "total-blocking-time": 900.0,
              "main_thread": {**edition["main_thread"], "Style & Layout": 1000.0}}
    summary = lighthouse.summary({"edition": [edition, slower, edition], "bare": [bare, bare, bare]},
                            "/latest/essays/toucas/", "/essays/toucas/", lighthouse.THROTTLING["devtools"])
    assert summary["runs"] == 3
    assert summary["edition"]["performance"] == edition["performance"]
    assert summary["edition"]["performance_runs"] == [edition["performance"], 0.5, edition["performance"]]
    assert summary["edition"]["total-blocking-time"] == round(edition["total-blocking-time"], 3)
    assert summary["edition"]["main_thread"]["Style & Layout"] == round(edition["main_thread"]["Style & Layout"])
    assert summary["bare"]["failing_where"]["color-contrast"] == bare["details"]["color-contrast"]


def test_report_section_shows_scores_main_thread_and_failures():
    edition, bare = lighthouse.scores(report("edition")), lighthouse.scores(report("bare"))
    summary = lighthouse.summary({"edition": [edition], "bare": [bare]}, "/latest/essays/toucas/",
                            "/essays/toucas/", lighthouse.THROTTLING["devtools"])
    lines = bench_report.lighthouse_section(summary, "## Lighthouse, applied throttling")
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


def test_blocking_time_of_all_long_tasks_counts_those_before_the_first_paint_too():
    # The edition's fixture: four long tasks, the first starting 5.7 ms before FCP (TBT counts
    # only its part after FCP), the last long before it (TBT leaves it out).
    edition, bare = lighthouse.scores(report("edition")), lighthouse.scores(report("bare"))
    assert round(edition["total-blocking-time"]) == 502
    assert edition["blocking_all"] == round(207.282 + 162.349 + 137.682 + 9.681) == 517
    assert bare["blocking_all"] == round(187.892 + 50.653 + 17.727) == 256
    assert lighthouse.blocking_all([{"duration": 50, "startTime": 0}, {"duration": 49, "startTime": 9}]) == 0


def test_report_section_gives_each_runs_fcp_tbt_and_all_blocking_time():
    edition, bare = lighthouse.scores(report("edition")), lighthouse.scores(report("bare"))
    summary = lighthouse.summary({"edition": [edition, edition], "bare": [bare, bare]}, "/latest/essays/toucas/",
                                 "/essays/toucas/", lighthouse.THROTTLING["simulate"])
    assert summary["edition"]["runs_ms"] == [[1505, 502, 517]] * 2
    lines = bench_report.lighthouse_section(summary, "## Lighthouse")
    assert lines[lines.index(bench_report.BLOCKING) + 2] == "| | run 1 | run 2 | median |"
    assert "| edition | 1505 · 502 · 517 | 1505 · 502 · 517 | 1505 · 502 · 517 |" in lines
    assert "| bare | 1559 · 235 · 256 | 1559 · 235 · 256 | 1559 · 235 · 256 |" in lines


def test_report_section_says_why_nothing_was_measured():
    lines = bench_report.lighthouse_section({"error": "Lighthouse not installed"}, "## Lighthouse")
    assert lines[-1] == "Not measured: Lighthouse not installed"


def test_report_says_which_build_the_goal_judges_and_marks_the_diagnostic():
    report = {
        "machine": {"platform": "Linux", "cpus": 2, "python": "3.11"}, "repeats": 5, "check_s": 0.3,
        "build": {"edition_cold_s": 1.09, "edition_warm_s": 0.63, "bare_material_s": 0.43,
                  "ratio_cold": 2.53, "ratio_warm": 1.47, "goal": "<= 1.5",
                  "cpu_s": {"cold": 1.3, "warm": 0.64, "bare": 0.43}},
        "scale": {"factor": 10, "content": {"essays": 20}, "one_x_s": 1.09, "scaled_s": 3.2,
                  "ratio": 2.94, "goal": "linear: ratio <= 10"},
        "pages": {}, "bare_pages": {},
        "lighthouse": {"error": "Lighthouse not installed"},
        "lighthouse_applied": {"error": "Lighthouse not installed"},
    }
    lines = bench_report.markdown(report).splitlines()
    assert "| edition (full site), build cache kept | 0.63 | **1.47×** (goal <= 1.5) | 0.64 |" in lines
    assert ("| edition (full site), first build on a new machine | 1.09 | 2.53× (for information) | 1.3 |"
            in lines)
    assert "## Lighthouse, applied throttling (diagnostic)" in lines
    assert lines.count("Not measured: Lighthouse not installed") == 2


def test_the_scaled_copy_multiplies_every_kind_and_its_themes_pass_make_check(tmp_path):
    """The scale test's content (scripts/bench/sites.py): every kind multiplied, the synthetic
    comparison themes quoting the synthetic essays verbatim, and the synthetic forecasts' words
    standing in the synthetic essays' passages, as make check verifies."""
    from pathlib import Path

    from scripts import check
    from scripts.bench import sites

    root = Path(__file__).resolve().parents[2]
    themes = len([p for p in (root / "docs" / "compare").glob("*.md") if p.name != "index.md"])
    forecasts = len([p for p in (root / "docs" / "annotations").rglob("*.md") if "\nforecast:" in p.read_text(encoding="utf-8")])
    counts = sites.scaled(root, tmp_path / "scaled", 2)
    assert counts["essays"] == 4 and counts["compare"] == 2 * themes
    assert forecasts >= 20 and counts["hindsight"] == 2 * forecasts
    synthetic = sorted((tmp_path / "scaled" / "docs" / "annotations" / "synthetic-hindsight").glob("*.md"))
    assert len(synthetic) == forecasts and all("\ntarget: synthb" in p.read_text(encoding="utf-8") for p in synthetic)
    copies = sorted((tmp_path / "scaled" / "docs" / "compare").glob("synth-*.md"))
    assert len(copies) == themes and "passage: synthb" in copies[0].read_text(encoding="utf-8")
    scaled = tmp_path / "scaled"
    # (The synthetic essays are not their copy-texts: make check says so, and the build accepts them.)
    problems = [p for p in check.run(scaled / "docs", scaled / "mkdocs.yml")
                if p.file.startswith(("docs/compare/", "docs/annotations/", "docs/hindsight/"))]
    assert problems == []
