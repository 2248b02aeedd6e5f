"""A teacher's links in a real browser: deep links are marked, copy-link puts the URL on the
clipboard with a visible confirmation, notes link both ways and preview on hover."""

import re

from tests.browser.journeys import DRAW_ALL, VIEWPORTS, viewport_context_args  # noqa: F401  (every test at desktop and phone size)
import pytest
from playwright.sync_api import Page, expect


def test_deep_link_scrolls_to_and_marks_the_paragraph(page: Page, server):
    page.goto(f"{server}/essays/toucas/#toucas-p12")
    target = page.locator("#toucas-p12")
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == "toucas-p12"
    marked = target.evaluate("el => getComputedStyle(el).backgroundColor")
    plain = page.locator("#toucas-p11").evaluate("el => getComputedStyle(el).backgroundColor")
    assert marked != plain and marked not in ("rgba(0, 0, 0, 0)", "transparent")


def test_paragraph_number_is_a_link_to_itself(page: Page, server):
    page.goto(f"{server}/essays/fedasiuk/")
    number = page.get_by_role("link", name="Link to paragraph 5", exact=True)
    expect(number).to_be_visible()
    number.click()
    expect(page).to_have_url(re.compile(r"/essays/fedasiuk/#fedasiuk-p5$"))
    assert page.evaluate("document.querySelector(':target').id") == "fedasiuk-p5"


