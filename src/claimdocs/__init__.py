"""claimdocs: claim-checked documentation for Sphinx and MyST.

The Sphinx extension is :mod:`claimdocs.extension`; ``extensions = ["claimdocs"]``
works too, since :func:`setup` is re-exported here.
"""

from __future__ import annotations

__version__ = "0.1.0"


def setup(app):
    from claimdocs.extension import setup as _setup

    return _setup(app)
