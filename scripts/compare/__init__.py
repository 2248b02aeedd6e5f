"""Comparisons: Toucas and Fedasiuk side by side, theme by theme (``docs/compare/``). Each
theme's front matter (``model``, ``schemas/theme.schema.json``: its row, its label, how the
authors stand, each author's one-line position and the passages quoted for it) and its
Markdown (each position in the edition's words, the analysis, questions for discussion); the
checks, every quote verbatim in its passage with the closest words named when it is not
(``checks``); the overview's matrix, the theme pages' layout and the essays' margin links to
them (``pages``); the build steps (``feature``).

May import: ``scripts.common``, the edition's passage API (``scripts.edition.passages``,
``.corpus``), ``scripts.citing`` (``quotes``: the check of the authors' words quoted in the
prose) and ``scripts.concepts`` (``linking``: concept mentions linked as in the essays).
"""
