"""The journey harness: page types found in the built site, the two viewports, and the helpers
journeys share.

Adding a page type's journey takes a few lines:

1. If the page type needs a particular page, add it to ``REPRESENTATIVE`` (type -> URL path);
   otherwise the first page of the type is used. Types are discovered from the built site
   (scripts/publishing/pagetypes.py), so accessibility, privacy and screenshots cover a new type the day it exists.
2. Write the journey in a test module that imports ``viewport_context_args``: every test in that
   module then runs at desktop and phone size (``page`` is opened in the chosen viewport), e.g.

       from tests.browser.journeys import viewport_context_args  # noqa: F401  (desktop and phone)

       def test_reader_sees_the_bibliography(page, server):
           page.goto(f"{server}/bibliography/")
           expect(page.get_by_role("heading", level=1)).to_be_visible()
           screenshot(page, "bibliography-journey")
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from scripts.publishing import pagetypes

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-results" / "screenshots"  # git-ignored; CI may upload it

# A stylesheet that has the browser draw every block of an essay (paragraphs, captions, notes,
# apparatus): edition.css lets it skip those far from the screen (content-visibility), whose
# boxes are then only estimates. For tests that measure the whole page at once.
DRAW_ALL = ".essay-text > * { content-visibility: visible !important; }"

VIEWPORTS: dict[str, dict] = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}

# A page type's representative page when it should not simply be the first one found.
REPRESENTATIVE: dict[str, str] = {"essays": "/essays/toucas/", "concepts": "/concepts/thaad/"}

# At most this many pages of one type are checked page by page (axe, privacy); all are
# discovered, so every type is covered however many pages it has.
PER_TYPE = 3


@pytest.fixture(params=list(VIEWPORTS), name="browser_context_args")
def viewport_context_args(request, browser_context_args):
    """Import into a test module to run each of its tests at desktop and at phone size."""
    return {**browser_context_args, **VIEWPORTS[request.param]}


def pages_to_check(site: Path, per_type: int = PER_TYPE) -> list[tuple[str, str]]:
    """(type, URL path) for up to ``per_type`` pages of every type (scripts/publishing/pagetypes.py)."""
    return pagetypes.choose(site, per_type, REPRESENTATIVE)


def representatives(site: Path) -> dict[str, str]:
    """One page per type."""
    return dict(pages_to_check(site, per_type=1))


def viewport_name(page: Page) -> str:
    width = page.viewport_size["width"] if page.viewport_size else 0
    return next((name for name, args in VIEWPORTS.items() if args["viewport"]["width"] == width), f"w{width}")


def screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    """Save a screenshot as a test artifact: test-results/screenshots/<name>-<viewport>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    path = SCREENSHOTS / f"{safe}-{viewport_name(page)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def is_phone(page: Page) -> bool:
    return viewport_name(page) == "phone"


def color_scheme(page: Page) -> str:
    """Material's palette in use: ``default`` (light) or ``slate`` (dark)."""
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def toggle_palette(page: Page) -> None:
    """Switch light/dark with Material's toggle, as a visitor does (the visible label)."""
    page.locator("form[data-md-component='palette'] label:visible").first.click()


def open_search(page: Page) -> None:
    """Open Material's search: the header field on desktop, the magnifier button on a phone."""
    if is_phone(page):
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").wait_for(state="visible")
