"""Comparisons in the built site: every quote on a theme page is a ``<blockquote cite>`` of the
words its front matter gives, verbatim in the passage it cites (checked here against
passages.json, independently of the build's check), its ``cite`` and "read in context" link
resolving to that passage; each theme quotes both authors or says one is silent; the overview's
matrix says what the theme pages say; every margin link in the essays leads to a quote of its
own passage, and every quoted passage has one; the pages are found by the site search; concept
mentions link as in the essays."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import frontmatter
import lxml.html
import pytest

from scripts.compare import model

ROOT = Path(__file__).resolve().parents[2]
ESSAYS = ("toucas", "fedasiuk")
AUTHORS = {"toucas": "Toucas", "fedasiuk": "Fedasiuk"}


@pytest.fixture(scope="module")
def themes() -> dict[str, dict]:
    """Each theme's front matter, by slug, read here with python-frontmatter."""
    found = {}
    for path in sorted((ROOT / "docs" / "compare").glob("*.md")):
        if path.name != "index.md":
            found[path.stem] = frontmatter.load(path).metadata
    return found


def parse(site: Path, url: str):
    return lxml.html.parse(str(site / url.lstrip("/") / "index.html")).getroot()


def norm(text: str) -> str:
    return " ".join(text.split())


def resolve(site: Path, page_url: str, href: str):
    """The element an href on the page at ``page_url`` leads to (page parsed, fragment found)."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join("/" + page_url, path)).rstrip("/") + "/" if path else "/" + page_url
    file = site / target.strip("/") / "index.html"
    assert file.exists(), f"{href} from {page_url}: no page {target}"
    root = lxml.html.parse(str(file)).getroot()
    if not fragment:
        return root, target
    found = root.xpath("//*[@id=$id]", id=fragment)
    assert found, f"{href} from {page_url}: no #{fragment} on {target}"
    return found[0], target


def test_there_are_at_least_eight_themes_in_matrix_order(themes):
    assert len(themes) >= 8
    orders = [m["compare"]["order"] for m in themes.values()]
    assert len(set(orders)) == len(orders)


def test_every_quote_is_a_blockquote_of_its_words_verbatim_in_its_passage(site, themes, records):
    texts = {r["id"]: r["text"] for r in records}
    count = 0
    for slug, meta in themes.items():
        root = parse(site, f"compare/{slug}/")
        for essay in ESSAYS:
            side = meta["compare"][essay]
            figures = root.cssselect(f"section.compare-side[aria-labelledby='{AUTHORS[essay].lower()}'] figure.compare-quote")
            assert len(figures) == len(side.get("quotes", [])), (slug, essay)
            for quote, figure in zip(side.get("quotes", []), figures):
                block = figure.cssselect("blockquote")[0]
                assert norm(block.text_content()) == norm(quote["text"]), (slug, quote)
                cursor, text = 0, texts[quote["passage"]]
                for part in norm(quote["text"]).split(" … "):
                    found = text.find(part, cursor)
                    assert found >= 0, f"{slug}: “{part}” is not in {quote['passage']} (in order)"
                    cursor = found + len(part)
                assert block.get("cite").endswith(f"/essays/{essay}/#{quote['passage']}")
                for href in (block.get("cite"), figure.cssselect("figcaption a")[0].get("href")):
                    target, url = resolve(site, f"compare/{slug}/", href)
                    assert target.get("id") == quote["passage"] and url == f"/essays/{essay}/"
                count += 1
    assert count >= 2 * len(themes)


def test_each_theme_quotes_both_authors_or_says_one_is_silent(site, themes):
    for slug, meta in themes.items():
        root = parse(site, f"compare/{slug}/")
        silent = [e for e in ESSAYS if meta["compare"][e].get("silent")]
        assert (meta["compare"]["relation"] == "silence") == (len(silent) == 1), slug
        for essay in ESSAYS:
            section = root.cssselect(f"section.compare-side[aria-labelledby='{AUTHORS[essay].lower()}']")[0]
            assert section.cssselect("h2")[0].text_content().strip() == AUTHORS[essay]
            notes = section.cssselect(".compare-silent-note")
            if essay in silent:
                assert notes and f"{AUTHORS[essay]} does not take this theme up" in notes[0].text_content()
                assert not section.cssselect("blockquote")
            else:
                assert not notes and section.cssselect("blockquote")


def test_the_analysis_is_marked_as_the_editions_voice_with_two_or_three_questions(site, themes):
    for slug in themes:
        root = parse(site, f"compare/{slug}/")
        analysis = root.cssselect("section.compare-analysis")[0]
        label = root.get_element_by_id(analysis.get("aria-labelledby"))
        assert "The edition’s analysis" in label.text_content() and "not the authors’ words" in label.text_content()
        assert [h.text_content() for h in analysis.cssselect("h3")] == list(model.ANALYSIS_PARTS)
        questions = analysis.xpath(".//h2[@id='questions-for-discussion']/following-sibling::ol[1]/li")
        assert 2 <= len(questions) <= 3, slug
        assert not root.cssselect("section.compare-analysis blockquote")
        for side in root.cssselect("section.compare-side"):
            assert side.cssselect(".compare-position > .compare-label")[0].text_content() == "The edition’s summary"


def test_the_matrix_says_what_the_theme_pages_say(site, themes):
    root = parse(site, "compare/")
    assert root.cssselect("h1")[0].text_content().strip() == "Toucas and Fedasiuk compared"
    rows = root.cssselect(".compare-matrix tbody tr")
    ordered = sorted(themes, key=lambda s: themes[s]["compare"]["order"])
    assert [r.cssselect("th a")[0].get("href") for r in rows] == [f"{s}/" for s in ordered]
    header = [norm(th.text_content()) for th in root.cssselect(".compare-matrix thead th")]
    assert header[0] == "Theme" and header[1].startswith("Toucas") and header[2].startswith("Fedasiuk")
    legend = {norm(dt.text_content()): norm(dd.text_content()) for dt, dd in
              zip(root.cssselect(".compare-legend dt"), root.cssselect(".compare-legend dd"))}
    assert set(legend) == {f"{sign} {word}" for sign, word, _ in model.RELATIONS.values()}
    for row, slug in zip(rows, ordered):
        meta = themes[slug]["compare"]
        cells = row.cssselect("td")
        for cell, essay in zip(cells, ESSAYS):
            link = cell.cssselect("a")[0]
            assert norm(link.text_content()) == norm(meta[essay]["summary"])
            assert bool(cell.cssselect(".compare-silent")) == bool(meta[essay].get("silent"))
            target, url = resolve(site, "compare/", link.get("href"))
            assert url == f"/compare/{slug}/" and target.tag == "h2" and target.text_content().strip() == AUTHORS[essay]
        sign, word, _ = model.RELATIONS[meta["relation"]]
        assert norm(cells[-1].text_content()) == f"{sign} {word}"
        # The mark is a symbol and a word, never colour alone; the symbol is not read out.
        assert cells[-1].cssselect(".compare-mark")[0].get("aria-hidden") == "true"


def test_every_margin_link_leads_to_a_quote_of_its_own_passage(site, themes):
    quoted: dict[str, set[str]] = {}
    for slug, meta in themes.items():
        for essay in ESSAYS:
            for q in meta["compare"][essay].get("quotes", []):
                quoted.setdefault(q["passage"], set()).add(slug)
    linked: dict[str, set[str]] = {}
    for essay in ESSAYS:
        root = parse(site, f"essays/{essay}/")
        for link in root.cssselect(".passage-tools .compare-links a"):
            passage = next(a for a in link.iterancestors() if "passage" in (a.get("class") or "").split())
            target, url = resolve(site, f"essays/{essay}/", link.get("href"))
            assert target.tag == "figure" and "compare-quote" in target.get("class")
            assert target.cssselect("blockquote")[0].get("cite").endswith("#" + passage.get("id"))
            slug = url.strip("/").split("/")[-1]
            assert link.get("title") is None  # Material would make a tooltip of it as the page loads
            assert norm(link.text_content()) == f"Compared: {themes[slug]['compare']['short']}"
            linked.setdefault(passage.get("id"), set()).add(slug)
    assert linked == quoted


def test_the_comparisons_are_found_by_the_site_search(site, themes):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in index}
    assert "compare/" in locations
    assert {f"compare/{slug}/" for slug in themes} <= locations
    essays = " ".join(d["text"] for d in index if d["location"].startswith("essays/"))
    assert "Compared:" not in essays  # the margin links are not the essays' text


def test_concept_mentions_on_the_comparisons_link_as_in_the_essays(site, themes):
    linked = 0
    for slug in themes:
        root = parse(site, f"compare/{slug}/")
        for link in root.cssselect("a.concept-link"):
            assert not list(link.iterancestors("h1", "h2", "h3", "a", "cite")), slug
            assert not any("citation" in (a.get("class") or "") for a in link.iterancestors())
            target, _ = resolve(site, f"compare/{slug}/", link.get("href"))
            linked += 1
    assert linked >= len(themes)
