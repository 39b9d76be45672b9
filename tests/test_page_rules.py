"""page_rules.py: pages say what the claims say, and nothing factual goes unmarked.

Each rule has inputs it must reject (with the right rule, line and column) and
inputs it must accept. The project is the real article with a small claims file
(tests/fixtures/pages/claims.yaml) whose evidence offsets are computed here.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdocs.article import Article
from claimdocs.config import Config
from claimdocs.findings import Finding
from claimdocs.lexicon import DEFAULT
from claimdocs.project import Project, load_project
from claimdocs.rules.engine import PageResult, PagesResult, Use, check_page, check_pages
from claimdocs.rules.reference import check_unused
from claimdocs.rules.registry import RULES

POSITION_WORDS = DEFAULT.positions

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
ARTICLE = ROOT / "seeds" / "000_47ef2131506feb3b.txt"


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:  # the claims loader refuses anchors
        return True


def build_project(root: Path, pages: dict[str, str] | None = None, exclude: list[str] | None = None) -> Path:
    """A tiny project: the real article, the fixture claims with offsets filled in, some pages."""
    raw = ARTICLE.read_bytes()
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    (root / "seeds" / "article.txt").write_bytes(raw)
    (root / "seeds" / "article.yaml").write_text(
        f"title: t\ndescription: d\nfile: article.txt\nsha256: {hashlib.sha256(raw).hexdigest()}\n", encoding="utf-8"
    )
    extra = f"exclude = {exclude!r}\n".replace("'", '"') if exclude else ""
    (root / "pyproject.toml").write_text(
        '[tool.claimdocs]\narticle = "seeds/article.txt"\nmetadata = "seeds/article.yaml"\n'
        f'claims = "claims"\ndocs = "docs"\n{extra}',
        encoding="utf-8",
    )
    article = Article.from_bytes("article", raw)
    data = yaml.safe_load((FIXTURES / "claims.yaml").read_text(encoding="utf-8"))
    for claim in data["claims"]:
        ev = claim["evidence"]
        found = article.find_all(ev["exact"], ev.get("prefix", ""), ev.get("suffix", ""))
        assert len(found) == 1, claim["id"]
        ev["start"], ev["end"] = found[0].start, found[0].end
    (root / "claims" / "claims.yaml").write_text(
        yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    if pages is not None:
        for name, text in pages.items():
            path = root / "docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def load(root: Path) -> Project:
    return load_project(Config.from_pyproject(root))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    proj = load(build_project(tmp_path_factory.mktemp("pagerules")))
    assert not [f for f in proj.findings], proj.findings
    assert len(proj.claims) > 30
    return proj


def check(project: Project, text: str) -> list[Finding]:
    return check_page(project, "docs/p.md", text).findings


def rules(project: Project, text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.col) for f in check(project, text)]


def loc(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` in ``text``."""
    i = text.index(needle)
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


def clean(project: Project, text: str) -> None:
    found = check(project, text)
    assert found == [], "\n".join(f.format() for f in found)


def only(project: Project, text: str, rule: str, needle: str) -> Finding:
    """The page has exactly one finding, of ``rule``, where ``needle`` starts."""
    found = check(project, text)
    assert [(f.rule, f.line, f.col) for f in found] == [(rule, *loc(text, needle))], "\n".join(
        f.format() for f in found
    )
    return found[0]


# ---------------------------------------------------------------- a whole page


def test_the_good_fixture_page_is_clean(project: Project) -> None:
    text = (FIXTURES / "good_page.txt").read_text(encoding="utf-8")
    result = check_page(project, "docs/good.md", text)
    assert isinstance(result, PageResult)
    assert result.findings == [], "\n".join(f.format() for f in result.findings)
    assert result.nofact == 1
    used = {u.claim for u in result.uses if u.role == "claim"}
    assert {"gaza-deaths", "plesner-era", "gravity", "qatar-timing-opposed", "icc-accusation"} <= used
    assert {u.claim for u in result.uses if u.role == "person"} == {"plesner", "shafran-gittleman"}


def test_use_records_place_text_and_role(project: Project) -> None:
    text = "Per Gaza health officials,\n{claim}`about 65,000 <gaza-deaths>` died; {person}`zamir` spoke.\n"
    result = check_page(project, "docs/x.md", text)
    assert Use("gaza-deaths", "docs/x.md", 2, 1, "about 65,000", "claim") in result.uses
    assert Use("zamir", "docs/x.md", *loc(text, "{person}"), "Eyal Zamir", "person") in result.uses


# ---------------------------------------------------------------- value


@pytest.mark.parametrize(
    "written",
    ["approximately 65,000", "about 65,000", "around 65000", "roughly 65 thousand", "some sixty-five thousand",
     "about 65,000 Palestinians"],
)
def test_value_accepts_the_same_figure_and_hedge_class(project: Project, written: str) -> None:
    clean(project, f"Health officials in the enclave report {{claim}}`{written} <gaza-deaths>` killed.\n")


@pytest.mark.parametrize("written", ["two million", "2 million", "2,000,000", "2000000"])
def test_value_accepts_number_words_and_digits(project: Project, written: str) -> None:
    clean(project, f"The Gaza Strip has {{claim}}`{written} <gaza-population>` residents.\n")


def test_value_rejects_another_figure(project: Project) -> None:
    text = "Line one.\nHealth officials in the enclave report {claim}`about 66,000 <gaza-deaths>` killed.\n"
    f = only(project, text, "value", "{claim}")
    assert 'page says "about 66,000", claim gaza-deaths says "approximately 65,000"' in f.message
    assert f.claim == "gaza-deaths"


