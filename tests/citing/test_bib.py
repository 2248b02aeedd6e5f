"""bib/ is the one source of bibliographic truth: every file parses, every entry is complete and
well formed, every key used anywhere is defined, and every defined key is used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pybtex.database import parse_file

from scripts.citing import bib

ROOT = Path(__file__).resolve().parents[2]


def used_keys(root: Path = ROOT, bib_dir: Path = bib.BIB_DIR) -> set[str]:
    return bib.used_keys(root / "docs", root / "overrides", bib_dir)


def test_every_bib_file_parses_with_pybtex():
    files = bib.bib_files()
    assert {f.name for f in files} >= {"essays.bib", "toucas-notes.bib", "edition.bib"}
    for path in files:
        assert parse_file(str(path), bib_format="bibtex").entries, path


def test_bib_is_complete_and_every_key_is_used_and_defined():
    assert bib.problems(bib.BIB_DIR, used_keys()) == []


def test_essays_carry_only_established_facts():
    entries = bib.load().entries
    toucas, fedasiuk = entries["toucas2017"], entries["fedasiuk2018"]
    assert "url" not in toucas.fields, "Toucas's original URL is not confirmed: never give one"
    assert toucas.fields["date"] == "2017-11"
    assert fedasiuk.fields["year"] == "[2018]" and bib.inferred_year(fedasiuk) == "2018"
    assert fedasiuk.fields["url"] == "https://www.csis.org/npfp/us-missile-defense-and-theater-strategic-nexus"
    assert entries["gates2014duty"].fields["isbn"] == "9780307959478"


def test_every_toucas_note_citing_a_work_is_mapped():
    notes = bib.usage()["notes"]
    assert sorted(notes) == [f"toucas-n{i}" for i in range(1, 6)]


def test_citation_syntax_is_recognised():
    text = "See [@gates2014duty, p. 403] and [see @a; @b-c, 12], not [^toucas-n1], [2018] or a@b.org."
    assert bib.cited_keys(text) == ["gates2014duty", "a", "b-c"]


def test_isbn_and_url_checks():
    assert bib.isbn13_ok("9780307959478") and bib.isbn13_ok("978-0-307-95947-8")
    assert not bib.isbn13_ok("9780307959479") and not bib.isbn13_ok("030795947X")
    assert bib.url_ok("https://fas.org/irp/threat/missile/rumsfeld/toc.htm")
    assert not bib.url_ok("fas.org/irp") and not bib.url_ok("https://fas.org/a b")


@pytest.mark.parametrize("file, change, expected", [
    ("toucas-notes.bib", ("9780307959478", "9780307959479"), "toucas-notes.bib: gates2014duty: isbn '9780307959479' is not a valid ISBN-13"),
    ("toucas-notes.bib", ("  publisher    = {Alfred A. Knopf},\n", ""), "toucas-notes.bib: gates2014duty: @book needs publisher"),
    ("toucas-notes.bib", ("https://fas.org/irp", "fas.org/irp"), "not a well-formed web address"),
    ("toucas-notes.bib", ("@book{gates2014duty", "@book{lewis2016sm3"), "also defined in"),
    ("toucas-notes.bib", ("  date         = {2014},\n", "  year         = {2014?},\n"), "must be a year"),
    # Known copies of works the notes cite (usage.yml):
    ("usage.yml", ("  rumsfeld1998:\n    url:", "  nosuchkey:\n    url:"), "copies: nosuchkey: key is not defined"),
    ("usage.yml", ("url: https://irp.fas.org/", "url: irp.fas.org/"), "is not a well-formed web address"),
    # A file that does not parse is named (the fields of usage.yml are its schema's: test_check.py).
    ("toucas-notes.bib", ("= {Alfred A. Knopf},", "= {Alfred A. Knopf,"), "toucas-notes.bib: does not parse: syntax error"),
    ("toucas-notes.bib", ("  publisher    = {Alfred A. Knopf},\n", "  publisher = {Knopf},\n  publisher = {Knopf},\n"),
     "toucas-notes.bib: does not parse: entry with key gates2014duty has a duplicate publisher field"),
])
def test_checks_catch_broken_entries(tmp_path, file, change, expected):
    """The checks can fail: each kind of damage to a copy of bib/ is reported."""
    copy = tmp_path / "bib"
    shutil.copytree(bib.BIB_DIR, copy)
    path = copy / file
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    problems = shown(bib.problems(copy, used_keys(bib_dir=copy)))
    assert any(expected in p for p in problems), problems


def shown(problems: list[tuple[str | None, str]]) -> list[str]:
    return [f"{file}: {message}" if file else message for file, message in problems]


def test_checks_catch_unused_and_undefined_keys():
    keys = used_keys()
    assert any("never used" in p for p in shown(bib.problems(bib.BIB_DIR, keys - {"lavrov2008interview"})))
    assert any("used but not defined" in p for p in shown(bib.problems(bib.BIB_DIR, keys | {"nosuchwork2020"})))



def test_a_citation_broken_across_lines_is_reported(tmp_path):
    from scripts.citing import checks

    source = "Text [@fedasiuk2018;\n@toucas2017] and [@gates2014duty, 403] and [^toucas-n1]\nand a [link\nwith @ sign]."
    assert checks.split_citations(source) == [(1, "[@fedasiuk2018; @toucas2017]")]
