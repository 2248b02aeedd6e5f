"""The edition's checks of an essay: front matter against the essay schema; the rendered HTML
(passage ids, note references, emendations, printed addresses); passage ids unique across the
site.

Shared by ``make check`` (on Markdown rendered without MkDocs: scripts/edition/corpus.py) and
the build (on its HTML). Every check returns a list of Problems (scripts.common.validate) and
never raises on bad content.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from lxml import html as lxml_html

from scripts.common.validate import Problem, schema_problems
from scripts.edition import passages

SCHEMA = Path(__file__).parent / "schemas" / "essay.schema.json"
FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\s]+)\]")


def front_matter(meta: dict, file: str, line_of=lambda path: None, cache_dir: Path | None = None) -> list[Problem]:
    """Schema errors of an essay's front matter; ``line_of(path)`` maps a field path to a line
    (``cache_dir``: valid front matter is remembered, :func:`validate.schema_problems`)."""
    return schema_problems(SCHEMA, meta, file, line_of, "front matter ", cache_dir)


def _line_of_text(source: str, needle: str, offset: int = 0) -> int | None:
    index = source.find(needle)
    return None if index < 0 else source.count("\n", 0, index) + 1 + offset


def _in_editorial(el: lxml_html.HtmlElement) -> bool:
    return any("edition-editorial" in (a.get("class") or "").split() for a in el.iterancestors())


def _has_class(el: lxml_html.HtmlElement, name: str) -> bool:
    return name in (el.get("class") or "").split()


TRAILING = ".,;:!)\u00a0 "
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # what a URL may hold as it is (RFC 3986 reserved, and escapes)


def essay_structure(root: lxml_html.HtmlElement, essay: str, meta: dict, file: str, source: str) -> list[Problem]:
    """Passage ids, note references and emendations of one essay's rendered HTML.

    ``source`` is the page's Markdown (front matter included), used to name lines.
    """
    problems: list[Problem] = []

    def line(needle: str) -> int | None:
        return _line_of_text(source, needle)

    # An address printed in the text links exactly to itself. In Markdown it is written <URL>: a
    # bare URL before a full stop took the stop, and the space the footnote puts before its
    # back-link, into the link (".../toc.htm.%C2%A0", a dead link the author never wrote).
    for a in root.xpath(".//a[starts-with(@href,'http')]"):
        # The address as a browser asks for it (a non-breaking space is %C2%A0).
        text, href = a.text_content(), quote(a.get("href") or "", safe=URL_SAFE)
        if text.startswith("http") and (href != text or text[-1] in TRAILING or "%C2%A0" in href):
            address = text.rstrip(TRAILING)
            problems.append(Problem(file, line(address), "link",
                                    f"the link {href!r} does not stop where the address does: "
                                    f"write it as <{address}> in the Markdown"))

    # Every block of the essay's text carries a passage id of this essay and of the right kind.
    blocks = root.xpath("./p | ./h2 | ./h3 | ./h4 | .//figcaption | .//div[contains(@class,'footnote')]//li/p")
    for el in blocks:
        if _in_editorial(el) or _has_class(el, "editorial") and el.tag.startswith("h"):
            continue
        if _has_class(el, "edition-photo__absent"):
            continue
        pid = el.get("id") or ""
        parsed = passages.parse(pid)
        words = " ".join(el.text_content().split())
        if not pid or parsed is None:
            problems.append(Problem(file, line(words[:40]), "passage id",
                                    f"<{el.tag}> “{words[:60]}…” has no passage id "
                                    f"(write {{#{essay}-p<N>}} on a line of its own right after its last line)"))
            continue
        if parsed.essay != essay:
            problems.append(Problem(file, line("#" + pid), "passage id",
                                    f"{pid} does not belong to this essay (prefix must be {essay}-)"))
        if el.tag not in passages.TAGS[parsed.kind]:
            problems.append(Problem(file, line("#" + pid), "passage id",
                                    f"{pid} is a {parsed.kind} id on a <{el.tag}> element"))

    for pid in passages.repeated([el.get("id") for el, _ in passages.elements(root, essay)]):
        problems.append(Problem(file, line("#" + pid), "passage id", f"duplicate passage id {pid}"))

    # Note references: the footnotes extension leaves an unknown [^label] as literal text.
    text = root.text_content()
    for label in FOOTNOTE_REF_RE.findall(text):
        problems.append(Problem(file, line(f"[^{label}]"), "note reference",
                                f"unknown note reference [^{label}]: no note is defined with that label"))
    referenced = {a.get("href", "")[4:] for a in root.cssselect("a.footnote-ref")}
    for li in root.cssselect("div.footnote li[id^='fn:']"):
        if li.get("id")[3:] not in referenced:
            problems.append(Problem(file, line(f"[^{li.get('id')[3:]}]:"), "note",
                                    f"note {li.get('id')[3:]} is defined but never referenced"))
    for a in root.cssselect("a.footnote-ref"):
        label = a.get("href", "")[4:]
        parsed = passages.parse(label)
        if parsed is None or parsed.kind != "note" or parsed.essay != essay:
            problems.append(Problem(file, line(f"[^{label}]"), "note reference",
                                    f"note label [^{label}] must be a note id of this essay ({essay}-n<N>)"))

    # Emendations: each recorded one is marked in the text, and each mark is recorded.
    recorded = {e["id"]: e for e in meta.get("emendations") or []}
    marked = {s.get("data-emendation"): s for s in root.cssselect("span.emendation")}
    for eid in sorted(set(recorded) - set(marked)):
        problems.append(Problem(file, line(f"id: {eid}"), "emendations",
                                f"emendation {eid} is recorded but not marked in the text "
                                f'(<span class="emendation" data-emendation="{eid}">…</span>)'))
    for eid in sorted(set(marked) - set(recorded)):
        problems.append(Problem(file, line(f'data-emendation="{eid}"'), "emendations",
                                f"the text marks emendation {eid}, which is not recorded in the front matter"))
    for eid, entry in recorded.items():
        span = marked.get(eid)
        if span is not None and span.text_content() not in entry["edition"]:
            problems.append(Problem(file, line(f"id: {eid}"), "emendations",
                                    f"emendation {eid}: marked text “{span.text_content()}” is not part "
                                    f"of the edition reading “{entry['edition']}”"))
        host = span.iterancestors() if span is not None else []
        if span is not None and entry["passage"] not in {a.get("id") for a in host}:
            problems.append(Problem(file, line(f"id: {eid}"), "emendations",
                                    f"emendation {eid} says passage {entry['passage']}, but is marked elsewhere"))
    return problems


def unique_ids(records_by_file: dict[str, list[dict]], within_files: bool = True) -> list[Problem]:
    """A passage id may appear only once across the whole site. ``within_files=False`` leaves
    out an id repeated in one file (:func:`essay_structure` reports those, with their line)."""
    first: dict[str, str] = {}
    problems = []
    for file, records in sorted(records_by_file.items()):
        ids = [r["id"] for r in records]
        if within_files:
            problems += [Problem(file, None, "passage id", f"duplicate passage id {pid} (twice in this file)")
                         for pid in passages.repeated(ids)]
        for pid in dict.fromkeys(ids):
            if pid in first:
                problems.append(Problem(file, None, "passage id", f"duplicate passage id {pid} (also in {first[pid]})"))
            first.setdefault(pid, file)
    return problems
