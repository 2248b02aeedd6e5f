"""Citing: the bibliography data in ``bib/`` (``bib``), CSL formatting through pandoc (``csl``),
the glue to mkdocs-bibtex (``bibtex_glue``: the only place that knows the plugin's objects),
the "Cite this" panel (``citethis``), citation meta tags and JSON-LD (``meta``), downloads for
reference managers (``exports``), the bibliography page (``bibliography``), the machine check
of the authors' words quoted in the edition's own prose (``quotes``), its checks and its build
steps (``feature``).

May import: ``scripts.common``, and the edition's passage API (``scripts.edition.passages``,
``scripts.edition.sentences``).
"""
