"""Where the Chromium for the browser tests and ``make bench`` is, and how it is started: Debian's
chromium (or ``CHROMIUM_PATH``); never a downloaded browser."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def find() -> str | None:
    """``$CHROMIUM_PATH``, else Debian's ``/usr/bin/chromium``, else ``chromium`` on PATH."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None
