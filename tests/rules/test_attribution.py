"""Specification of claims.attribution (:mod:`claimdocs.rules.attribution`).

On a page, a marked figure or stance keeps the source the article gives it (in its
sentence), and a marked assertion names who asserts it with a form of its verb and,
when contested, who contests it.
"""

from __future__ import annotations

import pytest

from claimdocs.project import Project

from .helpers import check, clean, only

# ---------------------------------------------------------------- the claims to the pages


def test_figure_keeps_its_source(project: Project) -> None:
    text = "The toll is {claim}`approximately 65,000 <gaza-deaths>` dead.\n"
    f = only(project, text, "attribution", "{claim}")
    assert f.message.startswith(
        'figure of claim gaza-deaths lost its source: the article gives it as according to "health officials in the enclave"'
    )
    clean(project, "The toll is {claim}`approximately 65,000 <gaza-deaths>`, say Gaza health officials.\n")


def test_source_in_another_sentence_is_not_enough(project: Project) -> None:
    text = "Gaza health officials spoke. The toll is {claim}`approximately 65,000 <gaza-deaths>`.\n"
    only(project, text, "attribution", "{claim}")


@pytest.mark.parametrize(
    "row",
    [
        "| {person}`Gaza health officials <health-officials>` | {claim}`approximately 65,000 <gaza-deaths>` |",
        "| {claim}`approximately 65,000 <gaza-deaths>` | {person}`Gaza health officials <health-officials>` |",
    ],
)
def test_a_source_in_another_cell_of_the_row_is_the_figures_source(project: Project, row: str) -> None:
    """A table row is one record: its source column attributes its figure column."""
    found = [f for f in check(project, f"| a | b |\n|---|---|\n{row}\n") if f.rule == "attribution"]
    assert found == [], "\n".join(f.format() for f in found)


def test_a_source_in_another_row_is_not_the_figures_source(project: Project) -> None:
    text = (
        "| a | b |\n|---|---|\n"
        "| {person}`Gaza health officials <health-officials>` | none |\n"
        "| x | {claim}`approximately 65,000 <gaza-deaths>` |\n"
    )
    f = only(project, text, "attribution", "{claim}")
    assert "lost its source" in f.message


def test_stance_keeps_its_source(project: Project) -> None:
    stance = "{claim}`General Zamir was concerned about fatigue <zamir-concerned-fatigue>`"
    only(project, f"{stance}.\n", "attribution", "{claim}")
    clean(project, f"According to security officials, {stance}.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Critics of Mr. Netanyahu contend that {claim}`he prolonged the war <critics-prolong>`.\n",
        "His critics contended {claim}`he prolonged the war <critics-prolong>`.\n",
        "{claim}`The International Criminal Court accused Mr. Netanyahu of war crimes <icc-accusation>`; "
        "the Israeli government denies it.\n",
        "{claim}`The ICC has accused him <icc-accusation>`.\nThe Israeli government vigorously denied it.\n",
    ],
)
def test_assertion_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{claim}`He prolonged the war <critics-prolong>`.\n", "lost its source"),
        ("Critics suggest {claim}`he prolonged the war <critics-prolong>`.\n", '("contend")'),
        ("Critics contend. It is said {claim}`he prolonged the war <critics-prolong>`.\n", "lost its source"),
        ("{claim}`The ICC accused him of war crimes <icc-accusation>`.\n", "lost its contest"),
        ("{claim}`The ICC accused him of war crimes <icc-accusation>`; critics deny it.\n", "lost its contest"),
    ],
)
def test_assertion_rejected(project: Project, text: str, words: str) -> None:
    f = only(project, text, "attribution", "{claim}")
    assert words in f.message



_CONTESTED = "{claim}`Critics of the board contend <critics-budget>` that the closures seemed to serve its budget."


@pytest.mark.parametrize(
    "after",
    [
        " {claim}`The board denies these claims <board-denies>`.\n",  # the same paragraph
        "\n\n{claim}`The board denies these claims <board-denies>`.\n",  # the paragraph split between them
        "\n\n{claim}`The board denies these claims <board-denies>`, and the closures went on.\n",
    ],
)
def test_a_contest_in_the_paragraph_or_the_sentence_right_after_it_is_kept(kelbrook: Project, after: str) -> None:
    clean(kelbrook, _CONTESTED + after)


@pytest.mark.parametrize(
    "after",
    [
        # the next paragraph, but not its first sentence
        "\n\nThe closures went on. {claim}`The board denies these claims <board-denies>`.\n",
        # two paragraphs on
        "\n\nThe closures went on.\n\n{claim}`The board denies these claims <board-denies>`.\n",
        # a heading is not the sentence after it
        "\n\n## {claim}`The board denies these claims <board-denies>`\n",
        # the next sentence names the contester without the contest verb
        "\n\nThe board met the critics.\n",
    ],
)
def test_a_contest_further_away_is_lost(kelbrook: Project, after: str) -> None:
    found = [f for f in check(kelbrook, _CONTESTED + after) if f.rule == "attribution"]
    assert [(f.line, f.col) for f in found] == [(1, 1)], found
    assert "lost its contest" in found[0].message and "the sentence right after it" in found[0].message


