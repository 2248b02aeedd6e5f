"""``make check``: fast validation of all content, without a full build.

Usage: ``python -m scripts.check [--docs DIR] [--config mkdocs.yml] [--register]``

Prints one line per problem, ``file:line: field: message``, and exits 1 if there is any.
``--register`` adds every current passage id to the registry (ids are never removed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import frontmatter
import yaml

from scripts.citing import bib
from scripts.common import datafiles, htmltools, render, siteconfig, validate
from scripts.common.validate import Problem
from scripts.edition import apparatus, checks, copytext, decorate, fidelity, passages, registry
from scripts.publishing import published

# Data files (repository path -> schema): usage.yml is written by hand; the other two by
# `make register-ids` / `make release`, and edited by hand when an id must move.
DATA_FILES = {
    f"bib/{bib.USAGE}": bib.USAGE_SCHEMA,
    f"docs/{registry.FILENAME}": registry.SCHEMA,
    f"docs/{published.FILENAME}": published.SCHEMA,
}


def _line_finder(source: str):
    """Map a front-matter field path to its line in the file."""
    try:
        return validate.yaml_line_finder(source.split("---", 2)[1])
    except (IndexError, yaml.YAMLError):
        return lambda path: None


def check_essay(path: Path, rel: str, docs: Path, config: Path, meta: dict, source: str,
                reg: dict) -> tuple[list[Problem], list[dict]]:
    problems = checks.front_matter(meta, rel, _line_finder(source))
    if problems:
        return problems, []
    essay = meta["essay"]["id"]
    copy = meta["copytext"]
    text_path = docs / copy["file"]
    if not text_path.exists():
        return [Problem(rel, None, "front matter copytext.file", f"{copy['file']} does not exist in docs/")], []
    raw = copytext.read(text_path)
    line_of = _line_finder(source)
    if copytext.sha256(raw) != copy["sha256"]:
        problems.append(Problem(rel, line_of(["copytext", "sha256"]), "front matter copytext.sha256",
                                f"{copy['file']} has changed: the copy-text must stay exactly as received"))
    body = frontmatter.loads(source).content
    link = validate.relative_link(rel, copy["file"])
    html = render.to_html(body + "\n\n" + apparatus.markdown(meta, link), config)
    html = decorate.essay_html(html, essay, meta.get("emendations") or [], reg["redirects"])
    root = htmltools.parse_fragment(html)
    problems += checks.essay_structure(root, essay, meta, rel, source)
    records = passages.records(root, essay, validate.page_url(path.relative_to(docs).as_posix()))
    try:
        head = copytext.header(raw, copy)
        blocks = copytext.apply_emendations(copytext.blocks(raw, copy), meta.get("emendations") or [])
    except copytext.CopyTextError as error:
        return problems + [Problem(rel, line_of(["copytext"]), "front matter copytext", str(error))], records
    if "title" in head and head["title"] != meta["title"]:
        problems.append(Problem(rel, line_of(["title"]), "front matter title",
                                f"title {meta['title']!r} differs from the copy-text's {head['title']!r}"))
    if "byline" in head and head["byline"] != meta["essay"]["byline"]:
        problems.append(Problem(rel, line_of(["essay", "byline"]), "front matter essay.byline",
                                f"byline differs from the copy-text's {head['byline']!r}"))
    for message in fidelity.compare(blocks, records):
        problems.append(Problem(rel, None, "fidelity", message))
    return problems, records


def published_problems(docs: Path, config: Path, records: list[dict], reg: dict) -> list[str]:
    """Page URLs and passage ids that a released version published and the sources now lack."""
    settings = siteconfig.load(config)
    urls = published.site_urls(docs, settings.get("exclude_docs") or "")
    data = published.load(docs / published.FILENAME)
    return published.check(data, urls, records, reg, published.page_redirects(settings))


def bib_problems(root: Path, docs: Path) -> list[Problem]:
    """bib/: every entry complete and well formed, every key used is defined and every key
    defined is used (scripts.citing.bib), each problem under the file it is in."""
    used = bib.used_keys(docs, root / "overrides", root / "bib")
    return [Problem(f"bib/{file or ''}", None, "bibliography", message)
            for file, message in bib.located_problems(root / "bib", used)]


def run(docs: Path, config: Path, register: bool = False) -> list[Problem]:
    root = config.resolve().parent
    problems = datafiles.problems(root, DATA_FILES, docs)
    if problems:  # the checks below read these files: first make them well formed
        return problems
    problems += bib_problems(root, docs)
    reg_path = docs / registry.FILENAME
    reg = registry.load(reg_path)
    records_by_file: dict[str, list[dict]] = {}
    unreadable = False  # an essay whose front matter failed: its ids are unknown, not missing
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs.parent).as_posix()
        source = path.read_text(encoding="utf-8")
        try:
            post = frontmatter.loads(source)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problems.append(Problem(rel, mark.line + 1 if mark else None, "front matter", f"not valid YAML: {error}"))
            continue
        if "essay" not in post.metadata:
            continue
        found, records = check_essay(path, rel, docs, config, post.metadata, source, reg)
        problems += found
        unreadable |= not records
        records_by_file[rel] = records
    problems += checks.unique_ids(records_by_file, within_files=False)  # essay_structure: within
    everything = [r for records in records_by_file.values() for r in records]
    for message in [] if unreadable else registry.check(everything, reg):
        problems.append(Problem(f"docs/{registry.FILENAME}", None, "registry", message))
    for message in [] if unreadable else published_problems(docs, config, everything, reg):
        problems.append(Problem(f"docs/{published.FILENAME}", None, "published", message))
    if register and not problems:
        reg_path.write_text(registry.dumps(registry.register(everything, reg)), encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--register", action="store_true", help="add current passage ids to the registry")
    args = parser.parse_args(argv)
    problems = run(args.docs, args.config, args.register)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"make check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("make check: all content valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
