"""A passage's text mapped onto its HTML (scripts/edition/textmap.py): the passage index's text,
the text a reader sees and copies (note markers and emendation marks included), and wrapping a
span of it in new elements without changing a word."""

from lxml import html

from scripts.common import htmltools
from scripts.edition import passages
from scripts.edition.textmap import TextMap

PASSAGE = ('<p id="t-p1"><span class="passage-tools"><a class="passage-link" href="#t-p1"></a></span>'
           'The missile homeland.<sup id="fnref:t-n1"><a class="footnote-ref" href="#fn:t-n1">1</a></sup> '
           'Russia <span class="emendation" data-emendation="t-e1">have</span>'
           '<sup class="emendation-mark"><a href="#t-e1">[e]</a></sup> acquired '
           '<a class="concept-link" href="../x/">THAAD</a> and <code>code</code>.</p>')


def element():
    return htmltools.parse_fragment(PASSAGE)[0]


def test_the_text_is_the_passage_index_text_and_the_display_what_a_reader_copies():
    el = element()
    text = TextMap(el)
    assert text.text == passages.text(el) == "The missile homeland. Russia have acquired THAAD and code."
    assert text.display == "The missile homeland.1 Russia have[e] acquired THAAD and code."


def test_a_span_of_the_display_maps_to_the_text_without_its_markers():
    text = TextMap(element())
    start = text.display.index("homeland.1 Russia have[e] acquired")
    span = text.from_display(start, start + len("homeland.1 Russia have[e] acquired"))
    assert text.text[span[0]:span[1]] == "homeland. Russia have acquired"


def test_links_and_code_are_not_free_but_text_across_markers_is():
    text = TextMap(element())
    assert text.free(text.text.index("homeland"), text.text.index("acquired") + len("acquired"))
    assert not text.free(text.text.index("THAAD"), text.text.index("THAAD") + 5)
    assert not text.free(text.text.index("code"), text.text.index("code") + 4)


def test_wrapping_a_span_changes_no_word_and_leaves_markers_in_place():
    el = element()
    text = TextMap(el)
    start = text.text.index("homeland")
    end = text.text.index("THAAD") + len("THAAD")
    made = text.wrap(start, end, lambda first: html.fragment_fromstring(f'<mark data-first="{int(first)}"></mark>'))
    assert [m.text_content() for m in made] == ["homeland.", " Russia ", "have", " acquired ", "THAAD"]
    assert [m.get("data-first") for m in made] == ["1", "0", "0", "0", "0"]
    assert passages.text(el) == "The missile homeland. Russia have acquired THAAD and code."
    assert el.cssselect("sup a.footnote-ref")[0].text == "1" and el.cssselect(".emendation-mark a")[0].text == "[e]"
    assert el.cssselect("a.concept-link > mark")[0].text == "THAAD", "a highlight may run into a link"
