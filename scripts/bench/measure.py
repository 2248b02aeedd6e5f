"""What `make bench` measures directly: build times (and CPU), a command's time, and each page's
weight and requests as Chromium loads it."""

from __future__ import annotations

import gzip
import os
import resource
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from scripts.common import chromium as chromium_path
from scripts.common import diskcache
from scripts.publishing import pagesserver, reproducible

ROOT = Path(__file__).resolve().parents[2]


def environment() -> dict:
    """The builds' environment. Python's default (bytecode written and reused) holds, as on a
    contributor's machine, even where the shell turns it off (PYTHONDONTWRITEBYTECODE): bare
    Material's installed packages are compiled once at install, and the edition's scripts/ must
    not be compiled again in every timed build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
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
def served(site: Path, url: str | None):
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
    with served(site, url) as base, sync_playwright() as p:
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




def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_edit(project: Path, annotation: Path, url_path: str, timeout: float = 300) -> float:
    """Seconds `make serve` (``mkdocs serve``) takes to show an edited annotation: from saving the
    file to its page, rebuilt, holding the new words. The server is started and stopped here."""
    import urllib.request

    port = _free_port()
    env = environment()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-q",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{url_path}", timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + timeout
        while not page() and time.monotonic() < deadline:
            time.sleep(0.2)
        marker = f"edited-{time.monotonic_ns()}"
        text = annotation.read_text(encoding="utf-8")
        started = time.perf_counter()
        annotation.write_text(text.rstrip("\n") + f" {marker}\n", encoding="utf-8")
        while marker not in page():
            if time.monotonic() > deadline:
                raise SystemExit(f"make serve did not show the edited annotation within {timeout} s")
            time.sleep(0.1)
        return time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
