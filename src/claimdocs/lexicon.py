"""The one lexicon: the words and text conventions both halves of the check share.

The article-to-claims rules, the claims-to-pages rules, the Sphinx views and the
benchmark all read words through this module, so the two halves can never drift
apart (they once did: "the previous defense minister" was former for one and
current for the other). What lives here:

- **folding**: typographic quotes and apostrophes to straight ones, whitespace runs
  to one space (:func:`fold`), or the same-length variant whose offsets stay valid
  (:func:`fold_same_length`);
- **quotations**: where a quotation opens and closes (:func:`quotations`), one
  scanner for the article and the pages;
- **former and current**: the words that say an office is no longer held
  (:meth:`Lexicon.says_former`);
- **values**: when two figures are the same number (:func:`same_value`), and how a
  hedge class is named in messages and on the site (:func:`hedge_label`);
- **positions, speech and attribution**: the words that state each position of a
  stance and the side it takes, the verbs that give a quotation to a speaker, the
  forms of the verbs that attribute a statement;
- **abbreviations and titles**: words ending in a period that never end a sentence
  ("Mr.", "Lt. Gen."), and the titles that may stand between an office and a name;
- **messages**: did-you-mean over ids (:func:`did_you_mean`), shortening a text
  for a message (:func:`shorten`).

The word lists are data: :data:`DEFAULT` holds English defaults for news prose,
and a :class:`Lexicon` is immutable, so a project can be given its own.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from dataclasses import replace as replace_fields
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

import snowballstemmer

from claimdocs.quantities import Hedge

if TYPE_CHECKING:
    from claimdocs.model import Vocabulary
from claimdocs.text import replacer, trie_pattern

# ---------------------------------------------------------------- folding

#: Every typographic double and single quotation mark, to its straight form.
straighten = replacer(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    }
)  # fmt: skip
#: Same-length folding: quote characters and no-break spaces, one for one, so offsets stay valid.
fold_same_length = replacer({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
#: The characters that open or close a double quotation, straight or typographic.
QUOTE_CHARS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Typographic quotes and apostrophes to straight ones, whitespace runs to one space."""
    return _SPACE.sub(" ", straighten(text))


def strip_quotes(text: str) -> str:
    """A quotation's text without the quotation marks and spaces around it."""
    return text.strip().strip("\"'\u201c\u201d\u2018\u2019").strip()


# ---------------------------------------------------------------- quotations

#: What closes a quotation, by what opened it. English (“ ”), German („ “), French (« »)
#: and straight quotes; a writer who mixes straight and typographic marks is still read.
_CLOSERS: dict[str, str] = {
    "\u201c": "\u201d\u201f\"",
    "\u201e": "\u201c\u201d\"",
    "\u00ab": "\u00bb\"",
    '"': "\"\u201d\u201f\u00bb",
}
#: Where an unterminated quotation stops: a paragraph ends at a line break (a news
#: writer's quotation that runs over paragraphs reopens each one).
_PARAGRAPH_END = "\n"


class Quotation(NamedTuple):
    """One quotation: where its opening mark is, where its text starts and ends, where it closes."""

    open: int
    start: int
    end: int
    close: int


def quotations(text: str) -> Iterator[Quotation]:
    """The quotations of ``text``, left to right, each closed by a mark that pairs with its opener.

    An unterminated quotation runs to the end of its paragraph (a line break) or of the text.
    Linear in the text: the scan never goes back.
    """
    i, n = 0, len(text)
    while i < n:
        closers = _CLOSERS.get(text[i])
        if closers is None:
            i += 1
            continue
        j = i + 1
        while j < n and text[j] not in closers and text[j] != _PARAGRAPH_END:
            j += 1
        if j < n and text[j] != _PARAGRAPH_END:
            yield Quotation(i, i + 1, j, j + 1)
            i = j + 1
        else:
            yield Quotation(i, i + 1, j, j)
            i = j + 1


