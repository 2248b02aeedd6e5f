"""scripts/publishing/published.py on the real build: the record of what releases published is checked
against a built site (anchors parsed from the pages) and against the sources."""

from __future__ import annotations

import shutil
from pathlib import Path


from scripts.common import siteconfig
from scripts.edition import index, registry
from scripts.publishing import published

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def current(site) -> tuple[dict, dict, dict, list[dict], list[str]]:
    config = siteconfig.load(ROOT / "mkdocs.yml")
    records = index.load(site / index.FILENAME)
    urls = published.site_urls(DOCS, config.get("exclude_docs") or "")
    data = published.record({"releases": {}}, "9.9", urls, [r["id"] for r in records], "2026-01-02",
                            published.site_files(site))
    return data, registry.load(DOCS / registry.FILENAME), published.page_redirects(config), records, urls


def test_the_current_build_answers_a_record_of_itself(site):
    data, reg, redirects, records, urls = current(site)
    assert {"", "essays/toucas/", "sources/toucas-proceed-with-caution.txt"} <= set(urls)
    assert data["releases"]["9.9"]["files"] == [
        "cite/fedasiuk.bib", "cite/fedasiuk.json", "cite/fedasiuk.ris",
        "cite/toucas.bib", "cite/toucas.json", "cite/toucas.ris", "passages.json"]
    assert published.check(data, urls, records, reg, redirects) == []
    assert published.check_site(data, site, reg, redirects) == []


def test_a_missing_anchor_and_a_missing_page_are_named(site, tmp_path):
    data, reg, redirects, _, _ = current(site)
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page = broken / "essays" / "toucas" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="toucas-p12"', 'id="x-toucas-p12"'), encoding="utf-8")
    shutil.rmtree(broken / "about" / "reading")
    (broken / "cite" / "toucas.ris").unlink()
    errors = published.check_site(data, broken, reg, redirects)
    assert "file /cite/toucas.ris (published in 9.9) is no longer generated: restore it" in errors, errors
    assert "passage id toucas-p12 (published in 9.9) has no anchor on /essays/toucas/" in errors, errors
    assert "page URL /about/reading/ (published in 9.9) is not in the built site" in errors, errors


def test_record_keeps_other_versions_and_dumps_in_version_order():
    data = published.record({"releases": {}}, "1.10", ["a/"], ["toucas-p2", "toucas-p10"], "2026-01-02", [])
    data = published.record(data, "1.9", ["b/"], ["toucas-p1"], "2026-01-01", [])
    text = published.dumps(data)
    assert text.index('"1.9"') < text.index('"1.10"')
    assert text.index('"toucas-p2"') < text.index('"toucas-p10"')
    assert published.first_published(data, "pages") == {"b/": "1.9", "a/": "1.10"}


def test_a_release_keeps_the_date_it_was_first_recorded_with():
    """The tag workflow re-checks a recorded release on a later day: the record must not change."""
    data = published.record({"releases": {}}, "1.0", ["a/"], ["toucas-p1"], "2026-01-02", [])
    again = published.record(data, "1.0", ["a/"], ["toucas-p1"], "2026-03-04", [])
    assert published.dumps(again) == published.dumps(data)
    assert published.release_date(again, "1.0") == "2026-01-02"
    assert published.release_date(again, "dev") is None and published.release_date(again, None) is None


def test_excluded_docs_are_not_published_addresses(tmp_path):
    (tmp_path / "essays").mkdir()
    for name in ("index.md", "draft.md", "essays/a.md", "notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert "draft/" in published.site_urls(tmp_path, "")
    assert sorted(published.site_urls(tmp_path, "draft.md\n")) == ["", "essays/a/", "notes.txt"]
