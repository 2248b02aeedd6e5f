"""The edition's data files other than essays' front matter, each checked against its JSON Schema
(``scripts/schemas/``): ``bib/usage.yml``, ``docs/passage-registry.json`` and
``docs/published.json``. Problems name the file, the line (YAML) and the field, like those of
:func:`scripts.validate.front_matter`; a file that does not parse is one problem, not a crash."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from scripts import bib, published, registry
from scripts.validate import Problem, schema_problems, yaml_line_finder

# File (relative to the repository) -> its schema. usage.yml is written by hand; the other
# two by `make register-ids` / `make release`, and edited by hand when an id must move.
FILES = {
    f"bib/{bib.USAGE}": "usage.schema.json",
    f"docs/{registry.FILENAME}": "passage-registry.schema.json",
    f"docs/{published.FILENAME}": "published.schema.json",
}


def problems_in(name: str, text: str) -> list[Problem]:
    """Schema problems of one data file (``name`` as in :data:`FILES`), given its text."""
    is_yaml = name.endswith(".yml")
    try:
        data = yaml.safe_load(text) if is_yaml else json.loads(text)
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else getattr(error, "lineno", None)
        return [Problem(name, line, "(file)", f"not valid {'YAML' if is_yaml else 'JSON'}: {error}")]
    line_of = yaml_line_finder(text) if is_yaml else (lambda path: None)
    return schema_problems(FILES[name], data, name, line_of)


def problems(root: Path, docs: Path | None = None) -> list[Problem]:
    """Schema problems of every data file under ``root`` (``docs``: another docs folder)."""
    found = []
    for name in FILES:
        path = root / name
        if docs is not None and name.startswith("docs/"):
            path = docs / name.removeprefix("docs/")
        if path.exists():
            found += problems_in(name, path.read_text(encoding="utf-8"))
    return found
