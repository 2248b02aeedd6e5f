"""The hindsight layer's data: the outcome labels and their rules, the scorecard page, and each
forecast as its annotation holds it (scripts.annotations.model: ``forecast``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.annotations import model as annotations

TAG = "what-happened-next"  # the tag of every note on what happened next (the layer's filter)
FOLDER = "hindsight"
SCORECARD = f"{FOLDER}/index.md"
MARKER = "<!-- hindsight:scorecard -->"  # where the scorecard's generated part goes
SCHEMA = Path(__file__).parent / "schemas" / "scorecard.schema.json"


@dataclass(frozen=True)
class Label:
    word: str  # as the reader sees it
    symbol: str  # shown with the word, so that no colour carries the meaning alone
    rule: str  # when it applies, stated on the scorecard


# The allowed outcomes, in the order the scorecard counts them (the annotation schema's enum).
LABELS: dict[str, Label] = {
    "happened": Label("Happened", "●", "what the author expected came about, in substance, by the date of the "
                                         "scorecard."),
    "partly": Label("Partly", "◐", "some of it came about, or it came about in a clearly different form or "
                                   "measure."),
    "did-not-happen": Label("Did not happen", "○", "the time it named or implied has passed, or events ruled it "
                                                     "out, and it did not come about."),
    "still-open": Label("Still open", "◌", "it has not come about but may yet (its time has not passed), or the "
                                           "record cannot settle it yet."),
}


@dataclass(frozen=True)
class Forecast:
    """One forecast: the annotation that holds it, and what it says of the outcome."""

    annotation: annotations.Annotation
    expected: str
    outcome: str
    summary: str

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def essay(self) -> str:
        return self.annotation.essay

    @property
    def anchor(self) -> str:
        """Its entry's id on the scorecard."""
        return "forecast-" + self.annotation.id.replace("/", "--")


def forecasts(items: list[annotations.Annotation]) -> list[Forecast]:
    """The forecasts among the annotations (those with a ``forecast`` block)."""
    return [Forecast(a, a.forecast["expected"], a.forecast["outcome"], a.forecast["summary"])
            for a in items if a.forecast]


def is_hindsight(a: annotations.Annotation) -> bool:
    return TAG in a.tags or a.forecast is not None
