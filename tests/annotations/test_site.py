"""Annotations in the built site: counts always match (files in = annotations highlighted = notes
= pages = index entries), each highlight holds exactly its words, each passage its count, and
every annotation has its own page, found by the site search, that leads back to its words."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from scripts.annotations import anchoring, checks, layer, reading
from scripts.citing import bib
from tests.compare.test_site import resolve

ROOT = Path(__file__).resolve().parents[2]
ESSAYS = ("toucas", "fedasiuk")


@pytest.fixture(scope="module")
def annotations():
    found, problems = checks.read_all(ROOT / "docs", set(bib.load().entries))
    assert not problems
    return found


def page(site: Path, url: str):
    return lxml.html.parse(str(site / url / "index.html")).getroot()


def notes_file(site: Path, essay: str) -> dict[str, str]:
    """An essay's notes file (scripts/annotations/layer.py): note id -> its content's HTML."""
    return json.loads((site / "essays" / essay / layer.NOTES).read_text(encoding="utf-8"))["notes"]


def essay_with_notes(site: Path, essay: str):
    """The essay page as a reader sees it with every note opened: each note's place filled
    from the notes file, as the page's script fills it."""
    root, notes = page(site, f"essays/{essay}/"), notes_file(site, essay)
    for aside in root.cssselect("aside.annotation-note"):
        assert len(aside) == 0 and not (aside.text or "").strip(), f"{aside.get('id')}: its content is in the page"
        for child in lxml.html.fragments_fromstring(notes[aside.get("id")]):
            aside.append(child)
    return root


def test_counts_always_match(site, annotations):
    files = [p for p in reading.files(ROOT / "docs")]
    assert len(files) == len(annotations) >= 12
    per_essay = {e: sum(a.essay == e for a in annotations) for e in ESSAYS}
    assert min(per_essay.values()) >= 5, per_essay
    markers, notes = set(), set()
    for essay in ESSAYS:
        root = page(site, f"essays/{essay}")
        markers |= {a.get("data-annotation") for a in root.cssselect(".annotation-marker a")}
        notes |= {n.get("data-annotation") for n in root.cssselect("aside.annotation-note")}
    pages_ = {a.id for a in annotations if (site / a.url / "index.html").exists()}
    index = [a.get("href").removeprefix("../annotations/").strip("/")
             for a in page(site, "annotations").cssselect("ol.annotation-index a")]
    by_essay = [a.get("href").removeprefix("../../annotations/").strip("/") for essay in ESSAYS
                for a in page(site, f"annotations/{essay}").cssselect("ol.annotation-index a")]
    ids = {a.id for a in annotations}
    assert markers == notes == pages_ == ids
    assert sorted(index) == sorted(by_essay) == sorted(ids), "each listed once, in both indexes"


def test_an_essay_page_carries_its_notes_places_and_its_notes_file_their_content(site, annotations):
    """The page holds each note's place (empty: nothing to parse or style on load); the notes
    file beside it holds each note's content once, a file the offline link check cannot read,
    so every link in it is resolved here, from the essay page, as the script places it."""
    for essay in ESSAYS:
        root, notes = page(site, f"essays/{essay}/"), notes_file(site, essay)
        places = root.cssselect("aside.annotation-note")
        assert sorted(a.get("id") for a in places) == sorted(notes)
        assert {a.get("data-content") for a in places} == {layer.NOTES}
        assert sorted(notes) == sorted(f"{a.anchor}-note" for a in annotations if a.essay == essay)
        assert not root.cssselect("aside.annotation-note *, aside.annotation-note template")
        links = 0
        for aside in essay_with_notes(site, essay).cssselect("aside.annotation-note"):
            assert aside.cssselect(".annotation-note__body p"), aside.get("id")
            for link in aside.cssselect("a[href]"):
                href = link.get("href")
                if not href.startswith(("http://", "https://", "mailto:")):
                    resolve(site, f"essays/{essay}/", href)
                    links += 1
        assert links >= 2 * len(places), "each note links its own page and the concepts or sources it names"


