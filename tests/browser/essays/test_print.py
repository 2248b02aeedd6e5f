"""Printing an essay: paragraph numbers, notes and the page's URL on paper; no navigation chrome
(the print sections of overrides/assets/edition.css and edition.js)."""

from __future__ import annotations

from tests.browser.journeys import screenshot
from playwright.sync_api import Page, expect

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".passage-copy"]
KEPT = [".passage-link", "a.footnote-ref", ".footnote", "#title", ".print-url"]


def display(page: Page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).display")


def test_print_keeps_the_text_apparatus_and_url_and_drops_the_chrome(page: Page, server):
    page.goto(f"{server}/essays/toucas/?h=aegis#toucas-p3")
    assert display(page, ".print-url") == "none", "the URL line is for paper only"
    page.emulate_media(media="print")
    for selector in CHROME:
        assert display(page, selector) == "none", f"{selector} is printed"
    for selector in KEPT:
        assert display(page, selector) != "none", f"{selector} is not printed"
    expect(page.locator(".print-url")).to_have_text(f"Printed from {server}/essays/toucas/")
    label = page.locator("#toucas-p12 .passage-link").evaluate("el => getComputedStyle(el, '::before').content")
    assert label.strip('"').startswith("¶")
    assert page.locator(".footnote li").count() > 5
    screenshot(page, "essays-print")


def test_an_essay_prints_to_pdf(page: Page, server):
    page.goto(f"{server}/essays/fedasiuk/")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
