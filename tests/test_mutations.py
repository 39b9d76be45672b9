"""The mutation suite: wrong edits generated from the real pages are all caught; harmless ones never are.

Every claim marker on every page of the site is mutated in every way that applies to
its kind: its figure, its hedge, each word of a quotation, the speaker named beside a
quotation, an office and the person who holds it, a source the article gives, the
actors and the position word of a stance, an asserter and its verb, the claim id, and
the markup itself. Each wrong edit must be reported by the rule that owns it, at the
page and line of the edit. The harmless edits (reflowing, reordering, headings, quote
style, "two million" for "2 million", another hedge word of the same class, a neutral
sentence) must raise nothing. The suite prints its counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdocs.lexicon import DEFAULT
from claimdocs.model import Assertion, EntityKind, Event, Quantity, Quote, Role, Stance, Statement
from claimdocs.project import Project
from claimdocs.quantities import Hedge, parse_figure
from claimdocs.rules.engine import check_page
from mutation_support import Marker, Mutation, markers, names_of, pages, rel, with_marker

AGAINST = {"opposed", "concerned", "warned", "rejected", "denied", "skeptical"}
WORD_SWAPS = {
    "two": "three", "three": "four", "four": "five", "five": "six", "twenty": "thirty", "million": "billion",
    "dozens": "hundreds", "thousands": "millions", "half": "a quarter of", "majority": "minority",
    "many": "a few", "several": "dozens",
}
#: Vague words the unbacked rule leaves alone in prose (too common in neutral writing).
PROSE_VAGUE = {"many", "several", "a few"}
TIME_SWAPS = {
    "monday": "Friday", "tuesday": "Wednesday", "wednesday": "Thursday", "thursday": "Friday", "friday": "Monday",
    "this week": "last week", "last year": "this year", "months": "years", "weeks": "months", "decades": "years",
    "october": "November", "evening": "morning",
}
OTHER_CLASS = {
    Hedge.APPROXIMATE: "over", Hedge.LOWER_BOUND: "about", Hedge.UPPER_BOUND: "over", Hedge.JUST_BELOW: "over",
}


def sentence_bounds(text: str, mk: Marker) -> tuple[int, int]:
    """The paragraph around a marker, in source offsets (blank lines delimit it)."""
    start = text.rfind("\n\n", 0, mk.start)
    end = text.find("\n\n", mk.end)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def replace_entity(project: Project, text: str, mk: Marker, who: str, by: str) -> tuple[str, set[int]] | None:
    """Replace every mention of ``who`` in the marker's paragraph (outside the marker) by ``by``.

    Names inside other markers change too ("{claim}`Mr. Katz has vowed <...>`"): the
    edit hands the whole sentence to someone else. None when there is no mention.
    """
    lo, hi = sentence_bounds(text, mk)
    region_parts = [(lo, mk.start), (mk.end, hi)]
    other = project.entities[by]
    changed_lines: set[int] = set()
    pieces: list[str] = []
    cursor = 0
    pattern = re.compile(
        r"\{person\}`[^`]*<" + re.escape(who) + r">`|\{person\}`" + re.escape(who) + "`|"
        + "|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names_of(project.entities[who]))
    )
    for a, b in region_parts:
        for m in pattern.finditer(text, a, b):
            new = f"{{person}}`{other.name} <{by}>`" if m.group().startswith("{person}") else other.name
            pieces.append(text[cursor : m.start()] + new)
            cursor = m.end()
            changed_lines.add(text.count("\n", 0, m.start()) + 1)
    if not changed_lines:
        return None
    pieces.append(text[cursor:])
    return "".join(pieces), changed_lines


def another_person(project: Project, *not_these: str) -> str:
    people = sorted(e.id for e in project.entities.values() if e.kind is EntityKind.PERSON and e.id not in not_these)
    return people[0]


def _first_digit_bumped(written: str) -> str | None:
    m = re.search(r"\d", written)
    if not m:
        return None
    d = int(m.group())
    new = str(d + 1) if d < 9 else "8"
    return written[: m.start()] + new + written[m.end() :]


def _swap_word(written: str, table: dict[str, str]) -> str | None:
    low = written.lower()
    for old in sorted(table, key=len, reverse=True):
        m = re.search(rf"\b{re.escape(old)}\b", low)
        if m:
            return written[: m.start()] + table[old] + written[m.end() :]
    return None


def generate(project: Project) -> Iterator[Mutation]:
    for page in pages():
        path = rel(page)
        text = page.read_text(encoding="utf-8")
        for mk in markers(project, path, text):
            yield from _for_marker(project, path, text, mk)
        for m in re.finditer(r"^(```|:::)\{claim-quote\}\s+(\S+)", text, re.MULTILINE):
            line = text.count("\n", 0, m.start()) + 1
            mutated = text[: m.start(2)] + m.group(2) + "x" + text[m.end(2) :]
            yield Mutation("claim id", path, mutated, frozenset({"unknown-id"}), frozenset({line}), m.group(2))
        yield Mutation(
            "new figure", path, text.rstrip("\n") + "\n\nAn estimated 12,000 more people were also displaced.\n",
            frozenset({"unbacked"}), frozenset({text.rstrip("\n").count("\n") + 3}), "an unbacked figure",
        )


def _for_marker(project: Project, path: str, text: str, mk: Marker) -> Iterator[Mutation]:
    lines = frozenset(range(mk.line, mk.end_line + 1))

    def mutation(kind: str, new: str, rules: set[str], at: set[int] | frozenset[int] = lines, note: str = "") -> Mutation:
        return Mutation(kind, path, new, frozenset(rules), frozenset(at), note or mk.written)

    if mk.target is None:
        return  # the bare form: the claim's own words, nothing written to get wrong
    yield mutation("claim id", with_marker(text, mk, mk.written, mk.target + "x"), {"unknown-id"})
    if mk.role == "person":
        return
    claim = project.claims[mk.target]
    unmarked = text[: mk.start] + mk.written + text[mk.end :]
    match claim:
        case Quantity():
            new = _first_digit_bumped(mk.written) or _swap_word(mk.written, WORD_SWAPS)
            assert new, f"no value mutation for {mk.written!r}"
            yield mutation("figure", with_marker(text, mk, new), {"value", "hedge"})
            fig = parse_figure(mk.written)
            if claim.hedge is Hedge.EXACT:
                yield mutation("hedge", with_marker(text, mk, "about " + mk.written), {"hedge"})
            elif claim.hedge in OTHER_CLASS and fig and fig.hedge_word:
                bare = re.sub(rf"(?i)^\s*{re.escape(fig.hedge_word)}\s+", "", mk.written)
                yield mutation("hedge", with_marker(text, mk, bare), {"hedge"}, note=f"{mk.written!r} -> {bare!r}")
                yield mutation("hedge", with_marker(text, mk, f"{OTHER_CLASS[claim.hedge]} {bare}"), {"hedge"})
            if not (fig and fig.vague_word in PROSE_VAGUE):
                yield mutation("unmarked", unmarked, {"unbacked"})
            if claim.according_to:
                yield from _source_removed(project, path, text, mk, claim.according_to, mutation)
        case Event():
            new = _first_digit_bumped(mk.written) or _swap_word(mk.written, TIME_SWAPS)
            assert new, f"no time mutation for {mk.written!r}"
            yield mutation("date or time", with_marker(text, mk, new), {"value"})
            yield mutation("unmarked", unmarked, {"unbacked"})
        case Quote():
            for m in re.finditer(r"[A-Za-z\u2019']{2,}", mk.written):
                new = mk.written[: m.start()] + "zz" + m.group() + mk.written[m.end() :]
                yield mutation("quotation word", with_marker(text, mk, new), {"quote"}, note=m.group())
            swapped = replace_entity(project, text, mk, claim.speaker, another_person(project, claim.speaker))
            if swapped:
                new, at = swapped
                yield mutation("speaker", new, {"speaker"}, lines | at)
            if any(q in mk.written for q in "\u201c\u201d\""):
                yield mutation("unmarked", unmarked, {"unbacked"})
        case Role():
            others = [r for r in project.claims.values() if isinstance(r, Role) and r.person != claim.person
                      and not any(o.lower() in r.text.lower() for o in claim.office)]
            swap = min(others, key=lambda r: r.id)
            yield mutation("office", with_marker(text, mk, swap.text), {"office"}, note=f"-> {swap.text!r}")
            if claim.status == "current":
                yield mutation("former", with_marker(text, mk, "former " + mk.written), {"office"})
            swapped = replace_entity(project, text, mk, claim.person, another_person(project, claim.person))
            if swapped:
                new, at = swapped
                yield mutation("office holder", new, {"office"}, lines | at)
        case Stance():
            words = DEFAULT.positions[claim.position]
            found = next((m for w in sorted(words, key=len, reverse=True)
                          if (m := re.search(rf"(?i)\b{re.escape(w)}\b", mk.written))), None)
            if found:
                opposite = "supported" if claim.position in AGAINST else "opposed"
                new = mk.written[: found.start()] + opposite + mk.written[found.end() :]
                yield mutation("position", with_marker(text, mk, new), {"position"}, note=f"-> {opposite}")
            yield from _actors_changed(project, text, mk, claim, mutation)
            if claim.according_to:
                yield from _source_removed(project, path, text, mk, claim.according_to, mutation)
        case Assertion():
            forms = DEFAULT.verb_forms.get(claim.verb.lower(), (claim.verb,))
            found = next((m for w in forms if (m := re.search(rf"(?i)\b{re.escape(w)}\b", mk.written))), None)
            if found:
                new = mk.written[: found.start()] + "showed" + mk.written[found.end() :]
                # the attributing verb changed: the attribution rule, or the marker's own words (claims.marker)
                yield mutation("attributing verb", with_marker(text, mk, new), {"attribution", "marker"})
        case Statement():
            mentions = [m for m in project.registry.mentions(mk.written) if m.entity in claim.about]
            if mentions and len(mk.written.split()) > 8:
                m = mentions[0]
                other = "others" if m.start else "Others"  # a marker opening a sentence stays one
                new = mk.written[: m.start] + other + mk.written[m.end :]
                yield mutation("statement subject", with_marker(text, mk, new), {"statement"}, note=m.text)


def _source_removed(project: Project, path: str, text: str, mk: Marker, source: str, mutation) -> Iterator[Mutation]:
    lo, hi = sentence_bounds(text, mk)
    names = names_of(project.entities[source])
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names), re.IGNORECASE)
    hits = [m for m in pattern.finditer(text, lo, hi) if not (mk.start <= m.start() < mk.end)]
    if not hits:
        return
    pieces, cursor, at = [], 0, set()
    for m in hits:
        pieces.append(text[cursor : m.start()] + "observers")
        cursor = m.end()
        at.add(text.count("\n", 0, m.start()) + 1)
    pieces.append(text[cursor:])
    # the source dropped: the attribution rule; a {person} marker of it now writes a name it lacks (claims.name)
    yield mutation("source", "".join(pieces), {"attribution", "name"}, frozenset(range(mk.line, mk.end_line + 1)) | at)


def _actors_changed(project: Project, text: str, mk: Marker, claim: Stance, mutation) -> Iterator[Mutation]:
    mentions = project.registry.mentions(mk.written)
    actors = [m for m in mentions if m.entity in claim.actors]
    if len(claim.actors) >= 2 and len(actors) >= 2:
        last = actors[-1]
        head = re.sub(r"(,\s*(and\s+)?|\s+and\s+)$", "", mk.written[: last.start])
        new = head + mk.written[last.end :]
        yield mutation("actors", with_marker(text, mk, new), {"position"}, note=f"dropped {last.text!r}")
    extra = another_person(project, *claim.actors)
    name = project.entities[extra].name
    if actors:
        first = actors[0]
        new = mk.written[: first.start] + f"{name} and " + mk.written[first.start :]
        yield mutation("actors", with_marker(text, mk, new), {"position"}, note=f"added {name!r}")


# ---------------------------------------------------------------- harmless edits


def harmless(project: Project) -> Iterator[tuple[str, str, str]]:
    for page in pages():
        path = rel(page)
        text = page.read_text(encoding="utf-8")
        yield "reflow", path, _reflow(text)
        yield "reorder paragraphs", path, _reorder(text)
        yield "new heading", path, text.rstrip("\n") + "\n\n## Notes for readers\n\nThis section restates the article.\n"
        yield "neutral sentence", path, _neutral(text)
        yield "quote style", path, _quote_style(project, path, text)
        yield "number words and hedge words", path, _same_class(project, path, text)


_STRUCTURE = re.compile(r"^\s*([#:`|>*+\-]|\d+\.|\{|\(|<|\s{4})")


def _reflow(text: str) -> str:
    """Join the lines of each plain paragraph into one line."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if line.strip() and prev.strip() and not _STRUCTURE.match(line) and not _STRUCTURE.match(prev) \
                and not prev.rstrip().endswith(":"):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _reorder(text: str) -> str:
    """Reverse each run of plain paragraphs under a heading."""
    blocks = text.split("\n\n")
    out: list[str] = []
    run: list[str] = []
    fence = 0
    for block in blocks:
        fence += block.count("```") + block.count(":::")
        plain = fence % 2 == 0 and block.strip() and not _STRUCTURE.match(block) and "```" not in block \
            and ":::" not in block and not block.rstrip().endswith(":")
        if plain:
            run.append(block)
        else:
            out.extend(reversed(run))
            run = []
            out.append(block)
    out.extend(reversed(run))
    return "\n\n".join(out)


