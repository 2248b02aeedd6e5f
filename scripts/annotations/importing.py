"""Annotations brought in from other tools (``make import-annotations FILE=…``): a W3C Web
Annotation, page or collection (the edition's own export, scripts/annotations/w3c.py, or another
tool's), or Hypothes.is's API JSON (one annotation, a list, or a search result with ``rows``),
turned into annotation files under ``docs/annotations/<essay>/``.

Each one is refused, with its reason and no file, when it cannot become an annotation that
passes ``make check``: its page is not an essay of the edition (recognised by its path within the
site, whatever the host or version: ``/latest/essays/toucas/``, ``/1.0/essays/toucas/``, a fork's
or a local address), its words are in no passage, it has no note or no creator, its body is not
text, or the file it would make fails the check (an imported note is untrusted input: the same
validator and hostile-input wall as a hand-written file). Nothing is overwritten.

Selectors: a passage named by a FragmentSelector is searched first; Hypothes.is keeps its
selectors on the whole page, so every passage of the essay is searched, the quote's prefix and
suffix telling occurrences apart and its position the last hint. The published page's text holds
the layer's own marks (✎ and each passage's count), which are not the essay's: they are left out
of the words before searching.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts.annotations import anchoring, checks, model, reading
from scripts.citing import bib
from scripts.common.feature import Project

ESSAY_PATH = re.compile(r"(?:^|/)essays/([a-z0-9]+(?:-[a-z0-9]+)*)/?(?:index\.html)?$")
OWN_ID = re.compile(r"(?:^|/)annotations/([a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+)/?$")
SOURCE_ID = re.compile(r"(?:^|/)bibliography/?#ref-([A-Za-z0-9_:-]+)$")
LAYER_MARKS = re.compile(r"\d+ annotations?✎\d+|✎")  # what the reader's layer adds to a passage's text
ORDER = ("target", "exact", "prefix", "suffix", "creator", "created", "modified", "motivation", "tags", "sources",
         "forecast")


class Refused(Exception):
    """Why one annotation is not imported."""


@dataclass
class Incoming:
    """One annotation as read, before it is anchored."""

    label: str  # how the report names it
    page: str  # the annotated page's address
    exact: str
    prefix: str = ""
    suffix: str = ""
    passage: str | None = None  # named by a FragmentSelector
    position: int | None = None  # where the words start (a hint)
    meta: dict = field(default_factory=dict)  # creator, created, modified, motivation, tags, sources
    body: str = ""
    name: str | None = None  # the file's name, if the annotation comes from this edition


def items(data) -> list:
    """The annotations a document holds, whatever its shape."""
    if isinstance(data, list):
        return [x for d in data for x in items(d)]
    if not isinstance(data, dict):
        return [data]
    if "rows" in data and isinstance(data["rows"], list):  # a Hypothes.is search result
        return data["rows"]
    if data.get("type") == "AnnotationCollection":
        first = data.get("first")
        if not isinstance(first, dict):
            raise Refused("the collection's first page is not in the file (only a link): download it and import that")
        return items(first)
    if data.get("type") == "AnnotationPage":
        return list(data.get("items") or [])
    return [data]


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _day(value) -> str | None:
    value = _text(value)
    return value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else None


def _tag(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")


def _list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _selectors(target) -> tuple[dict, str | None, int | None]:
    """The quote, the passage a fragment selector names, and the position hint."""
    quote, passage, position = None, None, None
    for sel in _list(target.get("selector")):
        if not isinstance(sel, dict):
            continue
        inner = sel.get("refinedBy") if sel.get("type") == "FragmentSelector" else sel
        if sel.get("type") == "FragmentSelector":
            passage = _text(sel.get("value")).lstrip("#") or passage
        for part in _list(inner):
            if isinstance(part, dict) and part.get("type") == "TextQuoteSelector" and quote is None:
                quote = part
            if isinstance(part, dict) and part.get("type") == "TextPositionSelector" and isinstance(part.get("start"), int):
                position = part["start"]
    if quote is None or not _text(quote.get("exact")).strip():
        raise Refused("no TextQuoteSelector with the annotated words: the edition anchors by the words")
    return quote, passage, position


def from_w3c(a: dict, label: str) -> Incoming:
    targets = [t for t in _list(a.get("target")) if isinstance(t, dict)]
    if not targets:
        raise Refused("its target is only an address: the annotated words are needed (a TextQuoteSelector)")
    target = targets[0]
    quote, passage, position = _selectors(target)
    note, tags, sources, forecast = None, [], [], None
    bodies = _list(a.get("body")) or ([{"type": "TextualBody", "value": a["bodyValue"]}] if "bodyValue" in a else [])
    for b in bodies:
        if isinstance(b, str):
            raise Refused(f"a body that is only an address ({b[:80]}): give the note as text")
        purpose = b.get("purpose")
        if purpose == "tagging":
            tags.append(_text(b.get("value")))
        elif purpose == "linking" and SOURCE_ID.search(_text(b.get("source") or b.get("id"))):
            sources.append(SOURCE_ID.search(_text(b.get("source") or b.get("id"))).group(1))
        elif b.get("type") == "TextualBody" and b.get("format") == model.FORECAST_FORMAT and purpose == "assessing" and forecast is None:
            forecast = _forecast(b.get("value"))
        elif b.get("type") == "TextualBody" and b.get("format", "text/plain") in ("text/plain", "text/markdown") and note is None:
            note = _text(b.get("value"))
        else:
            raise Refused(f"a body the edition cannot keep ({b.get('type') or 'no type'}, {b.get('format') or purpose or 'no format'}): "
                          "notes are text or Markdown, sources links to the bibliography")
    creator = next((c for c in _list(a.get("creator")) if isinstance(c, dict) and _text(c.get("name") or c.get("nickname"))), None)
    if creator is None:
        raise Refused("no creator with a name")
    who: str | dict = _text(creator.get("name") or creator.get("nickname"))
    if _text(creator.get("homepage")).startswith("https://"):
        who = {"name": who, "url": creator["homepage"]}
    motivation = next((m for m in _list(a.get("motivation")) if m in model.MOTIVATIONS), "commenting")
    own = OWN_ID.search(urlsplit(_text(a.get("id"))).path)
    return Incoming(label, _text(target.get("source")), quote["exact"], _text(quote.get("prefix")), _text(quote.get("suffix")),
                    passage, position, {"creator": who, "created": _day(a.get("created")), "modified": _day(a.get("modified")),
                                        "motivation": motivation, "tags": tags, "sources": sources, "forecast": forecast},
                    note or "", own.group(1) if own else None)


def _forecast(value) -> dict:
    """A forecast body's JSON: its fields as text (the check then holds them to the schema)."""
    try:
        data = json.loads(_text(value))
    except ValueError:
        raise Refused("a forecast (a body of format application/json) that is not JSON") from None
    if not isinstance(data, dict) or set(data) - set(model.FORECAST_FIELDS) or \
            not all(isinstance(v, str) for v in data.values()):
        raise Refused(f"a forecast the edition cannot keep: give {', '.join(model.FORECAST_FIELDS)} as text")
    return {k: _text(data[k]) for k in model.FORECAST_FIELDS if k in data}


