"""The teachers' kit in a real browser, at desktop and phone size: a range link marks exactly its
paragraphs and opens at the first; the copy buttons put the right link and citation on the
clipboard; a syllabus built on the page, reloaded from its address, gives the same list."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.journeys import screenshot, viewport_context_args  # noqa: F401  (desktop and phone)


def reading_ids(records: list[dict], essay: str) -> list[str]:
    return [r["id"] for r in records if r["essay"] == essay and r["kind"] in ("standfirst", "paragraph", "heading", "caption")]


def test_a_range_link_marks_exactly_its_paragraphs(page: Page, server, records):
    ids = reading_ids(records, "toucas")
    first, last = "toucas-p4", "toucas-p9"
    expected = ids[ids.index(first):ids.index(last) + 1]
    page.goto(f"{server}/essays/toucas/?to={last}#{first}")
    marked = page.locator("[data-range]")
    expect(marked).to_have_count(len(expected))
    assert marked.evaluate_all("els => els.map(el => el.id)") == expected
    expect(page.locator(f"#{first}")).to_be_in_viewport()
    assert page.evaluate(f"document.getElementById('{first}').getBoundingClientRect().top") < 300
    screenshot(page, "teach-range-marked")
    # The same ?to= with a first passage after it is no range: nothing is marked.
    page.evaluate("location.hash = '#toucas-p12'")
    expect(page.locator("[data-range]")).to_have_count(0)
    page.evaluate("location.hash = '#toucas-p6'")
    expect(page.locator("[data-range]")).to_have_count(ids.index(last) - ids.index("toucas-p6") + 1)


def test_a_range_link_without_scripts_opens_its_first_paragraph(browser, server, records):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/essays/toucas/?to=toucas-p9#toucas-p4")
    expect(page.locator("#toucas-p4")).to_be_in_viewport()
    context.close()


def test_copy_buttons_copy_the_link_and_the_citation(page: Page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/teach/")
    row = page.locator("#teach-toucas-p4")
    link = row.locator("a[data-teach-link]").first
    row.get_by_role("button", name="Copy link: Toucas, paragraph 4").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/essays/toucas/#toucas-p4"
    assert link.get_attribute("href").endswith("essays/toucas/#toucas-p4")
    row.get_by_role("button", name="Copy the citation of ¶ 4").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert re.match(r"^\(Toucas[^)]*, para\. 4\) Toucas, Boris\. .*“Ballistic Missile Defense: Proceed With Caution\.”", copied), copied
    assert copied.endswith(f"{server}/essays/toucas/#toucas-p4."), copied
    expect(page.locator("[data-edition-live]")).to_contain_text("Citation copied")


def test_a_syllabus_lives_in_the_address(page: Page, server):
    page.goto(f"{server}/teach/")
    page.locator("#teach-toucas-p4").get_by_role("button", name="Add Toucas, ¶ 4 to the syllabus").click()
    section = page.locator("[data-item^='r:toucas-h1:']")
    section.get_by_role("button", name=re.compile(r"^Add Toucas, ¶ \d+–\d+ to the syllabus$")).click()
    page.locator("[data-item='t:arms-control']").get_by_role("button").filter(has_text="Add").click()
    page.locator("[data-item='c:thaad']").get_by_role("button").filter(has_text="Add").click()
    expect(page).to_have_url(re.compile(r"\?syllabus=p:toucas-p4,r:toucas-h1:toucas-p\d+,t:arms-control,c:thaad"))
    items = page.locator(".teach-builder__items > li")
    expect(items).to_have_count(4)
    output = page.locator(".teach-builder__output")
    markdown = output.input_value()
    assert markdown.startswith(f"1. [Toucas, ¶ 4]({server}/essays/toucas/#toucas-p4): Toucas, Boris.")
    assert "In the text: (Toucas" in markdown and "para. 4)" in markdown
    assert "[Comparison: Arms control, bargaining chips and the INF Treaty](" in markdown
    page.get_by_label("Format").select_option("html")
    html = output.input_value()
    assert html.startswith("<ol>\n  <li><a href=") and html.endswith("</ol>")
    screenshot(page, "teach-syllabus")
    listed = items.evaluate_all("els => els.map(el => el.getAttribute('data-key'))")
    page.reload()
    expect(items).to_have_count(4)
    assert items.evaluate_all("els => els.map(el => el.getAttribute('data-key'))") == listed
    page.get_by_label("Format").select_option("markdown")
    assert output.input_value() == markdown
    # Removing an item removes it from the address too.
    items.first.get_by_role("button", name=re.compile("^Remove")).click()
    expect(items).to_have_count(3)
    assert "p:toucas-p4" not in page.url


def test_the_range_tool_makes_a_link_that_marks_the_range(page: Page, server):
    page.goto(f"{server}/teach/")
    form = page.locator("form.teach-range[data-essay='fedasiuk']")
    expect(form).to_be_visible()
    form.locator("select[name=from]").select_option("fedasiuk-p2")
    form.locator("select[name=to]").select_option("fedasiuk-p5")
    link = form.locator("a[data-teach-range]")
    expect(link).to_have_text(re.compile(r"^Fedasiuk, ¶ 2–5"))
    expect(form.locator(".teach-range__cite")).to_have_text(re.compile(r"paras\. 2–5\)"))
    link.click()
    expect(page).to_have_url(re.compile(r"/essays/fedasiuk/\?to=fedasiuk-p5#fedasiuk-p2$"))
    expect(page.locator("[data-range]")).to_have_count(4)
