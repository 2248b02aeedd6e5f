"""CITATION.cff describes the edition and is valid against the CFF 1.2 schema."""

import subprocess
import sys
from pathlib import Path

import yaml

from scripts.citing import bib

ROOT = Path(__file__).resolve().parents[2]


def check(path: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).with_name("check-jsonschema")
    return subprocess.run([str(tool), "--builtin-schema", "vendor.citation-file-format", str(path)],
                          capture_output=True, text=True, check=False)


def test_citation_cff_is_valid():
    result = check(ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_citation_cff_agrees_with_bib():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    entries = bib.load().entries
    edition = entries["edition"].fields
    assert cff["title"] == f"{edition['title']}: {edition['subtitle']}".replace("{", "").replace("}", "")
    refs = {r["title"]: r for r in cff["references"]}
    assert set(refs) == {"Ballistic Missile Defense: Proceed With Caution",
                         "U.S. Missile Defense and the Theater-Strategic Nexus"}
    assert "url" not in refs["Ballistic Missile Defense: Proceed With Caution"]
    assert "year" not in refs["U.S. Missile Defense and the Theater-Strategic Nexus"], "the year is inferred"


def test_invalid_cff_is_rejected(tmp_path):
    broken = tmp_path / "CITATION.cff"
    broken.write_text((ROOT / "CITATION.cff").read_text(encoding="utf-8").replace("cff-version: 1.2.0", "cff-version: one"),
                      encoding="utf-8")
    assert check(broken).returncode != 0
