"""Ranges of passages, as a teacher assigns them: "¶ 4–9", or a whole section. A range runs
from one passage to another in reading order; its link opens the essay at its first passage
(``?to=<last>#<first>``: without scripts, an ordinary link to the first passage; the essay's
script marks the whole range), and its citation names its paragraphs ("paras. 4–9")."""

from __future__ import annotations

from dataclasses import dataclass

# What a range may hold: the text, in reading order (not the notes, the author's bio).
READ = ("standfirst", "paragraph", "heading", "caption")
PARAM = "to"  # the query parameter that names a range's last passage


@dataclass(frozen=True)
class Section:
    id: str  # the heading's id, or the first passage's for the opening
    title: str
    first: str
    last: str


def reading(records: list[dict]) -> list[dict]:
    """An essay's passages that ranges run over, in reading order."""
    return [r for r in records if r["kind"] in READ]


def span(records: list[dict], first: str, last: str) -> list[dict] | None:
    """The passages from ``first`` to ``last`` inclusive (``records``: :func:`reading`), or None
    if either is not there or ``last`` comes before ``first``."""
    ids = [r["id"] for r in records]
    if first not in ids or last not in ids or ids.index(last) < ids.index(first):
        return None
    return records[ids.index(first):ids.index(last) + 1]


def paragraphs(records: list[dict]) -> tuple[str, str] | None:
    """The numbers of the first and last paragraph among ``records``, or None if none is one."""
    numbers = [r["number"] for r in records if r["kind"] == "paragraph"]
    return (numbers[0], numbers[-1]) if numbers else None


def href(essay_url: str, first: str, last: str) -> str:
    """A range's link (relative to the site root, like ``essay_url``): one passage is its own."""
    return f"{essay_url}#{first}" if first == last else f"{essay_url}?{PARAM}={last}#{first}"


def sections(records: list[dict], opening: str = "Opening") -> list[Section]:
    """The essay's sections (``records``: :func:`reading`): the passages before its first
    heading, then each heading with the passages up to the next one."""
    found: list[Section] = []
    start = 0
    for i, r in enumerate(records + [None]):
        if r is not None and r["kind"] != "heading":
            continue
        if i > start:
            head = records[start]
            title = head["text"] if head["kind"] == "heading" else opening
            found.append(Section(head["id"], title, head["id"], records[i - 1]["id"]))
        start = i
    return found