def test_copy_link_puts_the_full_url_on_the_clipboard(page: Page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/essays/toucas/")
    button = page.get_by_role("button", name="Copy link to paragraph 12", exact=True)
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/essays/toucas/#toucas-p12"
    expect(button).to_have_attribute("data-copied", "true")
    confirmation = button.evaluate("el => getComputedStyle(el, '::after').content")
    assert confirmation == '"Copied"'
    expect(page.locator("[data-edition-live]")).to_contain_text("Link to ¶ 12 copied")


def test_heading_link_can_be_copied_with_the_keyboard(page: Page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/essays/toucas/")
    button = page.get_by_role("button", name="Copy link to section 2", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("data-copied", "true")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/essays/toucas/#toucas-h2"


def test_note_marker_goes_to_the_note_and_back(page: Page, server):
    page.goto(f"{server}/essays/toucas/")
    page.locator("a.footnote-ref[href='#fn:toucas-n2']").click()
    expect(page).to_have_url(re.compile(r"#fn:toucas-n2$"))
    # The note in the notes list (on touch screens Material's note preview may hold a copy of it).
    note = page.locator(".md-content li[id='fn:toucas-n2'] > #toucas-n2")
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text("Robert M. Gates, Duty")
    page.locator("li[id='fn:toucas-n2'] a.footnote-backref").click()
    expect(page).to_have_url(re.compile(r"#fnref:toucas-n2$"))
    expect(page.locator("sup[id='fnref:toucas-n2']")).to_be_in_viewport()


def test_note_preview_on_hover(page: Page, server):
    page.goto(f"{server}/essays/fedasiuk/")
    page.locator("a.footnote-ref[href='#fn:fedasiuk-n14']").hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="note 14 is not in this edition")
    expect(tooltip.first).to_be_visible()


def test_without_scripts_no_dead_control_is_offered(browser, server):
    """A reader without JavaScript keeps the paragraph numbers (links) and the note links, and
    is not shown copy or cite buttons that could do nothing; with scripts they are there."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/essays/toucas/#toucas-p12")
    expect(page.locator("#toucas-p12 a.passage-link")).to_be_visible()
    for selector in ("#toucas-p12 .passage-copy", "#toucas-p12 .passage-cite", ".edition-cite__copy >> nth=0"):
        expect(page.locator(selector)).to_be_hidden()
    page.locator("details.edition-cite > summary").click()
    expect(page.locator(".edition-cite__copy").first).to_be_hidden()
    context.close()
    scripted = browser.new_context()
    page = scripted.new_page()
    page.goto(f"{server}/essays/toucas/#toucas-p12")
    page.locator("#toucas-p12").hover()
    expect(page.locator("#toucas-p12 .passage-copy")).to_be_visible()
    expect(page.locator("#toucas-p12 .passage-cite")).to_be_visible()
    scripted.close()


# Every passage's number and box, each paragraph drawn first: the stylesheet lets the browser skip
# paragraphs far from the screen (content-visibility), whose boxes are then only estimates.
POSITIONS = """() => {
  const style = document.createElement('style');
  style.textContent = '""" + DRAW_ALL + """';
  document.head.appendChild(style);  /* measuring then lays everything out: no frame needed */
  return Array.from(document.querySelectorAll('article.essay .passage')).map(el => {
  const link = el.querySelector('.passage-link').getBoundingClientRect();
  const box = el.getBoundingClientRect();
  return [el.id, Math.round(link.x * 4) / 4, Math.round(link.y * 4) / 4,
          Math.round(box.height * 4) / 4, el.querySelectorAll('.passage-tools > button').length];
  });
}"""


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_nothing_moves_when_the_script_adds_the_passage_buttons(browser, server, size):
    """The buttons come with the script (edition.js), into the place the stylesheet keeps for
    them: every number and every passage is where it was without them, at both sizes."""
    laid_out = {}
    for scripts in (False, True):
        context = browser.new_context(**VIEWPORTS[size], java_script_enabled=scripts)
        page = context.new_page()
        page.goto(f"{server}/essays/toucas/")
        if scripts:
            expect(page.locator(".passage-tools--ready")).to_have_count(page.locator(".passage-tools").count())
        laid_out[scripts] = page.evaluate(POSITIONS)
        context.close()
    without, scripted = laid_out[False], laid_out[True]
    assert len(without) == len(scripted) > 30
    assert all(p[4] == 0 for p in without) and all(p[4] in (1, 2) for p in scripted)
    assert sum(p[4] == 2 for p in scripted) == 26 + 6  # paragraphs and notes can also be cited
    moved = [(a, b) for a, b in zip(without, scripted) if a[:4] != b[:4]]
    assert not moved, moved[:5]


# Whether a click at the middle of a passage's margin number reaches it (nothing covers or clips it).
NUMBER_TAKES_CLICKS = """(pid) => { const link = document.getElementById(pid).querySelector('.passage-link');
    const r = link.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === link; }"""


@pytest.mark.parametrize("pid", ["toucas-p12", "toucas-n3", "toucas-c3", "toucas-h2", "fedasiuk-n14"])
def test_margin_numbers_are_painted_and_take_clicks(page: Page, server, pid):
    """Each kind of passage's margin number, outside the text column, is painted and is what a
    click at its place reaches (nothing covers or clips it)."""
    essay = pid.split("-")[0]
    page.goto(f"{server}/essays/{essay}/#{pid}")
    link = page.locator(f"[id='{pid}'] .passage-link").first
    expect(link).to_be_in_viewport()
    assert page.evaluate(NUMBER_TAKES_CLICKS, pid), f"the number of {pid} is hidden or clipped"


# Each margin control of one passage (scrolled to), and whether a point just inside each of its
# corners reaches it: a control clipped by its passage's box (content-visibility clips to it,
# edition.css) or covered by a neighbour fails at a corner.
CONTROLS_WHOLE = """(id) => {
  const passage = document.getElementById(id);
  passage.scrollIntoView({block: 'center'});
  return [...passage.querySelectorAll(':scope > .passage-tools > *, :scope > .passage-tools > .compare-links > a')].map(el => {
    const r = el.getBoundingClientRect();
    const corners = [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
    const whole = corners.every(([x, y]) => { const at = document.elementFromPoint(x, y); return at && el.contains(at); });
    return {what: el.className || el.tagName, whole, width: r.width, height: r.height};
  });
}"""


@pytest.mark.parametrize("essay", ["toucas", "fedasiuk"])
def test_every_margin_control_is_whole_and_takes_clicks(page: Page, server, essay):
    """Every passage's number, buttons, annotation count and links to comparisons, one passage after another as a
    reader scrolls to it, is painted whole and reached by a click anywhere on it."""
    page.goto(f"{server}/essays/{essay}/")
    expect(page.locator(".passage-tools--ready")).to_have_count(page.locator(".passage-tools").count())
    ids = page.evaluate("[...document.querySelectorAll('.essay-text .passage[id]')].map(el => el.id)")
    assert len(ids) > 30
    broken = []
    for pid in ids:
        for control in page.evaluate(CONTROLS_WHOLE, pid):
            if not control["whole"] or control["width"] < 8 or control["height"] < 8:
                broken.append(f"{pid}: {control}")
    assert not broken, "\n".join(broken[:10])


# Whether an element is drawn: false inside a block the browser skips for now (content-visibility).
DRAWN = "(sel) => document.querySelector(sel).checkVisibility({contentVisibilityAuto: true})"


def test_the_notes_and_apparatus_are_drawn_when_a_reader_reaches_them(page: Page, server):
    """As the page loads, the blocks far down it (the notes, the textual apparatus) are not
    drawn: the browser skips styling and laying them out (content-visibility, edition.css), as it
    does the paragraphs there, while the top of the essay is. A note reference brings its note on
    screen, drawn, its number painted and taking clicks; the apparatus is drawn when scrolled to."""
    page.goto(f"{server}/essays/toucas/")
    expect(page.locator(".passage-tools--ready")).to_have_count(page.locator(".passage-tools").count())
    assert page.evaluate(DRAWN, "#toucas-s1 .passage-link")
    for far in ("[id='fn:toucas-n3'] p", ".edition-editorial p", "#toucas-p26 .passage-link"):
        assert not page.evaluate(DRAWN, far), f"{far} is drawn before a reader comes near it"
    page.locator("a.footnote-ref[href='#fn:toucas-n3']").click()
    note = page.locator("[id='fn:toucas-n3']")
    expect(note).to_be_in_viewport()
    assert page.evaluate(DRAWN, "[id='fn:toucas-n3'] .passage-link")
    assert page.evaluate(NUMBER_TAKES_CLICKS, "toucas-n3"), "the number of note 3 is hidden or clipped"
    page.locator(".edition-editorial p").first.scroll_into_view_if_needed()
    expect(page.locator(".edition-editorial p").first).to_be_in_viewport()
    assert page.evaluate(DRAWN, ".edition-editorial p")


def test_a_passage_button_gets_its_hint_on_hover(page: Page, server):
    page.goto(f"{server}/essays/toucas/")
    button = page.locator("#toucas-p12 .passage-copy")
    assert button.get_attribute("title") is None, "no title (and no Material tooltip) at load"
    page.locator("#toucas-p12").hover()
    button.hover()
    expect(button).to_have_attribute("title", "Copy link to paragraph 12")
    cite = page.locator("#toucas-p12 .passage-cite")
    cite.hover()
    expect(cite).to_have_attribute("title", "Cite paragraph 12")
