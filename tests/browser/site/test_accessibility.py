"""axe-core (the release pinned in package.json: tests/browser/axe.py) in a real Chromium on
every page type of the built site, light and dark palettes: zero violations of any impact
(axe's default rules: WCAG 2 A/AA and best practices, plus WCAG 2.2 target-size).

Page types are discovered from the built site (scripts/publishing/pagetypes.py: discover), so a new kind of page is
covered the day it appears. Fixes to upstream Material live in overrides/ (the accessibility
section of assets/edition.css, partials/search.html)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from tests.browser.axe import PINNED, describe, violations
from tests.browser.journeys import VIEWPORTS, color_scheme, pages_to_check, representatives

SCHEMES = {"light": "default", "dark": "slate"}


def test_the_audits_run_the_pinned_axe_release(page, server):
    """The rules that run are axe-core's pinned release (4.14 or later: it has WCAG 2.5.3's
    label-content-name-mismatch), not an older copy."""
    page.goto(f"{server}/")
    violations(page)
    running = page.evaluate("window.axe.version")
    print(f"axe-core {running}")
    assert running == PINNED
    assert tuple(int(n) for n in running.split(".")[:2]) >= (4, 14)
    rules = page.evaluate("window.axe.getRules().map(r => r.ruleId)")
    assert "label-content-name-mismatch" in rules


def audit(browser, server, pages, palette, viewport) -> list[str]:
    context = browser.new_context(color_scheme=palette, **VIEWPORTS[viewport])
    page = context.new_page()
    problems = []
    try:
        for kind, path in pages:
            page.goto(server + path)
            page.wait_for_load_state("load")
            assert color_scheme(page) == SCHEMES[palette], f"{path}: palette {palette} not applied"
            problems += describe(f"{kind} {path} [{palette}, {viewport}]", violations(page))
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("palette", list(SCHEMES))
def test_every_page_type_has_no_axe_violations_on_desktop(browser, server, site, palette):
    pages = pages_to_check(site)
    assert {kind for kind, _ in pages} >= {"home", "essays", "about", "404"}
    problems = audit(browser, server, pages, palette, "desktop")
    assert not problems, "axe violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("palette", list(SCHEMES))
def test_every_page_type_has_no_axe_violations_on_a_phone(browser, server, site, palette):
    pages = sorted(representatives(site).items())
    problems = audit(browser, server, pages, palette, "phone")
    assert not problems, "axe violations:\n" + "\n".join(problems)


def test_axe_reports_what_bare_material_gets_wrong(page, server):
    """The check can fail: undo two of the fixes in the page and axe reports them."""
    page.goto(f"{server}/essays/toucas/")
    page.evaluate("""() => {
        document.querySelector('.md-search').removeAttribute('aria-label');
        document.querySelector('.md-copyright').style.color = 'hsla(0, 0%, 100%, 0.45)';
    }""")
    found = {v["id"] for v in violations(page)}
    assert {"aria-dialog-name", "color-contrast"} <= found


def test_essay_skip_link_goes_to_the_essay_title(site):
    """Material's skip link goes to the first toc entry; on essays that is the title (the essay
    text begins after it), not the first section heading or the notes."""
    import lxml.html

    for path in sorted((site / "essays").glob("*/index.html")):
        root = lxml.html.parse(str(path)).getroot()
        assert root.xpath("//a[@class='md-skip']/@href") == ["#title"], path
        assert root.xpath("//h1[@id='title']"), path


@contextmanager
def essay_in(browser, server, palette):
    """The Toucas essay at desktop size in ``palette``, its context closed afterwards."""
    context = browser.new_context(color_scheme=palette, **VIEWPORTS["desktop"])
    try:
        page = context.new_page()
        page.goto(f"{server}/essays/toucas/")
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("palette", list(SCHEMES))
def test_the_open_citation_controls_have_no_axe_violations(browser, server, palette):
    """The "Cite this" panel opened, and the dialog that cites one paragraph, in both palettes."""
    with essay_in(browser, server, palette) as page:
        page.locator("details.edition-cite > summary").click()
        problems = describe(f"cite panel [{palette}]", violations(page))
        page.get_by_role("button", name="Cite paragraph 12", exact=True).click()
        page.locator("dialog.edition-cite-dialog").wait_for()
        problems += describe(f"cite dialog [{palette}]", violations(page))
    assert not problems, "axe violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("palette", list(SCHEMES))
def test_the_annotation_layer_shown_with_a_note_open_has_no_axe_violations(browser, server, palette):
    """The layer shown, its controls made, a note open, then filtered, in both palettes."""
    with essay_in(browser, server, palette) as page:
        page.get_by_role("button", name="Show annotations").wait_for()
        page.locator(".annotation-marker a").first.click()
        page.locator("aside.annotation-note:not([hidden]) .annotation-note__body").first.wait_for()  # fetched, filled
        problems = describe(f"annotation note open [{palette}]", violations(page))
        page.get_by_role("button", name="Show annotations").click()
        problems += describe(f"annotation layer hidden [{palette}]", violations(page))
    assert not problems, "axe violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("palette", list(SCHEMES))
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_syllabus_builder_in_use_and_the_range_tool_have_no_axe_violations(browser, server, palette, size):
    """The teachers' page with a syllabus in its address (the list, its remove buttons, the output)
    and the range tools made, in both palettes and at both sizes."""
    context = browser.new_context(color_scheme=palette, **VIEWPORTS[size])
    try:
        page = context.new_page()
        page.goto(f"{server}/teach/?syllabus=p:toucas-p4,r:toucas-h1:toucas-p11,t:arms-control,c:thaad")
        page.locator(".teach-builder__items > li").nth(3).wait_for()
        page.locator("form.teach-range a[data-teach-range]").first.wait_for()
        problems = describe(f"teachers' page in use [{palette}, {size}]", violations(page))
    finally:
        context.close()
    assert not problems, "axe violations:\n" + "\n".join(problems)


# Every element whose words are for screen readers only, and how much of it shows: its box and
# whether its text could be painted (clip-path or a 1 px box hide it).
SR_ONLY = """() => [...document.querySelectorAll('.edition-visually-hidden')].map(e => {
  const box = e.getBoundingClientRect();
  return {html: e.outerHTML.slice(0, 100), width: box.width, height: box.height,
          clip: getComputedStyle(e).clipPath};
})"""


def test_words_for_screen_readers_only_are_not_shown(browser, server, site):
    """An annotation count reads "2 annotations" to a screen reader and shows "✎2"; a citation
    link says "bibliography entry" and shows "↗": the spoken words take no room on the page (a
    class Material does not define once let them show in the margin)."""
    context = browser.new_context(**VIEWPORTS["desktop"])
    page = context.new_page()
    found, shown = 0, []
    try:
        for kind, path in sorted(representatives(site).items()):
            page.goto(server + path)
            for el in page.evaluate(SR_ONLY):
                found += 1
                if el["width"] > 1 or el["height"] > 1 or el["clip"] in ("none", ""):
                    shown.append(f"{kind} {path}: {el}")
        page.goto(f"{server}/essays/toucas/")
        count = page.locator(".annotation-count").first  # "✎1" wide, not "1 annotation✎1"
        assert count.bounding_box()["width"] < 40, count.bounding_box()
    finally:
        context.close()
    assert found >= 3, found
    assert not shown, "\n".join(shown)
