"""The claims model: what a claims file may say, as pydantic models.

The claims file states *what the article says*, not what is true in the world.
Every claim carries verbatim evidence from the article; the kinds below follow
DESIGN.md (quantity, quote, role, stance, event, assertion; statement and term, the
article's own voice) and entities live in
one registry with the aliases that pages may use.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from enum import StrEnum
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from claimdocs.files import MAX_ARTICLE_BYTES
from claimdocs.quantities import Hedge

#: A stable, readable id: lowercase words joined by hyphens (``people-evacuated``).
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=80),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
#: The largest figure a claim may hold (a quadrillion): finite and far above any count in the news.
MAX_VALUE = 1e15


class _Strict(BaseModel):
    # allow_inf_nan: nan and inf are schema errors, so claims.json stays strict JSON
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)


class Evidence(_Strict):
    """A verbatim span of the article, after the W3C TextQuote/TextPosition selectors.

    ``start``/``end`` are character offsets (Python string indices, end exclusive)
    into the article decoded as UTF-8. ``prefix``/``suffix`` are optional context
    that makes ``exact`` unique when it occurs more than once.
    """

    exact: Text
    prefix: str = ""
    suffix: str = ""
    start: int = Field(ge=0, le=MAX_ARTICLE_BYTES)
    end: int = Field(gt=0, le=MAX_ARTICLE_BYTES)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end <= self.start:
            raise ValueError("end must be greater than start")
        return self


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    PLACE = "place"


class Entity(_Strict):
    """A person, organisation, group or place, with the names pages may use."""

    id: Id
    kind: EntityKind
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    #: Pronouns that may stand for a person right after a sentence naming them.
    pronouns: list[str] = Field(default_factory=list)
    #: Where the article names the entity (optional for the registry).
    evidence: Evidence | None = None
    #: Proposed by ``claimdocs init`` and not yet reviewed (``claims.draft``); remove it once reviewed.
    draft: bool = False

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Waiver(_Strict):
    """A finding waived, with the reason: ``waive: [{rule: speaker, reason: "..."}]`` on a claim.

    Like ``# noqa: rule``, so an editor is never stuck on a false alarm and nothing is
    silenced unseen: every report counts and lists what is waived, with the reason (see
    :mod:`claimdocs.rules.waiver`). The fields are lenient on purpose: a waiver without a
    rule or a reason, or naming a rule that does not exist or cannot be waived, is a
    ``claims.waiver`` finding saying what to write, not a schema error that would drop the
    claim it is written on.
    """

    #: The rule waived: its id ("speaker") or its name ("claims.speaker").
    rule: Annotated[str, StringConstraints(max_length=80)] = ""
    #: Why the finding is wrong here, for the next editor and the site's readers.
    reason: Annotated[str, StringConstraints(max_length=2000)] = ""


class ArticleWaiver(Waiver):
    """A finding in the article waived by the exact text it is about: a figure, a date or a
    quotation of the article no claim covers (``claims.coverage``), in a claims file's
    ``waivers:`` section. The text is found exactly once in the article (``prefix`` and
    ``suffix`` make it unique, as for evidence)."""

    text: Annotated[str, StringConstraints(max_length=4000)] = ""
    prefix: str = ""
    suffix: str = ""


class _ClaimBase(_Strict):
    """What every claim kind has, and what each kind must say about itself.

    Knowledge of a kind lives on its class: the entities it refers to, the words a
    page shows for it, its headline. The methods are abstract, so a new kind that
    leaves one out cannot be instantiated (and the type checker says so).
    """

    id: Id
    evidence: Evidence
    #: Where the claim belongs in the restatement: ids of the project's topics (its vocabulary).
    topics: list[Id] = Field(default_factory=list)
    #: One neutral sentence restating the claim (what the claims index shows).
    summary: Text
    #: Proposed by ``claimdocs init`` and not yet reviewed (``claims.draft``); remove it once reviewed.
    draft: bool = False
    #: Findings of this claim waived, each with its rule and reason (:class:`Waiver`).
    waive: list[Waiver] = Field(default_factory=list, max_length=50)

    #: The heading of this kind's section in the claims index and on hover cards.
    title: ClassVar[str]

    @property
    def written(self) -> str | None:
        """The claim's text as the article writes it, for kinds that quote one (else None)."""
        return None

    @abstractmethod
    def refs(self) -> list[tuple[str, str]]:
        """Every entity the claim refers to, as (field name, entity id), in field order."""

    def own_words(self) -> str:
        """What a bare ``{claim}`id``` shows: the claim in its own words."""
        return self.summary

    def headline(self) -> str:
        """One line saying what the claim is (the claims index, the hover card)."""
        return self.summary


