"""What ``claimdocs init`` finds in an article: the names it gives, and a draft claim for each fact.

- :func:`find_names`: runs of capitalised words that are not ordinary words opening a
  sentence ("Recently", "Dozens", "The"), months and weekdays left out; a title ("Mr.",
  "Lt. Gen.", "Prime Minister") is not part of the name, and a shorter form that ends a
  longer person-like name ("Levi", "Ms. Levi") is its alias. The kind is a guess (a
  title: person; "Institute", "Ministry": organisation; "City", "in X": place).
- :func:`propose`: every figure and every date or time the grammar finds
  (:mod:`claimdocs.quantities`), every quotation the lexicon finds
  (:func:`claimdocs.lexicon.quotations`) with its speaker (a name beside a speech verb
  near it, the person a pronoun there stands for, or the speaker of the quotation just
  before it: a follow-on), and every "according to X" (an assertion of X, and the
  source of the figures of its sentence). Each with verbatim evidence: the exact text,
  with prefix or suffix words until it is found exactly once, and its offsets.

Everything is a draft (``draft: true``), for an editor to review: see
:mod:`claimdocs.rules.draft`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

import claimdocs.quantities.words as W
from claimdocs.article import Article
from claimdocs.lexicon import DEFAULT, Lexicon, fold, quotations, shorten
from claimdocs.model import Claim, EntityKind
from claimdocs.quantities import HEDGE_WORDS, Hedge, find_figures, find_times, parse_figure

# ---------------------------------------------------------------- names

_TITLE_ABBR = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Adm|Cmdr|Insp|Supt|Fr|Rev|Hon|St)\."
_WORD = r"[A-Z][\w&]*(?:['\u2019][A-Za-z]+|(?<=s)['\u2019](?= [A-Z]))?(?:-[A-Z][\w&]*)*"
_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}|{_TITLE_ABBR}|{_WORD})"
_CONNECT = r"(?:of|for|the|de|du|da|del|van|von|der|al|bin)"
#: A run of capitalised words, joined by spaces and lowercase connectors ("Bank of Northfield").
_RUN = re.compile(rf"(?<![\w'\u2019-]){_TOKEN}(?:[ \u00a0](?:{_CONNECT}[ \u00a0])*{_TOKEN})*(?![\w$\u20ac\u00a3])")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
#: Words that stand before a name as a title: the name is what follows.
_TITLE_WORDS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "adm", "cmdr", "insp", "supt", "fr", "rev", "hon", "general", "president", "prime", "minister", "chancellor", "governor", "senator", "mayor", "judge", "justice", "professor", "chief", "secretary", "sir", "dame", "lord", "lady", "king", "queen", "pope", "rabbi", "father", "sheikh", "deputy", "commissioner", "director", "ambassador", "inspector", "superintendent", "sergeant", "captain", "colonel", "major", "lieutenant", "admiral", "commander", "dean", "chair", "chairman", "chairwoman", "vice", "executive"]
)
_ORG_WORDS = frozenset(
    ["ministry", "department", "bank", "institute", "university", "college", "agency", "council", "committee", "association", "company", "corporation", "corp", "inc", "ltd", "plc", "llc", "group", "party", "court", "fund", "office", "authority", "commission", "board", "union", "foundation", "trust", "service", "services", "hospital", "clinic", "federation", "organisation", "organization", "society", "centre", "center", "network", "alliance", "forces", "army", "navy", "police", "parliament", "senate", "congress", "cabinet", "government", "assembly", "bureau", "league", "club", "school", "institution", "partners", "holdings", "industries", "labs", "laboratory", "laboratories", "observatory", "trade", "exchange", "times", "post", "news", "press"]
)
_PLACE_WORDS = frozenset(
    ["city", "strip", "street", "road", "avenue", "river", "valley", "island", "islands", "county", "province", "region", "republic", "kingdom", "sea", "ocean", "mountains", "mountain", "coast", "bay", "lake", "port", "district", "state", "states", "town", "village", "square", "bridge", "north", "south", "east", "west"]
)
_MONTHS_DAYS = frozenset(W.MONTHS) | frozenset(W.WEEKDAYS)
_ORDINARY_OPENERS = frozenset(
    ["according", "after", "although", "among", "as", "at", "before", "but", "despite", "during", "earlier", "even", "for", "from", "furthermore", "however", "in", "instead", "last", "later", "meanwhile", "more", "most", "moreover", "nearly", "next", "now", "on", "once", "only", "over", "since", "so", "some", "still", "such", "then", "there", "these", "this", "those", "though", "under", "unlike", "until", "when", "where", "whether", "while", "with", "within", "without", "yet"]
)
_PLACE_BEFORE = re.compile(
    r"(?:\bin|\binto|\bfrom|\bto|\bacross|\bnear|\bat|\boutside|\binside|\b(?:city|town|village|region) of)\s+(?:the\s+)?$")


@dataclass
class Name:
    """One drafted entity: its name, the other forms the article writes, its first mention."""

    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = field(default_factory=list)
    first: tuple[int, int] = (0, 0)
    titled: bool = False


@dataclass
class Mention:
    start: int
    end: int
    text: str  # as written (spaces folded), possessive stripped
    core: str  # without titles
    core_start: int
    titled: bool


def slug(text: str, fallback: str = "item") -> str:
    """A claim or entity id from text: ASCII lowercase words joined by hyphens (at most 60 characters)."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_)
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > 60:
            break
        out = f"{out}-{w}" if out else w
    return out if len(out) >= 2 else fallback


