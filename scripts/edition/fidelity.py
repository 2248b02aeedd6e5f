"""Fidelity: the edition's passages against the copy-text, word for word and block for block."""

from __future__ import annotations

from scripts.edition.copytext import Block

# Which passage kinds may stand for which copy-text block.
COMPATIBLE = {
    "text": {"paragraph", "heading", "standfirst"},
    "caption": {"caption"},
    "note": {"note"},
    "bio": {"bio"},
}
CONTEXT = 8


def _words(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(word, where) for each word of each (where, text) item."""
    return [(word, where) for where, text in items for word in text.split()]


def compare(blocks: list[Block], records: list[dict]) -> list[str]:
    """Differences between copy-text blocks and the authorial passages; empty if faithful.

    Reports the first word that differs, with context and both locations, then any difference
    in how the words are divided into blocks or in the kind of a block.
    """
    edition = [r for r in records if not r["editorial"]]
    ours = _words([(r["id"], r["text"]) for r in edition])
    theirs = _words([(f"copy-text line {b.first_line}", b.text) for b in blocks])
    for i, ((a, where_a), (b, where_b)) in enumerate(zip(ours, theirs)):
        if a != b:
            return [
                f"first difference at word {i + 1}: edition has {a!r} ({where_a}), "
                f"copy-text has {b!r} ({where_b})\n"
                f"  edition:   …{' '.join(w for w, _ in ours[max(0, i - CONTEXT):i + CONTEXT])}…\n"
                f"  copy-text: …{' '.join(w for w, _ in theirs[max(0, i - CONTEXT):i + CONTEXT])}…"
            ]
    if len(ours) != len(theirs):
        longer, name = (ours, "edition") if len(ours) > len(theirs) else (theirs, "copy-text")
        start = min(len(ours), len(theirs))
        extra = " ".join(w for w, _ in longer[start:start + 2 * CONTEXT])
        return [f"the {name} has {abs(len(ours) - len(theirs))} more words, from {longer[start][1]}: “{extra}…”"]
    problems = []
    if len(edition) != len(blocks):
        problems.append(f"the edition has {len(edition)} authorial passages, the copy-text {len(blocks)} blocks")
    for record, block in zip(edition, blocks):
        if record["text"] != block.text:
            problems.append(
                f"{record['id']} and the block at copy-text line {block.first_line} divide the text "
                f"differently: passage ends “…{record['text'][-40:]}”, block ends “…{block.text[-40:]}”"
            )
            break
        if record["kind"] not in COMPATIBLE[block.kind]:
            problems.append(f"{record['id']} is a {record['kind']}, but copy-text line {block.first_line} is a {block.kind}")
    return problems
