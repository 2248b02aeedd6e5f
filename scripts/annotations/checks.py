"""The checks of the annotation files, for ``make check`` and the build alike (the same code):
every problem of every file collected, each on one line with its file, line, field, what is
wrong and how to mend it. Nothing is dropped silently: a file is an annotation that is
published, or the check fails.

Two steps. :func:`read_all` reads each file safely (scripts.annotations.reading) and checks its
fields: the schema, real dates, sources in ``bib/``, and a note that tries nothing unsafe.
:func:`anchor_all` then finds each annotation's words in its passage, and says what to do when
they are not there (the closest words, in that passage or a nearby one) or stand more than once.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from scripts.annotations import anchoring, model, reading, rendering
from scripts.annotations.anchoring import Anchor
from scripts.citing import bib, quotes
from scripts.common.feature import Project
from scripts.common.validate import Problem, schema_problems
from scripts.edition.textmap import TextMap


def _problem(read: reading.Read, issue: reading.Issue) -> Problem:
    return Problem(read.rel, issue.line, issue.field, issue.message)


def check_file(path: Path, docs: Path, bib_keys: set[str] | None,
               cache_dir: Path | None = None) -> tuple[model.Annotation | None, list[Problem]]:
    """One file: the annotation it holds if all is well, and its problems (``cache_dir``: the
    build's, where valid front matter is remembered)."""
    read = reading.read(path, docs)
    problems = [_problem(read, issue) for issue in read.issues]
    parts = path.relative_to(docs / reading.FOLDER).with_suffix("").parts if path.is_relative_to(docs / reading.FOLDER) else ()
    if path.suffix != ".md":
        problems.append(Problem(read.rel, None, "file", "only annotations (.md files) belong in docs/annotations/: "
                                                        "move or remove it"))
    elif parts and not all(model.NAME_RE.match(part) for part in parts):
        problems.append(Problem(read.rel, None, "file", "name the file (and its folders) with lower-case letters, "
                                                        "digits and hyphens: the name is the annotation's permanent address"))
    if read.meta is None:
        return None, problems
    line_of = lambda p: read.lines.get(tuple(p)) or (read.lines.get(tuple(p[:1])) if p else 2)  # noqa: E731
    found = schema_problems(model.SCHEMA, read.meta, read.rel, line_of, "front matter ", cache_dir)
    problems += [_teach(p) for p in found]
    meta = read.meta
    for field in ("created", "modified"):
        value = meta.get(field)
        if isinstance(value, str) and len(value) == 10:
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                problems.append(Problem(read.rel, line_of([field]), f"front matter {field}",
                                        f"{value} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30"))
    if isinstance(meta.get("created"), str) and isinstance(meta.get("modified"), str) and meta["modified"] < meta["created"]:
        problems.append(Problem(read.rel, line_of(["modified"]), "front matter modified",
                                f"{meta['modified']} is before created ({meta['created']}): correct one of them"))
    if bib_keys is not None:
        for i, key in enumerate(meta.get("sources") or []):
            if isinstance(key, str) and key not in bib_keys:
                problems.append(Problem(read.rel, line_of(["sources", str(i)]), f"front matter sources.{i}",
                                        f"{key} is not a key in bib/: add the work to a .bib file, or correct the key"))
        for citation in rendering.citations(read.body):
            for key in bib.cited_keys(citation):
                if key not in bib_keys:
                    problems.append(Problem(read.rel, _line(read, citation), "note",
                                            f"{citation} cites {key}, which is not a key in bib/: add it there, or correct it"))
    for line, message in rendering.unsafe(read.body):
        problems.append(Problem(read.rel, read.body_line + line - 1 if line else read.body_line, "note", message))
    if problems:
        return None, problems
    return model.annotation(path, docs, read.rel, meta, read.body, read.body_line, read.lines), []


def _line(read: reading.Read, needle: str) -> int:
    index = read.body.find(needle)
    return read.body_line + (read.body[:index].count("\n") if index >= 0 else 0)


def _teach(problem: Problem) -> Problem:
    """A schema message made into advice for a newcomer where it can be."""
    message = problem.message
    if "is a required property" in message:
        field = message.split("'")[1]
        message = f"{field} is missing: add “{field}:” to the front matter (see docs/about/annotations.md)"
    elif "Additional properties are not allowed" in message:
        message = message.replace("Additional properties are not allowed", "unknown field") + \
            ": check its spelling (see docs/about/annotations.md)"
    elif "is not one of" in message and "motivation" in problem.field:
        message += f": use one of {', '.join(sorted(model.MOTIVATIONS))}"
    elif "does not match" in message and ("created" in problem.field or "modified" in problem.field):
        message += ": write the date as YYYY-MM-DD, in quotes or not"
    return Problem(problem.file, problem.line, problem.field, message)


_last_read: dict = {}  # the last read_all: its key (every file's size and time, the keys) and result


def read_all(docs: Path, bib_keys: set[str] | None,
             cache_dir: Path | None = None) -> tuple[list[model.Annotation], list[Problem]]:
    """Every annotation file: the annotations, and the problems of the others. A second call on
    the same files (another feature's, in the same build) reuses the first one's work; a file
    changed, added or removed since (``make serve``) is read again."""
    paths = reading.files(docs)
    stats = []
    for path in paths:
        try:
            st = path.lstat()
            stats.append((str(path), st.st_mtime_ns, st.st_size))
        except OSError:
            stats.append((str(path), None, None))
    key = (str(docs), None if bib_keys is None else frozenset(bib_keys), str(cache_dir), tuple(stats))
    if _last_read.get("key") == key:
        annotations, problems = _last_read["result"]
        return list(annotations), list(problems)
    annotations, problems = [], []
    for path in paths:
        found, issues = check_file(path, docs, bib_keys, cache_dir)
        problems += issues
        if found:
            annotations.append(found)
    _last_read.update(key=key, result=(tuple(annotations), tuple(problems)))
    return annotations, problems


def anchor_all(annotations: list[model.Annotation], texts: dict[str, TextMap],
               order: list[str]) -> tuple[dict[str, Anchor], list[Problem]]:
    """Each annotation's place in its passage (``texts``: passage id -> its text; ``order``: the
    passage ids in reading order, for nearby passages), or the problem saying how to mend it."""
    anchors, problems = {}, []
    for a in annotations:
        found = _anchor(a, texts, order)
        if isinstance(found, Anchor):
            anchors[a.id] = found
        else:
            problems.append(found)
    return anchors, problems


def _anchor(a: model.Annotation, texts: dict[str, TextMap], order: list[str]) -> Anchor | Problem:
    if a.target not in texts:
        near = anchoring.nearest_ids(a.target, [pid for pid in order if pid.split("-")[0] == a.essay] or order)
        return Problem(a.rel, a.line("target"), "front matter target",
                       f"no passage {a.target}: the nearest ids are {', '.join(near)} (see passages.json)")
    found = anchoring.locate(a.target, a.exact, a.prefix, a.suffix, texts[a.target])
    if isinstance(found, Anchor):
        return found
    text = texts[a.target].text
    if found.kind == "ambiguous":
        places = "; ".join(anchoring.context(text, s, e) for s, e in found.occurrences)
        return Problem(a.rel, a.line("exact"), "front matter exact",
                       f"“{a.exact}” occurs {len(found.occurrences)} times in {a.target}: add a prefix (the words "
                       f"just before) or a suffix (just after) to say which: {places}")
    if found.occurrences:  # the words are there, but not with this prefix or suffix
        places = "; ".join(anchoring.context(text, s, e) for s, e in found.occurrences)
        return Problem(a.rel, a.line("prefix") or a.line("suffix"), "front matter prefix",
                       f"“{a.exact}” is in {a.target}, but not after the prefix / before the suffix given: "
                       f"correct them, or remove them if the words stand once: {places}")
    index = order.index(a.target) if a.target in order else 0
    nearby = {pid: texts[pid].text for pid in order[max(0, index - 2):index + 3] if pid in texts}
    same = anchoring.closest(a.exact, {a.target: text})
    best = same or anchoring.closest(a.exact, nearby)
    if best:
        pid, words, _ = best
        where = "" if pid == a.target else f" (in {pid}: if that is the passage, change target to {pid})"
        hint = f" The closest words are “{words}”{where}."
    else:
        hint = " No passage nearby has anything like them: check the target."
    return Problem(a.rel, a.line("exact"), "front matter exact",
                   f"“{a.exact}” is not in {a.target}: copy the words exactly from the passage (from the page, or "
                   f"from passages.json).{hint}")


def project_problems(project: Project) -> list[Problem]:
    """The annotations' part of ``make check``."""
    from scripts.edition import corpus

    annotations, problems = read_all(project.docs, bib.keys(project.root / "bib"))
    texts = corpus.text_maps(project)
    if texts is not None:
        records = corpus.source_records(project)
        problems += anchor_all(annotations, texts, [r["id"] for r in records])[1]
        problems += quote_problems(annotations, quotes.essay_texts(project, records))
    return problems


def quote_problems(annotations: list[model.Annotation], essays) -> list[Problem]:
    """An annotation's note quotes an author only in the author's words."""
    return [Problem(a.rel, _body_line(a, quote), "note", f"“{quote}” {quotes.MESSAGE}")
            for a in annotations for quote in quotes.author_quotes(a.body, essays)]


def _body_line(a: model.Annotation, words: str) -> int:
    """The line of the note where ``words`` start (they may run across lines)."""
    found = re.search(r"\s+".join(map(re.escape, words.split())), a.body)
    return a.body_line + (a.body[:found.start()].count("\n") if found else 0)
