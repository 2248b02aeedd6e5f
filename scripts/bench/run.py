"""`make bench`: build times against bare Material, scaling, `make check` time, page weight and
requests per page type, and Lighthouse scores; writes bench/report.json and bench/report.md.

Not part of `make test` (timings vary by machine). Every figure is the median of --repeats runs;
the edition and bare Material are measured alternately in the same run. The edition's full build
is timed with its build cache (scripts/common/diskcache.py) kept from an earlier build, as `make build`,
`make serve` and the CI workflow keep it: this is the figure the goal judges. It is also timed
as a first build on a new machine, with an empty cache, when every pandoc run happens.

Pages are measured as they are published: the edition deployed with mike (a temporary copy of
the project, its gh-pages branch checked out and served, /latest/ as readers open it), and
both sites served gzip-compressed, as GitHub Pages serves them.

    python -m scripts.bench [--repeats 5] [--scale 10] [--lighthouse-runs 5] [--out bench]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from scripts.bench import sites
from scripts.common import diskcache
from scripts.publishing import pagesserver, pagetypes, reproducible
from scripts.common import chromium as chromium_path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def environment() -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env["SOURCE_DATE_EPOCH"] = str(reproducible.source_date_epoch(ROOT))
    return env


def build(config: Path, dest: Path, strict: bool = True, cache: Path | None = None,
          cpu: list[float] | None = None) -> float:
    """Seconds for one build; ``cache``: the edition's cache folder (scripts/common/diskcache.py).
    ``cpu`` gets the CPU seconds the build used, pandoc's included."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d", str(dest)]
    env = environment()
    if cache is not None:
        env[diskcache.ENV] = str(cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command + (["--strict"] if strict else []), cwd=config.parent,
                            env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if result.returncode:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return elapsed


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=environment(), capture_output=True, check=True)
    return time.perf_counter() - started


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def chromium() -> str:
    found = chromium_path.find()
    if not found:
        raise SystemExit("make bench needs Chromium: install Debian's chromium or set CHROMIUM_PATH")
    return found


@contextmanager
def _served(site: Path, url: str | None):
    """``url`` if ``site`` is already served there, else a server of its own."""
    if url:
        yield url
    else:
        with pagesserver.serve(site) as base:
            yield base


def weights(site: Path, pages: list[tuple[str, str]], url: str | None = None) -> dict:
    """Bytes (raw, gzip) by kind and requests, per page, loaded in Chromium until network idle."""
    from playwright.sync_api import sync_playwright

    kinds = {"document": "html", "stylesheet": "css", "script": "js"}
    out = {}
    with _served(site, url) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=chromium_path.ARGS)
        for kind, path in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            totals = {k: {"raw": 0, "gzip": 0} for k in ("html", "css", "js", "other", "total")}
            for response in responses:
                try:
                    body = response.body()
                except Exception:  # redirects and aborted requests have no body
                    continue
                bucket = kinds.get(response.request.resource_type, "other")
                if response.url.endswith(".js") and bucket == "other":
                    bucket = "js"  # the search worker
                for name in (bucket, "total"):
                    totals[name]["raw"] += len(body)
                    totals[name]["gzip"] += len(gzip.compress(body, 9, mtime=0))
            out[path] = {"type": kind, "requests": len(responses), "bytes": totals}
            context.close()
        browser.close()
    return out


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
    return out


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
        with _served(edition, edition_served) as edition_url, pagesserver.serve(bare) as bare_url:
            for _ in range(runs):
                results["edition"].append(lighthouse(binary, edition_url + edition_path, work, throttling))
                results["bare"].append(lighthouse(binary, bare_url + path, work, throttling))
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        return {"error": f"Lighthouse failed: {error}"}
    return summary(results, edition_path, path, THROTTLING[throttling])


