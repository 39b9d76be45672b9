"""Helpers for the browser tests: build and serve the site, watch pages, check links, measure contrast.

Nothing here needs a browser to import: the static checks (links, cards, JSON-LD) read the
built files with BeautifulSoup, and the Playwright objects are only passed in.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = "Debian's chromium is not installed (apt-get install chromium)"

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# ---------------------------------------------------------------- text


_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})


def fold(text: str) -> str:
    """Fold what the design allows to differ: typographic quotes, apostrophes and whitespace."""
    return " ".join(text.translate(_QUOTES).split())


# ---------------------------------------------------------------- serving


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) from a daemon thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def site_pages(out: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to its root (``disputes/qatar.html``)."""
    pages = []
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out)
        if rel.parts[0].startswith(("_", ".")):  # _static, _sources, .doctrees
            continue
        pages.append(rel.as_posix())
    return pages


# ---------------------------------------------------------------- watching pages


@dataclass
class Watch:
    """What went wrong while pages loaded: console errors, failed requests, requests leaving the site."""

    base: str
    problems: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base) or not url.startswith(("http:", "https:", "ws:", "wss:")):
            route.continue_()
            return
        self.outside.append(url)
        self.problems.append(f"request outside the site (blocked): {url}")
        route.abort()

    def attach(self, page: Any) -> Any:
        def console(msg: Any) -> None:
            if msg.type == "error":
                loc = msg.location or {}
                self.problems.append(f"console error: {msg.text} ({loc.get('url', '')}:{loc.get('lineNumber', '')})")

        def response(resp: Any) -> None:
            if resp.status >= 400 and resp.url.startswith(self.base):
                self.problems.append(f"HTTP {resp.status}: {resp.url}")

        def failed(req: Any) -> None:
            if req.url.startswith(self.base):
                self.problems.append(f"request failed: {req.url} ({req.failure})")

        page.on("console", console)
        page.on("pageerror", lambda exc: self.problems.append(f"uncaught exception: {exc}"))
        page.on("response", response)
        page.on("requestfailed", failed)
        return page

    def take(self) -> list[str]:
        out, self.problems = self.problems, []
        return out


# The theme scrolls smoothly (html { scroll-behavior: smooth }) and every click waits for the scroll to end:
# instant scrolling keeps the tests fast and changes nothing else.
NO_SMOOTH_SCROLL = """
document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = 'html { scroll-behavior: auto !important; }';
  document.head.append(style);
});
"""


def new_page(browser: Any, watch: Watch, **context_args: Any) -> Any:
    """A page in a fresh context whose every request outside the site is blocked and recorded."""
    context = browser.new_context(**{"viewport": DESKTOP, **context_args})
    context.route("**/*", watch.route)
    context.add_init_script(NO_SMOOTH_SCROLL)
    return watch.attach(context.new_page())


# ---------------------------------------------------------------- static checks over the built files