def _mentions(text: str, sentence_starts: set[int], lexicon: Lexicon) -> list[Mention]:
    """Capitalised runs that are names: ordinary words opening a sentence, months and weekdays left out."""
    lower_words = set(re.findall(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*", text))
    # words written with a capital inside a sentence somewhere: names, whatever opens a sentence
    inside = {m.group() for m in re.finditer(r"(?<=[a-z,;] )[A-Z][\w]*", text)}
    out: list[Mention] = []
    for m in _RUN.finditer(text):
        tokens = [(t.start() + m.start(), t.group()) for t in re.finditer(r"\S+", m.group())]
        pieces: list[list[tuple[int, str]]] = [[]]
        for start, tok in tokens:  # a possessive or a month ends a name: "Riverton’s Council" is two
            if tok.lower().rstrip(".") in _MONTHS_DAYS:
                pieces.append([])
                continue
            pieces[-1].append((start, tok))
            if re.search(r"['\u2019]s$", tok):
                pieces.append([])
        for piece in pieces:
            while piece and _opens_sentence(text, piece[0][0], sentence_starts) and (
                    _ordinary(piece[0][1], lower_words, lexicon)
                    or (_POSSESSIVE.sub("", piece[0][1]) not in inside and (len(piece) == 1 or piece[1][1][:1].islower()))):
                piece = piece[1:]
                while piece and piece[0][1][:1].islower():  # a connector left at the start
                    piece = piece[1:]
            while piece and piece[-1][1][:1].islower():
                piece = piece[:-1]
            while piece and piece[0][1] == "The":
                piece = piece[1:]
            if not piece or (len(piece) == 1 and piece[0][1] in ("I", "A")):
                continue
            start = piece[0][0]
            last_start, last = piece[-1]
            end = last_start + len(last) - (len(m2.group()) if (m2 := _POSSESSIVE.search(last)) else 0)
            # the name follows the last title word ("Finance Minister Dana Levi", "Lt. Gen. Levi")
            titles = [i for i, (_s, tok) in enumerate(piece[:-1]) if tok.lower().rstrip(".") in _TITLE_WORDS]
            k = titles[-1] + 1 if titles and all(t.lower().rstrip(".") not in _TITLE_WORDS for _s, t in piece[titles[-1] + 1 :]) else 0
            core_words = [tok for _s, tok in piece[k:]]
            titled = k > 0 and not any(w in ("of", "for", "and") for w in core_words) and len(core_words) <= 3
            core_start = piece[k][0] if titled else start
            written, core = " ".join(text[start:end].split()), " ".join(text[core_start:end].split())
            if core.lower().rstrip(".") in _TITLE_WORDS or sum(c.isalpha() for c in core) < 2:
                continue
            out.append(Mention(start, end, written, core, core_start, titled))
    return out


def _opens_sentence(text: str, at: int, starts: set[int]) -> bool:
    before = text[max(0, at - 3) : at]
    return at in starts or at == 0 or text[at - 1 : at] == "\n" or before.rstrip().endswith(("\u201c", '"', ":", "\u2014"))


def _ordinary(token: str, lower_words: set[str], lexicon: Lexicon) -> bool:
    """An ordinary word (written in lower case elsewhere, a function word, an adverb, a quantity word)."""
    low = _POSSESSIVE.sub("", token).lower()
    return (low in lower_words or low in lexicon.stopwords or low in _ORDINARY_OPENERS or low in _QUANTITY_WORDS
            or low.endswith(("ly", "ing")) or low == "i")


#: Hedge and vague words ("Dozens", "Nearly") that open a sentence.
_QUANTITY_WORDS = frozenset(w for ws in HEDGE_WORDS.values() for w in ws if " " not in w)


def _guess_kind(core: str, titled: bool, has_short_form: bool, before: str) -> EntityKind:
    words = [w.lower().strip(".") for w in core.split()]
    if titled:
        return EntityKind.PERSON
    if any(w in _ORG_WORDS for w in words) or (len(words) == 1 and core.isupper() and len(core) > 1):
        return EntityKind.ORGANISATION
    if any(w in _PLACE_WORDS for w in words) or _PLACE_BEFORE.search(before) or (
            len(words) == 1 and words[0].endswith(("ia", "land", "stan"))):
        return EntityKind.PLACE
    if has_short_form or (2 <= len(words) <= 3 and not any(w in ("of", "for", "and") for w in words)):
        return EntityKind.PERSON
    return EntityKind.ORGANISATION


def find_names(article: Article, lexicon: Lexicon = DEFAULT) -> tuple[list[Name], list[tuple[Mention, str]]]:
    """The draft registry: one :class:`Name` per entity, and every mention with its entity id."""
    text = article.text
    starts = {s for s, _e in article.sentences}
    mentions = _mentions(text, starts, lexicon)
    cores: dict[str, list[Mention]] = {}
    for m in mentions:
        cores.setdefault(m.core, []).append(m)
    # A shorter core that ends a longer person-like one is that one's short form ("Levi", "Ms. Levi").
    longest = sorted(cores, key=lambda c: (-len(c.split()), c))
    owner: dict[str, str] = {}
    for core in longest:
        words = core.split()
        homes = [c for c in longest if len(c.split()) > len(words) and c.split()[-len(words):] == words
                 and not any(w.lower() in _ORG_WORDS | _PLACE_WORDS for w in c.split()) and "of" not in c.split()]
        homes = sorted({owner.get(h, h) for h in homes})
        owner[core] = homes[0] if len(homes) == 1 else core
    for acronym in re.finditer(r"\(([A-Z]{2,6})\)", text):  # "Riverton Transit Authority (RTA)": one entity
        before = [m for m in mentions if 0 <= acronym.start() - m.end <= 1]
        if before and acronym.group(1) in cores and acronym.group(1) != before[-1].core:
            owner[acronym.group(1)] = owner[before[-1].core]
    names: dict[str, Name] = {}
    used_ids: set[str] = set()
    pairs: list[tuple[Mention, str]] = []
    for m in mentions:
        head = owner[m.core]
        name = names.get(head)
        if name is None:
            first = cores[head][0]
            short = any(owner[c] == head and c != head for c in cores)
            titled = any(x.titled for c in cores if owner[c] == head for x in cores[c])
            kind = _guess_kind(head, titled, short, text[max(0, first.start - 12) : first.start])
            ident = _unique(slug(head, "entity"), used_ids)
            name = names[head] = Name(ident, head, kind, first=(first.core_start, first.end), titled=titled)
        for form in (m.text, m.core):
            if form != name.name and form not in name.aliases:
                name.aliases.append(form)
        pairs.append((m, name.id))
    return list(names.values()), pairs


def _unique(base: str, used: set[str]) -> str:
    base = base[:70].rstrip("-")
    ident, n = base, 2
    while ident in used:
        ident = f"{base[:56].rstrip('-')}-{n}"
        n += 1
    used.add(ident)
    return ident


# ---------------------------------------------------------------- claims


@dataclass
class Proposal:
    """What ``init`` found in the article: the draft entities and claims, and how many of each."""

    names: list[Name]
    claims: list[dict[str, Any]]
    counts: dict[str, int]
    #: Drafts the claims model refused (none expected): (what, text, why).
    skipped: list[tuple[str, str, str]] = field(default_factory=list)


_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,.;:!?\u201c\u201d\"()\n]{2,120})")


_NONSPACE = re.compile(r"\S+")


class Anchor:
    """Evidence blocks: the exact text, with prefix or suffix words until it is found exactly once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text

    def __call__(self, start: int, end: int) -> dict[str, Any]:
        text = self.text
        exact = text[start:end]
        prefix = suffix = ""
        for k in range(0, 40):
            if k:
                suffix = self._words_after(end, k)
                if len(self.article.find_all(exact, prefix, suffix)) == 1:
                    break
                prefix = self._words_before(start, k)
            if len(self.article.find_all(exact, prefix, suffix)) == 1:
                break
        block: dict[str, Any] = {"exact": exact}
        if prefix:
            block["prefix"] = prefix
        if suffix:
            block["suffix"] = suffix
        block["start"], block["end"] = start, end
        return block

    def _words_after(self, end: int, k: int) -> str:
        """Up to ``k`` words after ``end`` (within 400 characters), with the space before each."""
        window = self.text[end : end + 400]
        ends = [m.end() for m in _NONSPACE.finditer(window)]
        return window[: ends[min(k, len(ends)) - 1]] if ends else ""

    def _words_before(self, start: int, k: int) -> str:
        """Up to ``k`` words before ``start`` (within 400 characters), with the space after each.

        Word by word: a regex anchored at the end (``(?:\\S+\\s*){1,k}$``) backtracks through every way of
        splitting the words before, and hung on an article that repeats a passage.
        """
        window = self.text[max(0, start - 400) : start]
        starts = [m.start() for m in _NONSPACE.finditer(window)]
        return window[starts[-min(k, len(starts))] :] if starts else ""


class _Sentences:
    """The sentence holding a span, by bisection over the article's sentences (in order, not overlapping)."""

    def __init__(self, article: Article) -> None:
        self.spans = article.sentences
        self.starts = [s for s, _e in self.spans]
        self.length = len(article.text)

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding ``start``, stretched to ``end``; else the span itself."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and start < self.spans[i][1]:
            s, e = self.spans[i]
            return s, max(e, min(end, self.length))
        return start, end


def _clause_after(text: str, end: int, limit: int = 8) -> str:
    m = re.match(r"[^,.;:!?\u201c\u201d\"()\n]*", text[end : end + 300])
    words = (m.group() if m else "").split()[:limit]
    if words and words[0].lower() == "of":
        words = words[1:]
    return " ".join(words)


def propose(article: Article, lexicon: Lexicon = DEFAULT) -> Proposal:
    """Every figure, date or time, quotation and "according to X" of the article, as draft claims."""
    text = article.text
    names, pairs = find_names(article, lexicon)
    by_id = {n.id: n for n in names}
    anchor = Anchor(article)
    sentence = _Sentences(article)
    used: set[str] = {n.id for n in names}
    claims: list[dict[str, Any]] = []
    counts = {"figures": 0, "dates and times": 0, "quotations": 0, "according to": 0, "names": len(names)}

    def summary(start: int, end: int) -> str:
        s, e = sentence(start, end)
        return shorten(fold(text[s:e]), 600)

    # "according to X": the source of the figures of its sentence, and an assertion of its own
    sources: list[tuple[int, int, str]] = []  # (sentence start, end, entity id)
    for m in _ACCORDING.finditer(text):
        span = re.match(r"(?:the\s+)?((?:\S+\s*){1,14})", m.group("who"))
        if span is None:
            continue
        at, end = m.start("who") + span.start(1), m.start("who") + span.end(1)
        while end > at and text[end - 1].isspace():
            end -= 1
        who = " ".join(text[at:end].split())
        known = [ident for mm, ident in pairs if at <= mm.start < at + 5 and mm.end >= end - 1]
        known = known or [ident for mm, ident in pairs if at <= mm.start and end - 1 <= mm.end <= end]  # "a report by X"
        if known:
            ident = known[0]
        else:
            ident = _unique(slug(who, "source"), used)
            n = Name(ident, who, EntityKind.GROUP, first=(at, end))
            names.append(n)
            by_id[ident] = n
        s, e = sentence(m.start(), m.end())
        sources.append((s, e, ident))
        counts["according to"] += 1
        claims.append({
            "id": _unique(f"according-to-{ident}", used), "draft": True, "kind": "assertion",
            "asserted_by": [ident], "verb": "according to", "statement": fold(text[s:e]),
            "summary": summary(s, e), "evidence": anchor(s, e),
        })

    def source_of(start: int) -> str | None:
        return next((ident for s, e, ident in sources if s <= start < e), None)

    for f in find_figures(text):
        counts["figures"] += 1
        claim: dict[str, Any] = {
            "id": _unique(f"figure-{slug(f.text, 'n')}", used), "draft": True, "kind": "quantity", "text": f.text,
        }
        if f.hedge is Hedge.RANGE:
            claim.update(low=f.low, high=f.high)
        elif f.hedge is not Hedge.VAGUE:
            claim["value"] = f.value
        claim["hedge"] = f.hedge.value
        parsed = parse_figure(f.text)
        if (parsed is None or parsed.unit != f.unit) and f.unit:
            claim["unit"] = f.unit
        claim["counts"] = _clause_after(text, f.end) or "what the figure counts (to review)"
        source = source_of(f.start)
        if source:
            claim["according_to"] = source
        claim["summary"] = summary(f.start, f.end)
        claim["evidence"] = anchor(f.start, f.end)
        claims.append(claim)

    for t in find_times(text):
        counts["dates and times"] += 1
        claims.append({
            "id": _unique(f"time-{slug(t.text, 't')}", used), "draft": True, "kind": "event", "text": t.text,
            "when": t.kind, "what": summary(t.start, t.end)[:300], "summary": summary(t.start, t.end),
            "evidence": anchor(t.start, t.end),
        })

    speakers = _Speakers(article, sentence, pairs, by_id, lexicon)
    unknown: str | None = None
    for q in quotations(text):
        inner = text[q.start : q.end]
        if not inner.strip():
            continue
        counts["quotations"] += 1
        speaker = speakers.of(q.open, q.close)
        if speaker is None:
            unknown = speaker = unknown or _unique("unknown-speaker", used)
        words_ = inner.strip()
        full = words_[:1].isupper() and words_.rstrip("\u2019'").endswith((".", ",", "?", "!", "\u2026"))
        first_words = slug(" ".join(words_.split()[:4]), "q")
        claims.append({
            "id": _unique(f"quote-{speaker}-{first_words}", used), "draft": True, "kind": "quote",
            "speaker": speaker, "text": words_, "form": "full" if full else "partial",
            "summary": summary(q.open, q.close), "evidence": anchor(q.open, q.close),
        })
    if unknown:
        names.append(Name(unknown, "unknown speaker", EntityKind.PERSON))

    valid: list[dict[str, Any]] = []
    skipped: list[tuple[str, str, str]] = []
    for claim in claims:
        try:
            _CLAIM.validate_python(claim)
        except ValidationError as exc:
            skipped.append((claim["kind"], claim.get("text", claim["id"]), exc.errors()[0]["msg"]))
            continue
        valid.append(claim)
    counts["names"] = len(names)
    return Proposal(names, valid, counts, skipped)


_CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)


