"""Concepts in a real browser, at desktop and phone size: a mention in an essay shows its
concept's definition on hover and on keyboard focus, without leaving the page (the edition's
own card, overrides/assets/previews.js, which works on any build); on a touch screen a tap opens the concept page; a concept page's backlink
lands on the marked passage; the index shows its chart."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.journeys import is_phone, screenshot, viewport_context_args  # noqa: F401  (desktop and phone)

DEFINITION = re.compile(r"truck-mounted launchers")  # from docs/concepts/thaad.md


def mention(page: Page, pid: str, concept: str):
    return page.locator(f"#{pid} a.concept-link[data-concept='{concept}']").first


def test_a_mention_shows_its_definition_on_hover_and_on_focus(page: Page, server):
    """The card (overrides/assets/previews.js) needs no site_url: a local build shows it too.
    Escape closes it (WCAG 1.4.13), and it names the link it describes."""
    page.goto(f"{server}/essays/toucas/#toucas-p9")
    link = mention(page, "toucas-p9", "thaad")
    expect(link).to_be_visible()
    card = page.locator(".concept-card").filter(has_text=DEFINITION)
    if not is_phone(page):
        link.hover()
        expect(card).to_be_visible()
        expect(card).to_have_css("opacity", "1")  # shown, not only fading in
        screenshot(page, "concept-preview-hover")
        page.mouse.move(0, 0)
        expect(card).to_be_hidden()
    link.focus()
    expect(card).to_be_visible()
    expect(card).to_have_css("opacity", "1")
    expect(link).to_have_attribute("aria-describedby", "concept-card")
    expect(page).to_have_url(re.compile(r"/essays/toucas/#toucas-p9$"))  # still on the essay
    screenshot(page, "concept-preview-focus")
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(link).to_be_focused()


def test_following_a_mention_opens_the_concept_page(page: Page, server):
    """A click on a computer; on a touch screen, a tap (there is no hover to preview with)."""
    page.goto(f"{server}/essays/toucas/")
    link = mention(page, "toucas-p9", "thaad")
    link.tap() if is_phone(page) else link.click()
    expect(page).to_have_url(re.compile(r"/concepts/thaad/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Terminal High Altitude Area Defense (THAAD)")


def test_a_backlink_lands_on_the_marked_passage(page: Page, server):
    page.goto(f"{server}/concepts/thaad/")
    use = page.locator("ol.concept-uses a.concept-use__passage[href$='#toucas-p22']")
    expect(use).to_be_visible()
    screenshot(page, "concept-page")
    use.click()
    expect(page).to_have_url(re.compile(r"/essays/toucas/#toucas-p22$"))
    target = page.locator("#toucas-p22")
    expect(target).to_be_in_viewport()
    marked = page.evaluate("getComputedStyle(document.querySelector('#toucas-p22')).backgroundColor")
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent"), "the passage reached is marked"


def test_the_index_shows_its_chart_and_tables(page: Page, server):
    page.goto(f"{server}/concepts/")
    chart = page.get_by_role("img", name="Which concepts each author leans on")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box and box["width"] <= page.viewport_size["width"], "the chart fits the screen"
    page.locator("details.concept-chart-data > summary").click()
    expect(page.locator("#chart-data")).to_be_visible()
    screenshot(page, "concepts-index", full_page=True)
