"""Printing an essay as a printed edition (the print sections of overrides/assets/edition.css and
edition.js), measured on a real PDF that Chromium prints (read with pypdf): one citation line of
the version and no control of any kind; the text at print size with its paragraph numbers, in
order; no page left mostly empty except at the end of a part; the notes and the apparatus after
the text; the page's address and number at the foot of every page. One page is kept as a test
artifact (test-results/screenshots/)."""

from __future__ import annotations

import io
import re
import statistics

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.journeys import SCREENSHOTS, screenshot

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".passage-copy", ".passage-cite", ".edition-cite", ".annotation-tools",
          ".compare-links", ".annotation-marker"]
KEPT = [".passage-link", "a.footnote-ref", ".footnote", "#title", ".print-citation"]


def display(page: Page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).display")


def ready_to_print(page: Page) -> None:
    """What the browser does as printing begins: the page's script then makes its citation line
    and the foot of its pages (and only then: overrides/assets/edition.js, section 3)."""
    expect(page.locator(".passage-tools--ready").first).to_be_attached()  # the page's script has started
    expect(page.locator(".print-citation")).to_have_count(0)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".print-citation")).to_have_count(1)


def printed(page: Page, server: str, essay: str) -> tuple[PdfReader, list[str]]:
    page.goto(f"{server}/essays/{essay}/")
    ready_to_print(page)
    pdf = page.pdf(format="A4")
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [p.extract_text() or "" for p in reader.pages]


def test_print_keeps_the_text_apparatus_and_citation_and_drops_every_control(page: Page, server):
    page.goto(f"{server}/essays/toucas/?h=aegis#toucas-p3")
    ready_to_print(page)
    assert display(page, ".print-citation") == "none", "the citation line is for paper only"
    page.emulate_media(media="print")
    for selector in CHROME:
        assert display(page, selector) == "none", f"{selector} is printed"
    for selector in KEPT:
        assert display(page, selector) != "none", f"{selector} is not printed"
    expect(page.locator(".print-citation")).to_have_text(re.compile(
        rf"^Cite as: Toucas, Boris\. .*“Ballistic Missile Defense: Proceed With Caution\.” Missile Defense Essays\. .*{re.escape(server)}/essays/toucas/\.$"))
    label = page.locator("#toucas-p12 .passage-link").evaluate("el => getComputedStyle(el, '::before').content")
    assert label.strip('"').startswith("¶")
    assert page.locator(".footnote li").count() > 5
    screenshot(page, "essays-print")


@pytest.mark.parametrize("essay", ["toucas", "fedasiuk"])
def test_an_essay_prints_as_a_printed_edition(page: Page, server, records, essay):
    reader, pages = printed(page, server, essay)
    text = "\n".join(pages)
    # No control of any kind, one citation line.
    assert not re.search(r"(?m)^(Copy|Cite this|Show annotations|Download the citations.*)$", text), text[:2000]
    assert text.count("Cite as: ") == 1 and "Cite as: " in pages[0]
    # The title and the start of the text on the first page.
    paragraphs = [r for r in records if r["essay"] == essay and r["kind"] == "paragraph"]
    assert "Ballistic Missile Defense" in pages[0] or "Theater-Strategic Nexus" in pages[0]
    assert " ".join(paragraphs[0]["text"].split()[:4]) in " ".join(pages[0].split())
    # Every paragraph number, in order.
    numbers = [int(n) for n in re.findall(r"(?m)^¶ (\d+)$", text)]
    assert numbers == [int(r["number"]) for r in paragraphs], numbers
    # The notes and the apparatus after the text.
    last = " ".join(paragraphs[-1]["text"].split()[-5:])
    flat = " ".join(text.split())
    assert flat.index(last) < flat.index("Textual apparatus")
    # The page's address and number at the foot of every page.
    for i, p in enumerate(pages, 1):
        assert f"{server}/essays/{essay}/" in p, f"page {i} has no address"
        assert re.search(rf"(?<!\d){i} / {len(pages)}(?!\d)", p), f"page {i} has no number"
    # No page left mostly empty, except the last of the text (before the notes) and the very last.
    words = [len(p.split()) for p in pages]
    full = statistics.median(words)
    notes_start = next(i for i, p in enumerate(pages) if "Notes" in p.split("\n")[:3] or re.search(r"(?m)^Notes$", p))
    for i, count in enumerate(words):
        if i in (len(words) - 1, notes_start - 1, notes_start):
            continue
        assert count >= 0.6 * full, f"page {i + 1} of {len(words)} has {count} words (median {full}): {words}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"print-{essay}.pdf").write_bytes(page.pdf(format="A4"))
    assert page.locator(".print-citation").count() == 1  # printing again adds nothing
    print(f"{essay}: {len(pages)} pages, words per page {words}")
