"""The single-version build (`make build`, the tests' site): the 404 page helps, the version
selector is configured for mike, and nothing version-specific leaks into a plain build."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

from scripts.common import siteconfig

ROOT = Path(__file__).resolve().parents[2]


def parse(path):
    return lxml_html.parse(str(path)).getroot()


def test_404_page_offers_search_and_both_essays(site):
    root = parse(site / "404.html")
    main = root.xpath("//article[contains(@class, 'edition-404')]")[0]
    hrefs = main.xpath(".//a/@href")
    assert {"/essays/toucas/", "/essays/fedasiuk/", "/about/passages/"} <= set(hrefs), hrefs
    text = " ".join(main.text_content().split())
    assert "Search the edition" in text and "toucas-p12" in text
    assert root.xpath("//input[contains(@class, 'md-search__input')]"), "the search box is on the page"


def test_version_selector_is_configured_for_mike(site):
    config = json.loads(parse(site / "index.html").xpath("//script[@id='__config']/text()")[0])
    assert config["version"] == {"provider": "mike", "default": "latest"}


def test_a_plain_build_has_no_version_banner_or_relative_canonical(site):
    """Banner and canonical are for versions (mike builds, see tests/publishing/test_release.py)."""
    root = parse(site / "essays" / "toucas" / "index.html")
    assert not root.xpath("//*[@data-edition-version-banner]")
    assert not root.xpath("//link[@rel='canonical']")
    assert not root.xpath("//*[@data-md-component='outdated']//aside")


def test_redirects_plugin_is_configured():
    config = siteconfig.load(ROOT / "mkdocs.yml")
    plugins = [p for p in config["plugins"] if isinstance(p, dict) and "redirects" in p]
    assert plugins and isinstance(plugins[0]["redirects"]["redirect_maps"], dict)
