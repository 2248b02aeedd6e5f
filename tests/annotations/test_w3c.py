"""The W3C Web Annotation export (scripts/annotations/w3c.py) in the built site: every annotation
file is exported, once; each exported annotation passes every "must" assertion of the W3C test
suite (../shared/w3c-web-annotation-tests/annotations/annotationMusts.test), the collection every
one of collectionMusts.test, with their formats (uri, date-time) checked; its links lead to real
pages and bibliography entries; its selectors give the highlighted words of the published page.
Anchoring by a standard client in Chromium: tests/browser/annotations/test_w3c_anchoring.py."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import lxml.html
import pytest
from jsonschema import Draft4Validator
from referencing import Registry
from referencing.jsonschema import DRAFT4

from scripts.annotations import reading, w3c

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT.parent / "shared" / "w3c-web-annotation-tests"
SITE_URL = "https://example.org/edition/"  # a reserved name: nothing is fetched


def _suite():
    if not SUITE.exists():
        if os.environ.get("CI") and not os.environ.get("EDITION_NO_SHARED"):
            pytest.fail(f"{SUITE} is missing: CI runs with ../shared beside the clone")
        pytest.skip(f"{SUITE} is not here (EDITION_NO_SHARED: {os.environ.get('EDITION_NO_SHARED')})")
    return SUITE


def musts(test_file: str) -> list[tuple[str, Draft4Validator]]:
    """Each "must" assertion of a W3C test file, as a validator: draft-04, the suite's
    definitions found by their ids, formats checked."""
    suite = _suite()
    resources = []
    for path in sorted((suite / "definitions").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], DRAFT4.create_resource(schema)))
    registry = Registry().with_resources(resources)
    out = []
    for name in json.loads((suite / test_file).read_text(encoding="utf-8"))["assertions"]:
        schema = json.loads((suite / name).read_text(encoding="utf-8"))
        assert schema.get("assertionType", "must") == "must" and schema["expectedResult"] == "valid", name
        out.append((name, Draft4Validator(schema, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)))
    return out


def failures(data: dict, validators) -> list[str]:
    return [f"{name}: {next(v.iter_errors(data)).message}" for name, v in validators if not v.is_valid(data)]


@pytest.fixture(scope="module")
def published(site_builder, tmp_path_factory) -> tuple[Path, dict]:
    """A build that knows its public address (as the deploy workflow builds): absolute ids."""
    site = tmp_path_factory.mktemp("site-with-address")
    result = site_builder(site, environ={**os.environ, "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site, json.loads((site / w3c.EXPORT).read_text(encoding="utf-8"))


def test_the_suite_is_real_and_can_fail():
    """The harness finds every assertion and rejects what the model forbids."""
    annotation_musts = musts("annotations/annotationMusts.test")
    assert len(annotation_musts) >= 50
    broken = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "not a uri", "type": "Annotation",
              "body": {"type": "TextualBody"}, "bodyValue": "both", "created": "yesterday"}
    found = failures(broken, annotation_musts)
    assert any("TargetKeyFound" in f or "targetKeyFound" in f for f in found), found
    assert any("IdValidated" in f for f in found), found
    assert any("CreatedValidated" in f for f in found), found


def test_every_exported_annotation_passes_the_w3c_musts(published):
    _, export = published
    annotation_musts = musts("annotations/annotationMusts.test")
    problems = []
    for item in export["first"]["items"]:
        problems += [f"{item['id']}: {f}" for f in failures({"@context": w3c.CONTEXT, **item}, annotation_musts)]
    problems += [f"collection: {f}" for f in failures(export, musts("collections/collectionMusts.test"))]
    assert not problems, "\n".join(problems)
    assert export["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert all(item["id"].startswith(SITE_URL) and item["target"]["source"].startswith(SITE_URL)
               for item in export["first"]["items"])


def test_counts_match_files_rendered_exported(site):
    files = list(reading.files(ROOT / "docs"))
    export = json.loads((site / w3c.EXPORT).read_text(encoding="utf-8"))
    items = export["first"]["items"]
    ids = [item["id"] for item in items]
    rendered = set()
    for essay in ("toucas", "fedasiuk"):
        root = lxml.html.parse(str(site / "essays" / essay / "index.html")).getroot()
        rendered |= {m.get("data-annotation") for m in root.cssselect("mark.annotation-mark")}
    assert len(files) == len(rendered) == len(items) == len(set(ids)) == export["total"]
    assert {i.removeprefix("annotations/").rstrip("/") for i in ids} == rendered


def test_every_address_in_the_export_leads_somewhere(site):
    """Relative addresses (no SITE_URL) resolve against the export's own address to the
    annotation's page, the essay, the passage and the bibliography entry."""
    export = json.loads((site / w3c.EXPORT).read_text(encoding="utf-8"))
    missing = []

    def exists(address: str, fragment: str = "") -> bool:
        page = site / urlsplit(address).path / "index.html"
        if not page.exists():
            return False
        return not fragment or bool(lxml.html.parse(str(page)).getroot().xpath(f'//*[@id="{fragment}"]'))

    for item in export["first"]["items"]:
        target = item["target"]
        links = [(item["id"], ""), (target["source"], "")]
        links += [(target["source"], s["value"]) for s in target["selector"]]
        links += [urldefrag(b["source"]) for b in item["body"] if "source" in b]
        assert len([b for b in item["body"] if "source" in b]) == len(item["body"]) - 1 - sum(
            b.get("purpose") == "tagging" or b.get("format") == "application/json" for b in item["body"])
        missing += [f"{item['id']}: {a}#{f}" for a, f in links if not exists(a, f)]
    assert not missing, missing


