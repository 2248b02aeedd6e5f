"""Passage ids on the built HTML: present once, numbered, linkable, and kept by the registry."""

import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from scripts.edition import passages, registry

ROOT = Path(__file__).resolve().parents[2]


def page(site, url):
    path = site / url.split("#")[0] / "index.html"
    return lxml_html.parse(str(path)).getroot()


@pytest.fixture(scope="session")
def pages(site, records):
    return {r["url"].split("#")[0]: page(site, r["url"]) for r in records}


def test_every_passage_id_exists_exactly_once_in_its_page(records, pages):
    for record in records:
        root = pages[record["url"].split("#")[0]]
        found = root.xpath("//*[@id=$id]", id=record["id"])
        assert len(found) == 1, f"{record['id']} found {len(found)} times in {record['url']}"


def test_ids_are_unique_across_the_site(site, records):
    counts = Counter(r["id"] for r in records)
    assert [i for i, n in counts.items() if n > 1] == []
    every_id = Counter()
    for path in site.rglob("*.html"):
        ids = {el.get("id") for el in lxml_html.parse(str(path)).getroot().iter() if isinstance(el.tag, str) and el.get("id")}
        every_id.update(i for i in ids if passages.parse(i))
    assert [i for i, n in every_id.items() if n > 1] == []


def test_index_is_in_reading_order_and_matches_the_page(records, pages):
    for url, root in pages.items():
        essay = root.xpath("//article[@data-essay]")[0].get("data-essay")
        in_page = [el.get("id") for el, _ in passages.elements(root, essay)]
        assert [r["id"] for r in records if r["url"].startswith(url + "#")] == in_page


def test_counts_and_kinds_per_essay(records):
    kinds = Counter((r["essay"], r["kind"]) for r in records)
    assert kinds[("toucas", "note")] == 6
    assert kinds[("fedasiuk", "note")] == 21
    assert kinds[("toucas", "caption")] == 3
    assert kinds[("toucas", "heading")] == 3
    assert kinds[("toucas", "standfirst")] == kinds[("fedasiuk", "standfirst")] == 1
    assert kinds[("toucas", "bio")] == kinds[("fedasiuk", "bio")] == 1
    assert kinds[("toucas", "paragraph")] == 26
    assert kinds[("fedasiuk", "paragraph")] == 10


def test_every_passage_has_its_number_link_and_copy_control(records, pages):
    for record in records:
        el = pages[record["url"].split("#")[0]].xpath("//*[@id=$id]", id=record["id"])[0]
        link = el.cssselect(".passage-tools > a.passage-link")
        tools = el.cssselect(".passage-tools[data-said]")  # the script adds its buttons here
        assert len(link) == 1 and len(tools) == 1, record["id"]
        assert link[0].get("href") == "#" + record["id"]
        assert link[0].get("data-label") == record["label"]
        assert link[0].get("aria-label") == "Link to " + tools[0].get("data-said")


def test_visible_numbers_come_from_the_ids(records):
    for record in records:
        parsed = passages.parse(record["id"])
        assert (parsed.kind, parsed.number, parsed.label) == (record["kind"], record["number"], record["label"])
    labels = {r["id"]: r["label"] for r in records}
    # One of each kind, against the labels readers see (not re-derived here).
    assert {k: labels[k] for k in ("toucas-s1", "toucas-c1", "toucas-p12", "toucas-h2", "toucas-n1", "toucas-bio")} == {
        "toucas-s1": "Standfirst", "toucas-c1": "Caption 1", "toucas-p12": "¶ 12", "toucas-h2": "§ 2",
        "toucas-n1": "Note 1", "toucas-bio": "Author"}


def test_passage_text_has_no_markers_or_controls(records):
    p3 = next(r for r in records if r["id"] == "toucas-p3")
    assert p3["text"].startswith("After the end of the Cold War, U.S. missile defense, once a divisive topic, gained bipartisan support. Although")
    n1 = next(r for r in records if r["id"] == "fedasiuk-p1")
    assert "homeland. There is consensus" in n1["text"]
    assert all("↩" not in r["text"] and "¶" not in r["text"] for r in records)


@pytest.mark.parametrize("essay,count", [("toucas", 6), ("fedasiuk", 21)])
def test_every_note_marker_links_to_its_note_and_back(essay, count, site):
    root = page(site, f"essays/{essay}/")
    markers = root.cssselect("sup[id^='fnref:'] > a.footnote-ref")
    assert len(markers) == count
    for n, marker in enumerate(markers, 1):
        label = f"{essay}-n{n}"
        assert marker.get("href") == f"#fn:{label}"
        assert marker.text_content().strip() == str(n)
        assert marker.getparent().get("id") == f"fnref:{label}"
        note = root.xpath("//li[@id=$id]", id=f"fn:{label}")
        assert len(note) == 1
        assert note[0].xpath(".//p[@id=$id]", id=label), f"note {label} lacks its passage id"
        back = note[0].cssselect("a.footnote-backref")
        assert [a.get("href") for a in back] == [f"#fnref:{label}"]


