"""The teachers' kit in the built site: every paragraph of both essays listed once, in order,
each with its links and its citation; each section as a range whose citation names its first and
last paragraphs; every link on the kit's pages leads to an existing page and passage (a range's
last passage too); in a build that is not a released version, one link each and a note that says
why; the reading guides cover each essay part by part; the assignment's themes exist."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from scripts.teach import ranges

ESSAYS = ("toucas", "fedasiuk")


def parse(site: Path, url: str):
    return lxml.html.parse(str(site / url.strip("/") / "index.html")).getroot()


def norm(text: str) -> str:
    return " ".join(text.split())


def target(site: Path, page_url: str, href: str):
    """The page and element a link on ``page_url`` leads to; a range's last passage checked too."""
    parts = urlsplit(href)
    path = posixpath.normpath(posixpath.join("/" + page_url, parts.path)).rstrip("/") + "/" if parts.path else "/" + page_url
    file = site / path.strip("/") / "index.html"
    assert file.exists(), f"{href} on {page_url}: no page {path}"
    root = lxml.html.parse(str(file)).getroot()
    for pid in [parts.fragment] * bool(parts.fragment) + parse_qs(parts.query).get(ranges.PARAM, []):
        assert root.xpath("//*[@id=$id]", id=pid), f"{href} on {page_url}: no #{pid} on {path}"
    return path, root


@pytest.fixture(scope="module")
def kit(site):
    return parse(site, "teach/")


def test_every_paragraph_is_listed_once_with_its_links_and_citation(kit, records):
    for essay in ESSAYS:
        paragraphs = [r for r in records if r["essay"] == essay and r["kind"] == "paragraph"]
        rows = kit.cssselect(f".teach-essay[data-essay='{essay}'] li.teach-item")
        assert [row.get("data-item") for row in rows] == [f"p:{r['id']}" for r in paragraphs]
        for row, r in zip(rows, paragraphs):
            assert norm(row.cssselect(".teach-item__label")[0].text_content()) == r["label"]
            assert r["text"].startswith(norm(row.cssselect(".teach-item__words")[0].text_content()).rstrip(" …"))
            links = row.cssselect("a[data-teach-link]")
            assert len(links) == 1 and links[0].get("href") == f"../essays/{essay}/#{r['id']}"  # a plain build
            intext = norm(row.cssselect(".teach-cite__intext")[0].text_content())
            assert re.fullmatch(rf"\({essay.capitalize()}, [^)]*para\. {r['number']}\)", intext), intext
            entry = row.cssselect(".teach-cite__entry a[data-cite-url]")[0]
            assert entry.get("data-cite-url") == f"../essays/{essay}/#{r['id']}"


def test_each_section_is_a_range_cited_by_its_paragraphs(kit, records):
    for essay in ESSAYS:
        text = ranges.reading([r for r in records if r["essay"] == essay])
        sections = ranges.sections(text)
        items = kit.cssselect(f".teach-essay[data-essay='{essay}'] .teach-item--section")
        assert [i.get("data-item") for i in items] == [f"r:{s.first}:{s.last}" for s in sections]
        for item, s in zip(items, sections):
            numbers = ranges.paragraphs(ranges.span(text, s.first, s.last))
            intext = norm(item.cssselect(".teach-cite__intext")[0].text_content())
            expected = f"para. {numbers[0]})" if numbers[0] == numbers[1] else f"paras. {numbers[0]}–{numbers[1]})"
            assert intext.endswith(expected), intext
            href = item.cssselect("a[data-teach-link]")[0].get("href")
            assert href == f"../essays/{essay}/" + (f"?to={s.last}#{s.first}" if s.first != s.last else f"#{s.first}")
        if essay == "toucas":
            assert [s.title for s in sections] == ["Opening", "Tech Breakthrough", "Impact on Stability", "Missile Defense Policy"]


def test_every_link_of_the_kit_leads_to_a_page_and_passage_that_exist(site):
    checked = 0
    for url in ("teach/", "teach/toucas/", "teach/fedasiuk/", "teach/comparison-assignment/"):
        root = parse(site, url)
        for a in root.cssselect("article a[href]"):
            href = a.get("href")
            if href.startswith(("http", "mailto:")) or href.startswith("#"):
                continue
            target(site, url, href)
            checked += 1
    assert checked > 100


def test_a_build_without_a_version_says_its_links_are_not_pinned(kit):
    assert "not a released version" in kit.cssselect(".teach-unversioned")[0].text_content()
    data = json.loads(kit.get_element_by_id("teach-data").text)
    assert data["version"] is None and data["pinned"] is None
    assert set(data["essays"]) == set(ESSAYS)
    assert all(set(forms) == {"paragraph_intext", "range_intext", "edition"}
               for e in data["essays"].values() for forms in e["cite"].values())


def test_each_guide_covers_its_essay_part_by_part(site, records):
    for essay in ESSAYS:
        root = parse(site, f"teach/{essay}/")
        text = ranges.reading([r for r in records if r["essay"] == essay])
        covered = []
        for link in root.cssselect(".teach-guide__range a"):
            parts = urlsplit(link.get("href"))
            last = parse_qs(parts.query).get(ranges.PARAM, [parts.fragment])[0]
            covered += [r["id"] for r in ranges.span(text, parts.fragment, last)]
        assert covered == [r["id"] for r in text][:len(covered)] and covered[-1] == [r["id"] for r in text if r["kind"] == "paragraph"][-1]
        questions = root.cssselect(".teach-guide__questions > li")
        assert 5 <= len(questions) <= 8
        assert all(q.cssselect(".teach-guide__passages a") for q in questions)
        concepts = root.cssselect(".teach-guide__concepts a")
        assert 3 <= len(concepts) <= 8
        assert "edition’s words, not the author’s" in root.cssselect(".teach-guide__essay")[0].text_content()


def test_the_assignment_uses_comparisons_that_exist(site):
    root = parse(site, "teach/comparison-assignment/")
    prompts = root.cssselect(".teach-prompts > li")
    assert 2 <= len(prompts) <= 3
    for p in prompts:
        for a in p.cssselect(".teach-prompts__themes a"):
            path, page = target(site, "teach/comparison-assignment/", a.get("href"))
            assert path.startswith("/compare/") and page.cssselect("section.compare-side")
