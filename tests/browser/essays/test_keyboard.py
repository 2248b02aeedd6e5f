"""Keyboard readers: every control is reachable with Tab and operable, focus is always visible,
the skip link works, and the edition's passage controls have accessible names."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

# What the focused element is, whether :focus-visible shows (its own outline or box-shadow, or
# for Material's palette radio the label that stands for it), and its accessible name's source.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const shown = el => {
    if (!el) return false;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return outline || s.boxShadow !== 'none';
  };
  const label = e.classList.contains('md-option') ? e.nextElementSibling : null;
  const kind = ['md-skip', 'md-option', 'md-search__input', 'passage-link', 'passage-copy',
                'footnote-ref', 'footnote-backref', 'md-nav__link']
    .find(c => e.classList.contains(c)) || e.tagName.toLowerCase();
  const name = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('title') || '').trim();
  const box = (label || e).getBoundingClientRect();
  return {kind, name, visible: e.matches(':focus-visible') && (shown(e) || shown(label)),
          onScreen: box.width > 0 && box.height > 0,
          where: e.outerHTML.slice(0, 120)};
}"""


def tab_through(page: Page, limit: int = 500) -> list[dict]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (seen and focused["where"] == seen[0]["where"]):
            break
        seen.append(focused)
    return seen


def test_every_control_of_an_essay_is_reachable_with_visible_focus(page: Page, server):
    page.goto(f"{server}/essays/toucas/")
    stops = tab_through(page)
    kinds = {s["kind"] for s in stops}
    assert {"md-skip", "md-option", "md-search__input", "passage-link", "passage-copy",
            "footnote-ref", "footnote-backref", "md-nav__link"} <= kinds, kinds
    assert stops[0]["kind"] == "md-skip", "the skip link is the first stop"
    invisible = [s["where"] for s in stops if not s["visible"]]
    assert not invisible, f"focus not visible on: {invisible[:5]}"
    unnamed = [s["where"] for s in stops if not s["name"]]
    assert not unnamed, f"controls without a name: {unnamed[:5]}"
    offscreen = [s["where"] for s in stops if not s["onScreen"]]
    assert not offscreen, f"focus on something not shown: {offscreen[:5]}"
    numbers = [s for s in stops if s["kind"] == "passage-link"]
    copies = [s for s in stops if s["kind"] == "passage-copy"]
    assert len(numbers) == len(copies) == page.locator("article.essay .passage-copy").count()


def test_focus_check_can_fail(page: Page, server):
    """The visible-focus check is real: strip the outline and it reports the control."""
    page.goto(f"{server}/essays/toucas/")
    page.add_style_tag(content=".passage-copy:focus-visible { outline: none !important; }")
    stops = tab_through(page, limit=40)
    assert any(s["kind"] == "passage-copy" and not s["visible"] for s in stops)


def test_skip_link_moves_to_the_essay(page: Page, server):
    page.goto(f"{server}/essays/fedasiuk/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text(re.compile("Skip to content"))
    expect(skip).not_to_have_css("opacity", "0")  # waits out Material's fade-in transition
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#title$"))
    expect(page.locator("#title")).to_be_in_viewport()
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('article.essay')")
    assert inside, "after skipping, the next Tab stop is in the essay, not the site chrome"


def test_controls_are_operable_from_the_keyboard(page: Page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/essays/toucas/")
    # Paragraph number: Enter follows it.
    page.get_by_role("link", name="Link to paragraph 3", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#toucas-p3$"))
    # Copy control: Space copies (Enter is covered in test_passage_links).
    page.get_by_role("button", name="Copy link to paragraph 3", exact=True).focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Copy link to paragraph 3", exact=True)).to_have_attribute("data-copied", "true")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/essays/toucas/#toucas-p3"
    # Note marker and its way back.
    page.locator("a.footnote-ref[href='#fn:toucas-n1']").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#fn:toucas-n1$"))
    page.locator("li[id='fn:toucas-n1'] a.footnote-backref").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#fnref:toucas-n1$"))
    # Palette toggle.
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component='palette'] label:visible").evaluate("l => l.previousElementSibling.focus()")
    page.keyboard.press("Enter")
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}
    # Search (on a fresh page): Tab to the field, type, choose a result with the arrows, follow it.
    page.goto(f"{server}/essays/toucas/")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    page.keyboard.type("Aegis Ashore")
    first = page.locator(".md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"\?h=aegis\+ashore"))
    on_result = "document.activeElement.classList.contains('md-search-result__link')"
    for _ in range(10):  # the results may still be re-rendering after the last keystroke
        page.keyboard.press("ArrowDown")
        if page.evaluate(on_result):
            break
        page.wait_for_timeout(200)
    assert page.evaluate(on_result), "the arrow keys reach the search results"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?h=aegis\+ashore"))


def test_passage_controls_have_accessible_names(page: Page, server):
    page.goto(f"{server}/essays/fedasiuk/")
    links, buttons = page.locator("a.passage-link"), page.locator("button.passage-copy")
    assert links.count() == buttons.count() > 20
    for i in range(links.count()):
        label = links.nth(i).get_attribute("aria-label") or ""
        assert re.fullmatch(r"Link to .+", label), label
        assert buttons.nth(i).get_attribute("aria-label") == label.replace("Link to", "Copy link to", 1)
    expect(page.get_by_role("link", name="Link to paragraph 1", exact=True)).to_have_count(1)
    expect(page.get_by_role("button", name="Copy link to paragraph 1", exact=True)).to_have_count(1)
