"""`make check` on the hindsight layer (scripts/hindsight/checks.py), on fixture notes written
into a copy of the real docs: a forecast's words verbatim in its passage (the annotation's
check), its outcome from the allowed set, its note tagged what-happened-next, every sentence of
its note but the last paragraph citing a key of bib/, the last paragraph dated "As of <month
year>," as the scorecard says, no forecast twice; and the build refuses such a note."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.hindsight import checks, model
from tests.conftest import check_lines, project_with

ROOT = Path(__file__).resolve().parents[2]
REL = "docs/annotations/toucas/zz-test-forecast.md"
EXACT = "The new ballistic missile defense review likely will echo this call for more action."
BODY = ("\nThe review was released on 17 January 2019 [@janes2019mdr]. It kept the policy of relying on\n"
        "nuclear deterrence against Russia and China [@csis2019mdrgoodstart].\n\n"
        "As of November 2026, the review echoed part of the call.\n")


def note(target: str = "toucas-p7", exact: str = EXACT, outcome: str = "partly", tags: str = "[what-happened-next]",
         body: str = BODY, summary: str = "The 2019 review added studies, and kept relying on deterrence.") -> str:
    return (f"---\ntarget: {target}\nexact: {json.dumps(exact)}\ncreator: Test\ncreated: 2026-12-01\n"
            f"motivation: assessing\ntags: {tags}\nsources: [janes2019mdr, csis2019mdrgoodstart]\n"
            f"forecast:\n  expected: The review would call for more missile defense.\n  outcome: {outcome}\n"
            f"  summary: {json.dumps(summary)}\n---\n{body}")


@pytest.fixture
def docs(docs_copy) -> Path:
    """A copy of the docs whose only notes on what happened next are the test's."""
    for path in (docs_copy / "annotations").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "forecast:" in text:  # the real forecasts would score the test's words twice
            path.unlink()
    return docs_copy


def write(docs: Path, text: str, name: str = "zz-test-forecast.md") -> None:
    (docs / "annotations" / "toucas" / name).write_text(text, encoding="utf-8")


def mine(docs: Path) -> list[str]:
    return check_lines(docs, "docs/annotations/toucas/zz-")


def test_the_real_notes_and_scorecard_are_valid():
    assert check_lines(ROOT / "docs", "docs/hindsight/") == []
    assert [p for p in check_lines(ROOT / "docs", "docs/annotations/") if "note" in p or "forecast" in p] == []


def test_a_valid_forecast_passes(docs):
    write(docs, note())
    assert mine(docs) == []


def test_sentences_are_split_at_full_stops_not_at_abbreviations_or_locators():
    found = checks.sentences("The U.S. Navy fired on 2 August 2019 [@a, p. 4]. Then it said “no.” [@b] "
                             "No. 3 was cited. 2020 came [@c; @d]! Why?")
    assert len(found) == 5
    assert [checks.MASK in s for s in found] == [True, True, False, True, False]


def test_a_sentence_without_a_source_is_refused_with_its_line(docs):
    body = BODY.replace("Russia and China [@csis2019mdrgoodstart].",
                        "Russia and China [@csis2019mdrgoodstart]. Both objected.")
    write(docs, note(body=body))
    found = mine(docs)
    assert len(found) == 1, found
    assert found[0].startswith(f"{REL}:16: note: “Both objected.…” states a fact without a source")


def test_the_judgement_must_be_dated(docs):
    write(docs, note(body=BODY.replace("As of November 2026, the", "In hindsight the")))
    assert mine(docs) == [f"{REL}:18: note: the last paragraph is the edition's judgement, dated: "
                          "begin it “As of November 2026,”"]


def test_the_date_is_the_scorecards(docs):
    page = docs / model.SCORECARD
    page.write_text(page.read_text(encoding="utf-8").replace("as_of: November 2026", "as_of: December 2026"),
                    encoding="utf-8")
    write(docs, note())
    assert any("begin it “As of December 2026,”" in p for p in mine(docs))


def test_a_forecast_is_tagged_and_its_outcome_is_an_allowed_label(docs):
    write(docs, note(tags="[context]", outcome="mostly"))
    found = mine(docs)
    assert any("front matter forecast.outcome: 'mostly' is not one of ['happened', 'partly', 'did-not-happen', "
               "'still-open']" in p for p in found), found
    write(docs, note(tags="[context]"))
    assert mine(docs) == [f"{REL}:7: front matter tags: a forecast's note is on what happened next: "
                          "add what-happened-next to its tags"]


def test_the_allowed_labels_are_the_schemas():
    schema = json.loads((ROOT / "scripts/annotations/schemas/annotation.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["forecast"]["properties"]["outcome"]["enum"] == list(model.LABELS)


def test_a_summary_carries_no_citation_and_words_are_verbatim(docs):
    write(docs, note(summary="It happened [@janes2019mdr]."))
    assert any("front matter forecast.summary" in p for p in mine(docs))
    write(docs, note(exact=EXACT.replace("likely will", "will likely")))
    assert any("front matter exact" in p and "not in" in p.lower() or "exact" in p for p in mine(docs))


def test_no_forecast_twice(docs):
    write(docs, note())
    write(docs, note(), "zz-test-forecast2.md")
    assert check_lines(docs, "docs/annotations/toucas/zz-test-forecast2.md") == [
        "docs/annotations/toucas/zz-test-forecast2.md:3: front matter exact: "
        "annotations/toucas/zz-test-forecast already scores this forecast: keep one of them"]


def test_a_forecast_needs_the_scorecard(docs):
    (docs / model.SCORECARD).unlink()
    write(docs, note())
    assert any("forecasts are scored on docs/hindsight/index.md, which is missing" in p for p in mine(docs))


def test_the_build_refuses_an_unsourced_note(docs, tmp_path):
    write(docs, note(body=BODY.replace(" [@janes2019mdr]", "")))
    config = project_with(docs, tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                             "-d", str(tmp_path / "site")], cwd=config.parent, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode != 0
    assert f"{REL}:15: note: “The review was released on 17 January 2019.…” states a fact without a source" in result.stderr
