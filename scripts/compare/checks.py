"""The checks of the comparison themes, for ``make check`` and the build alike, every problem on
one line naming its file, line and field, with what to do:

- each theme's front matter against the schema;
- the themes together: one row each in the matrix, one label each, a side for every essay and
  for no other, silence said of exactly one author where the relation is silence;
- each page's Markdown under the fixed headings (each author's position, the analysis, two or
  three questions);
- every quote verbatim in the passage it names: the passage's text as ``passages.json`` has it,
  white space aside, typographic quotes, apostrophes and dashes as they are; an elided quote's
  parts each verbatim and in order. A misquote is reported with the closest words of that
  passage (scripts/common/fuzzy.py);
- the authors' words quoted in the pages' prose (scripts/citing/quotes.py).
"""

from __future__ import annotations

from pathlib import Path

from scripts.citing import quotes as prose_quotes
from scripts.common import siteconfig
from scripts.common.feature import DocsPage, Project, read_folder, valid_pages
from scripts.common.validate import Problem
from scripts.compare import model
from scripts.edition import corpus


def src_uri(page: DocsPage) -> str:
    return page.src_uri


def theme_pages(pages: list[DocsPage]) -> list[DocsPage]:
    return [p for p in pages if model.is_theme_page(p.src_uri)]


def files_in(docs_dir: Path) -> list[DocsPage]:
    """The theme files of a docs folder, read (the overview is not one)."""
    return theme_pages(read_folder(docs_dir, model.FOLDER))


def read(pages: list[DocsPage], cache_dir: Path | None = None) -> tuple[list[model.Theme], list[Problem]]:
    """The themes whose front matter is valid, in matrix order, and the problems of the others
    (front matter that is not YAML is reported once, by the site's check)."""
    valid, problems = valid_pages(pages, model.SCHEMA, cache_dir)
    themes = [model.theme(page.src_uri, page.meta) for page in valid]
    return sorted(themes, key=lambda t: (t.order, t.slug)), problems


def themes_problems(themes: list[model.Theme], files: dict[str, DocsPage], essays: dict[str, str]) -> list[Problem]:
    """What is wrong with the themes together and with each one's sides (``essays``: each
    essay's id -> its author, in reading order; a theme has a side for each author)."""
    authors = {model.author_key(name): name for name in essays.values()}
    problems = []
    rows: dict[int, list[str]] = {}
    labels: dict[str, list[str]] = {}
    for t in themes:
        rows.setdefault(t.order, []).append(t.slug)
        labels.setdefault(t.short.casefold(), []).append(t.slug)
    for t in themes:
        page = files[t.slug]
        line = page.line_finder()
        others = [s for s in rows[t.order] if s != t.slug]
        if others:
            problems.append(Problem(page.rel, line(["compare", "order"]), "front matter compare.order",
                                    f"row {t.order} is also {', '.join(others)}'s: give each theme its own row"))
        others = [s for s in labels[t.short.casefold()] if s != t.slug]
        if others:
            problems.append(Problem(page.rel, line(["compare", "short"]), "front matter compare.short",
                                    f"“{t.short}” is also the label of {', '.join(others)}: give each theme its own"))
        for key, name in authors.items():
            if key not in t.sides:
                problems.append(Problem(page.rel, line(["compare"]), "front matter compare",
                                        f"no side for {key} ({name}): add {key}: with a summary and "
                                        "quotes, or silent: true"))
        for key, side in t.sides.items():
            if key not in authors:
                problems.append(Problem(page.rel, line(["compare", key]), f"front matter compare.{key}",
                                        f"no essay's author is {key}: use one of {', '.join(authors)}"))
                continue
            if side.silent and side.quoting:
                problems.append(Problem(page.rel, line(["compare", key, "quotes"]), f"front matter compare.{key}.quotes",
                                        "a silent side quotes nothing: remove its quotes, or silent: true"))
            elif not side.silent and not side.quoting:
                problems.append(Problem(page.rel, line(["compare", key]), f"front matter compare.{key}",
                                        f"give {authors[key]}'s side the quotes that support it, or mark it silent: true"))
            for i, q in enumerate(side.quotes):
                if q.essay not in essays or model.author_key(essays[q.essay]) != key:
                    problems.append(Problem(page.rel, line(["compare", key, "quotes", str(i), "passage"]),
                                            f"front matter compare.{key}.quotes.{i}.passage",
                                            f"{q.passage} is not a passage of an essay by {authors[key]}: quote "
                                            "the author's own essay on his side"))
        silent = [e for e, side in t.sides.items() if side.silent]
        if t.relation == "silence" and (not silent or len(silent) == len(t.sides)):
            problems.append(Problem(page.rel, line(["compare", "relation"]), "front matter compare.relation",
                                    "silence means one author is silent: mark exactly one side silent: true"
                                    if not silent else "every author but one may be silent: a theme needs someone who takes it up"))
        elif t.relation != "silence" and silent:
            problems.append(Problem(page.rel, line(["compare", "relation"]), "front matter compare.relation",
                                    f"{', '.join(silent)} is marked silent: the relation is then silence, not {t.relation}"))
    return problems


def structure_problems(page: DocsPage, authors: list[str], cache_dir: Path | None = None) -> list[Problem]:
    """The page's Markdown under the fixed headings: ``## <surname>`` for each author (in reading
    order), ``## Analysis`` with its three parts as ``###``, then ``## Questions for discussion``:
    an ordered list of two or three questions and nothing else. With ``cache_dir`` (the build's),
    a page found right once is not parsed again while it and the authors stay the same."""
    authors = list(dict.fromkeys(authors))  # each author once, however many essays
    digest = None
    if cache_dir is not None:
        from scripts.common import diskcache

        digest = diskcache.key("compare-structure", Path(__file__).read_text(encoding="utf-8"), page.body, authors)
        if diskcache.load(cache_dir, "valid-structure", digest) is True:
            return []
    problems = _structure_problems(page, authors)
    if digest is not None and not problems:
        diskcache.store(cache_dir, "valid-structure", digest, True)
    return problems


