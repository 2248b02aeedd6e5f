"""The strict build passes with zero warnings and writes the passage index."""

import json
import os
import shutil

from scripts.edition import index
from tests.conftest import ROOT


def test_strict_build_has_no_warnings(build):
    _, result = build
    log = result.stdout + result.stderr
    problems = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert problems == [], "\n".join(problems)


def test_passage_index_is_written_and_documented(site):
    data = json.loads((site / index.FILENAME).read_text(encoding="utf-8"))
    assert data["format"] == 1
    assert data["count"] == len(data["passages"]) > 0
    for record in data["passages"]:
        assert {"id", "essay", "kind", "number", "label", "text", "url", "editorial"} <= record.keys()
    assert (site / "about" / "passages" / "index.html").exists()


def test_copy_texts_are_published_unchanged(site, essays):
    from scripts.edition import copytext
    for post in essays.values():
        published = site / post["copytext"]["file"]
        assert copytext.sha256(published.read_text(encoding="utf-8")) == post["copytext"]["sha256"]


def test_a_passage_id_twice_in_one_page_fails_the_build(site_builder, tmp_path):
    """The build itself refuses a repeated id (not only `make check`): a teacher's link must
    lead to one passage."""
    copy = tmp_path / "repo"
    for name in ("docs", "bib", "overrides", "scripts"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    essay = copy / "docs" / "essays" / "toucas.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("{#toucas-p5}", "{#toucas-p4}"), encoding="utf-8")
    result = site_builder(tmp_path / "site", config=copy / "mkdocs.yml", cwd=copy,
                          environ={**os.environ, "EDITION_CACHE": "off"})
    assert result.returncode != 0
    assert "essays/toucas.md: passage id: duplicate passage id toucas-p4 (twice in this file)" in result.stderr
