"""The reader controls on fixture Markdown: numbers, copy buttons, notes, emendations, aliases."""

from pathlib import Path

from scripts.common import htmltools, render
from scripts.edition import decorate, passages

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "mini-essay.md"
EMENDATIONS = [{"id": "mini-e1", "passage": "mini-p1", "copytext": "wrod", "edition": "word", "reason": "typo"}]


def decorated(redirects=None):
    root = htmltools.parse_fragment(render.to_html(FIXTURE.read_text(encoding="utf-8"), ROOT / "mkdocs.yml"))
    decorate.essay_tree(root, "mini", EMENDATIONS, redirects or {})
    return root


def test_every_passage_gets_number_and_copy_control():
    root = decorated()
    found = [(el.get("id"), pid.label) for el, pid in passages.elements(root, "mini")]
    assert found == [("mini-s1", "Standfirst"), ("mini-h1", "§ 1"), ("mini-p1", "¶ 1"),
                     ("mini-c1", "Caption 1"), ("mini-p2", "¶ 2"), ("mini-n1", "Note 1")]
    for el, pid in passages.elements(root, "mini"):
        assert el.cssselect(".passage-tools a.passage-link")[0].get("data-label") == pid.label
        tools = el.cssselect(".passage-tools")[0]
        assert tools.get("data-said") == passages.spoken(pid.kind, pid.number)
        # Paragraphs and notes can be cited (a CSL locator); the buttons are made by the script.
        cited = (tools.get("data-kind"), tools.get("data-number"))
        assert cited == ((pid.kind, pid.number) if pid.kind in ("paragraph", "note") else (None, None))
        assert not el.cssselect("button"), "no button that needs the script is in the markup"


def test_heading_controls_come_after_its_text_so_its_name_stays_clean():
    heading = decorated().xpath("//h2[@id='mini-h1']")[0]
    assert heading.text == "A heading"
    assert heading[-1].get("class") == "passage-tools"


def test_passage_text_leaves_out_controls_markers_and_marks():
    records = {r["id"]: r for r in passages.records(decorated(), "mini", "essays/mini/")}
    assert records["mini-p1"]["text"] == "First paragraph with a note. And a word emended."
    assert records["mini-n1"]["text"] == "The note's text."
    assert records["mini-p1"]["url"] == "essays/mini/#mini-p1"


def test_note_text_gets_the_note_id_from_its_label():
    root = decorated()
    li = root.xpath("//li[@id='fn:mini-n1']")[0]
    assert li.find("p").get("id") == "mini-n1"


def test_emendation_is_marked_and_linked():
    root = decorated()
    span = root.cssselect("span.emendation")[0]
    assert "wrod" in span.get("title")
    mark = span.getnext().cssselect("a")[0]
    assert mark.get("href") == "#mini-e1"
    # WCAG 2.5.3 (label in name): a speech-input user says what they see, "[e]".
    assert mark.text_content() == "[e]" and mark.get("aria-label").startswith("[e] ")
    assert "wrod" in mark.get("aria-label")


def test_redirected_id_keeps_an_alias_anchor_before_its_new_passage():
    root = decorated({"mini-p9": "mini-p2"})
    alias = root.xpath("//*[@id='mini-p9']")
    assert len(alias) == 1 and alias[0].get("class") == "passage-alias"
    assert alias[0].getnext().get("id") == "mini-p2"
    assert decorated({"mini-p1": "mini-p2"}).xpath("count(//*[@id='mini-p1'])") == 1, "no alias over a live id"
