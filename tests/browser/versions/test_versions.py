"""The versioned site in a real browser, at desktop and phone size: after releases 1.0 and 1.1
(tests/publishing/releasing.py), the version selector says which version the reader is on and switches
to the same page, a banner on 1.0 (not `latest`) says so and leads to the same page in
`latest`, `latest` has no banner, and a missing address gets the helpful 404 page."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys import screenshot, viewport_context_args  # noqa: F401  (desktop and phone)
from scripts.bench import sites
from tests.publishing.releasing import serve

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def versions_site(released):
    return released["url"]


def test_an_old_version_says_so_and_leads_to_latest(page: Page, versions_site):
    page.goto(f"{versions_site}1.0/essays/toucas/#toucas-p12")
    expect(page.locator(".md-version__current")).to_have_text("1.0")
    banner = page.locator("[data-md-component='outdated']")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("not the latest release")
    banner.get_by_role("link", name="read this page in the latest release").click()
    expect(page).to_have_url(re.compile(r"/latest/essays/toucas/$"))
    expect(page.locator(".md-version__current")).to_have_text("1.1")
    expect(page.locator("[data-md-component='outdated']")).to_be_hidden()


def test_the_selector_lists_both_versions_and_switches_to_the_same_page(page: Page, versions_site):
    """Material maps the page across versions through the target version's sitemap.xml, which
    lists absolute addresses because the release was built with SITE_URL."""
    page.goto(f"{versions_site}latest/about/reading/")
    expect(page.locator(".md-version__current")).to_have_text("1.1")
    expect(page.locator("[data-md-component='outdated']")).to_be_hidden()
    items = page.locator(".md-version__list .md-version__link")
    expect(items).to_have_count(2)
    page.locator(".md-version__current").focus()  # the list opens on focus (or hover)
    page.locator(".md-version__list .md-version__link", has_text="1.0").click()
    expect(page).to_have_url(re.compile(r"/1\.0/about/reading/$"))
    expect(page.locator(".md-version__current")).to_have_text("1.0")
    expect(page.locator("[data-md-component='outdated']")).to_be_visible()
    screenshot(page, "version-1.0-reading")


def test_a_missing_page_offers_search_and_the_essays(page: Page, versions_site):
    response = page.goto(f"{versions_site}1.0/essays/no-such-essay/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static", \
        "the 404 page is styled (its stylesheets load from the version's folder)"
    page.locator("article a[href*='essays/toucas/']").first.click()
    expect(page).to_have_url(re.compile(r"/1\.1/essays/toucas/$"))
    expect(page.locator("#toucas-p12")).to_be_attached()


@pytest.fixture(scope="module")
def deployed_without_address(tmp_path_factory):
    """One version deployed with mike by a local `make release`, whose build has no SITE_URL
    (scripts/bench/sites.py: deployed: version `bench`, alias `latest`)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    pages = sites.deployed(ROOT, tmp_path_factory.mktemp("deployed"), env)
    with serve(pages) as url:
        yield {"url": url}


@pytest.mark.parametrize("site", ["released", "deployed_without_address"])
def test_no_script_error_on_any_version(page: Page, site, request):
    """Material's banner script resolved base_url alone, which throws without site_url
    ("Invalid URL", overrides/partials/javascripts/outdated.html), on every page of every version."""
    base = request.getfixturevalue(site)["url"]
    paths = ("1.0/essays/toucas/", "latest/essays/toucas/", "latest/") if site == "released" else \
        ("bench/essays/toucas/", "latest/essays/toucas/", "latest/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in paths:
        assert page.goto(f"{base}{path}").status == 200, path
        page.wait_for_load_state("load")
    assert errors == []
