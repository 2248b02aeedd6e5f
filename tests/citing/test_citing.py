"""Citation on the built site: mkdocs-bibtex renders editorial citations, the bibliography page
links back to real places, the authors' notes link to their works, essay pages carry citation
meta tags, JSON-LD and a "Cite this" panel, and the downloads describe the right works."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html
from pybtex.database import parse_string

from scripts.citing import bib, citethis, bibtex_glue
from scripts.common import htmltools

ESSAYS = {
    "toucas": ("Ballistic Missile Defense: Proceed With Caution", "Boris Toucas", "toucas2017"),
    "fedasiuk": ("U.S. Missile Defense and the Theater-Strategic Nexus", "Ryan Fedasiuk", "fedasiuk2018"),
}


def page(site, path):
    return html.parse(str(site / path / "index.html")).getroot()


def test_editorial_citations_render_as_formatted_references(site):
    root = page(site, "about/reading")
    article = root.cssselect("article")[0]
    text = " ".join(article.text_content().split())
    assert "[@" not in text and "@gates2014duty" not in text
    assert "(Gates 2014, 403)" in text and "(Fedasiuk [2018])" in text
    note = root.xpath("//li[@id='fn:cite-gates2014duty']")[0]
    assert "Gates, Robert M. 2014." in note.text_content()
    assert note.cssselect("em")[0].text == "Duty: Memoirs of a Secretary at War"
    fedasiuk = root.xpath("//li[@id='fn:cite-fedasiuk2018']")[0].text_content()
    assert "“U.S. Missile Defense and the Theater-Strategic Nexus.”" in fedasiuk
    assert "nocase" not in fedasiuk and '"' not in fedasiuk


def test_no_raw_citation_anywhere(site):
    """Every [@key] is formatted; one shown as code (the contributors' guide) is an example."""
    for path in site.rglob("*.html"):
        body = html.parse(str(path)).getroot().cssselect("article")
        for article in body:
            for code in article.cssselect("code"):
                code.drop_tree()
            assert not re.search(r"\[-?@\w", article.text_content()), path


def test_bibliography_groups_every_work_with_back_links(site):
    root = page(site, "bibliography")
    groups = {h.get("id"): h for h in root.cssselect("article h2")}
    assert list(groups) == ["essays", "authors", "edition"]
    entries = {li.get("id"): li for li in root.cssselect("li.edition-bibliography__entry")}
    for key in ["toucas2017", "fedasiuk2018", "edition", "toucas2017edition", "fedasiuk2018edition",
                "rumsfeld1998", "gates2014duty", "sdi2017market", "lewis2016sm3", "lavrov2008interview"]:
        assert bibtex_glue.entry_id(key) in entries, key
    gates = entries["ref-gates2014duty"]
    hrefs = [a.get("href") for a in gates.cssselect(".edition-bibliography__uses a")]
    assert "../essays/toucas/#toucas-n2" in hrefs and "../about/reading/" in hrefs
    toucas = entries["ref-toucas2017"].text_content()
    assert "Toucas, Boris. 2017. “Ballistic Missile Defense: Proceed With Caution.”" in toucas
    assert "http" not in toucas, "no address may be given for Toucas's original"
    assert "[2018]" in entries["ref-fedasiuk2018"].text_content()
    # The works the edition's own prose cites (the concepts' definitions), each with its pages.
    crs = [a.get("href") for a in entries["ref-crs2024thaad"].cssselect(".edition-bibliography__uses a")]
    assert "../concepts/thaad/" in crs
    assert entries["ref-crs2024thaad"].getparent().getprevious().get("id") == "edition"


def test_every_back_link_resolves(site):
    root = page(site, "bibliography")
    links = root.cssselect(".edition-bibliography__uses a")
    assert len(links) >= 10
    for a in links:
        target, _, fragment = a.get("href").partition("#")
        assert target.startswith("../")
        path = site / target[3:] / "index.html"
        assert path.exists(), a.get("href")
        if fragment:
            assert html.parse(str(path)).getroot().xpath("//*[@id=$id]", id=fragment), a.get("href")


def test_toucas_notes_link_to_their_works_without_changing_the_text(site, records):
    root = page(site, "essays/toucas")
    for n, key in enumerate(["rumsfeld1998", "gates2014duty", "sdi2017market", "lewis2016sm3",
                             "lavrov2008interview"], start=1):
        note = root.get_element_by_id(f"toucas-n{n}")
        links = note.cssselect(".edition-biblink a:not(.edition-copylink)")
        assert [a.get("href") for a in links] == [f"../../bibliography/#ref-{key}"]
    assert not root.get_element_by_id("toucas-n6").cssselect(".edition-biblink")
    n2 = next(r for r in records if r["id"] == "toucas-n2")
    assert n2["text"].endswith("(New York: Alfred A. Knopf, 2014), p. 403.")
    assert "Bibliography" not in n2["text"]


@pytest.mark.parametrize("essay", ESSAYS)
def test_citation_meta_tags(site, essay):
    title, author, _ = ESSAYS[essay]
    root = page(site, f"essays/{essay}")
    meta = {}
    for m in root.cssselect("meta[name^='citation_']"):
        meta.setdefault(m.get("name"), []).append(m.get("content"))
    assert meta["citation_title"] == [title]
    assert meta["citation_author"] == [author]
    assert meta["citation_publisher"] == ["Center for Strategic and International Studies"]
    if essay == "toucas":
        assert meta["citation_publication_date"] == ["2017/11"]
        assert "citation_public_url" not in meta
    else:
        assert "citation_publication_date" not in meta, "an inferred date is not a publication date"
        assert meta["citation_journal_title"] == ["New Perspectives in Foreign Policy"]
        assert meta["citation_issue"] == ["16"]
        assert meta["citation_public_url"] == ["https://www.csis.org/npfp/us-missile-defense-and-theater-strategic-nexus"]
    data = json.loads(root.cssselect("script[type='application/ld+json']")[0].text)
    assert data["@type"] == "ScholarlyArticle" and data["name"] == title
    assert data["isBasedOn"]["author"][0]["name"] == author
    assert root.cssselect("meta[name='description']")[0].get("content")


def test_every_page_has_a_meta_description(site):
    for path in site.rglob("index.html"):
        root = html.parse(str(path)).getroot()
        if root.cssselect("meta[http-equiv='refresh']"):
            continue
        found = root.cssselect("meta[name='description']")
        assert found and len(found[0].get("content", "")) > 20, path


@pytest.mark.parametrize("essay", ESSAYS)
def test_cite_this_panel(site, essay):
    title, author, _ = ESSAYS[essay]
    root = page(site, f"essays/{essay}")
    panel = root.cssselect("details.edition-cite")[0]
    styles = [s.get("data-cite-style") for s in panel.cssselect("section.edition-cite__style")]
    assert styles == ["chicago", "apa", "mla"]
    chicago = " ".join(panel.cssselect("[data-cite-style='chicago'] .edition-cite__text")[0].text_content().split())
    family, given = author.split()[1], author.split()[0]
    assert chicago.startswith(f"{family}, {given}. ") and f"“{title}.”" in chicago
    assert panel.cssselect("a[data-cite-url]"), "the edition's address is filled in by the page"
    for entry in panel.cssselect(".edition-cite__text"):
        text = entry.text_content().strip()
        assert text.startswith(("(", f"{family}, ")), f"each work is formatted on its own: {text[:40]}"
    templates = root.cssselect("template[data-cite-passage]")
    assert [t.get("data-cite-passage") for t in templates] == ["chicago", "apa", "mla"]
    assert root.cssselect(f"#{essay}-p5 > .passage-tools[data-kind='paragraph'][data-number='5']")
    downloads = [a.get("href") for a in panel.cssselect(".edition-cite__downloads a")]
    assert downloads == [f"../../cite/{essay}.bib", f"../../cite/{essay}.ris", f"../../cite/{essay}.json"]


@pytest.mark.parametrize("essay", ESSAYS)
def test_downloads_parse_and_describe_the_essay(site, essay):
    title, author, key = ESSAYS[essay]
    data = parse_string((site / "cite" / f"{essay}.bib").read_text(encoding="utf-8"), "bibtex")
    assert list(data.entries) == [key, f"{key}edition"]
    assert data.entries[key].fields["title"].strip("{}") == title
    assert str(data.entries[key].persons["author"][0]) == ", ".join(reversed(author.split()))

    items = json.loads((site / "cite" / f"{essay}.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [key, f"{key}edition"]
    for item in items:
        assert {"id", "type", "title", "author"} <= set(item)
        assert item["title"] == title
    if essay == "fedasiuk":
        assert items[0]["issued"] == {"literal": "[2018]"}

    lines = (site / "cite" / f"{essay}.ris").read_text(encoding="utf-8").splitlines()
    records = [line for line in lines if line]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in records), records
    assert [line for line in records if line.startswith("TY  - ")] == [
        "TY  - " + ("JOUR" if essay == "fedasiuk" else "ELEC"), "TY  - ELEC"]
    assert f"TI  - {title}" in records and records.count("ER  - ") == 2


def test_a_note_whose_address_may_be_dead_points_to_the_known_copy(site, records):
    """Toucas's note 1 gives a fas.org address; the sources establish copies on irp.fas.org.
    The edition offers that copy beside the note and in the bibliography, outside the text."""
    root = page(site, "essays/toucas")
    note = root.get_element_by_id("toucas-n1")
    copy = note.cssselect(".edition-biblink a.edition-copylink")
    assert [a.get("href") for a in copy] == ["https://irp.fas.org/threat/missile/rumsfeld/"]
    assert "Federation of American Scientists" in copy[0].get("aria-label")
    # WCAG 2.5.3 (label in name): the name starts with the visible text, so "click FAS copy" works.
    assert copy[0].get("aria-label").startswith(copy[0].text_content() + ":")
    assert "https://fas.org/irp/threat/missile/rumsfeld/toc.htm" in note.text_content(), "the author's address stays"
    n1 = next(r for r in records if r["id"] == "toucas-n1")
    assert "irp.fas.org" not in n1["text"] and "FAS copy" not in n1["text"]
    entry = page(site, "bibliography").get_element_by_id("ref-rumsfeld1998")
    also = entry.cssselect(".edition-bibliography__copy a")
    assert [a.get("href") for a in also] == ["https://irp.fas.org/threat/missile/rumsfeld/"]
    assert not page(site, "bibliography").get_element_by_id("ref-gates2014duty").cssselect(".edition-bibliography__copy")


def test_addresses_in_the_notes_link_exactly_to_the_address_printed(site):
    """A note's address is linked as printed, without the sentence's full stop or the space the
    footnote adds before its back-link (a bare URL once swallowed both: ".../toc.htm.%C2%A0"),
    and it is the address bib/ records for the work the note cites."""
    root = page(site, "essays/toucas")
    entries = bib.load().entries
    checked = 0
    for note, keys in bib.usage()["notes"].items():
        for a in root.get_element_by_id(note).xpath(".//a[starts-with(@href,'http')][not(ancestor::*[@class='edition-biblink'])]"):
            href = a.get("href")
            assert href == a.text_content(), (note, href)
            assert href[-1] not in ".,;:)\u00a0 " and "%C2%A0" not in href, (note, href)
            assert href in {entries[k].fields.get("url") for k in keys}, (note, href)
            checked += 1
    assert checked == 3, "notes 1, 3 and 4 give addresses"


def test_placeholders_are_marked_in_text_never_in_addresses():
    number, accessed = citethis.PLACEHOLDER_NUMBER, citethis.PLACEHOLDER_ACCESSED
    out = citethis._fill(f'(Toucas, para. {number}). Accessed {accessed}. '
                         f'<a href="https://example.org/report/{number}0">https://example.org/report/{number}0</a>')
    root = htmltools.parse_fragment(out)
    assert root.xpath("//a/@href") == [f"https://example.org/report/{number}0"]
    assert [s.text for s in root.xpath("//span[@data-cite-locator]")] == [number, number]
    assert [s.text for s in root.xpath("//span[@data-cite-accessed]")] == ["[the date you read it]"]
    assert root.text_content().startswith(f"(Toucas, para. {number}). Accessed [the date you read it]. ")
