"""What happened next in a real browser, at desktop and phone size: in an essay, the layer
filtered to the notes on what happened next; a forecast's note opened from its marker, dated,
naming its outcome; by keyboard to its entry on the scorecard, marked, and from there back to
the passage; the scorecard's charts and entries within the screen's width on a phone."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.journeys import is_phone, screenshot, viewport_context_args  # noqa: F401  (desktop and phone)

TAG = "what-happened-next"


def test_from_a_forecast_to_the_scorecard_and_back(page: Page, server):
    for essay in ("toucas", "fedasiuk"):
        page.goto(f"{server}/essays/{essay}/")
        page.get_by_label("Tag", exact=True).select_option(TAG)
        shown = page.locator(f".annotation-marker a[data-tags~='{TAG}']")
        others = page.locator(f".annotation-marker a:not([data-tags~='{TAG}'])")
        expect(page.locator("[data-annotation-status]")).to_have_text(f"{shown.count()} shown")
        if others.count():
            expect(others.first).to_be_hidden()
        # A note's content is in the essay's notes file until it is opened: find a forecast's note there.
        note_id = page.evaluate("""async () => { const notes = (await (await fetch('notes.json')).json()).notes;
            return Object.keys(notes).find(id => notes[id].includes('#forecast-')); }""")
        forecast = page.locator(f"#{note_id}")
        marker = page.locator(f".annotation-marker a[aria-controls='{note_id}']")
        marker.scroll_into_view_if_needed()
        marker.tap() if is_phone(page) else marker.click()
        expect(forecast).to_be_visible()
        line = forecast.locator(".hindsight-note")
        expect(line).to_contain_text(re.compile(r"^What happened next, as of November 2026 · Forecast: . "
                                                r"(Happened|Partly|Did not happen|Still open) · on the scorecard$"))
        screenshot(page, f"hindsight-note-{essay}")
        link = line.get_by_role("link", name="on the scorecard")
        link.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/hindsight/#forecast-" + essay + r"--[a-z0-9-]+$"))
        entry = page.locator("li.hindsight-forecast:target")
        expect(entry).to_be_visible()
        assert entry.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
        screenshot(page, f"hindsight-entry-{essay}")
        back = entry.locator(".hindsight-forecast__head a").first
        pid = back.get_attribute("href").split("#")[1]
        back.tap() if is_phone(page) else back.click()
        expect(page).to_have_url(re.compile(f"/essays/{essay}/#{pid}$"))
        expect(page.locator(f"#{pid}")).to_be_in_viewport()


def test_the_scorecard_reads_on_any_screen(page: Page, server):
    page.goto(f"{server}/hindsight/")
    charts = page.get_by_role("img", name=re.compile(r"^(Toucas|Fedasiuk): \d+ forecasts; "))
    expect(charts).to_have_count(2)
    for i in range(2):
        expect(charts.nth(i)).to_be_visible()
    first, second = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    if is_phone(page):
        assert second["y"] >= first["y"] + first["height"] - 1, "one above the other on a phone"
    else:
        assert abs(first["y"] - second["y"]) < 2, "side by side on a wide screen"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    entries = page.locator("li.hindsight-forecast")
    assert entries.count() >= 20
    expect(page.get_by_role("heading", name="Questions for discussion")).to_be_attached()
    screenshot(page, "hindsight-scorecard", full_page=True)
