"""`make check` on bad content: clear errors naming file, line and field, and a non-zero exit.

Each case copies the real docs/ into a temporary folder, breaks one thing, and runs the check.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import check

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def docs(tmp_path) -> Path:
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture edit: {old!r} must occur once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(docs: Path) -> list[str]:
    return [str(p) for p in check.run(docs, ROOT / "mkdocs.yml")]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_real_content_is_valid():
    assert run(ROOT / "docs") == []


def test_duplicated_id(docs):
    essay = docs / "essays" / "toucas.md"
    edit(essay, "{#toucas-p5}", "{#toucas-p4}")
    problems = run(docs)
    assert any(p.startswith(f"docs/essays/toucas.md:{line_of(essay, '{#toucas-p4}')}: passage id: duplicate passage id toucas-p4")
               for p in problems), problems
    assert any("toucas-p5" in p and "missing" in p for p in problems), "the registry notices p5 is gone"


def test_duplicated_id_across_essays(docs):
    essay = docs / "essays" / "fedasiuk.md"
    edit(essay, "{#fedasiuk-p3}", "{#toucas-p3}")
    problems = run(docs)
    assert any("toucas-p3 does not belong to this essay" in p for p in problems), problems


def test_missing_id(docs):
    essay = docs / "essays" / "fedasiuk.md"
    edit(essay, "\n{#fedasiuk-p4}", "")
    problems = run(docs)
    line = line_of(essay, "Ultimately the authenticity")
    assert f"docs/essays/fedasiuk.md:{line}: passage id: <p> “Ultimately the authenticity" in "\n".join(problems), problems
    assert any("fedasiuk-p4" in p and "was published and is missing" in p for p in problems)


def test_unknown_note_reference(docs):
    essay = docs / "essays" / "toucas.md"
    edit(essay, "support.[^toucas-n1]", "support.[^toucas-n9]")
    problems = run(docs)
    line = line_of(essay, "[^toucas-n9]")
    assert f"docs/essays/toucas.md:{line}: note reference: unknown note reference [^toucas-n9]" in "\n".join(problems), problems
    assert any("note toucas-n1 is defined but never referenced" in p for p in problems)


def test_wrong_kind_of_id(docs):
    edit(docs / "essays" / "toucas.md", "## Tech Breakthrough {#toucas-h1}", "## Tech Breakthrough {#toucas-p99}")
    assert any("toucas-p99 is a paragraph id on a <h2> element" in p for p in run(docs))


def test_changed_word_fails_fidelity(docs):
    edit(docs / "essays" / "fedasiuk.md", "lest it invites Russia", "lest it invite Russia")
    problems = run(docs)
    assert any("fidelity: first difference" in p and "'invite' (fedasiuk-p10)" in p and "'invites'" in p
               for p in problems), problems


def test_changed_copy_text_is_refused(docs):
    text = docs / "sources" / "toucas-proceed-with-caution.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("haves acquired", "have acquired"), encoding="utf-8")
    problems = run(docs)
    assert any("copytext.sha256" in p and "has changed" in p for p in problems), problems


def test_front_matter_field_error_names_the_field_and_line(docs):
    essay = docs / "essays" / "fedasiuk.md"
    edit(essay, "  layout: wrapped", "  layout: columns")
    problems = run(docs)
    assert f"docs/essays/fedasiuk.md:{line_of(essay, 'layout: columns')}: front matter copytext.layout: 'columns' is not one of" in "\n".join(problems), problems


def test_unrecorded_emendation_mark(docs):
    edit(docs / "essays" / "toucas.md", 'data-emendation="toucas-e1"', 'data-emendation="toucas-e2"')
    problems = "\n".join(run(docs))
    assert "emendation toucas-e1 is recorded but not marked in the text" in problems
    assert "the text marks emendation toucas-e2, which is not recorded" in problems


def test_cli_exits_non_zero_and_prints_the_problem(docs):
    edit(docs / "essays" / "toucas.md", "{#toucas-p5}", "{#toucas-p4}")
    result = subprocess.run([sys.executable, "-m", "scripts.check", "--docs", str(docs)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "duplicate passage id toucas-p4" in result.stderr
    assert "problem(s)" in result.stderr


def test_a_bare_address_before_a_full_stop(docs):
    """Written bare, the address of note 1 would link to ".../toc.htm.%C2%A0"."""
    essay = docs / "essays" / "toucas.md"
    edit(essay, "<https://fas.org/irp/threat/missile/rumsfeld/toc.htm>.", "https://fas.org/irp/threat/missile/rumsfeld/toc.htm.")
    problems = run(docs)
    expected = (f"docs/essays/toucas.md:{line_of(essay, 'rumsfeld/toc.htm')}: link: the link "
                "'https://fas.org/irp/threat/missile/rumsfeld/toc.htm.%C2%A0' does not stop where the address "
                "does: write it as <https://fas.org/irp/threat/missile/rumsfeld/toc.htm> in the Markdown")
    assert expected in problems, problems


@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of what `make check` reads: docs/, bib/, overrides/ and mkdocs.yml."""
    for name in ("docs", "bib", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def check_repo(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.check", "--docs", str(repo / "docs"),
                           "--config", str(repo / "mkdocs.yml")],
                          cwd=ROOT, capture_output=True, text=True, check=False)


