"""Names outside the article: a page names no one and nothing the article does not.

``outside``
    A capitalised name on a page (a run of capitalised words, "Jordan", "the Hanseatic
    League") that is neither in the article nor a registered name or alias, nor a
    name the project lists as the site's own (its tools, in the vocabulary's
    ``framing``). A capitalised word whose lowercase form is an ordinary word of the
    article, a function word or a framing word is not a name ("Opposed" in a
    title-case heading). A single capitalised word at the start of a sentence is not
    taken for a name (it cannot be told from an ordinary word there); on content pages
    the support and framing rules still hold it to the article.
"""

from __future__ import annotations

import re

from claimdocs.findings import RuleId
from claimdocs.lexicon import Lexicon, fold, phrase_re
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_sentence
from claimdocs.rules.sentences import WORD, Sentence, normed

OUTSIDE = Rule(RuleId.OUTSIDE, "A page names someone or something the article does not name.", "pages")


def _known(ctx: PageContext, word: str) -> bool:
    """Is a capitalised word an ordinary word (of the article, a function word, a framing word)?"""
    lexicon = ctx.lexicon
    key = normed(word)
    memo = lexicon.memo("ordinary")  # the lexicon's part only: lexicons are shared between projects, articles are not
    found = memo.get(key)
    if found is None:
        found = memo[key] = (
            key in lexicon.stopwords or lexicon.is_framing(key) or lexicon.is_polarity(key) is not None
        )
    return found or key in ctx.tables.trace.article_words


def _site_names(lexicon: Lexicon) -> re.Pattern[str]:
    """The site's own names (the framing vocabulary, case-insensitive), as one pattern, made once a lexicon."""
    memo = lexicon.memo("site-names")
    found = memo.get("")
    if found is None:
        found = memo[""] = phrase_re(lexicon.framing_lower) or re.compile(r"(?!x)x")
    return found


@on_sentence(OUTSIDE)
def names_outside(ctx: PageContext, sentence: Sentence) -> None:
    article = ctx.tables.article_folded
    text = sentence.view.text
    for start, end in sentence.capitalised_runs():
        words = WORD.findall(text, start, end)
        while words and normed(words[0]) in ctx.lexicon.stopwords:
            start = text.index(words[0], start) + len(words[0])  # "The Hanseatic League": the article is not part of the name
            words = words[1:]
            start += len(text[start:end]) - len(text[start:end].lstrip())
        if not words or all(_known(ctx, w) for w in words):
            continue
        if len(words) == 1 and start == sentence.start:
            continue  # a capitalised first word: an ordinary word as often as a name
        name = text[start:end]
        if fold(name) in article or not _site_names(ctx.lexicon).sub("", name.lower()).strip():
            continue  # in the article, or made of the site's own names ("W3C Web Annotation")
        line, col = sentence.position(start)
        ctx.add(line, col, OUTSIDE, f'"{name}" is not named in the article (nor in the entity registry); '
                                    "a page names only who and what the article names")


RULES = (OUTSIDE,)
CHECKS = (names_outside,)
