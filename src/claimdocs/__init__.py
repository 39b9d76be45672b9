"""claimdocs: claim-checked documentation for Sphinx and MyST.

The Sphinx extension is :mod:`claimdocs.sphinx`; ``extensions = ["claimdocs"]``
works too, since :func:`setup` is re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

from claimdocs._version import __version__

__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    from claimdocs.sphinx import setup as _setup

    return _setup(app)
