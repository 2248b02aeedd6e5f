"""Read a copy-text and remove its extraction artefacts, following recorded decisions.

The copy-texts in ``docs/sources/`` are plain-text extractions of the essays, kept exactly as
received. This module turns one into the sequence of blocks (paragraphs, captions, notes, bio)
that the edition must reproduce word for word. Every repair it makes is driven by the
``copytext`` block of the essay's front matter, so each decision is written down, shown in the
apparatus and checked: a line-break hyphen without a recorded decision, a running head whose
text does not match, or note markers out of sequence are errors, never guesses.

Pure functions on strings and dicts: no MkDocs, no file system except :func:`read`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

# A note marker glued to the preceding word or closing punctuation: "homeland.1", "missile15 to",
# "interceptors.”2". The sequence check in strip_markers catches any false match.
MARKER_RE = re.compile(r"(?<=[A-Za-z.,;:)”’\"])(\d{1,2})(?=\s|$)")
NOTE_LINE_RE = re.compile(r"^(\d{1,2})\.\s+(.*)$")  # "1." + an en space in Toucas


class CopyTextError(ValueError):
    """A copy-text does not match the decisions recorded for it."""


@dataclass
class Block:
    """One block of the copy-text after artefact removal."""

    kind: str  # "text", "caption", "note" or "bio"
    text: str  # whitespace collapsed, note markers removed
    first_line: int  # 1-based line of the copy-text where the block starts
    markers: list[int] = field(default_factory=list)  # note numbers found in the block
    number: int | None = None  # note number, for notes


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def collapse(text: str) -> str:
    return " ".join(text.split())


def strip_markers(text: str) -> tuple[str, list[int]]:
    """Remove glued note markers from ``text``; return the text and the marker numbers."""
    found = [int(m.group(1)) for m in MARKER_RE.finditer(text)]
    return collapse(MARKER_RE.sub("", text)), found


def _check_line(lines: list[str], entry: dict, what: str) -> str:
    number = entry["line"]
    if not 1 <= number <= len(lines):
        raise CopyTextError(f"{what}: line {number} is outside the copy-text")
    return lines[number - 1]


def _header(lines: list[str], config: dict) -> dict[int, str]:
    """Lines of the title block (title, date, byline) that the page header presents."""
    taken = {}
    for entry in config.get("header", []):
        line = _check_line(lines, entry, "header").strip()
        if line != entry["text"]:
            raise CopyTextError(
                f"header line {entry['line']}: expected {entry['text']!r}, copy-text has {line!r}"
            )
        taken[entry["line"]] = line
    return taken


def _artefacts(lines: list[str], config: dict) -> set[int]:
    """Running heads and page numbers: removed, but only if their text is as recorded."""
    taken = set()
    for entry in config.get("artefact_lines", []):
        line = _check_line(lines, entry, "artefact").strip()
        if line != entry["text"]:
            raise CopyTextError(
                f"artefact line {entry['line']}: expected {entry['text']!r}, copy-text has {line!r}"
            )
        taken.add(entry["line"])
    return taken


def _paragraphs_by_line(lines: list[str], skip: set[int]) -> list[tuple[int, str]]:
    """Layout ``lines``: every non-empty line is a paragraph."""
    return [(n, line) for n, line in enumerate(lines, 1) if n not in skip and line.strip()]


def _paragraphs_wrapped(lines: list[str], skip: set[int], config: dict) -> list[tuple[int, str]]:
    """Layout ``wrapped``: join wrapped lines into paragraphs by the recorded decisions.

    A line ending in a space continues its paragraph; a line ending in a hyphen was broken at
    the hyphen and needs a recorded decision (``join`` or ``keep``); any other line ends its
    paragraph. Unmarked paragraph breaks are recorded in ``paragraph_breaks``.
    """
    hyphens = {h["line"]: h for h in config.get("hyphenation", [])}
    breaks = {b["after_line"] for b in config.get("paragraph_breaks", [])}
    used_hyphens: set[int] = set()
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for n, raw in enumerate(lines, 1):
        if n in skip or not raw.strip():
            continue
        if not current:
            start = n
        line = raw.strip()
        if raw.rstrip().endswith("-") and not raw.endswith(" "):
            decision = hyphens.get(n)
            if decision is None:
                raise CopyTextError(
                    f"line {n} ends in a hyphen ({line[-20:]!r}) with no recorded decision "
                    "in copytext.hyphenation"
                )
            used_hyphens.add(n)
            current.append(line[:-1] if decision["action"] == "join" else line)
            current.append("\0")  # glue marker: no space at the join
            continue
        current.append(line)
        if not raw.endswith(" ") or n in breaks:
            paragraphs.append((start, _join(current)))
            current = []
    if current:
        paragraphs.append((start, _join(current)))
    unused = set(hyphens) - used_hyphens
    if unused:
        raise CopyTextError(f"hyphenation decisions for lines {sorted(unused)} match no hyphen")
    _check_hyphen_words(lines, hyphens)
    return paragraphs


def _join(parts: list[str]) -> str:
    text = " ".join(parts).replace(" \0 ", "")
    return text.replace("\0", "")


def _check_hyphen_words(lines: list[str], hyphens: dict[int, dict]) -> None:
    """The recorded word must be what the decision makes of the two halves."""
    for n, decision in hyphens.items():
        head = lines[n - 1].strip().split()[-1]
        following = next(
            (line.strip() for line in lines[n:] if line.strip()), ""
        ).split()
        tail = following[0] if following else ""
        joined = (head[:-1] if decision["action"] == "join" else head) + tail
        word = decision["word"]
        # The whole word: what follows it on the line (if anything) is not part of a word.
        rest = joined[len(word):] if joined.startswith(word) else None
        if rest is None or rest[:1].isalnum():
            raise CopyTextError(
                f"hyphenation at line {n}: decision gives {joined!r}, recorded word is {word!r}"
            )


def _split_captions(paragraphs: list[tuple[int, str]], config: dict) -> list[Block]:
    """Separate photo captions fused to the start of a paragraph."""
    ends = [c["ends_with"] for c in config.get("captions", [])]
    found: set[str] = set()
    blocks: list[Block] = []
    for line, text in paragraphs:
        for end in ends:
            if end in text:
                caption, _, rest = text.partition(end)
                blocks.append(Block("caption", collapse(caption + end), line))
                text = rest
                found.add(end)
        blocks.append(Block("text", collapse(text), line))
    missing = [e for e in ends if e not in found]
    if missing:
        raise CopyTextError(f"caption ending {missing[0]!r} not found in the copy-text")
    return blocks


def blocks(text: str, config: dict) -> list[Block]:
    """The copy-text ``text`` as blocks, artefacts removed per ``config`` (the front matter)."""
    lines = text.split("\n")
    skip = set(_header(lines, config)) | _artefacts(lines, config)
    if config.get("layout") == "wrapped":
        paragraphs = _paragraphs_wrapped(lines, skip, config)
    else:
        paragraphs = _paragraphs_by_line(lines, skip)

    body: list[tuple[int, str]] = []
    notes: list[Block] = []
    for line, para in paragraphs:
        match = NOTE_LINE_RE.match(para.strip())
        if match and (notes or int(match.group(1)) == 1):
            notes.append(Block("note", collapse(match.group(2)), line, number=int(match.group(1))))
        else:
            body.append((line, para))

    if body:  # the last paragraph is the author's biography
        bio_line, bio_text = body.pop()
    else:
        bio_line, bio_text = 0, ""
    result = _split_captions(body, config)
    expected = 1
    for block in result:
        block.text, block.markers = strip_markers(block.text)
        for number in block.markers:
            if number != expected:
                raise CopyTextError(
                    f"note marker {number} near line {block.first_line}: expected marker {expected}"
                )
            expected += 1
    count = config.get("note_markers", 0)
    if expected - 1 != count:
        raise CopyTextError(f"found {expected - 1} note markers, copytext.note_markers says {count}")
    for i, note in enumerate(notes, 1):
        if note.number != i:
            raise CopyTextError(f"note {note.number} at line {note.first_line}: expected note {i}")
    result.extend(notes)
    if bio_text:
        result.append(Block("bio", collapse(bio_text), bio_line))
    return result


def header(text: str, config: dict) -> dict[str, str]:
    """The title-block lines of the copy-text by field (title, date, byline)."""
    lines = text.split("\n")
    _header(lines, config)
    return {entry["field"]: entry["text"] for entry in config.get("header", [])}


def apply_emendations(items: list[Block], emendations: list[dict]) -> list[Block]:
    """Apply recorded emendations (copy-text reading → edition reading) to ``items``.

    Each copy-text reading must occur exactly once in the whole copy-text.
    """
    for emendation in emendations:
        old, new = emendation["copytext"], emendation["edition"]
        hits = [b for b in items if old in b.text]
        total = sum(b.text.count(old) for b in hits)
        if total != 1:
            raise CopyTextError(
                f"emendation {emendation['id']}: copy-text reading {old!r} occurs {total} times "
                "(it must occur exactly once)"
            )
        hits[0].text = hits[0].text.replace(old, new)
    return items