class _Speakers:
    """Who says a quotation: a name beside a speech verb near it, a pronoun's person, or the speaker before."""

    def __init__(self, article: Article, sentence: _Sentences, pairs: list[tuple[Mention, str]], names: dict[str, Name],
                 lexicon: Lexicon) -> None:
        self.text = article.text
        self.sentence = sentence
        self.mentions = sorted(pairs, key=lambda p: p[0].start)
        self.names = names
        verbs = sorted({v for v in lexicon.speech_verbs if " " not in v}, key=len, reverse=True)
        self.verb = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, verbs)) + r")(?![\w-])", re.IGNORECASE)
        verb_before = re.compile(r"(?:" + self.verb.pattern + r")\s+$", re.IGNORECASE)  # compiled once, not a mention
        self.last: tuple[int, str] | None = None  # where the previous quotation closed, and its speaker
        #: Mentions beside a speech verb ("Levi, the mayor, said"; "said Levi"): (where, entity), in order.
        self.speaking: list[tuple[int, str]] = []
        for mention, ident in self.mentions:
            tail = self.text[mention.end : mention.end + 160]
            head = self.text[max(0, mention.start - 20) : mention.start]
            verb_after = next((v for v in self.verb.finditer(tail) if _attached(tail[: v.start()], verb_first=False)), None)
            if verb_after or verb_before.search(head):
                self.speaking.append((mention.start, ident))

    def of(self, open_: int, close: int) -> str | None:
        text = self.text
        p0 = text.rfind("\n", 0, open_) + 1
        p1 = text.find("\n", close)
        p1 = len(text) if p1 < 0 else p1
        s, _e = self.sentence(open_, close)
        before_start = max(p0, s if s <= open_ else p0)
        nxt = next(quotations(text[close:p1]), None)
        after_end = close + nxt.open if nxt else p1
        found = self._near(close, after_end, after=True) or self._near(before_start, open_, after=False)
        attributed = any(len(text[close : v.start()].split()) <= 6 for v in self.verb.finditer(text, close, after_end)) or (
            self.verb.search(text, before_start, open_) is not None)
        if found is None and not attributed and self.last is not None:
            last_close, last_speaker = self.last
            between = [ident for m, ident in self.mentions if last_close <= m.start < open_ and self._person(ident)]
            if 0 <= open_ - last_close < 1500 and not any(i != last_speaker for i in between):
                found = last_speaker  # a follow-on quotation: "…," said X. "…"
        if found is not None:
            self.last = (close, found)
        return found

    def _person(self, ident: str) -> bool:
        name = self.names.get(ident)
        return name is not None and name.kind is EntityKind.PERSON

    def _near(self, lo: int, hi: int, after: bool) -> str | None:
        text = self.text
        verbs = list(self.verb.finditer(text, lo, hi))
        if not verbs:
            return None
        verb = verbs[0] if after else verbs[-1]
        if after and len(text[lo : verb.start()].split()) > 6:
            return None
        for mention, ident in self.mentions:
            gap = text[mention.end : verb.start()] if mention.end <= verb.start() else text[verb.end() : mention.start]
            if not (lo <= mention.start < hi or lo < mention.end <= hi):
                continue
            if _attached(gap, verb_first=mention.start >= verb.end()):
                return ident
        pronoun = re.search(r"(?<![\w-])(?:he|she|they)\s*$", text[lo : verb.start()], re.IGNORECASE) or re.match(
            r"\s*(?:he|she|they)(?![\w-])", text[verb.end() : hi], re.IGNORECASE)
        if pronoun:  # the person who spoke last before the verb, else the person named last
            spoke = [ident for at, ident in self.speaking if at < verb.start() and self._person(ident)]
            persons = spoke or [ident for m, ident in self.mentions if m.end <= verb.start() and self._person(ident)]
            return persons[-1] if persons else None
        return None


def _attached(gap: str, verb_first: bool) -> bool:
    """Does a name stand beside a speech verb across ``gap``: nothing, or an appositive set off by commas?"""
    if not gap.strip():
        return True
    if verb_first:
        return False
    return re.fullmatch(r"\s*,[^,;:\u201c\u201d\"()]{1,120},\s*", gap) is not None and len(gap.split()) <= 14