def test_value_without_any_figure(project: Project) -> None:
    text = "Health officials in the enclave report {claim}`a lot of people <gaza-deaths>` killed.\n"
    f = only(project, text, "value", "{claim}")
    assert "no figure" in f.message


def test_value_suggests_the_claim_that_fits(project: Project) -> None:
    text = "Health officials in the enclave report {claim}`about 1,200 <gaza-deaths>` killed.\n"
    f = only(project, text, "value", "{claim}")
    assert f.message.endswith("did you mean attack-deaths?")


@pytest.mark.parametrize(
    ("ident", "written"),
    [("address-tuesday", "on Tuesday"), ("address-tuesday", "Tuesday"), ("october-7", "7 October 2023"),
     ("october-7", "October 7, 2023"), ("invasion-this-week", "this week"), ("katz-last-year", "last year")],
)
def test_value_accepts_the_same_time(project: Project, ident: str, written: str) -> None:
    clean(project, f"It happened {{claim}}`{written} <{ident}>`.\n")


@pytest.mark.parametrize(
    ("ident", "written"),
    [("address-tuesday", "on Wednesday"), ("october-7", "October 8, 2023"), ("invasion-this-week", "last week"),
     ("katz-last-year", "this year"), ("october-7", "the other day")],
)
def test_value_rejects_another_time(project: Project, ident: str, written: str) -> None:
    text = f"It happened {{claim}}`{written} <{ident}>`.\n"
    f = only(project, text, "value", "{claim}")
    assert ident in f.message


# ---------------------------------------------------------------- hedge


def test_hedge_more_precision_than_the_source(project: Project) -> None:
    text = "Health officials in the enclave report {claim}`65,000 <gaza-deaths>` killed.\n"
    f = only(project, text, "hedge", "{claim}")
    assert f.message == (
        'hedge differs from the source: page says "65,000" (exact), '
        'claim gaza-deaths says "approximately 65,000" (approximate)'
    )
    assert f.format().startswith("docs/p.md:1:40: error: hedge differs")


@pytest.mark.parametrize("written", ["over 65,000", "nearly 65,000", "up to 65,000", "at least 65,000"])
def test_hedge_rejects_another_class(project: Project, written: str) -> None:
    only(project, f"Health officials in the enclave report {{claim}}`{written} <gaza-deaths>` killed.\n",
         "hedge", "{claim}")


def test_hedge_outside_the_marker_is_named(project: Project) -> None:
    text = "Health officials in the enclave report about {claim}`65,000 <gaza-deaths>` killed.\n"
    f = only(project, text, "hedge", "{claim}")
    assert 'the hedge "about" is outside the marker' in f.message


@pytest.mark.parametrize(("ident", "written"), [("war-length", "almost two years"), ("hostages-remains", "up to 28"),
                                               ("fled", "more than 350,000"), ("captives-released", "dozens")])
def test_hedge_accepts_the_same_class(project: Project, ident: str, written: str) -> None:
    source = "according to the Israeli military " if ident == "fled" else ""
    clean(project, f"It was {source}{{claim}}`{written} <{ident}>`.\n")


@pytest.mark.parametrize("written", ["thousands", "tens of thousands", "300,000", "millions"])
def test_vague_quantities_compare_by_their_word(project: Project, written: str) -> None:
    text = f"Still, {{claim}}`{written} <within-borders>` remained.\n"
    f = only(project, text, "hedge", "{claim}")
    assert '"hundreds of thousands"' in f.message
    clean(project, "Still, {claim}`hundreds of thousands <within-borders>` remained.\n")


def test_just_below_is_not_exact(project: Project) -> None:
    only(project, "After {claim}`two years <war-length>` of war.\n", "hedge", "{claim}")


# ---------------------------------------------------------------- unbacked


@pytest.mark.parametrize(
    ("prose", "figure", "suggested"),
    [
        ("About 65,000 people were killed.", "About 65,000", "gaza-deaths"),
        ("The strip has two million residents.", "two million", "gaza-population"),
        ("Dozens of captives were released.", "Dozens", "captives-released"),
        ("There remain hundreds of thousands of people.", "hundreds of thousands", "within-borders"),
        ("An estimated half a million remain.", "An estimated half a million", "remain-in-city"),
        ("The war began on October 7, 2023 in the south.", "October 7, 2023", "october-7"),
        ("The invasion started this week.", "this week", "invasion-this-week"),
        ("He spoke on Tuesday.", "on Tuesday", "address-tuesday"),
        ("He was appointed last year.", "last year", "katz-last-year"),
    ],
)
def test_unbacked_figures_and_times(project: Project, prose: str, figure: str, suggested: str) -> None:
    text = f"Intro.\n\n{prose}\n"
    f = only(project, text, "unbacked", figure)
    assert f'"{figure}" is not marked' in f.message
    assert f"<{suggested}>" in f.message


@pytest.mark.parametrize(
    "prose",
    ["A majority of voters agree.", "It lasted for decades.", "Just months prior, he spoke.",
     "In recent weeks, it grew.", "There were 17 of them."],
)
def test_unbacked_without_a_claim_says_so(project: Project, prose: str) -> None:
    (f,) = check(project, prose + "\n")
    assert f.rule == "unbacked"
    assert "no claim says it" in f.message or "claim-id" in f.message


@pytest.mark.parametrize(
    "prose",
    ["Many Israelis are skeptical.", "Several officials spoke.", "A few people left.", "One of the disputes.",
     "The page shows `65,000` as code.", "Section {nofact}`3` explains.", "The {ref}`figure of 12 <x>` role."],
)
def test_not_unbacked(project: Project, prose: str) -> None:
    clean(project, prose + "\n")


