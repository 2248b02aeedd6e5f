"""Citing in a real browser: "Cite this" opens and shows Chicago, APA and MLA with the page's
address, a citation is copied, and "cite this paragraph" gives ¶ 12 with its address."""

from playwright.sync_api import Page, expect


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
                      f"Missile Defense Essays. {server}/essays/toucas/.")
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
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"{server}/essays/toucas/#toucas-p12.")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
