"""`make check` on the teachers' kit (scripts/teach/checks.py), on the real guides and assignment
broken one thing at a time in a copy of docs/: each problem on one line with file, line and
field; the build refuses what make check refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import check_lines

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def docs(docs_copy) -> Path:
    return docs_copy


def run(docs: Path) -> list[str]:
    return check_lines(docs)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture edit: {old!r} must occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_real_kit_is_valid():
    assert [p for p in run(ROOT / "docs") if p.startswith("docs/teach/")] == []


@pytest.mark.parametrize("old, new, expected", [
    ("      from: toucas-h1\n", "      from: toucas-p7\n",
     "front matter guide.parts.1.from: the parts must follow each other: this one leaves out toucas-h1 to toucas-p6"),
    ("      to: toucas-p26\n", "      to: toucas-p24\n",
     "front matter guide.parts: the parts end before the text does: add toucas-p25 to toucas-p26"),
    ("      from: toucas-h2\n", "      from: toucas-p10\n",
     "front matter guide.parts.2.from: the parts must follow each other: this one goes back over toucas-p10"),
    ("      from: toucas-h3\n", "      from: toucas-n1\n",
     "front matter guide.parts.3.from: toucas-n1 is not a passage of toucas's text"),
    ("  before: [missile-defense-review,", "  before: [missile-defence-review,",
     "front matter guide.before.0: no concept missile-defence-review"),
    ("  essay: toucas\n", "  essay: touca\n", "front matter guide.essay: no essay has the id touca"),
])
def test_a_broken_guide_is_named_on_one_line(docs, old, new, expected):
    path = docs / "teach" / "toucas.md"
    edit(path, old, new)
    problems = [p for p in run(docs) if p.startswith("docs/teach/toucas.md:")]
    assert any(expected in p for p in problems), problems
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith(new.rstrip("\n")))
    if ".parts:" not in expected:  # the field's own line
        assert any(p.startswith(f"docs/teach/toucas.md:{line}: {expected}") for p in problems), problems


def test_a_question_must_be_about_paragraphs_of_its_essay(docs):
    path = docs / "teach" / "fedasiuk.md"
    text = path.read_text(encoding="utf-8")
    first = text.index("passages: [fedasiuk-p")
    path.write_text(text[:first] + "passages: [toucas-p3, " + text[first + len("passages: ["):], encoding="utf-8")
    problems = [p for p in run(docs) if p.startswith("docs/teach/fedasiuk.md")]
    assert any("passages.0: toucas-p3 is not a paragraph of fedasiuk" in p for p in problems), problems


def test_the_assignment_names_themes_that_exist(docs):
    path = docs / "teach" / "comparison-assignment.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("themes: [", "themes: [no-such-theme, ", 1), encoding="utf-8")
    problems = [p for p in run(docs) if p.startswith("docs/teach/")]
    assert any("assignment.prompts.0.themes.0: no comparison theme no-such-theme" in p for p in problems), problems


def test_a_misquote_in_a_summary_is_refused(docs):
    path = docs / "teach" / "toucas.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      summary: >-\n        ", "      summary: >-\n        Toucas calls it “a wholly invented phrase”. ", 1),
                    encoding="utf-8")
    problems = [p for p in run(docs) if p.startswith("docs/teach/toucas.md")]
    assert any("“a wholly invented phrase” is quoted from an essay but is not its words" in p for p in problems), problems
