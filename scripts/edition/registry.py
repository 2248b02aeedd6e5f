"""The registry of published passage ids: once published, an id never disappears.

``docs/passage-registry.json`` maps every published id to its essay. A registered id must exist
in the edition with the same essay, unless ``redirects`` sends it to an id that does (the site
then keeps an alias anchor, so old links still land on the passage).
"""

from __future__ import annotations

import json
from pathlib import Path

FILENAME = "passage-registry.json"
SCHEMA = Path(__file__).parent / "schemas" / "passage-registry.schema.json"
ABOUT = (
    "Every passage id this edition has published, with its essay and URL. An id listed here "
    "never disappears and never moves to other text; an id that must change is listed in "
    "'redirects' (old id -> new id). Maintained by `make register-ids`; checked by `make check`."
)


def load(path: Path) -> dict:
    if not path.exists():
        return {"ids": {}, "redirects": {}}
    data = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("ids", {})
    data.setdefault("redirects", {})
    return data


def dumps(data: dict) -> str:
    ordered = {
        "about": data.get("about") or ABOUT,
        "ids": dict(sorted(data["ids"].items(), key=lambda kv: _sort_key(kv[0]))),
        "redirects": dict(sorted(data["redirects"].items())),
    }
    return json.dumps(ordered, ensure_ascii=False, indent=1) + "\n"


def _sort_key(pid: str) -> tuple:
    essay, _, rest = pid.partition("-")
    kind = rest.rstrip("0123456789abcdefghijklmnopqrstuvwxyz") or rest[:1]
    digits = "".join(ch for ch in rest if ch.isdigit())
    return (essay, rest[:1], int(digits) if digits else 0, rest, kind)


def check(records: list[dict], data: dict) -> list[str]:
    """Errors for registered ids that are missing, moved to another essay, or registered with
    an address that does not end in the id."""
    present = {r["id"]: r["essay"] for r in records}
    errors = []
    for pid, entry in data["ids"].items():
        essay = entry["essay"]
        if "url" in entry and entry["url"].rpartition("#")[2] != pid:  # (published.check asks without)
            errors.append(f"passage id {pid} is registered with the address {entry['url']}, whose "
                          f"fragment is not the id: restore #{pid}")
        if pid in present:
            if present[pid] != essay:
                errors.append(
                    f"passage id {pid} is registered for essay {essay!r} but now belongs to "
                    f"{present[pid]!r}: an id never moves to other text"
                )
            continue
        target = data["redirects"].get(pid)
        if target is None:
            errors.append(
                f"passage id {pid} (essay {essay!r}) was published and is missing: restore it, "
                f"or declare a redirect for it in docs/{FILENAME}"
            )
        elif present.get(target) != essay:
            errors.append(f"passage id {pid} redirects to {target}, which is not a passage of {essay!r}")
    return errors


def unregistered(records: list[dict], data: dict) -> list[str]:
    return [r["id"] for r in records if r["id"] not in data["ids"]]


def register(records: list[dict], data: dict) -> dict:
    """The registry with every current id added (nothing is ever removed)."""
    ids = dict(data["ids"])
    for r in records:
        ids.setdefault(r["id"], {"essay": r["essay"], "url": r["url"]})
    return {**data, "ids": ids}
