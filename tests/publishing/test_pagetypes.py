"""Page types found in the built site (scripts/publishing/pagetypes.py)."""

from scripts.publishing import pagetypes


def test_types_and_urls():
    assert pagetypes.page_type("index.html") == "home"
    assert pagetypes.page_type("404.html") == "404"
    assert pagetypes.page_type("essays/toucas/index.html") == "essays"
    assert pagetypes.url_path("essays/toucas/index.html") == "/essays/toucas/"
    assert pagetypes.url_path("404.html") == "/404.html"
    assert pagetypes.url_path("index.html") == "/"


def test_redirect_stubs_are_not_pages(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "index.html").write_text(
        '<html><head><meta http-equiv="refresh" content="0; url=../new/"></head><body></body></html>')
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "index.html").write_text("<html><body><h1>New</h1></body></html>")
    assert pagetypes.discover(tmp_path) == {"new": ["/new/"]}


def test_a_folders_index_beside_its_pages_is_a_type_of_its_own(tmp_path):
    for page in ("concepts", "concepts/thaad", "concepts/abm-treaty", "bibliography"):
        (tmp_path / page).mkdir(parents=True, exist_ok=True)
        (tmp_path / page / "index.html").write_text("<html><body><h1>Page</h1></body></html>")
    assert pagetypes.discover(tmp_path) == {
        "bibliography": ["/bibliography/"],
        "concepts": ["/concepts/abm-treaty/", "/concepts/thaad/"],
        "concepts-index": ["/concepts/"],
    }


def test_the_built_site_has_the_expected_types(site):
    found = pagetypes.discover(site)
    assert {"home", "essays", "about", "404", "concepts", "concepts-index", "compare", "compare-index",
            "teach", "teach-index"} <= set(found)
    assert found["concepts-index"] == ["/concepts/"]
    assert found["compare-index"] == ["/compare/"] and len(found["compare"]) >= 8
    assert found["teach-index"] == ["/teach/"]
    assert found["teach"] == ["/teach/comparison-assignment/", "/teach/fedasiuk/", "/teach/toucas/"]
    assert found["essays"] == ["/essays/fedasiuk/", "/essays/toucas/"]
    chosen = pagetypes.choose(site, 1, {"essays": "/essays/toucas/"})
    assert ("essays", "/essays/toucas/") in chosen
