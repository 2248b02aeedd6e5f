"""Publishing: the release record of every page URL and passage id (``published``), releases and
the gh-pages branch (``release``, ``ghpages``), the link check (``linkcheck``), reproducible
builds (``reproducible``), the CI job summary (``ci_summary``), a GitHub-Pages-like local server
(``pagesserver``) and the built site's page types (``pagetypes``), and its build steps
(``feature``: canonical addresses in ``latest``).

May import: ``scripts.common`` and every feature (it records what they publish).
"""
