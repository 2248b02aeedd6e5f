"""axe-core for the browser tests: the release pinned in package.json (npm ci, `make test`), not
the older copy bundled with axe-playwright-python. Shared by every test that audits a page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.journeys import DRAW_ALL

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PINNED = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]


def _axe() -> Axe:
    if not SCRIPT.exists():
        pytest.fail(f"no {SCRIPT.relative_to(ROOT)}: run `npm ci` (make test does)")
    return Axe(axe_script=SCRIPT.read_text(encoding="utf-8"))


AXE = None

# Resolves once every finite CSS transition and animation on the page has ended, so axe measures
# what a reader sees at rest, not a frame of a fade (Material's "Back to top" button fades in when
# the page scrolls up; mid-fade its text fails contrast). First it brings every element's style
# up to date: the paragraphs the browser has not rendered yet (content-visibility, edition.css)
# take the dark palette only when asked, and their links then fade into it (Material's colour
# transition), as they do for a reader before they reach the screen. Never waits over 3 s for
# fades; it lets two frames pass before and after.
#
# Every paragraph is drawn for the audit: the stylesheet lets the browser skip the paragraphs far
# from the screen (content-visibility), and the geometry axe reads there is an estimate (a skipped
# paragraph's words measured outside its estimated box seem to cover its neighbour's controls).
# A reader meets each paragraph drawn; tests/browser/essays/test_passage_links.py checks every
# margin control as drawn that way, scrolled to.
SETTLE = """async () => {
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  if (!document.getElementById('axe-draw-all')) {
    const style = document.createElement('style');
    style.id = 'axe-draw-all';
    style.textContent = '""" + DRAW_ALL + """';
    document.head.appendChild(style);
  }
  await frames();
  document.querySelectorAll('*').forEach(el => getComputedStyle(el).color);
  const running = Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map(a => a.finished.catch(() => null)));
  await Promise.race([running, new Promise(done => setTimeout(done, 3000))]);
  await frames();
}"""


def violations(page) -> list[dict]:
    """Every violation of axe's default rules (WCAG 2 A/AA, best practices) on the page as it is
    now, plus WCAG 2.2 target-size, which axe leaves off by default (readers tap the margin
    controls)."""
    global AXE
    AXE = AXE or _axe()
    page.evaluate(SETTLE)
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    return AXE.run(page, options=options).response["violations"]


def describe(where: str, found: list[dict]) -> list[str]:
    """One line per failing element (the first three of each rule)."""
    lines = []
    for v in found:
        for node in v["nodes"][:3]:
            summary = " ".join(node.get("failureSummary", "").split())[:240]
            lines.append(f"{where}: {v['id']} ({v['impact']}) at {node['target']}: {summary}")
    return lines
