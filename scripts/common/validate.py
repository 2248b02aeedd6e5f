"""Problems and schema validation, shared by every check (``make check`` and the build).

Every check returns a list of :class:`Problem`; nothing here raises on bad content, so the
caller can report all problems at once, each naming its file, line and field. The edition's
JSON Schemas live beside the code that owns them (``scripts/<package>/schemas/``).
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    import jsonschema


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, said on one line: where, which field, what and what to do.
    A warning (``warning=True``) is reported but fails nothing."""

    file: str
    line: int | None
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {'warning: ' if self.warning else ''}{self.message}"


# Every schema of every package: a schema may refer to another by its ``$id`` (the passage id
# is defined once, in scripts/edition/schemas/passage-id.schema.json).
SCHEMA_FILES = "*/schemas/*.schema.json"
SCRIPTS = Path(__file__).resolve().parents[1]


def schema_paths() -> list[Path]:
    return sorted(SCRIPTS.glob(SCHEMA_FILES))


@cache
def schemas_stamp() -> str:
    """Every schema's text: what a check that remembers its results depends on."""
    return "\n".join(path.read_text(encoding="utf-8") for path in schema_paths())


@cache
def _registry():
    from referencing import Registry, Resource

    schemas = [json.loads(path.read_text(encoding="utf-8")) for path in schema_paths()]
    return Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas if "$id" in s)


@cache
def schema_validator(schema: Path) -> jsonschema.Draft202012Validator:
    """The validator of one of the edition's JSON Schemas (a ``.schema.json`` file), which may
    refer to the others by their ``$id``."""
    import jsonschema  # here, not at the top: a build whose front matter is known valid needs none

    return jsonschema.Draft202012Validator(json.loads(Path(schema).read_text(encoding="utf-8")),
                                           registry=_registry())


def schema_problems(schema: Path, data, file: str, line_of=lambda path: None, prefix: str = "",
                    cache_dir: Path | None = None) -> list[Problem]:
    """``data`` checked against one of the edition's schemas (:func:`schema_validator`): a
    Problem per error, in field order, its field the error's path after ``prefix``.

    With ``cache_dir`` (scripts.common.diskcache, as the build uses it), data found valid once
    is not checked again while it, the schemas and jsonschema's version stay the same: loading
    jsonschema costs a warm build more than all its checks. Data with problems is checked
    every time."""
    digest = None
    if cache_dir is not None:
        from scripts.common import diskcache

        digest = diskcache.key("valid", _stamp(), str(schema), json.dumps(data, sort_keys=True, default=repr))
        if diskcache.load(cache_dir, "valid-data", digest) is True:
            return []
    problems = []
    for error in sorted(schema_validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = [str(p) for p in error.absolute_path]
        problems.append(Problem(file, line_of(path), prefix + (".".join(path) or "(top level)"), error.message))
    if digest is not None and not problems:
        diskcache.store(cache_dir, "valid-data", digest, True)
    return problems


@cache
def _stamp() -> str:
    """What a remembered result depends on besides the data: jsonschema's version and every
    schema (read once per process)."""
    from importlib.metadata import version

    return version("jsonschema") + "\n" + schemas_stamp()


def yaml_line_finder(text: str):
    """For YAML ``text``, a function mapping a field path (keys, list indexes as strings) to the
    line it is on (the nearest enclosing node found). Raises yaml.YAMLError if it does not parse."""
    root = yaml.compose(text)

    def line_of(path: list[str]) -> int | None:
        node = root
        for key in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == key), node)
            elif isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
                node = node.value[int(key)]
        return node.start_mark.line + 1 if node is not None else None

    return line_of


def relative_link(page_src_uri: str, target_src_uri: str) -> str:
    """A Markdown link from one docs file to another, relative to the page's folder."""
    return posixpath.relpath(target_src_uri, posixpath.dirname(page_src_uri) or ".")


def page_url(docs_relative: str) -> str:
    """The site-relative URL of a docs page (directory URLs): essays/toucas.md → essays/toucas/."""
    path = docs_relative[:-3] if docs_relative.endswith(".md") else docs_relative
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    return path + "/" if path and not path.endswith("/") else path


