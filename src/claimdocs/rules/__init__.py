"""The rules: a registry of small modules, one family each, run by one engine.

- :mod:`~claimdocs.rules.rule`: what a rule is, and the hooks its checks run through;
- :mod:`~claimdocs.rules.registry`: every family, in order; the rule catalogue;
- :mod:`~claimdocs.rules.engine`: runs the checks over the article, the claims, the pages;
- :mod:`~claimdocs.rules.context`, :mod:`~claimdocs.rules.view`, :mod:`~claimdocs.rules.tables`:
  what a check is given (where to report, a block as a reader sees it, the project's lookups);
- one module per family, its docstring the family's specification: ``inputs``,
  ``evidence``, ``reference``, ``value``, ``quote``, ``speaker``, ``office``,
  ``attribution``, ``position``, ``statement``, ``coverage``, ``unbacked``, the
  tracing families, and ``waiver`` (waivers, which the engine applies);
- :mod:`~claimdocs.rules.conventions`: how news writing gives a quotation to its speaker
  (follow-on, split, the article's own quotation marks), shared by ``quote`` and ``speaker``.

This package imports nothing at import time, so importing one family never runs the others.
"""
