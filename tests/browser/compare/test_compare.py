"""Comparisons in a real browser, at desktop and phone size: from a passage of an essay, its
margin link (by keyboard) to the quote on the theme page, marked, and "read in context" back to
the marked passage; the authors side by side on a wide screen and stacked on a phone, each
column headed by its author; the overview's matrix reachable and scrollable on a phone."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.journeys import is_phone, screenshot, viewport_context_args  # noqa: F401  (desktop and phone)


def test_from_a_passage_to_its_comparison_and_back(page: Page, server):
    for essay in ("toucas", "fedasiuk"):
        page.goto(f"{server}/essays/{essay}/")
        link = page.locator(".essay-text .passage-tools .compare-links a").first
        passage = link.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' passage ')][1]")
        pid = passage.get_attribute("id")
        link.scroll_into_view_if_needed()
        expect(link).to_be_visible()
        expect(link).to_have_accessible_name(re.compile(r"^Compared: \S"))
        screenshot(page, f"compare-margin-link-{essay}")
        link.focus()
        expect(link).to_be_focused()
        page.keyboard.press("Enter")  # a keyboard user follows it
        expect(page).to_have_url(re.compile(r"/compare/[a-z0-9-]+/#quote-" + pid + r"(-\d+)?$"))
        quote = page.locator("figure.compare-quote:target")
        expect(quote).to_be_visible()
        expect(quote.locator("blockquote")).to_have_attribute("cite", re.compile(f"#{pid}$"))
        assert quote.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
        screenshot(page, f"compare-quote-target-{essay}")
        back = quote.get_by_role("link", name=re.compile(r"read in context$"))
        back.tap() if is_phone(page) else back.click()
        expect(page).to_have_url(re.compile(f"/essays/{essay}/#{pid}$"))
        expect(page.locator(f"#{pid}")).to_be_in_viewport()
        assert page.evaluate(f"document.querySelector('#{pid}').matches(':target')")


def test_the_authors_stand_side_by_side_or_one_above_the_other(page: Page, server):
    page.goto(f"{server}/compare/")
    theme = page.locator(".compare-matrix tbody th a").first
    theme.click()
    sides = page.locator("section.compare-side")
    expect(sides).to_have_count(2)
    expect(sides.nth(0).get_by_role("heading", level=2)).to_have_text("Toucas")
    expect(sides.nth(1).get_by_role("heading", level=2)).to_have_text("Fedasiuk")
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    if is_phone(page):
        assert second["y"] >= first["y"] + first["height"] - 1, "stacked on a phone"
        assert abs(first["x"] - second["x"]) < 2
    else:
        assert abs(first["y"] - second["y"]) < 2, "side by side on a wide screen"
        assert second["x"] >= first["x"] + first["width"]
    # Every region of the page lies inside the viewport's width: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    expect(page.locator("section.compare-analysis")).to_contain_text("The edition’s analysis")
    screenshot(page, "compare-theme", full_page=True)


def test_the_matrix_is_read_and_scrolled_on_any_screen(page: Page, server):
    page.goto(f"{server}/compare/")
    matrix = page.get_by_role("region", name="The themes, author by author")
    expect(matrix).to_be_visible()
    rows = matrix.locator("tbody tr")
    assert rows.count() >= 8
    expect(page.get_by_role("columnheader", name=re.compile(r"^Toucas"))).to_be_visible()
    # On a phone the table scrolls inside its region, which takes the keyboard's focus.
    matrix.focus()
    expect(matrix).to_be_focused()
    if is_phone(page):
        assert matrix.evaluate("el => el.scrollWidth > el.clientWidth")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.querySelector('.compare-matrix').scrollLeft > 0")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    screenshot(page, "compare-overview")
