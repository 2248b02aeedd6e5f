"""The mkdocs-bibtex glue on its own: essay pages get links instead of citation footnotes, the
plugin's pandoc Markdown is repaired, and note links leave the note's words alone."""

from lxml import html

from scripts.citing import bibtex_glue
from scripts.edition import passages


def test_essay_citations_become_links_not_footnotes():
    md = ("Text (Gates 2014, 403)[^cite-gates2014duty] and [^toucas-n2].\n\n"
          "[^toucas-n2]: The author's note.\n"
          "[^cite-gates2014duty]: Gates, Robert M. 2014. *Duty*.\n")
    out = bibtex_glue.essay_markdown(md, "../bibliography.md")
    assert "[^cite-" not in out
    assert "(../bibliography.md#ref-gates2014duty)" in out
    assert "[^toucas-n2]: The author's note." in out and "[^toucas-n2]." in out


def test_plugin_markdown_repairs_only_the_plugins_lines():
    md = ('Author\'s "words" [kept]{.nocase}\n'
          '[^cite-x]: Fedasiuk. "[U.S. Missile Defense]{.nocase}." *[NPFP]{.nocase}*.')
    out = bibtex_glue.plugin_markdown(md).split("\n")
    assert out[0] == 'Author\'s "words" [kept]{.nocase}'
    assert out[1] == "[^cite-x]: Fedasiuk. “U.S. Missile Defense.” *NPFP*."


def test_plugin_markdown_repairs_pandocs_ascii_forms_and_escaped_addresses():
    """What pandoc's Markdown writer makes of a reference (a real one, from the concept pages'
    sources): an address with underscores as a link whose text escapes them twice, dashes as
    -- and ---, an escaped space, a straight apostrophe. Addresses keep their characters."""
    line = ("[^cite-x]: Air\\ & Space. 2024. \"[Force's Range -- Kauai]{.nocase}.\" 4 (3): 33--53; a --- b. "
            "[https://e.org/files/2024\\\\\\_IF12645\\\\\\_44a.html](https://e.org/files/2024\\_IF12645\\_44a.html). "
            "<https://e.org/a--b>.")
    assert bibtex_glue.plugin_markdown(line) == (
        "[^cite-x]: Air & Space. 2024. “Force’s Range – Kauai.” 4 (3): 33–53; a — b. "
        "<https://e.org/files/2024_IF12645_44a.html>. <https://e.org/a--b>.")


def test_note_links_are_not_part_of_the_note_text():
    note = ('<div class="footnote"><ol><li id="fn:toucas-n2"><p id="toucas-n2">Gates, Duty, p. 403.&#160;'
            '<a class="footnote-backref" href="#fnref:toucas-n2">↩</a></p></li></ol></div>')
    root = html.fragment_fromstring(note, create_parent="div")
    bibtex_glue.link_notes(root, {"toucas-n2": ["gates2014duty"]}, {"gates2014duty": "Duty"}, "../../bibliography/")
    p = root.get_element_by_id("toucas-n2")
    assert p.cssselect(".edition-biblink a")[0].get("href") == "../../bibliography/#ref-gates2014duty"
    assert passages.text(p) == "Gates, Duty, p. 403."
    assert "Bibliography" in p.text_content(), "without NOT_TEXT the link would enter the note's text"


def test_inferred_year_is_printed_once_in_brackets_in_every_style():
    from scripts.citing import citethis
    data = citethis.citations("fedasiuk2018", "fedasiuk2018edition")
    for style, d in data.items():
        text = html.fromstring(d["original"]).text_content()
        assert text.count("[2018]") == 1 and text.count("2018") == 1, (style, text)
    assert "no. 16 (" not in html.fromstring(data["chicago"]["original"]).text_content()


def test_bracketing_touches_text_not_attributes_and_refuses_ambiguity():
    import pytest
    from scripts.citing import csl
    out = csl._bracket('<span data-cites="fedasiuk2018">(Fedasiuk 2018)</span>', "2018")
    assert 'data-cites="fedasiuk2018"' in out and "(Fedasiuk [2018])" in out
    assert csl._bracket("<span>(Fedasiuk)</span>", "2018") == "<span>(Fedasiuk)</span>"
    with pytest.raises(ValueError, match="2018"):
        csl._bracket("<span>2018, 2018</span>", "2018")


def test_prefetch_formats_every_pages_citations_in_one_pandoc_run(tmp_path):
    """mkdocs-bibtex's real registry and parser: the pages' citation blocks are formatted once,
    beside the build; a citing page then finds them ready and a page citing nothing never waits."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from mkdocs_bibtex.citation import CitationBlock
    from mkdocs_bibtex.registry import PandocRegistry

    from scripts.citing import bib, csl

    registry = PandocRegistry([str(p) for p in sorted(bib.BIB_DIR.glob("*.bib"))],
                              csl.csl_path(csl.EDITORIAL_STYLE), None, "cite-{key}")
    runs, started = [], threading.Event()
    process = registry._process_with_pandoc

    def counted(blocks):
        started.wait(5)  # the run is still going when the pages are built
        runs.append(sorted(str(b) for b in blocks))
        return process(blocks)

    registry._process_with_pandoc = counted
    pages = {"index.md": "No citation here.", "a.md": "As [@gates2014duty, 403] says.",
             "b.md": "See [@fedasiuk2018] and again [@gates2014duty, 403].", bibtex_glue.BIBLIOGRAPHY: "x"}
    with ThreadPoolExecutor(1) as pool:
        bibtex_glue.prefetch(registry, list(pages.values()), CitationBlock.from_markdown, pool.submit)
        registry.validate_citation_blocks([])  # a page without citations: returns at once
        assert runs == []
        started.set()
        for text in pages.values():
            blocks = CitationBlock.from_markdown(text)
            registry.validate_citation_blocks(blocks)
            assert all(registry.inline_text(b) for b in blocks)
    assert runs == [["[@fedasiuk2018]", "[@gates2014duty, 403]"]], runs  # one run, each block once
    assert "Gates 2014, 403" in registry.inline_text(CitationBlock.from_markdown(pages["a.md"])[0])
    assert bibtex_glue.build_rank(pages, CitationBlock.from_markdown) == {
        "index.md": 0, "a.md": 1, "b.md": 1, bibtex_glue.BIBLIOGRAPHY: 2}
