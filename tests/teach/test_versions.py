"""The teachers' kit in a released site (tests/publishing/releasing.py: 1.0 then 1.1, served at
the address they were built for): every link is given in latest and pinned to the page's own
version, absolute; the citations give the pinned address and the version's date; an older
version's kit pins its own version."""

from __future__ import annotations

from lxml import html as lxml_html

from tests.publishing.releasing import get


def kit(url: str):
    status, body = get(url)
    assert status == 200, url
    return lxml_html.fromstring(body)


def test_links_are_pinned_to_the_version_and_given_in_latest(released):
    base = released["url"]
    for version in ("1.1", "1.0"):
        root = kit(f"{base}{version}/teach/")
        rows = root.cssselect(".teach-essay[data-essay='toucas'] li.teach-item")
        assert rows
        for row in rows:
            pid = row.get("data-item")[2:]
            latest, pinned = [a.get("href") for a in row.cssselect("a[data-teach-link]")]
            assert latest == f"{base}latest/essays/toucas/#{pid}"
            assert pinned == f"{base}{version}/essays/toucas/#{pid}"
            assert row.cssselect("a[data-teach-link]")[1].text_content() == f"version {version}: Toucas, paragraph {pid.split('-p')[1]}"
            entry = row.cssselect(".teach-cite__entry a[data-cite-url]")[0]
            assert entry.get("href") == pinned and entry.text_content() == pinned
            assert version in row.cssselect(".teach-cite__entry")[0].text_content()
        assert not root.cssselect(".teach-unversioned")
    # latest is 1.1: its kit pins 1.1.
    root = kit(f"{base}latest/teach/")
    assert root.cssselect("a[data-teach-link]")[1].get("href").startswith(f"{base}1.1/")


def test_each_version_has_its_own_reading_packets(released):
    from pypdf import PdfReader

    for version in ("1.0", "1.1"):
        pdf = released["pages"] / version / "packets" / "toucas.pdf"
        pages = [p.extract_text() or "" for p in PdfReader(pdf).pages]
        essay = [p for p in pages if "/essays/toucas/" in p]
        assert essay and all(f"{released['url']}{version}/essays/toucas/" in p for p in essay)
