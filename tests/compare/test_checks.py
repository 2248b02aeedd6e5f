"""`make check` on comparison themes (scripts/compare/checks.py), on fixture pages written
into a copy of the real docs: every quote verbatim in the passage it cites (white space aside;
quotes, apostrophes and dashes as printed; elided parts in order), a misquote reported with the
file, the quote and the closest words of that passage; the themes' sides, relations, rows and
labels; the fixed headings; the authors' words in the prose; and the build refuses a misquote."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from scripts.common.feature import Project
from scripts.edition import corpus
from tests.conftest import check_lines, project_with

ROOT = Path(__file__).resolve().parents[2]
NAME = "zz-test-theme.md"
REL = f"docs/compare/{NAME}"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Each passage's text as make check reads it (passages.json's)."""
    return {r["id"]: r["text"] for r in corpus.source_records(Project(ROOT, ROOT / "docs", ROOT / "mkdocs.yml"))}


@pytest.fixture
def docs(docs_copy) -> Path:
    return docs_copy


def words(text: str, start: int, count: int) -> str:
    return " ".join(text.split()[start:start + count])


def page(texts: dict[str, str], toucas: list[tuple[str, str]] | None = None,
         fedasiuk: list[tuple[str, str]] | None = None, relation: str = "differ", extra: str = "",
         body: str | None = None, order: int = 99, short: str = "Test theme") -> str:
    """A theme page: by default, quotes of the first words of toucas-p3 and fedasiuk-p3."""
    toucas = [("toucas-p3", words(texts["toucas-p3"], 0, 8))] if toucas is None else toucas
    fedasiuk = [("fedasiuk-p3", words(texts["fedasiuk-p3"], 0, 8))] if fedasiuk is None else fedasiuk

    def side(quotes):
        if not quotes:
            return "    summary: Does not take the theme up at all.\n    silent: true\n"
        return "    summary: A position in one line, for the matrix.\n    quotes:\n" + "".join(
            f"      - passage: {pid}\n        text: {quote_yaml(text)}\n" for pid, text in quotes)

    return (f"---\ntitle: A test theme\ndescription: A theme the tests write, to check the checks.\n"
            f"compare:\n  order: {order}\n  short: {short}\n  relation: {relation}\n{extra}"
            f"  toucas:\n{side(toucas)}  fedasiuk:\n{side(fedasiuk)}---\n"
            + (BODY if body is None else body))


def quote_yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


BODY = """
## Toucas

The edition's summary of his position.

## Fedasiuk

The edition's summary of his.

## Analysis

### Where they agree

Somewhat.

### Where they differ

Somewhat.

### What each leaves out

Much.

## Questions for discussion

1. A first question?
2. A second?
"""


def run(docs: Path, text: str) -> list[str]:
    (docs / "compare").mkdir(exist_ok=True)
    (docs / "compare" / NAME).write_text(text, encoding="utf-8")
    return check_lines(docs, REL)


def test_a_good_theme_passes(docs, texts):
    assert run(docs, page(texts)) == []


def test_white_space_is_all_that_is_normalised(docs, texts):
    quote = words(texts["toucas-p3"], 2, 10).replace(" ", "\n          ", 1).replace(" ", "   ", 1)
    assert run(docs, page(texts, toucas=[("toucas-p3", quote)])) == []


def test_a_misquote_names_the_file_the_quote_and_the_closest_words(docs, texts):
    right = words(texts["toucas-p3"], 0, 8)
    wrong = right.replace("end", "close", 1)
    assert wrong != right
    problems = run(docs, page(texts, toucas=[("toucas-p3", wrong)]))
    assert len(problems) == 1, problems
    assert re.match(rf"{REL}:\d+: front matter compare\.toucas\.quotes\.0\.text: “{re.escape(wrong)}” is not verbatim in toucas-p3; "
                    rf"the closest words there are “[^”]*{re.escape(right.split()[-1])}[^”]*”", problems[0]), problems[0]


def pick(texts: dict[str, str], essay: str, char: str) -> tuple[str, str]:
    """A passage of ``essay`` holding ``char`` (a typographic mark) and the words around it."""
    pid = next(p for p, t in texts.items() if p.startswith(essay + "-p") and char in t)
    at = texts[pid].index(char)
    start = texts[pid].rfind(" ", 0, max(0, at - 25)) + 1
    end = texts[pid].find(" ", at + 15)
    return pid, texts[pid][start:end if end > 0 else None]


@pytest.mark.parametrize("char, plain", [("’", "'"), ("“", '"'), ("—", "-")])
def test_typographic_marks_must_be_as_printed(docs, texts, char, plain):
    pid, quote = pick(texts, "toucas", char) if any(char in t for p, t in texts.items() if p.startswith("toucas-p")) \
        else pick(texts, "fedasiuk", char)
    side = "toucas" if pid.startswith("toucas") else "fedasiuk"
    assert run(docs, page(texts, **{side: [(pid, quote)]})) == []
    problems = run(docs, page(texts, **{side: [(pid, quote.replace(char, plain))]}))
    assert len(problems) == 1 and "is not verbatim in " + pid in problems[0], problems


def test_a_full_stop_the_author_did_not_write_is_a_misquote(docs, texts):
    quote = words(texts["toucas-p3"], 0, 4)
    assert not texts["toucas-p3"].startswith(quote + ".")
    assert len(run(docs, page(texts, toucas=[("toucas-p3", quote + ".")]))) == 1


