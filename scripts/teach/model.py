"""The teachers' kit, read from ``docs/teach/``: the teachers' page (``index.md``), a reading guide
per essay (front matter ``guide``, schemas/guide.schema.json) and the comparison assignment
(front matter ``assignment``, schemas/assignment.schema.json)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER = "teach"
INDEX = f"{FOLDER}/index.md"
GUIDE_SCHEMA = Path(__file__).parent / "schemas" / "guide.schema.json"
ASSIGNMENT_SCHEMA = Path(__file__).parent / "schemas" / "assignment.schema.json"


@dataclass(frozen=True)
class Part:
    title: str
    first: str  # passage ids: the part runs from ``first`` to ``last``, in reading order
    last: str
    summary: str


@dataclass(frozen=True)
class Question:
    text: str
    passages: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    essay: str
    title: str
    before: tuple[str, ...]  # concept slugs
    parts: tuple[Part, ...]
    questions: tuple[Question, ...]
    src_uri: str


@dataclass(frozen=True)
class Prompt:
    text: str
    themes: tuple[str, ...]  # comparison theme slugs


def guide(src_uri: str, meta: dict) -> Guide:
    data = meta["guide"]
    return Guide(data["essay"], meta["title"], tuple(data["before"]),
                 tuple(Part(p["title"], p["from"], p["to"], " ".join(p["summary"].split())) for p in data["parts"]),
                 tuple(Question(" ".join(q["question"].split()), tuple(q["passages"])) for q in data["questions"]),
                 src_uri)


def prompts(meta: dict) -> list[Prompt]:
    return [Prompt(" ".join(p["prompt"].split()), tuple(p["themes"])) for p in meta["assignment"]["prompts"]]


def kind_of(meta: dict | None) -> str | None:
    """What a page of the folder is: ``guide``, ``assignment``, or None (the teachers' page)."""
    meta = meta or {}
    return "guide" if "guide" in meta else "assignment" if "assignment" in meta else None


def in_folder(src_uri: str) -> bool:
    return src_uri.startswith(FOLDER + "/") and src_uri.endswith(".md")