def _neutral(text: str) -> str:
    m = re.search(r"\n\n([A-Z][^\n]*[.])\n", text)
    if not m:
        return text
    return text[: m.end(1)] + " The article gives the details below." + text[m.end(1) :]


def _quote_style(project: Project, path: str, text: str) -> str:
    out = text
    for mk in reversed(markers(project, path, text)):
        if mk.target and mk.target in project.claims and isinstance(project.claims[mk.target], Quote):
            straight = mk.written.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
            out = with_marker(out, mk, straight)
    return out


SAME_CLASS = {"approximately": "about", "about": "approximately", "around": "about", "roughly": "about",
              "over": "more than", "nearly": "almost", "up to": "up to", "two million": "2 million",
              "65,000": "65 thousand", "1,200": "1.2 thousand"}


def _same_class(project: Project, path: str, text: str) -> str:
    out = text
    for mk in reversed(markers(project, path, text)):
        if mk.target and isinstance(project.claims.get(mk.target), Quantity):
            new = _swap_word(mk.written, SAME_CLASS)
            if new:
                out = with_marker(out, mk, new)
    return out


# ---------------------------------------------------------------- the tests


@pytest.fixture(scope="module")
def mutations(real_project: Project) -> list[Mutation]:
    return list(generate(real_project))


