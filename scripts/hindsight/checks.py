"""The hindsight layer's checks (``make check`` and the build): the scorecard page's front
matter; each note on what happened next in the edition's dated voice, every fact sourced (each
sentence but those of the last paragraph cites ``bib/``; the last paragraph, the edition's
judgement, begins "As of <month year>,"); each forecast tagged, and no forecast twice."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.annotations import model as annotations
from scripts.annotations import rendering
from scripts.citing import bib
from scripts.common.feature import DocsPage, read_page, valid_pages
from scripts.common.validate import Problem
from scripts.hindsight import model

# Words ending in a full stop that end no sentence ("U.S. Navy", "No. 3").
ABBREVIATION_RE = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:No|Nos|Gen|Lt|Col|Adm|Sen|Rep|Dr|Mr|Mrs|Ms|St|Jan|Feb|Aug|Sept|"
                             r"Oct|Nov|Dec|approx|cf|vs|e\.g|i\.e)\.)$")
SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’*_)]*\s+(?=[\"“‘*_(]*[A-Z0-9])")
MASK = "\u2063C\u2063"  # a citation, while sentences are found (its locator's full stop ends nothing)


def scorecard(docs: Path, cache_dir: Path | None = None) -> tuple[DocsPage | None, str | None, list[Problem]]:
    """The scorecard page, the month its notes report to ("November 2026"), and its problems."""
    path = docs / model.SCORECARD
    if not path.is_file():
        return None, None, []
    page = read_page(path, docs)
    if page.problem:
        return page, None, [page.problem]
    valid, problems = valid_pages([page], model.SCHEMA, cache_dir)
    if problems:
        return page, None, problems
    if page.body.count(model.MARKER) != 1:
        return page, None, [Problem(page.rel, None, "body", f"put {model.MARKER} once where the scorecard goes")]
    return page, page.meta["hindsight"]["as_of"], []


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences (citations kept whole; abbreviations end none)."""
    masked = bib.CITATION_BLOCK_RE.sub(lambda m: MASK * (m.group(0).count("@") or 1) if "@" in m.group(0) else m.group(0),
                                       paragraph)
    # A citation after the full stop ("… it said.” [@key]") belongs to the sentence it follows.
    masked = re.sub(f"([.!?][\"”’]*)\\s*((?:{MASK})+)", r"\2\1", " ".join(masked.split()))
    pieces = [p for p in SPLIT_RE.split(masked) if p]
    out: list[str] = []
    for piece in pieces:
        if out and ABBREVIATION_RE.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def paragraphs(body: str) -> list[tuple[int, str]]:
    """The note's paragraphs, each with the line (from 0) it starts on."""
    found, start, lines = [], None, body.split("\n")
    for i, line in enumerate(lines + [""]):
        if line.strip() and start is None:
            start = i
        elif not line.strip() and start is not None:
            found.append((start, "\n".join(lines[start:i])))
            start = None
    return found


def note_problems(a: annotations.Annotation, as_of: str) -> list[Problem]:
    """A note on what happened next: facts sourced, judgement dated, forecast tagged."""
    problems = []
    if a.forecast is not None and model.TAG not in a.tags:
        problems.append(Problem(a.rel, a.line("tags"), "front matter tags",
                                f"a forecast's note is on what happened next: add {model.TAG} to its tags"))
    if not model.is_hindsight(a):
        return problems
    found = paragraphs(a.body)
    if not found:
        return problems + [Problem(a.rel, a.body_line, "note", "a note on what happened next says what happened: write it")]
    *facts, (last_line, last) = found
    opening = f"As of {as_of},"
    if not last.lstrip().startswith(opening):
        problems.append(Problem(a.rel, a.body_line + last_line, "note",
                                f"the last paragraph is the edition's judgement, dated: begin it “{opening}”"))
    for line, text in facts:
        for sentence in sentences(text):
            if MASK not in sentence:
                words = sentence.replace(MASK, "")[:60]
                problems.append(Problem(a.rel, a.body_line + line + _offset(text, words), "note",
                                        f"“{words}…” states a fact without a source: cite a key of bib/ ([@key]) "
                                        "before its full stop, or move the sentence to the last paragraph if it is the edition's judgement"))
    if not rendering.citations(a.body):
        problems.append(Problem(a.rel, a.body_line, "note", "a note on what happened next cites its sources: add [@key]"))
    return problems


def _offset(text: str, words: str) -> int:
    """The line, within its paragraph, where a sentence begins."""
    head = words.split()[:3]
    found = re.search(r"\s+".join(map(re.escape, head)), text) if head else None
    return text[:found.start()].count("\n") if found else 0


def forecast_problems(forecasts: list[model.Forecast]) -> list[Problem]:
    """No forecast twice (the same words of the same passage)."""
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for f in forecasts:
        key = (f.annotation.target, " ".join(f.annotation.exact.split()))
        if key in seen:
            problems.append(Problem(f.annotation.rel, f.annotation.line("exact"), "front matter exact",
                                    f"annotations/{seen[key]} already scores this forecast: keep one of them"))
        else:
            seen[key] = f.id
    return problems


def problems(items: list[annotations.Annotation], as_of: str | None) -> list[Problem]:
    """Everything wrong with the hindsight layer's notes (``as_of``: None without a scorecard)."""
    found = []
    if as_of is None and any(a.forecast for a in items):
        first = next(a for a in items if a.forecast)
        found.append(Problem(first.rel, first.line("forecast"), "front matter forecast",
                             f"forecasts are scored on docs/{model.SCORECARD}, which is missing: restore it"))
        return found
    for a in items:
        found += note_problems(a, as_of or "")
    return found + forecast_problems(model.forecasts(items))
