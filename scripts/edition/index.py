"""``passages.json``: the edition's public passage index (documented in docs/about/passages.md)."""

from __future__ import annotations

import json
from pathlib import Path

FILENAME = "passages.json"
FORMAT_VERSION = 1


def dumps(records: list[dict]) -> str:
    """The index as deterministic JSON text (stable key order, no timestamps)."""
    data = {"format": FORMAT_VERSION, "count": len(records), "passages": records}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(path: Path, records: list[dict]) -> None:
    path.write_text(dumps(records), encoding="utf-8")


def load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["passages"]
