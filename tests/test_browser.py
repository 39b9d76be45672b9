"""The built site in a real browser: Debian's Chromium, driven by Playwright's sync API.

The site is built once (or taken from ``$CLAIMDOCS_HTML``), served from 127.0.0.1 and every
request leaving it is blocked and counted as a failure. Every page is loaded and checked
(console, requests, axe-core, phone width); links and anchors are checked over the built
files; the claim cards, the source page, the generated views, search and dark mode are
driven by hand. Screenshots go to ``test-artifacts/screenshots/``.

Without ``/usr/bin/chromium`` these tests skip, except when ``$CI`` is set, where they fail.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from browser_support import (
    CARD_SEEN_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    COLOURS_JS,
    DESKTOP,
    NO_CHROMIUM,
    OPEN_EACH_CARD_JS,
    OVERFLOW_JS,
    PHONE,
    PHONE_VIEW_JS,
    PLACE_JS,
    SCROLLERS_JS,
    Built,
    Watch,
    contrast,
    describe_violations,
    fold,
    hover_instructions,
    is_dark,
    jsonld_problems,
    new_page,
    parse_colour,
    serious,
    serve,
    site_pages,
    text_contrast,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "000_47ef2131506feb3b.txt"
SHOTS = ROOT / "test-artifacts" / "screenshots"

CLAIM_LINK = ".claim:not(.claim-person) > a.claim-link"
PERSON_LINK = ".claim.claim-person > a.claim-link"
DISPUTE_WORDS = ("Gaza City", "Qatar", "ceasefire")  # the three disputes, as the matrix header names them

#: axe-core rules not asserted, each with the reason. Empty: nothing is excluded.
AXE_EXCLUDED: dict[str, str] = {}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once; ``$CLAIMDOCS_HTML`` names an existing build to use instead."""
    given = os.environ.get("CLAIMDOCS_HTML")
    if given:
        out = Path(given).resolve()
        assert (out / "index.html").is_file(), f"CLAIMDOCS_HTML={given}: no index.html there"
        return out
    from sphinx.cmd.build import build_main

    out = tmp_path_factory.mktemp("html")
    doctrees = tmp_path_factory.mktemp("doctrees")
    code = build_main(["-q", "-c", str(ROOT), "-d", str(doctrees), "-b", "html", str(ROOT / "docs"), str(out)])
    assert code == 0, f"sphinx-build exited {code}"
    return out


@pytest.fixture(scope="session")
def built(built_site: Path) -> Built:
    return Built(built_site)


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[str]:
    found = site_pages(built_site)
    assert "index.html" in found, found
    return found


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, launched once for the session."""
    if not CHROMIUM.exists():
        _unavailable(NO_CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[browser]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def watch(site_url: str) -> Watch:
    return Watch(site_url)


@pytest.fixture(scope="session")
def article() -> str:
    return fold(ARTICLE.read_text(encoding="utf-8"))


def shoot(page: Any, name: str, *, full_page: bool = False) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def _goto(page: Any, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: {response.status if response else 'no response'}"


def _card_of(link: Any) -> Any:
    return link.locator("xpath=following-sibling::span[contains(concat(' ', @class, ' '), ' claim-card ')]")


def _content_pages(built: Built, pages: list[str]) -> list[str]:
    """Pages that restate the article in prose (not the generated index or source)."""
    with_claims = built.pages_with(pages, CLAIM_LINK)
    return [p for p in with_claims if p not in ("claims.html", "source.html")]


def _showcase(built: Built, pages: list[str]) -> str:
    """The page the screenshots show cards on: a dispute page, else any page restating the article."""
    content = _content_pages(built, pages)
    return next((p for p in content if p.startswith("disputes/")), content[0] if content else "claims.html")


def _dispute_page(built: Built, pages: list[str]) -> str:
    disputes = [p for p in pages if p.startswith("disputes/")]
    assert disputes, f"no disputes/*.html page in the build: {pages}"
    return disputes[0]


# ---------------------------------------------------------------- every page, once


CARD_WIDTHS = (1280, 800)  # a desktop and a tablet: where cards open beside their claim (phones pin them)


@dataclass
class PageReport:
    problems: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    cards_off: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)
    phone: dict[str, Any] = field(default_factory=dict)


PHONE_CONTEXT = {"viewport": PHONE, "has_touch": True, "is_mobile": True}  # a 390 x 844 touch screen


@pytest.fixture(scope="session")
def reports(chromium: Any, site_url: str, pages: list[str], axe: Any) -> dict[str, PageReport]:
    """Each page loaded once at desktop width: what went wrong while it loaded, what axe-core finds,
    which cards run off the window (at each of CARD_WIDTHS); and once more, afresh, on a phone's touch
    screen: how wide it is, what scrolls sideways inside it, its title's box, the text it shows."""
    watch = Watch(site_url)
    page = new_page(chromium, watch)
    phone = new_page(chromium, watch, **PHONE_CONTEXT)
    out: dict[str, PageReport] = {}
    try:
        for rel in pages:
            report = out.setdefault(rel, PageReport())
            page.set_viewport_size(DESKTOP)
            response = page.goto(site_url + rel, wait_until="load")
            if response is None or not response.ok:
                report.problems.append(f"HTTP {response.status if response else '(no response)'}")
            report.violations = axe.run(page).response["violations"]
            for width in CARD_WIDTHS:
                page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
                report.cards_off[width] = page.evaluate(OPEN_EACH_CARD_JS)
            phone.goto(site_url + rel, wait_until="load")
            report.phone = {**phone.evaluate(OVERFLOW_JS), "scrollers": phone.evaluate(SCROLLERS_JS),
                            **phone.evaluate(PHONE_VIEW_JS)}
            report.problems += watch.take()
    finally:
        page.context.close()
        phone.context.close()
    return out


def test_every_page_loads_without_errors(reports: dict[str, PageReport], pages: list[str]) -> None:
    """No console error, no failed or 4xx/5xx request, no request leaving 127.0.0.1."""
    assert len(pages) >= 3, pages
    problems = [f"{rel}: {p}" for rel, report in reports.items() for p in report.problems]
    assert not problems, "\n".join(problems)


def test_no_serious_accessibility_violations(reports: dict[str, PageReport]) -> None:
    """axe-core finds nothing serious or critical on any page."""
    lines = []
    for rel, report in reports.items():
        found = [v for v in serious(report.violations) if v["id"] not in AXE_EXCLUDED]
        lines += describe_violations(rel, found)
    assert not lines, "axe-core violations:\n" + "\n".join(lines)


def test_internal_links_and_anchors_resolve(built: Built, pages: list[str]) -> None:
    """Every internal href or src names a file that exists, and every #fragment an id in it."""
    broken = built.broken_links(pages)
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:60])


def test_every_card_quotes_the_article(built: Built, pages: list[str], article: str) -> None:
    """Statically, on every page: each claim's card marks a span of the article and says who says it."""
    problems = []
    cards = 0
    for rel in pages:
        for span in built.page(rel).select("span.claim:not(.claim-person)[data-claim-id]"):
            ident = span["data-claim-id"]
            card = span.find("span", class_="claim-card", recursive=False)
            if card is None:
                problems.append(f"{rel}: claim {ident} (#{span.get('id')}) has no card")
                continue
            cards += 1
            mark = card.select_one(".claim-card-evidence mark")
            if mark is None or fold(mark.get_text()) not in article:
                problems.append(f"{rel}: card of {ident}: marked text {mark and mark.get_text()!r} is not in the article")
            if not card.select_one(".claim-card-who") or not card.select_one(".claim-card-who").get_text(strip=True):
                problems.append(f"{rel}: card of {ident} has no attribution line")
    assert cards, "no claim cards anywhere in the site"
    assert not problems, "\n".join(problems)


