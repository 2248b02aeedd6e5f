"""Lighthouse in `make bench`: the edition's essay page against bare Material's, run alternately
(Lighthouse from package.json, against Debian chromium), and what is kept of each run."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from scripts.bench.measure import ROOT, chromium, served
from scripts.common import chromium as chromium_path
from scripts.publishing import pagesserver

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_binary() -> Path | None:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists() and shutil.which("npm") and (ROOT / "package-lock.json").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, check=False)
    return binary if binary.exists() else None


THROTTLING = {
    "simulate": "Lighthouse default (mobile, simulated throttling), served gzip-compressed",
    "devtools": "mobile, applied throttling (the page really loaded at 4x CPU slowdown and a slow "
                "network), served gzip-compressed",
}


def lighthouse(binary: Path, url: str, work: Path, throttling: str = "simulate") -> dict:
    report = work / f"lh-{time.monotonic_ns()}.json"
    flags = " ".join(["--headless=new", *chromium_path.ARGS])
    result = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--throttling-method={throttling}",
         f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": chromium()}, capture_output=True, text=True, check=False, timeout=300)
    if result.returncode or not report.exists():
        raise RuntimeError(result.stderr[-1000:])
    return scores(json.loads(report.read_text(encoding="utf-8")))


def scores(data: dict) -> dict:
    """What the report keeps of one Lighthouse run (its JSON report, ``data``)."""
    out = {c: data["categories"][c]["score"] for c in LIGHTHOUSE_CATEGORIES}
    out["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    out["lcp_ms"] = data["audits"]["largest-contentful-paint"]["numericValue"]
    out["failing"] = sorted(
        ref["id"] for c in LIGHTHOUSE_CATEGORIES if c != "performance"
        for ref in data["categories"][c]["auditRefs"]
        if ref.get("weight") and data["audits"][ref["id"]].get("score") not in (None, 1))
    out["details"] = {audit: _where(data["audits"][audit]) for audit in out["failing"]}
    for metric in ("first-contentful-paint", "speed-index", "total-blocking-time"):
        out[metric] = data["audits"][metric]["numericValue"]
    # Where the main thread's time goes (ms by kind of work) and what it works on: the page's
    # DOM, which style and layout (and Material's setup) walk in full, more than once.
    out["dom_elements"] = data["audits"]["dom-size"]["numericValue"]
    out["main_thread"] = {item["groupLabel"]: item["duration"] for item in
                        data["audits"]["mainthread-work-breakdown"]["details"]["items"]}
    out["long_tasks"] = len(data["audits"]["long-tasks"]["details"]["items"])
    out["blocking_all"] = blocking_all(data["audits"]["long-tasks"]["details"]["items"])
    return out


def blocking_all(tasks: list[dict]) -> float:
    """The blocking time (each long task's time over 50 ms) of every long task of the load, from
    its start: TBT counts only the time after the first contentful paint, so a page that
    paints before its scripts start up has their start-up counted, and one that paints after
    it, not. Lighthouse's long-tasks audit gives the tasks on the clock of its metrics."""
    return round(sum(max(0.0, t["duration"] - 50) for t in tasks))


def _where(audit: dict) -> list[str]:
    """What a failing audit points at: elements' selectors, or its messages."""
    found = []
    for item in (audit.get("details") or {}).get("items", []):
        node = item.get("node") if isinstance(item.get("node"), dict) else None
        found.append(node.get("selector", "") if node else str(item.get("description") or item.get("url") or "")[:200])
    return sorted(set(found))[:10]


def lighthouse_compare(edition: Path, edition_path: str, bare: Path, path: str, runs: int, work: Path,
                       edition_served: str | None = None, throttling: str = "simulate") -> dict:
    """The edition's page (``edition_path`` in the deployed tree ``edition``) against bare
    Material's (``path`` in ``bare``), alternately."""
    binary = lighthouse_binary()
    if binary is None:
        return {"error": "Lighthouse not installed: run `npm ci` (package.json) with network access"}
    results: dict[str, list[dict]] = {"edition": [], "bare": []}
    try:
        with served(edition, edition_served) as edition_url, pagesserver.serve(bare) as bare_url:
            for _ in range(runs):
                results["edition"].append(lighthouse(binary, edition_url + edition_path, work, throttling))
                results["bare"].append(lighthouse(binary, bare_url + path, work, throttling))
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        return {"error": f"Lighthouse failed: {error}"}
    return summary(results, edition_path, path, THROTTLING[throttling])


def summary(results: dict[str, list[dict]], page: str, bare_page: str, mode: str) -> dict:
    """Medians (and what failed, where) of the runs (:func:`scores`) of each side."""
    keys = (*LIGHTHOUSE_CATEGORIES, "cls", "lcp_ms", "first-contentful-paint", "speed-index", "total-blocking-time",
            "dom_elements", "long_tasks", "blocking_all")
    return {"page": page, "bare_page": bare_page, "runs": len(results["edition"]), "mode": mode,
            **{side: {**{k: round(statistics.median(r[k] for r in runs_), 3) for k in keys},
                      "failing": sorted({a for r in runs_ for a in r["failing"]}),
                      "performance_runs": [r["performance"] for r in runs_],
                      "runs_ms": [[round(r["first-contentful-paint"]), round(r["total-blocking-time"]),
                                   r.get("blocking_all", 0)] for r in runs_],
                      "main_thread": {g: round(statistics.median(r["main_thread"].get(g, 0) for r in runs_))
                                      for g in sorted({g for r in runs_ for g in r["main_thread"]})},
                      "failing_where": {a: sorted({w for r in runs_ for w in r["details"].get(a, [])})
                                        for a in sorted({a for r in runs_ for a in r["failing"]})}}
               for side, runs_ in results.items()}}


