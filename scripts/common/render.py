"""Render a docs page's Markdown as the site does, without MkDocs: for fast checks.

Reads the Markdown extensions and their settings from ``mkdocs.yml`` (which therefore holds no
``!!python`` tags), so the check sees the same HTML structure as the build.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import markdown

from scripts.common import siteconfig


@cache
def extensions(config_path: Path) -> tuple[list[str], dict]:
    config = siteconfig.load(config_path)
    names, settings = [], {}
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(entry)
    return names, settings


def to_html(text: str, config_path: Path) -> str:
    names, settings = extensions(config_path)
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(text)
