"""Temporary sites for `make bench` (scripts/bench/run.py): a bare-Material copy of the essay pages,
and a scaled copy of the edition with synthetic content.

Scaling is by content kind (``SCALERS``): essays, then concepts (linked in every essay, the
synthetic ones too), then annotations (on every essay's passages), then comparison themes
(quoting the synthetic essays); the scale test measures them all with no other change."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import yaml

from scripts.common import siteconfig

SKIP = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "test-results", "bench",
                              "__pycache__", ".pytest_cache", ".cache")
ESSAYS = ("toucas", "fedasiuk")


def copy_project(root: Path, dest: Path) -> Path:
    shutil.copytree(root, dest, ignore=SKIP)
    return dest


GIT_ENV = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@bench.invalid",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@bench.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
DEPLOYED_VERSION = "bench"


def deployed(root: Path, dest: Path, env: dict[str, str]) -> Path:
    """The edition as it is published (``make release`` without the checks): a copy of the
    project in a new git repository, deployed with mike as version ``bench`` aliased ``latest``
    (the default), its gh-pages branch checked out in ``dest/pages``, which is returned. Readers
    open ``/latest/``; ``versions.json`` is at the root."""
    project = copy_project(root, dest / "project")
    env = {**env, **GIT_ENV}
    mike = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())"]
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-qm", "bench"],
                    [*mike, "deploy", "--update-aliases", DEPLOYED_VERSION, "latest"],
                    [*mike, "set-default", "latest"],
                    ["git", "worktree", "add", "-q", str(dest / "pages"), "gh-pages"]):
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
        if result.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr[-3000:]}")
    return dest / "pages"


def _load(config: Path) -> dict:
    return siteconfig.load(config)


def _dump(data: dict, config: Path) -> None:
    config.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def bare_material(root: Path, dest: Path) -> Path:
    """The same pages (every page of docs/ that is Markdown, the essays and their copy-texts
    among them, and each annotation file, as the plain page of its note) built by bare Material
    for MkDocs: no hooks, no custom theme directory, no extra CSS/JS, only the search plugin;
    same Markdown extensions so that the same text renders. The annotation indexes, which the
    edition makes itself, bare Material cannot make. Returns the config path (build non-strict:
    the edition's own checks are absent here)."""
    config = _load(root / "mkdocs.yml")
    docs = dest / "docs"
    shutil.copytree(root / "docs", docs, ignore=shutil.ignore_patterns("*.json"))
    theme = {k: v for k, v in config["theme"].items() if k in ("name", "language", "font", "palette", "features")}
    bare = {
        "site_name": config["site_name"], "docs_dir": "docs", "site_dir": "site",
        "use_directory_urls": True, "theme": theme, "plugins": ["search"],
        "markdown_extensions": config["markdown_extensions"],
    }
    for text in docs.rglob("*.md"):  # the edition's templates (essay, teach): use Material's page
        text.write_text(re.sub(r"(?m)^template: [\w-]+\.html\n", "", text.read_text(encoding="utf-8")),
                        encoding="utf-8")
    _dump(bare, dest / "mkdocs.yml")
    return dest / "mkdocs.yml"


def _clone_essay(docs: Path, source: str, new: str, number: int) -> str:
    text = (docs / "essays" / f"{source}.md").read_text(encoding="utf-8")
    text = text.replace(f"{source}-", f"{new}-").replace(f"sources/{new}-", f"sources/{source}-")
    text = re.sub(rf"(?m)^(  id: ){source}$", rf"\g<1>{new}", text)
    text = re.sub(r'(?m)^title: "(.*)"$', rf'title: "\1 [synthetic copy {number}]"', text, count=1)
    (docs / "essays" / f"{new}.md").write_text(text, encoding="utf-8")
    return f"essays/{new}.md"


def _clone_references(project: Path, clones: list[tuple[str, str]]) -> None:
    """Per-essay entries of the bibliography's usage file (bib/usage.yml, if any), keyed by the
    essay id or by its note ids, copied for each synthetic essay."""
    usage = project / "bib" / "usage.yml"
    if not usage.exists():
        return
    data = yaml.safe_load(usage.read_text(encoding="utf-8")) or {}
    for section in data.values():
        if not isinstance(section, dict):
            continue
        for key in list(section):
            for source, new in clones:
                if key == source or str(key).startswith(f"{source}-"):
                    section[new + str(key)[len(source):]] = section[key]
    _dump(data, usage)


def _letters(number: int) -> str:
    out = ""
    while True:
        number, rest = divmod(number, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[rest] + out
        if number == 0:
            return out


def scale_essays(project: Path, factor: int) -> int:
    """(factor - 1) synthetic copies of each essay, with their own passage ids; added to the nav."""
    docs, config_path = project / "docs", project / "mkdocs.yml"
    config = _load(config_path)
    added, clones = [], []
    for copy in range(1, factor):
        for source in ESSAYS:
            clones.append((source, f"synth{_letters(copy)}{source}"))
            added.append(_clone_essay(docs, source, clones[-1][1], copy))
    _clone_references(project, clones)
    for section in config["nav"]:
        if isinstance(section, dict) and "Essays" in section:
            section["Essays"] = list(section["Essays"]) + added
    _dump(config, config_path)
    return len(ESSAYS) * factor


def _bigrams(project: Path) -> list[str]:
    """Two-word phrases of the essays' text, most frequent first: forms that occur."""
    counts: dict[str, int] = {}
    for name in ESSAYS:
        text = (project / "docs" / "essays" / f"{name}.md").read_text(encoding="utf-8").split("\n---", 2)[-1]
        words = re.findall(r"[A-Za-z]{4,}", text)
        for a, b in zip(words, words[1:]):
            counts[f"{a} {b}".lower()] = counts.get(f"{a} {b}".lower(), 0) + 1
    return sorted(counts, key=lambda k: (-counts[k], k))


def scale_concepts(project: Path, factor: int) -> int:
    """30 synthetic concepts per unit of ``factor`` (300 at 10x), each named by a two-word phrase
    of the essays that no real concept uses, so that every one links in the synthetic essays."""
    folder = project / "docs" / "concepts"
    folder.mkdir(parents=True, exist_ok=True)
    taken = {line.strip().lstrip("- ").strip("{}").lower() for path in folder.glob("*.md")
             for line in path.read_text(encoding="utf-8").splitlines()}
    phrases = [p for p in _bigrams(project) if not any(p in t or t in p for t in taken if t)]
    count = min(30 * factor, len(phrases))
    for i, phrase in enumerate(phrases[:count], 1):
        (folder / f"synth-{i:03d}.md").write_text(
            f"---\ntitle: Synthetic concept {i}\naliases:\n  - {phrase}\ncategory: strategy\n"
            f"sources: [fedasiuk2018]\n---\n\nA synthetic concept for the scale test, named by "
            f"the phrase “{phrase}” [@fedasiuk2018].\n", encoding="utf-8")
    return count


def _phrases(text: str, size: int = 4) -> list[str]:
    """Runs of ``size`` words that stand once in ``text`` (an annotation's exact words)."""
    words = text.split()
    runs = [" ".join(words[i:i + size]) for i in range(0, max(0, len(words) - size), size)]
    return [r for r in runs if text.count(r) == 1]


def scale_annotations(project: Path, factor: int) -> int:
    """100 synthetic annotations per unit of ``factor`` (1,000 at 10x), spread over every essay's
    passages (the synthetic essays' too), each on words that stand once in its passage."""
    from scripts.common.feature import Project
    from scripts.edition import corpus

    records = corpus.source_records(Project(project, project / "docs", project / "mkdocs.yml")) or []
    targets = [(r["id"], phrase) for r in records if r["kind"] == "paragraph" for phrase in _phrases(r["text"])[:3]]
    count = min(100 * factor, len(targets))
    folder = project / "docs" / "annotations" / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    for i, (pid, phrase) in enumerate(targets[:count], 1):
        (folder / f"synth-{i:04d}.md").write_text(
            f"---\ntarget: {pid}\nexact: {json.dumps(phrase, ensure_ascii=False)}\ncreator: Bench\n"
            f"created: 2026-12-01\nmotivation: commenting\ntags: [synthetic]\n---\n\n"
            f"A synthetic note for the scale test, number {i}, with *some* Markdown and a "
            f"[link](https://example.org/{i}).\n", encoding="utf-8")
    return count


def scale_compare(project: Path, factor: int) -> int:
    """(factor - 1) synthetic copies of every comparison theme, each quoting the same words in one
    set of synthetic essays (scale_essays: copies with their own passage ids): 9 themes become 90
    at 10x, with 10x the margin links."""
    folder = project / "docs" / "compare"
    themes = sorted(p for p in folder.glob("*.md") if p.name != "index.md") if folder.is_dir() else []
    for path in themes:
        head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = yaml.safe_load(head.removeprefix("---\n"))
        for copy in range(1, factor):
            data = json.loads(json.dumps(meta))
            data["title"] += f" [synthetic copy {copy}]"
            data["compare"]["order"] += 100 * copy
            data["compare"]["short"] = f"S{copy} {data['compare']['short']}"[:20].rstrip()
            for key, side in data["compare"].items():
                for quote in side.get("quotes", []) if isinstance(side, dict) else []:
                    essay = quote["passage"].split("-", 1)[0]
                    quote["passage"] = f"synth{_letters(copy)}{essay}-" + quote["passage"].split("-", 1)[1]
            (folder / f"synth-{_letters(copy)}-{path.name}").write_text(
                "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")
    return len(themes) * factor


def scale_hindsight(project: Path, factor: int) -> int:
    """(factor - 1) synthetic copies of every forecast (an annotation with a ``forecast`` block),
    each on the same words of one set of synthetic essays (scale_essays): 10x the forecasts on
    the scorecard, and 10x the notes on what happened next in the essays."""
    folder = project / "docs" / "annotations"
    found = sorted(p for p in folder.rglob("*.md") if re.search(r"(?m)^forecast:", p.read_text(encoding="utf-8")))
    out = folder / "synthetic-hindsight"
    for path in found:
        text = path.read_text(encoding="utf-8")
        essay = re.search(r"(?m)^target: ([a-z]+)-", text).group(1)
        for copy in range(1, factor):
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{_letters(copy)}-{path.parent.name}-{path.name}").write_text(
                re.sub(rf"(?m)^target: {essay}-", f"target: synth{_letters(copy)}{essay}-", text, count=1), encoding="utf-8")
    return len(found) * factor


SCALERS: dict[str, Callable[[Path, int], int]] = {"essays": scale_essays, "concepts": scale_concepts,
                                                  "annotations": scale_annotations, "compare": scale_compare,
                                                  "hindsight": scale_hindsight}


def scaled(root: Path, dest: Path, factor: int) -> dict[str, int]:
    """A copy of the project with every content kind multiplied by ``factor``: {kind: count}."""
    copy_project(root, dest)
    return {kind: scale(dest, factor) for kind, scale in SCALERS.items()}
