"""The build's pandoc cache (scripts/common/diskcache.py, ``.cache/``): a build that finds everything
in the cache runs no pandoc at all and writes exactly the site a build without it writes."""

from __future__ import annotations

import os
import stat

import pypandoc

from scripts.common import diskcache
from tests.conftest import ROOT
from scripts.publishing import reproducible


def _pandoc_that_only_tells_its_version(folder):
    """A ``pandoc`` that answers ``--version`` like the real one and fails on anything else."""
    fake = folder / "pandoc"
    fake.write_text("#!/bin/sh\n"
                    f'if [ "$1" = "--version" ]; then exec "{pypandoc.get_pandoc_path()}" --version; fi\n'
                    'echo "pandoc was run: $*" >&2\nexit 97\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    return fake


def test_a_warm_build_runs_no_pandoc_and_equals_a_cold_one(site_builder, tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, diskcache.ENV: str(cache)}
    cold = site_builder(tmp_path / "cold", environ=env)
    assert cold.returncode == 0, cold.stderr
    names = sorted(p.name.split("-")[0] for p in cache.glob("*.json"))
    # One pandoc run of each: the site's CSL renders, the annotations' citations
    # (scripts/annotations/feature.py), the scorecard's sources (scripts/hindsight/feature.py),
    # the .bib conversion, and mkdocs-bibtex's citations of every page at once
    # (bibtex_glue.prefetch), not one run per citing page.
    assert [n for n in names if n != "valid"] == ["citeproc"] * 3 + ["csljson", "mkdocs"], names
    # And each essay's, concept's, comparison theme's, guide's and annotation's front matter, found valid once
    # (scripts/common/validate.py): a warm build loads no jsonschema.
    docs = ROOT / "docs"
    validated = [*docs.glob("essays/*.md"), *(p for p in docs.glob("concepts/*.md") if p.name != "index.md"),
                 *(p for p in docs.glob("compare/*.md") if p.name != "index.md"),
                 *(p for p in docs.glob("teach/*.md") if p.name != "index.md"),  # the guides, the assignment
                 *(p for p in docs.glob("annotations/*/*.md") if p.name != "index.md"),
                 *docs.glob("hindsight/index.md")]  # the scorecard (scripts/hindsight/checks.py)
    # And each comparison theme's headings, found right once (scripts/compare/checks.py).
    themes = [p for p in docs.glob("compare/*.md") if p.name != "index.md"]
    assert names.count("valid") == len(validated) + len(themes), (names.count("valid"), len(validated), len(themes))

    fake = _pandoc_that_only_tells_its_version(tmp_path)
    warm = site_builder(tmp_path / "warm", environ={**env, "PYPANDOC_PANDOC": str(fake)})
    assert warm.returncode == 0, warm.stderr
    assert reproducible.first_difference(tmp_path / "cold", tmp_path / "warm") is None

    # The same fake pandoc without the cache: the build must need pandoc (the test can fail).
    uncached = site_builder(tmp_path / "uncached",
                            environ={**env, diskcache.ENV: "off", "PYPANDOC_PANDOC": str(fake)})
    assert uncached.returncode != 0 and "pandoc was run" in uncached.stderr


def test_the_built_site_equals_a_build_without_cache(site, site_builder, tmp_path):
    """The session's build (whatever the state of .cache/) and one with the cache off."""
    uncached = site_builder(tmp_path / "site", environ={**os.environ, diskcache.ENV: "off"})
    assert uncached.returncode == 0, uncached.stderr
    assert reproducible.first_difference(site, tmp_path / "site") is None


def test_cache_entries_are_keyed_and_a_bad_entry_is_a_miss(tmp_path):
    calls = []
    compute = lambda: calls.append(1) or {"html": "<p>x</p>"}  # noqa: E731
    digest = diskcache.key("citeproc", "3.9", ["doc"])
    assert digest != diskcache.key("citeproc", "3.9", ["doc2"])
    assert diskcache.memo(tmp_path, "citeproc", digest, compute) == {"html": "<p>x</p>"}
    assert diskcache.memo(tmp_path, "citeproc", digest, compute) == {"html": "<p>x</p>"}
    assert len(calls) == 1
    (tmp_path / f"citeproc-{digest}.json").write_text("{not json", encoding="utf-8")
    assert diskcache.memo(tmp_path, "citeproc", digest, compute) == {"html": "<p>x</p>"}
    assert len(calls) == 2
    assert diskcache.memo(None, "citeproc", digest, compute) and len(calls) == 3
    assert diskcache.folder(tmp_path, {diskcache.ENV: "off"}) is None
    assert diskcache.folder(tmp_path, {}) == tmp_path / diskcache.FOLDER