def test_the_real_pages_are_clean(real_project: Project) -> None:
    for page in pages():
        result = check_page(real_project, rel(page), page.read_text(encoding="utf-8"))
        assert result.findings == [], [f.format() for f in result.findings]


def test_every_wrong_edit_is_caught_at_its_file_and_line(
    real_project: Project, mutations: list[Mutation], capsys: pytest.CaptureFixture[str]
) -> None:
    missed: list[str] = []
    counts: Counter[str] = Counter()
    for mut in mutations:
        findings = check_page(real_project, mut.path, mut.text).findings
        hit = [f for f in findings if f.rule in mut.rules and f.line in mut.lines and f.path == mut.path]
        counts[mut.kind] += 1
        if not hit:
            got = "; ".join(f.format() for f in findings[:3]) or "no finding"
            missed.append(f"{mut.path}:{min(mut.lines)} {mut.kind} ({mut.note}): expected {sorted(mut.rules)}, got {got}")
    with capsys.disabled():
        total = sum(counts.values())
        print(f"\nmutation suite: {total} wrong edits, {total - len(missed)} caught")
        for kind, n in sorted(counts.items()):
            print(f"  {kind:22} {n:5}")
    assert missed == [], "\n".join(missed[:40])


def test_the_suite_mutates_every_kind_of_fact(mutations: list[Mutation]) -> None:
    kinds = Counter(m.kind for m in mutations)
    for kind in ("figure", "hedge", "quotation word", "speaker", "office", "office holder", "source", "position",
                 "actors", "date or time", "claim id", "unmarked", "attributing verb", "new figure",
                 "statement subject"):
        assert kinds[kind] > 0, kind


def test_harmless_edits_raise_nothing(real_project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    alarms: list[str] = []
    count = 0
    for kind, path, text in harmless(real_project):
        count += 1
        for f in check_page(real_project, path, text).findings:
            alarms.append(f"{kind}: {f.format()}")
    with capsys.disabled():
        print(f"\nharmless edits: {count}, false alarms: {len(alarms)}")
    assert alarms == [], "\n".join(alarms[:40])


def test_a_wrong_edit_fails_the_command_line_at_its_line(site: Path, cli) -> None:
    page = site / "docs" / "figures.md"
    text = page.read_text(encoding="utf-8")
    assert "{claim}`approximately 65,000 <gaza-deaths>`" in text
    page.write_text(text.replace("{claim}`approximately 65,000 <gaza-deaths>`", "{claim}`65,000 <gaza-deaths>`"),
                    encoding="utf-8")
    line = next(i for i, t in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if "65,000 <gaza-deaths>" in t)
    run = cli(site, "check")
    assert run.code == 1
    assert any(out.startswith(f"docs/figures.md:{line}:") and out.endswith("[claims.hedge]") for out in run.lines)
