"""The edition's bibliography data: the ``.bib`` files in ``bib/`` and how the edition uses them.

``bib/`` is the one source of bibliographic truth. This module loads it (pybtex), says which
keys the edition uses (``bib/usage.yml`` and ``[@key]`` citations in the docs), and checks it:
required fields per entry type, unique keys, well-formed URLs and ISBNs, every used key defined
and every defined key used. Checks return messages; nothing here raises on bad content.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pybtex.database import BibliographyData, Entry
# The BibTeX parser itself, not pybtex.database.parse_file: that looks the parser up among
# the installed packages' entry points on every call, which costs more than the parsing.
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError

ROOT = Path(__file__).resolve().parents[2]
BIB_DIR = ROOT / "bib"
USAGE = "usage.yml"
USAGE_SCHEMA = Path(__file__).parent / "schemas" / "usage.schema.json"

# Fields each entry type must have ("a|b": either). BibLaTeX names, as pandoc reads them.
REQUIRED = {
    "online": ["title"],
    "article": ["author", "title", "journaltitle", "date|year"],
    "book": ["author", "title", "publisher", "date|year"],
    "report": ["title", "date|year"],
}
# Fields that must hold a person list rather than a literal.
PERSON_FIELDS = {"author", "editor"}

# A citation in Markdown, pandoc syntax: [@key], [@key, p. 403], [see @a; @b].
CITATION_BLOCK_RE = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
CITATION_KEY_RE = re.compile(r"(?<![\w.+-])-?@([A-Za-z0-9_][\w:-]*)")
INFERRED_YEAR_RE = re.compile(r"^\[(\d{4})\]$")


@dataclass(frozen=True)
class Use:
    """One use of a key: where (a site-relative URL with fragment) and what kind of place."""

    key: str
    url: str
    kind: str
    label: str


def bib_files(bib_dir: Path = BIB_DIR) -> list[Path]:
    return sorted(bib_dir.glob("*.bib"))


def stamps(bib_dir: Path = BIB_DIR) -> tuple[tuple[Path, int, int], ...]:
    """The ``.bib`` files with their modification time and size: a cache key that changes
    whenever a file does (so ``make serve`` picks up edits to bib/)."""
    return tuple((path, path.stat().st_mtime_ns, path.stat().st_size) for path in bib_files(bib_dir))


def sources(bib_dir: Path = BIB_DIR) -> dict[str, str]:
    """Each ``.bib`` file's text by file name, read once for as long as the files are unchanged."""
    return dict(_sources(stamps(bib_dir)))