def from_hypothesis(a: dict, label: str) -> Incoming:
    if a.get("references"):
        raise Refused("a reply to another annotation: replies are not imported")
    targets = [t for t in _list(a.get("target")) if isinstance(t, dict)]
    if not targets:
        raise Refused("no target")
    quote, passage, position = _selectors(targets[0])
    user = _text((a.get("user_info") or {}).get("display_name")) or re.sub(r"^acct:|@.*$", "", _text(a.get("user")))
    if not user:
        raise Refused("no user name")
    created, updated = _day(a.get("created")), _day(a.get("updated"))
    return Incoming(label, _text(a.get("uri") or targets[0].get("source")), quote["exact"], _text(quote.get("prefix")),
                    _text(quote.get("suffix")), passage, position,
                    {"creator": user, "created": created, "modified": updated if updated != created else None,
                     "motivation": "commenting", "tags": [_text(t) for t in _list(a.get("tags"))], "sources": []},
                    _text(a.get("text")))


def read_one(a, number: int) -> Incoming:
    if not isinstance(a, dict):
        raise Refused("not an annotation (a JSON object)")
    label = f"#{number} ({_text(a.get('id'))[:80] or 'no id'})"
    try:
        return from_hypothesis(a, label) if "uri" in a and "@context" not in a else from_w3c(a, label)
    except Refused as refused:
        raise Refused(f"{label}: {refused}") from None


def clean(text: str) -> str:
    return LAYER_MARKS.sub("", text)


def anchor(inc: Incoming, essay: str, texts, order: list[str]) -> tuple[str, int, int]:
    """The passage and the span of the words in its text."""
    mine = [pid for pid in order if pid.split("-", 1)[0] == essay and pid in texts]
    ordered = ([inc.passage] if inc.passage in mine else []) + [p for p in mine if p != inc.passage]
    exact, prefix, suffix = clean(inc.exact), anchoring.normal(clean(inc.prefix)), anchoring.normal(clean(inc.suffix))
    for pid in ordered:
        found = anchoring.spans(exact, texts[pid])
        if not found:
            continue
        text = texts[pid].text
        fits = [s for s in found if (not prefix or text[:s[0]].rstrip().endswith(prefix[-20:].strip()))
                and (not suffix or text[s[1]:].lstrip().startswith(suffix[:20].strip()))] or found
        if len(fits) > 1 and inc.position is not None:
            fits = [min(fits, key=lambda s: abs(s[0] - inc.position))]
        if len(fits) == 1:
            return pid, *fits[0]
        raise Refused(f"{inc.label}: “{inc.exact}” stands {len(fits)} times in {pid} and its prefix and suffix do not say which")
    close = anchoring.closest(exact, {pid: texts[pid].text for pid in mine})
    hint = f" (closest: “{close[1]}” in {close[0]})" if close else ""
    raise Refused(f"{inc.label}: its words are in no passage of {essay}{hint}")


