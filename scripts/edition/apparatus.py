"""The textual apparatus of an essay, rendered as Markdown from its front matter.

The same records drive the fidelity check (scripts.edition.copytext), so what the apparatus shows is
exactly what the edition did to the copy-text.
"""

from __future__ import annotations

from html import escape


def _cell(text: str) -> str:
    return escape(str(text)).replace("|", "&#124;")


def markdown(meta: dict, copytext_url: str) -> str:
    """Markdown for the apparatus section of an essay page."""
    copy = meta["copytext"]
    essay = meta["essay"]["id"]
    out = [
        "## Textual apparatus {#apparatus .editorial}",
        "",
        '<div class="edition-editorial" markdown>',
        "",
        f"**Copy-text.** [{copy['file'].split('/')[-1]}]({copytext_url}): a plain-text extraction of "
        "the essay, published here exactly as received "
        f"(SHA-256 `{copy['sha256']}`). The edition reproduces its words in order; the decisions "
        "and repairs below are the only differences.",
        "",
        "### Editorial decisions {#apparatus-decisions}",
        "",
    ]
    out += [f"- {_cell(d)}" for d in copy.get("decisions", [])]
    out += ["", "### Emendations {#apparatus-emendations}", ""]
    emendations = meta.get("emendations") or []
    if emendations:
        out.append(
            "Each emended reading is marked in the text with [e], which links here. "
            "Copy-text reading → edition reading."
        )
        out.append("")
        out.append('<table class="apparatus-table"><thead><tr><th scope="col">Entry</th>'
                   '<th scope="col">Passage</th><th scope="col">Copy-text</th>'
                   '<th scope="col">Edition</th><th scope="col">Reason</th></tr></thead><tbody>')
        for e in emendations:
            out.append(
                f'<tr id="{_cell(e["id"])}"><td>{_cell(e["id"])}</td>'
                f'<td><a href="#{_cell(e["passage"])}">{_cell(e["passage"])}</a></td>'
                f"<td>{_cell(e['copytext'])}</td><td>{_cell(e['edition'])}</td>"
                f"<td>{_cell(e['reason'])}</td></tr>"
            )
        out.append("</tbody></table>")
    else:
        out.append("None: the edition changes none of the author's words.")
    out.append("")
    out += _artefacts(copy, essay)
    out += ["", "</div>", ""]
    return "\n".join(out)


def _artefacts(copy: dict, essay: str) -> list[str]:
    out: list[str] = []
    lines = copy.get("artefact_lines") or []
    if lines:
        out += ["### Running heads and page numbers removed {#apparatus-artefacts}", ""]
        out += [f"- Line {a['line']}: “{_cell(a['text'])}” ({_cell(a['reason'])})" for a in lines]
        out.append("")
    hyphens = copy.get("hyphenation") or []
    if hyphens:
        out += ["### Line-break hyphens {#apparatus-hyphenation}", ""]
        out.append("Copy-text line, and the word as the edition prints it "
                   "(“joined”: the hyphen only divided the word at the line end).")
        out.append("")
        out += [
            f"- Line {h['line']}: {_cell(h['word'])} ({'joined' if h['action'] == 'join' else 'hyphen kept'})"
            for h in hyphens
        ]
        out.append("")
    breaks = copy.get("paragraph_breaks") or []
    if breaks:
        out += ["### Paragraph breaks not marked in the copy-text {#apparatus-paragraphs}", ""]
        out += [f"- After line {b['after_line']}: {_cell(b['reason'])}" for b in breaks]
        out.append("")
    return out
