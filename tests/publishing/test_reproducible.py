"""Two clean builds of the same commit are byte-identical (scripts/publishing/reproducible.py pins
SOURCE_DATE_EPOCH in the build hook), wherever they are built."""

from __future__ import annotations

import gzip
import os
import shutil
import struct
from datetime import datetime, timezone

from pathlib import Path

from scripts.publishing import reproducible

ROOT = Path(__file__).resolve().parents[2]


def test_two_clean_builds_are_byte_identical(site, site_builder, tmp_path):
    """The session's build (tests/conftest.py) and a second clean one elsewhere, with no
    SOURCE_DATE_EPOCH in the environment: the build hook pins it."""
    again = tmp_path / "elsewhere" / "site"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = site_builder(again, environ=env)
    assert result.returncode == 0, result.stderr
    difference = reproducible.first_difference(site, again)
    assert difference is None, f"the builds differ: {difference}"


def test_sitemap_is_dated_from_the_source_not_the_clock(site):
    """MkDocs writes the build date into sitemap.xml.gz's gzip header; it must be the pinned
    date (the last commit's day), so a build tomorrow gives the same bytes."""
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    assert header[:2] == b"\x1f\x8b"
    mtime = struct.unpack("<I", header[4:8])[0]
    pinned = reproducible.source_date_epoch(ROOT)
    day = datetime.fromtimestamp(pinned, timezone.utc).strftime("%Y-%m-%d")
    assert datetime.fromtimestamp(mtime, timezone.utc).strftime("%Y-%m-%d") == day
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def test_source_date_epoch_comes_from_the_environment_or_git(tmp_path):
    assert reproducible.source_date_epoch(ROOT, {"SOURCE_DATE_EPOCH": "1510000000"}) == 1510000000
    assert reproducible.source_date_epoch(ROOT, {}) > 1_500_000_000  # the last commit
    assert reproducible.source_date_epoch(tmp_path, {}) == reproducible.FALLBACK_EPOCH  # no git


def test_comparison_reports_the_first_differing_file(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for tree in (a, b):
        (tree / "x").mkdir(parents=True)
        (tree / "x" / "same.txt").write_text("same")
        (tree / "x" / "page.html").write_text("<p>one</p>")
    assert reproducible.first_difference(a, b) is None
    (b / "x" / "page.html").write_text("<p>two</p>")
    assert reproducible.first_difference(a, b) == "x/page.html differs at byte 3 (10 vs 10 bytes)"
    shutil.copy(a / "x" / "page.html", b / "x" / "page.html")
    (b / "extra.txt").write_text("")
    assert "only in second ['extra.txt']" in reproducible.first_difference(a, b)
