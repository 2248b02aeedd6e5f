"""The edition's annotations: one Markdown file each under ``docs/annotations/`` (subfolders
allowed), whose path is its permanent address: ``docs/annotations/toucas/mdr-2019.md`` is the
annotation ``toucas/mdr-2019``, with its page at ``annotations/toucas/mdr-2019/``.

Its front matter follows ``schemas/annotation.schema.json`` (named after the W3C Web Annotation
model); its note is the file's Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.annotations.reading import FOLDER

SCHEMA = Path(__file__).parent / "schemas" / "annotation.schema.json"
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # each part of an annotation's path
MOTIVATIONS = {  # what a reader sees for each W3C motivation the schema allows
    "commenting": "Comment", "describing": "Context", "questioning": "Question", "linking": "Link",
    "correcting": "Correction", "tagging": "Tag", "classifying": "Classification",
    "identifying": "Identification", "editing": "Edit", "replying": "Reply", "assessing": "Assessment",
}

# A forecast's fields, in the order files and the W3C export give them; in the export the
# forecast is a TextualBody of this format, purpose "assessing" (scripts/annotations/w3c.py).
FORECAST_FIELDS = ("expected", "outcome", "summary")
FORECAST_FORMAT = "application/json"


@dataclass(frozen=True)
class Annotation:
    id: str  # toucas/mdr-2019
    rel: str  # docs/annotations/toucas/mdr-2019.md
    target: str
    exact: str
    prefix: str | None
    suffix: str | None
    creator: str
    creator_url: str | None
    created: str
    modified: str | None
    motivation: str
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    body: str
    body_line: int
    lines: dict = field(default_factory=dict, compare=False, hash=False)  # field -> line
    # A forecast's outcome (tag what-happened-next): expected, outcome, summary (scripts/hindsight).
    forecast: dict | None = field(default=None, compare=False, hash=False)

    def line(self, name: str) -> int | None:
        return self.lines.get((name,))

    @property
    def url(self) -> str:
        """Its own page, site-relative."""
        return f"{FOLDER}/{self.id}/"

    @property
    def anchor(self) -> str:
        """The id of its highlight on the essay page."""
        return "annotation-" + self.id.replace("/", "--")

    @property
    def essay(self) -> str:
        return self.target.split("-", 1)[0]


def annotation_id(path: Path, docs: Path) -> str:
    return path.relative_to(docs / FOLDER).with_suffix("").as_posix()


def annotation(path: Path, docs: Path, rel: str, meta: dict, body: str, body_line: int,
               lines: dict | None = None) -> Annotation:
    """An annotation from a file's front matter (valid against the schema) and note."""
    creator = meta["creator"]
    name, url = (creator, None) if isinstance(creator, str) else (creator["name"], creator.get("url"))
    return Annotation(
        id=annotation_id(path, docs), rel=rel, target=meta["target"], exact=meta["exact"],
        prefix=meta.get("prefix"), suffix=meta.get("suffix"), creator=name, creator_url=url,
        created=meta["created"], modified=meta.get("modified"), motivation=meta["motivation"],
        tags=tuple(meta.get("tags") or ()), sources=tuple(meta.get("sources") or ()),
        body=body, body_line=body_line, lines=dict(lines or {}),
        forecast=dict(meta["forecast"]) if meta.get("forecast") else None)
