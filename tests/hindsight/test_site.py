"""The hindsight layer in the built site: the scorecard lists every forecast (every annotation
with a ``forecast`` block, read here with python-frontmatter), author by author in the order of
the essays, each once: its words verbatim in its passage (checked against passages.json,
independently of the build), linked to that passage; what happened in one line, linked to its
note, whose sources resolve in the bibliography; an outcome from the allowed set, whose rules
the page states; each author's summary as a chart and as text, with the same counts. Every
forecast's note, on its page and beside its words in the essay, is dated and links to its
entry; every sentence of its facts cites bib/; the essays, the comparison overview and the
teachers' page link to the scorecard."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import frontmatter
import lxml.html
import pytest

from scripts.citing import bib
from scripts.hindsight import checks, model
from tests.annotations.test_site import essay_with_notes
from tests.compare.test_site import norm, resolve

ROOT = Path(__file__).resolve().parents[2]
AUTHORS = {"toucas": "Boris Toucas", "fedasiuk": "Ryan Fedasiuk"}
WORDS = {"happened": "Happened", "partly": "Partly", "did-not-happen": "Did not happen", "still-open": "Still open"}


@pytest.fixture(scope="module")
def forecasts() -> dict[str, dict]:
    """Every annotation with a forecast, by id, read here with python-frontmatter."""
    found = {}
    for path in sorted((ROOT / "docs" / "annotations").rglob("*.md")):
        post = frontmatter.load(path)
        if post.metadata.get("forecast"):
            found[path.relative_to(ROOT / "docs" / "annotations").with_suffix("").as_posix()] = post
    return found


@pytest.fixture(scope="module")
def card(site):
    return lxml.html.parse(str(site / "hindsight" / "index.html")).getroot()


def entries(card) -> list:
    return card.cssselect("li.hindsight-forecast")


def test_every_forecast_is_listed_once_author_by_author(card, forecasts, records):
    assert len(forecasts) >= 20
    ids = [li.get("id") for li in entries(card)]
    assert Counter(ids) == Counter("forecast-" + a.replace("/", "--") for a in forecasts)
    order = {r["id"]: i for i, r in enumerate(records)}
    listed = [(li.getparent(), li.get("id")[len("forecast-"):].replace("--", "/")) for li in entries(card)]
    for essay in AUTHORS:  # under the author's heading, in the order of the passages
        heading = card.xpath(f"//h2[@id='{essay}']")[0]
        assert norm(heading.text_content()).startswith(AUTHORS[essay])
        mine = [a for _, a in listed if a.startswith(essay + "/")]
        assert mine, essay
        assert [order[forecasts[a]["target"]] for a in mine] == sorted(order[forecasts[a]["target"]] for a in mine)
        lists = {id(ol) for ol, a in listed if a in mine}
        assert len(lists) == 1 and heading.getnext().getnext() is next(ol for ol, a in listed if a in mine)


def test_each_claim_is_verbatim_in_its_passage_and_linked_to_it(site, card, forecasts, records):
    texts = {r["id"]: norm(r["text"]) for r in records}
    for li in entries(card):
        a = forecasts[li.get("id")[len("forecast-"):].replace("--", "/")]
        words = norm(li.cssselect("blockquote.hindsight-forecast__words")[0].text_content())
        assert words == norm(a["exact"])
        assert words in texts[a["target"]], f"{words!r} is not in {a['target']}"
        quote = li.cssselect("blockquote")[0]
        target, _ = resolve(site, "hindsight/", quote.get("cite"))
        assert target.get("id") == a["target"]
        link = li.cssselect(".hindsight-forecast__head a")[0]
        assert resolve(site, "hindsight/", link.get("href"))[0].get("id") == a["target"]
        assert re.fullmatch(r"¶ \d+|§ \d+|Standfirst", norm(link.text_content()))


def test_what_happened_links_to_the_note_and_its_sources(site, card, forecasts):
    keys = set(bib.load(ROOT / "bib").entries)
    for li in entries(card):
        aid = li.get("id")[len("forecast-"):].replace("--", "/")
        a = forecasts[aid]
        happened = li.xpath(".//dt[.='What happened']/following-sibling::dd")[0]
        assert norm(happened.text_content()).startswith(norm(a["forecast"]["summary"]))
        note = happened.xpath(".//a[.='The note on what happened next']")[0]
        page, url = resolve(site, "hindsight/", note.get("href"))
        assert url == f"/annotations/{aid}/"
        cited = [x.get("href").split("#")[1] for x in happened.cssselect(".hindsight-forecast__sources a")]
        assert cited == ["ref-" + k for k in a["sources"]] and set(a["sources"]) <= keys
        for x in happened.cssselect(".hindsight-forecast__sources a"):
            assert resolve(site, "hindsight/", x.get("href"))[0].get("id").startswith("ref-")
        expected = li.xpath(".//dt[.='Expected']/following-sibling::dd")[0]
        assert norm(expected.text_content()) == norm(a["forecast"]["expected"])


def test_outcomes_come_from_the_allowed_set_whose_rules_the_page_states(card, forecasts):
    rules = card.cssselect("dl.hindsight-rules > div")
    assert [norm(d.cssselect("dt")[0].text_content())[2:] for d in rules] == list(WORDS.values())
    assert all(len(norm(d.cssselect("dd")[0].text_content())) > 30 for d in rules)
    for li in entries(card):
        a = forecasts[li.get("id")[len("forecast-"):].replace("--", "/")]
        assert a["forecast"]["outcome"] in WORDS
        shown = li.cssselect(".hindsight-forecast__head .hindsight-outcome")[0]
        assert norm(shown.text_content())[2:] == WORDS[a["forecast"]["outcome"]]
        assert shown.cssselect("[aria-hidden=true]"), "the symbol is not read out; the word is"


def test_each_authors_summary_is_a_chart_and_text_with_the_same_counts(card, forecasts):
    for essay in AUTHORS:
        counts = Counter(a["forecast"]["outcome"] for k, a in forecasts.items() if k.startswith(essay + "/"))
        total = sum(counts.values())
        chart = card.xpath(f"//figure[@class='hindsight-chart'][.//figcaption[@id='hindsight-chart-{essay}']]")[0]
        svg = chart.cssselect("svg")[0]
        assert svg.get("role") == "img" and svg.get("aria-labelledby") == f"hindsight-chart-{essay}"
        text = norm(chart.cssselect("figcaption")[0].text_content())
        assert text.startswith(f"{AUTHORS[essay].split()[-1]}: {total} forecasts;")
        for code, word in WORDS.items():
            assert f"{counts[code]} {word.lower()}" in text
            bar = svg.cssselect(f"rect.hindsight-chart__bar--{code}")[0]
            assert abs(float(bar.get("width")) - 150 * counts[code] / total) < 0.1


def test_the_page_asks_two_or_three_questions(card):
    heading = card.xpath("//h2[@id='questions']")[0]
    questions = heading.getnext().cssselect("li")
    assert 2 <= len(questions) <= 3
    assert "read the situation better" in norm(questions[0].text_content())


def test_every_forecasts_note_is_dated_and_links_to_its_entry(site, card, forecasts):
    ids = {li.get("id") for li in entries(card)}
    for essay in AUTHORS:
        root = essay_with_notes(site, essay)
        header = root.cssselect("p.essay-hindsight")[0]
        link = header.cssselect("a")[0]
        assert resolve(site, f"essays/{essay}/", link.get("href"))[0].get("id") == essay
        mine = [k for k in forecasts if k.startswith(essay + "/")]
        assert f"follows {len(mine)} forecast" in norm(header.text_content())
        for aid in mine:
            aside = root.xpath("//aside[@data-annotation=$a]", a=aid)[0]
            line = aside.cssselect("p.hindsight-note")[0]
            assert norm(line.text_content()).startswith("What happened next, as of November 2026 · Forecast: ")
            href = line.cssselect("a")[0].get("href")
            assert href.endswith("#forecast-" + aid.replace("/", "--")) and href.split("#")[1] in ids
            assert "what-happened-next" in aside.get("data-tags").split()
        for aid in mine:
            page = lxml.html.parse(str(site / "annotations" / aid / "index.html")).getroot()
            line = page.cssselect("p.hindsight-note")[0]
            assert resolve(site, f"annotations/{aid}/", line.cssselect("a")[0].get("href"))[0].get("id") == \
                "forecast-" + aid.replace("/", "--")


def test_every_fact_sentence_of_every_note_cites_a_key_that_resolves(site, forecasts):
    keys = set(bib.load(ROOT / "bib").entries)
    for aid, post in forecasts.items():
        paragraphs = [p for _, p in checks.paragraphs(post.content)]
        assert paragraphs[-1].startswith("As of November 2026,"), aid
        for paragraph in paragraphs[:-1]:
            for sentence in checks.sentences(paragraph):
                assert checks.MASK in sentence, f"{aid}: {sentence!r} cites nothing"
        cited = set(bib.cited_keys(post.content))
        assert cited and cited <= keys and cited <= set(post["sources"]), aid
        page = lxml.html.parse(str(site / "annotations" / aid / "index.html")).getroot()
        rendered = page.cssselect(".annotation-page__note .citation, .annotation-page__note span[data-cites]")
        assert rendered, f"{aid}: no citation rendered"


def test_the_comparison_overview_and_the_teachers_page_link_to_the_scorecard(site):
    for url in ("compare/", "teach/"):
        root = lxml.html.parse(str(site / url / "index.html")).getroot()
        links = [a for a in root.cssselect("article a") if a.get("href", "").rstrip("/").endswith("hindsight")]
        assert links, url
        assert resolve(site, url, links[0].get("href"))[1] == "/hindsight/"


def test_the_scorecard_is_in_the_navigation_and_the_search(site):
    root = lxml.html.parse(str(site / "index.html")).getroot()
    assert [a for a in root.cssselect("nav.md-nav--primary a") if norm(a.text_content()) == "What happened next"]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(d["location"].startswith("hindsight/") and "Toucas" in d["text"] for d in index["docs"])