def summary(results: dict[str, list[dict]], page: str, bare_page: str, mode: str) -> dict:
    """Medians (and what failed, where) of the runs (:func:`scores`) of each side."""
    keys = (*LIGHTHOUSE_CATEGORIES, "cls", "lcp_ms", "first-contentful-paint", "speed-index", "total-blocking-time",
            "dom_elements", "long_tasks")
    return {"page": page, "bare_page": bare_page, "runs": len(results["edition"]), "mode": mode,
            **{side: {**{k: round(statistics.median(r[k] for r in runs_), 3) for k in keys},
                      "failing": sorted({a for r in runs_ for a in r["failing"]}),
                      "performance_runs": [r["performance"] for r in runs_],
                      "main_thread": {g: round(statistics.median(r["main_thread"].get(g, 0) for r in runs_))
                                      for g in sorted({g for r in runs_ for g in r["main_thread"]})},
                      "failing_where": {a: sorted({w for r in runs_ for w in r["details"].get(a, [])})
                                        for a in sorted({a for r in runs_ for a in r["failing"]})}}
               for side, runs_ in results.items()}}


def run(repeats: int, scale: int, lighthouse_runs: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="edition-bench-"))
    deployed = ExitStack()
    try:
        bare_config = sites.bare_material(ROOT, work / "bare")
        scaled = sites.scaled(ROOT, work / "scaled", scale)
        warm = work / "cache-warm"
        build(ROOT / "mkdocs.yml", work / "edition-site", cache=warm)  # fills the warm cache
        cold_times, warm_times, bare_times, scaled_times, check_times = [], [], [], [], []
        cpu: dict[str, list[float]] = {"cold": [], "warm": [], "bare": []}
        for i in range(repeats):  # alternately, so drift in the machine hits all alike
            cold_times.append(build(ROOT / "mkdocs.yml", work / "edition-site", cache=work / f"cache-cold-{i}",
                                    cpu=cpu["cold"]))
            warm_times.append(build(ROOT / "mkdocs.yml", work / "edition-site", cache=warm, cpu=cpu["warm"]))
            bare_times.append(build(bare_config, work / "bare-site", strict=False, cpu=cpu["bare"]))
            scaled_times.append(build(work / "scaled" / "mkdocs.yml", work / "scaled-site",
                                      cache=work / f"cache-scaled-{i}"))
            check_times.append(timed([sys.executable, "-m", "scripts.check"]))
        # Deployed as the deploy workflow does it: built for the address it is served at.
        site_url = deployed.enter_context(pagesserver.serve(work / "deploy" / "pages")) + "/"
        pages_root = sites.deployed(ROOT, work / "deploy", {**environment(), "SITE_URL": site_url})
        version = pages_root / sites.DEPLOYED_VERSION
        prefix = "/latest"
        pages = [(kind, prefix + path)
                 for kind, path in pagetypes.choose(version, 1, {"essays": "/essays/toucas/"})]
        cold, warm_s, bare = median(cold_times), median(warm_times), median(bare_times)
        report = {
            "machine": {"python": platform.python_version(), "platform": platform.platform(),
                        "cpus": os.cpu_count()},
            "repeats": repeats,
            "build": {"edition_cold_s": cold, "edition_warm_s": warm_s, "bare_material_s": bare,
                      "ratio_cold": round(cold / bare, 2), "ratio_warm": round(warm_s / bare, 2),
                      "goal": "<= 1.5", "goal_applies_to": "ratio_warm", "cpu_s": {k: median(v) for k, v in cpu.items()},
                      "runs": {"edition_cold": cold_times, "edition_warm": warm_times,
                               "bare_material": bare_times}},
            "scale": {"factor": scale, "content": scaled, "one_x_s": cold,
                      "scaled_s": median(scaled_times),
                      "ratio": round(median(scaled_times) / cold, 2),
                      "goal": f"linear: ratio <= {scale}"},
            "check_s": median(check_times),
            "pages": weights(pages_root, pages, site_url.rstrip("/")),
            "bare_pages": weights(work / "bare-site", [("essays", "/essays/toucas/")]),
            "lighthouse": lighthouse_compare(pages_root, prefix + "/essays/toucas/", work / "bare-site",
                                             "/essays/toucas/", lighthouse_runs, work, site_url.rstrip("/")),
            # The same page really loaded at 4x CPU slowdown: the main thread's work, which the
            # simulation only estimates, as a low-end phone does it.
            "lighthouse_applied": lighthouse_compare(pages_root, prefix + "/essays/toucas/", work / "bare-site",
                                                     "/essays/toucas/", lighthouse_runs, work,
                                                     site_url.rstrip("/"), throttling="devtools"),
        }
        return report
    finally:
        deployed.close()
        shutil.rmtree(work, ignore_errors=True)


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


