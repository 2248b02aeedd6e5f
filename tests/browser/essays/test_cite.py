"""Citing in a real browser: "Cite this" opens and shows Chicago, APA and MLA with the page's
address, a citation is copied, and "cite this paragraph" gives ¶ 12 with its address."""

import datetime
import re

from playwright.sync_api import Page, expect

from tests.browser.journeys import screenshot


def today(style: str) -> str:
    """Today as each style writes an access date (the page's script fills it in)."""
    d = datetime.date.today()
    if style == "mla":
        months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
        return f"{d.day} {months[d.month - 1]} {d.year}"
    return f"{d:%B} {d.day}, {d.year}"


def test_cite_this_opens_shows_the_styles_and_copies(page: Page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/essays/toucas/")
    page.get_by_text("Cite this", exact=True).click()
    panel = page.locator("details.edition-cite")
    for style in ("Chicago", "APA", "MLA"):
        expect(panel.get_by_role("heading", name=style, exact=True)).to_be_visible()
    edition = panel.locator("[data-cite-style='chicago'][data-cite-kind='this edition'] .edition-cite__text")
    expect(edition).to_contain_text(f"{server}/essays/toucas/")
    panel.get_by_role("button", name="Copy the Chicago citation of this edition").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == ("Toucas, Boris. n.d. “Ballistic Missile Defense: Proceed With Caution.” "
                      f"Missile Defense Essays. Accessed {today('chicago')}. {server}/essays/toucas/.")
    apa = panel.locator("[data-cite-style='apa'][data-cite-kind='this edition'] .edition-cite__text")
    expect(apa).to_contain_text(f"Retrieved {today('apa')}, from {server}/essays/toucas/")
    mla = panel.locator("[data-cite-style='mla'][data-cite-kind='this edition'] .edition-cite__text")
    expect(mla).to_have_text(re.compile(r"“Ballistic Missile Defense: Proceed With Caution\.” Missile Defense Essays, "
                                        + re.escape(f"{server}/essays/toucas/. Accessed {today('mla')}.")))
    expect(mla.locator("em")).to_have_text("Missile Defense Essays")
    expect(page.locator("[data-edition-live]")).to_contain_text("Citation copied")


def test_cite_this_paragraph_gives_locator_and_paragraph_address(page: Page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/essays/toucas/")
    page.get_by_role("button", name="Cite paragraph 12", exact=True).click()
    dialog = page.locator("dialog.edition-cite-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("heading", name="Cite paragraph 12")).to_be_visible()
    expect(dialog.locator("[data-cite-style='chicago']")).to_contain_text("(Toucas, n.d., para. 12)")
    expect(dialog.locator("[data-cite-style='mla']")).to_contain_text("par. 12")
    dialog.get_by_role("button", name="Copy the Chicago citation of paragraph 12, reference").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        f"Accessed {today('chicago')}. {server}/essays/toucas/#toucas-p12.")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()


def test_a_released_version_cites_itself_dated_and_pinned(page: Page, released):
    """On /latest/ (an alias that moves), citations give the page in its own version, 1.1, with
    the version and its release date (docs/published.json), and no access date placeholder."""
    url = released["url"]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page.goto(f"{url}latest/essays/toucas/")
    page.get_by_role("button", name="Cite paragraph 12", exact=True).click()
    dialog = page.locator("dialog.edition-cite-dialog")
    chicago = dialog.locator("[data-cite-style='chicago']")
    year = released["dates"]["1.1"][:4]
    expect(chicago).to_contain_text(f"(Toucas {year}, para. 12)")
    expect(chicago).to_contain_text("Version 1.1.")
    expect(chicago).to_contain_text(f"{url}1.1/essays/toucas/#toucas-p12")
    expect(chicago).not_to_contain_text("date you read")
    screenshot(page, "cite-paragraph-12-released")
    dialog.get_by_role("button", name="Copy the Chicago citation of paragraph 12, reference").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"Missile Defense Essays, "
        f"{_month_day(released['dates']['1.1'])}. {url}1.1/essays/toucas/#toucas-p12.")


def _month_day(iso: str) -> str:
    d = datetime.date.fromisoformat(iso)
    return f"{d:%B} {d.day}"
