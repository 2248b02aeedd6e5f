"""The concept index's picture: which concepts each author leans on, as an inline SVG drawn at
build time (no script). One row per concept, its name in the middle, the first author's
mentions as a bar to the left and the second's to the right; concepts both use first, then
those only one uses, each group by total mentions. Position says whose bar it is, so the chart
reads without colour; its colours come from the stylesheet, in both palettes. A title and a
description name it for assistive technology, and the page gives the same numbers as a table.
"""

from __future__ import annotations

from html import escape

from scripts.concepts import model
from scripts.concepts.uses import Uses

WIDTH = 600
LABEL = 190  # the middle column, for the names
ROW = 17
TOP = 34  # the authors' names
BAR = (WIDTH - LABEL) / 2 - 22  # the longest bar, leaving room for its number


def sides(uses: Uses, essays: list[str]) -> list[tuple[str, list[str]]]:
    """The first two authors (left, right), each with their essays, in reading order."""
    authors: dict[str, list[str]] = {}
    for essay in essays:
        authors.setdefault(uses.essays[essay]["author"], []).append(essay)
    return list(authors.items())[:2]


def _mentions(uses: Uses, slug: str, essays: list[str]) -> int:
    return sum(uses.count(slug, e)[0] for e in essays)


def groups(glossary: model.Glossary, uses: Uses, essays: list[str]) -> list[tuple[str, list[tuple[model.Concept, int, int]]]]:
    """The chart's rows by group: (heading, [(concept, left mentions, right mentions)])."""
    (left, l_essays), (right, r_essays) = (sides(uses, essays) + [("", []), ("", [])])[:2]
    rows = [(c, _mentions(uses, c.slug, l_essays), _mentions(uses, c.slug, r_essays))
            for c in glossary.concepts.values()]
    order = lambda row: (-(row[1] + row[2]), row[0].title.casefold())  # noqa: E731
    out = [("Both use", sorted((r for r in rows if r[1] and r[2]), key=order)),
           (f"Only {left}", sorted((r for r in rows if r[1] and not r[2]), key=order)),
           (f"Only {right}", sorted((r for r in rows if r[2] and not r[1]), key=order)),
           ("Neither uses", sorted((r for r in rows if not r[1] and not r[2]), key=order))]
    return [(heading, members) for heading, members in out if members]


def ordered(glossary: model.Glossary, uses: Uses, essays: list[str]) -> list[model.Concept]:
    """The concepts in the chart's order (for its table)."""
    return [c for _, members in groups(glossary, uses, essays) for c, _, _ in members]


def _short(title: str, limit: int = 30) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def svg(glossary: model.Glossary, uses: Uses, essays: list[str]) -> str:
    """The chart as inline SVG markup."""
    (left, _), (right, _) = (sides(uses, essays) + [("", []), ("", [])])[:2]
    rows = groups(glossary, uses, essays)
    most = max([max(l, r) for _, members in rows for _, l, r in members] + [1])
    middle_l, middle_r = (WIDTH - LABEL) / 2, (WIDTH + LABEL) / 2
    body, y = [], TOP
    for heading, members in rows:
        y += ROW
        body.append(f'<text class="concept-chart__group" x="{WIDTH / 2}" y="{y - 4}" text-anchor="middle">'
                    f"{escape(heading)}</text>")
        for concept, l, r in members:
            y += ROW
            base = y - 5
            body.append(f'<text class="concept-chart__name" x="{WIDTH / 2}" y="{base}" text-anchor="middle">'
                        f"{escape(_short(concept.title))}</text>")
            for count, side in ((l, "left"), (r, "right")):
                if not count:
                    continue
                length = round(count / most * BAR, 1)
                x = middle_l - 4 - length if side == "left" else middle_r + 4
                body.append(f'<rect class="concept-chart__bar concept-chart__bar--{side}" x="{round(x, 1)}" '
                            f'y="{y - ROW + 3}" width="{length}" height="{ROW - 6}"/>')
                label_x = round(x - 3, 1) if side == "left" else round(x + length + 3, 1)
                anchor = "end" if side == "left" else "start"
                body.append(f'<text class="concept-chart__count" x="{label_x}" y="{base}" text-anchor="{anchor}">'
                            f"{count}</text>")
    height = y + 8
    total = sum(len(members) for _, members in rows)
    both = next((len(m) for h, m in rows if h == "Both use"), 0)
    title = "Which concepts each author leans on"
    desc = (f"Mentions of each of the {total} concepts: {left}'s to the left of each name, {right}'s to the "
            f"right. {both} concepts are used by both; the others by one author only. "
            "The table that follows gives the same numbers.")
    return (f'<figure class="concept-chart"><svg class="concept-chart__svg" role="img" '
            f'aria-labelledby="concept-chart-title concept-chart-desc" viewBox="0 0 {WIDTH} {height}" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="concept-chart-title">{escape(title)}</title>'
            f'<desc id="concept-chart-desc">{escape(desc)}</desc>'
            f'<text class="concept-chart__author" x="{middle_l - 4}" y="16" text-anchor="end">← {escape(left)}</text>'
            f'<text class="concept-chart__author" x="{middle_r + 4}" y="16" text-anchor="start">{escape(right)} →</text>'
            + "".join(body) + "</svg></figure>")
