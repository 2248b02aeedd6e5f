"""``make bench`` (``python -m scripts.bench``): build times against bare Material, the 10x scale
test (``sites``: the temporary sites it builds), page weights, and Lighthouse.

May import: ``scripts.common`` and ``scripts.publishing`` (it measures the site as published).
"""