class Quantity(_ClaimBase):
    """A figure: value and hedge as written, what is counted, according to whom."""

    kind: Literal["quantity"]
    #: The figure as the article writes it, hedge included ("approximately 65,000").
    text: Text
    value: float | None = Field(None, ge=-MAX_VALUE, le=MAX_VALUE)
    hedge: Hedge
    #: The unit as the grammar names it ("percent", "currency:USD", "time:year", "ordinal");
    #: omitted, the unit the grammar reads in ``text`` (none for a plain count).
    unit: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    #: A range's two ends ("between 10 and 15"), with hedge ``range`` and no ``value``.
    low: float | None = None
    high: float | None = None
    counts: Text
    according_to: Id | None = None
    as_of: str | None = None
    caveat: str | None = None

    title: ClassVar[str] = "Figures"

    @model_validator(mode="after")
    def _range(self) -> Quantity:
        if self.hedge is Hedge.RANGE:
            if self.low is None or self.high is None or self.value is not None:
                raise ValueError("a range gives low and high, and no value")
            if not self.low < self.high:
                raise ValueError("a range's low end is below its high end")
        elif self.low is not None or self.high is not None:
            raise ValueError("low and high are for a range (hedge: range)")
        return self

    @property
    def written(self) -> str:
        return self.text

    def refs(self) -> list[tuple[str, str]]:
        return [("according_to", self.according_to)] if self.according_to else []

    def own_words(self) -> str:
        return self.text

    def headline(self) -> str:
        return f"{self.text} \u2014 {self.counts}"


class Quote(_ClaimBase):
    """A quotation: verbatim text, its speaker, full sentence or partial phrase.

    News writing gives a quotation its speaker in three ways, and the checks read each
    (:mod:`claimdocs.rules.speaker`): in the quotation's sentence (“…,” said Levi); by
    following on from a quotation so attributed (“…,” said Levi. “…”: the second is Levi's
    too, and so is a paragraph that opens a quotation right after one of Levi's); and
    around a quotation split by its attribution (“The first half,” Levi said, “and the
    rest.”). One claim may quote both halves of a split quotation: its text joins them
    with an elision ("The first half, … and the rest.") and its evidence spans both; the
    elision may stand for the attribution between two quotations only, never for words
    left out of one (``claims.quote``).
    """

    kind: Literal["quote"]
    speaker: Id
    text: Text
    form: Literal["full", "partial"]

    title: ClassVar[str] = "Quotations"

    @property
    def written(self) -> str:
        return self.text

    def refs(self) -> list[tuple[str, str]]:
        return [("speaker", self.speaker)]

    def own_words(self) -> str:
        return f"\u201c{self.text}\u201d"

    def headline(self) -> str:
        return self.own_words()


class Term(_ClaimBase):
    """Words the article itself puts in quotation marks, in its own voice: no one is quoted.

    Scare quotes (the plan's “savings”), a coined term (a “bridge to nowhere”), a title or
    a headline set in quotation marks. Coverage asks a claim for every quotation of the
    article; a quote claim must name who said the words, and here the article gives them
    to no one, so a term claim covers them truthfully: the words, why the article quotes
    them (``usage``) and what it uses them for (``means``), and no speaker.

    A kind of its own, not a quote with ``speaker: null``: a quote always has a speaker
    and a term never has one, so each class holds exactly what is true of it (the schema
    requires the one and has no field for the other), the type checker sees every place
    that reads a speaker, and no view, card or export shows an empty one. What a
    quotation gets that does not depend on a speaker, a term gets alike: its text is
    verbatim in its evidence, inside the article's quotation marks, and a page quotes it
    verbatim (``claims.quote``); it covers the article's quotation (``claims.coverage``).
    A page marks it as any claim (``{claim}`“savings” <id>```), names no speaker for it,
    and may not give it one: "Levi called it “savings”" where the article does not is a
    ``claims.speaker`` finding, and so is a term claim on words the article does give to
    someone.
    """

    kind: Literal["term"]
    #: The words inside the article's quotation marks, verbatim.
    text: Text
    #: Why the article sets them in quotation marks: scare quotes (distance from a word), a
    #: coined term (a name the article introduces or reports as current), a title or headline.
    usage: Literal["scare-quotes", "coined", "title"]
    #: What the article uses the words for ("the council's name for the bypass").
    means: Text

    title: ClassVar[str] = "Terms in quotation marks"
    #: How each usage is named to a reader.
    USAGES: ClassVar[dict[str, str]] = {"scare-quotes": "scare quotes", "coined": "a coined term", "title": "a title"}

    @property
    def written(self) -> str:
        return self.text

    def refs(self) -> list[tuple[str, str]]:
        return []

    def own_words(self) -> str:
        return f"\u201c{self.text}\u201d"

    def headline(self) -> str:
        return f"{self.own_words()} \u2014 {self.means}"

    def usage_label(self) -> str:
        """The usage as a reader reads it ("scare quotes")."""
        return self.USAGES[self.usage]


