"""scripts/common/versions.py: addresses across mike versions."""

from scripts.common import versions


def test_base_url_drops_the_version_mike_appended():
    assert versions.base_url("https://ex.test/ed/1.0/", "1.0") == "https://ex.test/ed/"
    assert versions.base_url("https://ex.test/ed/1.0", "1.0") == "https://ex.test/ed/"
    assert versions.base_url("https://ex.test/ed/", None) == "https://ex.test/ed/"
    assert versions.base_url("https://ex.test/1.0x/", "0x") == "https://ex.test/1.0x/"
    assert versions.base_url("", "1.0") is None and versions.base_url(None, None) is None


def test_latest_url_only_for_a_versioned_build_with_an_address():
    assert versions.latest_url("https://ex.test/ed/1.0/", "1.0", "essays/toucas/") == \
        "https://ex.test/ed/latest/essays/toucas/"
    assert versions.latest_url("https://ex.test/ed/dev/", "dev", "") == "https://ex.test/ed/latest/"
    assert versions.latest_url("https://ex.test/ed/", None, "essays/toucas/") is None
    assert versions.latest_url(None, "1.0", "essays/toucas/") is None


def test_a_released_edition_page_is_dated_by_its_release():
    assert versions.edition_csl("1.1", "2026-11-22") == {
        "version": "1.1", "issued": {"date-parts": [[2026, 11, 22]]}}
    assert versions.edition_csl("dev", None) == {} and versions.edition_csl(None, None) == {}


def test_the_citable_address_is_the_pinned_version():
    root = versions.version_root("https://ex.test/ed/1.1", "1.1")
    assert root == versions.version_root("https://ex.test/ed/", "1.1") == "https://ex.test/ed/1.1/"
    assert versions.version_root("https://ex.test/ed", None) == "https://ex.test/ed/"
    assert versions.citable_page("essays/toucas/", "1.1", root) == "https://ex.test/ed/1.1/essays/toucas/"
    assert versions.citable_page("essays/toucas/", "1.1", None) == "../../../1.1/essays/toucas/"
    assert versions.citable_page("essays/toucas/", None, None) is None