def test_code_blocks_and_literal_directives_are_not_checked(project: Project) -> None:
    clean(
        project,
        "```text\n65,000 \"quote\" on October 7, 2023\n```\n\n"
        "```{code-block} python\nx = 1200  # this week\n```\n\n"
        "    indented 99\n",
    )


@pytest.mark.parametrize(
    "page",
    [
        ":::{admonition} Note\nSome 65,000 died.\n:::\n",
        "```{card} Title\nSome 65,000 died.\n```\n",
        "::::{tab-set}\n:::{tab-item} Tab\nSome 65,000 died.\n:::\n::::\n",
        "| a | b |\n|---|---|\n| x | Some 65,000 died. |\n",
        "- first\n- Some 65,000 died.\n",
        "# Some 65,000 died\n",
        ":::{dropdown} Some 65,000 died\nBody.\n:::\n",
    ],
)
def test_prose_in_cards_tabs_admonitions_tables_lists_and_titles_is_checked(project: Project, page: str) -> None:
    only(project, page, "unbacked", "Some 65,000")


def test_nofact_is_counted(project: Project) -> None:
    result = check_page(project, "docs/p.md", "# Part {nofact}`2`\n\nStep {nofact}`3` and {nofact}`4`.\n")
    assert result.findings == []
    assert result.nofact == 3


def test_nofact_takes_no_id(project: Project) -> None:
    only(project, "Step {nofact}`3 <gaza-deaths>`.\n", "syntax", "{nofact}")


def test_unmarked_quotation_of_a_quote_claim(project: Project) -> None:
    text = "Plesner said “This norm has been broken,” and left.\n"
    f = only(project, text, "unbacked", "“This")
    assert "<plesner-norm>" in f.message


def test_unmarked_office_held_by_that_person(project: Project) -> None:
    text = "Then Eyal Zamir, the military chief of staff, spoke.\n"
    f = only(project, text, "unbacked", "military chief of staff")
    assert "<zamir-chief-of-staff>" in f.message


@pytest.mark.parametrize(
    ("prose", "office"),
    [("Prime Minister Benjamin Netanyahu spoke.", "Prime Minister"),
     ("The defense minister, Israel Katz, spoke.", "defense minister"),
     ("Tzachi Hanegbi, Mr. Netanyahu’s national security adviser, spoke.", "national security adviser")],
)
def test_unmarked_office_title_and_apposition(project: Project, prose: str, office: str) -> None:
    only(project, prose + "\n", "unbacked", office)


# ---------------------------------------------------------------- quote


@pytest.mark.parametrize(
    "written",
    [
        "“This norm has been broken”",
        '"This norm has been broken"',
        "This norm has been broken",
        "“This norm has been broken, forcing the chief of staff to lead soldiers into a battle he may not fully endorse.”",
        "“The established practice was for major decisions … This norm has been broken.”",
        '"The established practice was ... echelons. This norm has been broken"',
        "“This  norm   has\nbeen broken,”",
    ],
)
def test_quote_accepts_verbatim_spans(project: Project, written: str) -> None:
    clean(project, f"Mr. Plesner elaborated, {{claim}}`{written} <plesner-norm>` and more.\n")


@pytest.mark.parametrize("written", ["“It's difficult to overstate the gravity”", "“It’s difficult to overstate the gravity”"])
def test_quote_folds_apostrophes(project: Project, written: str) -> None:
    clean(project, f"Idit Shafran Gittleman said {{claim}}`{written} <gravity>`.\n")


def test_quote_marks_outside_the_marker(project: Project) -> None:
    clean(project, "Mr. Netanyahu appointed General Zamir, praising his “{claim}`aggressive approach <aggressive-approach>`”.\n")


@pytest.mark.parametrize(
    "written",
    [
        "“this norm has been broken”",  # case
        "“This norm has broken”",  # a word left out without an elision
        "“This norm has been broken … lead soldiers into a war”",  # an elided piece that is not verbatim
        "“The norm was broken”",
        "“”",
    ],
)
def test_quote_rejects(project: Project, written: str) -> None:
    text = f"Mr. Plesner elaborated, {{claim}}`{written} <plesner-norm>` and more.\n"
    f = only(project, text, "quote", "{claim}")
    assert "plesner-norm" in f.message


def test_quote_names_the_nearest_text_of_the_article(project: Project) -> None:
    text = "Mr. Plesner elaborated, {claim}`“The established practice was for big decisions” <plesner-norm>`.\n"
    f = only(project, text, "quote", "{claim}")
    assert "nearest text in the source is" in f.message
    assert "The established practice was for" in f.message


def test_quote_of_another_claim_suggests_it(project: Project) -> None:
    text = "Plesner said {claim}`“This norm has been broken” <plesner-era>`.\n"
    f = only(project, text, "quote", "{claim}")
    assert f.message.endswith("did you mean plesner-norm?")


@pytest.mark.parametrize(
    ("prose", "needle", "rule", "words"),
    [
        ("He wrote “the norm is gone” then.", "“the", "quote", "not a quotation of the article"),
        ("It said “Israel’s military push into Gaza City” then.", "“Israel", "quote", "narration"),
        ('Katz vowed to unleash "hell" on Hamas.', '"hell"', "unbacked", "no quote claim"),
    ],
)
def test_quotations_in_prose(project: Project, prose: str, needle: str, rule: str, words: str) -> None:
    f = only(project, prose + "\n", rule, needle)
    assert words in f.message


