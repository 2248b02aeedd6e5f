"""A small persistent cache of JSON values on disk (``.cache/``, not versioned).

Used for what pandoc formats (scripts/citing/csl.py, scripts/citing/bibtex_glue.py) and for front matter found
valid (scripts/common/validate.py): the key is a hash of everything that affects the output, so a hit
is the same value a fresh run would give, and a build with a warm cache runs no pandoc at all
(``make serve`` rebuilds, repeated builds). A missing, unreadable or corrupt entry is a miss;
``folder=None`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Mapping

FOLDER = ".cache/edition"
ENV = "EDITION_CACHE"  # a folder, or "off"


def folder(root: Path, environ: Mapping[str, str]) -> Path | None:
    """The cache folder: ``$EDITION_CACHE`` if set ("off": none), else ``.cache/edition``."""
    value = environ.get(ENV)
    if value == "off":
        return None
    return Path(value) if value else root / FOLDER


def key(*parts: Any) -> str:
    """A hash of ``parts`` (JSON-serialisable values)."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _path(cache: Path, name: str, digest: str) -> Path:
    return cache / f"{name}-{digest}.json"


def load(cache: Path | None, name: str, digest: str) -> Any | None:
    if cache is None:
        return None
    try:
        return json.loads(_path(cache, name, digest).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(cache: Path | None, name: str, digest: str, value: Any) -> None:
    """Write atomically, so that a build running at the same time never reads half a file."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache, prefix=f".{name}-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False)
    os.replace(tmp, _path(cache, name, digest))


def memo(cache: Path | None, name: str, digest: str, compute: Callable[[], Any]) -> Any:
    """The cached value of ``digest``, or ``compute()`` stored under it."""
    value = load(cache, name, digest)
    if value is None:
        value = compute()
        store(cache, name, digest, value)
    return value