@cache
def _sources(files: tuple[tuple[Path, int, int], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((path.name, path.read_text(encoding="utf-8")) for path, _, _ in files)


def parse(text: str) -> BibliographyData:
    """One file's entries (pybtex raises on a key defined twice in it, or on bad syntax)."""
    return Parser().parse_string(text)


def load(bib_dir: Path = BIB_DIR) -> BibliographyData:
    """All entries of all ``.bib`` files."""
    return _load(stamps(bib_dir))


@cache
def _load(files: tuple[tuple[Path, int, int], ...]) -> BibliographyData:
    entries: dict[str, Entry] = {}
    for _, text in _sources(files):
        for key, entry in parse(text).entries.items():
            entries.setdefault(key, entry)
    return BibliographyData(entries=entries)


def keys(bib_dir: Path = BIB_DIR) -> set[str] | None:
    """The keys defined in ``bib_dir``; None if it does not parse (the citing check says why),
    for checks that must not report a broken bib/ as missing keys."""
    try:
        return set(load(bib_dir).entries)
    except PybtexError:
        return None


def usage(bib_dir: Path = BIB_DIR) -> dict:
    """``usage.yml``, read again only when the file changes (a build asks for it on every page)."""
    path = bib_dir / USAGE
    stat = path.stat()
    return copy.deepcopy(_usage(path, stat.st_mtime_ns, stat.st_size))


@cache
def _usage(path: Path, mtime_ns: int, size: int) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def cited_keys(markdown: str) -> list[str]:
    """Keys cited with pandoc citation syntax in ``markdown``, in order of appearance."""
    keys = []
    for block in CITATION_BLOCK_RE.finditer(markdown):
        if block.group(1).startswith("^"):
            continue  # a footnote reference, not a citation
        keys.extend(CITATION_KEY_RE.findall(block.group(1)))
    return keys


def usage_keys(use: dict) -> set[str]:
    """Every key named in ``usage.yml``."""
    keys = {use["edition"]}
    for essay in use.get("essays", {}).values():
        keys |= {essay["original"], essay["edition"]}
    for cited in (use.get("notes") or {}).values():
        keys |= set(cited)
    return keys


def inferred_year(entry: Entry) -> str | None:
    """The year of an entry whose date is inferred (``year = {[2018]}``), else ``None``."""
    match = INFERRED_YEAR_RE.match(entry.fields.get("year", ""))
    return match.group(1) if match else None


def isbn13_ok(isbn: str) -> bool:
    digits = isbn.replace("-", "")
    if not re.fullmatch(r"97[89]\d{10}", digits):
        return False
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def url_ok(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme in {"https", "http"} and "." in parts.netloc and " " not in url
            and not url.endswith((".", ",")))


ENTRY_KEY_RE = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.M)  # in BibTeX source


def duplicate_keys(texts: dict[str, str]) -> list[tuple[str, str]]:
    """Keys defined in more than one file, or twice in one file (case-insensitively), given
    each file's text by name (:func:`sources`): (file, message) pairs."""
    seen: dict[str, str] = {}
    problems = []
    for name, text in texts.items():
        for match in ENTRY_KEY_RE.finditer(text):
            key = match.group(1).lower()
            if key in seen:
                problems.append((name, f"key {match.group(1)} is also defined in {seen[key]}"))
            seen.setdefault(key, name)
    return problems


def key_files(texts: dict[str, str]) -> dict[str, str]:
    """The file (name) that defines each key, given each file's text by name."""
    return {m.group(1): name for name, text in texts.items() for m in ENTRY_KEY_RE.finditer(text)}


def used_keys(docs: Path, overrides: Path, bib_dir: Path = BIB_DIR) -> set[str]:
    """Keys cited in the docs' Markdown and the templates, and named in ``usage.yml``."""
    keys = usage_keys(usage(bib_dir))
    for folder, pattern in ((docs, "**/*.md"), (overrides, "**/*.html")):
        for path in folder.glob(pattern):
            # errors="replace": a file that is not UTF-8 is the check of its own feature to name
            keys |= set(cited_keys(path.read_text(encoding="utf-8", errors="replace")))
    return keys


def entry_problems(key: str, entry: Entry) -> list[str]:
    problems = []
    required = REQUIRED.get(entry.type)
    if required is None:
        return [f"{key}: entry type @{entry.type} is not one the edition uses ({', '.join(sorted(REQUIRED))})"]
    present = set(entry.fields) | set(entry.persons)
    for field in required:
        if not any(option in present for option in field.split("|")):
            problems.append(f"{key}: @{entry.type} needs {field.replace('|', ' or ')}")
    if "url" in entry.fields and not url_ok(entry.fields["url"]):
        problems.append(f"{key}: url {entry.fields['url']!r} is not a well-formed web address")
    if "isbn" in entry.fields and not isbn13_ok(entry.fields["isbn"]):
        problems.append(f"{key}: isbn {entry.fields['isbn']!r} is not a valid ISBN-13")
    year = entry.fields.get("year")
    if year and not re.fullmatch(r"\d{4}|\[\d{4}\]", year):
        problems.append(f"{key}: year {year!r} must be a year, or an inferred year in brackets")
    if "date" in entry.fields and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", entry.fields["date"]):
        problems.append(f"{key}: date {entry.fields['date']!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    return problems


def problems(bib_dir: Path, used: set[str]) -> list[tuple[str | None, str]]:
    """Everything wrong with ``bib_dir``, given the set of keys used anywhere in the edition, as
    (file name in ``bib_dir``, or None for the folder as a whole, message) pairs. Each file is
    read once. (The fields of ``usage.yml`` are its schema's to check: scripts/citing/schemas.)"""
    texts = sources(bib_dir)
    found: list[tuple[str | None, str]] = list(duplicate_keys(texts))
    unparsed = []
    for name, text in texts.items():
        try:
            parse(text)
        except PybtexError as error:  # syntax, a key or field given twice, an undefined macro
            unparsed.append((name, f"does not parse: {error}"))
    if unparsed:
        return found + unparsed
    data = load(bib_dir)
    files = key_files(texts)
    for key, entry in data.entries.items():
        found += [(files.get(key), problem) for problem in entry_problems(key, entry)]
    defined = set(data.entries)
    for key, known in ((usage(bib_dir) or {}).get("copies") or {}).items():
        if key not in defined:
            found.append((USAGE, f"copies: {key}: key is not defined in bib/"))
        if not url_ok(known["url"]):
            found.append((USAGE, f"copies: {key}: url {known['url']!r} is not a well-formed web address"))
    found += [(None, f"key {k} is used but not defined in bib/") for k in sorted(used - defined)]
    found += [(files.get(k), f"key {k} is defined in bib/ but never used") for k in sorted(defined - used)]
    return found
