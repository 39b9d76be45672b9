"""What one build knows, kept on the build environment.

The loaded project, a digest of every claim (what a page shows of it) and the
page rules' lookup tables live in a :class:`BuildState` on ``env``, not in a
module global, in the manner of sphinx-needs' ``SphinxNeedsData(env)``. The state
is rebuilt at every ``builder-inited`` and never pickled: Sphinx pickles the
environment between builds and back from parallel readers, and what is here is
derived from the files in a second.

What must outlive a build (which pages have open findings, which could not be read
whole) is kept per page in the claims domain's digests, under the keys
:data:`OPEN_FINDINGS` and :data:`INCOMPLETE`, which no claim id can be: the domain
clears them with the page and merges them from parallel readers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from sphinx.environment import BuildEnvironment

from claimdocs.config import Config
from claimdocs.findings import Waived
from claimdocs.model import AnyClaim
from claimdocs.project import Project
from claimdocs.rules.tables import Tables
from claimdocs.wording import attribution, evidence_sentence

_ATTRIBUTE = "claimdocs_state"
#: A page's digest key saying it had findings when read: it is read again at every build, so
#: its findings are reported again until fixed (never a green rebuild over an open finding).
OPEN_FINDINGS = "!open-findings"
#: A page's digest key saying a file it includes could not be read (then no claim is reported unused).
INCOMPLETE = "!incomplete"
#: The file (in the doctree folder) that says a build is running; left behind, it says the build was killed.
RUNNING_MARKER = "claimdocs-build-running"


@dataclass
class BuildState:
    """The loaded project and what pages saw of each claim."""

    config: Config
    project: Project
    digests: dict[str, str] = field(default_factory=dict)
    all_digest: str = ""
    #: Whether this build reads any page (then the generated views are written again).
    reading: bool = False
    #: The page rules' lookup tables, built at builder-inited when checking (before any fork).
    tables: Tables | None = None
    #: Pages refused before Sphinx reads them (a link, a FIFO, too large, not UTF-8 ...): docname -> path.
    refused: dict[str, str] = field(default_factory=dict)
    #: Whether the unused claims were reported in this build (env-check-consistency runs only when a page was read).
    consistency_checked: bool = False
    #: Whether the build before this one was killed (its marker file was left): every page is then read and written.
    interrupted: bool = False
    #: The page ``source-read`` handed to claimdocs' MyST parser, to be checked as it is parsed (one parse for both).
    parsing: str | None = None
    #: What the claims' waivers waive in the article's half and among the unused claims (the pages' are in the domain).
    waived: list[Waived] = field(default_factory=list)

    @classmethod
    def load(cls, config: Config, project: Project) -> BuildState:
        state = cls(config, project)
        for ident, claim in project.claims.items():
            state.digests[ident] = digest(project, claim)
        state.all_digest = hashlib.sha256("".join(sorted(state.digests.values())).encode()).hexdigest()[:16]
        return state


class _Slot:
    """Holds the state on ``env``; pickles as empty, so the state never reaches the pickled environment."""

    __slots__ = ("state",)

    def __init__(self, state: BuildState | None = None) -> None:
        self.state = state

    def __reduce__(self) -> tuple[type[_Slot], tuple[()]]:
        return (_Slot, ())


def set_state(env: BuildEnvironment, state: BuildState) -> None:
    setattr(env, _ATTRIBUTE, _Slot(state))


def state_of(env: BuildEnvironment) -> BuildState:
    """The build's state (forked parallel readers inherit it with ``env``)."""
    slot = getattr(env, _ATTRIBUTE, None)
    if not isinstance(slot, _Slot) or slot.state is None:
        raise RuntimeError("claimdocs: the project is not loaded (builder-inited did not run)")
    return slot.state


def digest(project: Project, claim: AnyClaim) -> str:
    """Changes when anything a page shows about the claim changes (claim, entities, evidence)."""
    payload = {
        "claim": claim.model_dump(mode="json"),
        "sentence": evidence_sentence(project.article, claim),
        "who": attribution(claim, project),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]
