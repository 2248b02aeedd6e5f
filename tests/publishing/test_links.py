"""Every internal link and fragment of the built site resolves: the lychee wrapper
(scripts/publishing/linkcheck.py with lychee.toml), offline, as `make links` and CI run it."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from scripts.publishing import linkcheck

ROOT = Path(__file__).resolve().parents[2]


def wrapper(site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.publishing.linkcheck", str(site), *extra],
                          cwd=ROOT, capture_output=True, text=True, check=False)


def test_offline_link_check_with_fragments_is_clean(site, tmp_path):
    summary = tmp_path / "summary.md"
    result = wrapper(site, "--summary", str(summary))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout and "No broken links." in result.stdout, result.stdout
    assert " 0 OK" not in result.stdout, "lychee checked nothing"
    assert summary.read_text(encoding="utf-8") .startswith("### Link check"), "the job summary gets the report"


def test_fragments_are_checked(site):
    """The passage anchors are among what is checked: fragments of essay pages count as OK."""
    code, data = linkcheck.run(site)
    assert code == 0
    checked = [item["url"] for items in data["success_map"].values() for item in items]
    assert any("#toucas-p" in url for url in checked), "no passage fragment was checked"


def test_link_check_catches_a_broken_fragment(site, tmp_path):
    """The check can fail: a page with a link to a missing paragraph id is reported."""
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page = broken / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        'href="essays/toucas/#toucas-p12"', 'href="essays/toucas/#toucas-p999"'), encoding="utf-8")
    result = wrapper(broken)
    assert result.returncode == 1
    assert "toucas-p999" in result.stdout and "index.html:" in result.stdout, result.stdout


def test_link_check_catches_a_missing_page(site, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    shutil.rmtree(broken / "about" / "reading")
    result = wrapper(broken)
    assert result.returncode == 1
    assert "about/reading" in result.stdout, result.stdout


def test_online_mode_checks_only_external_links(site, tmp_path):
    cmd = linkcheck.command(site, tmp_path / "out.json", online=True)
    assert "--offline" not in cmd
    assert cmd[cmd.index("--scheme") + 1] == "https"
    assert "--offline" in linkcheck.command(site, tmp_path / "out.json")


def test_every_exclusion_has_a_reason():
    """lychee.toml: documented exclusions only (a comment right above each entry)."""
    text = (ROOT / "lychee.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)
    lines = text.splitlines()
    for key in ("exclude", "exclude_path"):
        for entry in config.get(key, []):
            at = next(n for n, line in enumerate(lines) if line.strip().startswith(repr(entry)))
            assert lines[at - 1].strip().startswith("#"), f"lychee.toml {key} {entry!r} has no reason"
