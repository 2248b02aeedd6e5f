"""The import rules of scripts/ (pyproject.toml, [tool.importlinter]) hold, and break on a
forbidden import: lint-imports, run as `make test` runs it, on a copy of the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = [str(Path(sys.executable).with_name("lint-imports")), "--no-cache", "--no-logo"]


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(LINT, cwd=tree, capture_output=True, text=True, check=False)


@pytest.fixture
def code(tmp_path) -> Path:
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_import(code: Path, module: str, line: str) -> None:
    path = code / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")


def test_the_code_keeps_every_contract(code):
    result = lint(code)
    assert result.returncode == 0, result.stdout
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("module, line, broken", [
    ("scripts.common.htmltools", "from scripts.edition import passages",
     "scripts.common is not allowed to import scripts.edition"),
    ("scripts.edition.passages", "from scripts.citing import bib",
     "scripts.edition is not allowed to import scripts.citing"),
    ("scripts.citing.bib", "from scripts.publishing import published",
     "scripts.citing is not allowed to import scripts.publishing"),
    ("scripts.citing.bib", "from scripts.edition import copytext",
     "Illegal imports of protected package scripts.edition.copytext"),
    ("scripts.citing.csl", "import mkdocs.plugins",
     "scripts is not allowed to import mkdocs"),
    ("scripts.site", "import material",
     "scripts is not allowed to import material"),
    ("scripts.common.feature", "from mkdocs_bibtex import plugin",
     "scripts is not allowed to import mkdocs_bibtex"),
    ("scripts.edition.checks", "from scripts import hooks",
     "scripts.edition is not allowed to import scripts.hooks"),
])
def test_a_forbidden_import_breaks_a_contract(code, module, line, broken):
    add_import(code, module, line)
    result = lint(code)
    assert result.returncode != 0
    assert broken in result.stdout, result.stdout
