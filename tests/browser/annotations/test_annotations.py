"""The annotation layer in a real browser, at desktop and phone size: a marker opens its note
beside the passage (mouse, touch, keyboard), Escape closes it; the layer can be hidden, and
stays hidden across pages and visits; it can be filtered by motivation and by tag; an
annotation's page leads back to its highlighted words; nothing moves as the layer's controls
appear; without the script each marker is a link to the annotation's page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.journeys import is_phone, screenshot, viewport_context_args  # noqa: F401  (desktop and phone)

ESSAY = "/essays/toucas/"


def first_marker(page: Page):
    return page.locator(".annotation-marker a").first


def note_of(page: Page, marker):
    return page.locator(f"#{marker.get_attribute('aria-controls')}")


def test_a_marker_opens_its_note_beside_the_passage(page: Page, server):
    page.goto(server + ESSAY)
    marker = first_marker(page)
    expect(marker).to_have_attribute("aria-expanded", "false")
    note = note_of(page, marker)
    expect(note).to_be_hidden()
    marker.tap() if is_phone(page) else marker.click()
    expect(note).to_be_visible()
    expect(marker).to_have_attribute("aria-expanded", "true")
    expect(page).to_have_url(re.compile(re.escape(ESSAY) + "$"))  # it opened in place
    expect(note.locator(".annotation-note__body")).not_to_be_empty()
    screenshot(page, "annotation-note-open")
    marker.tap() if is_phone(page) else marker.click()
    expect(note).to_be_hidden()


def test_the_notes_are_fetched_once_when_a_note_is_first_opened(page: Page, server):
    asked = []
    page.on("request", lambda request: asked.append(request.url) if request.url.endswith("/notes.json") else None)
    page.goto(server + ESSAY)
    page.wait_for_load_state("networkidle")
    assert asked == [], "nothing is fetched before a note is opened"
    markers = page.locator(".annotation-marker a")
    for i in (0, 1):
        marker = markers.nth(i)
        marker.scroll_into_view_if_needed()
        marker.tap() if is_phone(page) else marker.click()
        expect(note_of(page, marker).locator(".annotation-note__body p").first).to_be_visible()
    assert asked == [server + ESSAY + "notes.json"]


def test_a_note_that_cannot_be_fetched_says_so_and_links_to_its_page(page: Page, server):
    page.route("**/notes.json", lambda route: route.abort())
    page.goto(server + ESSAY)
    marker = first_marker(page)
    note = note_of(page, marker)
    marker.tap() if is_phone(page) else marker.click()
    expect(note).to_contain_text("This note could not be loaded here.")
    expect(note.get_by_role("link", name="Read it on its page")).to_have_attribute("href", marker.get_attribute("href"))
    page.unroute("**/notes.json")
    for _ in range(2):  # closed, then opened again: it tries again
        marker.tap() if is_phone(page) else marker.click()
    expect(note.locator(".annotation-note__body")).not_to_be_empty()


def test_the_keyboard_opens_and_closes_a_note(page: Page, server):
    page.goto(server + ESSAY)
    marker = first_marker(page)
    note = note_of(page, marker)
    marker.focus()
    page.keyboard.press("Enter")
    expect(note).to_be_visible()
    page.keyboard.press("Escape")
    expect(note).to_be_hidden()
    expect(marker).to_be_focused()
    page.keyboard.press(" ")
    expect(note).to_be_visible()


def test_the_layer_hides_and_stays_hidden_across_pages_and_visits(page: Page, server):
    page.goto(server + ESSAY)
    toggle = page.get_by_role("button", name="Show annotations")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    mark = page.locator("mark.annotation-mark").first
    shown = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(first_marker(page)).to_be_hidden()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != shown
    page.reload()
    expect(page.get_by_role("button", name="Show annotations")).to_have_attribute("aria-pressed", "false")
    expect(first_marker(page)).to_be_hidden()
    page.goto(server + "/essays/fedasiuk/")
    expect(page.locator(".annotation-marker a").first).to_be_hidden()
    page.get_by_role("button", name="Show annotations").click()
    expect(page.locator(".annotation-marker a").first).to_be_visible()
    page.goto(server + ESSAY)
    expect(first_marker(page)).to_be_visible()


def test_the_layer_filters_by_motivation_and_by_tag(page: Page, server):
    # The essay whose annotations have more than one motivation (a filter of one is not shown).
    for essay in (ESSAY, "/essays/fedasiuk/"):
        page.goto(server + essay)
        markers = page.locator(".annotation-marker a")
        motivations = sorted(set(markers.evaluate_all("ms => ms.map(m => m.dataset.motivation)")))
        if len(motivations) > 1:
            break
    else:
        raise AssertionError("no essay has annotations of two motivations to filter")
    total = markers.count()
    select = page.get_by_label("Motivation", exact=True)
    select.select_option(motivations[0])
    wanted = page.locator(f".annotation-marker a[data-motivation='{motivations[0]}']")
    others = page.locator(f".annotation-marker a:not([data-motivation='{motivations[0]}'])")
    expect(wanted.first).to_be_visible()
    if others.count():
        expect(others.first).to_be_hidden()
    expect(page.locator("[data-annotation-status]")).to_have_text(f"{wanted.count()} shown")
    select.select_option("")
    expect(page.locator("[data-annotation-status]")).to_have_text(f"{total} shown")
    tags = page.get_by_label("Tag", exact=True)
    tag = tags.locator("option").nth(1).get_attribute("value")
    tags.select_option(tag)
    tagged = page.locator(".annotation-marker a").filter(has=page.locator("xpath=self::*[contains(concat(' ', @data-tags, ' '), ' %s ')]" % tag))
    expect(page.locator("[data-annotation-status]")).to_have_text(f"{tagged.count()} shown")
    screenshot(page, "annotations-filtered")


def test_an_annotations_page_leads_back_to_its_highlighted_words(page: Page, server):
    page.goto(server + "/annotations/")
    page.locator("ol.annotation-index a").first.click()
    expect(page.locator("h1")).to_contain_text("Annotation on ")
    screenshot(page, "annotation-page")
    page.get_by_role("link", name="Read it in context").click()
    expect(page).to_have_url(re.compile(r"/essays/\w+/#annotation-"))
    target = page.locator(":target")
    expect(target).to_be_in_viewport()
    assert target.evaluate("el => el.tagName") == "MARK"


def test_nothing_moves_as_the_layers_controls_appear(page: Page, server):
    page.goto(server + ESSAY)
    page.wait_for_load_state("load")
    expect(page.get_by_role("button", name="Show annotations")).to_be_visible()
    shift = page.evaluate("""() => new Promise(resolve => {
        let total = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
            .observe({type: "layout-shift", buffered: true});
        setTimeout(() => resolve(total), 500);
    })""")
    assert shift == 0


def test_without_the_script_a_marker_is_a_link_to_its_page(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + ESSAY)
        marker = first_marker(page)
        href = marker.get_attribute("href")
        assert re.search(r"annotations/.+/$", href) and marker.get_attribute("aria-expanded") is None
        expect(page.locator("aside.annotation-note").first).to_be_hidden()
        expect(page.get_by_role("button", name="Show annotations")).to_have_count(0)
        marker.click()
        expect(page.locator("h1")).to_contain_text("Annotation on ")
    finally:
        context.close()