@pytest.mark.parametrize("text", ["He said “unterminated\n", 'a " b\n', "“\n", "”odd“\n", '"'])
def test_unterminated_quotation_does_not_crash(project: Project, text: str) -> None:
    check(project, text)


def test_quotation_partly_outside_its_marker(project: Project) -> None:
    text = "Plesner said “{claim}`This norm has been broken <plesner-norm>`, and the rest”.\n"
    only(project, text, "unbacked", "“")


# ---------------------------------------------------------------- speaker


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Plesner elaborated, {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "{claim}`“This norm has been broken,” <plesner-norm>` said {person}`Yohanan Plesner <plesner>`.\n",
        "Plesner spoke at length. He said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "Mr. Plesner elaborated:\n\n> {claim}`“This norm has been broken.” <plesner-norm>`\n",
        "| who | words |\n|---|---|\n| Plesner | {claim}`“This norm has been broken.” <plesner-norm>` |\n",
        "Mr. Netanyahu appointed General Zamir, praising his {claim}`“aggressive approach” <aggressive-approach>`.\n",
        "{claim}`plesner-norm` said Plesner.\n",
    ],
)
def test_speaker_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "Barnea spoke at length. He said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "Plesner spoke at length.\n\nHe said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "{claim}`plesner-norm`\n",
    ],
)
def test_speaker_missing(project: Project, text: str) -> None:
    f = only(project, text, "speaker", "{claim}")
    assert 'the article\'s speaker is "Yohanan Plesner"' in f.message


@pytest.mark.parametrize(
    "text",
    [
        "David Barnea said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "{claim}`“This norm has been broken,” <plesner-norm>` said David Barnea.\n",
        "{claim}`“This norm has been broken,” <plesner-norm>` {person}`Barnea <barnea>` noted.\n",
        "According to David Barnea, {claim}`“This norm has been broken” <plesner-norm>`, which Plesner heard.\n",
    ],
)
def test_speaker_given_to_another(project: Project, text: str) -> None:
    f = only(project, text, "speaker", "{claim}")
    assert f.message == (
        'quotation of claim plesner-norm is given to "David Barnea"; the article\'s speaker is "Yohanan Plesner"'
    )


# ---------------------------------------------------------------- office


@pytest.mark.parametrize(
    "text",
    [
        "Eyal Zamir, {claim}`the military chief of staff <zamir-chief-of-staff>`, spoke.\n",
        "{claim}`Chief of staff <zamir-chief-of-staff>` {person}`Eyal Zamir <zamir>` spoke.\n",
        "Plesner is {claim}`a former centrist lawmaker <plesner-lawmaker>`.\n",
        "Plesner is a former {claim}`lawmaker <plesner-lawmaker>`.\n",
        "Plesner is {claim}`president of the Israel Democracy Institute <plesner-president>`.\n",
        "Tzachi Hanegbi, {claim}`Mr. Netanyahu’s national security adviser <hanegbi-nsa>`, spoke.\n",
        "Then {claim}`barnea-mossad`, David Barnea, spoke.\n",
        "The chief of staff must lead soldiers into battle.\n",
    ],
)
def test_office_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Eyal Zamir, {claim}`the military commander <zamir-chief-of-staff>`, spoke.\n", "without any of"),
        ("Eyal Zamir, {claim}`the former chief of staff <zamir-chief-of-staff>`, spoke.\n", "(former)"),
        ("Eyal Zamir, {claim}`ex-chief of staff <zamir-chief-of-staff>`, spoke.\n", "(former)"),
        ("Plesner is {claim}`a centrist lawmaker <plesner-lawmaker>`.\n", "(current)"),
        ("Plesner is {claim}`president of the Mossad <plesner-president>`.\n", 'naming "Mossad"'),
        ("David Barnea, {claim}`the chief of staff <zamir-chief-of-staff>`, spoke.\n", 'given to "David Barnea"'),
        ("{claim}`The chief of staff <zamir-chief-of-staff>` spoke.\n", "not given to anyone"),
    ],
)
def test_office_marked_rejected(project: Project, text: str, words: str) -> None:
    f = only(project, text, "office", "{claim}")
    assert words in f.message


def test_office_in_prose_given_to_another_person(project: Project) -> None:
    text = "David Barnea, the chief of staff, spoke.\n"
    f = only(project, text, "office", "chief of staff")
    assert f.message == (
        '"David Barnea" is not "chief of staff" per the role claims; role zamir-chief-of-staff gives it to "Eyal Zamir"'
    )


def test_office_in_prose_former_stays_former(project: Project) -> None:
    # "former defense minister" is an office word of Gallant's role, and says "former" itself
    f = only(project, "Israel Katz, a former defense minister, spoke.\n", "office", "former defense minister")
    assert "as former" in f.message and "role katz-defense says current" in f.message


# ---------------------------------------------------------------- office: false alarms that must stay fixed


@pytest.mark.parametrize(
    "text",
    [
        # "General" is an office word (zamir-rank) but here part of the registered name "General Zamir"
        "Mr. Netanyahu, praising General Zamir when he appointed him, spoke.\n",
        "Mr. Netanyahu, Lt. Gen. Eyal Zamir and Mr. Barnea met.\n",
        "Mr. Netanyahu appointed General Zamir, praising his {claim}`“aggressive approach” <aggressive-approach>`.\n",
    ],
)
def test_office_inside_a_registered_name_is_nobody_elses(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        ("Mr. Netanyahu, the General, spoke.\n", "General", '"Benjamin Netanyahu" is not "General"'),
        ("General Barnea spoke.\n", "General", '"David Barnea" is not "General"'),
    ],
)
def test_office_outside_a_name_is_still_attached(project: Project, text: str, needle: str, words: str) -> None:
    f = only(project, text, "office", needle)
    assert words in f.message and "role zamir-rank gives it to \"Eyal Zamir\"" in f.message


