"""Annotations: notes on the essays' words, one Markdown file each in ``docs/annotations/``,
contributed by pull request and treated as untrusted input. A file is read without trusting it
(``reading``: size, encoding, characters, YAML without aliases, tags or repeated keys, no
links out of the folder), its front matter checked against ``schemas/annotation.schema.json``
and the rules a schema cannot say (``checks``, every problem on one line with what to do);
its quoted words found in their passage, exactly or with a prefix and suffix, the nearest
words named when they are not there (``anchoring``, rapidfuzz); its note rendered by a
restricted Markdown parser and sanitized (``rendering``: markdown-it-py with HTML off, nh3).
On the essay pages the layer highlights each annotation's words with a marker and its note
beside them (``layer``); each annotation has its own page, with the index of all and each
essay's index (``pages``); the build steps are ``feature``, the data ``model``.

May import: ``scripts.common``, the edition's passage API (``scripts.edition.passages``,
``.corpus``, ``.textmap``) and ``scripts.citing`` (``bib``: the keys a note cites; ``csl``: its sources
formatted; ``quotes``: the check of the authors' words a note quotes).
"""
