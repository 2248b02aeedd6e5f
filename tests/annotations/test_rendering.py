"""The second wall (scripts/annotations/rendering.py): even a note the check let through by
mistake renders as safe HTML. Every hostile body here goes straight to the renderer, without
the check: the output carries no script, style, frame, object, embed, SVG, MathML, form, image
or event handler, and links only to http(s), mailto or the site."""

from __future__ import annotations

import pytest
from lxml import html

from scripts.annotations import rendering

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle r=1></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<form action=\"https://evil.example\"><input name=q><button>go</button></form>",
    "<style>body{display:none}</style><p style=\"background:url(javascript:alert(1))\">x</p>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[x](//evil.example/)",
    "![x](https://evil.example/x.png)",
    "Text {onclick=alert(1)} and {: .evil onmouseover=alert(1)}",
    "<div markdown=\"1\">**x**</div>",
    "```html\n<script>alert(1)</script>\n```",
    "x" * 5000 + "<script>alert(1)</script>",
    "> " * 400 + "deep",
    "- " * 400 + "deep",
    "[a](https://x.example \"t\" onmouseover=alert(1))",
    "<<script>script>alert(1)<</script>/script>",
    "<a href=\"https://ok.example\" target=\"_blank\" style=\"x\">x</a>",
]
FORBIDDEN = ("script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "button", "img", "frame")


@pytest.mark.parametrize("body", HOSTILE)
def test_a_hostile_note_renders_harmless(body):
    out = rendering.render(body, [], "../../")
    root = html.fragment_fromstring(out or "<p></p>", create_parent="div")
    for el in root.iter():
        assert el.tag not in FORBIDDEN, (body, out)
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on") and name not in ("style", "src", "target"), (body, out)
        if el.tag == "a" and el.get("href") is not None:
            href = el.get("href")
            assert rendering.allowed_href(href), (body, href)
            assert "javascript" not in href.lower() and "data:" not in href.lower()
            if href.startswith("http"):
                assert el.get("rel") == "nofollow noopener"
    assert "<script" not in out.lower()


def test_markdown_renders_as_expected():
    out = rendering.render("A *note*, a [link](https://example.org/), a [page](/concepts/thaad/), `code` [@x].",
                           ['<span class="citation" data-cites="x">(X 2019)</span>'], "../../")
    root = html.fragment_fromstring(out, create_parent="div")
    links = {a.text: (a.get("href"), a.get("rel")) for a in root.iter("a")}
    assert links["link"] == ("https://example.org/", "nofollow noopener")
    assert links["page"] == ("../../concepts/thaad/", None)
    assert root.cssselect("em")[0].text == "note" and root.cssselect("code")[0].text == "code"
    assert root.cssselect(".annotation-cite .citation")[0].text == "(X 2019)"


def test_a_formatted_citation_is_sanitized_too():
    out = rendering.render("See [@x].", ['<span onclick="alert(1)">(X)</span><script>alert(1)</script>'], "")
    assert "onclick" not in out and "<script" not in out and "(X)" in out
