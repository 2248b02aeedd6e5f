"""Where the essays use each concept: every mention found while the essays were linked
(scripts.concepts.linking), gathered by concept and by essay, each with the sentence that holds
it. What a concept page's "In the essays" and the concept index count and show."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.edition import sentences
from scripts.concepts.linking import Found


@dataclass(frozen=True)
class Passage:
    """A passage that mentions concepts: its id, label, essay, address and text."""

    id: str
    label: str
    essay: str
    url: str  # site-relative, with the id as fragment
    text: str  # as in passages.json


@dataclass(frozen=True)
class Use:
    """One mention of a concept, in its passage, with the sentence that holds it."""

    passage: Passage
    start: int  # in the passage's text
    end: int
    sentence: tuple[int, int]  # the sentence's span in the passage's text


@dataclass
class Uses:
    """Every mention of every concept, as the essays were linked, in reading order."""

    by_concept: dict[str, list[Use]] = field(default_factory=dict)
    essays: dict[str, dict] = field(default_factory=dict)  # essay id -> {"title", "author", "url"}

    def add(self, passage: Passage, found: list[Found]) -> None:
        spans = sentences.spans(passage.text) if found else []
        for item in found:
            m = item.mention
            self.by_concept.setdefault(m.concept, []).append(
                Use(passage, m.start, m.end, sentences.containing(spans, m.start, m.end)))

    def of(self, concept: str, essay: str | None = None) -> list[Use]:
        found = self.by_concept.get(concept, [])
        return [u for u in found if essay is None or u.passage.essay == essay]

    def count(self, concept: str, essay: str) -> tuple[int, int]:
        """Mentions and passages of ``concept`` in ``essay``."""
        found = self.of(concept, essay)
        return len(found), len({u.passage.id for u in found})
