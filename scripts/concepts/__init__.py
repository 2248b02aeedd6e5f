"""Concepts: the edition's glossary (``docs/concepts/``). Each concept's front matter
(``model``, ``schemas/concept.schema.json``) and its checks (``checks``); its mentions found in
one pass over a text (``matcher``, Aho-Corasick) and linked in the essays' passages without
changing a word (``linking``); where each author uses it, sentence by sentence (``uses``); the concept pages and the concept index with its chart (``pages``, ``chart``);
and the build steps (``feature``).

May import: ``scripts.common``, the edition's passage API (``scripts.edition.passages``,
``.corpus``, ``.textmap``, ``.sentences``) and ``scripts.citing`` (``bib``: the keys its
definitions cite; ``quotes``: the check of the authors' words they quote).
"""
