"""Reading packets (scripts/teach/packets.py), made by a build with EDITION_PACKETS=1 as make
release makes them, opened with pypdf: each has the essay's title and author, every paragraph
number in order, the notes and the apparatus, the citation line, the page's address on every
page, then the reading guide; the essay page and the teachers' page link to it with its size.
A plain build makes none (make build needs no browser)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from scripts.teach import packets

SITE_URL = "https://example.org/edition/"


@pytest.fixture(scope="module")
def packet_site(site_builder, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("packets") / "site"
    result = site_builder(out, environ={**os.environ, "EDITION_PACKETS": "1", "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return out


def test_a_plain_build_makes_no_packet_and_links_to_none(site):
    assert not (site / packets.FOLDER).exists()
    assert "Reading packet" not in (site / "essays" / "toucas" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("essay, title, author", [
    ("toucas", "Ballistic Missile Defense: Proceed With Caution", "Boris Toucas"),
    ("fedasiuk", "U.S. Missile Defense and the Theater-Strategic Nexus", "Ryan Fedasiuk"),
])
def test_each_packet_is_the_printed_essay_then_its_guide(packet_site, records, essay, title, author):
    pdf = packet_site / packets.FOLDER / f"{essay}.pdf"
    reader = PdfReader(pdf)
    assert reader.metadata.title == f"{title}: reading packet" and reader.metadata.author == author
    pages = [p.extract_text() or "" for p in reader.pages]
    essay_pages = [p for p in pages if f"{SITE_URL}essays/{essay}/" in p]
    guide_pages = [p for p in pages if f"{SITE_URL}teach/{essay}/" in p]
    assert essay_pages and guide_pages and len(essay_pages) + len(guide_pages) == len(pages), "an address on every page"
    assert pages.index(guide_pages[0]) == len(essay_pages), "the guide after the essay"
    text = "\n".join(essay_pages)
    flat = " ".join(text.split())
    assert title in flat and f"By {author}" in flat and flat.count("Cite as: ") == 1
    numbers = [int(n) for n in re.findall(r"(?m)^¶ (\d+)$", text)]
    assert numbers == [int(r["number"]) for r in records if r["essay"] == essay and r["kind"] == "paragraph"]
    notes = [r for r in records if r["essay"] == essay and r["kind"] == "note"]
    assert re.search(r"(?m)^Notes$", text) and " ".join(notes[0]["text"].split()[:5]) in flat
    assert "Textual apparatus" in flat
    assert "Reading guide" in " ".join(guide_pages[0].split())


def test_the_pages_link_to_each_packet_with_its_size(packet_site):
    for essay in ("toucas", "fedasiuk"):
        size = packets.size_label((packet_site / packets.FOLDER / f"{essay}.pdf").stat().st_size)
        for url, href in ((f"essays/{essay}/", f"../../{packets.FOLDER}/{essay}.pdf"),
                          ("teach/", f"../{packets.FOLDER}/{essay}.pdf")):
            root = lxml.html.parse(str(packet_site / url / "index.html")).getroot()
            link = root.xpath("//a[@href=$h]", h=href)
            assert link and link[0].text_content() == f"Reading packet (PDF, {size})", (url, href)
    assert "PACKET-SIZE-" not in (packet_site / "teach" / "index.html").read_text(encoding="utf-8")
