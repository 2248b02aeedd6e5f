"""The scorecard's generated part (``docs/hindsight/index.md`` at its marker): the rule of each
outcome label, a summary per author (a small chart and the same counts as text), and every
forecast, author by author in the order of the essays: the words (verbatim, linked to their
passage), what was expected, what happened (one line, linked to the note and its sources) and
the outcome. Only trusted text goes into it: the forecasts' fields are escaped."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from scripts.compare.pages import Essay  # an essay as the pages name it (author, date, address)
from scripts.hindsight import model


@dataclass(frozen=True)
class Entry:
    """A forecast as the scorecard lists it: where it stands in its essay, and its sources."""

    forecast: model.Forecast
    label: str  # ¶ 7
    sources: tuple[tuple[str, str], ...]  # (bibliography anchor, short citation text)


def outcome(code: str) -> str:
    """An outcome as the reader sees it: symbol and word, the symbol hidden from screen readers."""
    label = model.LABELS[code]
    return (f'<span class="hindsight-outcome hindsight-outcome--{code}"><span class="hindsight-outcome__symbol" '
            f'aria-hidden="true">{label.symbol}</span> {escape(label.word)}</span>')


def counts(entries: list[Entry]) -> dict[str, int]:
    out = {code: 0 for code in model.LABELS}
    for e in entries:
        out[e.forecast.outcome] += 1
    return out


def summary_text(essay: Essay, entries: list[Entry], named: bool = True) -> str:
    """"Toucas: 31 forecasts; 7 happened, 11 partly, 7 did not happen, 6 still open." """
    n = counts(entries)
    parts = [f"{n[code]} {model.LABELS[code].word.lower()}" for code in model.LABELS]
    head = f"{len(entries)} forecast{'' if len(entries) == 1 else 's'}; " + ", ".join(parts) + "."
    return f"{essay.surname}: {head}" if named else head[0].upper() + head[1:]


def chart(essay: Essay, entries: list[Entry]) -> str:
    """One author's outcomes as a bar chart (share of the author's forecasts, so that the two
    authors' charts compare), named for screen readers by its caption's text."""
    n, total = counts(entries), max(len(entries), 1)
    row, width, left = 28, 150, 130
    bars = []
    for i, (code, label) in enumerate(model.LABELS.items()):
        y = i * row
        share = n[code] / total
        bars.append(
            f'<text class="hindsight-chart__label" x="0" y="{y + 18}">{label.symbol} {escape(label.word)}</text>'
            f'<rect class="hindsight-chart__track" x="{left}" y="{y + 6}" width="{width}" height="16" rx="2"></rect>'
            f'<rect class="hindsight-chart__bar hindsight-chart__bar--{code}" x="{left}" y="{y + 6}" '
            f'width="{round(share * width, 1)}" height="16" rx="2"></rect>'
            f'<text class="hindsight-chart__count" x="{left + width + 8}" y="{y + 18}">{n[code]} ({round(share * 100)}%)</text>')
    caption = f"hindsight-chart-{essay.id}"
    return (f'<figure class="hindsight-chart">'
            f'<svg viewBox="0 0 {left + width + 70} {row * len(model.LABELS)}" role="img" aria-labelledby="{caption}" '
            f'focusable="false">{"".join(bars)}</svg>'
            f'<figcaption id="{caption}">{escape(summary_text(essay, entries))}</figcaption></figure>')


def rules(as_of: str) -> str:
    items = "".join(f'<div><dt>{outcome(code)}</dt><dd>{escape(label.rule)}</dd></div>'
                    for code, label in model.LABELS.items())
    return f'<dl class="hindsight-rules">{items}</dl>'


def entry(e: Entry, essay: Essay, prefix: str, number: int) -> str:
    f, a = e.forecast, e.forecast.annotation
    passage = f"{prefix}{essay.url}#{a.target}"
    sources = "; ".join(f'<a href="{prefix}bibliography/#{escape(anchor)}">{text}</a>' for anchor, text in e.sources)
    return (
        f'<li class="hindsight-forecast" id="{f.anchor}">'
        f'<p class="hindsight-forecast__head"><span class="hindsight-forecast__number">Forecast {number}</span> · '
        f'<a href="{escape(passage)}">{escape(e.label)}</a> · {outcome(f.outcome)}</p>'
        f'<blockquote class="hindsight-forecast__words" cite="{escape(passage)}"><p>{escape(a.exact)}</p></blockquote>'
        f'<dl class="hindsight-forecast__facts">'
        f'<div><dt>Expected</dt><dd>{escape(f.expected)}</dd></div>'
        f'<div><dt>What happened</dt><dd>{escape(f.summary)} '
        f'<a href="{escape(prefix + a.url)}">The note on what happened next</a>'
        + (f' <span class="hindsight-forecast__sources">(sources: {sources})</span>' if sources else "")
        + "</dd></div></dl></li>")


def scorecard(essays: list[Essay], entries: dict[str, list[Entry]], as_of: str, prefix: str) -> str:
    """The Markdown that replaces the scorecard's marker."""
    out = ["## How the outcomes are labelled {#labels}", "",
           f"Each forecast gets one of four labels, by what the record shows as of {escape(as_of)}. A label judges "
           "the forecast against what happened, not the author's reasoning; where a forecast names a cause, the label "
           "says only whether the effect came about, and the note says whether the cause is established.", "",
           rules(as_of), "",
           "## The two authors at a glance {#summary}", "",
           '<div class="hindsight-summary">' + "".join(chart(e, entries.get(e.id, [])) for e in essays) + "</div>", ""]
    for essay in essays:
        mine = entries.get(essay.id, [])
        out += [f"## {escape(essay.author)}, {escape(essay.published)} {{#{essay.id}}}", "",
                f'<p class="hindsight-essay"><cite><a href="{prefix}{escape(essay.url)}">{escape(essay.title)}</a></cite>: '
                f"{escape(summary_text(essay, mine, named=False))}</p>", ""]
        if mine:
            out += ['<ol class="hindsight-forecasts">'
                    + "".join(entry(e, essay, prefix, i) for i, e in enumerate(mine, 1)) + "</ol>", ""]
    return "\n".join(out)


def note_line(f: model.Forecast | None, as_of: str, scorecard_url: str) -> str:
    """The line a note on what happened next gets under its heading: dated, the edition's voice,
    and for a forecast its outcome and its entry on the scorecard."""
    line = f'<p class="hindsight-note"><span class="hindsight-note__kind">What happened next, as of {escape(as_of)}</span>'
    if f is not None:
        line += (f' · Forecast: {outcome(f.outcome)} · '
                 f'<a href="{escape(scorecard_url)}#{f.anchor}">on the scorecard</a>')
    return line + "</p>"
