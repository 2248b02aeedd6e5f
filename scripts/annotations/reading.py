"""Reading an annotation file, which is untrusted input from strangers: every problem collected,
nothing executed, nothing expanded.

A file is read only if it is a regular file inside ``docs/annotations/`` (a symbolic link in a
pull request could otherwise publish a file of the build machine), under a size limit, as
UTF-8. Its front matter is YAML read event by event before anything is built from it: an alias,
an anchor or a tag (which could build objects, or expand a few lines into gigabytes) is refused,
as are nesting deeper than any field needs (which would exhaust the parser's recursion) and a
key given twice; only then are plain strings, numbers, lists and mappings constructed,
dates left as text. MkDocs never reads these files (mkdocs.yml excludes the folder): the
annotations feature makes their pages itself.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FOLDER = "annotations"
MAX_FILE = 32 * 1024  # bytes of a whole annotation file
MAX_BODY = 8 * 1024  # characters of its note
MAX_DEPTH = 6  # lists and mappings in the front matter, the front matter itself counted
# Characters no field or note may hold: C0 and C1 controls (but tab and newline), and the
# bidirectional overrides and isolates that make text read differently from how it is stored.
FORBIDDEN = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Issue:
    """A problem found while reading: where (a line, a field) and what, with what to do."""

    field: str
    message: str
    line: int | None = None


@dataclass
class Read:
    """What a file gave: its front matter and note, or the issues that stopped it."""

    path: Path
    rel: str  # docs/annotations/...
    meta: dict | None = None
    body: str = ""
    body_line: int = 1  # the line the note starts on
    lines: dict[tuple, int] = field(default_factory=dict)  # field path -> line
    issues: list[Issue] = field(default_factory=list)


_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where PyYAML has it: the same YAML, faster


class _Loader(_SAFE):
    """YAML's safe loader with dates left as text (the schema and the check judge them)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _events_problems(text: str, offset: int) -> list[Issue]:
    """Aliases, anchors, explicit tags and nesting deeper than any field needs in the YAML, found
    from its events (read one by one, without recursion) before any object is built."""
    issues, depth = [], 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 + offset
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                issues.append(Issue("front matter", f"is nested more than {MAX_DEPTH - 1} levels deep: no field "
                                    "needs more than two (creator: {name: …, url: …})", line))
                return issues
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        if isinstance(event, yaml.AliasEvent):
            issues.append(Issue("front matter", f"an alias (*{event.anchor}) is not allowed: write the value out", line))
        elif getattr(event, "anchor", None):
            issues.append(Issue("front matter", f"an anchor (&{event.anchor}) is not allowed: remove it", line))
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            implicit = event.implicit[0] if isinstance(event, yaml.ScalarEvent) else event.implicit
            if event.tag is not None and not implicit and event.tag != "!":
                issues.append(Issue("front matter", f"a YAML tag ({event.tag}) is not allowed: remove it", line))
    return issues


