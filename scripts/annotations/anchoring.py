"""Where an annotation's words are in its passage: the W3C Web Annotation model's
TextQuoteSelector (exact words, with the text just before and after where they occur more than
once), resolved on the passage's text; and, when they are not there, the closest words
(rapidfuzz) to propose.

The words are looked for in the passage's text as ``passages.json`` has it, then in the text a
reader copies from the page (a note marker's number or an emendation mark inside), so either
matches. White space counts as one space.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import process

from scripts.common.fuzzy import closest  # noqa: F401  (the annotations' checks propose these words)
from scripts.edition.textmap import TextMap


def normal(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Anchor:
    passage: str
    start: int  # in the passage's text
    end: int


@dataclass(frozen=True)
class Miss:
    """Why words were not anchored: ``missing`` or ``ambiguous``, with what helps mend it."""

    kind: str
    occurrences: tuple[tuple[int, int], ...] = ()  # where they stand, if ambiguous


def _find_all(needle: str, hay: str) -> list[int]:
    found, start = [], hay.find(needle)
    while start >= 0 and needle:
        found.append(start)
        start = hay.find(needle, start + 1)
    return found


def spans(exact: str, text: TextMap) -> list[tuple[int, int]]:
    """Every place of the words in the passage's text (found in it, or in what a reader copies)."""
    words = normal(exact)
    found = [(s, s + len(words)) for s in _find_all(words, text.text)]
    if found:
        return found
    mapped = [text.from_display(s, s + len(words)) for s in _find_all(words, text.display)]
    return sorted({m for m in mapped if m})


def _fits(text: str, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return ((not prefix or before.endswith(normal(prefix))) and
            (not suffix or after.startswith(normal(suffix))))


def locate(passage: str, exact: str, prefix: str | None, suffix: str | None, text: TextMap) -> Anchor | Miss:
    """The one place of the words in the passage, told apart by ``prefix`` and ``suffix`` where
    they stand more than once."""
    found = spans(exact, text)
    if not found:
        return Miss("missing")
    fitting = [s for s in found if _fits(text.text, s[0], s[1], prefix, suffix)]
    if len(fitting) == 1:
        return Anchor(passage, *fitting[0])
    if not fitting:
        return Miss("missing", tuple(found))
    return Miss("ambiguous", tuple(fitting))


def context(text: str, start: int, end: int, width: int = 30) -> str:
    """The words with a little of what surrounds them: “…before [words] after…”."""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    return f"…{before}[{text[start:end]}]{after}…"


def nearest_ids(pid: str, ids: list[str], limit: int = 3) -> list[str]:
    """The passage ids most like an unknown one (a typo, a moved number)."""
    return [match for match, _, _ in process.extract(pid, ids, limit=limit)]