def _structure_problems(page: DocsPage, authors: list[str]) -> list[Problem]:
    from markdown_it import MarkdownIt  # here: a warm build whose pages are known right needs none

    tokens = MarkdownIt("commonmark").parse(page.body)
    headings, section = [], None
    blocks: list[str] = []  # the blocks under the questions' heading
    items = 0  # the items of its list
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            section = tokens[i + 1].content.split("{", 1)[0].strip() if token.tag == "h2" else section
            headings.append((token.tag, tokens[i + 1].content.split("{", 1)[0].strip()))
        elif section == model.QUESTIONS and token.nesting >= 0 and token.level == 0 and token.type != "inline":
            blocks.append(token.type)
        elif section == model.QUESTIONS and token.type == "list_item_open" and token.level == 1:
            items += 1
    wanted = [("h2", model.surname(a)) for a in authors] + [("h2", model.ANALYSIS)] + \
        [("h3", part) for part in model.ANALYSIS_PARTS] + [("h2", model.QUESTIONS)]
    problems = []
    if headings != wanted:
        problems.append(Problem(page.rel, None, "headings",
                                "the page's headings are " + (", ".join(f"{'#' * int(t[1])} {h}" for t, h in headings) or "none")
                                + "; write them as " + ", ".join(f"{'#' * int(t[1])} {h}" for t, h in wanted)
                                + " (each author's position, the analysis, the questions)"))
    elif blocks != ["ordered_list_open"] or not model.QUESTION_COUNT[0] <= items <= model.QUESTION_COUNT[1]:
        problems.append(Problem(page.rel, None, model.QUESTIONS,
                                f"write {model.QUESTION_COUNT[0]} or {model.QUESTION_COUNT[1]} questions as one "
                                "numbered list (1. …), and nothing else, under ## " + model.QUESTIONS))
    return problems


def misquoted(quote: model.Quote, text: str) -> str | None:
    """The first part of ``quote`` that does not stand, in order, in the passage's ``text``
    (white space aside); None if every part does."""
    text, cursor = " ".join(text.split()), 0
    for part in quote.parts:
        found = text.find(part, cursor) if part else -1
        if found < 0:
            return part
        cursor = found + len(part)
    return None


def quote_problems(themes: list[model.Theme], files: dict[str, DocsPage], texts: dict[str, str]) -> list[Problem]:
    """Every quote against its passage's text (``texts``: passage id -> text, passages.json's)."""
    problems = []
    for t in themes:
        page = files[t.slug]
        line = page.line_finder()
        for key, side in t.sides.items():
            for i, q in enumerate(side.quotes):
                where = ["compare", key, "quotes", str(i)]
                field = f"front matter compare.{key}.quotes.{i}"
                problem = quote_problem(q, texts)
                if problem:
                    problems.append(Problem(page.rel, line(where + [problem[0]]), f"{field}.{problem[0]}", problem[1]))
    return problems


def quote_problem(q: model.Quote, texts: dict[str, str]) -> tuple[str, str] | None:
    """(field, message) if the quote is not the author's words in its passage."""
    if q.passage not in texts:
        return "passage", f"no passage {q.passage} in the essays' text: correct the id (passages.json lists them; headings are not quoted)"
    part = misquoted(q, texts[q.passage])
    if part is None:
        return None
    from scripts.common import fuzzy  # only for a misquote

    close = fuzzy.closest(part, {q.passage: texts[q.passage]})
    hint = f"; the closest words there are “{close[1]}”" if close else ""
    what = "is not verbatim in" if part == " ".join(q.text.split()) else "is not verbatim, or not in order after the part before, in"
    return "text", f"“{part}” {what} {q.passage}{hint}: quote the text exactly (white space aside; quotes, apostrophes and dashes as printed)"


def prose_problems(files: dict[str, DocsPage], essays) -> list[Problem]:
    """The authors' words quoted in each page's own prose (``essays``: citing.quotes.essay_texts)."""
    return [Problem(page.rel, None, "prose", f"“{quote}” {prose_quotes.MESSAGE}")
            for page in files.values() for quote in prose_quotes.author_quotes(page.body, essays)]


def essay_authors(project: Project) -> dict[str, str]:
    """Each essay's id -> its author, in reading order (the navigation's, as the build has it)."""
    order = {f: i for i, f in enumerate(siteconfig.nav_files(project.settings))}
    essays = [p for p in project.pages
              if isinstance((p.meta or {}).get("essay"), dict) and "id" in p.meta["essay"] and "author" in p.meta["essay"]]
    essays.sort(key=lambda p: (order.get(src_uri(p), len(order)), p.rel))
    return {p.meta["essay"]["id"]: p.meta["essay"]["author"] for p in essays}


def project_problems(project: Project) -> list[Problem]:
    """The comparisons' part of ``make check``."""
    pages = theme_pages(project.pages)
    themes, problems = read(pages)
    files = {model.slug_of(src_uri(p)): p for p in pages}
    authors = essay_authors(project)
    problems += themes_problems(themes, files, authors)
    for page in pages:
        problems += structure_problems(page, list(authors.values()))
    records = corpus.source_records(project)
    if records is not None:  # an essay could not be read: its passages are unknown, not missing
        texts = {r["id"]: r["text"] for r in records if r["kind"] != "heading"}
        problems += quote_problems(themes, files, texts)
        problems += prose_problems(files, prose_quotes.essay_texts(project, records))
    return problems