GOALS = ("Goals: performance not below bare Material's; accessibility, best practices and "
         "SEO 1.00; CLS 0.")
# The applied-throttling run is a diagnostic: it shows the main thread's real work on a slow phone.
# The goals are judged on Lighthouse's default run, above it in the report.
APPLIED = ("A diagnostic, not the goals' measure (those are judged on Lighthouse's default run, "
           "above). At 4× CPU slowdown, the main thread's real work shows, and so does its cost: "
           "the essay page has more elements to style and lay out (its numbered, linkable and "
           "citable passages and notes, the essay header, the apparatus). FCP and LCP say when "
           "the text is on screen; TBT says how long the page then keeps the main thread busy.")


def _lighthouse(lh: dict, title: str, goals: str = GOALS) -> list[str]:
    """The report's section for one Lighthouse comparison (:func:`lighthouse_compare`);
    ``goals`` is its last paragraph before the main thread's table."""
    lines = ["", title, ""]
    if "error" in lh:
        return lines + [f"Not measured: {lh['error']}"]
    lines += [f"Edition {lh['page']} (deployed with mike), bare Material {lh.get('bare_page', lh['page'])}; "
              f"{lh['mode']}; medians of {lh['runs']} runs each, alternately.", "",
              "| | performance | accessibility | best practices | SEO | CLS | FCP (ms) | LCP (ms) | SI (ms) | TBT (ms) |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for side in ("edition", "bare"):
        r = lh[side]
        lines.append(f"| {side} | {r['performance']} | {r['accessibility']} | {r['best-practices']} | "
                     f"{r['seo']} | {r['cls']} | {round(r.get('first-contentful-paint', 0))} | "
                     f"{round(r['lcp_ms'])} | {round(r.get('speed-index', 0))} | "
                     f"{round(r.get('total-blocking-time', 0))} |")
    lines += ["", "Performance in each run: " + "; ".join(
                  f"{side} {', '.join(str(x) for x in lh[side].get('performance_runs', []))}"
                  for side in ("edition", "bare")) + ".", "",
              goals, ""]
    groups = sorted(set(lh["edition"].get("main_thread", {})) | set(lh["bare"].get("main_thread", {})),
                    key=lambda g: -lh["edition"].get("main_thread", {}).get(g, 0))
    if groups:
        lines += ["Main thread (ms, medians; Lighthouse's breakdown), DOM elements and long tasks:", "",
                  "| | " + " | ".join(groups) + " | DOM elements | long tasks |",
                  "| --- |" + " --- |" * (len(groups) + 2)]
        for side in ("edition", "bare"):
            r = lh[side]
            lines.append(f"| {side} | " + " | ".join(str(r["main_thread"].get(g, 0)) for g in groups)
                         + f" | {round(r.get('dom_elements', 0))} | {r.get('long_tasks', 0)} |")
        lines.append("")
    for side in ("edition", "bare"):
        where = lh[side].get("failing_where", {})
        lines.append(f"Audits failing (not performance) in any run, {side}: "
                     + (", ".join(f"{a} ({'; '.join(where.get(a, [])) or '?'})" for a in lh[side]['failing'])
                        or "none") + ".")
    return lines


def markdown(report: dict) -> str:
    b, s, lh = report["build"], report["scale"], report["lighthouse"]
    lines = [
        "# Benchmark report", "",
        f"Machine: {report['machine']['platform']}, {report['machine']['cpus']} CPUs, Python "
        f"{report['machine']['python']}. Medians of {report['repeats']} runs; the edition and bare "
        "Material built alternately in the same run. Generated by `make bench` (scripts/bench/run.py).", "",
        "## Build", "",
        "Both edition rows are full builds: every page is built again (`mkdocs build --clean`). "
        "The goal is judged on the first row: a full build whose build cache (`.cache/`, "
        "scripts/common/diskcache.py) was filled by an earlier build of the same sources. That is the "
        "best case of the builds contributors run. `make build`, `make serve` and the CI workflow "
        "(.github/workflows/ci.yml, actions/cache) keep the cache from one build to the next. "
        "pandoc then runs only for citations whose text, sources or style changed, and "
        "tests/common/test_cache.py proves a cached build identical to an uncached one. The second row "
        "is a first build on a new "
        "machine, with an empty cache. It is shown for information: its CSL citations (pandoc) "
        "cost more CPU than the second core hides. The deploy workflow builds this way on "
        "purpose, because a workflow that publishes restores no cache. Bare Material formats "
        "no citations.", "",
        "| build | median (s) | ratio to bare Material | CPU (s, pandoc included) |",
        "| --- | --- | --- | --- |",
        f"| edition (full site), build cache kept | {b['edition_warm_s']} | **{b['ratio_warm']}×** "
        f"(goal {b['goal']}) | {b['cpu_s']['warm']} |",
        f"| edition (full site), first build on a new machine | {b['edition_cold_s']} | {b['ratio_cold']}× "
        f"(for information) | {b['cpu_s']['cold']} |",
        f"| bare Material, same essay pages | {b['bare_material_s']} | 1× | {b['cpu_s']['bare']} |", "",
        "On a first build, the pandoc runs (the CSL citations: mkdocs-bibtex's and the site's own, "
        "scripts/citing/csl.py) run beside the build, on a second core. The difference between the two "
        "rows' CPU time is what they cost.", "",
        f"## Scale ({s['factor']}× content: {s['content']})", "",
        "| build | median (s) |", "| --- | --- |",
        f"| 1× (empty cache) | {s['one_x_s']} |", f"| {s['factor']}× (empty cache) | {s['scaled_s']} |",
        f"| ratio | **{s['ratio']}** (goal: {s['goal']}) |", "",
        f"`make check`: {report['check_s']} s.", "",
        "## Weight and requests per page type (desktop, until network idle)", "",
        "The edition as deployed with mike (/latest/, a temporary gh-pages branch); bare Material "
        "as built. Sizes are of the files; the servers send them gzip-compressed.", "",
        "| page | type | requests | HTML KB (gzip) | CSS KB (gzip) | JS KB (gzip) | total KB (gzip) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, pages in (("", report["pages"]), (" (bare Material)", report["bare_pages"])):
        for path, page in pages.items():
            t = page["bytes"]
            lines.append(f"| {path}{label} | {page['type']} | {page['requests']} | "
                         + " | ".join(f"{kb(t[k]['raw'])} ({kb(t[k]['gzip'])})" for k in ("html", "css", "js", "total"))
                         + " |")
    lines += _lighthouse(lh, "## Lighthouse")
    if "lighthouse_applied" in report:
        lines += _lighthouse(report["lighthouse_applied"], "## Lighthouse, applied throttling (diagnostic)",
                             APPLIED)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--lighthouse-runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench")
    args = parser.parse_args(argv)
    report = run(args.repeats, args.scale, args.lighthouse_runs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "report.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