class Role(_ClaimBase):
    """An office or affiliation the article gives a person."""

    kind: Literal["role"]
    person: Id
    #: The office as written ("the mayor of Riverton").
    text: Text
    #: Words that name this office on a page; at least one must appear ("president").
    office: list[Text] = Field(min_length=1)
    organisation: Id | None = None
    status: Literal["current", "former"] = "current"

    title: ClassVar[str] = "Offices and affiliations"

    @property
    def written(self) -> str:
        return self.text

    def refs(self) -> list[tuple[str, str]]:
        return [("person", self.person)] + ([("organisation", self.organisation)] if self.organisation else [])

    def own_words(self) -> str:
        return self.text


class Stance(_ClaimBase):
    """Who (a set of actors) took which position on what, and why."""

    kind: Literal["stance"]
    actors: list[Id] = Field(min_length=1)
    #: The position, one of the lexicon's (:attr:`claimdocs.lexicon.Lexicon.positions`): "opposed", "warned" ...
    position: Id
    on: Text
    why: str | None = None
    according_to: Id | None = None

    title: ClassVar[str] = "Positions"

    def refs(self) -> list[tuple[str, str]]:
        refs = [("actors", a) for a in self.actors]
        return refs + ([("according_to", self.according_to)] if self.according_to else [])


class Event(_ClaimBase):
    """A date or a relative time, as written, never resolved beyond the text."""

    kind: Literal["event"]
    #: The time expression as written ("October 7, 2023", "this week", "Tuesday").
    text: Text
    when: Literal["absolute", "relative"]
    what: Text

    title: ClassVar[str] = "Dates and times"

    @property
    def written(self) -> str:
        return self.text

    def refs(self) -> list[tuple[str, str]]:
        return []

    def own_words(self) -> str:
        return self.text


class Assertion(_ClaimBase):
    """A statement the article attributes to someone, not a finding of fact."""

    kind: Literal["assertion"]
    asserted_by: list[Id] = Field(min_length=1)
    #: The attributing verb as written ("contend", "accused", "suggest").
    verb: Text
    statement: Text
    contested_by: list[Id] = Field(default_factory=list)
    contest_verb: str | None = None

    title: ClassVar[str] = "Attributed statements"

    def refs(self) -> list[tuple[str, str]]:
        return [("asserted_by", a) for a in self.asserted_by] + [("contested_by", a) for a in self.contested_by]


class Statement(_ClaimBase):
    """Something the article states in its own voice, about named entities.

    Not a finding of this site: the article's account, restated as such. A page
    marking it must name every entity in ``about``.
    """

    kind: Literal["statement"]
    about: list[Id] = Field(min_length=1)
    statement: Text

    title: ClassVar[str] = "The article's own account"

    def refs(self) -> list[tuple[str, str]]:
        return [("about", a) for a in self.about]


