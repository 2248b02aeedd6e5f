"""The report of `make bench` (bench/report.md) from its measurements (bench/report.json)."""

from __future__ import annotations


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


BLOCKING = ("Each run's FCP · TBT · blocking time of all long tasks (ms). TBT counts the long tasks' "
            "time over 50 ms from the first contentful paint on; the last figure counts it from the "
            "start of the load, so a page that paints before Material's start-up tasks and one that "
            "paints after them compare (scripts/bench/lighthouse.py: blocking_all).")


def lighthouse_section(lh: dict, title: str, goals: str = GOALS) -> list[str]:
    """The report's section for one Lighthouse comparison (scripts.bench.lighthouse.lighthouse_compare);
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
                  for side in ("edition", "bare")) + ".", ""]
    if all("runs_ms" in lh[side] for side in ("edition", "bare")):
        lines += [BLOCKING, "",
                  "| | " + " | ".join(f"run {i + 1}" for i in range(lh["runs"])) + " | median |",
                  "| --- |" + " --- |" * (lh["runs"] + 1)]
        for side in ("edition", "bare"):
            lines.append(f"| {side} | " + " | ".join(f"{f} · {t} · {b}" for f, t, b in lh[side]["runs_ms"])
                         + f" | {round(lh[side].get('first-contentful-paint', 0))} · "
                           f"{round(lh[side].get('total-blocking-time', 0))} · {round(lh[side].get('blocking_all', 0))} |")
        lines.append("")
    lines += [goals, ""]
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


def _serve(report: dict) -> list[str]:
    """How long `make serve` takes to show an edited annotation (medians of 3)."""
    serve = report.get("serve")
    if not serve:
        return []
    return [f"`make serve` shows an edited annotation ({serve['annotation']}: from saving the file to its "
            f"rebuilt page) in {serve['one_x_s']} s at 1×, and in {serve['scaled_s']} s at "
            f"{report['scale']['factor']}×.", ""]


def markdown(report: dict) -> str:
    b, s, lh = report["build"], report["scale"], report["lighthouse"]
    lines = [
        "# Benchmark report", "",
        f"Machine: {report['machine']['platform']}, {report['machine']['cpus']} CPUs, Python "
        f"{report['machine']['python']}. Medians of {report['repeats']} runs; the edition and bare "
        "Material built alternately in the same run, with Python's default of writing and reusing "
        "bytecode (scripts/bench/measure.py: environment). Generated by `make bench` (scripts/bench/run.py).", "",
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
        *_serve(report),
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
    lines += lighthouse_section(lh, "## Lighthouse")
    if "lighthouse_applied" in report:
        lines += lighthouse_section(report["lighthouse_applied"], "## Lighthouse, applied throttling (diagnostic)",
                             APPLIED)
    return "\n".join(lines) + "\n"


