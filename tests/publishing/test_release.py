"""A real two-version release in a temporary repository: `make release VERSION=1.0`, a change
to the content, `make release VERSION=1.1`; then what readers get from the gh-pages branch,
served over HTTP: both versions, `latest` on 1.1 and the default, the selector's data, the
banner and canonical link, and every page and anchor of 1.0 still answering in 1.1. Then
removing a published id or page makes the checks fail, naming it."""

from __future__ import annotations

import json
import shutil
import sys
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from scripts.common import siteconfig
from scripts.publishing import linkcheck
from scripts.publishing import published as published_check
from tests.publishing.releasing import IGNORE, edit, get, sh


@pytest.fixture(scope="module")
def repo(released):
    return released


@pytest.fixture(scope="module")
def served(released):
    return released["url"]


def ids_on(url: str) -> set[str]:
    status, body = get(url)
    assert status == 200, url
    return set(lxml_html.fromstring(body).xpath("//@id"))


def published(repo) -> dict:
    return json.loads((repo["path"] / "docs" / "published.json").read_text(encoding="utf-8"))


def test_versions_json_lists_both_with_latest_on_1_1(repo):
    versions = json.loads((repo["pages"] / "versions.json").read_text(encoding="utf-8"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("1.1", ["latest"]), ("1.0", [])]


def test_latest_is_the_default(served):
    status, body = get(served)
    assert status == 200
    refresh = lxml_html.fromstring(body).xpath("//meta[@http-equiv='refresh']/@content")
    assert refresh and refresh[0].split("url=", 1)[1].rstrip("/") == "latest", refresh


def test_both_versions_are_served_and_differ_by_the_change(repo, served):
    new_id = repo["new_id"]
    assert new_id in ids_on(served + "1.1/essays/toucas/")
    assert new_id in ids_on(served + "latest/essays/toucas/")
    assert new_id not in ids_on(served + "1.0/essays/toucas/")


def test_releasing_1_1_left_1_0_untouched(repo):
    assert repo["tree_1_0"] == sh(repo["path"], "git", "rev-parse", "gh-pages:1.0").stdout.strip()


def test_the_selector_finds_the_versions(served):
    """Material's selector fetches ../versions.json from the version's root; the page config says mike."""
    for version in ("1.0", "1.1"):
        status, body = get(served + f"{version}/essays/toucas/")
        config = json.loads(lxml_html.fromstring(body).xpath("//script[@id='__config']/text()")[0])
        assert config["version"]["provider"] == "mike"
        status, listing = get(urljoin(served + f"{version}/", "../versions.json"))
        assert status == 200 and {v["version"] for v in json.loads(listing)} == {"1.0", "1.1"}


def test_banner_and_canonical_point_to_the_same_page_in_latest(served):
    page = served + "1.0/essays/toucas/"
    root = lxml_html.fromstring(get(page)[1])
    banner = root.xpath("//*[@data-edition-version-banner]//a/@href")
    canonical = root.xpath("//link[@rel='canonical']/@href")
    assert [urljoin(page, href) for href in banner + canonical] == [served + "latest/essays/toucas/"] * 2
    assert canonical == [served + "latest/essays/toucas/"], "absolute: the deploy knows the address"
    assert get(served + "latest/essays/toucas/")[0] == 200
    home = served + "1.0/"
    banner = lxml_html.fromstring(get(home)[1]).xpath("//*[@data-edition-version-banner]//a/@href")
    assert urljoin(home, banner[0]) == served + "latest/"


def test_the_record_lists_what_each_release_published(repo):
    releases = published(repo)["releases"]
    assert list(releases) == ["1.0", "1.1"]
    assert repo["new_id"] in releases["1.1"]["ids"] and repo["new_id"] not in releases["1.0"]["ids"]
    assert set(releases["1.0"]["ids"]) < set(releases["1.1"]["ids"])
    assert {"", "essays/toucas/", "essays/fedasiuk/"} <= set(releases["1.0"]["pages"])
    assert {"passages.json", "cite/toucas.bib", "cite/fedasiuk.ris"} <= set(releases["1.0"]["files"])


def test_every_page_and_anchor_of_1_0_resolves_in_1_1(repo, served):
    record = published(repo)["releases"]["1.0"]
    registry = json.loads((repo["path"] / "docs" / "passage-registry.json").read_text(encoding="utf-8"))
    for url in record["pages"] + record["files"]:
        assert get(served + "1.1/" + url)[0] == 200, f"/{url} of 1.0 is gone in 1.1"
    pages: dict[str, set[str]] = {}
    for pid in record["ids"]:
        page = registry["ids"][pid]["url"].split("#")[0]
        if page not in pages:
            pages[page] = ids_on(served + "1.1/" + page)
        assert pid in pages[page], f"{pid} of 1.0 does not resolve in 1.1"


def test_the_whole_versioned_site_has_no_broken_link_or_fragment(repo):
    """lychee (the project wrapper) over the gh-pages tree: both versions, the aliases, the
    root redirect and the root 404 page (whose links are absolute paths, from SITE_URL)."""
    code, data = linkcheck.run(repo["pages"])
    assert code == 0 and data["errors"] == 0, linkcheck.report(data, repo["pages"], False)
    checked = [item["url"] for items in data["success_map"].values() for item in items]
    assert any("/1.0/essays/toucas" in url and "#toucas-p" in url for url in checked)
    assert any("/latest/" in url for url in checked), "the banner and canonical links are checked"


def test_a_missing_address_gets_the_root_404_page_of_the_latest_release(repo, served):
    """GitHub Pages answers any missing address with the root 404.html: the released version's
    404 page (search, both essays), its links absolute so they work from any depth."""
    assert sh(repo["path"], "git", "rev-parse", "gh-pages:404.html").stdout == \
        sh(repo["path"], "git", "rev-parse", "gh-pages:1.1/404.html").stdout
    for missing in ("no-such-page/", "1.0/essays/no-such-essay/", "latest/a/b/c/"):
        status, body = get(served + missing)
        assert status == 404, missing
        root = lxml_html.fromstring(body)
        links = {urljoin(served + missing, href) for href in root.xpath("//article//a/@href")}
        assert {served + "1.1/essays/toucas/", served + "1.1/essays/fedasiuk/"} <= links, links
        for href in root.xpath("//link[@rel='stylesheet']/@href | //script/@src"):
            assert get(urljoin(served + missing, href))[0] == 200, href


def test_releasing_again_leaves_the_root_404_page_alone(repo):
    before = sh(repo["path"], "git", "rev-parse", "gh-pages").stdout
    result = sh(repo["path"], sys.executable, "-m", "scripts.publishing.ghpages", "1.1")
    assert "was already" in result.stdout
    assert sh(repo["path"], "git", "rev-parse", "gh-pages").stdout == before


def test_removing_a_published_id_fails_the_checks_naming_it(repo, tmp_path):
    """Even with the id also dropped from the passage registry, the release record catches it."""
    work = tmp_path / "repo"
    shutil.copytree(repo["path"], work, ignore=IGNORE, symlinks=True)
    new_id = repo["new_id"]
    edit(work / "docs" / "essays" / "toucas.md",
         f"\nAn editorial paragraph added in version 1.1 of the edition.\n{{#{new_id} .editorial}}\n", "")
    reg_path = work / "docs" / "passage-registry.json"
    reg = json.loads(reg_path.read_text(encoding="utf-8"))
    del reg["ids"][new_id]
    reg_path.write_text(json.dumps(reg), encoding="utf-8")
    result = sh(work, sys.executable, "-m", "scripts.check", check=False)
    assert result.returncode == 1
    assert f"published in 1.1: passage id {new_id}" in result.stderr, result.stderr
    result = sh(work, sys.executable, "-m", "scripts.publishing.release", "1.2", check=False)
    assert result.returncode == 1 and new_id in result.stderr, result.stderr


def test_removing_a_published_page_fails_unless_redirected(repo, tmp_path):
    work = tmp_path / "repo"
    shutil.copytree(repo["path"], work, ignore=IGNORE, symlinks=True)
    page = work / "docs" / "about" / "contributing.md"
    page.rename(page.with_name("contributing-guide.md"))
    result = sh(work, sys.executable, "-m", "scripts.check", check=False)
    assert result.returncode == 1
    assert "page URL /about/contributing/ (published in 1.0) is missing" in result.stderr, result.stderr
    edit(work / "mkdocs.yml", "      redirect_maps: {}\n",
         "      redirect_maps:\n        about/contributing.md: about/contributing-guide.md\n")
    result = sh(work, sys.executable, "-m", "scripts.check", check=False)
    assert "/about/contributing/" not in result.stderr, result.stderr
    # The built redirect: the old address answers and sends the reader to the new one.
    sh(work, sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site"),
       env={"NO_MKDOCS_2_WARNING": "1"})
    old = tmp_path / "site" / "about" / "contributing" / "index.html"
    root = lxml_html.parse(str(old)).getroot()
    refresh = root.xpath("//meta[@http-equiv='refresh']/@content")
    assert refresh and refresh[0].split("url=", 1)[1] == "../contributing-guide/", refresh
    assert (tmp_path / "site" / "about" / "contributing-guide" / "index.html").is_file()
    record = published(repo)
    reg = json.loads((work / "docs" / "passage-registry.json").read_text(encoding="utf-8"))
    redirects = published_check.page_redirects(siteconfig.load(work / "mkdocs.yml"))
    assert published_check.check_site(record, tmp_path / "site", reg, redirects) == []


def test_a_tag_release_must_be_recorded_first(repo, tmp_path):
    """The tag workflow's `--frozen`: version 1.1 is committed, 1.2 is not."""
    assert sh(repo["path"], sys.executable, "-m", "scripts.publishing.release", "1.1", "--frozen", check=False).returncode == 0
    work = tmp_path / "repo"
    shutil.copytree(repo["path"], work, ignore=IGNORE, symlinks=True)
    edit(work / "CHANGELOG.md", "## 1.1\n", "## 1.2\n\n- Nothing.\n\n## 1.1\n")
    result = sh(work, sys.executable, "-m", "scripts.publishing.release", "1.2", "--frozen", check=False)
    assert result.returncode == 1 and "make release VERSION=1.2" in result.stderr, result.stderr


def test_a_release_needs_a_changelog_entry(repo):
    result = sh(repo["path"], sys.executable, "-m", "scripts.publishing.release", "1.3", check=False)
    assert result.returncode == 1 and "CHANGELOG.md has no '## 1.3' entry" in result.stderr


def test_each_version_cites_itself_with_its_version_date_and_address(repo, served):
    """The edition's entries in each version carry that version, its release date and the page's
    address in that version, also when read through `latest`; the downloads say the same."""
    for version, path in (("1.0", "1.0"), ("1.1", "1.1"), ("1.1", "latest")):
        date = repo["dates"][version]
        root = lxml_html.fromstring(get(f"{served}{path}/essays/toucas/")[1])
        panel = root.cssselect("details.edition-cite")[0]
        assert panel.get("data-cite-page") == f"{served}{version}/essays/toucas/"
        chicago = root.cssselect("[data-cite-style='chicago'][data-cite-kind='this edition'] .edition-cite__text")[0]
        text = " ".join(chicago.text_content().split())
        assert text.startswith(f"Toucas, Boris. {date[:4]}. “Ballistic Missile Defense: Proceed With Caution.” "
                               f"Version {version}. Missile Defense Essays,"), text
        assert text.endswith(f"{served}{version}/essays/toucas/."), text
        assert not chicago.cssselect("[data-cite-accessed]"), "a dated version needs no access date"
        mla = root.cssselect("[data-cite-style='mla'][data-cite-kind='this edition'] .edition-cite__text")[0]
        assert [em.text_content() for em in mla.cssselect("em")] == ["Missile Defense Essays"]
        items = json.loads(get(f"{served}{path}/cite/toucas.json")[1])
        edition = next(i for i in items if i["id"] == "toucas2017edition")
        assert edition["URL"] == f"{served}{version}/essays/toucas/"
        assert edition["version"] == version
        assert edition["issued"] == {"date-parts": [[int(part) for part in date.split("-")]]}
        original = next(i for i in items if i["id"] == "toucas2017")
        assert "version" not in original and "URL" not in original, "the original is not this edition"
    assert repo["dates"]["1.0"] <= repo["dates"]["1.1"]