class Built:
    """The built HTML tree, parsed once, for checks that need no browser."""

    def __init__(self, out: Path) -> None:
        self.out = out.resolve()
        self._soups: dict[Path, BeautifulSoup] = {}
        self._ids: dict[Path, set[str]] = {}

    def soup(self, path: Path) -> BeautifulSoup:
        path = path.resolve()
        if path not in self._soups:
            self._soups[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self._soups[path]

    def page(self, rel: str) -> BeautifulSoup:
        return self.soup(self.out / rel)

    def ids(self, path: Path) -> set[str]:
        path = path.resolve()
        if path not in self._ids:
            soup = self.soup(path)
            found = {tag["id"] for tag in soup.find_all(id=True)}
            found |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
            self._ids[path] = found
        return self._ids[path]

    def broken_links(self, pages: list[str]) -> list[str]:
        """Internal ``href``/``src`` whose file, or whose ``#fragment`` in that file, does not exist."""
        broken = []
        for rel in pages:
            here = self.out / rel
            soup = self.page(rel)
            refs = [(a.name, a["href"]) for a in soup.find_all(["a", "link"], href=True)]
            refs += [(s.name, s["src"]) for s in soup.find_all(["script", "img", "iframe", "source"], src=True)]
            for tag, ref in refs:
                parts = urlsplit(ref)
                if parts.scheme or parts.netloc or ref.startswith(("mailto:", "javascript:", "data:")):
                    continue
                target = here if not parts.path else (here.parent / unquote(parts.path)).resolve()
                if parts.path.endswith("/"):
                    target = target / "index.html"
                if self.out not in target.parents and target != self.out:
                    broken.append(f"{rel}: <{tag}> {ref!r} leaves the site")
                    continue
                if not target.is_file():
                    broken.append(f"{rel}: <{tag}> {ref!r}: no file {target.relative_to(self.out)}")
                    continue
                fragment = unquote(parts.fragment)
                if tag == "a" and fragment and target.suffix == ".html" and fragment not in self.ids(target):
                    broken.append(f"{rel}: <a> {ref!r}: no id {fragment!r} in {target.relative_to(self.out)}")
        return broken

    def pages_with(self, pages: list[str], selector: str) -> list[str]:
        return [rel for rel in pages if self.page(rel).select_one(selector) is not None]


def jsonld_problems(soup: BeautifulSoup) -> list[str]:
    """Each claims-index entry carries one schema.org Claim in JSON-LD naming that claim."""
    problems = []
    entries = soup.select(".claims-index .claim-entry[id^='claim-']")
    if not entries:
        return ["no claim entries (.claims-index .claim-entry#claim-<id>)"]
    for entry in entries:
        ident = entry["id"].removeprefix("claim-")
        scripts = entry.select('script[type="application/ld+json"]')
        if len(scripts) != 1:
            problems.append(f"#{entry['id']}: {len(scripts)} JSON-LD scripts, expected 1")
            continue
        try:
            data = json.loads(scripts[0].string or "")
        except json.JSONDecodeError as exc:
            problems.append(f"#{entry['id']}: JSON-LD does not parse: {exc}")
            continue
        if data.get("@type") != "Claim" or data.get("identifier") != ident:
            problems.append(f"#{entry['id']}: JSON-LD is {data.get('@type')!r} {data.get('identifier')!r}")
    return problems


# ---------------------------------------------------------------- colours


_COLOUR = re.compile(r"rgba?\(([^)]*)\)")


def parse_colour(text: str) -> tuple[float, float, float, float]:
    """``rgb(1, 2, 3)``, ``rgba(1, 2, 3, 0.5)`` or ``rgb(1 2 3 / 0.5)`` as (r, g, b, alpha)."""
    match = _COLOUR.fullmatch(text.strip())
    if not match:
        raise ValueError(f"cannot read the colour {text!r}")
    parts = [p for p in re.split(r"[\s,/]+", match.group(1)) if p]
    values = [float(p[:-1]) / 100 if p.endswith("%") else float(p) for p in parts]
    return (values[0], values[1], values[2], values[3] if len(values) > 3 else 1.0)


def _over(top: tuple[float, float, float, float], below: tuple[float, float, float]) -> tuple[float, float, float]:
    a = top[3]
    return (top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a))


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[float, float, float], bg: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# The colours an element is drawn with: its text colour and its background layers up to the first opaque one.
COLOURS_JS = """
el => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    layers.push(bg);
    if (/^rgb\\(/.test(bg)) break;
  }
  return {color: getComputedStyle(el).color, layers};
}
"""


def text_contrast(colours: dict[str, Any]) -> tuple[float, str]:
    """Contrast of ``COLOURS_JS``'s result: the text over its composited background, and a description."""
    bg: tuple[float, float, float] = (255.0, 255.0, 255.0)  # the canvas, if nothing is opaque
    for layer in reversed(colours["layers"]):
        rgba = parse_colour(layer)
        if rgba[3] > 0:
            bg = _over(rgba, bg)
    fg = _over(parse_colour(colours["color"]), bg)
    ratio = contrast(fg, bg)
    desc = f"text {colours['color']} on {' over '.join(colours['layers'])} -> {ratio:.2f}:1"
    return ratio, desc


def is_dark(colours: dict[str, Any]) -> bool:
    bg = parse_colour(colours["layers"][-1])
    return _luminance(bg[:3]) < 0.2


# ---------------------------------------------------------------- layout probes