def test_an_office_word_that_says_former_is_former(project: Project) -> None:
    # "predecessor" says "former" itself: Gallant's role is former, so the office is right but unmarked
    text = "Katz was appointed after his predecessor, Yoav Gallant, was dismissed.\n"
    f = only(project, text, "unbacked", "predecessor")
    assert f.message == (
        'office "predecessor" of "Yoav Gallant" is not marked; mark it with {claim}`predecessor <gallant-predecessor>`'
    )
    only(project, "Yoav Gallant, a former defense minister, was dismissed.\n", "unbacked", "former defense minister")
    clean(project, "Katz was appointed after {claim}`his predecessor <gallant-predecessor>`, Yoav Gallant, was dismissed.\n")


def test_an_office_word_that_says_former_given_to_the_wrong_person(project: Project) -> None:
    f = only(project, "Israel Katz, his predecessor, spoke.\n", "office", "predecessor")
    assert '"Israel Katz" is not "predecessor"' in f.message and "gallant-predecessor" in f.message


def test_a_semicolon_ends_the_clause_an_office_belongs_to(project: Project) -> None:
    # David Barnea is nearer to the first office than Eyal Zamir, but across a semicolon
    clean(
        project,
        "{person}`Eyal Zamir <zamir>` is {claim}`the military chief of staff <zamir-chief-of-staff>`; "
        "David Barnea is {claim}`the chief of Israel’s Mossad spy agency <barnea-mossad>`.\n",
    )
    clean(project, "Zamir is {claim}`the military chief of staff <zamir-chief-of-staff>`; Barnea is not.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Eyal Zamir spoke; David Barnea is {claim}`the military chief of staff <zamir-chief-of-staff>`.\n",
        # no one in the office's clause: its sentence names the holder, and it is the wrong one
        "David Barnea spoke; {claim}`the military chief of staff <zamir-chief-of-staff>` was silent.\n",
    ],
)
def test_a_semicolon_does_not_hide_the_wrong_holder(project: Project, text: str) -> None:
    f = only(project, text, "office", "{claim}")
    assert 'given to "David Barnea"' in f.message


def test_a_semicolon_is_not_a_sentence_end(project: Project) -> None:
    # the sentence still runs past the semicolon: a figure's source there still counts
    clean(project, "Gaza health officials report; {claim}`about 65,000 <gaza-deaths>` were killed.\n")
    text = "Eyal Zamir, the military chief of staff; David Barnea, the chief of Israel’s Mossad spy agency.\n"
    found = check(project, text)
    assert [(f.rule, f.claim) for f in found] == [("unbacked", "zamir-chief-of-staff"), ("unbacked", "barnea-mossad")]


# ---------------------------------------------------------------- statement


@pytest.mark.parametrize(
    "text",
    [
        "{claim}`Mr. Netanyahu faces minimal opposition from his coalition partners <minimal-opposition>`.\n",
        "The article says {claim}`Mr. Katz is widely seen as a staunch Netanyahu loyalist <katz-loyalist>`.\n",
        # a short marker: its sentence names the rest (a name, an alias, a possessive or a {person} marker)
        "{person}`Israel Katz <katz>` is, the article says, {claim}`a staunch Netanyahu loyalist <katz-loyalist>`.\n",
        "Mr. Katz is {claim}`a staunch loyalist <katz-loyalist>` of Mr. Netanyahu’s, the article says.\n",
        "The sweeping deal Mr. Netanyahu demands is {claim}`far more challenging to achieve <sweeping-deal>`.\n",
        # the bare form shows the claim's own words; they, or the sentence, name what it is about
        "{claim}`minimal-opposition`\n",
        "On the deal Mr. Netanyahu demands, the article says: {claim}`sweeping-deal`\n",
    ],
)
def test_statement_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "missing", "where"),
    [
        ("{claim}`He faces minimal opposition from his coalition partners <minimal-opposition>`.\n",
         '"Benjamin Netanyahu"', "its sentence"),
        ("{claim}`Mr. Netanyahu faces minimal opposition <minimal-opposition>`.\n", '"coalition partners"', "its sentence"),
        # a long marker must name them itself, whatever its sentence says
        ("Mr. Netanyahu, the article says, {claim}`faces minimal opposition from his coalition partners or from "
         "within his own party <minimal-opposition>`.\n", '"Benjamin Netanyahu"', "the marker"),
        ("{claim}`a staunch loyalist <katz-loyalist>`, the article says.\n",
         '"Israel Katz" and "Benjamin Netanyahu"', "its sentence"),
        # another person does not stand for the one the statement is about
        ("Mr. Barnea is {claim}`a staunch Netanyahu loyalist <katz-loyalist>`.\n", '"Israel Katz"', "its sentence"),
        # a name in the sentence before does not count
        ("Mr. Katz spoke. {claim}`A staunch Netanyahu loyalist <katz-loyalist>`, he is.\n", '"Israel Katz"', "its sentence"),
        ("{claim}`sweeping-deal`\n", '"Benjamin Netanyahu"', "its sentence"),
    ],
)
def test_statement_rejected(project: Project, text: str, missing: str, where: str) -> None:
    f = only(project, text, "statement", "{claim}")
    assert f"does not name {missing} in {where}:" in f.message
    assert f.claim is not None and f.claim in f.message


