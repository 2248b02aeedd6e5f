"""Passage ids and the passage index.

A passage id is written by hand in the Markdown (``{#toucas-p12}``) and never derived from
position. Its form is ``<essay>-<kind><number>``: ``p`` paragraph, ``h`` heading, ``c`` caption,
``s`` standfirst, ``n`` note, and ``<essay>-bio`` for the author's bio line. The visible number
(¶ 12) is read from the id, so it can never drift from it.

This module finds passages in an essay's HTML and describes them for ``passages.json``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from scripts.common import htmltools

# The form of an id is defined once, in the JSON Schema the data files' schemas refer to.
ID_SCHEMA = Path(__file__).parent / "schemas" / "passage-id.schema.json"
ID_RE = re.compile(json.loads(ID_SCHEMA.read_text(encoding="utf-8"))["pattern"])

KINDS = {
    "p": "paragraph",
    "h": "heading",
    "c": "caption",
    "s": "standfirst",
    "n": "note",
    "bio": "bio",
}

# Which HTML element may carry which kind of passage.
TAGS = {
    "paragraph": {"p"},
    "heading": {"h2", "h3", "h4"},
    "caption": {"figcaption"},
    "standfirst": {"p"},
    "note": {"p"},
    "bio": {"p"},
}

# Parts of a passage element that are not its text: the edition's controls, note markers,
# footnote back-links, emendation marks.
NOT_TEXT = (
    ".passage-tools",
    "sup[id^='fnref']",
    ".footnote-backref",
    ".emendation-mark",
    ".edition-biblink",
    "[data-not-text]",  # what another feature adds to a passage (an annotation's marker)
)


@dataclass(frozen=True)
class PassageId:
    essay: str
    kind: str
    number: str

    @property
    def label(self) -> str:
        return label(self.kind, self.number)


def parse(pid: str) -> PassageId | None:
    """Parse a passage id; ``None`` if ``pid`` is not one."""
    if not ID_RE.match(pid):
        return None
    essay, rest = pid.split("-", 1)  # an essay id has no hyphen (essay.schema.json)
    if rest == "bio":
        return PassageId(essay, "bio", "")
    return PassageId(essay, KINDS[rest[0]], rest[1:])


def repeated(ids: list[str]) -> list[str]:
    """The ids that stand more than once in ``ids``, sorted."""
    return sorted(pid for pid, count in Counter(ids).items() if count > 1)


def label(kind: str, number: str) -> str:
    """The visible label of a passage: ¶ 12, § 2, Caption 1, Note 3, Standfirst, Author."""
    return {
        "paragraph": f"¶ {number}",
        "heading": f"§ {number}",
        "caption": f"Caption {number}",
        "note": f"Note {number}",
        "standfirst": "Standfirst",
        "bio": "Author",
    }[kind]


def spoken(kind: str, number: str) -> str:
    """The label as a screen reader should say it: "paragraph 12", "section 2"."""
    return {
        "paragraph": f"paragraph {number}",
        "heading": f"section {number}",
        "caption": f"caption {number}",
        "note": f"note {number}",
        "standfirst": "standfirst",
        "bio": "author's bio",
    }[kind]


def elements(root: lxml_html.HtmlElement, essay: str) -> list[tuple[lxml_html.HtmlElement, PassageId]]:
    """Passage elements of ``essay`` under ``root``, in document order."""
    found = []
    for el in root.iter():
        pid = parse(el.get("id") or "") if isinstance(el.tag, str) else None
        if pid and pid.essay == essay:
            found.append((el, pid))
    return found


def text(el: lxml_html.HtmlElement) -> str:
    """The plain text of a passage element: no controls, note markers or back-links."""
    clone = htmltools.copy(el)
    for selector in NOT_TEXT:
        for part in clone.cssselect(selector):
            htmltools.drop(part)
    return " ".join(clone.text_content().split())


def records(root: lxml_html.HtmlElement, essay: str, page_url: str) -> list[dict]:
    """Entries of the passage index for one essay page, in reading order."""
    result = []
    for el, pid in elements(root, essay):
        result.append(
            {
                "id": el.get("id"),
                "essay": essay,
                "kind": pid.kind,
                "number": pid.number,
                "label": pid.label,
                "text": text(el),
                "editorial": "editorial" in (el.get("class") or "").split(),
                "url": f"{page_url}#{el.get('id')}",
            }
        )
    return result