# Is the card really there for the reader: points of its first line hit the card, not what lies around it.
CARD_SEEN_JS = """
card => {
  const r = card.getBoundingClientRect();
  const first = (card.firstElementChild || card).getBoundingClientRect();
  const y = first.top + Math.min(first.height, 16) / 2;
  const points = [[r.left + 8, y], [r.left + r.width / 2, y], [r.right - 8, y]];
  const seen = points.map(([x, py]) => {
    if (x < 0 || py < 0 || x > innerWidth || py > innerHeight) return 'outside the viewport';
    const hit = document.elementFromPoint(x, py);
    if (!hit) return 'nothing';
    if (card.contains(hit)) return 'card';
    return hit.tagName.toLowerCase() + (hit.className ? '.' + String(hit.className).split(' ').join('.') : '');
  });
  return {seen, rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]};
}
"""

# Bring an element to a third of the way down the viewport, so a card opening below it fits.
PLACE_JS = "el => window.scrollTo({top: Math.max(0, el.getBoundingClientRect().top + window.scrollY - innerHeight / 3), behavior: 'instant'})"

# Open every visible claim's card in turn the way a keyboard reader does (focus its link: :focus-within,
# and any focusin handler that places the card), and report those that end outside the window.
OPEN_EACH_CARD_JS = """
() => {
  const limit = document.documentElement.clientWidth;
  const off = [];
  const before = document.activeElement;
  for (const card of document.querySelectorAll('.claim > .claim-card')) {
    const claim = card.parentElement;
    const link = claim.querySelector(':scope > a.claim-link');
    if (!link || !claim.getClientRects().length) continue;  // no link, or in a closed tab or dropdown
    link.focus({preventScroll: true});
    const r = card.getBoundingClientRect();
    link.blur();
    if (r.width === 0) {
      off.push([claim.dataset.claimId || claim.dataset.entityId, -1, limit]);
    } else if (r.right > limit + 1 || r.left < -1) {
      off.push([claim.dataset.claimId || claim.dataset.entityId, Math.round(r.right), limit]);
    }
  }
  if (before && before.focus) before.focus({preventScroll: true});
  return off;
}
"""

OVERFLOW_JS = """
() => {
  const width = window.innerWidth;
  const doc = document.documentElement.scrollWidth;
  const culprits = [];
  if (doc > width + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 1 || r.width === 0) continue;
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible' && o !== 'clip' || getComputedStyle(p).position === 'fixed') { clipped = true; break; }
      }
      if (clipped) continue;
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      culprits.push(`${name} (right edge ${Math.round(r.right)}px)`);
    }
  }
  return {doc, width, culprits: culprits.slice(-8)};
}
"""


# Boxes that scroll sideways inside a page that does not: a table squeezed into a scrolling wrapper
# is still read by scrolling sideways, with no hint that there is more.
SCROLLERS_JS = """
() => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const o = getComputedStyle(el).overflowX;
    if ((o === 'auto' || o === 'scroll') && el.getClientRects().length && el.scrollWidth > el.clientWidth + 1) {
      const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      out.push(`${name} (${el.scrollWidth}px of content in ${el.clientWidth}px)`);
    }
  }
  return out;
}
"""

# What a phone shows of a page: the first heading's box, and the visible text of the page's content.
PHONE_VIEW_JS = """
() => {
  const h1 = document.querySelector('article h1, main h1, h1');
  const r = h1 ? h1.getBoundingClientRect() : null;
  const style = h1 ? getComputedStyle(h1) : null;
  const main = document.querySelector('article') || document.body;
  return {
    h1: r ? {top: r.top, height: r.height, lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2,
             fontSize: parseFloat(style.fontSize)} : null,
    text: main.innerText,
  };
}
"""

_SENTENCES = re.compile(r"[^.!?\n]+[.!?]?")
_HOVER = re.compile(r"\bhover(?:s|ing)?\b(?!\s+cards?\b)", re.I)  # "a hover card" names the card: no instruction
_TOUCH = re.compile(r"\b(?:tap|taps|tapping|touch)\b", re.I)


def hover_instructions(text: str) -> list[str]:
    """Sentences that tell the reader to hover without saying what to do on a touch screen (tap, touch)."""
    return [" ".join(s.split()) for s in _SENTENCES.findall(text) if _HOVER.search(s) and not _TOUCH.search(s)]


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v.get("impact") in ("serious", "critical")]


def describe_violations(page: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for v in violations:
        lines.append(f"{page}: [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        for node in v["nodes"][:6]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {summary[:240]}")
    return lines
