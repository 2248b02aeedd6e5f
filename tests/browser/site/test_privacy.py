"""No request to any third party on any page: every request the browser makes, on every page
type, while reading, searching and previewing notes, goes to the site's own server. Nothing
third-party is referenced by the built HTML or CSS either (no Google Fonts, no CDN)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
from tests.browser.journeys import pages_to_check
from playwright.sync_api import Page, expect

LOCAL_SCHEMES = ("data", "blob", "about")
# Attributes through which a page loads something by itself (links a reader follows are fine).
LOADING = ("//script/@src", "//link[not(@rel='alternate') and not(@rel='canonical')]/@href",
           "//img/@src", "//img/@srcset", "//iframe/@src", "//video/@src", "//audio/@src",
           "//source/@src", "//object/@data", "//embed/@src", "//input/@src")


def record(page: Page, server: str) -> list[str]:
    """Every request from now on; requests to anyone else are recorded and then aborted."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    own = urlsplit(server).netloc
    page.route(re.compile(r"^https?://"), lambda route: route.continue_()
               if urlsplit(route.request.url).netloc == own else route.abort())
    return seen


def foreign(urls: list[str], server: str) -> list[str]:
    own = urlsplit(server).netloc
    return [u for u in urls if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).netloc != own]


def test_no_page_asks_a_third_party_for_anything(page: Page, server, site):
    seen = record(page, server)
    for kind, path in pages_to_check(site):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    # Reading: search (worker and index), a note's preview.
    page.goto(f"{server}/essays/toucas/")
    page.locator(".md-search__input").press_sequentially("missile")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.locator("a.footnote-ref").first.hover()
    page.wait_for_load_state("networkidle")
    assert len(seen) > 10, "the recorder saw the site's own requests"
    assert not foreign(seen, server), f"requests to third parties: {sorted(set(foreign(seen, server)))}"


def test_the_recorder_catches_a_third_party_request(page: Page, server):
    seen = record(page, server)
    page.goto(f"{server}/")
    page.evaluate("""() => { const i = new Image(); i.src = 'https://fonts.googleapis.com/css?family=Roboto';
                             document.body.append(i); }""")
    page.wait_for_timeout(300)
    assert foreign(seen, server) == ["https://fonts.googleapis.com/css?family=Roboto"]


def test_built_pages_and_styles_reference_nothing_third_party(site):
    problems = []
    for path in sorted(site.rglob("*.html")):
        root = lxml.html.parse(str(path)).getroot()
        if root is None:
            continue
        for query in LOADING:
            for value in root.xpath(query):
                for url in value.split(","):
                    url = url.strip().split(" ")[0]
                    if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                        problems.append(f"{path.relative_to(site)}: {query} {url}")
    for path in sorted(site.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"""(?:url\(|@import)\s*['"]?((?:https?:)?//[^'")\s]+)""", text):
            problems.append(f"{path.relative_to(site)}: {match.group(1)}")
    assert not problems, "\n".join(problems)


def test_no_script_blocks_the_parser_or_first_paint(site):
    """Every external script, Material's bundle included (overrides/main.html), is deferred,
    exists in the built site, and Material's bundle runs before the edition's own script."""
    for path in sorted(site.rglob("*.html")):
        root = lxml.html.parse(str(path)).getroot()
        if root is None or not root.xpath("//script[@src]"):
            continue  # redirect stubs
        sources = []
        for script in root.xpath("//script[@src]"):
            src = script.get("src")
            assert script.get("defer") is not None, f"{path.relative_to(site)}: {src} is not deferred"
            file = site / src.lstrip("/") if src.startswith("/") else (path.parent / src).resolve()
            assert file.is_file(), f"{path.relative_to(site)}: {src} does not exist"
            sources.append(src.rsplit("/", 1)[-1])
        bundle = [i for i, name in enumerate(sources) if name.startswith("bundle.")]
        assert bundle and bundle[0] < sources.index("edition.js"), f"{path.relative_to(site)}: {sources}"


def test_the_edition_changes_the_page_after_materials_start_up(page: Page, server):
    """The passage buttons and the citation panel's addresses are made in a task after Material's
    start-up (overrides/assets/edition.js), not inside it: when every DOMContentLoaded handler on
    the document has run (Material's among them), none exists yet; once the page has loaded, all
    do. The print line waits for printing to begin."""
    # A listener on window runs after every listener on the document, where Material's is.
    page.add_init_script("""
        window.addEventListener("DOMContentLoaded", function () {
          window.__atStartUp = {
            buttons: document.querySelectorAll(".passage-copy, .passage-cite").length,
            printLine: document.querySelectorAll(".print-citation").length,
            citeUrlsFilled: Array.prototype.some.call(document.querySelectorAll("[data-cite-url]"),
              function (a) { return a.textContent.indexOf(location.origin) === 0; }),
            materialStarted: document.documentElement.classList.contains("js")
          };
        });
    """)
    page.goto(server + "/essays/toucas/")
    page.wait_for_load_state("load")
    at_start_up = page.evaluate("window.__atStartUp")
    assert at_start_up == {"buttons": 0, "printLine": 0, "citeUrlsFilled": False, "materialStarted": True}
    expect(page.locator(".passage-copy")).to_have_count(page.locator(".passage-tools[data-said]").count())
    expect(page.locator(".print-citation")).to_have_count(0)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".print-citation")).to_have_count(1)
    expect(page.locator(".edition-cite [data-cite-url]").first).to_have_text(
        re.compile("^" + re.escape(server + "/essays/toucas/")))
