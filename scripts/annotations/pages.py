"""The annotations' pages, made by the build (MkDocs never reads the annotation files): each
annotation's own page at its permanent address, the index of all annotations, and one index per
essay. Only trusted text goes into their Markdown (escaped into HTML blocks); each note, rendered
and sanitized (scripts.annotations.rendering), is put into its place in the parsed page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from scripts.annotations import model
from scripts.annotations.reading import FOLDER

INDEX = f"{FOLDER}/index.md"
NOTE_PLACE = "annotation-page__note"  # where a page's note goes (a div of this class)


@dataclass(frozen=True)
class Context:
    """Where an annotation stands, as the essays' build found it."""

    essay: str
    essay_title: str
    author: str
    essay_url: str  # site-relative
    label: str  # ¶ 12
    spoken: str  # paragraph 12
    text: str  # the passage's text
    start: int
    end: int


def page_uri(a: model.Annotation) -> str:
    return f"{FOLDER}/{a.id}.md"


def essay_index_uri(essay: str) -> str:
    return f"{FOLDER}/{essay}/index.md"


def title(a: model.Annotation, where: Context | None) -> str:
    return f"Annotation on {where.author.split()[-1]} {where.label}" if where else f"Annotation {a.id}"


def _who(a: model.Annotation) -> str:
    return (f'<a href="{escape(a.creator_url)}" rel="nofollow noopener">{escape(a.creator)}</a>'
            if a.creator_url else escape(a.creator))


def _quote(where: Context, before: int = 300, after: int = 300) -> str:
    """The passage around the annotated words, the words marked."""
    text = where.text
    start, end = max(0, where.start - before), min(len(text), where.end + after)
    lead = "…" if start > 0 else ""
    trail = "…" if end < len(text) else ""
    return (f"{lead}{escape(text[start:where.start])}<mark>{escape(text[where.start:where.end])}</mark>"
            f"{escape(text[where.end:end])}{trail}")


def annotation_markdown(a: model.Annotation, where: Context, sources: list[str], prefix: str) -> str:
    """The Markdown of an annotation's own page (``prefix`` leads to the site's root)."""
    context_url = f"{prefix}{where.essay_url}#{a.anchor}"
    dates = f'<time datetime="{a.created}">{escape(a.created)}</time>'
    if a.modified:
        dates += f' (revised <time datetime="{a.modified}">{escape(a.modified)}</time>)'
    facts = [("Motivation", escape(model.MOTIVATIONS[a.motivation])), ("By", _who(a)), ("Written", dates),
             ("On", f'<a href="{escape(context_url)}"><cite>{escape(where.essay_title)}</cite>, {escape(where.label)}</a>')]
    if a.tags:
        facts.append(("Tags", escape(", ".join(a.tags))))
    rows = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts)
    out = [f"# {escape(title(a, where))}", "",
           '<p class="annotation-page__kind">An annotation: the annotator’s words, not the author’s.</p>', "",
           f'<dl class="annotation-page__facts">{rows}</dl>', "",
           "## The words annotated {#words}", "",
           f'<blockquote class="annotation-page__quote" data-search-exclude cite="{escape(prefix + where.essay_url)}#{escape(a.target)}">'
           f"<p>{_quote(where)}</p></blockquote>", "",
           f'<p class="annotation-page__context"><a href="{escape(context_url)}">Read it in context</a>, highlighted in '
           f"the essay.</p>", "",
           "## The note {#note}", "",
           f'<div class="{NOTE_PLACE}" data-annotation="{escape(a.id)}"></div>', ""]
    if sources:
        out += ["## Sources {#sources}", "",
                '<ul class="annotation-page__sources">' + "".join(f"<li>{s}</li>" for s in sources) + "</ul>", ""]
    return "\n".join(out)


def _list(annotations: list[model.Annotation], contexts: dict[str, Context], prefix: str) -> str:
    items = []
    for a in annotations:
        where = contexts.get(a.id)
        if where is None:
            continue
        words = where.text[where.start:where.end]
        words = words if len(words) <= 90 else words[:89].rstrip() + "…"
        items.append(f'<li><a href="{escape(prefix + a.url)}">{escape(where.label)}: “{escape(words)}”</a> '
                     f'<span class="annotation-index__meta">{escape(model.MOTIVATIONS[a.motivation])} · '
                     f"{escape(a.creator)} · {escape(a.created)}</span></li>")
    return '<ol class="annotation-index">' + "".join(items) + "</ol>"


def _order(annotations: list[model.Annotation], contexts: dict[str, Context], passage_order: dict[str, int]):
    return sorted((a for a in annotations if a.id in contexts),
                  key=lambda a: (passage_order.get(a.target, 0), contexts[a.id].start, a.id))


INTRO = ("Annotations add knowledge to the essays: context a reader needs, what happened later, "
         "a source for a claim, a question for class. Each is marked in the essay where it applies "
         "(✎) and has a page of its own. They are the annotators’ words, never the authors’; every "
         "annotation is checked before it is published, and anyone may propose one by pull request "
         "(see [Contributing]({prefix}about/contributing.md#annotations)).")


def index_markdown(annotations: list[model.Annotation], contexts: dict[str, Context], essays: list[tuple[str, str]],
                   passage_order: dict[str, int]) -> str:
    """The index of all annotations, by essay (``essays``: (id, title) in reading order)."""
    out = ["# Annotations", "", INTRO.format(prefix="../"), ""]
    for essay, essay_title in essays:
        mine = _order([a for a in annotations if a.essay == essay], contexts, passage_order)
        out += [f"## {escape(essay_title)} {{#{essay}}}", ""]
        if not mine:
            out += ["<p>No annotations yet.</p>", ""]
            continue
        out += [f'<p><a href="{essay}/">The annotations on this essay</a> ({len(mine)}), and '
                f'<a href="../essays/{essay}/">the essay</a> with them highlighted.</p>', "",
                _list(mine, contexts, "../"), ""]
    return "\n".join(out)


def essay_index_markdown(essay: str, essay_title: str, annotations: list[model.Annotation],
                         contexts: dict[str, Context], passage_order: dict[str, int]) -> str:
    """One essay's annotations, in reading order."""
    mine = _order([a for a in annotations if a.essay == essay], contexts, passage_order)
    return "\n".join([f"# Annotations on {escape(essay_title)}", "", INTRO.format(prefix="../../"), "",
                      f'<p><a href="../../essays/{essay}/">Read the essay</a> with its {len(mine)} annotations '
                      f'highlighted, or see <a href="../">all annotations</a>.</p>', "",
                      _list(mine, contexts, "../../"), ""])