def test_an_elision_joins_parts_each_verbatim_and_in_order(docs, texts):
    first, second = words(texts["toucas-p3"], 0, 5), words(texts["toucas-p3"], 12, 5)
    assert run(docs, page(texts, toucas=[("toucas-p3", f"{first} … {second}")])) == []
    problems = run(docs, page(texts, toucas=[("toucas-p3", f"{second} … {first}")]))
    assert len(problems) == 1 and f"“{first}” is not verbatim, or not in order after the part before, in toucas-p3" in problems[0]


def test_a_quote_must_come_from_its_authors_essay_and_a_passage_that_exists(docs, texts):
    problems = run(docs, page(texts, toucas=[("fedasiuk-p3", words(texts["fedasiuk-p3"], 0, 6))]))
    assert any("compare.toucas.quotes.0.passage: fedasiuk-p3 is not a passage of an essay by Boris Toucas" in p for p in problems), problems
    problems = run(docs, page(texts, toucas=[("toucas-p999", "any words at all")]))
    assert any("no passage toucas-p999 in the essays' text" in p for p in problems), problems
    heading = next(p for p in texts if p.startswith("toucas-h"))
    problems = run(docs, page(texts, toucas=[(heading, texts[heading])]))
    assert any(f"no passage {heading}" in p and "headings are not quoted" in p for p in problems), problems


def test_silence_is_said_of_exactly_one_author(docs, texts):
    assert run(docs, page(texts, fedasiuk=[], relation="silence")) == []
    assert any("relation: silence means one author is silent" in p for p in run(docs, page(texts, relation="silence")))
    assert any("fedasiuk is marked silent: the relation is then silence, not agree" in p
               for p in run(docs, page(texts, fedasiuk=[], relation="agree")))
    problems = run(docs, page(texts, toucas=[], fedasiuk=[], relation="silence", body=BODY))
    assert any("a theme needs someone who takes it up" in p for p in problems), problems


def test_a_silent_side_has_no_quotes_and_every_essay_has_a_side(docs, texts):
    text = page(texts).replace("    summary: A position in one line, for the matrix.\n    quotes:",
                               "    summary: A position in one line, for the matrix.\n    silent: true\n    quotes:", 1)
    assert any("front matter compare.toucas.quotes: a silent side quotes nothing" in p for p in run(docs, text))
    text = page(texts).replace("    quotes:\n      - passage: toucas-p3", "    quoted:\n      - passage: toucas-p3", 1)
    text = re.sub(r"    quoted:\n.*\n.*\n", "", text)
    assert any("give Boris Toucas's side the quotes that support it, or mark it silent: true" in p for p in run(docs, text))
    text = page(texts)
    text = text[:text.index("  fedasiuk:")] + "---\n" + BODY
    assert any("no side for fedasiuk (Ryan Fedasiuk)" in p for p in run(docs, text))
    text = page(texts).replace("  fedasiuk:\n", "  fedasuik:\n")
    assert any("front matter compare.fedasuik: no essay's author is fedasuik: use one of toucas, fedasiuk" in p
               for p in run(docs, text))


def test_each_theme_has_its_own_row_and_label(docs, texts):
    first = next((docs / "compare").glob("[!i]*.md"))  # a real theme
    import frontmatter
    meta = frontmatter.loads(first.read_text(encoding="utf-8")).metadata["compare"]
    problems = run(docs, page(texts, order=meta["order"], short=meta["short"]))
    assert any(f"row {meta['order']} is also" in p for p in problems), problems
    assert any(f"“{meta['short']}” is also the label of" in p for p in problems), problems


@pytest.mark.parametrize("change, message", [
    (("## Fedasiuk", "## Ryan"), "the page's headings are ## Toucas, ## Ryan"),
    (("### What each leaves out\n\nMuch.\n", ""), "write them as ## Toucas, ## Fedasiuk, ## Analysis"),
    (("2. A second?\n", "2. A second?\n3. A third?\n4. A fourth?\n"), "write 2 or 3 questions as one numbered list"),
    (("2. A second?\n", ""), "write 2 or 3 questions as one numbered list"),
    (("1. A first question?\n", "Some prose first.\n\n1. A first question?\n"), "and nothing else, under ## Questions"),
    (("1. A first question?\n2. A second?\n", "- A first question?\n- A second?\n"), "write 2 or 3 questions"),
])
def test_the_page_keeps_its_headings_and_its_questions(docs, texts, change, message):
    problems = run(docs, page(texts, body=BODY.replace(*change)))
    assert len(problems) == 1 and message in problems[0], problems


def test_the_authors_words_in_the_prose_are_checked(docs, texts):
    right = words(texts["fedasiuk-p3"], 1, 5)
    body = BODY.replace("The edition's summary of his.", f"Fedasiuk writes that “{right}” [@fedasiuk2018].")
    assert run(docs, page(texts, body=body)) == []
    body = BODY.replace("The edition's summary of his.", "Fedasiuk writes that “missile defence is a fine thing” [@fedasiuk2018].")
    problems = run(docs, page(texts, body=body))
    assert len(problems) == 1 and "“missile defence is a fine thing” is quoted from an essay but is not its words" in problems[0]


def test_the_build_refuses_a_misquote(docs, texts, site_builder, tmp_path):
    wrong = words(texts["toucas-p3"], 0, 8).replace("end", "close", 1)
    run(docs, page(texts, toucas=[("toucas-p3", wrong)]))
    config = project_with(docs, tmp_path / "project")
    result = site_builder(tmp_path / "site", config=config, cwd=config.parent,
                          environ={**os.environ, "EDITION_CACHE": "off"})
    assert result.returncode != 0
    assert f"{REL}:" in result.stderr and f"“{wrong}” is not verbatim in toucas-p3" in result.stderr
