"""Names outside the article: a page names no one and nothing the article does not.

``outside``
    A capitalised name on a page (a run of capitalised words, "Jordan", "the Arab
    League") that is neither in the article nor a registered name or alias, nor a
    name the project lists as the site's own (its tools, in the vocabulary's
    ``framing``). A capitalised word whose lowercase form is an ordinary word of the
    article, a function word or a framing word is not a name ("Opposed" in a
    title-case heading). A single capitalised word at the start of a sentence is not
    taken for a name (it cannot be told from an ordinary word there); on content pages
    the support and framing rules still hold it to the article.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import fold
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_sentence
from claimdocs.rules.sentences import Sentence, Token

OUTSIDE = Rule(RuleId.OUTSIDE, "A page names someone or something the article does not name.", "pages")


def _known(ctx: PageContext, token: Token) -> bool:
    lexicon = ctx.lexicon
    word = token.norm
    return (
        word in lexicon.stopwords or lexicon.is_framing(word) or lexicon.is_polarity(word) is not None
        or word in ctx.tables.trace.article_words
    )


def _runs(sentence: Sentence) -> list[list[Token]]:
    """Runs of capitalised words next to each other (a space between them)."""
    runs: list[list[Token]] = []
    text = sentence.view.text
    for token in sentence.tokens:
        if not token.text[:1].isupper() or sentence.in_mention(token):
            continue
        if runs and runs[-1][-1].end < token.start and not text[runs[-1][-1].end : token.start].strip(" "):
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


@on_sentence(OUTSIDE)
def names_outside(ctx: PageContext, sentence: Sentence) -> None:
    article = ctx.tables.article_folded
    site_names = ctx.lexicon.framing_lower
    for run in _runs(sentence):
        while run and _known(ctx, run[0]) and run[0].norm in ctx.lexicon.stopwords:
            run = run[1:]  # "The Arab League": the article is not part of the name
        if not run or all(_known(ctx, t) for t in run):
            continue
        if len(run) == 1 and run[0].start == sentence.start:
            continue  # a capitalised first word: an ordinary word as often as a name
        name = sentence.view.text[run[0].start : run[-1].end]
        if fold(name) in article or name.lower() in site_names:
            continue
        line, col = sentence.position(run[0].start)
        ctx.add(line, col, OUTSIDE, f'"{name}" is not named in the article (nor in the entity registry); '
                                    "a page names only who and what the article names")


RULES = (OUTSIDE,)
CHECKS = (names_outside,)
