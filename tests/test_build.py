"""The strict build passes with zero warnings and writes the passage index."""

import json

from scripts import index


def test_strict_build_has_no_warnings(build):
    _, result = build
    log = result.stdout + result.stderr
    problems = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert problems == [], "\n".join(problems)


def test_passage_index_is_written_and_documented(site):
    data = json.loads((site / index.FILENAME).read_text(encoding="utf-8"))
    assert data["format"] == 1
    assert data["count"] == len(data["passages"]) > 0
    for record in data["passages"]:
        assert {"id", "essay", "kind", "number", "label", "text", "url", "editorial"} <= record.keys()
    assert (site / "about" / "passages" / "index.html").exists()


def test_copy_texts_are_published_unchanged(site, essays):
    from scripts import copytext
    for post in essays.values():
        published = site / post["copytext"]["file"]
        assert copytext.sha256(published.read_text(encoding="utf-8")) == post["copytext"]["sha256"]
