"""The versioned site in a real browser: after releases 1.0 and 1.1 (tests/releasing.py), the
version selector says which version the reader is on, a banner on 1.0 (not `latest`) says so
and leads to the same page in `latest`, and `latest` has no banner."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.releasing import release_twice, serve


@pytest.fixture(scope="module")
def versions_site(tmp_path_factory):
    repo = release_twice(tmp_path_factory.mktemp("versions"))
    with serve(repo["pages"]) as url:
        yield url


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


def test_the_selector_lists_both_versions_and_switches(page: Page, versions_site):
    """Material maps the page across versions through the target's sitemap.xml, which MkDocs
    leaves empty without site_url (not known yet): until then the selector opens the version's
    home page. The banner (above) is what keeps the reader on the same page."""
    page.goto(f"{versions_site}latest/about/reading/")
    expect(page.locator(".md-version__current")).to_have_text("1.1")
    expect(page.locator("[data-md-component='outdated']")).to_be_hidden()
    items = page.locator(".md-version__list .md-version__link")
    expect(items).to_have_count(2)
    page.locator(".md-version__current").focus()  # the list opens on focus (or hover)
    page.locator(".md-version__list .md-version__link", has_text="1.0").click()
    expect(page).to_have_url(re.compile(r"/1\.0/$"))
    expect(page.locator("[data-md-component='outdated']")).to_be_visible()


def test_no_script_error_on_any_version(page: Page, versions_site):
    """Material's banner script resolved base_url alone, which throws without site_url
    ("Invalid URL", overrides/partials/javascripts/outdated.html), on every page of every version."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("1.0/essays/toucas/", "latest/essays/toucas/", "latest/"):
        page.goto(f"{versions_site}{path}")
        page.wait_for_load_state("load")
    assert errors == []