def test_claims_index_entries_carry_json_ld(built: Built) -> None:
    problems = jsonld_problems(built.page("claims.html"))
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- claim cards


def _open_card(page: Any, link: Any, how: str) -> tuple[Any, dict[str, Any]]:
    link.evaluate(PLACE_JS)
    if how == "hover":
        link.hover()
    else:
        link.focus()
    card = _card_of(link)
    card.wait_for(state="visible", timeout=2000)
    return card, card.evaluate(CARD_SEEN_JS)


def _check_card(rel: str, card: Any, seen: dict[str, Any], article: str, *, person: bool = False) -> list[str]:
    problems = []
    ident = card.get_attribute("id")
    if seen["seen"][:2] != ["card", "card"]:  # the start and the middle of its first line
        problems.append(f"{rel}: card {ident} is open but hidden from the reader: the points of its first line show "
                        f"{seen['seen']} (card at {seen['rect']})")
    mark = card.locator("mark")
    if mark.count():
        if fold(mark.first.inner_text()) not in article:
            problems.append(f"{rel}: card {ident}: {mark.first.inner_text()!r} is not in the article")
    elif not person:
        problems.append(f"{rel}: card {ident} shows no text of the article")
    if not person and not card.locator(".claim-card-who").inner_text().strip():
        problems.append(f"{rel}: card {ident} has no attribution line")
    return problems


