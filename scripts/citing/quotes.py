"""Quotations of the authors in the edition's own prose (concept definitions, annotations):
a sentence that names an author or cites an essay may quote only that essay's words. The
check is by machine, against the essays' text as ``make check`` reads it."""

from __future__ import annotations

import re

from scripts.citing import bib
from scripts.common.feature import Project
from scripts.edition import sentences

QUOTE_RE = re.compile(r'"([^"\n]+)"|\u201c([^\u201d]+)\u201d')


def verbatim(quote: str, text: str) -> bool:
    """``quote`` stands in ``text`` word for word (white space aside), its parts in order where
    it elides with " … "; a closing comma or full stop inside the quotation marks is the
    edition's punctuation, not the author's."""
    cursor = 0
    for part in quote.split(" … "):
        part = " ".join(part.split()).rstrip(",.;:")
        found = text.find(part, cursor)
        if not part or found < 0:
            return False
        cursor = found + len(part)
    return True


def author_quotes(body: str, essays: dict[str, tuple[set[str], str]]) -> list[str]:
    """The quotations in ``body`` attributed to an author that are not the author's words: a
    sentence that names an author or cites an essay (``essays``: essay -> (the author's surname
    and the essay's bib keys as ``@key``, its text)) quotes only the essays it names."""
    wrong = []
    prose = " ".join(body.split())
    for start, end in sentences.spans(prose):
        sentence = prose[start:end]
        named = [text for names, text in essays.values()
                 if any(n in sentence if n.startswith("@") else re.search(rf"\b{re.escape(n)}\b", sentence)
                        for n in names)]
        if not named:
            continue
        for match in QUOTE_RE.finditer(sentence):
            quote = match.group(1) or match.group(2)
            if not any(verbatim(quote, text) for text in named):
                wrong.append(quote)
    return wrong


def essay_texts(project: Project, records: list[dict]) -> dict[str, tuple[set[str], str]]:
    """Each essay's author's surname and bib keys (bib/usage.yml), and its text (``records``:
    the passage records of ``scripts.edition.corpus``)."""
    use = bib.usage(project.root / "bib")["essays"]
    out = {}
    for page in project.pages:
        essay = (page.meta or {}).get("essay")
        if not essay or essay.get("id") not in use:
            continue
        keys = use[essay["id"]]
        text = " ".join(r["text"] for r in records if r["essay"] == essay["id"])
        out[essay["id"]] = ({essay["author"].split()[-1], "@" + keys["original"], "@" + keys["edition"]}, text)
    return out


MESSAGE = "is quoted from an essay but is not its words: quote the text exactly (white space aside), or do not quote it"