def _duplicates(node, path: tuple, offset: int, lines: dict, issues: list[Issue]) -> None:
    """Keys given twice in a mapping (YAML's loader would keep the last one silently), and the
    line of every field."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            line = key.start_mark.line + 1 + offset
            if name in seen:
                where = ".".join(map(str, path + (name,)))
                issues.append(Issue(f"front matter {where}", f"“{name}” is given twice (lines {seen[name]} and {line}): keep one", line))
            seen.setdefault(name, line)
            lines[path + (name,)] = line
            _duplicates(value, path + (name,), offset, lines, issues)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (str(i),)] = item.start_mark.line + 1 + offset
            _duplicates(item, path + (str(i),), offset, lines, issues)


def read(path: Path, docs: Path) -> Read:
    """Read one annotation file (``docs``: the docs folder), collecting every problem."""
    rel = path.relative_to(docs.parent).as_posix() if path.is_relative_to(docs.parent) else str(path)
    result = Read(path, rel)
    folder = (docs / FOLDER).resolve()
    if path.is_symlink() or not path.is_file():
        result.issues.append(Issue("file", "is not a regular file (a link or a special file): "
                                           "add the annotation as an ordinary file"))
        return result
    if not path.resolve().is_relative_to(folder):
        result.issues.append(Issue("file", f"is not inside docs/{FOLDER}/: move it there"))
        return result
    raw = path.read_bytes()
    if len(raw) > MAX_FILE:
        result.issues.append(Issue("file", f"is {len(raw)} bytes, more than {MAX_FILE}: shorten the note"))
        return result
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        result.issues.append(Issue("file", f"is not UTF-8 (byte {error.start}): save it as UTF-8", line))
        return result
    text = text.removeprefix("\ufeff")
    if not text.startswith("---\n"):
        result.issues.append(Issue("front matter", "is missing: the file must begin with a line '---', "
                                                   "the fields, and another line '---'", 1))
        return result
    end = text.find("\n---\n", 4)
    if end < 0 and text.endswith("\n---"):
        end = len(text) - 4
    if end < 0:
        result.issues.append(Issue("front matter", "has no closing line '---': add one after the fields", 1))
        return result
    yaml_text, result.body = text[4:end + 1], text[end + 5:]
    result.body_line = yaml_text.count("\n") + 3
    offset = 1  # the YAML starts on the file's second line
    bad = FORBIDDEN.search(yaml_text)
    if bad:
        line = yaml_text[: bad.start()].count("\n") + 1 + offset
        field = yaml_text[: bad.start()].rsplit("\n", 1)[-1].split(":", 1)[0].strip() or "?"
        result.issues.append(Issue(f"front matter {field}", "holds a control or bidirectional-override "
                                   "character: retype the text", line))
        return result
    try:
        issues = _events_problems(yaml_text, offset)
        if issues:
            result.issues += issues
            return result
        node = yaml.compose(yaml_text, Loader=_Loader)
        _duplicates(node, (), offset, result.lines, result.issues)
        if result.issues:
            return result
        meta = yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 (a SafeLoader, checked above)
    except yaml.YAMLError as error:
        # Where the trouble began (an unclosed quotation mark's line), else where it was found.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context", None)
        said = f"{context}: {problem}" if context else problem
        result.issues.append(Issue("front matter", f"is not valid YAML ({said}): check the quoting and indentation",
                                   mark.line + 1 + offset if mark else None))
        return result
    if not isinstance(meta, dict):
        result.issues.append(Issue("front matter", "must be fields (name: value), one per line", 2))
        return result
    result.meta = meta
    for path_, value in _strings(meta):
        if FORBIDDEN.search(value):
            where = ".".join(path_)
            result.issues.append(Issue(f"front matter {where}", "holds a control or bidirectional-override "
                                       "character: retype the text", result.lines.get(path_)))
    if FORBIDDEN.search(result.body):
        line = result.body_line + result.body[: FORBIDDEN.search(result.body).start()].count("\n")
        result.issues.append(Issue("note", "holds a control or bidirectional-override character: retype the text", line))
    if len(result.body) > MAX_BODY:
        result.issues.append(Issue("note", f"is {len(result.body)} characters, more than {MAX_BODY}: shorten it, "
                                           "or split it into two annotations", result.body_line))
    if not result.body.strip():
        result.issues.append(Issue("note", "is empty: write the note after the front matter", result.body_line))
    return result


def _strings(value, path: tuple = ()):
    """Every string in the front matter, with its field path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (str(key),))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (str(i),))


def files(docs: Path) -> list[Path]:
    """Every entry under docs/annotations/ that is not a real folder: files, and links of any
    kind (refused by :func:`read`; a linked folder is not entered)."""
    folder = docs / FOLDER
    found = []
    for here, dirs, names in os.walk(folder, followlinks=False):
        base = Path(here)
        found += [base / d for d in dirs if (base / d).is_symlink()]
        found += [base / n for n in names]
    return sorted(found)