# ---------------------------------------------------------------- values


def same_value(a: float | None, b: float | None) -> bool:
    """The same number, up to floating-point noise; "no value" only equals "no value"."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


_HEDGE_LABELS: dict[Hedge, str] = {
    Hedge.EXACT: "exact",
    Hedge.APPROXIMATE: "approximate",
    Hedge.LOWER_BOUND: "lower bound",
    Hedge.UPPER_BOUND: "upper bound",
    Hedge.JUST_BELOW: "just below",
    Hedge.VAGUE: "vague quantity",
    Hedge.RANGE: "range",
}


def hedge_label(hedge: Hedge | str) -> str:
    """How a hedge class is named to a person, in messages and on the site ("vague quantity")."""
    return _HEDGE_LABELS.get(Hedge(hedge), str(hedge).replace("_", " "))


def format_number(value: float | None) -> str:
    """A value as a person writes it: "65,000", "2.5", "no value"."""
    if value is None:
        return "no value"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


# ---------------------------------------------------------------- messages


def shorten(text: str, limit: int = 120) -> str:
    """One line of at most ``limit`` characters, an ellipsis where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """The option closest to a misspelt ``word``, if one is close enough (difflib, ratio 0.6)."""
    near = difflib.get_close_matches(word.lower(), list(options), n=1, cutoff=0.6)
    return near[0] if near else None


# ---------------------------------------------------------------- word lists