# ---------------------------------------------------------------- attribution in prose (sentence tracing)


def _prose(project: Project, text: str) -> list:
    return [f for f in check(project, text, tracing=True) if f.rule == "attribution"]


def test_a_hedge_of_attribution_dropped_in_prose_is_reported(project: Project) -> None:
    text = "{claim}`Mr. Katz is a staunch Netanyahu loyalist <katz-loyalist>`.\n"
    found = _prose(project, text)
    assert found and 'drops the hedge "widely seen as"' in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "{claim}`Mr. Katz is widely seen as a staunch Netanyahu loyalist <katz-loyalist>`.\n",
        # the attributing verb kept in another form, the source named with "according to"
        "{claim}`Such a sweeping deal is far more challenging to achieve <sweeping-deal>`.\n",
    ],
)
def test_a_kept_attribution_passes(project: Project, text: str) -> None:
    assert _prose(project, text) == []


def test_a_source_added_beside_an_attributing_word_is_reported(project: Project) -> None:
    text = ("{claim}`Roughly 20 <hostages-alive>` hostages are still alive in Gaza, Israel currently believes, "
            "as the Israeli government has confirmed.\n")
    found = _prose(project, text)
    assert len(found) == 1 and 'adds a source the article does not give here: "Israeli government"' in found[0].message


def test_a_participle_is_not_an_attribution(project: Project) -> None:
    """"the government's stated goal" attributes nothing: the rule reads a verb form after a possessive as an adjective."""
    from claimdocs.lexicon import DEFAULT
    from claimdocs.rules.attribution import _DETERMINED

    frame = "Many Israelis are skeptical that the government’s stated goal of eradicating Hamas is achievable"
    hit = DEFAULT.attribution_re.search(frame) if DEFAULT.attribution_re else None
    assert hit is not None and hit.group() == "stated"
    assert _DETERMINED.search(frame, 0, hit.start())


# ---------------------------------------------------------------- hedges: a view given to no one


@pytest.mark.parametrize(
    "text",
    [
        # the hedge kept, whatever else the sentence says
        "{claim}`Mr. Velle is widely seen as a cautious leader <velle-cautious>`.\n",
        "The article says {claim}`Mr. Velle is widely seen as a cautious leader <velle-cautious>`.\n",
        # another hedge for it
        "{claim}`Mr. Velle is believed to be a cautious leader <velle-cautious>`.\n",
        # after "but", the source of the clause before is not the figure's: the hedge is its own
        "{claim}`An estimated 900 <families-remaining>` families are believed to remain in the valley.\n",
        # an assertion's own hedge, kept
        "{claim}`Critics of the board contend <critics-budget>` that the closures seemed to serve its budget; "
        "{claim}`the board denies these claims <board-denies>`.\n",
    ],
)
def test_a_hedge_kept_passes(kelbrook: Project, text: str) -> None:
    assert _prose(kelbrook, text) == []


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # a source of the page's own does not stand for the article's hedge
        ("The article says {claim}`Mr. Velle is a cautious leader <velle-cautious>`.\n", "widely seen as"),
        ("{claim}`Mr. Velle is a cautious leader <velle-cautious>`, the article reports.\n", "widely seen as"),
        # nor does the source of another clause, named
        ("{claim}`An estimated 900 <families-remaining>` families remain in the valley, according to the inspectors.\n",
         "believed"),
        # an assertion's: its asserter and verb kept do not keep its hedge
        ("{claim}`Critics of the board contend <critics-budget>` that the closures served its budget; "
         "{claim}`the board denies these claims <board-denies>`.\n", "seemed"),
    ],
)
def test_a_hedge_dropped_is_reported_whatever_source_the_sentence_names(kelbrook: Project, text: str, hedge: str) -> None:
    found = _prose(kelbrook, text)
    assert [(f.line, f.col) for f in found] == [(1, text.index("{claim}") + 1)], found
    assert f'drops the hedge "{hedge}"' in found[0].message
    assert "does not stand for it" in found[0].message


def test_according_to_sets_the_source_of_its_clause_not_of_one_after_but(kelbrook: Project) -> None:
    """The figure before "but" keeps its source: the claim names it (source_named); the one after needs none."""
    text = "{claim}`About 200 <families-left>` families have left the valley.\n"
    f = only(kelbrook, text, "attribution", "{claim}")
    assert 'according to "inspectors familiar with the review"' in f.message
    clean(kelbrook, "{claim}`About 200 <families-left>` families have left the valley, according to the inspectors.\n")
    clean(kelbrook, "{claim}`An estimated 900 <families-remaining>` families are believed to remain.\n")
