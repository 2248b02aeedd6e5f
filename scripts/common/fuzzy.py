"""The closest words: where words that should stand in a text are not there, the words of the
text most like them (rapidfuzz), to propose in a problem's message. Shared by the features that
quote the essays (annotations, comparisons)."""

from __future__ import annotations

from rapidfuzz import fuzz


def closest(words: str, texts: dict[str, str]) -> tuple[str, str, float] | None:
    """The text and the words in it closest to ``words`` (``texts``: name -> text, a passage's
    by its id), with the score (0-100), or None if nothing is close."""
    words = " ".join(words.split())
    best = None
    for name, text in texts.items():
        match = fuzz.partial_ratio_alignment(words, text)
        if match and (best is None or match.score > best[2]):
            start, end = _whole_words(text, match.dest_start, match.dest_end)
            best = (name, text[start:end], match.score)
    return best if best and best[2] >= 60 else None


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole words (an alignment may cut one)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end
