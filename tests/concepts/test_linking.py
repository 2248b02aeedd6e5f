"""Linking concepts in a passage (scripts/concepts/linking.py) on fixture HTML: the first mention
of each concept linked, none where the rules forbid, the words unchanged, and a mention that
runs across inline markup still one mention."""

from lxml import html

from scripts.common import htmltools
from scripts.concepts.linking import link_passage
from scripts.edition.textmap import TextMap as Text
from scripts.concepts.matcher import Alias, Matcher
from scripts.edition import passages

MATCHER = Matcher([Alias("Aegis Ashore", "aegis-ashore"), Alias("ABM Treaty", "abm-treaty"),
                   Alias("THAAD", "thaad", True), Alias("missile defense review", "mdr")])
HREF = {"aegis-ashore": "../../concepts/aegis-ashore/", "abm-treaty": "../../concepts/abm-treaty/",
        "thaad": "../../concepts/thaad/", "mdr": "../../concepts/mdr/"}


def passage(markup: str):
    root = htmltools.parse_fragment(markup)
    return root, root.cssselect("[id]")[0]


def links(el) -> list[tuple[str, str]]:
    return [(a.get("data-concept"), a.text_content()) for a in el.cssselect("a.concept-link")]


def test_the_first_mention_of_each_concept_is_linked_and_every_mention_reported():
    root, el = passage('<p id="t-p1">THAAD and Aegis Ashore; again THAAD, and the ABM Treaty.</p>')
    text, found = link_passage(el, MATCHER, HREF)
    assert links(el) == [("thaad", "THAAD"), ("aegis-ashore", "Aegis Ashore"), ("abm-treaty", "ABM Treaty")]
    assert [(f.mention.concept, f.linked) for f in found] == [
        ("thaad", True), ("aegis-ashore", True), ("thaad", False), ("abm-treaty", True)]
    assert text == passages.text(el) == "THAAD and Aegis Ashore; again THAAD, and the ABM Treaty."
    lead = el.cssselect("a.concept-link")[0]
    assert lead.get("href") == "../../concepts/thaad/" and lead.get("data-concept-preview") == ""


def test_no_link_inside_links_code_note_markers_back_links_or_emendation_marks():
    root, el = passage(
        '<p id="t-p2"><span class="passage-tools"><a class="passage-link" href="#t-p2">THAAD</a></span>'
        'See <a href="https://example.org/">THAAD</a>, <code>THAAD</code>'
        '<sup id="fnref:t-n1"><a class="footnote-ref" href="#fn:t-n1">THAAD</a></sup>'
        '<sup class="emendation-mark"><a href="#t-e1">[e] THAAD</a></sup>'
        '<a class="footnote-backref" href="#fnref:t-n1">THAAD</a>.</p>')
    before = html.tostring(el, encoding="unicode")
    _, found = link_passage(el, MATCHER, HREF)
    assert found == [] and links(el) == []
    assert html.tostring(el, encoding="unicode") == before


def test_a_mention_split_by_a_note_marker_or_an_emendation_is_one_mention():
    root, el = passage(
        '<p id="t-p3">the Missile <sup id="fnref:t-n2"><a class="footnote-ref" href="#fn:t-n2">2</a></sup>'
        'Defense <span class="emendation" data-emendation="t-e1">Review</span>'
        '<sup class="emendation-mark"><a href="#t-e1">[e]</a></sup> says</p>')
    before = passages.text(el)
    text, found = link_passage(el, MATCHER, HREF)
    assert len(found) == 1 and found[0].mention.concept == "mdr"
    assert text[found[0].mention.start:found[0].mention.end] == "Missile Defense Review"
    parts = el.cssselect("a.concept-link")
    assert [a.text_content() for a in parts] == ["Missile ", "Defense ", "Review"]
    # One link for a reader: the first part; the others are hidden from assistive technology.
    assert parts[0].get("data-concept-preview") == "" and parts[0].get("aria-hidden") is None
    assert all(a.get("aria-hidden") == "true" and a.get("tabindex") == "-1" for a in parts[1:])
    assert passages.text(el) == before, "linking changes no word"
    assert el.cssselect("sup a.footnote-ref")[0].text == "2", "the note marker is untouched"


def test_the_text_is_the_passage_index_text():
    root, el = passage('<p id="t-p4">Two\n  lines   with\tspace <em>and THAAD</em> inside.</p>')
    assert Text(el).text == passages.text(el) == "Two lines with space and THAAD inside."
    text, _ = link_passage(el, MATCHER, HREF)
    assert links(el) == [("thaad", "THAAD")] and passages.text(el) == text