def _scalar(value) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value  # a day, as the files write it
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20).removesuffix("\n...\n").strip()


def file_text(meta: dict, body: str) -> str:
    """An annotation file as the edition writes them (front matter in :data:`ORDER`)."""
    lines = [f"{key}:" + "".join(f"\n  {k}: {_scalar(v)}" for k, v in meta[key].items()) if key == "forecast"
             else f"{key}: {_scalar(meta[key])}" for key in ORDER if meta.get(key) not in (None, "", [], {})]
    body = body if body.startswith("\n") else "\n" + body
    return "---\n" + "\n".join(lines) + "\n---\n" + (body if body.endswith("\n") else body + "\n")


def _name(inc: Incoming, essay: str, folder: Path, exact: str) -> str:
    if inc.name and inc.name.split("/", 1)[0] == essay:
        return inc.name.split("/", 1)[1]
    words = [w for w in re.sub(r"[^a-z0-9]+", " ", exact.casefold()).split()][:6] or ["note"]
    base, n = "-".join(words), 1
    while (folder / f"{base if n == 1 else f'{base}-{n}'}.md").exists():
        n += 1
    return base if n == 1 else f"{base}-{n}"


def import_file(source: Path, root: Path) -> tuple[list[Path], list[str]]:
    """The files written and the refusals (one line each)."""
    from scripts.edition import corpus

    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return [], [f"{source}: cannot be read: {error}"]
    except json.JSONDecodeError as error:
        return [], [f"{source}: not JSON (line {error.lineno}, column {error.colno}: {error.msg}): nothing imported"]
    try:
        found = items(data)
    except Refused as refused:
        return [], [f"{source}: {refused}"]
    project = Project(root, root / "docs", root / "mkdocs.yml")
    records = corpus.source_records(project)
    texts = corpus.text_maps(project)
    if records is None or texts is None:
        return [], [f"{source}: the essays could not be read: run make check"]
    essays = {r["id"].split("-", 1)[0] for r in records}
    order = [r["id"] for r in records]
    keys = bib.keys(root / "bib")
    docs = root / "docs"
    written, refused = [], []
    for number, raw in enumerate(found, 1):
        try:
            inc = read_one(raw, number)
            match = ESSAY_PATH.search(urlsplit(inc.page).path)
            if not match or match.group(1) not in essays:
                raise Refused(f"{inc.label}: {inc.page or 'no page'} is not an essay page of the edition")
            essay = match.group(1)
            if not inc.body.strip():
                raise Refused(f"{inc.label}: no note (a highlight alone is not an annotation here)")
            if not inc.meta["created"]:
                raise Refused(f"{inc.label}: no created date")
            pid, start, end = anchor(inc, essay, texts, order)
            text = texts[pid].text
            exact = text[start:end]
            meta = {**inc.meta, "target": pid, "exact": exact, "tags": [_tag(t) for t in inc.meta["tags"] if _tag(t)]}
            if len(anchoring.spans(exact, texts[pid])) > 1:
                meta["prefix"] = " ".join(text[:start].split()[-4:]) or None
                meta["suffix"] = " ".join(text[end:].split()[:4]) or None
            folder = docs / reading.FOLDER / essay
            path = folder / f"{_name(inc, essay, folder, exact)}.md"
            if path.exists():
                raise Refused(f"{inc.label}: {path.relative_to(root)} exists: nothing is overwritten")
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(file_text(meta, inc.body), encoding="utf-8")
            annotation, problems = checks.check_file(path, docs, keys)
            if annotation is not None and not problems:
                problems = checks.anchor_all([annotation], texts, order)[1]
            if problems:
                path.unlink()
                raise Refused(f"{inc.label}: the file it would make fails the check: "
                              + "; ".join(f"{p.field}: {p.message}" for p in problems))
            written.append(path)
        except Refused as why:
            refused.append(f"{source}: {why}")
    return written, refused


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make import-annotations FILE=annotations.json", file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parents[2]
    written, refused = import_file(Path(args[0]), root)
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    for line in refused:
        print(f"refused {line}", file=sys.stderr)
    print(f"{len(written)} imported, {len(refused)} refused", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
