"""Data files other than essays' front matter, each checked against its JSON Schema: problems
name the file, the line and the field, like those of front matter; a file that does not
parse is one problem, not a crash. Which files there are, and their schemas, is said by the
package that owns each file (``scripts/check.py`` collects them)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from scripts.common.validate import Problem, schema_problems, yaml_line_finder


def problems_in(name: str, text: str, schema: Path) -> list[Problem]:
    """Schema problems of one data file (``name``: its path in the repository), given its text."""
    is_yaml = name.endswith(".yml")
    try:
        data = yaml.safe_load(text) if is_yaml else json.loads(text)
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else getattr(error, "lineno", None)
        return [Problem(name, line, "(file)", f"not valid {'YAML' if is_yaml else 'JSON'}: {error}")]
    return schema_problems(schema, data, name, _line_finder(text))


def _line_finder(text: str):
    """Lines of fields, for YAML and for JSON alike: YAML's parser reads JSON too (should a JSON
    file be more than it reads, problems are still reported, without lines)."""
    try:
        return yaml_line_finder(text)
    except yaml.YAMLError:
        return lambda path: None


def problems(root: Path, files: dict[str, Path], docs: Path | None = None) -> list[Problem]:
    """Schema problems of each data file (``files``: repository path -> schema) under ``root``
    (``docs``: another docs folder) that exists."""
    found = []
    for name, schema in files.items():
        path = root / name
        if docs is not None and name.startswith("docs/"):
            path = docs / name.removeprefix("docs/")
        if path.exists():
            found += problems_in(name, path.read_text(encoding="utf-8"), schema)
    return found
