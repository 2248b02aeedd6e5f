"""The edition's build logic, one package per concern (README: "Where the code lives").

- ``common``: the small base every package may use (imports nothing of the project).
- ``edition``: the essays' text: copy-texts, fidelity, passage ids, the apparatus, the reader's
  controls, the passage index.
- ``citing``: bibliography data, CSL formatting, the mkdocs-bibtex glue, "Cite this", exports.
- ``publishing``: versions and releases, the release record, links, reproducible builds, CI.
- ``bench``: ``make bench``.
- ``site`` (the features in order), ``hooks`` (MkDocs events; the only module importing MkDocs)
  and ``check`` (``make check``) sit on top.

Who may import whom is written in pyproject.toml ([tool.importlinter]) and checked by
``lint-imports`` in ``make test``.
"""