AnyClaim = Quantity | Quote | Term | Role | Stance | Event | Assertion | Statement
Claim = Annotated[AnyClaim, Field(discriminator="kind")]
#: Every claim class, in the order the claims index lists them.
CLAIM_TYPES: tuple[type[AnyClaim], ...] = (Quantity, Quote, Term, Role, Stance, Event, Assertion, Statement)
#: Every kind name ("quantity", ...), read off the classes: written once, here.
KINDS: tuple[str, ...] = tuple(get_args(cls.model_fields["kind"].annotation)[0] for cls in CLAIM_TYPES)
assert set(CLAIM_TYPES) == set(get_args(AnyClaim)), "CLAIM_TYPES and the Claim union disagree"


Word = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Vocabulary(_Strict):
    """A project's words, extending the English defaults of :class:`claimdocs.lexicon.Lexicon`.

    Reviewed project data, like the claims: each list adds to the default of the same
    name; a field named in ``replace`` replaces it instead.
    """

    #: Words and names about the site itself ("MyST", "Sphinx", "hover"): free in any sentence.
    framing: list[Word] = Field(default_factory=list)
    #: Page words an editor may write for article words: {"talks": ["negotiations"]}.
    paraphrases: dict[Word, list[Word]] = Field(default_factory=dict)
    #: Function words that state nothing ("thus").
    stopwords: list[Word] = Field(default_factory=list)
    #: Words that state each position of a stance: {"opposed": ["blocked"]}.
    positions: dict[Word, list[Word]] = Field(default_factory=dict)
    #: The side a position takes ("against" or "for").
    sides: dict[Word, Literal["against", "for"]] = Field(default_factory=dict)
    #: Verbs that give a quotation to whoever is named beside them.
    speech_verbs: list[Word] = Field(default_factory=list)
    #: Verbs that give a name or label to whoever is named beside them ("dubbed").
    naming_verbs: list[Word] = Field(default_factory=list)
    #: Verbs that report what someone says or finds.
    reporting_verbs: list[Word] = Field(default_factory=list)
    #: Phrases that hedge a statement as someone's view ("is said to").
    attribution_phrases: list[Word] = Field(default_factory=list)
    #: Forms of the verbs that attribute an assertion: {"warn": ["warn", "warns", "warned"]}.
    verb_forms: dict[Word, list[Word]] = Field(default_factory=dict)
    #: Words that say an office is no longer held ("outgoing"); a word ending in "-" is a prefix.
    former: list[Word] = Field(default_factory=list)
    #: Words ending in a period that never end a sentence ("supt", "gen"), lowercase, no period.
    abbreviations: list[Word] = Field(default_factory=list)
    #: Words ending in a period that end a sentence only before a capital ("inc", "ltd"), lowercase, no period.
    closing_abbreviations: list[Word] = Field(default_factory=list)
    #: Titles that may stand between an office and a name ("Sen", "Rep").
    name_titles: list[Word] = Field(default_factory=list)
    #: Negations, comparatives, quantifiers and order words, by class.
    polarity: dict[Literal["negation", "comparison", "quantity", "order"], list[Word]] = Field(default_factory=dict)
    #: Where claims belong in the restatement: topic id -> its title ("the-evacuation" style ids).
    topics: dict[Id, Text] = Field(default_factory=dict)
    #: The topics the positions view has a column for, in order.
    disputes: list[Id] = Field(default_factory=list)
    #: Fields whose default is replaced rather than extended.
    replace: list[Word] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_fields(self) -> Vocabulary:
        unknown = sorted(set(self.replace) - (set(type(self).model_fields) - {"replace"}))
        if unknown:
            raise ValueError(f"replace names unknown fields: {', '.join(unknown)}")
        return self


class ClaimsFile(_Strict):
    """One YAML file under ``claims/``: entities, claims, a vocabulary, waivers, or any of them."""

    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    vocabulary: Vocabulary | None = None
    #: Findings in the article waived, each by the text it is about (:class:`ArticleWaiver`).
    waivers: list[ArticleWaiver] = Field(default_factory=list)


class SourceMeta(_Strict):
    """The metadata beside the pinned article in ``seeds/``."""

    title: Text
    description: Text
    file: Text
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    encoding: Literal["utf-8"] = "utf-8"


def schema_json() -> str:
    """The JSON Schema of a claims file, as committed to ``claims/schema.json``."""
    schema = ClaimsFile.model_json_schema()
    # the seeds/ metadata file points its editor at this definition
    schema["$defs"]["SourceMeta"] = SourceMeta.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://claimdocs.invalid/claims/schema.json"
    schema["title"] = "claimdocs claims file"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
