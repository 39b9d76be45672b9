"""The claims model: what a claims file may say, as pydantic models.

The claims file states *what the article says*, not what is true in the world.
Every claim carries verbatim evidence from the article; the kinds below follow
DESIGN.md (quantity, quote, role, stance, event, assertion) and entities live in
one registry with the aliases that pages may use.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from claimdocs.quantities import Hedge

#: A stable, readable id: lowercase words joined by hyphens (``gaza-deaths``).
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=80),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]

SCHEMA_URL = "schema.json"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Evidence(_Strict):
    """A verbatim span of the article, after the W3C TextQuote/TextPosition selectors.

    ``start``/``end`` are character offsets (Python string indices, end exclusive)
    into the article decoded as UTF-8. ``prefix``/``suffix`` are optional context
    that makes ``exact`` unique when it occurs more than once.
    """

    exact: Text
    prefix: str = ""
    suffix: str = ""
    start: int = Field(ge=0)
    end: int = Field(gt=0)

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

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Topic(StrEnum):
    """Where a claim belongs in the restatement."""

    OFFENSIVE = "gaza-city-offensive"
    QATAR = "qatar-strike"
    CEASEFIRE = "ceasefire-approach"
    INSTITUTIONS = "institutions"
    HUMANITARIAN = "humanitarian"
    OPINION = "opinion"
    INTERNATIONAL = "international"
    OVERVIEW = "overview"


#: The three disputes the positions matrix is built from.
DISPUTES: tuple[Topic, ...] = (Topic.OFFENSIVE, Topic.QATAR, Topic.CEASEFIRE)


class _ClaimBase(_Strict):
    id: Id
    evidence: Evidence
    topics: list[Topic] = Field(default_factory=list)
    #: One neutral sentence restating the claim (what the claims index shows).
    summary: Text


class Quantity(_ClaimBase):
    """A figure: value and hedge as written, what is counted, according to whom."""

    kind: Literal["quantity"]
    #: The figure as the article writes it, hedge included ("approximately 65,000").
    text: Text
    value: float | None = None
    hedge: Hedge
    counts: Text
    according_to: Id | None = None
    as_of: str | None = None
    caveat: str | None = None


class Quote(_ClaimBase):
    """A quotation: verbatim text, its speaker, full sentence or partial phrase."""

    kind: Literal["quote"]
    speaker: Id
    text: Text
    form: Literal["full", "partial"]


class Role(_ClaimBase):
    """An office or affiliation the article gives a person."""

    kind: Literal["role"]
    person: Id
    #: The office as written ("president of the Israel Democracy Institute").
    text: Text
    #: Words that name this office on a page; at least one must appear ("president").
    office: list[Text] = Field(min_length=1)
    organisation: Id | None = None
    status: Literal["current", "former"] = "current"


class Position(StrEnum):
    OPPOSED = "opposed"
    CONCERNED = "concerned"
    WARNED = "warned"
    FAVORED = "favored"
    ARGUED = "argued"
    DEMANDED = "demanded"
    DECIDED = "decided"
    REJECTED = "rejected"
    ACCEPTED = "accepted"
    DENIED = "denied"
    PRAISED = "praised"
    VOWED = "vowed"
    AFFIRMED = "affirmed"
    REMAINED = "remained"
    SKEPTICAL = "skeptical"
    PREFERRED = "preferred"


class Stance(_ClaimBase):
    """Who (a set of actors) took which position on what, and why."""

    kind: Literal["stance"]
    actors: list[Id] = Field(min_length=1)
    position: Position
    on: Text
    why: str | None = None
    according_to: Id | None = None


class Event(_ClaimBase):
    """A date or a relative time, as written, never resolved beyond the text."""

    kind: Literal["event"]
    #: The time expression as written ("October 7, 2023", "this week", "Tuesday").
    text: Text
    when: Literal["absolute", "relative"]
    what: Text


class Assertion(_ClaimBase):
    """A statement the article attributes to someone, not a finding of fact."""

    kind: Literal["assertion"]
    asserted_by: list[Id] = Field(min_length=1)
    #: The attributing verb as written ("contend", "accused", "suggest").
    verb: Text
    statement: Text
    contested_by: list[Id] = Field(default_factory=list)
    contest_verb: str | None = None


class Statement(_ClaimBase):
    """Something the article states in its own voice, about named entities.

    Not a finding of this site: the article's account, restated as such. A page
    marking it must name every entity in ``about``.
    """

    kind: Literal["statement"]
    about: list[Id] = Field(min_length=1)
    statement: Text


Claim = Annotated[
    Quantity | Quote | Role | Stance | Event | Assertion | Statement,
    Field(discriminator="kind"),
]
KINDS: tuple[str, ...] = ("quantity", "quote", "role", "stance", "event", "assertion", "statement")


class ClaimsFile(_Strict):
    """One YAML file under ``claims/``: entities, claims, or both."""

    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


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
