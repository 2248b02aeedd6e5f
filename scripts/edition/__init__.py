"""The essays' text: copy-texts and the decisions recorded on them, fidelity to the copy-text
word for word, passage ids (the passage API: ``passages``, ``index``), the registry of published
ids, the textual apparatus, the reader's controls on each passage, the essay checks, and the
edition's build steps (``feature``).

May import: ``scripts.common``. Other features use it through ``passages`` and ``index`` only.
"""
