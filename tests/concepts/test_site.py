"""Concepts in the built site: every mention linked once per passage (found here with plain
regular expressions, independently of the build's Aho-Corasick matcher), none where the rules
forbid, the words of the essays unchanged; each concept page's backlinks, counts and related
concepts; the index's chart and its table; concepts in the site search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from scripts.common import htmltools
from scripts.common.feature import Project
from scripts.concepts import checks, model
from scripts.edition import corpus, passages

ROOT = Path(__file__).resolve().parents[2]
ESSAYS = ("toucas", "fedasiuk")


@pytest.fixture(scope="module")
def glossary() -> model.Glossary:
    project = Project(ROOT, ROOT / "docs", ROOT / "mkdocs.yml")
    found, problems = checks.read(checks.concept_pages(project.pages))
    assert not problems
    return found


def page(site: Path, url: str):
    return lxml.html.parse(str(site / url / "index.html")).getroot()


def essay_passages(site: Path):
    """(essay, passage element, parsed id) for every passage of both essays."""
    for essay in ESSAYS:
        root = page(site, f"essays/{essay}")
        for el, parsed in passages.elements(root, essay):
            yield essay, el, parsed


def linkable_text(el) -> str:
    """The passage's text where a concept may be linked: the parts passages.text leaves out
    dropped, other links and code replaced by a character no alias holds, concept links kept."""
    clone = htmltools.copy(el)
    for selector in passages.NOT_TEXT:
        for part in clone.cssselect(selector):
            htmltools.drop(part)
    for part in clone.xpath(".//a[not(contains(@class,'concept-link'))] | .//code"):
        part.text = "\ue000" * len(part.text_content())  # a private-use character: in no alias
        for child in list(part):
            part.remove(child)
    return " ".join(clone.text_content().split())


def expected_mentions(text: str, glossary: model.Glossary) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of every alias, with any that lies inside a longer one dropped."""
    found = []
    for concept in glossary.concepts.values():
        for alias in concept.aliases:
            flags = 0 if alias.match_case else re.IGNORECASE
            for m in re.finditer(rf"(?<![^\W_]){re.escape(alias.form)}(?![^\W_])", text, flags):
                found.append((m.start(), m.end(), concept.slug))
    return [m for m in found if not any(o != m and o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0]
                                        for o in found)]


def test_every_mention_links_its_concept_exactly_once_per_passage(site, glossary):
    checked = 0
    for essay, el, parsed in essay_passages(site):
        if parsed.kind == "heading":
            continue
        mentions = expected_mentions(linkable_text(el), glossary)
        leads = [a.get("data-concept") for a in el.cssselect("a.concept-link:not(.concept-link--cont)")]
        assert sorted(leads) == sorted({slug for _, _, slug in mentions}), el.get("id")
        overlapping = [(a, b) for a in mentions for b in mentions if a < b and b[0] < a[1]]
        assert not overlapping, f"{el.get('id')}: aliases overlap without one holding the other: {overlapping}"
        checked += len(leads)
    assert checked > 100, "the essays mention concepts"


def test_no_link_where_the_rules_forbid(site):
    for essay in ESSAYS:
        root = page(site, f"essays/{essay}")
        assert not root.cssselect("h1 a.concept-link, h2 a.concept-link, h3 a.concept-link, h4 a.concept-link")
        assert not root.xpath("//a//a[contains(@class,'concept-link')] | //code//a[contains(@class,'concept-link')]")
        for selector in passages.NOT_TEXT:
            assert not root.cssselect(f"{selector} a.concept-link"), selector


def test_the_longest_alias_wins_and_exact_forms_stay_exact(site, glossary):
    romania = page(site, "essays/toucas").get_element_by_id("toucas-c3")
    assert [a.text_content() for a in romania.cssselect("a[data-concept='aegis-ashore']")][:1] == ["Aegis Ashore"]
    for _, el, _ in essay_passages(site):
        mentions: list[list] = []  # a lead link and the pieces that continue it, in order
        for a in el.cssselect("a.concept-link"):
            if "concept-link--cont" in a.get("class") and mentions:
                mentions[-1].append(a)
            else:
                mentions.append([a])
        for parts in mentions:
            words = " ".join("".join(a.text_content() for a in parts).split())
            concept = glossary.concepts[parts[0].get("data-concept")]
            assert any(words == al.form if al.match_case else words.casefold() == al.form.casefold()
                       for al in concept.aliases), (el.get("id"), words, concept.slug)


def test_linking_changes_no_word_of_the_passage_index(records):
    project = Project(ROOT, ROOT / "docs", ROOT / "mkdocs.yml")
    unlinked = {r["id"]: r["text"] for r in corpus.source_records(project)}
    assert {r["id"]: r["text"] for r in records} == unlinked


def test_each_mention_is_one_link_for_a_reader(site):
    for _, el, _ in essay_passages(site):
        for a in el.cssselect("a.concept-link"):
            if "concept-link--cont" in a.get("class"):
                assert a.get("aria-hidden") == "true" and a.get("tabindex") == "-1"
            else:
                assert a.get("data-concept-preview") == "" and a.get("href").startswith("../../concepts/")