def test_statement_message_says_what_is_missing_and_what_it_is_about(project: Project) -> None:
    text = "Intro.\n\n{claim}`He faces minimal opposition from his coalition partners <minimal-opposition>`.\n"
    f = only(project, text, "statement", "{claim}")
    assert f.message == (
        'statement of claim minimal-opposition does not name "Benjamin Netanyahu" in its sentence: the article says '
        'it about "Benjamin Netanyahu" and "coalition partners"; name them in the marker or its sentence '
        "(a name, an alias or {person})"
    )
    assert f.format().startswith("docs/p.md:3:1: error: statement of claim minimal-opposition")
    assert "statement" in RULES


def test_statement_bare_form_is_a_use_with_the_claims_own_words(project: Project) -> None:
    result = check_page(project, "docs/s.md", "{claim}`minimal-opposition`\n")
    summary = project.claims["minimal-opposition"].summary
    assert Use("minimal-opposition", "docs/s.md", 1, 1, summary, "claim") in result.uses


def test_statement_marker_keeps_its_quotations_verbatim(project: Project) -> None:
    text = "{claim}`Mr. Katz is widely seen as “a staunch Netanyahu ally” <katz-loyalist>`.\n"
    only(project, text, "quote", "{claim}")


# ---------------------------------------------------------------- attribution


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


# ---------------------------------------------------------------- position


@pytest.mark.parametrize(
    "written",
    [
        "General Zamir and David Barnea opposed the timing of the strike in Qatar",
        "Barnea and Zamir objected to the timing",
        "Eyal Zamir and Mr. Barnea had reservations about the timing",
        "Zamir and Barnea were at odds with the timing",
    ],
)
def test_position_accepted(project: Project, written: str) -> None:
    clean(project, f"{{claim}}`{written} <qatar-timing-opposed>`.\n")


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("General Zamir and David Barnea supported the timing", 'page says "supported", claim qatar-timing-opposed says "opposed"'),
        ("General Zamir and David Barnea questioned the timing", 'no word for "opposed"'),
        ("General Zamir opposed the timing", 'page names "Eyal Zamir"'),
        ("They opposed the timing", "page names nobody"),
        ("Zamir, Barnea and Hanegbi opposed the timing", '"Tzachi Hanegbi"'),
    ],
)
def test_position_rejected(project: Project, written: str, words: str) -> None:
    f = only(project, f"{{claim}}`{written} <qatar-timing-opposed>`.\n", "position", "{claim}")
    assert words in f.message


@pytest.mark.parametrize(
    ("ident", "written"),
    [
        ("allies-condemnation", "drawn condemnation and sanctions from some of Israel’s long-standing allies"),
        ("allies-condemnation", "long-standing allies condemned"),
        ("allies-condemnation", "long-standing allies sanctioned"),
        ("zamir-hostages-affirmed", "General Zamir underscored"),
        ("zamir-hostages-affirmed", "General Zamir affirmed"),
    ],
)
def test_position_words_the_article_uses(project: Project, ident: str, written: str) -> None:
    clean(project, f"His actions have {{claim}}`{written} <{ident}>` it.\n")


@pytest.mark.parametrize(
    ("ident", "written", "said"),
    [
        ("allies-condemnation", "long-standing allies supported", "supported"),
        ("allies-condemnation", "long-standing allies praised", "praised"),
        ("zamir-hostages-affirmed", "General Zamir denied", "denied"),
        ("zamir-hostages-affirmed", "General Zamir condemned", "condemned"),
    ],
)
def test_position_words_of_another_family(project: Project, ident: str, written: str, said: str) -> None:
    f = only(project, f"{{claim}}`{written} <{ident}>` it.\n", "position", "{claim}")
    assert f'page says "{said}"' in f.message


@pytest.mark.parametrize(
    ("ident", "written", "said"),
    [
        # a word of its own position does not excuse a word of the other side beside it
        ("allies-condemnation", "drawn supported and sanctions from some of Israel’s long-standing allies", "supported"),
        ("qatar-timing-opposed", "General Zamir and David Barnea opposed, then backed, the timing", "backed"),
        ("allies-condemnation", "long-standing allies condemned and praised", "praised"),
    ],
)
def test_position_word_of_the_other_side(project: Project, ident: str, written: str, said: str) -> None:
    f = only(project, f"{{claim}}`{written} <{ident}>` it.\n", "position", "{claim}")
    assert f'page says "{said}"' in f.message


@pytest.mark.parametrize(
    ("ident", "written"),
    [
        # words of positions that take no side (decided, argued ...) or of the same side are fine
        ("qatar-timing-opposed", "General Zamir and David Barnea opposed the decision on the timing"),
        ("qatar-timing-opposed", "General Zamir and David Barnea argued against the timing"),
        ("qatar-timing-opposed", "General Zamir and David Barnea had reservations and were concerned"),
        ("zamir-hostages-affirmed", "General Zamir underscored, against all doubts"),
    ],
)
def test_position_words_of_no_side_or_the_same_side(project: Project, ident: str, written: str) -> None:
    clean(project, f"{{claim}}`{written} <{ident}>` it.\n")


def test_position_words_table_covers_every_position() -> None:
    from claimdocs.model import Position

    assert set(POSITION_WORDS) == {p.value for p in Position}


