"""Read ``mkdocs.yml`` without MkDocs: YAML ``safe_load`` plus MkDocs' one tag, ``!ENV``.

The site's public address comes from the environment (``site_url: !ENV [SITE_URL, ""]``): the
deploy workflow knows it, a local build does not need it. ``!ENV NAME`` or ``!ENV [NAME, ...,
default]`` gives the first variable that is set, else the default (else None), as MkDocs does.
Any other tag (``!!python/name:``) is refused, so the file stays readable by every tool.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1]
        if len(values) == 1:
            names, default = values, None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


_Loader.add_constructor("!ENV", _env)


def load(path: Path) -> dict:
    """The parsed configuration (environment variables resolved as in a build now)."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506 (a SafeLoader)



def nav_files(settings: dict) -> list[str]:
    """The docs files the navigation lists (``nav`` of ``mkdocs.yml``), in its order."""
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for entry in item:
                walk(entry)
        elif isinstance(item, dict):
            for entry in item.values():
                walk(entry)

    walk(settings.get("nav") or [])
    return [f for f in found if f.endswith(".md")]
