"""The teachers' kit (``docs/teach/``): the teachers' page, with every section and paragraph of
the essays linked in ``latest`` and pinned to the version (``links``), each with its citation,
ranges of paragraphs (``ranges``: "paras. 4–9", a link that marks them), and the syllabus builder's
data; a reading guide per essay and the comparison assignment (``model``, ``schemas/``); their
checks (``checks``); the pages (``pages``); the build steps (``feature``).

May import: ``scripts.common``, the edition's passage API (``scripts.edition.passages``,
``.corpus``), ``scripts.citing`` (the essays' citation forms: ``feature.formatted``, ``citethis``;
``quotes``: the authors' words quoted in the guides), ``scripts.concepts`` (the glossary, its
linker) and ``scripts.compare`` (the themes).
"""
