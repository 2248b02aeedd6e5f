"""`make check` on annotation files (scripts/annotations/): a message a newcomer can act on for
every mistake, one line each with file, line, field and what to do; a hostile corpus refused
with a clear message; valid but tricky annotations accepted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import check

ROOT = Path(__file__).resolve().parents[2]
FILE = "docs/annotations/test/note.md"


def annotation(body: str = "A note from the tests.", **fields) -> str:
    meta = {"target": "toucas-p3", "exact": "gained bipartisan support", "creator": "Test Reader",
            "created": "2026-11-30", "motivation": "commenting"}
    meta.update(fields)
    lines = [f"{k}: {v}" for k, v in meta.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


@pytest.fixture
def docs(tmp_path) -> Path:
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", target)
    (target / "annotations" / "test").mkdir(parents=True, exist_ok=True)
    return target


def put(docs: Path, text: str | bytes, name: str = "test/note.md") -> Path:
    path = docs / "annotations" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def mine(docs: Path, name: str = FILE) -> list[str]:
    return [str(p) for p in check.run(docs, ROOT / "mkdocs.yml") if str(p).startswith(name)]


def test_a_good_annotation_passes(docs):
    put(docs, annotation())
    assert mine(docs) == []


# --- mistakes a newcomer makes: each named, with what to do ---------------------------------

@pytest.mark.parametrize("text, expected", [
    (annotation(target="toucas-p300"), f"{FILE}:2: front matter target: no passage toucas-p300: the nearest ids are toucas-p3"),
    (annotation(target="tocas-p3"), f"{FILE}:2: front matter target: no passage tocas-p3: the nearest ids are"),
    (annotation(exact="gained bipartisan suport"),
     f"{FILE}:3: front matter exact: “gained bipartisan suport” is not in toucas-p3: copy the words exactly from "
     "the passage (from the page, or from passages.json). The closest words are “gained bipartisan support"),
    (annotation(target="toucas-p4", exact="gained bipartisan support"),
     "is not in toucas-p4: copy the words exactly from the passage (from the page, or from passages.json). "
     "The closest words are “gained bipartisan support” (in toucas-p3: if that is the passage, change target to toucas-p3)"),
    (annotation(exact="the"), f"{FILE}:3: front matter exact: “the” occurs"),
    (annotation(exact="missile", prefix="nothing like this"), f"{FILE}:7: front matter prefix: “missile” is in toucas-p3, but not after the prefix"),
    (annotation(created="2026-02-30"), f"{FILE}:5: front matter created: 2026-02-30 is not a date: write it as YYYY-MM-DD"),
    (annotation(created="30 November 2026"), f"{FILE}:5: front matter created: '30 November 2026' does not match"),
    (annotation(modified="2026-11-01"), f"{FILE}:7: front matter modified: 2026-11-01 is before created (2026-11-30)"),
    (annotation(creator=None), f"{FILE}:2: front matter (top level): creator is missing: add “creator:” to the front matter"),
    (annotation(motivation="praising"), f"{FILE}:6: front matter motivation: 'praising' is not one of"),
    (annotation(motivaton="commenting"), f"{FILE}:2: front matter (top level): unknown field ('motivaton' was unexpected): check its spelling"),
    (annotation(tags="[Bad Tag]"), f"{FILE}:7: front matter tags.0: 'Bad Tag' does not match"),
    (annotation(sources="[nosuchwork2020]"), f"{FILE}:7: front matter sources.0: nosuchwork2020 is not a key in bib/"),
    (annotation("See [@nosuchwork2020]."), f"{FILE}:9: note: [@nosuchwork2020] cites nosuchwork2020, which is not a key in bib/"),
    (annotation("A note", exact='"unclosed'), f"{FILE}:3: front matter: is not valid YAML"),
    ("---\ntarget: toucas-p3\ntarget: toucas-p4\nexact: x\n---\nNote\n",
     f"{FILE}:3: front matter target: “target” is given twice (lines 2 and 3): keep one"),
    ("---\n- a list\n- not fields\n---\nNote\n", f"{FILE}:2: front matter: must be fields (name: value)"),
    ("no front matter at all\n", f"{FILE}:1: front matter: is missing: the file must begin with a line '---'"),
    ("---\ntarget: toucas-p3\nno end\n", f"{FILE}:1: front matter: has no closing line '---'"),
    (annotation(""), f"{FILE}:8: note: is empty: write the note after the front matter"),
    (annotation("x" * 9000), f"{FILE}:8: note: is 9002 characters, more than 8192: shorten it"),
])
def test_each_mistake_is_named_and_explained(docs, text, expected):
    put(docs, text)
    problems = mine(docs)
    assert any(p.startswith(expected) or expected in p for p in problems), problems


def test_an_ambiguous_quote_shows_where_it_stands(docs):
    put(docs, annotation(exact="missile"))
    problems = mine(docs)
    assert len(problems) == 1 and "add a prefix (the words just before) or a suffix (just after)" in problems[0]
    assert "Cold War, U.S. [missile] defense" in problems[0]


def test_a_prefix_or_suffix_tells_occurrences_apart(docs):
    put(docs, annotation(exact="missile", prefix='"Cold War, U.S. "', suffix='" defense, once"'))
    assert mine(docs) == []


def test_a_file_that_is_not_utf8_is_named(docs):
    put(docs, annotation("Caf\u00e9").encode("latin-1"))
    assert mine(docs) == [f"{FILE}:9: file: is not UTF-8 (byte {annotation('Caf').encode().__len__() - 1}): save it as UTF-8"]


def test_links_other_files_and_bad_names_are_refused(docs, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(annotation(), encoding="utf-8")
    (docs / "annotations" / "test" / "link.md").symlink_to(secret)
    (docs / "annotations" / "linked-folder").symlink_to(tmp_path)
    put(docs, "plain text", "test/notes.txt")
    put(docs, annotation(), "test/Bad_Name.md")
    problems = [str(p) for p in check.run(docs, ROOT / "mkdocs.yml")]
    assert "docs/annotations/test/link.md: file: is not a regular file (a link or a special file): add the annotation as an ordinary file" in problems
    assert "docs/annotations/linked-folder: file: is not a regular file (a link or a special file): add the annotation as an ordinary file" in problems
    assert any(p.startswith("docs/annotations/test/notes.txt: file: only annotations (.md files) belong") for p in problems)
    assert any(p.startswith("docs/annotations/test/Bad_Name.md: file: name the file") for p in problems)
    assert not any("secret" in p for p in problems), "a linked folder is not entered"


# --- a hostile corpus: refused by the check, with a clear message -------------------------

YAML_BOMB = ("---\ntarget: toucas-p3\nexact: gained bipartisan support\ncreator: &a [x, x, x, x, x, x, x, x, x]\n"
             "created: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nmodified: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
             "motivation: commenting\n---\nNote\n")


@pytest.mark.parametrize("text, expected", [
    (YAML_BOMB, "front matter: an anchor (&a) is not allowed"),
    (annotation(creator="!!python/object/apply:os.system [echo pwned]"), "front matter: a YAML tag (tag:yaml.org,2002:python/object/apply:os.system) is not allowed"),
    (annotation(creator="!custom x"), "front matter: a YAML tag (!custom) is not allowed"),
    (annotation(creator='"Eve\u202eevil"'), "front matter creator: holds a control or bidirectional-override character"),
    (annotation(exact='"gained\u0007 bipartisan"'), "front matter exact: holds a control or bidirectional-override character"),
    (annotation("Hello \u2066world\u2069"), "note: holds a control or bidirectional-override character"),
    (annotation("<script>alert(1)</script>"), "note: raw HTML (<script>alert(1)</script>) is not allowed"),
    (annotation("Text <img src=x onerror=alert(1)> more"), "note: raw HTML"),
    (annotation("<svg onload=alert(1)></svg>"), "note: raw HTML"),
    (annotation("<iframe src=https://evil.example></iframe>"), "note: raw HTML"),
    (annotation("[click](javascript:alert(1))"), "note: a script address or an event handler is not allowed"),
    (annotation("[click](java%09script:alert(1))"), "note: the link address 'java%09script:alert(1)' is not allowed"),
    (annotation("[click](JaVaScRiPt:alert(1))"), "is not allowed"),
    (annotation("[click]( javascript:alert(1) )"), "is not allowed"),
    (annotation("[click](java&#x09;script:alert(1))"), "is not allowed"),
    (annotation("[click](&#106;avascript:alert(1))"), "is not allowed"),
    (annotation("[click](vbscript:msgbox(1))"), "is not allowed"),
    (annotation("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"), "is not allowed"),
    (annotation("[click][x]\n\n[x]: javascript:alert(1)"), "is not allowed"),
    (annotation("<javascript:alert(1)>"), "is not allowed"),
    (annotation("[x](//evil.example/a)"), "the link address '//evil.example/a' is not allowed"),
    (annotation("![a picture](https://evil.example/x.png)"), "note: an image is not allowed in a note"),
    (annotation("Text {onclick=alert(1)} after"), "note: a script address or an event handler is not allowed"),
    (annotation("See [see <b onmouseover=alert(1)>this</b> @fedasiuk2018]."), "note: the citation"),
    (annotation("[a](https://x.example \"t\" onmouseover=alert(1))"), "not allowed"),
    # Deep nesting that would exhaust the YAML parser's recursion (found: it crashed the check).
    (annotation(tags="[" * 5000 + "]" * 5000), "front matter: is nested more than 5 levels deep"),
    (annotation(creator="{a: " * 3000 + "1" + "}" * 3000), "front matter: is nested more than 5 levels deep"),
])
def test_a_hostile_annotation_is_refused_with_a_clear_message(docs, text, expected):
    put(docs, text)
    problems = mine(docs)
    assert any(expected in p for p in problems), problems


def test_a_huge_file_is_refused_before_it_is_read(docs):
    put(docs, annotation("x") + "<!-- " + "y" * 40000 + " -->\n")
    assert mine(docs) == [f"{FILE}: file: is {len(annotation('x')) + 40010} bytes, more than 32768: shorten the note"]


# --- valid but tricky: accepted ------------------------------------------------------------

@pytest.mark.parametrize("name, text", [
    ("typographic quotes", annotation(target="fedasiuk-p1", exact="“in regional theaters such as Europe and Asia,”")),
    ("a Unicode name", annotation(creator='"Zoë Ångström-李明"')),
    ("a creator with an address", annotation(creator="{name: Jo Doe, url: 'https://example.org/jo'}")),
    ("across a linked concept", annotation(target="toucas-p7", exact="new ballistic missile defense review likely")),
    ("across a note marker, left out", annotation(exact="gained bipartisan support. Although Iraqi")),
    ("across a note marker, copied from the page", annotation(exact="gained bipartisan support.1 Although Iraqi")),
    ("across an emendation", annotation(target="toucas-p1", exact="limitations, have acquired a genuine")),
    ("across an emendation with its mark", annotation(target="toucas-p1", exact="limitations, have[e] acquired a genuine")),
    ("quoted dates", annotation(created='"2026-11-30"', modified="'2026-12-01'")),
    ("a note with Markdown and a citation", annotation(
        "A *note* with **Markdown**, a [link](https://www.armscontrol.org/), a [page of the site](/concepts/thaad/), "
        "`code`, a list:\n\n- one\n- two\n\nand a citation [@janes2019mdr; @csis2019mdrgoodstart, p. 2].",
        sources="[janes2019mdr]", tags="[context, for-class]", motivation="describing")),
])
def test_a_valid_but_tricky_annotation_is_accepted(docs, name, text):
    put(docs, text)
    assert mine(docs) == [], name


def test_in_github_actions_each_problem_is_a_workflow_command_and_in_the_summary(docs, tmp_path):
    put(docs, annotation(target="toucas-p300"))
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run([sys.executable, "-m", "scripts.check", "--docs", str(docs)], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    commands = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert commands and commands[0].startswith(
        f"::error file={FILE},line=2,title=make check%3A front matter target::no passage toucas-p300")
    assert f"`{FILE}:2` **front matter target**: no passage toucas-p300" in summary.read_text(encoding="utf-8")


def test_a_note_quotes_the_authors_only_in_their_words(docs):
    """An annotation is the edition's voice: a sentence of its note that names an author or
    cites an essay quotes that essay's words exactly; a sentence naming both authors may quote
    either."""
    put(docs, annotation(
        'Toucas calls such concerns "far-fetched" [@toucas2017], and Fedasiuk writes that conflict '
        '"can easily breach the nuclear threshold." Toucas also wrote "a phrase he never wrote" '
        '[@toucas2017]. A quotation from elsewhere, "a phrase of a minister," is not checked.'))
    assert mine(docs) == [
        f"{FILE}:9: note: “a phrase he never wrote” is quoted from an essay but is not its words: quote the "
        "text exactly (white space aside), or do not quote it"]


def test_a_second_reading_of_the_same_files_is_reused_and_a_change_is_read_again(docs):
    """Two features read the annotations in one build (scripts/annotations, scripts/hindsight):
    the second reading reuses the first; a changed file, however small the change, is read again."""
    from scripts.annotations import checks as annotation_checks

    path = put(docs, annotation("A first note."))
    first, _ = annotation_checks.read_all(docs, None)
    again, _ = annotation_checks.read_all(docs, None)
    assert again == first and [a.body for a in again if a.id == "test/note"] == ["\nA first note.\n"]
    put(docs, annotation("A later note."))  # the same size: only its time and words differ
    changed, _ = annotation_checks.read_all(docs, None)
    assert [a.body for a in changed if a.id == "test/note"] == ["\nA later note.\n"]
    path.unlink()
    assert "test/note" not in {a.id for a in annotation_checks.read_all(docs, None)[0]}
