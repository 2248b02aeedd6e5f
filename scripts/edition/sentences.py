"""Sentences of a passage's text (sentencex, a rule-based segmenter that knows "U.S." and
"Sen." are not ends of sentences), as spans, for the sentence that holds a mention."""

from __future__ import annotations

import sentencex


def spans(text: str) -> list[tuple[int, int]]:
    """Each sentence of ``text`` as (start, end), in order, covering the text's words."""
    found, cursor = [], 0
    for sentence in sentencex.segment("en", text):
        sentence = sentence.strip()
        if not sentence:
            continue
        start = text.find(sentence, cursor)
        if start < 0:  # the segmenter changed the text (it should not): the rest is one sentence
            found.append((cursor, len(text)))
            return found
        found.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return found


def containing(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of the sentences that hold ``start`` to ``end`` (a mention may, rarely, run
    across a boundary the segmenter saw: the two sentences together)."""
    first = next((s for s in sentences if s[0] <= start < s[1]), None)
    last = next((s for s in sentences if s[0] < end <= s[1]), None)
    if first is None or last is None:
        return (0, sentences[-1][1]) if sentences else (start, end)
    return first[0], last[1]