def test_a_copy_of_the_repository_checks_clean(repo):
    result = check_repo(repo)
    assert result.returncode == 0, result.stderr


def test_bib_entries_are_checked_and_named_by_file(repo):
    edit(repo / "bib" / "toucas-notes.bib", "  publisher    = {Alfred A. Knopf},\n", "")
    edit(repo / "bib" / "toucas-notes.bib", "9780307959478", "9780307959479")
    result = check_repo(repo)
    assert result.returncode == 1
    assert "bib/toucas-notes.bib: bibliography: gates2014duty: @book needs publisher" in result.stderr
    assert "bib/toucas-notes.bib: bibliography: gates2014duty: isbn '9780307959479' is not a valid ISBN-13" in result.stderr


def test_a_bib_key_cited_in_the_docs_must_exist(repo):
    page = repo / "docs" / "about" / "reading.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [@nosuchwork2020].\n", encoding="utf-8")
    result = check_repo(repo)
    assert "bib/: bibliography: key nosuchwork2020 is used but not defined in bib/" in result.stderr


@pytest.mark.parametrize("file, old, new, expected, needle", [
    ("bib/usage.yml", "\nedition: edition\n", "\neditionn: edition\n",
     "bib/usage.yml:{line}: (top level): 'edition' is a required property", "essays:"),
    ("bib/usage.yml", "    label: FAS copy\n", "    label: 7\n",
     "bib/usage.yml:{line}: copies.rumsfeld1998.label: 7 is not of type 'string'", "label: 7"),
    ("docs/passage-registry.json", '"fedasiuk-bio": {\n   "essay"', '"fedasiuk-bio": {\n   "esay"',
     "docs/passage-registry.json:{line}: ids.fedasiuk-bio: 'essay' is a required property", '"fedasiuk-bio"'),
    ("docs/passage-registry.json", '"url": "essays/toucas/#toucas-p12"', '"url": "essays/toucas/#toucas p12"',
     "docs/passage-registry.json: registry: passage id toucas-p12 is registered with the address "
     "essays/toucas/#toucas p12, whose fragment is not the id", None),
    ("docs/passage-registry.json", '"redirects": {}', '"redirects": {"toucas-x1": "toucas-p1"}',
     "docs/passage-registry.json:{line}: redirects: 'toucas-x1' does not match", '"redirects"'),
    ("docs/published.json", '"releases": {}', '"releases": {"1.0": {"pages": [], "files": []}}',
     "docs/published.json:{line}: releases.1.0: 'ids' is a required property", '"releases"'),
    ("docs/published.json", '"releases": {}', '"releases": {',
     "docs/published.json:5: (file): not valid JSON", None),
])
def test_data_files_follow_their_schemas(repo, file, old, new, expected, needle):
    """A damaged data file is reported by file, line and field, never a traceback; a passage id
    anywhere must have the one form of passage-id.schema.json."""
    edit(repo / file, old, new)
    if needle:  # the line of the changed field, or of the file's first key
        expected = expected.format(line=line_of(repo / file, needle))
    result = check_repo(repo)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_front_matter_found_valid_is_not_checked_again_and_problems_always_are(tmp_path, monkeypatch):
    """The build's front-matter check (scripts/common/validate.py with a cache folder) remembers valid
    front matter only: the same front matter passes without jsonschema, while changed front matter
    and front matter with problems are checked every time."""
    import copy

    import frontmatter

    from scripts.common import validate
    from scripts.edition import checks

    meta = frontmatter.load(ROOT / "docs" / "essays" / "toucas.md").metadata
    assert checks.front_matter(meta, "essays/toucas.md", cache_dir=tmp_path) == []
    broken = copy.deepcopy(meta)
    del broken["essay"]["id"]
    for _ in range(2):  # not remembered: reported each time
        problems = checks.front_matter(broken, "essays/toucas.md", cache_dir=tmp_path)
        assert [p.field for p in problems] == ["front matter essay"]

    validate.schema_validator.cache_clear()
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # any use of jsonschema now fails
    assert checks.front_matter(meta, "essays/toucas.md", cache_dir=tmp_path) == []
    changed = copy.deepcopy(meta)
    changed["essay"]["id"] = "toucas2"
    with pytest.raises(ImportError):
        checks.front_matter(changed, "essays/toucas.md", cache_dir=tmp_path)
    with pytest.raises(ImportError):
        checks.front_matter(meta, "essays/toucas.md")  # no cache folder: always checked
    validate.schema_validator.cache_clear()
