"""Inputs: the article, the metadata, the claims files and the pages can be read at all.

These findings come from loading, before any rule runs, so that one broken file
never hides the findings of the others: what is valid is still checked.

``config``
    The checker's configuration is missing or invalid: no ``[tool.claimdocs]``
    table, an unknown key, a folder that does not exist, no claims files.
``source``
    The article is missing or unreadable, is not UTF-8, or is not byte for byte
    the file the metadata pins by its sha256; or the metadata is invalid.
``yaml``
    A claims or metadata file is not valid, safe YAML: a syntax error, a tag,
    an anchor or alias, a duplicate key, a second document, too deep or too large
    (see :mod:`claimdocs.loader`).
``schema``
    A claims file does not match the claims model (:mod:`claimdocs.model`): the
    message names the field and what it must be.
``duplicate-id``
    Two claims or entities share an id; the second is reported, naming the first.
``page``
    A page cannot be read: it is missing, not UTF-8, larger than the cap, not a
    regular file (a FIFO, a device), a symbolic link or outside the project; a folder
    of pages cannot be listed; a page's file name is not UTF-8. Or a page shows
    what the checker cannot read (:class:`claimdocs.pages.Refusal`): a ``raw``,
    ``eval-rst``, ``csv-table``, ``literalinclude`` or other refused directive, an
    HTML block or inline HTML beyond plain formatting tags, a ``{{ substitution }}``,
    claim markup inside image alt text, a paragraph over the length cap; or an
    ``{include}`` or image from outside the project. Each message says what to write
    instead. A page that cannot be read is one finding: its claims are then not
    reported unused.

Files a page includes are checked as part of it (:mod:`claimdocs.includes`), their
findings located in the included file.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.pages import Page
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_page

CONFIG = Rule(RuleId.CONFIG, "The checker's configuration is missing or invalid.", "inputs")
SOURCE = Rule(RuleId.SOURCE, "The article file is missing, unreadable, or not what the metadata pins.", "inputs")
YAML = Rule(RuleId.YAML, "A claims or metadata file is not valid, safe YAML.", "inputs")
SCHEMA = Rule(RuleId.SCHEMA, "A claims file does not match the claims model.", "inputs")
DUPLICATE_ID = Rule(RuleId.DUPLICATE_ID, "Two claims or entities share an id.", "inputs")
PAGE = Rule(RuleId.PAGE, "A page cannot be read, or shows what the checker cannot read.", "inputs")



@on_page(PAGE)
def refused_content(ctx: PageContext, page: Page) -> None:
    """What a reader would see that the checker cannot read: one finding each, saying what to write instead."""
    for refusal in page.refused:
        ctx.add(refusal.line, refusal.col, PAGE, refusal.message)


RULES = (CONFIG, SOURCE, YAML, SCHEMA, DUPLICATE_ID, PAGE)
CHECKS = (refused_content,)
