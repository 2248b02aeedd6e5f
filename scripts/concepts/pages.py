"""The concept pages' generated parts and the concept index, as Markdown with HTML blocks.

A concept page is its definition (the file's Markdown, first on the page: what a preview card
shows), then "In the essays" (every passage that mentions it, by author, each with the sentence
that holds the mention, marked), then its related concepts. The index lists every concept
A-Z and by category with each author's mentions, under a chart of which concepts each author
leans on (scripts.concepts.chart).
"""

from __future__ import annotations

from html import escape

from scripts.concepts import chart, model
from scripts.concepts.uses import Use, Uses

MARKER = "<!-- concepts -->"  # where the index page's generated part goes


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts_sentence(author: str, mentions: int, passages: int) -> str:
    if not mentions:
        return f"{author} does not use it."
    return f"{author}: {_plural(mentions, 'mention')} in {_plural(passages, 'passage')}."


def _marked(passage_uses: list[Use]) -> str:
    """The sentences of one passage that hold the concept, each mention in <mark>, escaped."""
    text = passage_uses[0].passage.text
    sentences = sorted({u.sentence for u in passage_uses})
    parts = []
    for start, end in sentences:
        inside = sorted((u.start, u.end) for u in passage_uses if start <= u.start and u.end <= end)
        cursor, out = start, []
        for s, e in inside:
            out.append(escape(text[cursor:s]) + "<mark>" + escape(text[s:e]) + "</mark>")
            cursor = e
        out.append(escape(text[cursor:end]))
        parts.append("".join(out))
    return " … ".join(parts)


def _passage(passage_uses: list[Use], prefix: str) -> str:
    passage = passage_uses[0].passage
    return (f'<li><a class="concept-use__passage" href="{escape(prefix + passage.url)}">'
            f'{escape(passage.label)}</a> <span class="concept-use__sentence">{_marked(passage_uses)}</span></li>')


def by_passage(found: list[Use]) -> list[list[Use]]:
    """The uses grouped by passage, in reading order."""
    groups: dict[str, list[Use]] = {}
    for use in found:
        groups.setdefault(use.passage.id, []).append(use)
    return list(groups.values())


def uses_markdown(concept: model.Concept, uses: Uses, essays: list[str], prefix: str) -> str:
    """"In the essays": each essay (``essays``: their ids, in reading order) with every passage
    that mentions the concept. ``prefix`` leads from the concept page to the site's root."""
    out = ["", "## In the essays {#in-the-essays}", ""]
    lines = []
    for essay in essays:
        meta = uses.essays[essay]
        mentions, passages = uses.count(concept.slug, essay)
        lines.append(escape(counts_sentence(meta["author"], mentions, passages)))
    # The essays' sentences stay out of the site search: a search finds them in the essays.
    out += ['<p class="concept-counts">' + " ".join(lines) + "</p>", ""]
    for essay in essays:
        meta = uses.essays[essay]
        found = uses.of(concept.slug, essay)
        if not found:
            continue
        out += [f"### {meta['author']} {{#in-{essay}}}", "",
                f'<p class="concept-uses__essay">In <a href="{escape(prefix + meta["url"])}"><cite>'
                f'{escape(meta["title"])}</cite></a>:</p>', "",
                '<ol class="concept-uses" data-search-exclude>' + "".join(_passage(g, prefix) for g in by_passage(found)) + "</ol>", ""]
    return "\n".join(out)


def related_markdown(concept: model.Concept, glossary: model.Glossary) -> str:
    related = glossary.related(concept.slug)
    if not related:
        return ""
    items = "".join(f'<li><a href="../{escape(s)}/" data-concept-preview="">{escape(glossary.concepts[s].title)}</a></li>'
                    for s in related)
    return "\n".join(["", "## Related concepts {#related}", "", f'<ul class="concept-related">{items}</ul>', ""])


def concept_markdown(text: str, concept: model.Concept, glossary: model.Glossary, uses: Uses,
                     essays: list[str]) -> str:
    """A concept page's Markdown: the definition, then "In the essays" and related concepts."""
    return text.rstrip() + "\n" + uses_markdown(concept, uses, essays, "../../") + related_markdown(concept, glossary)


def _row(concept: model.Concept, uses: Uses, authors: list[tuple[str, list[str]]], prefix: str) -> str:
    cells = "".join(f"<td>{sum(uses.count(concept.slug, e)[0] for e in essays)}</td>" for _, essays in authors)
    return (f'<tr><th scope="row"><a href="{escape(prefix + concept.url)}" data-concept-preview="">'
            f"{escape(concept.title)}</a></th>{cells}</tr>")


def _table(concepts: list[model.Concept], uses: Uses, authors: list[tuple[str, list[str]]], caption: str,
           prefix: str, table_id: str) -> str:
    head = "".join(f'<th scope="col">{escape(author)}</th>' for author, _ in authors)
    rows = "".join(_row(c, uses, authors, prefix) for c in concepts)
    return (f'<table class="concept-table" id="{table_id}"><caption>{escape(caption)}</caption>'
            f'<thead><tr><th scope="col">Concept</th>{head}</tr></thead><tbody>{rows}</tbody></table>')


def index_markdown(text: str, glossary: model.Glossary, uses: Uses, essays: list[str]) -> str:
    """The concept index: its page's Markdown with :data:`MARKER` replaced by the chart, the A-Z
    list and the lists by category, each with every author's mentions."""
    prefix = "../"
    concepts = sorted(glossary.concepts.values(), key=lambda c: c.title.casefold())
    authors = chart.sides(uses, essays)
    names = " and ".join(author for author, _ in authors)
    out = ["", "## Who leans on what {#chart}", "",
           chart.svg(glossary, uses, essays), "",
           '<details class="concept-chart-data"><summary>The chart as a table</summary>',
           _table(chart.ordered(glossary, uses, essays), uses, authors,
                  "Mentions of each concept, by author (the chart's data)", prefix, "chart-data"),
           "</details>", "",
           "## A to Z {#a-z}", "",
           _table(concepts, uses, authors, f"Every concept, with its mentions by {names}", prefix, "a-z-table"), "",
           "## By category {#by-category}", ""]
    for key, label in model.CATEGORIES.items():
        members = [c for c in concepts if c.category == key]
        if not members:
            continue
        out += [f"### {label} {{#{key}}}", "",
                _table(members, uses, authors, f"{label}: mentions by author", prefix, f"{key}-table"), ""]
    return text.replace(MARKER, "\n".join(out))
