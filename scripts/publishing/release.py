"""Record a release in ``docs/published.json`` (the first half of ``make release``).

Usage: ``python -m scripts.publishing.release X.Y [--frozen]``

Builds the site (strict) into a temporary folder, checks that it still answers every page URL
and passage id that any earlier release published (scripts/publishing/published.py), that CHANGELOG.md
has an entry for X.Y and that every passage id is registered, then records what X.Y
publishes. ``--frozen`` (the tag workflow) writes nothing and fails unless the committed
``docs/published.json`` already records X.Y exactly so: a release is recorded and committed
before it is tagged. ``make release`` then deploys with mike.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from scripts.common import siteconfig
from scripts.edition import index, registry
from scripts.publishing import published

ROOT = Path(__file__).resolve().parents[2]
VERSION_RE = re.compile(r"^[0-9]+\.[0-9]+$")


def changelog_has(changelog: Path, version: str) -> bool:
    """CHANGELOG.md has a level-2 heading for the version: ``## 1.1`` or ``## [1.1]``."""
    if not changelog.exists():
        return False
    heading = re.compile(rf"^##\s+\[?{re.escape(version)}\]?(\s|$)")
    return any(heading.match(line) for line in changelog.read_text(encoding="utf-8").splitlines())


def build(config: Path, destination: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q",
                             "-f", str(config), "-d", str(destination)],
                            cwd=config.parent, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"strict build failed:\n{result.stdout}{result.stderr}")


def prepare(version: str, root: Path = ROOT) -> tuple[list[str], dict, dict]:
    """Build and check; the errors, the current record and the record with ``version`` added."""
    config_path = root / "mkdocs.yml"
    config = siteconfig.load(config_path)
    docs = root / config.get("docs_dir", "docs")
    data = published.load(docs / published.FILENAME)
    reg = registry.load(docs / registry.FILENAME)
    redirects = published.page_redirects(config)
    errors = []
    if not VERSION_RE.match(version):
        errors.append(f"version {version!r} is not X.Y")
    if not changelog_has(root / "CHANGELOG.md", version):
        errors.append(f"CHANGELOG.md has no '## {version}' entry: record what changed in the edition")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(config_path, site)
        records = index.load(site / index.FILENAME)
        urls = published.site_urls(docs, config.get("exclude_docs") or "")
        errors += published.check(data, urls, records, reg, redirects)
        errors += [f"passage id {pid} is not registered: run `make register-ids`"
                   for pid in registry.unregistered(records, reg)]
        today = datetime.now(timezone.utc).date().isoformat()
        updated = published.record(data, version, urls, [r["id"] for r in records], today,
                                   published.site_files(site))
        if not errors:
            errors += published.check_site(updated, site, reg, redirects)
    return errors, data, updated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="X.Y")
    parser.add_argument("--frozen", action="store_true", help="check the committed record; write nothing")
    args = parser.parse_args(argv)
    errors, data, updated = prepare(args.version)
    target = ROOT / "docs" / published.FILENAME
    if not errors and args.frozen and published.dumps(updated) != published.dumps(data):
        errors.append(f"docs/{published.FILENAME} does not record version {args.version} as built: run "
                      f"`make release VERSION={args.version}` locally and commit it before tagging")
    for error in errors:
        print(f"release {args.version}: {error}", file=sys.stderr)
    if errors:
        return 1
    if not args.frozen:
        target.write_text(published.dumps(updated), encoding="utf-8")
    print(f"release {args.version}: recorded in docs/{published.FILENAME} "
          f"({len(updated['releases'][args.version]['pages'])} URLs, "
          f"{len(updated['releases'][args.version]['ids'])} passage ids)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
