"""The essays' text: copy-texts and the decisions recorded on them, fidelity to the copy-text
word for word, passage ids and the registry of published ids, the textual apparatus, the
reader's controls on each passage, the essay checks, and the edition's build steps
(``feature``).

Its passage API, for the other features: ``passages`` (ids, the passage elements of a page and
their text), ``index`` (``passages.json``), for checks ``corpus`` (the essays as ``make check``
reads them, with their passage records), and for features that mark words without changing
them ``textmap`` (a passage's text mapped onto its HTML) and ``sentences`` (its sentences).

May import: ``scripts.common``.
"""
