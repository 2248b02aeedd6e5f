"""`make check` on concept files (scripts/concepts/checks.py): each mistake reported on one line
with file, line and field and what to do; a dead alias is a warning; the build refuses what
make check refuses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import check

ROOT = Path(__file__).resolve().parents[2]

GOOD = """---
title: A Test Concept
aliases:
  - Aegis Ashore Romania
category: systems
sources: [fedasiuk2018]
---

A concept made by the tests [@fedasiuk2018].
"""


@pytest.fixture
def docs(tmp_path) -> Path:
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", target)
    return target


def run(docs: Path) -> list[str]:
    return [str(p) for p in check.run(docs, ROOT / "mkdocs.yml")]


def write(docs: Path, name: str, text: str) -> Path:
    path = docs / "concepts" / name
    path.write_text(text, encoding="utf-8")
    return path


def line(path: Path, needle: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text)


def test_a_good_concept_passes(docs):
    write(docs, "test-concept.md", GOOD)
    assert run(docs) == []


@pytest.mark.parametrize("change, needle, expected", [
    (("category: systems", "category: system"), "category:", "front matter category: 'system' is not one of"),
    (("category: systems", "category: systems\nsee_also: [thaad]"), "title:",
     "front matter (top level): Additional properties are not allowed ('see_also' was unexpected)"),
    (("sources: [fedasiuk2018]", "sources: [nosuchwork2020]"), "sources:",
     "front matter sources.0: nosuchwork2020 is not a key in bib/"),
    (("sources: [fedasiuk2018]", "sources: [fedasiuk2018, toucas2017]"), "sources:",
     "front matter sources.1: the definition does not cite toucas2017"),
    (("[@fedasiuk2018].", "[@fedasiuk2018; @toucas2017]."), "sources:",
     "front matter sources: the definition cites toucas2017, which sources does not list: add it"),
    (("A concept made by the tests [@fedasiuk2018].", ""), None, "definition: the page has no definition"),
    (("category: systems", "category: systems\nrelated: [no-such-concept]"), "related:",
     "front matter related.0: no concept no-such-concept"),
    (("category: systems", "category: systems\nrelated: [test-concept]"), "related:",
     "front matter related.0: a concept is not related to itself"),
    (("title: A Test Concept", "title: Terminal High Altitude Area Defense (THAAD)"), "title:",
     "front matter title: “Terminal High Altitude Area Defense (THAAD)” is also the title of thaad"),
    (("  - Aegis Ashore Romania", "  - Aegis Ashore Romania\n  - {form: THAAD, match_case: true}"), "form: THAAD",
     "front matter aliases.1: “THAAD” is also an alias of thaad: a form may name one concept only"),
    (("  - Aegis Ashore Romania", "  - Aegis Ashore Romania\n  - thaad"), "- thaad",
     "front matter aliases.1: “thaad” is also an alias of thaad"),
])
def test_each_mistake_is_named_with_file_line_and_field(docs, change, needle, expected):
    path = write(docs, "test-concept.md", GOOD.replace(*change))
    where = "docs/concepts/test-concept.md" + (f":{line(path, needle)}" if needle else "")
    problems = run(docs)
    assert any(p.startswith(f"{where}: {expected}") for p in problems), problems


def test_a_relation_declared_on_both_pages_is_reported_once(docs):
    write(docs, "test-concept.md", GOOD.replace("category: systems", "category: systems\nrelated: [thaad]"))
    thaad = (docs / "concepts" / "thaad.md")
    text = thaad.read_text(encoding="utf-8")
    text = text.replace("category: systems", "category: systems\nrelated: [test-concept]", 1) if "related:" not in text \
        else text.replace("related: [", "related: [test-concept, ", 1)
    thaad.write_text(text, encoding="utf-8")
    problems = [p for p in run(docs) if "declared on both pages" in p]
    # Reported on the page whose name sorts last: the relation is kept on the first.
    assert len(problems) == 1 and problems[0].startswith("docs/concepts/thaad.md:"), problems


def test_an_alias_in_neither_essay_is_a_warning_that_fails_nothing(docs):
    path = write(docs, "test-concept.md", GOOD.replace("  - Aegis Ashore Romania", "  - Aegis Ashore Romania\n  - Aegis Ashore Narnia"))
    problems = check.run(docs, ROOT / "mkdocs.yml")
    assert [str(p) for p in problems] == [
        f"docs/concepts/test-concept.md:{line(path, 'Narnia')}: front matter aliases.1: warning: “Aegis Ashore Narnia” "
        "names A Test Concept nowhere in the essays: check its spelling and case, or remove it"]
    result = subprocess.run([sys.executable, "-m", "scripts.check", "--docs", str(docs)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "1 warning(s)" in result.stdout, result.stdout + result.stderr


def test_the_build_refuses_a_broken_concept(docs, site_builder, tmp_path):
    write(docs, "test-concept.md", GOOD.replace("category: systems", "category: system"))
    project = tmp_path / "project"
    for name in ("bib", "overrides", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(docs, project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = site_builder(tmp_path / "site", config=project / "mkdocs.yml", cwd=project,
                          environ={**os.environ, "EDITION_CACHE": "off"})
    assert result.returncode != 0
    assert "docs/concepts/test-concept.md:5: front matter category: 'system' is not one of" in result.stderr


def test_a_quotation_of_an_author_must_be_the_authors_words(docs):
    """Quotes of the authors are checked by machine: a sentence that names the author or cites
    the essay quotes only the essay's words (an elision " … " joins parts that are)."""
    path = write(docs, "test-concept.md", GOOD.replace(
        "A concept made by the tests [@fedasiuk2018].",
        'Fedasiuk writes that the politics "are inextricably bound" [@fedasiuk2018]. He also writes '
        'that "the politics governing theater … are inextricably bound," and that conflict '
        '"can easily breach the nuclear threshold" [@fedasiuk2018]. Russia spoke of a '
        '"cornerstone of strategic stability" [@fedasiuk2018]. Toucas calls it "a wholly invented phrase."'))
    problems = [p for p in run(docs) if p.startswith("docs/concepts/test-concept.md")]
    assert problems == [
        "docs/concepts/test-concept.md: definition: “cornerstone of strategic stability” is quoted from an essay "
        "but is not its words: quote the text exactly (white space aside), or do not quote it",
        "docs/concepts/test-concept.md: definition: “a wholly invented phrase.” is quoted from an essay but is not "
        "its words: quote the text exactly (white space aside), or do not quote it"]
    assert path.exists()
