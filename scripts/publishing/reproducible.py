"""Reproducible builds: one fixed build date, and a byte-for-byte comparison of two builds.

MkDocs dates every page (and the gzip header of sitemap.xml.gz) with the build date unless
``SOURCE_DATE_EPOCH`` is set (https://reproducible-builds.org/specs/source-date-epoch/). The
edition pins it to the time of the last commit, so two builds of the same commit are identical
whenever and wherever they run.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

FALLBACK_EPOCH = 0  # outside a git checkout (a tarball): still reproducible, dated 1970-01-01


def source_date_epoch(root: Path, environ: dict | None = None) -> int:
    """SOURCE_DATE_EPOCH if set, else the committer time of HEAD, else FALLBACK_EPOCH."""
    environ = os.environ if environ is None else environ
    if environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
            check=False, timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    return int(out) if out.isdigit() else FALLBACK_EPOCH


def pin(root: Path, environ: dict | None = None) -> int:
    """Set SOURCE_DATE_EPOCH in ``environ`` (default: this process) unless already set."""
    environ = os.environ if environ is None else environ
    epoch = source_date_epoch(root, environ)
    environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return epoch


def files(tree: Path) -> list[str]:
    return sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file())


def first_difference(a: Path, b: Path) -> str | None:
    """None if the two trees hold the same files with the same bytes, else what differs first."""
    names_a, names_b = files(a), files(b)
    if names_a != names_b:
        only_a = sorted(set(names_a) - set(names_b))
        only_b = sorted(set(names_b) - set(names_a))
        return f"different file lists: only in first {only_a[:5]}, only in second {only_b[:5]}"
    for name in names_a:
        bytes_a, bytes_b = (a / name).read_bytes(), (b / name).read_bytes()
        if bytes_a != bytes_b:
            offset = next((i for i, (x, y) in enumerate(zip(bytes_a, bytes_b)) if x != y),
                          min(len(bytes_a), len(bytes_b)))
            return f"{name} differs at byte {offset} ({len(bytes_a)} vs {len(bytes_b)} bytes)"
    return None