_POSITIONS: dict[str, tuple[str, ...]] = {
    "opposed": ("opposed", "opposes", "oppose", "opposing", "opposition", "opponent", "opponents", "objected",
                "objection", "objections",
                "reservations", "against", "disagreed", "at odds", "condemned", "condemns", "condemn",
                "condemnation", "sanctions", "sanctioned"),
    "favored": ("favored", "favoured", "favor", "favour", "favors", "favours", "supported", "supports", "support",
                "backed", "backs", "preferred", "advocated", "advocates"),
    "warned": ("warned", "warns", "warning", "cautioned", "cautions"),
    "concerned": ("concerned", "concern", "concerns", "worried", "worries", "reservations"),
    "argued": ("argued", "argues", "contended", "contends", "said", "says"),
    "demanded": ("demanded", "demanding", "demands", "insisted", "insists"),
    "decided": ("decided", "decides", "decision", "directive", "ordered", "orders", "launched"),
    "rejected": ("rejected", "rejects", "refused", "refuses"),
    "accepted": ("accepted", "accepts", "agreed", "agrees"),
    "denied": ("denied", "denies", "deny"),
    "praised": ("praised", "praises", "praising"),
    "vowed": ("vowed", "vows", "pledged", "pledges"),
    "affirmed": ("affirmed", "affirms", "underscored", "underscores", "said", "says"),
    "remained": ("remained", "remain", "remains", "stayed", "stays"),
    "skeptical": ("skeptical", "sceptical", "doubt", "doubts", "doubtful"),
    "preferred": ("prefer", "prefers", "preferred", "favor", "favour", "favored", "favoured"),
    "feared": ("feared", "fears", "fear", "fearing", "afraid"),
    "confirmed": ("confirmed", "confirms", "confirm", "confirming"),
    "insisted": ("insisted", "insists", "insist", "insisting"),
    "said": ("said", "says", "say", "saying", "told", "tells", "stated", "states"),
    "welcomed": ("welcomed", "welcomes", "welcome", "welcoming"),
    "criticized": ("criticized", "criticised", "criticizes", "criticises", "criticism", "faulted"),
}
_SIDES: dict[str, str] = {
    **dict.fromkeys(("opposed", "concerned", "warned", "rejected", "denied", "skeptical", "feared", "criticized"),
                    "against"),
    **dict.fromkeys(("favored", "accepted", "praised", "preferred", "welcomed"), "for"),
}
_SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "noted", "notes", "added", "adds", "elaborated", "elaborates", "stated", "states",
    "told", "tells", "affirmed", "affirms", "vowed", "vows", "warned", "warns", "argued", "argues", "praised",
    "praising", "explained", "explains", "remarked", "declared", "insisted", "wrote", "writes", "asked",
    "replied", "continued", "highlighted", "underscored", "according to", "insist", "insists", "confirmed",
    "confirms", "announced", "announces", "acknowledged", "admitted", "testified", "recalled",
)
#: Verbs that give words to whoever is named beside them when the words are a name or a label
#: ("Levi called it “savings”"): with the speech verbs, what a page may not say of a term the
#: article quotes in its own voice.
_NAMING_VERBS: tuple[str, ...] = (
    "called", "calls", "call", "calling", "dubbed", "dubs", "termed", "terms", "labelled", "labeled", "labels",
    "branded", "brands", "described", "describes", "coined", "coins", "nicknamed",
)
_VERB_FORMS: dict[str, tuple[str, ...]] = {
    "contend": ("contend", "contends", "contended", "contending"),
    "accuse": ("accuse", "accuses", "accused", "accusing", "accusation", "accusations"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "deny": ("deny", "denies", "denied", "denying", "denial", "denials"),
    "report": ("report", "reports", "reported", "reporting"),
    "state": ("state", "states", "stated", "stating"),
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "believe": ("believe", "believes", "believed", "believing"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "allege": ("allege", "alleges", "alleged", "alleging", "allegation", "allegations"),
    "dispute": ("dispute", "disputes", "disputed", "disputing"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "fear": ("fear", "fears", "feared", "fearing"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "warn": ("warn", "warns", "warned", "warning", "warnings"),
    "argue": ("argue", "argues", "argued", "arguing", "argument", "arguments"),
    "estimate": ("estimate", "estimates", "estimated", "estimating"),
    "predict": ("predict", "predicts", "predicted", "predicting", "prediction", "predictions"),
}
#: Words that say an office is no longer held ("a former lawmaker", "his predecessor", "ex-minister").
_FORMER: tuple[str, ...] = ("former", "formerly", "predecessor", "previous", "erstwhile", "ex-")
#: Words ending in a period that never end a sentence (lowercase, without the period): titles
#: before a name ("Pres. Lee"), "No. 5", months before a day.
_ABBREVIATIONS: frozenset[str] = frozenset(
    ["mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "cmdr", "st", "prof",
     "rep", "reps", "sen", "sens", "gov", "pres", "supt", "rev", "hon", "messrs", "no", "nos", "vs", "approx",
     "jan", "feb", "aug", "sept", "oct", "nov", "dec"]
)  # fmt: skip
#: Words ending in a period that end a sentence only when a capital (or an opening quotation mark)
#: follows: "Acme Inc. said" is one sentence, "... of Acme Inc. The company said" two.
_CLOSING_ABBREVIATIONS: frozenset[str] = frozenset(
    ["inc", "corp", "co", "ltd", "plc", "llc", "bros", "jr", "sr", "etc", "cos"]
)  # fmt: skip
#: Titles that may stand between an office and the name it belongs to ("the mayor, Ms. Dana Levi").
_NAME_TITLES: tuple[str, ...] = ("General", "Gen", "Lt", "Mr", "Mrs", "Ms", "Dr")
#: Nouns of a page's structure: an ordinal before one ("the second section", "the first tab") counts
#: the site's parts, not anything in the world.
_STRUCTURE_NOUNS: frozenset[str] = frozenset(
    ["section", "sections", "page", "pages", "tab", "tabs", "table", "tables", "column", "columns", "row", "rows",
     "list", "item", "items", "entry", "entries", "card", "cards", "heading", "chapter", "part", "step", "steps",
     "paragraph", "sentence", "line", "link", "view", "level", "click", "tap"]
)
#: Quantities too common in neutral prose to call a figure when unmarked.
_NEUTRAL_VAGUE: frozenset[str] = frozenset({"many", "several", "a few"})

#: Function words: they carry no fact of their own, so a traced sentence may use them freely.
#: (Negations, comparatives, quantifiers and order words carry meaning: see ``_POLARITY``.)
_STOPWORDS: frozenset[str] = frozenset(["a", "an", "the", "this", "that", "these", "those", "such", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "who", "whom", "whose", "which", "what", "whatever", "whoever", "where", "when", "why", "how", "whether", "and", "or", "but", "if", "then", "so", "because", "as", "than", "though", "although", "while", "whereas", "yet", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "upon", "about", "over", "under", "between", "among", "through", "during", "against", "toward", "towards", "across", "along", "around", "within", "throughout", "beyond", "via", "per", "like", "unlike", "despite", "is", "are", "was", "were", "be", "been", "being", "am", "'s", "has", "have", "had", "having", "do", "does", "did", "doing", "done", "will", "would", "shall", "can", "could", "also", "even", "just", "too", "very", "quite", "rather", "both", "either", "there", "here", "thus", "hence", "therefore", "however", "moreover", "furthermore", "meanwhile", "instead", "mr", "mrs", "ms", "dr", "itself", "themselves", "himself", "herself", "oneself", "ourselves"])
#: Words whose meaning a sentence may not add or drop against its evidence: negations,
#: comparatives, quantifiers and order words, by class.
_POLARITY: dict[str, tuple[str, ...]] = {
    "negation": ("not", "no", "never", "without", "n't", "neither", "nor", "none", "nobody", "nothing",
                 "cannot", "nowhere", "lack", "lacks", "lacked", "fail", "fails", "failed"),
    "comparison": ("more", "less", "most", "least", "fewer", "fewest", "greater", "smaller", "larger",
                   "higher", "lower", "better", "worse", "far", "much"),
    "quantity": ("all", "some", "any", "each", "every", "many", "few", "several", "only", "whole", "entire",
                 "sole", "solely", "alone", "majority", "minority", "most"),
    "order": ("before", "after", "earlier", "later", "first", "last", "prior", "previously", "since", "until",
              "next", "preceded", "precede", "precedes", "followed", "follow", "follows", "following",
              "initially", "finally", "subsequently", "again", "still", "already", "once", "now", "then",
              "soon", "recently", "latter", "former", "second", "third", "fourth", "fifth", "sixth",
              "seventh", "eighth", "ninth", "tenth"),
}
#: Words about the site, the article and their structure, compared by stem: a sentence made of
#: these (and of function words) states nothing about the world. Never a word of fact (an action,
#: a position, an outcome, a judgement, a place); a project adds its own in its vocabulary.
_FRAMING: frozenset[str] = frozenset(["step", "picture", "image", "photo", "diagram", "vague", "quantity", "upper", "lower", "bound", "range", "said", "says", "written", "wrote", "given", "gave", "told", "seen", "saw", "shown", "read", "article", "site", "page", "code", "screen", "phone", "caveat", "publication", "term", "example", "instance", "home", "contents", "introduction", "appendix", "glossary", "method", "methodology", "welcome", "section", "chapter", "part", "heading", "subtitle", "title", "list", "table", "index", "entry", "card", "link", "tab", "column", "row", "cell", "caption", "figure", "chart", "matrix", "grid", "view", "order", "sequence", "claim", "marker", "evidence", "source", "text", "sentence", "word", "wording", "phrase", "paragraph", "line", "passage", "quotation", "quote", "number", "date", "time", "office", "position", "statement", "account", "person", "people", "name", "entity", "group", "organisation", "organization", "institution", "actor", "speaker", "dispute", "topic", "timeline", "chronology", "context", "background", "summary", "overview", "detail", "kind", "type", "class", "category", "way", "file", "download", "hedge", "badge", "label", "legend", "tooltip", "hover", "tap", "click", "focus", "mark", "come", "checker", "check", "rule", "finding", "error", "warning", "waiver", "waive", "message", "build", "website", "reader", "editor", "restate", "restatement", "describe", "description", "report", "say", "write", "give", "call", "cite", "mention", "attribute", "show", "see", "read", "follow", "present", "cover", "collect", "gather", "sort", "arrange", "relate", "refer", "explain", "summarise", "summarize", "outline", "introduce", "discuss", "note", "guess", "here", "below", "above", "following", "next", "previous", "further", "full", "whole", "same", "other", "another", "each", "every", "main", "own", "behind", "exact", "exactly", "verbatim", "approximate", "relative"])
#: The part of the framing vocabulary a traced sentence may also use freely: words about the
#: article and the page themselves ("the article describes ...", "according to the article").
#: Other framing words ("order", "mark", "come", "behind", "own") could state a fact beside a marker
#: ("the group behind the attack", "his own party").
_FRAMING_CORE: frozenset[str] = frozenset(["report", "reports", "further", "said", "says", "written", "wrote", "given", "gave", "told", "seen", "shown", "article", "site", "page", "figure", "number", "same", "exactly", "way", "other", "another", "time", "date", "section", "text", "sentence", "word", "wording", "phrase", "quotation", "quote", "claim", "marker", "evidence", "account", "restate", "restatement", "describe", "description", "write", "say", "give", "call", "cite", "mention", "attribute", "list", "summarise", "summarize", "note", "name", "see", "here", "below", "above", "following"])
_FRAMING_LOWER = frozenset(w.lower() for w in _FRAMING)
#: Phrases that hedge a statement as someone's view or report: a restatement may not drop them.
_ATTRIBUTION_PHRASES: tuple[str, ...] = (
    "according to", "widely seen as", "seen as", "reportedly", "allegedly", "believed", "believes",
    "appear", "appears", "appeared", "seem", "seems", "seemed", "expected", "apparently", "purportedly",
)
#: Speech verbs neutral enough to stand for any other: where the evidence sentence gives a quotation
#: or a statement to someone with a speech verb ("noted", "elaborated"), a page may write "said".
_NEUTRAL_SPEECH: tuple[str, ...] = ("say", "says", "said", "saying", "told", "tell", "tells", "stated", "states",
                                    "noted", "notes", "added", "adds")
#: Verbs that report what someone says or finds (besides the speech verbs and the attributing verbs).
_REPORTING_VERBS: tuple[str, ...] = (
    "revealed", "reveal", "reveals", "identify", "identifies", "identified", "suggest", "suggests", "suggested",
    "report", "reports", "reported", "confirmed", "confirms", "confirm", "announced", "announces",
    "acknowledged", "admitted", "alleged", "estimated", "estimate", "estimates",
)
#: Negations that are not: "not only ... but also" adds, it does not deny.
_NOT_NEGATIONS: tuple[str, ...] = ("not only", "not just", "no doubt")

_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def words(text: str) -> list[str]:
    """The words of a text (hyphenated compounds and apostrophes kept inside a word)."""
    return _WORD.findall(text)


def word_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The words of ``text[start:end]`` as matches (offsets into ``text``)."""
    return _WORD.finditer(text, start, len(text) if end is None else end)


_POSSESSIVE_END = re.compile(r"'s?$")


def norm(word: str) -> str:
    """A word as the tracing rules compare it: lowercase, straight apostrophes, no possessive ("Riverton’s" -> "riverton")."""
    low = word.lower().replace("\u2019", "'").replace("\u2018", "'")
    if low.endswith("n't"):
        return low
    return _POSSESSIVE_END.sub("", low) if "'" in low else low


def _phrase_char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def lower_phrase_re(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """:func:`phrase_re` on folded, lowercased text (:func:`claimdocs.text.lower_same_length`): twice as fast."""
    items = {fold(w).lower().strip() for w in phrases if w.strip()}
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(items, _phrase_char)})(?![\w-])") if items else None


def phrase_re(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive match of any of the folded phrases, longest first (a trie)."""
    items = {fold(w).lower().strip() for w in phrases if w.strip()}
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(items, _phrase_char)})(?![\w-])", re.IGNORECASE) if items else None


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The word lists of one project; patterns built from them are compiled once, on first use."""

    #: Words that state each position of a stance (whole words, matched folded and case-insensitively).
    positions: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(_POSITIONS))
    #: The side a position takes on what it is about ("against", "for"); positions not listed take none.
    sides: Mapping[str, str] = field(default_factory=lambda: dict(_SIDES))
    #: Verbs that give a quotation to whoever is named within three words of them (either order);
    #: "according to" only with the name after it.
    speech_verbs: tuple[str, ...] = _SPEECH_VERBS
    #: Verbs that give a name or label to whoever is named beside them ("called", "dubbed").
    naming_verbs: tuple[str, ...] = _NAMING_VERBS
    #: Forms of the verbs that attribute a statement; a word not listed compares by its first five letters.
    verb_forms: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(_VERB_FORMS))
    former: tuple[str, ...] = _FORMER
    abbreviations: frozenset[str] = _ABBREVIATIONS
    #: Words ending in a period that end a sentence only before a capital ("Inc.", "Jr.", "etc.").
    closing_abbreviations: frozenset[str] = _CLOSING_ABBREVIATIONS
    name_titles: tuple[str, ...] = _NAME_TITLES
    neutral_vague: frozenset[str] = _NEUTRAL_VAGUE
    #: Nouns of a page's structure; an unmarked ordinal before one is no figure ("the second tab").
    structure_nouns: frozenset[str] = _STRUCTURE_NOUNS
    #: Function words (lowercase): free in a traced sentence.
    stopwords: frozenset[str] = _STOPWORDS
    #: Negations, comparatives, quantifiers and order words (lowercase), by class.
    polarity: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(_POLARITY))
    #: Words about the site and the article (case-insensitive, by stem): a framing sentence is made of these.
    framing: frozenset[str] = _FRAMING
    #: Framing words a traced sentence may use freely too ("the article describes ...").
    framing_core: frozenset[str] = _FRAMING_CORE
    #: Phrases that hedge a statement as someone's view or report (a restatement keeps them).
    attribution_phrases: tuple[str, ...] = _ATTRIBUTION_PHRASES
    #: Verbs that report what someone says or finds, besides the speech verbs and the attributing verbs.
    reporting_verbs: tuple[str, ...] = _REPORTING_VERBS
    #: Speech verbs a page may write for any speech verb of the evidence sentence ("said" for "noted").
    neutral_speech: tuple[str, ...] = _NEUTRAL_SPEECH
    #: Phrases that start with a negation word and deny nothing ("not only").
    not_negations: tuple[str, ...] = _NOT_NEGATIONS
    #: Page words an editor may write for article words (reviewed project data): page word -> article words.
    paraphrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The language of the Snowball stemmer that folds inflection ("negotiations" = "negotiation").
    language: str = "english"

    # ------------------------------------------------------------ a project's own words

    def extended(self, vocabulary: Vocabulary | None) -> Lexicon:
        """This lexicon with a project's vocabulary added (or, for the fields it names in ``replace``, put instead)."""
        if vocabulary is None:
            return self
        changes: dict[str, Any] = {}
        for name in type(vocabulary).model_fields:
            given = getattr(vocabulary, name)
            if name in ("replace", "topics", "disputes") or not given:
                continue  # topics and disputes are the project's taxonomy, not words
            current = getattr(self, name)
            replace = name in vocabulary.replace
            if isinstance(current, frozenset):
                words_ = frozenset(w.lower() if name != "framing" else w for w in given)
                changes[name] = words_ if replace else current | words_
            elif isinstance(current, tuple):
                changes[name] = tuple(given) if replace else tuple(dict.fromkeys((*current, *given)))
            else:  # a mapping
                merged: dict[str, Any] = {} if replace else dict(current)
                for key, value in given.items():
                    if isinstance(value, list):
                        merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *value)))
                    else:
                        merged[key] = value
                changes[name] = merged
        return replace_fields(self, **changes)

    # ------------------------------------------------------------ words and stems

    @cached_property
    def _memos(self) -> dict[str, dict[str, Any]]:
        return {}

    def memo(self, name: str) -> dict[str, Any]:
        """A cache for one question the rules ask of a word ("is it free?"): the answer depends on this lexicon only."""
        return self._memos.setdefault(name, {})

    @cached_property
    def _stemmer(self) -> Any:
        return snowballstemmer.stemmer(self.language)

    @cached_property
    def _stems(self) -> dict[str, str]:
        return {}

    def stem(self, word: str) -> str:
        """The stem of a normalised word (:func:`norm`), cached: the same few thousand words recur."""
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = self._stemmer.stemWord(word)
        return found

    def stems(self, word: str) -> tuple[str, ...]:
        """A word's stem, and for a hyphenated compound ("far-right") also its parts' stems."""
        if "-" not in word:
            return (self.stem(word),)
        return (self.stem(word), *(self.stem(p) for p in word.split("-") if p))

    @cached_property
    def polarity_class(self) -> dict[str, str]:
        """Each polarity word (lowercase), with its class ("negation", "comparison", ...)."""
        out: dict[str, str] = {}
        for cls, ws in self.polarity.items():
            for w in ws:
                out.setdefault(w, cls)
        return out

    @cached_property
    def framing_lower(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.framing)

    @cached_property
    def framing_stems(self) -> frozenset[str]:
        return frozenset(self.stem(norm(w)) for w in self.framing_lower)

    def is_framing(self, word: str) -> bool:
        """Is a normalised word about the site or the article (by stem, so "restated" is "restate")?"""
        return word in self.framing_lower or self.stem(word) in self.framing_stems

    @cached_property
    def _core_stems(self) -> frozenset[str]:
        return frozenset(self.stem(norm(w)) for w in self.framing_core)

    def is_framing_core(self, word: str) -> bool:
        """Is a normalised word about the article or the page itself (free in a traced sentence too)?
        A project's own framing words (its tools' names) count here too."""
        return self.stem(word) in self._core_stems or (word in self.framing_lower and word not in _FRAMING_LOWER)

    @cached_property
    def paraphrase_stems(self) -> dict[str, frozenset[str]]:
        """Page word stem -> the stems of the article words it may stand for."""
        out: dict[str, set[str]] = {}
        for page_word, article_words in self.paraphrases.items():
            for stem in self.stems(norm(page_word)):
                out.setdefault(stem, set()).update(self.stem(norm(w)) for w in article_words)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def attribution_re(self) -> re.Pattern[str] | None:
        """What attributes a statement: a hedge phrase, a speech verb, a reporting verb, a form of an attributing verb."""
        forms = (f for fs in self.verb_forms.values() for f in fs)
        return phrase_re((*self.attribution_phrases, *self.speech_verbs, *self.reporting_verbs, *forms))

    @cached_property
    def speech_stems(self) -> frozenset[str]:
        return frozenset(self.stem(norm(w)) for v in self.speech_verbs for w in v.split()[-1:])

    @cached_property
    def neutral_speech_stems(self) -> frozenset[str]:
        return frozenset(self.stem(norm(w)) for w in self.neutral_speech)

    @cached_property
    def attribution_words(self) -> frozenset[str]:
        """The words of the hedge phrases ("according", "widely", "seen" ...): free in a traced sentence."""
        return frozenset(w for p in self.attribution_phrases for w in p.lower().split())

    @cached_property
    def negation_re(self) -> re.Pattern[str]:
        """A negation word ("not", "never", "doesn't" ...), not one of :attr:`not_negations` ("not only")."""
        plain = [w for w, cls in self.polarity_class.items() if cls == "negation"]
        skip = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in self.not_negations) or r"(?!x)x"
        words_ = "|".join(re.escape(w) for w in sorted(plain, key=len, reverse=True))
        return re.compile(rf"(?<![\w'’])(?!(?:{skip})(?![\w-]))(?:(?:{words_})(?![\w'’-])|\w+n['’]t(?!\w))", re.IGNORECASE)

    def is_polarity(self, word: str) -> str | None:
        """The polarity class of a normalised word ("negation" for "not", "n't" ...), if it has one."""
        return self.polarity_class.get(word) or ("negation" if word.endswith("n't") else None)

    # ------------------------------------------------------------ positions

    @cached_property
    def position_res(self) -> dict[str, re.Pattern[str] | None]:
        return {pos: phrase_re(ws) for pos, ws in self.positions.items()}

    @cached_property
    def any_position_re(self) -> re.Pattern[str] | None:
        return phrase_re(w for ws in self.positions.values() for w in ws)

    @cached_property
    def word_positions(self) -> dict[str, tuple[str, ...]]:
        """Each position word (folded, lowercase), with the positions it may state."""
        folded = {pos: {fold(w).lower() for w in ws} for pos, ws in self.positions.items()}
        every = {w for ws in folded.values() for w in ws}
        return {word: tuple(pos for pos, ws in folded.items() if word in ws) for word in every}

    def side(self, position: str) -> str | None:
        return self.sides.get(position)

    # ------------------------------------------------------------ speech and attribution

    @cached_property
    def speech_re(self) -> re.Pattern[str] | None:
        return phrase_re(self.speech_verbs)

    @cached_property
    def naming_re(self) -> re.Pattern[str] | None:
        """A speech verb or a naming verb: what gives words to someone ("said", "called")."""
        return phrase_re((*self.speech_verbs, *self.naming_verbs))

    @cached_property
    def _lemmas(self) -> dict[str, str]:
        return {form: lemma for lemma, forms in self.verb_forms.items() for form in forms}

    def lemma(self, word: str) -> str:
        """The verb a word is a form of ("contended" -> "contend"); else its first five letters."""
        word = fold(word).lower().strip()
        return self._lemmas.get(word) or word[:5]

    def has_verb(self, lemmas: set[str], verb: str) -> bool:
        """Is the lemma of (the last word of) ``verb`` among ``lemmas``?"""
        parts = words(verb)
        return not parts or self.lemma(parts[-1]) in lemmas

    # ------------------------------------------------------------ former and current

    @cached_property
    def former_re(self) -> re.Pattern[str]:
        """A word saying "no longer held"; a word ending in "-" is a prefix ("ex-minister")."""
        # a word matches as the start of a longer one too: "predecessors", "formerly"
        alternatives = sorted(
            (re.escape(w) + r"(?=\w)" if w.endswith("-") else re.escape(w) for w in self.former), key=len, reverse=True
        )
        return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)

    @cached_property
    def prefix_former_re(self) -> re.Pattern[str]:
        """Just the prefixes ("ex-"), which are dropped before an office's words are looked for."""
        prefixes = [re.escape(w) for w in self.former if w.endswith("-")] or [r"(?!x)x"]
        return re.compile(r"(?<![\w-])(?:" + "|".join(prefixes) + r")(?=\w)", re.IGNORECASE)

    def says_former(self, text: str) -> bool:
        """Does an office as written say the person no longer holds it?"""
        return self.former_re.search(text) is not None

    # ------------------------------------------------------------ names

    @cached_property
    def title_gap_re(self) -> re.Pattern[str]:
        """What may stand between an office and its holder's name: a comma and titles ("Lt. Gen.")."""
        titles = "|".join(re.escape(t) for t in sorted(self.name_titles, key=len, reverse=True))
        return re.compile(rf"^\s*,?\s*(?:(?:[A-Z][a-z]{{0,3}}\.|{titles})\s*)*$")


#: English defaults for news prose.
DEFAULT = Lexicon()
