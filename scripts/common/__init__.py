"""The small common base: HTML tools (lxml), the disk cache, the site's configuration read
without MkDocs, Markdown rendered as the site renders it, problems and JSON Schema validation,
data-file checks, addresses across published versions, the Chromium lookup, and what a feature
is (``feature``: the steps of a build and of ``make check``).

May import: nothing of the project (only the standard library and third-party packages).
"""
