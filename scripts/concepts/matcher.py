"""Finding concepts' mentions in a text: one pass over the text for every alias of every concept
(two Aho-Corasick automata, pyahocorasick: one for forms that match in any case, one for forms
that must match as written), whole words only, the longest form winning where two overlap."""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True)
class Mention:
    start: int  # in the text searched
    end: int
    concept: str  # its slug
    form: str  # the alias that matched, as the concept file gives it


@dataclass(frozen=True)
class Alias:
    form: str
    concept: str
    match_case: bool = False


class Matcher:
    """Every alias of every concept, compiled once; :meth:`find` is one pass over a text."""

    def __init__(self, aliases: list[Alias]):
        self.any_case = ahocorasick.Automaton()
        self.exact = ahocorasick.Automaton()
        for alias in aliases:
            automaton, key = (self.exact, alias.form) if alias.match_case else (self.any_case, alias.form.casefold())
            if key not in automaton:  # two concepts claiming one form: scripts/concepts/checks.py
                automaton.add_word(key, (len(key), alias))
        for automaton in (self.any_case, self.exact):
            if len(automaton):
                automaton.make_automaton()

    def candidates(self, text: str) -> list[Mention]:
        """Every whole-word occurrence of every alias, overlapping ones included."""
        found = []
        folded = text.casefold()
        if len(folded) != len(text):  # casefold changed lengths (ß → ss): match as written only
            folded = None
        for automaton, haystack in ((self.any_case, folded), (self.exact, text)):
            if not len(automaton) or haystack is None:
                continue
            for last, (length, alias) in automaton.iter(haystack):
                start, end = last - length + 1, last + 1
                if _word_boundary(text, start) and _word_boundary(text, end):
                    found.append(Mention(start, end, alias.concept, alias.form))
        return found

    def find(self, text: str, allowed=lambda start, end: True) -> list[Mention]:
        """The mentions in ``text``, in order, none overlapping: where two overlap the longer
        wins ("Aegis Ashore" over "Aegis"), then the earlier. ``allowed(start, end)`` may refuse
        a span (one that runs into a link or a note marker)."""
        chosen: list[Mention] = []
        taken = [False] * (len(text) + 1)
        for mention in sorted(self.candidates(text), key=lambda m: (m.start - m.end, m.start)):
            if any(taken[mention.start:mention.end]) or not allowed(mention.start, mention.end):
                continue
            for i in range(mention.start, mention.end):
                taken[i] = True
            chosen.append(mention)
        return sorted(chosen, key=lambda m: m.start)


def _word_boundary(text: str, index: int) -> bool:
    """No letter or digit on both sides of ``index``."""
    if index <= 0 or index >= len(text):
        return True
    return not (text[index - 1].isalnum() and text[index].isalnum())