def test_each_essay_page_links_the_export(site):
    for essay in ("toucas", "fedasiuk"):
        root = lxml.html.parse(str(site / "essays" / essay / "index.html")).getroot()
        links = root.xpath('//head/link[@rel="alternate"][@type="application/ld+json"]')
        assert len(links) == 1
        assert (site / "essays" / essay / links[0].get("href")).resolve() == (site / w3c.EXPORT).resolve()


def test_the_selectors_give_the_highlighted_words_of_the_published_page(site):
    """On the served HTML, each passage's text (its text nodes, as the DOM has them): the quote
    is where the highlight is, once, with its prefix and suffix; the position gives it too."""
    export = json.loads((site / w3c.EXPORT).read_text(encoding="utf-8"))
    wrong = []
    for item in export["first"]["items"]:
        essay = urlsplit(item["target"]["source"]).path.strip("/")
        root = lxml.html.parse(str(site / essay / "index.html")).getroot()
        quote, position = (s["refinedBy"] for s in item["target"]["selector"])
        passage = root.get_element_by_id(item["target"]["selector"][0]["value"])
        text = "".join(passage.itertext())
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        utf16 = text.encode("utf-16-le")
        at = utf16[2 * position["start"]:2 * position["end"]].decode("utf-16-le")
        if text.count(whole) != 1 or at != quote["exact"]:
            wrong.append((item["id"], quote["exact"], at))
        mark = "".join("".join(m.itertext()) for m in passage.cssselect(f'mark[data-annotation="{item["id"].removeprefix("annotations/").rstrip("/")}"]'))
        if not quote["exact"].startswith(mark[:10]) or not quote["exact"].endswith(mark[-10:]):
            wrong.append((item["id"], "not the highlight", mark))
    assert not wrong, wrong


def test_dom_text_counts_every_text_node_and_finds_a_split_highlight():
    passage = lxml.html.fragment_fromstring(
        '<p id="x-p1"><span class="passage-tools"><small>1 note</small></span>One <a>two '
        '<mark data-annotation="a/b">three</mark></a><mark data-annotation="a/b"> four<sup>3</sup></mark>'
        '<!-- a comment --> five <mark data-annotation="other">six</mark></p>')
    text, start, end = w3c.dom_text(passage, "a/b")
    assert text == "1 noteOne two three four3 five six"
    assert text[start:end] == "three four3"
    assert w3c.dom_text(passage, "none") is None
    quote, position = (s["refinedBy"] for s in w3c.selectors("x-p1", text, start, end))
    assert (quote["prefix"], quote["exact"], quote["suffix"]) == ("1 noteOne two ", "three four3", " five six")
    assert (position["start"], position["end"]) == (14, 25)


def test_positions_count_utf16_code_units_as_the_dom_does():
    text = "𝐀 then words"  # one character outside the BMP: two UTF-16 code units
    position = w3c.selectors("x", text, 7, 12)[1]["refinedBy"]
    assert (position["start"], position["end"]) == (8, 13)


def test_a_forecast_travels_in_the_export_as_an_assessing_body(site):
    """A note's forecast (scripts/hindsight) is a TextualBody of JSON, purpose assessing, with the
    file's fields; the export then imports back to the same files (tests/annotations/test_import.py)."""
    import frontmatter

    export = json.loads((site / w3c.EXPORT).read_text(encoding="utf-8"))
    by_id = {item["id"].rstrip("/").split("annotations/", 1)[1]: item for item in export["first"]["items"]}
    found = 0
    for path in sorted((ROOT / "docs" / "annotations").rglob("*.md")):
        meta = frontmatter.load(path).metadata
        aid = path.relative_to(ROOT / "docs" / "annotations").with_suffix("").as_posix()
        bodies = [b for b in by_id[aid]["body"] if b.get("format") == "application/json"]
        if not meta.get("forecast"):
            assert bodies == [], aid
            continue
        found += 1
        assert len(bodies) == 1 and bodies[0]["purpose"] == "assessing" and bodies[0]["type"] == "TextualBody"
        assert json.loads(bodies[0]["value"]) == meta["forecast"]
    assert found >= 20
