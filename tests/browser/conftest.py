"""Playwright in a real Chromium: Debian's chromium (CHROMIUM_PATH or /usr/bin/chromium).

In CI a missing browser is a failure, never a skip. On a developer laptop without Debian's
chromium, Playwright's own browser is used if it is installed.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from scripts.common import chromium

# CI machines are small and shared (2 cores): give assertions time, never a fixed sleep.
expect.set_options(timeout=15_000)


def chromium_path() -> str | None:
    path = chromium.find()
    if path is None and os.environ.get("CI"):
        pytest.fail("no Chromium for the browser tests: install Debian's chromium or set CHROMIUM_PATH")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    args = {**browser_type_launch_args, "args": chromium.ARGS}
    if path:
        args["executable_path"] = path
    return args


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
