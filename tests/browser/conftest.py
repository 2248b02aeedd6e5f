"""Playwright in a real Chromium: Debian's chromium (CHROMIUM_PATH or /usr/bin/chromium).

In CI a missing browser is a failure, never a skip. On a developer laptop without Debian's
chromium, Playwright's own browser is used if it is installed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

# CI machines are small and shared (2 cores): give assertions time, never a fixed sleep.
expect.set_options(timeout=15_000)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    if os.environ.get("CI"):
        pytest.fail("no Chromium for the browser tests: install Debian's chromium or set CHROMIUM_PATH")
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if path:
        args["executable_path"] = path
    return args


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