def concept_pages(site: Path, glossary: model.Glossary):
    for slug in sorted(glossary.concepts):
        yield slug, page(site, f"concepts/{slug}")


def test_backlinks_land_on_passages_whose_sentence_holds_the_mention(site, glossary, records):
    texts = {r["id"]: r["text"] for r in records}
    for slug, root in concept_pages(site, glossary):
        forms = {al.form.casefold() for al in glossary.concepts[slug].aliases}
        for li in root.cssselect("ol.concept-uses > li"):
            href = li.cssselect("a.concept-use__passage")[0].get("href")
            essay_url, pid = href.removeprefix("../../").split("#")
            assert pid in texts, href
            assert page(site, essay_url.rstrip("/")).get_element_by_id(pid) is not None
            sentence = li.cssselect(".concept-use__sentence")[0]
            for part in sentence.text_content().split(" … "):
                assert part in texts[pid], (slug, pid, part)
            marks = [m.text_content() for m in sentence.cssselect("mark")]
            assert marks and all(m.casefold() in forms for m in marks), (slug, pid, marks)


def test_counts_match_the_mentions(site, glossary):
    mentions: dict[tuple[str, str], int] = {}
    for essay, el, parsed in essay_passages(site):
        if parsed.kind == "heading":
            continue
        for _, _, slug in expected_mentions(linkable_text(el), glossary):
            mentions[slug, essay] = mentions.get((slug, essay), 0) + 1
    for slug, root in concept_pages(site, glossary):
        counts = root.cssselect("p.concept-counts")[0].text_content()
        for essay, author in (("toucas", "Boris Toucas"), ("fedasiuk", "Ryan Fedasiuk")):
            n = mentions.get((slug, essay), 0)
            section = root.xpath(f"//h3[@id='in-{essay}']/following-sibling::ol[1]")
            marked = len(section[0].cssselect("mark")) if section else 0
            assert marked == n, (slug, essay, marked, n)
            if n:
                assert f"{author}: {n} mention{'' if n == 1 else 's'}" in counts, (slug, counts)
            else:
                assert f"{author} does not use it." in counts, (slug, counts)


def test_related_concepts_link_both_ways(site, glossary):
    links = {}
    for slug, root in concept_pages(site, glossary):
        links[slug] = {a.get("href").strip("./").rstrip("/") for a in root.cssselect("ul.concept-related a")}
    for slug, others in links.items():
        for other in others:
            assert slug in links[other], f"{slug} lists {other}, which does not list it back"
    declared = {(c.slug, r) for c in glossary.concepts.values() for r in c.related}
    assert declared and all(r in links[s] and s in links[r] for s, r in declared)


def test_the_chart_is_named_described_and_tabled(site, glossary):
    root = page(site, "concepts")
    svg = root.cssselect("svg.concept-chart__svg")[0]
    assert svg.get("role") == "img"
    labelled = svg.get("aria-labelledby").split()
    assert [root.get_element_by_id(i).tag for i in labelled] == ["title", "desc"]
    assert "Toucas" in root.get_element_by_id("concept-chart-desc").text_content()
    names = [t.text_content() for t in svg.cssselect("text.concept-chart__name")]
    rows = root.cssselect("#chart-data tbody tr")
    assert len(names) == len(rows) == len(glossary.concepts)
    bars = {}
    for row in rows:
        title = row.cssselect("th")[0].text_content()
        bars[title] = [int(td.text_content()) for td in row.cssselect("td")]
    for slug, concept_root in concept_pages(site, glossary):
        title = glossary.concepts[slug].title
        counts = concept_root.cssselect("p.concept-counts")[0].text_content()
        for author, n in zip(("Boris Toucas", "Ryan Fedasiuk"), bars[title]):
            assert (f"{author}: {n} mention" in counts) if n else (f"{author} does not use it." in counts)
    drawn = len(svg.cssselect("rect.concept-chart__bar"))
    assert drawn == sum(1 for counts in bars.values() for n in counts if n)


def test_the_index_lists_every_concept_a_to_z_and_by_category(site, glossary):
    root = page(site, "concepts")
    az = [a.text_content() for a in root.cssselect("#a-z-table tbody th a")]
    assert az == sorted((c.title for c in glossary.concepts.values()), key=str.casefold)
    by_category = [a.text_content() for key in model.CATEGORIES for a in root.cssselect(f"#{key}-table tbody th a")]
    assert sorted(by_category) == sorted(az)
    assert len(glossary.concepts) >= 40


def test_concepts_are_found_by_the_site_search(site, glossary):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"concepts/{slug}/" for slug in glossary.concepts} <= locations
    assert "concepts/" in locations
    # The essays' sentences quoted on a concept page are found in the essays, not twice.
    thaad = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("concepts/thaad/"))
    assert "truck-mounted launchers" in thaad and "reassuring impression" not in thaad
