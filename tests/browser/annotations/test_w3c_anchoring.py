"""The W3C export anchored as a standard annotation client anchors it: Apache Annotator's
@apache-annotator/dom (package.json; bundled for the browser with esbuild) resolves every
exported selector on the published essay page in Chromium, with the page's scripts run, at
desktop and phone size. Each TextQuoteSelector matches exactly once in its passage and gives the
exact words; each TextPositionSelector gives the same words; both fall on the edition's
highlight of that annotation."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scripts.annotations import w3c
from tests.browser.journeys import viewport_context_args  # noqa: F401  (desktop and phone)

ROOT = Path(__file__).resolve().parents[3]
ENTRY = """import { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from "@apache-annotator/dom";
window.apacheAnnotator = { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher };"""

# For each exported annotation on this page: the words each of its selectors selects (every
# match of the quote), and the words of the edition's highlight.
RESOLVE = """async (items) => {
  const { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } = window.apacheAnnotator;
  const out = [];
  for (const item of items) {
    const [quoteSel, positionSel] = item.target.selector;
    const passage = document.getElementById(quoteSel.value);
    const scope = document.createRange();
    scope.selectNodeContents(passage);
    const quotes = [];
    for await (const match of createTextQuoteSelectorMatcher(quoteSel.refinedBy)(scope)) quotes.push(match.toString());
    const positions = [];
    for await (const match of createTextPositionSelectorMatcher(positionSel.refinedBy)(scope)) positions.push(match.toString());
    const id = item.id.replace(/^.*annotations\\//, "").replace(/\\/$/, "");
    const marks = [...passage.querySelectorAll("mark.annotation-mark")].filter(m => m.dataset.annotation === id);
    const range = document.createRange();
    if (marks.length) { range.setStartBefore(marks[0]); range.setEndAfter(marks[marks.length - 1]); }
    out.push({ id: item.id, exact: quoteSel.refinedBy.exact, quotes, positions, highlight: marks.length ? range.toString() : null });
  }
  return out;
}"""


@pytest.fixture(scope="session")
def annotator(tmp_path_factory) -> Path:
    """Apache Annotator's DOM package, bundled for the browser (from node_modules: make test runs npm ci)."""
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    if not (esbuild.exists() and (ROOT / "node_modules" / "@apache-annotator" / "dom").exists()):
        pytest.fail("no esbuild or @apache-annotator/dom in node_modules: run `npm ci` (make test does)")
    out = tmp_path_factory.mktemp("annotator") / "annotator.js"
    subprocess.run([str(esbuild), "--bundle", "--format=iife", "--log-level=error", f"--outfile={out}"],
                   input=ENTRY, text=True, cwd=ROOT, check=True, capture_output=True)
    return out


@pytest.mark.parametrize("essay", ["toucas", "fedasiuk"])
def test_a_standard_client_anchors_every_exported_annotation_on_its_page(page: Page, server, annotator, essay):
    page.goto(f"{server}/essays/{essay}/")
    expect(page.locator(".passage-tools--ready").first).to_be_attached()  # the page's scripts have run
    export = page.evaluate("(href) => fetch(href).then(r => r.json())",
                           page.locator('link[rel="alternate"][type="application/ld+json"]').get_attribute("href"))
    assert export["@context"] == w3c.CONTEXT and export["type"] == "AnnotationCollection"
    items = [i for i in export["first"]["items"] if i["target"]["source"].rstrip("/").endswith(f"essays/{essay}")]
    assert len(items) >= 5
    page.add_script_tag(path=str(annotator))
    wrong = [r for r in page.evaluate(RESOLVE, items)
             if r["quotes"] != [r["exact"]] or r["positions"] != [r["exact"]] or r["highlight"] != r["exact"]]
    assert not wrong, wrong


def test_the_bundle_is_the_pinned_release():
    """The client is the release package.json pins, not whatever is around."""
    import json

    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["@apache-annotator/dom"]
    installed = json.loads((ROOT / "node_modules" / "@apache-annotator" / "dom" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned
