"""The rules' specifications, one file a family of :mod:`claimdocs.rules`.

A package (tests/ itself is not one) so that its conftest and helpers are
``rules.conftest`` and ``rules.helpers``: ``from conftest import ...`` keeps
meaning tests/conftest.py, and no file here can clash with one in tests/.
"""