# ---------------------------------------------------------------- references


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        ("Some {claim}`approximately 65,000` died.\n", "syntax", "<gaza-deaths>"),
        ("Some {claim}`x <>` died.\n", "syntax", "empty claim id"),
        ("Some {claim}`<gaza-deaths>` died.\n", "syntax", "own words"),
        ("Some {claim}`gaza-death` died.\n", "unknown-id", "did you mean gaza-deaths?"),
        ("Some {claim}`about 65,000 <gaza-deahts>` died.\n", "unknown-id", "did you mean gaza-deaths?"),
        ("Some {person}`zamri` spoke.\n", "unknown-id", "did you mean zamir?"),
        ("Some {person}`Eyal Zamir` spoke.\n", "syntax", "{person}`Eyal Zamir <zamir>`"),
        ("Some {person}`Zamir Eyal <zamir>` spoke.\n", "name", '"Eyal Zamir"'),
        ("```{claim-quote} plesner-eraa\n```\n", "unknown-id", "did you mean plesner-era?"),
    ],
)
def test_references(project: Project, text: str, rule: str, words: str) -> None:
    (f,) = check(project, text)
    assert f.rule == rule
    assert words in f.message
    assert (f.line, f.col) == loc(text, "{")


def test_malformed_role(project: Project) -> None:
    text = "Some {claim} `x <y>` died.\n"
    f = only(project, text, "syntax", "{claim}")
    assert "malformed" in f.message


@pytest.mark.parametrize("written", ["Eyal Zamir", "General Zamir", "zamir", "Lt. Gen. Eyal Zamir", "Zamir’s", "ZAMIR"])
def test_person_names_and_aliases(project: Project, written: str) -> None:
    clean(project, f"Then {{person}}`{written} <zamir>` spoke.\n")


def test_claim_quote_directive_is_a_use(project: Project) -> None:
    result = check_page(project, "docs/q.md", "```{claim-quote} plesner-era\n```\n")
    assert result.findings == []
    assert {u.claim for u in result.uses} == {"plesner-era", "plesner-president"}


def test_unused_claims_are_located_in_the_yaml(project: Project) -> None:
    used = set(project.claims) - {"fled", "gravity"}
    found = check_unused(project, used)
    assert [f.claim for f in found] == ["fled", "gravity"]
    for f in found:
        assert f.rule == "unused"
        where = project.where[f.claim]
        assert (f.path, f.line, f.col) == (where.path, where.line, where.col)
        assert f.path == "claims/claims.yaml"


# ---------------------------------------------------------------- positions in the page


def test_reflowed_paragraph_reports_the_marker_start(project: Project) -> None:
    text = "Intro line.\n\nHealth officials in the enclave report {claim}`about\n66,000 <gaza-deaths>` killed.\n"
    only(project, text, "value", "{claim}")


def test_column_after_an_entity_is_exact(project: Project) -> None:
    text = "Tom &amp; Jerry &amp; friends saw 65,000 people.\n"
    only(project, text, "unbacked", "65,000")


def test_column_in_a_table_cell(project: Project) -> None:
    text = "| a | b |\n|---|---|\n| ok | it was 65,000 |\n"
    only(project, text, "unbacked", "65,000")


# ---------------------------------------------------------------- the site


def test_check_pages_walks_the_docs(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n\nHealth officials in the enclave report {claim}`about 65,000 <gaza-deaths>` dead.\n",
        "sub/b.md": "Some 65,000 died.\n",
        "sub/c.md": "Part {nofact}`1`.\n",
        "_build/x.md": "Some 65,000 died.\n",
        ".hidden/x.md": "Some 65,000 died.\n",
        "drafts/d.md": "Some 65,000 died.\n",
        "skip-me.md": "Some 65,000 died.\n",
        "notes.txt": "Some 65,000 died.\n",
    }
    root = build_project(tmp_path, pages, exclude=["drafts", "skip-*.md"])
    (root / "docs" / "sub" / "bom.md").write_bytes(b"\xef\xbb\xbfHello\n")
    (root / "docs" / "sub" / "crlf.md").write_bytes(b"Hello\r\nthere\n")
    (root / "docs" / "sub" / "latin1.md").write_bytes(b"ok\ncaf\xe9\n")
    os.symlink(root / "docs" / "missing.md", root / "docs" / "sub" / "dangling.md")
    proj = load(root)
    result = check_pages(proj)
    assert isinstance(result, PagesResult)
    page_findings = [(f.path, f.line, f.col, f.rule) for f in result.findings if f.rule != "unused"]
    assert page_findings == [
        ("docs/sub/b.md", 1, 1, "unbacked"),
        ("docs/sub/bom.md", 1, 1, "page"),
        ("docs/sub/crlf.md", 1, 1, "page"),
        ("docs/sub/dangling.md", 1, 1, "page"),
        ("docs/sub/latin1.md", 2, 4, "page"),
    ]
    unused = {f.claim for f in result.findings if f.rule == "unused"}
    assert unused == set(proj.claims) - {"gaza-deaths"}
    assert result.summary == {"pages": 7, "uses": 1, "nofact": 1}
    assert result.findings == sorted(result.findings)


def test_check_pages_without_docs_folder(tmp_path: Path) -> None:
    proj = load(build_project(tmp_path))
    result = check_pages(proj)
    assert [f.rule for f in result.findings if f.rule != "unused"] == ["config"]
    assert result.summary["pages"] == 0


def test_every_rule_name_is_known(project: Project) -> None:
    text = (FIXTURES / "good_page.txt").read_text(encoding="utf-8").replace("about 65,000", "65,000")
    text += "\nSome 12 people. {claim}`nope` {person}`x <nope>` “odd words”\n"
    for f in check(project, text):
        assert f.rule in RULES


# ---------------------------------------------------------------- robustness and speed