def test_hover_and_focus_show_the_card(chromium: Any, watch: Watch, site_url: str, built: Built,
                                      pages: list[str], article: str, axe: Any) -> None:
    """On every page with claims: hovering a claim, and focusing its link, opens a card the reader can see."""
    with_claims = built.pages_with(pages, CLAIM_LINK)
    assert with_claims, "no page has a claim"
    showcase = _showcase(built, pages)
    page = new_page(chromium, watch)
    problems: list[str] = []
    for rel in with_claims:
        _goto(page, site_url + rel)
        links = page.locator(f"{CLAIM_LINK}:visible")  # not those in a closed tab or dropdown
        if not links.count():
            problems.append(f"{rel}: no claim is visible on the page")
            continue
        picks = {0, links.count() - 1}  # the first and the last claim: the last is where a card gets cut off
        for i in sorted(picks):
            card, seen = _open_card(page, links.nth(i), "hover")
            problems += _check_card(rel, card, seen, article)
            if rel == showcase and i == 0:
                shoot(page, "hover-card")
                result = axe.run(page, context=f"#{card.get_attribute('id')}",
                                 options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
                problems += describe_violations(f"{rel} (open card)", serious(result.response["violations"]))
            page.mouse.move(0, 0)
            card.wait_for(state="hidden", timeout=2000)
            if i:
                continue  # keyboard focus: the first claim is enough
            card, seen = _open_card(page, links.nth(i), "focus")
            problems += _check_card(rel, card, seen, article)
            page.evaluate("document.activeElement && document.activeElement.blur()")
        persons = page.locator(f"{PERSON_LINK}:visible")
        if persons.count():
            card, seen = _open_card(page, persons.first, "hover")
            problems += _check_card(rel, card, seen, article, person=True)
            page.mouse.move(0, 0)
    problems += watch.take()
    page.context.close()
    problems = list(dict.fromkeys(problems))  # a card hidden on hover is usually hidden on focus too
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", CARD_WIDTHS)
def test_open_cards_fit_the_viewport(reports: dict[str, PageReport], width: int) -> None:
    """Every card, opened where its claim stands, ends inside the window: none runs off its right edge."""
    off = [f"{rel}: the card of {ident} " + (f"ends at {right}px, past the window's {limit}px" if right >= 0
                                             else "does not open when its link has focus")
           for rel, report in reports.items() for ident, right, limit in report.cards_off[width]]
    assert not off, f"{len(off)} cards run off the right edge at {width}px:\n" + "\n".join(off[:25])


# ---------------------------------------------------------------- cards: WCAG 2.1 SC 1.4.13 (content on hover or focus)

#: A claim whose card holds a link (to the source page): something to focus inside the card.
CLAIM_WITH_CARD_LINK = ".claim:not(.claim-person):has(> .claim-card a[href]) > a.claim-link"
SCHEMES = ("light", "dark")


def _themed_page(chromium: Any, watch: Watch, scheme: str, **context_args: Any) -> Any:
    """A page in light or dark mode: dark is the theme's stored choice (body[data-theme=dark]);
    ``dark-system`` is the system's dark under the theme's default ``auto``."""
    page = new_page(chromium, watch, color_scheme="light" if scheme == "light" else "dark", **context_args)
    if scheme == "dark":
        page.context.add_init_script("try { localStorage.setItem('theme', 'dark') } catch (e) {}")
    return page


def _assert_scheme(page: Any, scheme: str) -> None:
    body = page.locator("body").evaluate(COLOURS_JS)
    theme = page.evaluate("document.body.dataset.theme")
    assert is_dark(body) == (scheme != "light"), f"{scheme}: the page is drawn {body} (data-theme={theme!r})"
    if scheme == "dark-system":
        assert theme == "auto", f"system dark should leave the theme on auto, not {theme!r}"


def _link_whose_card_fits(page: Any) -> Any:
    """The first visible claim whose open card lies inside the window. Without scripts a card opens
    under its marker and may run past the right edge for a marker at a line's end (a documented limit,
    README "For readers"); with scripts the first claim's card is placed inside the window anyway."""
    links = page.locator(f"{CLAIM_WITH_CARD_LINK}:visible")
    width = page.evaluate("document.documentElement.clientWidth")
    for i in range(min(links.count(), 20)):
        link = links.nth(i)
        link.hover()
        box = _rect(_card_of(link))
        page.mouse.move(*NEUTRAL)
        if box["right"] <= width:
            return link
    return links.first


def _is_open(card: Any) -> bool:
    return card.evaluate("c => getComputedStyle(c).display !== 'none' && c.getBoundingClientRect().height > 0")


def _rect(locator: Any, first_line: bool = False) -> dict[str, float]:
    return locator.evaluate(
        "(el, line) => { const r = line ? el.getClientRects()[0] : el.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }", first_line)


def _focused(page: Any) -> str:
    return page.evaluate("""() => { const a = document.activeElement;
      return a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + ' ' + (a.textContent || '').trim().slice(0, 40) : ''; }""")


NEUTRAL = (2, 2)  # a corner of the window, on no claim: where the pointer goes to leave a card


@pytest.mark.parametrize("scheme", SCHEMES)
def test_escape_dismisses_an_open_card(chromium: Any, watch: Watch, site_url: str, built: Built,
                                       pages: list[str], scheme: str) -> None:
    """Escape closes a card opened by the pointer or by focus, moving neither; focus inside the card goes
    back to its claim's link. The card comes back when the pointer or focus comes back to the claim."""
    rel = _showcase(built, pages)
    page = _themed_page(chromium, watch, scheme)
    _goto(page, site_url + rel)
    _assert_scheme(page, scheme)
    link = page.locator(f"{CLAIM_WITH_CARD_LINK}:visible").first
    card = _card_of(link)
    problems: list[str] = []

    # 1. Opened by the pointer, focus elsewhere (on a link that is not a claim): Escape moves neither.
    page.evaluate("""() => [...document.querySelectorAll('article a[href]')]
        .find(a => !a.closest('.claim') && a.getClientRects().length).focus({preventScroll: true})""")
    before = _focused(page)
    link.evaluate(PLACE_JS)
    link.hover()
    card.wait_for(state="visible", timeout=2000)
    page.keyboard.press("Escape")
    if _is_open(card):
        problems.append("Escape leaves a card opened by the pointer open")
    if _focused(page) != before:
        problems.append(f"Escape moved focus from {before!r} to {_focused(page)!r}")
    if not link.evaluate("el => el.matches(':hover')"):
        problems.append("after Escape the pointer is no longer on the claim")
    page.mouse.move(*NEUTRAL)
    link.hover()
    if not _is_open(card):
        problems.append("the card does not open again when the pointer comes back")
    page.mouse.move(*NEUTRAL)
    card.wait_for(state="hidden", timeout=2000)

    # 2. Opened by focus on its link: Escape closes it, focus stays on the link.
    link.focus()
    card.wait_for(state="visible", timeout=2000)
    page.keyboard.press("Escape")
    if _is_open(card):
        problems.append("Escape leaves a card opened by focus open")
    if not link.evaluate("el => el === document.activeElement"):
        problems.append(f"Escape moved focus off the claim's link to {_focused(page)!r}")
    page.keyboard.press("Tab")
    if link.evaluate("el => el.parentElement.contains(document.activeElement)"):
        problems.append(f"Tab after Escape stays in the claim: {_focused(page)!r} (is the card's link still reachable?)")
    page.keyboard.press("Shift+Tab")
    if not (link.evaluate("el => el === document.activeElement") and _is_open(card)):
        problems.append(f"focus back on the link ({_focused(page)!r}) does not open the card again")

    # 3. Focus inside the card (its link to the source): Escape closes it and returns focus to the claim.
    page.keyboard.press("Tab")
    if not card.evaluate("c => c.contains(document.activeElement)"):
        problems.append(f"Tab from the claim's link does not reach the card's link but {_focused(page)!r}")
    page.keyboard.press("Escape")
    if _is_open(card):
        problems.append("Escape leaves a card with focus inside open")
    if not link.evaluate("el => el === document.activeElement"):
        problems.append(f"Escape inside the card left focus on {_focused(page)!r}, not on the claim's link")
    problems += watch.take()
    page.context.close()
    assert not problems, f"{rel} ({scheme}):\n" + "\n".join(problems)


def _cross(page: Any, link: Any, card: Any, *, upward: bool) -> list[str]:
    """Move the pointer one pixel at a time from the claim's marker onto its card, as a slow hand
    would, checking at each step that the card is still open; end on the card, where its link is.
    The way starts on the marker's line next to the card (a wrapped marker has several)."""
    first = _rect(link, first_line=True)
    page.mouse.move((first["left"] + first["right"]) / 2, (first["top"] + first["bottom"]) / 2)
    card.wait_for(state="visible", timeout=2000)
    box = _rect(card)
    lines = link.evaluate("el => [...el.getClientRects()].map(r => ({left: r.left, right: r.right, top: r.top, "
                          "bottom: r.bottom}))")
    if upward:
        near = [r for r in lines if r["top"] >= box["bottom"] - 1]
        line = min(near, key=lambda r: r["top"]) if near else None
    else:
        near = [r for r in lines if r["bottom"] <= box["top"] + 1]
        line = max(near, key=lambda r: r["bottom"]) if near else None
    if line is None:
        return [f"the card ({box}) opened {'below' if upward else 'above'} its marker ({lines}), or over it"]
    left, right = max(line["left"], box["left"]), min(line["right"], box["right"])
    if left >= right - 4:
        return [f"no way straight from the marker's line ({line}) to the card ({box})"]
    x = (left + right) / 2
    page.mouse.move(x, (line["top"] + line["bottom"]) / 2)
    if upward:
        ys = range(int(line["top"]) + 1, int(box["bottom"]) - 8, -1)
    else:
        ys = range(int(line["bottom"]) - 1, int(box["top"]) + 8)
    for y in ys:
        page.mouse.move(x, y)
        if not _is_open(card):
            edge = "top" if upward else "bottom"
            return [f"the card closed with the pointer at y={y}, between the marker's {edge} "
                    f"({line[edge]:.1f}) and the card ({box}): a gap the pointer cannot cross"]
    hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('.claim-card')?.id ?? null", [x, ys[-1]])
    if hit != card.get_attribute("id"):
        return [f"at the end of the way the pointer is over {hit!r}, not the card"]
    return []


@pytest.mark.parametrize("script", ["with-js", "no-js"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_pointer_can_move_from_a_claim_onto_its_card(chromium: Any, watch: Watch, site_url: str, built: Built,
                                                         pages: list[str], scheme: str, script: str) -> None:
    """Hoverable: a pointer moving slowly from the marker onto the card keeps it open all the way, with the card
    below its marker and (placed by the script where there is no room below) above it."""
    rel = _showcase(built, pages)
    page = _themed_page(chromium, watch, scheme, java_script_enabled=script == "with-js")
    _goto(page, site_url + rel)
    _assert_scheme(page, scheme)
    links = page.locator(f"{CLAIM_LINK}:visible")
    link = links.first
    link.evaluate(PLACE_JS)
    problems = [f"below: {p}" for p in _cross(page, link, _card_of(link), upward=False)]
    page.mouse.move(*NEUTRAL)
    if script == "with-js":
        # A claim far enough down the page to stand near the bottom of the window: its card opens above it.
        index = links.evaluate_all("els => els.findIndex(a => a.getBoundingClientRect().top + scrollY > innerHeight)")
        assert index >= 0, f"{rel}: no claim below the first screen"
        low = links.nth(index)
        low.evaluate("el => window.scrollTo({top: el.getBoundingClientRect().top + scrollY - innerHeight + 40, "
                     "behavior: 'instant'})")
        problems += [f"above: {p}" for p in _cross(page, low, _card_of(low), upward=True)]
        page.mouse.move(*NEUTRAL)
    problems += watch.take()
    page.context.close()
    assert not problems, f"{rel} ({scheme}, {script}):\n" + "\n".join(problems)


def test_a_narrow_window_with_a_mouse_keeps_the_card_reachable(chromium: Any, watch: Watch, site_url: str,
                                                               built: Built, pages: list[str]) -> None:
    """A phone-wide window whose pointer hovers (a desktop zoomed to 400%): the card opens beside its marker,
    inside the window, and the pointer can move onto it (a card pinned to the bottom could not be reached)."""
    rel = _showcase(built, pages)
    page = new_page(chromium, watch, viewport=PHONE)
    _goto(page, site_url + rel)
    assert page.evaluate("matchMedia('(hover: hover)').matches"), "the emulated window cannot hover"
    link = page.locator(f"{CLAIM_LINK}:visible").first
    link.evaluate(PLACE_JS)
    problems = _cross(page, link, _card_of(link), upward=False)
    box = _rect(_card_of(link))
    if box["left"] < 0 or box["right"] > PHONE["width"]:
        problems.append(f"the card runs out of the window: {box}")
    problems += watch.take()
    page.context.close()
    assert not problems, f"{rel} at {PHONE['width']}px with a mouse:\n" + "\n".join(problems)


@pytest.mark.parametrize("script", ["with-js", "no-js"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_open_card_stays_until_pointer_and_focus_leave(chromium: Any, watch: Watch, site_url: str, built: Built,
                                                          pages: list[str], scheme: str, script: str) -> None:
    """Persistent: opened by the pointer, the card stays while the pointer is on the marker or the card and
    closes when it leaves both; opened by focus, it stays while focus is on the claim or in its card, wherever
    the pointer goes, and closes when focus leaves. With or without the script."""
    rel = _showcase(built, pages)
    page = _themed_page(chromium, watch, scheme, java_script_enabled=script == "with-js")
    _goto(page, site_url + rel)
    link = _link_whose_card_fits(page)
    card = _card_of(link)
    link.evaluate(PLACE_JS)
    problems = _cross(page, link, card, upward=False)
    box = _rect(card)
    for x, y in ((box["left"] + 3, box["bottom"] - 3), (box["right"] - 3, box["bottom"] - 3),
                 (box["right"] - 3, (box["top"] + box["bottom"]) / 2)) if not problems else ():
        page.mouse.move(x, y)
        if not _is_open(card):
            problems.append(f"the card closed with the pointer on it at ({x:.0f}, {y:.0f}), card {box}")
    page.mouse.move(*NEUTRAL)
    if _is_open(card):
        problems.append("the card stays open after the pointer left the marker and the card")

    link.focus()
    card.wait_for(state="visible", timeout=2000)
    line = _rect(link, first_line=True)
    for x, y in (((line["left"] + line["right"]) / 2, (line["top"] + line["bottom"]) / 2), NEUTRAL):
        page.mouse.move(x, y)  # over the claim and away: the pointer leaving does not close what focus opened
        if not _is_open(card):
            problems.append(f"the card opened by focus closed when the pointer moved to ({x:.0f}, {y:.0f})")
    page.keyboard.press("Tab")  # into the card, onto its link
    if not (card.evaluate("c => c.contains(document.activeElement)") and _is_open(card)):
        problems.append(f"with focus on the card's link ({_focused(page)!r}) the card is not open")
    page.keyboard.press("Tab")  # out of the claim
    if _is_open(card):
        problems.append(f"the card stays open after focus left for {_focused(page)!r}")
    problems += watch.take()
    page.context.close()
    assert not problems, f"{rel} ({scheme}, {script}):\n" + "\n".join(problems)


_ELEVATION_JS = """
card => {
  const s = getComputedStyle(card);
  let page = 'rgba(0, 0, 0, 0)';
  for (let e = card.parentElement; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (/^rgb\\(/.test(bg)) { page = bg; break; }
  }
  return {surface: s.backgroundColor, page, border: s.borderTopColor, width: parseFloat(s.borderTopWidth),
          shadow: s.boxShadow};
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark", "dark-system"])
def test_an_open_card_stands_out_from_the_page(chromium: Any, watch: Watch, site_url: str, built: Built,
                                               pages: list[str], scheme: str) -> None:
    """Elevation: in light mode a shadow; in dark mode (the theme's choice, or the system's under "auto")
    a surface of its own, lighter than the page, inside a border of 2px or more at 3:1 against the page."""
    rel = _showcase(built, pages)
    page = _themed_page(chromium, watch, scheme)
    _goto(page, site_url + rel)
    _assert_scheme(page, scheme)
    link = page.locator(f"{CLAIM_LINK}:visible").first
    card, _seen = _open_card(page, link, "hover")
    got = card.evaluate(_ELEVATION_JS)
    shoot(page, f"card-{scheme}")
    page.context.close()
    assert not watch.take()
    surface, ground, border = (parse_colour(got[k]) for k in ("surface", "page", "border"))
    assert surface[3] == 1 and ground[3] == 1, f"the card or the page is not opaque: {got}"
    if scheme == "light":
        assert got["shadow"] != "none", f"in light mode the card casts no shadow: {got}"
        return
    lift = contrast(surface[:3], ground[:3])
    edge = contrast(border[:3], ground[:3])
    assert sum(surface[:3]) > sum(ground[:3]) and lift >= 1.15, (
        f"the card's surface {got['surface']} does not stand out from the page's {got['page']} ({lift:.2f}:1)")
    assert got["width"] >= 2 and edge >= 3, (
        f"the card's border is {got['width']}px of {got['border']}, {edge:.2f}:1 against the page: want 2px at 3:1")


def test_tab_reaches_a_claim_and_opens_its_card(chromium: Any, watch: Watch, site_url: str, built: Built,
                                               pages: list[str]) -> None:
    """Keyboard only: Tab from the top of a page reaches a claim link, and its card opens."""
    rel = (_content_pages(built, pages) or built.pages_with(pages, CLAIM_LINK))[0]
    page = new_page(chromium, watch)
    _goto(page, site_url + rel)
    presses = 0
    while not page.evaluate("document.activeElement?.matches('a.claim-link') ?? false"):
        presses += 1
        if presses > 300:
            pytest.fail(f"{rel}: 300 presses of Tab never reached a claim link")
        page.keyboard.press("Tab")
    focused = page.locator("a.claim-link:focus")
    card = _card_of(focused)
    assert card.is_visible(), f"{rel}: the focused claim's card stays hidden (after {presses} Tab presses)"
    outline = focused.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", f"{rel}: the focused claim link shows no focus outline"
    assert not watch.take()
    page.context.close()


def test_the_card_replaces_the_plain_title_only_when_scripts_run(chromium: Any, watch: Watch, site_url: str,
                                                               built: Built, pages: list[str]) -> None:
    """With scripts, no native tooltip over the card (the title moves to data-title); without, the title stays."""
    rel = _content_pages(built, pages)[0]
    links = f"{CLAIM_LINK}, {PERSON_LINK}"
    no_js = new_page(chromium, watch, java_script_enabled=False)
    _goto(no_js, site_url + rel)
    plain = no_js.locator(links).evaluate_all("els => els.map(a => [a.title, a.hasAttribute('aria-describedby')])")
    no_js.context.close()
    assert len(plain) > 5 and all(title.strip() for title, _card in plain), f"{rel}: a link without its title"
    with_js = new_page(chromium, watch)
    _goto(with_js, site_url + rel)
    shown = with_js.locator(links).evaluate_all("els => els.map(a => [a.title, a.dataset.title || ''])")
    with_js.context.close()
    assert len(shown) == len(plain)
    for (title, has_card), (native, moved) in zip(plain, shown, strict=True):
        # a link with a card: no native tooltip, the same words kept; a link without one keeps its title
        assert (native, moved) == (("", title) if has_card else (title, "")), (rel, title)
    assert not watch.take()


# ---------------------------------------------------------------- source, claims index and back


def test_source_leads_to_claims_and_back(chromium: Any, watch: Watch, site_url: str, built: Built,
                                         pages: list[str]) -> None:
    page = new_page(chromium, watch)
    _goto(page, site_url + "source.html")
    highlights = page.locator("a.claims-evidence")
    assert highlights.count() > 10, "the source page highlights almost nothing"
    first = highlights.first
    href = first.get_attribute("href")
    match = re.fullmatch(r"claims\.html#claim-([\w-]+)", href or "")
    assert match, f"a highlight links to {href!r}, not to claims.html#claim-<id>"
    ident = match.group(1)
    first.click()
    page.wait_for_url(f"**/claims.html#claim-{ident}")
    entry = page.locator(f"#claim-{ident}")
    assert entry.is_visible(), f"claims.html has no visible entry #claim-{ident}"
    assert entry.evaluate("el => el.matches(':target')")
    back = entry.locator(f"a[href='source.html#src-{ident}']")
    assert back.count() == 1, f"#claim-{ident} has no link back to source.html#src-{ident}"
    back.click()
    page.wait_for_url(f"**/source.html#src-{ident}")
    assert page.locator(f"#src-{ident}").count() == 1, f"source.html has no anchor #src-{ident}"

    # From a page that restates the article: a claim leads to its entry, whose "used on" leads back here.
    content = _content_pages(built, pages)
    if content:
        rel = content[0]
        _goto(page, site_url + rel)
        link = page.locator(f"{CLAIM_LINK}:visible").first
        use = link.evaluate("el => el.parentElement.id")
        claim = link.evaluate("el => el.parentElement.dataset.claimId")
        link.click()
        page.wait_for_url(f"**/claims.html#claim-{claim}")
        uses = page.locator(f"#claim-{claim} .claim-entry-uses a[href$='{rel}#{use}']")
        assert uses.count() == 1, f"#claim-{claim} does not link back to {rel}#{use}"
        uses.click()
        page.wait_for_url(f"**/{rel}#{use}")
        assert page.locator(f"[id='{use}']").count() == 1
    problems = watch.take()
    page.context.close()
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- the claims index: filter and landing

# What the claims index shows: each entry (its kind, who it names, its text without the JSON-LD, whether it
# is drawn), each heading, and the filter (drawn or not, its status line).
INDEX_STATE_JS = """
() => {
  const index = document.querySelector('.claims-index');
  const drawn = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const text = (e) => [...e.children].filter((c) => c.tagName !== 'SCRIPT').map((c) => c.textContent).join(' ');
  const form = index.querySelector('form.claims-filter');
  return {
    entries: [...index.querySelectorAll('.claim-entry')].map((e) => ({
      id: e.id, kind: e.dataset.kind, who: (e.dataset.who || '').split(' ').filter(Boolean), text: text(e),
      shown: drawn(e)})),
    headings: [...index.querySelectorAll('h2.rubric, h3.rubric')].map((h) => ({
      id: h.id, shown: drawn(h),
      entries: [...h.parentElement.querySelectorAll('.claim-entry')].filter(drawn).length})),
    form: form && {shown: drawn(form), status: form.querySelector('.claims-filter-status').textContent,
                   focusable: [...form.elements].some((el) => el.getClientRects().length > 0)},
  };
}
"""

# Is the entry drawn as the one a reader landed on: a solid outline at least 2px wide.
HIGHLIGHTED_JS = "el => { const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"


def _filter_problems(page: Any, label: str, expect: Any) -> list[str]:
    """After a change to the filter: the entries drawn are exactly those ``expect`` accepts, a heading is drawn
    exactly where an entry under it is, and the status line counts them."""
    state = page.evaluate(INDEX_STATE_JS)
    entries = state["entries"]
    shown = [e for e in entries if e["shown"]]
    problems = [f"{label}: #{e['id']} is {'drawn' if e['shown'] else 'hidden'}, expected the opposite"
                for e in entries if e["shown"] != bool(expect(e))]
    problems += [f"{label}: heading #{h['id']} is {'drawn' if h['shown'] else 'hidden'} over {h['entries']} entries"
                 for h in state["headings"] if h["shown"] != (h["entries"] > 0)]
    if not 0 < len(shown) < len(entries):
        problems.append(f"{label}: {len(shown)} of {len(entries)} entries drawn: the case tests nothing")
    status = f"{len(shown)} of {len(entries)} entries match."
    if state["form"]["status"] != status:
        problems.append(f"{label}: the status says {state['form']['status']!r}, not {status!r}")
    return problems


def _settled_box(locator: Any, timeout: float = 5.0) -> dict[str, float] | None:
    """The element's box once scrolling has stopped (two reads 100 ms apart agree)."""
    deadline = time.monotonic() + timeout
    box = locator.bounding_box()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


def _words(entry: dict[str, Any]) -> str:
    return fold(entry["text"]).lower()


def test_the_claims_index_filters_by_text_kind_and_who(chromium: Any, watch: Watch, site_url: str) -> None:
    """With scripts, the filter narrows the index by words (all of them, quotes and case folded), by kind and by
    who a claim names; empty groups and kinds disappear with their entries, and clearing it shows everything."""
    page = new_page(chromium, watch)
    _goto(page, site_url + "claims.html")
    state = page.evaluate(INDEX_STATE_JS)
    assert state["form"]["shown"], "the filter is not drawn with scripts on"
    assert all(e["shown"] for e in state["entries"]) and state["form"]["status"] == ""
    text, kind, who = (page.locator(f"form.claims-filter [name={n}]") for n in ("text", "kind", "who"))
    problems = []
    text.fill("Netanyahu")
    problems += _filter_problems(page, "text 'Netanyahu'", lambda e: "netanyahu" in _words(e))
    text.fill('  "Aggressive   approach" ')  # straight quotes typed, typographic in the page
    problems += _filter_problems(page, "quoted words", lambda e: '"aggressive' in _words(e) and 'approach"' in _words(e))
    text.fill("")
    kind.select_option("quote")
    problems += _filter_problems(page, "kind quote", lambda e: e["kind"] == "quote")
    kind.select_option("entity")
    problems += _filter_problems(page, "kind entity", lambda e: e["kind"] == "entity")
    kind.select_option("")
    who.select_option("zamir")
    problems += _filter_problems(page, "who zamir", lambda e: "zamir" in e["who"])
    assert page.locator("#entity-zamir").is_visible(), "Zamir's own entry is hidden when filtering by Zamir"
    kind.select_option("stance")
    text.fill("opposed")
    problems += _filter_problems(page, "stance, zamir, opposed",
                                 lambda e: e["kind"] == "stance" and "zamir" in e["who"] and "opposed" in _words(e))
    shoot(page, "claims-index-filtered")
    text.fill("")
    kind.select_option("")
    who.select_option("")
    state = page.evaluate(INDEX_STATE_JS)
    if not all(e["shown"] for e in state["entries"]) or state["form"]["status"]:
        problems.append("clearing the filter does not show every entry again")
    assert not problems, "\n".join(problems)
    assert not watch.take()
    page.context.close()


def test_without_scripts_the_whole_index_shows_and_no_filter(chromium: Any, watch: Watch, site_url: str,
                                                             built: Built) -> None:
    page = new_page(chromium, watch, java_script_enabled=False)
    _goto(page, site_url + "claims.html")
    state = page.evaluate(INDEX_STATE_JS)
    page.context.close()
    assert state["form"] == {**state["form"], "shown": False, "focusable": False}, "filter controls that do nothing"
    hidden = [e["id"] for e in state["entries"] if not e["shown"]]
    assert not hidden, f"without scripts these entries are hidden: {hidden}"
    assert len(state["entries"]) == len(built.page("claims.html").select(".claims-index .claim-entry"))
    assert not watch.take()


@pytest.mark.parametrize("script", ["with-js", "no-js"])
def test_the_entry_a_reader_lands_on_is_highlighted_and_stays(chromium: Any, watch: Watch, site_url: str,
                                                             built: Built, pages: list[str], script: str) -> None:
    """A claim's link leads to its entry, drawn highlighted (:target, so without scripts too) in the window.
    With scripts it stays highlighted while the reader follows the kind links and filters, and moves only
    when the reader lands on another entry (one the filter hides is shown). Without, the browser's history
    brings it back."""
    js = script == "with-js"
    page = new_page(chromium, watch, java_script_enabled=js)
    rel = _content_pages(built, pages)[0]
    _goto(page, site_url + rel)
    link = page.locator(f"{CLAIM_LINK}:visible").first
    claim = link.evaluate("el => el.parentElement.dataset.claimId")
    link.click()
    page.wait_for_url(f"**/claims.html#claim-{claim}")
    entry = page.locator(f"#claim-{claim}")
    assert entry.evaluate(HIGHLIGHTED_JS), f"#claim-{claim}: not highlighted where the reader lands"
    box = _settled_box(entry)  # without scripts the theme's smooth scrolling is left on
    assert box and 0 <= box["y"] < DESKTOP["height"] / 2, f"#claim-{claim} is not near the top of the window: {box}"
    others = page.locator(".claim-entry").evaluate_all(f"els => els.filter(e => e.id !== 'claim-{claim}')"
                                                       f".filter({HIGHLIGHTED_JS}).map(e => e.id)")
    assert not others, f"other entries are highlighted too: {others}"
    shoot(page, f"claims-index-landed-{script}")
    kind = next(k for k in ("quote", "quantity") if entry.get_attribute("data-kind") != k)
    page.locator(f".claims-index-summary a[href='#kind-{kind}']").click()
    page.wait_for_url(f"**/claims.html#kind-{kind}")
    if js:
        assert entry.evaluate(HIGHLIGHTED_JS), "the landed entry lost its highlight when the reader followed a kind link"
        words = entry.locator(".claim-entry-what").inner_text().split()[:2]
        page.locator("form.claims-filter [name=text]").fill(" ".join(words))
        assert entry.is_visible() and entry.evaluate(HIGHLIGHTED_JS), "the landed entry lost its highlight in a filter"
        # Another entry, through a link inside the index: it takes the highlight.
        target = page.locator(".entity-entry .claim-link").first
        other = target.evaluate("el => el.parentElement.dataset.claimId")
        page.locator("form.claims-filter [name=text]").fill("")
        target.click()
        page.wait_for_url(f"**/claims.html#claim-{other}")
        assert page.locator(f"#claim-{other}").evaluate(HIGHLIGHTED_JS)
        assert other == claim or not entry.evaluate(HIGHLIGHTED_JS), "two landed entries are highlighted"
        # Landing on an entry the filter hides shows it: the filter is cleared.
        page.locator("form.claims-filter [name=text]").fill("zzzz-nothing-matches")
        assert not entry.is_visible()
        page.evaluate(f"location.hash = '#claim-{claim}'")
        assert entry.is_visible() and entry.evaluate(HIGHLIGHTED_JS), "a link to a filtered-out entry leads nowhere"
        assert page.locator("form.claims-filter [name=text]").input_value() == ""
    else:
        page.go_back()
        page.wait_for_url(f"**/claims.html#claim-{claim}")
        assert entry.evaluate(HIGHLIGHTED_JS), "back at the entry, it is not highlighted"
    assert not watch.take()
    page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_landed_entry_is_readable_and_its_highlight_visible(chromium: Any, watch: Watch, site_url: str,
                                                                built: Built, scheme: str) -> None:
    """In light and dark mode the highlighted entry's text keeps 4.5:1, its outline 3:1 against the page, and
    the evidence inside it stays marked (its own background is not the entry's)."""
    ident = built.page("claims.html").select_one(".claim-entry[id^='claim-']")["id"]
    page = _themed_page(chromium, watch, scheme)
    _goto(page, site_url + f"claims.html#{ident}")
    _assert_scheme(page, scheme)
    entry = page.locator(f"#{ident}")
    ratio, desc = text_contrast(entry.locator(".claim-entry-what").evaluate(COLOURS_JS))
    outline = parse_colour(entry.evaluate("el => getComputedStyle(el).outlineColor"))
    page_bg = parse_colour(page.locator("body").evaluate("el => getComputedStyle(el).backgroundColor"))
    edge = contrast(outline[:3], page_bg[:3])
    backgrounds = entry.evaluate("el => [getComputedStyle(el).backgroundColor, "
                                 "getComputedStyle(el.querySelector('.claim-evidence-mark')).backgroundColor]")
    shoot(page, f"claims-index-landed-{scheme}")
    page.context.close()
    assert ratio >= 4.5, f"{scheme}: the landed entry's text: {desc}"
    assert edge >= 3, f"{scheme}: the highlight's outline {outline} on the page {page_bg}: {edge:.2f}:1"
    assert backgrounds[0] != backgrounds[1], f"{scheme}: the evidence mark is lost in the highlight: {backgrounds}"
    assert not watch.take()


# ---------------------------------------------------------------- generated views


def test_positions_matrix_renders(chromium: Any, watch: Watch, site_url: str, built: Built,
                                  pages: list[str]) -> None:
    found = built.pages_with(pages, "table.claims-positions-table")
    assert found, "no page shows the positions matrix (table.claims-positions-table), expected on positions.html"
    rel = "positions.html" if "positions.html" in found else found[0]
    page = new_page(chromium, watch)
    _goto(page, site_url + rel)
    table = page.locator("table.claims-positions-table").first
    assert table.is_visible()
    header = " | ".join(table.locator("thead th").all_inner_texts())
    for words in DISPUTE_WORDS:
        assert words.lower() in header.lower(), f"{rel}: the matrix header {header!r} does not name {words!r}"
    rows = table.locator("tbody tr")
    assert rows.count() >= 4, f"{rel}: the matrix has {rows.count()} rows, expected at least 4 people"
    people = table.locator("tbody tr td:first-child .claim-person[data-entity-id]")
    assert people.count() >= 4, f"{rel}: {people.count()} rows name a person"
    cells = table.locator(f"tbody {CLAIM_LINK}")
    assert cells.count() >= 4, f"{rel}: the matrix links {cells.count()} positions to claims"
    box = table.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100, f"{rel}: the matrix renders at {box}"
    shoot(page, "positions", full_page=True)
    assert not watch.take()
    page.context.close()


def test_figure_cards_and_table_render(chromium: Any, watch: Watch, site_url: str, built: Built,
                                       pages: list[str]) -> None:
    assert "figures.html" in pages, f"no figures.html in the build: {pages}"
    page = new_page(chromium, watch)
    _goto(page, site_url + "figures.html")
    cards = page.locator(".sd-card")
    assert cards.count() >= 1, "figures.html shows no card (.sd-card)"
    with_claims = page.locator(".sd-card:has(.claim[data-claim-id])")
    assert with_claims.count() >= 1, "no figure card holds a claim"
    for i in range(with_claims.count()):
        box = with_claims.nth(i).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 30, f"figure card {i} renders at {box}"
    shoot(page, "figures", full_page=True)
    table_pages = built.pages_with(pages, "table.claims-figures-table")
    assert table_pages, "no page shows the figures table (table.claims-figures-table)"
    rel = table_pages[0]
    if rel != "figures.html":
        _goto(page, site_url + rel)
    assert page.locator("table.claims-figures-table tbody tr").count() >= 3
    csv_link = page.locator("a[href$='figures.csv']").first
    csv = page.request.get(page.url.split("#")[0].rsplit("/", 1)[0] + "/" + csv_link.get_attribute("href"))
    assert csv.ok, f"figures.csv: HTTP {csv.status}"
    assert csv.text().startswith("id,figure,value,hedge"), csv.text()[:200]
    assert not watch.take()
    page.context.close()


def test_search_finds_a_person(chromium: Any, watch: Watch, site_url: str) -> None:
    page = new_page(chromium, watch)
    _goto(page, site_url + "search.html?q=Zamir")
    page.wait_for_selector("#search-results li", timeout=10_000)
    results = page.locator("#search-results li")
    assert results.count() >= 1
    assert "zamir" in " ".join(results.all_inner_texts()).lower()
    assert not watch.take()
    page.context.close()


# ---------------------------------------------------------------- phone width, dark mode, screenshots


def test_no_page_overflows_sideways_on_a_phone(reports: dict[str, PageReport], chromium: Any, watch: Watch,
                                               site_url: str, built: Built, pages: list[str]) -> None:
    """Every page, loaded on a 390 x 844 touch screen: the document is no wider than the window
    (``scrollWidth <= innerWidth``), and nothing inside it scrolls sideways either."""
    wide = []
    for rel, report in reports.items():
        got = report.phone
        if got["width"] != PHONE["width"]:
            wide.append(f"{rel}: measured in a {got['width']}px window, not {PHONE['width']}px")
        if got["doc"] > got["width"]:
            wide.append(f"{rel}: {got['doc']}px wide in a {got['width']}px viewport; widest: {got['culprits']}")
        wide += [f"{rel}: scrolls sideways inside: {box}" for box in got["scrollers"]]
    # One page loaded afresh at phone size, for the screenshots and the pinned card.
    page = new_page(chromium, watch, **PHONE_CONTEXT)
    _goto(page, site_url + _showcase(built, pages))
    shoot(page, "phone")
    link = page.locator(f"{CLAIM_LINK}:visible").first
    if link.count():
        link.evaluate(PLACE_JS)
        link.focus()
        shoot(page, "phone-card")
        card = _card_of(link)
        assert card.is_visible()
        box = card.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, f"the card on a phone: {box}"
        assert abs(box["y"] + box["height"] - PHONE["height"]) < 20, f"the card is not pinned to the bottom: {box}"
    problems = watch.take()
    page.context.close()
    assert not wide, "pages wider than a phone:\n" + "\n".join(wide)
    assert not problems, "\n".join(problems)


#: Pages that may tell a reader to hover without a word for touch screens, each with the reason.
TOUCH_WORDING_EXCLUDED = {
    "editing.html": "tells an editor to check a build on their own machine (docs/editing.md is not this change's)",
}


def test_pages_do_not_tell_a_touch_reader_to_hover(reports: dict[str, PageReport]) -> None:
    """On a touch screen, no page says "hover" without also saying "tap" (or "touch") in the same sentence."""
    found = [f"{rel}: {sentence!r}" for rel, report in reports.items() if rel not in TOUCH_WORDING_EXCLUDED
             for sentence in hover_instructions(report.phone["text"])]
    assert not found, "hover-only instructions on a touch screen:\n" + "\n".join(found)


def test_the_hover_wording_check_can_fail() -> None:
    """The wording check above flags hover-only instructions and passes touch-aware ones."""
    assert hover_instructions("Each cell links to its claim. Hover over a cell to see it.") == [
        "Hover over a cell to see it."]
    assert hover_instructions("The evidence shows on hover.") == ["The evidence shows on hover."]
    assert not hover_instructions("Hover over or tap a word to see it. A hover card opens.")


def test_page_titles_fit_a_phone(reports: dict[str, PageReport]) -> None:
    """On a phone, no page's title takes more than a sixth of the first screen."""
    tall = []
    for rel, report in reports.items():
        h1 = report.phone["h1"]
        if h1 and h1["height"] > PHONE["height"] / 6:
            tall.append(f"{rel}: the title is {h1['height']:.0f}px tall, {h1['height'] / h1['lineHeight']:.1f} lines "
                        f"of {h1['fontSize']:.0f}px type")
    assert not tall, f"titles taller than a sixth of a {PHONE['height']}px screen:\n" + "\n".join(tall)


def test_claims_index_shows_claims_on_the_first_phone_screen(chromium: Any, watch: Watch, site_url: str) -> None:
    """The claims index on a phone: its title is a tenth of the screen or less, and the first claim
    begins in the top half of the first screen (not below a title, an introduction and a list of links)."""
    page = new_page(chromium, watch, **PHONE_CONTEXT)
    _goto(page, site_url + "claims.html")
    title = page.locator("article h1").first.bounding_box()
    first = page.locator(".claim-entry").first.bounding_box()
    shoot(page, "phone-claims-index")
    assert not watch.take()
    page.context.close()
    assert title and title["height"] <= PHONE["height"] * 0.1, f"the title is {title} on an {PHONE} screen"
    assert first and first["y"] < PHONE["height"] / 2, f"the first claim begins at {first['y'] if first else None}px"


_STACKED_JS = """
table => {
  const heads = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
  const thead = table.querySelector('thead').getBoundingClientRect();
  const rows = [...table.querySelectorAll('tbody > tr')].map(tr => {
    const r = tr.getBoundingClientRect();
    const cells = [...tr.children].map((td, i) => {
      const c = td.getBoundingClientRect();
      const label = td.querySelector('.claims-cell-label');
      const shown = label && getComputedStyle(label).display !== 'none' ? label.getBoundingClientRect() : null;
      const text = label ? getComputedStyle(label, '::before').content : 'none';
      return {i, left: c.left, top: c.top, bottom: c.bottom, right: c.right, shown: !!(shown && shown.height),
              hidden: getComputedStyle(td).display === 'none', label: text, dataLabel: label && label.dataset.label,
              empty: !!(label && label.classList.contains('claims-cell-empty'))};
    });
    return {left: r.left, right: r.right, cells};
  });
  return {heads, thead: {width: thead.width, height: thead.height}, rows, display: getComputedStyle(table).display,
          viewport: document.documentElement.clientWidth};
}
"""

STACKED_TABLES = {"positions.html": "table.claims-positions-table", "figures.html": "table.claims-figures-table"}


@pytest.mark.parametrize("rel", sorted(STACKED_TABLES))
def test_tables_stack_into_labelled_cards_on_a_phone(chromium: Any, watch: Watch, site_url: str, axe: Any,
                                                     rel: str) -> None:
    """On a phone each row is a card as wide as the window allows, its cells stacked, each labelled with
    its column's header; on a desktop the same table is a table, with no labels shown."""
    selector = STACKED_TABLES[rel]
    page = new_page(chromium, watch, **PHONE_CONTEXT)
    _goto(page, site_url + rel)
    got = page.locator(selector).first.evaluate(_STACKED_JS)
    problems = []
    heads = got["heads"]
    if got["thead"]["width"] > 1 or got["thead"]["height"] > 1:
        problems.append(f"the header row still shows ({got['thead']}): it should be left to screen readers")
    if len(got["rows"]) < 3:
        problems.append(f"{len(got['rows'])} rows")
    for n, row in enumerate(got["rows"]):
        if row["left"] < 0 or row["right"] > got["viewport"]:
            problems.append(f"row {n} spans {row['left']:.0f}..{row['right']:.0f}px of {got['viewport']}px")
        shown = [c for c in row["cells"] if not c["hidden"]]
        for cell in row["cells"]:
            if cell["dataLabel"] != heads[cell["i"]]:
                problems.append(f"row {n} cell {cell['i']}: labelled {cell['dataLabel']!r}, its column is "
                                f"{heads[cell['i']]!r}")
            if cell["i"] and not cell["hidden"] and (not cell["shown"] or cell["label"] != f'"{heads[cell["i"]]}"'):
                problems.append(f"row {n} cell {cell['i']}: the label {heads[cell['i']]!r} is not shown "
                                f"(content {cell['label']})")
            if cell["hidden"] and not cell["empty"]:
                problems.append(f"row {n} cell {cell['i']} ({heads[cell['i']]}) is hidden but not empty")
        for above, below in itertools.pairwise(shown):
            if abs(above["left"] - below["left"]) > 1 or below["top"] < above["bottom"] - 1:
                problems.append(f"row {n}: cells {above['i']} and {below['i']} are side by side, not stacked")
    shoot(page, f"phone-{rel.removesuffix('.html')}-table")
    page.locator(selector).first.evaluate(PLACE_JS)
    result = axe.run(page)
    problems += describe_violations(f"{rel} on a phone", serious(result.response["violations"]))
    problems += watch.take()

    page.set_viewport_size(DESKTOP)
    wide = page.locator(selector).first.evaluate(_STACKED_JS)
    if wide["display"] != "table":
        problems.append(f"on a desktop the table is display: {wide['display']}")
    for n, row in enumerate(wide["rows"]):
        if any(c["shown"] for c in row["cells"]):
            problems.append(f"on a desktop, row {n} shows its cells' labels")
        if len({round(c["top"]) for c in row["cells"]}) != 1:
            problems.append(f"on a desktop, row {n}'s cells are not side by side")
    page.context.close()
    assert not problems, f"{rel}:\n" + "\n".join(problems)


def test_on_a_touch_screen_the_first_tap_opens_the_card_and_the_second_follows(
        chromium: Any, watch: Watch, site_url: str, built: Built, pages: list[str]) -> None:
    """A phone has no hover: tapping a claim shows its evidence first; tapping it again opens the claims index."""
    rel = _showcase(built, pages)
    page = new_page(chromium, watch, **PHONE_CONTEXT)
    _goto(page, site_url + rel)
    assert page.evaluate("matchMedia('(hover: none)').matches"), "the emulated phone reports a hover device"
    link = page.locator(f"{CLAIM_LINK}:visible").first
    href = link.get_attribute("href")
    link.scroll_into_view_if_needed()
    link.tap()
    card = _card_of(link)
    card.wait_for(state="visible", timeout=2000)
    assert page.url == site_url + rel, f"the first tap left the page for {page.url}"
    page.locator("h1").first.tap()  # elsewhere: the card closes
    card.wait_for(state="hidden", timeout=2000)
    link.tap()
    card.wait_for(state="visible", timeout=2000)
    with page.expect_navigation():
        link.tap()
    assert href and page.url.endswith(href.split("/")[-1]), f"the second tap went to {page.url}, not {href}"
    assert not watch.take()
    page.context.close()


def test_dark_mode_is_readable(chromium: Any, watch: Watch, site_url: str, built: Built,
                               pages: list[str], axe: Any) -> None:
    """Dark by choice (the theme's stored setting) and dark by the system: text and cards keep 4.5:1."""
    rel = _showcase(built, pages)
    problems: list[str] = []
    for how in ("stored", "system"):
        page = new_page(chromium, watch, color_scheme="dark")
        if how == "stored":
            page.context.add_init_script("try { localStorage.setItem('theme', 'dark') } catch (e) {}")
        targets = [rel, "claims.html", "source.html"] if how == "stored" else [rel]
        for target in dict.fromkeys(targets):
            _goto(page, site_url + target)
            theme = page.evaluate("document.body.dataset.theme")
            body = page.locator("body").evaluate(COLOURS_JS)
            if not is_dark(body):
                problems.append(f"{how} dark, {target}: the page is not dark (data-theme={theme!r}, {body})")
            ratio, desc = text_contrast(body)
            if ratio < 4.5:
                problems.append(f"{how} dark, {target}: body {desc}")
            link = page.locator(f"{CLAIM_LINK}:visible").first
            if link.count():
                card, _seen = _open_card(page, link, "hover")
                for what, selector in (("card", None), ("card evidence mark", "mark")):
                    el = card.locator(selector).first if selector else card
                    if selector and not el.count():
                        continue
                    ratio, desc = text_contrast(el.evaluate(COLOURS_JS))
                    if ratio < 4.5:
                        problems.append(f"{how} dark, {target}: {what} {desc}")
                if target == rel and how == "stored":
                    shoot(page, "dark-hover-card")
                page.mouse.move(0, 0)
            if how == "stored":  # the system's dark gives the same colours: one axe pass is enough
                result = axe.run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
                problems += describe_violations(f"dark, {target}", serious(result.response["violations"]))
            if target == rel and how == "stored":
                shoot(page, "dark")
        problems += watch.take()
        page.context.close()

    # The theme button reaches dark mode from a light start.
    page = new_page(chromium, watch, color_scheme="light")
    _goto(page, site_url + "index.html")
    toggle = page.locator(".theme-toggle:visible").first
    for _ in range(3):
        if page.evaluate("document.body.dataset.theme") == "dark":
            break
        toggle.click()
    else:
        problems.append("the theme button never switches to dark")
    page.context.close()
    assert not problems, "\n".join(problems)


KEY_PAGES = ("index.html", "figures.html", "positions.html", "source.html", "claims.html")


def test_screenshots_of_key_pages(chromium: Any, watch: Watch, site_url: str, built: Built,
                                  pages: list[str]) -> None:
    """Written for a reader to look at (test-artifacts/screenshots/); missing key pages fail."""
    wanted = [*KEY_PAGES, _dispute_page(built, pages)]
    missing = [p for p in wanted if p not in pages]
    page = new_page(chromium, watch)
    written = []
    for rel in wanted:
        if rel in missing:
            continue
        _goto(page, site_url + rel)
        name = "dispute" if rel.startswith("disputes/") else rel.removesuffix(".html")
        written.append(shoot(page, name, full_page=rel not in ("claims.html", "source.html")))
    page.context.close()
    assert not missing, f"key pages missing from the build: {missing}"
    assert all(p.stat().st_size > 5000 for p in written), written