def test_each_highlight_holds_exactly_its_words(site, annotations):
    for a in annotations:
        root = page(site, f"essays/{a.essay}")
        marks = root.xpath("//mark[@data-annotation=$id]", id=a.id)
        assert marks and marks[0].get("id") == a.anchor
        words = anchoring.normal("".join(m.text_content() for m in marks))
        assert words in (anchoring.normal(a.exact), anchoring.normal(a.exact.replace("[e]", ""))) \
            or anchoring.normal(a.exact).startswith(words[:20]), (a.id, words)
        passage = root.get_element_by_id(a.target)
        assert all(passage in m.iterancestors() for m in marks), "the words are in their passage"


def test_each_passage_shows_how_many_annotations_it_carries(site, annotations):
    for essay in ESSAYS:
        root = page(site, f"essays/{essay}")
        expected: dict[str, int] = {}
        for a in annotations:
            if a.essay == essay:
                expected[a.target] = expected.get(a.target, 0) + 1
        shown = {el.get("id"): int(el.get("data-annotations")) for el in root.xpath("//*[@data-annotations]")}
        assert shown == expected
        for pid, n in expected.items():
            badge = root.get_element_by_id(pid).cssselect(".annotation-count .edition-visually-hidden")[0]
            assert badge.text == f"{n} annotation{'' if n == 1 else 's'}"


def test_every_annotation_page_quotes_its_words_and_leads_back_to_them(site, annotations):
    for a in annotations:
        root = page(site, a.url.rstrip("/"))
        assert root.cssselect("h1")[0].text_content().startswith("Annotation on ")
        quote = root.cssselect("blockquote.annotation-page__quote")[0]
        assert quote.get("cite").endswith(f"essays/{a.essay}/#{a.target}")
        assert anchoring.normal(quote.cssselect("mark")[0].text_content()) in anchoring.normal(quote.text_content())
        back = root.cssselect(".annotation-page__context a")[0].get("href")
        assert back.endswith(f"essays/{a.essay}/#{a.anchor}")
        assert root.cssselect(".annotation-page__note p"), "the note is there, rendered"
        assert not root.cssselect(".annotation-page__note script, .annotation-page__note img")


def test_annotations_are_found_by_the_site_search(site, annotations):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {a.url for a in annotations} <= locations
    assert "annotations/" in locations and {f"annotations/{e}/" for e in ESSAYS} <= locations


def test_the_search_finds_a_note_on_its_own_page_not_inside_the_essay(site, annotations):
    """A search for a note's words leads to the annotation's page; the essay's own entries hold
    the author's words only (no note, no ✎, no count)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    essay_text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("essays/"))
    assert "✎" not in essay_text and " annotation" not in essay_text
    for a in annotations:
        words = " ".join(lxml.html.fragment_fromstring(page_note(site, a), create_parent="div").text_content().split()[:8])
        assert words not in " ".join(essay_text.split()), a.id
        own = [doc for doc in index["docs"] if doc["location"].split("#")[0] == a.url]
        assert any(words in " ".join(lxml.html.fragment_fromstring(d["text"] or "<p></p>", create_parent="div").text_content().split())
                   for d in own), a.id


def page_note(site: Path, a) -> str:
    root = page(site, a.url)
    return lxml.html.tostring(root.cssselect(".annotation-page__note p")[0], encoding="unicode")


def test_a_note_links_the_concepts_it_names(site, annotations):
    """Concepts exist: a note links the first mention of each concept it names to the concept's
    page, as the essays do, on the annotation's page and in the essay's note alike; a note's
    own links and its citations are left alone (no link inside a link, none in "(Arms Control
    Association 2018)")."""
    linked = 0
    for a in annotations:
        for root, where in ((page(site, a.url), ".annotation-page__note"),
                            (essay_with_notes(site, a.essay), f"#{a.anchor}-note .annotation-note__body")):
            note = root.cssselect(where)[0]
            links = note.cssselect("a.concept-link")
            assert not note.cssselect("a a, .citation a.concept-link"), a.id
            concepts = [link.get("data-concept") for link in links if link.get("data-concept-preview") == ""]
            assert len(concepts) == len(set(concepts)), f"{a.id}: one link per concept"
            for link in links:
                assert (site / "concepts" / link.get("data-concept") / "index.html").is_file()
            linked += bool(links)
    assert linked >= 4, "the seed notes name concepts: some are linked"
