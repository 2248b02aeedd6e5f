"""Finding concepts' mentions (scripts/concepts/matcher.py): whole words, the longest form,
forms that must match as written, one pass for every alias."""

from scripts.concepts.matcher import Alias, Matcher

MATCHER = Matcher([
    Alias("Aegis", "aegis-bmd", True), Alias("Aegis Ashore", "aegis-ashore"),
    Alias("SM-3", "sm-3"), Alias("SM-3 Block IIA", "sm-3-block-iia"),
    Alias("MDA", "mda", True), Alias("Missile Defense Agency", "mda"),
    Alias("ABM", "abm-treaty", True), Alias("ICBMs", "icbm", True), Alias("ICBM", "icbm", True),
    Alias("arms control", "arms-control"), Alias("arms race", "arms-race"),
])


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.concept) for m in MATCHER.find(text)]


def test_the_longest_form_wins_where_forms_overlap():
    assert found("Aegis Ashore in Romania and Aegis ships") == [("Aegis Ashore", "aegis-ashore"), ("Aegis", "aegis-bmd")]
    assert found("an SM-3 Block IIA and an SM-3") == [("SM-3 Block IIA", "sm-3-block-iia"), ("SM-3", "sm-3")]


def test_forms_that_match_as_written_never_match_inside_a_word_or_in_another_case():
    assert found("the amdar flew; mda said; Chimda; the MDA said") == [("MDA", "mda")]
    assert found("fABMs, ABMs and abm; the ABM Treaty") == [("ABM", "abm-treaty")]
    assert found("ICBMs and an ICBM-class target") == [("ICBMs", "icbm"), ("ICBM", "icbm")]


def test_other_forms_match_in_any_case_but_only_as_whole_words():
    assert found("Arms control and ARMS RACE; disarms controlled") == [("Arms control", "arms-control"), ("ARMS RACE", "arms-race")]
    assert found("the Missile Defense Agency’s budget") == [("Missile Defense Agency", "mda")]


def test_a_refused_span_leaves_room_for_the_next_candidate():
    text = "Aegis Ashore"
    assert [(m.concept) for m in MATCHER.find(text, allowed=lambda s, e: e - s < 10)] == ["aegis-bmd"]


def test_no_alias_no_mention():
    assert Matcher([]).find("Aegis Ashore") == []