def test_fedasiuk_notes_say_plainly_that_their_text_is_unavailable(records):
    notes = [r for r in records if r["essay"] == "fedasiuk" and r["kind"] == "note"]
    for n, note in enumerate(notes, 1):
        assert note["editorial"] is True
        assert f"note {n} is not in this edition's copy-text and has not been found" in note["text"]


def test_toucas_notes_keep_the_authors_words(records):
    n2 = next(r for r in records if r["id"] == "toucas-n2")
    assert n2["editorial"] is False
    assert n2["text"].endswith("Robert M. Gates, Duty: Memoirs of a Secretary at War (New York: Alfred A. Knopf, 2014), p. 403.")


def test_emendation_is_shown_and_linked_to_the_apparatus(site):
    root = page(site, "essays/toucas/")
    span = root.cssselect("span.emendation[data-emendation='toucas-e1']")[0]
    assert span.text_content() == "have"
    assert "haves acquired" in span.get("title")
    assert span.getnext().cssselect("a")[0].get("href") == "#toucas-e1"
    row = root.xpath("//tr[@id='toucas-e1']")[0]
    assert "haves acquired" in row.text_content() and "have acquired" in row.text_content()


def test_captions_are_separated_and_marked_as_not_reproduced(site):
    root = page(site, "essays/toucas/")
    figures = root.cssselect("figure.edition-photo")
    assert len(figures) == 3
    for n, figure in enumerate(figures, 1):
        assert "not reproduced" in figure.cssselect(".edition-photo__absent")[0].text_content()
        assert figure.cssselect("figcaption")[0].get("id") == f"toucas-c{n}"
    assert root.xpath("//p[@id='toucas-p1']")[0].text_content().find("Photo credit") == -1


def test_registered_ids_all_exist_with_their_essay(records):
    data = registry.load(ROOT / "docs" / registry.FILENAME)
    assert data["ids"], "the registry of published ids is empty"
    assert registry.check(records, data) == []
    assert registry.unregistered(records, data) == [], "new ids: run `make register-ids`"


def test_a_removed_id_fails_the_registry_check_naming_it(records):
    data = registry.load(ROOT / "docs" / registry.FILENAME)
    fewer = [r for r in records if r["id"] != "toucas-p12"]
    errors = registry.check(fewer, data)
    assert len(errors) == 1 and "toucas-p12" in errors[0] and "missing" in errors[0]
    moved = [dict(r, essay="fedasiuk") if r["id"] == "toucas-p12" else r for r in records]
    assert "toucas-p12" in registry.check(moved, data)[0]
    redirected = {**data, "redirects": {"toucas-p12": "toucas-p13"}}
    assert registry.check(fewer, redirected) == []


def test_home_page_links_to_both_essays_and_deep_links(site):
    root = page(site, "")
    hrefs = {a.get("href") for a in root.cssselect("article a")}
    assert {"essays/toucas/", "essays/fedasiuk/"} <= hrefs
    assert "essays/toucas/#toucas-p12" in hrefs


def test_passage_index_urls_resolve(site, records):
    for record in records[:3] + records[-3:]:
        assert (site / record["url"].split("#")[0] / "index.html").exists()
    assert json.loads((site / "passage-registry.json").read_text())["ids"]


@pytest.mark.parametrize("essay,title,date,original", [
    ("toucas", "Ballistic Missile Defense: Proceed With Caution", "November 2017", None),
    ("fedasiuk", "U.S. Missile Defense and the Theater-Strategic Nexus", "[2018]",
     "https://www.csis.org/npfp/us-missile-defense-and-theater-strategic-nexus"),
])
def test_essay_header_gives_the_established_facts(site, essays, essay, title, date, original):
    root = page(site, f"essays/{essay}/")
    assert root.cssselect("h1")[0].text_content().strip() == title
    assert root.cssselect("title")[0].text_content().startswith(title)
    header = root.cssselect(".essay-header")[0].text_content()
    assert essays[essay]["essay"]["byline"] in header
    assert "© Center for Strategic and International Studies (CSIS)" in header
    assert root.cssselect(".essay-facts__date")[0].text_content() == date
    links = [a.get("href") for a in root.cssselect(".essay-facts a")]
    if original:
        assert original in links
    else:
        assert not any("csis.org" in (h or "") for h in links), "Toucas's original URL is not established"
        assert "could not be confirmed" in header
    copy_link = root.cssselect(".essay-facts a[href$='.txt']")[0].get("href")
    assert (site / "essays" / essay / copy_link).resolve().exists()
    assert root.cssselect("#apparatus") and root.cssselect(f"#{essay}-bio")


def test_search_finds_the_words_not_the_controls(site):
    """Material's search index (built from the page HTML) holds the essays' text without the
    passage controls: no cite mark (❝) and no button labels are in the text of an essay's entry."""
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    essays = [d for d in docs if d["location"].startswith("essays/")]
    assert len(essays) > 10
    assert any("Aegis Ashore" in d["text"] for d in essays)
    assert not [d["location"] for d in essays if "\u275d" in d["text"] or "Copy link" in d["text"]]