_ATOMS = st.sampled_from(
    ["{claim}`", "{person}`", "{nofact}`", "`", "``", "<", ">", "<gaza-deaths>", "<plesner-norm>", "<zamir>",
     "<qatar-timing-opposed>", "<zamir-chief-of-staff>", "<icc-accusation>", "{", "}", '"', "“", "”", "\n", "\n\n",
     ":::", "```", "{admonition}", "| a | b |\n|---|---|\n", "- ", "# ", "> ", "65,000", "about", "Plesner said",
     "Zamir", "chief of staff", "former", "\\", "&amp;", "*", "[", "](", ")", "...", "…", " ", "'", "’",
     "this week", "October 7, 2023", "opposed", ",", ".", "\x00", "\r", "\t", "    "]
)
_PAGES = st.lists(st.one_of(_ATOMS, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=_PAGES)
def test_check_page_never_raises(project: Project, text: str) -> None:
    result = check_page(project, "docs/f.md", text)
    lines = text.count("\n") + 1
    for f in result.findings:
        assert 1 <= f.line <= lines and f.col >= 1
        assert f.rule in RULES
        assert len(f.format().splitlines()) == 1


def test_office_in_prose_former_role_without_former(project: Project) -> None:
    f = only(project, "Mr. Plesner, a centrist lawmaker, spoke.\n", "office", "centrist lawmaker")
    assert "plesner-lawmaker says former" in f.message
    only(project, "Mr. Plesner, a former centrist lawmaker, spoke.\n", "unbacked", "centrist lawmaker")


def test_a_sentence_in_lower_case_continues_a_quotation(project: Project) -> None:
    clean(project, "{claim}`“This norm has been broken.” <plesner-norm>` said Plesner.\n")


def test_tables_follow_a_changed_project(tmp_path: Path) -> None:
    proj = load(build_project(tmp_path))
    text = "Health officials in the enclave report {claim}`about 65,000 <gaza-deaths>` killed.\n"
    assert check(proj, text) == []
    claim = proj.claims["gaza-deaths"]
    proj.claims["gaza-deaths"] = claim.model_copy(update={"value": 66000.0, "text": "approximately 66,000"})
    assert [f.rule for f in check(proj, text)] == ["value"]


@pytest.mark.parametrize(
    "text",
    ["The established practice was for big decisions", "We are witnessing a unique era", "the norm is gone",
     "It is hard to overstate the gravity", "approximately 66,000 Palestinians", "national and moral duty",
     "a battle he may not endorse", "hell on Hamas"],
)
def test_nearest_hint_is_the_article_nearest(project: Project, text: str) -> None:
    from claimdocs.rules.tables import tables_of

    assert project.article is not None
    assert tables_of(project).nearest_text(project.article.text, text) == project.article.nearest(text)


@pytest.mark.parametrize(
    "unit",
    ["Zamir said, the chief of staff ", "“a” 65,000 ", "Barnea said {claim}`“This norm has been broken” <plesner-norm>` ",
     "{claim}`he was accused <icc-accusation>` ", "a\n", "[a](http://x) 12 ", "&amp; 12 ", "“w x y"],
)
def test_long_hostile_pages_stay_linear(project: Project, unit: str) -> None:
    start = time.perf_counter()
    check_page(project, "docs/p.md", unit * 2000)
    small = time.perf_counter() - start
    start = time.perf_counter()
    check_page(project, "docs/p.md", unit * 8000)
    large = time.perf_counter() - start
    assert large < 10 * small + 1.0, (small, large)  # four times the text: quadratic work would take sixteen times


def test_checking_in_parallel_gives_the_same_result(real_project: Project) -> None:
    one, two = check_pages(real_project, jobs=1), check_pages(real_project, jobs=2)
    assert one.findings == two.findings
    assert one.uses == two.uses
    assert one.summary == two.summary
    assert one.summary["uses"] > 200


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_check_alongside_the_pages_adds_its_findings(real_project: Project, jobs: int) -> None:
    extra = Finding("claims/x.yaml", 3, 1, "evidence", "from the article's checks")
    seen: list[int] = []

    def article_checks(project: Project) -> list[Finding]:  # a closure: run in a worker, never pickled
        seen.append(len(project.claims))
        return [extra]

    result = check_pages(real_project, jobs=jobs, alongside=article_checks)
    assert extra in result.findings
    assert result.findings == sorted(result.findings)
    if jobs == 1:
        assert seen == [len(real_project.claims)]  # in this process, once


@pytest.mark.parametrize("enabled", [True, False])
def test_a_page_is_checked_without_the_cycle_collector_and_its_state_is_restored(
        real_project: Project, monkeypatch: pytest.MonkeyPatch, enabled: bool) -> None:
    import gc

    import claimdocs.rules.engine as page_rules

    seen: list[bool] = []
    real_parse = page_rules.parse_page

    def spy(text: str, path: str):
        seen.append(gc.isenabled())
        return real_parse(text, path)

    monkeypatch.setattr(page_rules, "parse_page", spy)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        result = page_rules.check_page(real_project, "docs/x.md", "The war began in 2023.\n")
        assert result.findings  # an unmarked date: the page was really checked
        assert seen == [False]
        assert gc.isenabled() is enabled

        def boom(text: str, path: str):
            raise RuntimeError("parse failed")

        monkeypatch.setattr(page_rules, "parse_page", boom)
        with pytest.raises(RuntimeError):
            page_rules.check_page(real_project, "docs/x.md", "x\n")
        assert gc.isenabled() is enabled  # restored on the way out of an error too
    finally:
        gc.enable() if was else gc.disable()
