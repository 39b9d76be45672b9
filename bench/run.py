"""Benchmark of the claims checker and the Sphinx build at 1x, 10x and 100x the real site.

Usage: ``python bench/run.py [--sizes 1,10,100] [--quick] [--theme auto|site|NAME]``
(``nox -s bench -- --quick``).

For each size it generates a synthetic site (see ``bench/synth.py``) under
``bench/sites/<N>x/`` and times, in one run, side by side:

- ``claimdocs check`` (best of 3; exit 0 expected: the synthetic site is clean);
- a full HTML build with the claim checks on (``-E``, ``-q``) and off
  (``-D claimdocs_check=0``): 3 runs each (2 at 100x), interleaved, the fastest counts; with the
  site's theme (Furo) at 1x and 10x and ``basic`` at 100x (``--theme``): Furo writes
  the whole navigation into every page, which grows with the square of the pages and
  would bury what the checks cost under the theme's;
- a no-op rebuild, then a one-page incremental rebuild after changing the summary of
  one claim used on exactly one content page; the docs re-read are parsed from
  Sphinx's status output ("reading sources... [ 50%] <docname>") and compared with
  the pages that use the claim plus the view pages (which list every claim);
- a ``-j 2`` full build, its HTML output (and ``claims.json``) compared byte for byte
  with the ``-j 1`` build (and, at 1x and 10x, the two ``-j 1`` builds with each other).

``--quick`` skips the builds at 100x (the 100x site is still generated and checked).
Writes ``bench/results.json`` and ``bench/results.md`` and prints the table. A
benchmark, not a test: it exits 0 unless something crashed.

Wall seconds (``time.perf_counter`` around each subprocess) are what the targets use;
CPU seconds (user + system of the subprocess and its children) are recorded beside
them, since a shared machine inflates wall time but not CPU time.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))}
ENV.pop("SPHINX_COLORS", None)
ENV["NO_COLOR"] = "1"
_READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)")
_WRITING = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)")
_UPDATING = re.compile(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed, (\d+) removed")
_SUMMARY = re.compile(r"claimdocs: (\d+) finding\(s\)(.*)$", re.MULTILINE)

#: Targets (see bench/README.md).
CHECK_100X_SECONDS = 5.0
PER_USE_RATIO = 1.2
CHECKS_OVERHEAD = 0.15


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- running things


def run(cmd: list[str], cwd: Path = ROOT) -> dict[str, Any]:
    """Run a command; wall seconds (perf_counter), CPU seconds of it and its children, output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3), "load": round(load, 2),
            "rc": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}


def warnings_of(text: str) -> list[str]:
    # the site's Furo options mean nothing to another theme (--theme): not a finding about the site
    return [line for line in text.splitlines()
            if ("WARNING:" in line or "ERROR:" in line or "CRITICAL:" in line) and "unsupported theme option" not in line]


#: The theme the 100x builds use unless --theme says otherwise (see --theme and bench/README.md).
LINEAR_THEME = "basic"
LINEAR_FROM = 100


def theme_for(n: int, choice: str) -> str | None:
    """The html_theme for builds of the n x site; None keeps the site's own (Furo)."""
    if choice == "auto":
        return LINEAR_THEME if n >= LINEAR_FROM else None
    return None if choice == "site" else choice


def sphinx(site: Path, out: Path, *extra: str, fresh: bool = True, quiet: bool = True, theme: str | None = None) -> dict[str, Any]:
    if fresh and out.exists():
        shutil.rmtree(out)
    cmd = [PY, "-m", "sphinx", *(["-E"] if fresh else []), *(["-q"] if quiet else []),
           *(["-D", f"html_theme={theme}"] if theme else []),
           *extra, "-c", str(site), "-b", "html", str(site / "docs"), str(out)]
    r = run(cmd, cwd=site)
    warns = warnings_of(r["stderr"])
    r["warnings"] = len(warns)
    r["first_warnings"] = warns[:5]
    if r["rc"] != 0:
        r["error"] = r["stderr"][-2000:]
        log(f"sphinx-build exited {r['rc']}: {r['stderr'][-500:]}")
    return r


def slim(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if k not in ("stdout", "stderr")}


def best(runs: list[dict[str, Any]], label: str, *, ok_codes: tuple[int, ...] = (0,)) -> dict[str, Any]:
    """The fastest run (wall) that did not crash, with every run's wall and CPU seconds."""
    good = [r for r in runs if r["rc"] in ok_codes] or runs
    top = min(good, key=lambda r: r["seconds"])
    out = slim(top)
    out["failed"] = top["rc"] not in ok_codes
    out["runs"] = [r["seconds"] for r in runs]
    out["cpu_runs"] = [r["cpu_seconds"] for r in runs]
    out["rcs"] = [r["rc"] for r in runs]
    out["cpu_seconds"] = min(r["cpu_seconds"] for r in good)
    if out["failed"]:
        log(f"  {label}: FAILED (exit {top['rc']})")
        return out
    log(f"  {label}: {out['seconds']:.2f} s wall (runs {out['runs']}), {out['cpu_seconds']:.2f} s CPU"
        + (f", {top.get('warnings')} warning(s)" if "warnings" in top else ""))
    return out


def check(site: Path, repeat: int) -> dict[str, Any]:
    runs = [run([PY, "-m", "claimdocs", "--root", str(site), "check"]) for _ in range(repeat)]
    out = best(runs, "claimdocs check", ok_codes=(0, 1))  # 1: findings (reported), 2: cannot run
    last = runs[-1]
    m = _SUMMARY.search(last["stderr"])
    out["findings"] = int(m.group(1)) if m else None
    out["summary"] = m.group(0) if m else last["stderr"][-300:]
    fields = dict(re.findall(r"(\w+): ([\d.]+)", m.group(2))) if m else {}
    out["uses_counted_by_checker"] = int(fields["uses"]) if "uses" in fields else None
    out["internal_seconds"] = min(
        float(s) for r in runs for s in re.findall(r"seconds: ([\d.]+)", r["stderr"])[:1]
    ) if fields else None
    if last["rc"] != 0:
        out["first_findings"] = last["stdout"].splitlines()[:10]
        log(f"  claimdocs check exited {last['rc']}: {out['first_findings'][:3]}")
    return out


def compare_trees(a: Path, b: Path) -> dict[str, Any]:
    """Byte-for-byte comparison of two HTML outputs (the .doctrees cache left out)."""

    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*")
                if p.is_file() and ".doctrees" not in p.relative_to(root).parts}

    fa, fb = files(a), files(b)
    differing = sorted(f for f in fa & fb if not filecmp.cmp(a / f, b / f, shallow=False))
    out: dict[str, Any] = {
        "identical": not differing and fa == fb,
        "files": len(fa | fb),
        "differing": differing[:20],
        "differing_count": len(differing),
        "only_in_first": sorted(fa - fb)[:10],
        "only_in_second": sorted(fb - fa)[:10],
        "claims_json_identical": "claims.json" in fa & fb and "claims.json" not in differing,
    }
    if differing:
        out["first_difference"] = _first_difference(a / differing[0], b / differing[0], differing[0])
    return out


def _first_difference(a: Path, b: Path, name: str) -> dict[str, str]:
    x, y = a.read_bytes(), b.read_bytes()
    i = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
    return {"file": name, "offset": str(i),
            "first": x[max(0, i - 80) : i + 120].decode("utf-8", "replace"),
            "second": y[max(0, i - 80) : i + 120].decode("utf-8", "replace")}


def rebuild(site: Path, out: Path, label: str, theme: str | None) -> dict[str, Any]:
    """An incremental build (no -E, no -q); which docs Sphinx re-read and wrote."""
    r = sphinx(site, out, fresh=False, quiet=False, theme=theme)
    reread = [m.group(1) for line in r["stdout"].splitlines() if (m := _READING.match(line))]
    written = [m.group(1) for line in r["stdout"].splitlines() if (m := _WRITING.match(line))]
    upd = _UPDATING.search(r["stdout"])
    res = slim(r)
    res.update({
        "reread": reread, "reread_count": len(reread), "written_count": len(written),
        "environment": dict(zip(("added", "changed", "removed"), map(int, upd.groups()), strict=True)) if upd else None,
        "config_changed": "configuration has changed" in r["stdout"],
    })
    log(f"  {label}: {r['seconds']:.2f} s, re-read {len(reread)}, wrote {len(written)}")
    return res


# ---------------------------------------------------------------- one size


def bench_size(real: synth.RealSite, n: int, *, builds: bool, theme: str | None, edit: tuple[str, str] | None) -> dict[str, Any]:
    """One size. ``builds``: run the builds; ``theme``: the html_theme they use (None: the site's own)."""
    dest = BENCH / "sites" / f"{n}x"
    log(f"{n}x: generating {dest.relative_to(ROOT)}")
    started = time.perf_counter()
    site = synth.generate(real, n, dest)
    res: dict[str, Any] = {
        "pages": site.pages, "claims": site.claims, "entities": site.entities, "uses": site.uses,
        "generate_seconds": round(time.perf_counter() - started, 3),
    }
    if site.long_ids:
        res["ids_over_80_chars"] = site.long_ids[:5]
    if n == 1:
        res["dropped_toctree_entries"] = site.dropped_links
        res["roundtrip_problems"] = synth.verify_claims(real, dest)
    log(f"{n}x: {site.pages} pages, {site.claims} claims, {site.uses} claim uses ({site.bare_uses} bare)")
    res["check"] = check(dest, 3)
    res["uses_counted_by_checker"] = res["check"].pop("uses_counted_by_checker")
    if not builds:
        return res
    out = dest / "_out"
    res["theme"] = theme or "furo (the site's)"
    if theme:
        log(f"  builds with html_theme={theme}")
    repeat = 3 if n < 100 else 2  # interleaved on and off, the fastest of each: one slow run skews a ratio
    on: list[dict[str, Any]] = []
    off: list[dict[str, Any]] = []
    on_dirs: list[Path] = []
    for i in range(repeat):  # interleaved, so drift hits both alike
        on_dirs.append(out / f"on{i + 1}")
        on.append(sphinx(dest, on_dirs[-1], theme=theme))
        off.append(sphinx(dest, out / "off", "-D", "claimdocs_check=0", theme=theme))
    res["build_on"] = best(on, "build, checks on")
    res["build_off"] = best(off, "build, checks off")
    res["build_j2"] = best([sphinx(dest, out / "j2", "-j", "2", theme=theme)], "build -j 2, checks on")
    first_ok = on[0]["rc"] == 0
    if first_ok and "build_j2" in res and not res["build_j2"]["failed"]:
        res["j2_vs_j1"] = compare_trees(on_dirs[0], out / "j2")
        log(f"  -j 2 output identical to -j 1: {res['j2_vs_j1']['identical']}"
            + (f" ({res['j2_vs_j1']['differing_count']} files differ)" if not res["j2_vs_j1"]["identical"] else ""))
    if repeat > 1 and all(r["rc"] == 0 for r in on):
        res["j1_vs_j1"] = compare_trees(on_dirs[0], on_dirs[1])
        log(f"  two -j 1 builds identical: {res['j1_vs_j1']['identical']}")
    for d in [*on_dirs[1:], out / "off", out / "j2"]:
        shutil.rmtree(d, ignore_errors=True)
    if not first_ok:
        log("  the first -j 1 build failed: no incremental measurement")
        shutil.rmtree(out, ignore_errors=True)
        return res
    res["noop_rebuild"] = rebuild(dest, on_dirs[0], "no-op rebuild", theme)
    res["noop_rebuild"]["as_expected"] = res["noop_rebuild"]["reread_count"] == 0
    if edit is not None:
        ident, _page = edit
        expected = sorted({d for d, refs in site.uses_by_page.items() if any(i == ident for i, _b in refs)}
                          | set(site.views))
        path = synth.edit_claim(real, dest, ident)
        try:
            inc = rebuild(dest, on_dirs[0], f"incremental rebuild after editing {ident}", theme)
        finally:
            synth.edit_claim(real, dest, ident, restore=True)
        inc.update({
            "claim": ident, "claims_file": path.relative_to(dest).as_posix(),
            "expected": expected, "expected_count": len(expected),
            "extra": sorted(set(inc["reread"]) - set(expected))[:20],
            "missing": sorted(set(expected) - set(inc["reread"])),
            "as_expected": sorted(inc["reread"]) == expected,
        })
        res["incremental"] = inc
    shutil.rmtree(out, ignore_errors=True)
    return res


def ratios(res: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    c = res.get("check")
    if c and res.get("uses") and not c.get("failed"):
        out["check_ms_per_use"] = round(1000 * c["seconds"] / res["uses"], 4)
        if c.get("internal_seconds") is not None:
            out["check_internal_ms_per_use"] = round(1000 * c["internal_seconds"] / res["uses"], 4)
    on, off, j2 = (d if d and not d.get("failed") else None for d in (res.get(k) for k in ("build_on", "build_off", "build_j2")))
    if on and off:
        out["checks_on_over_off"] = round(on["seconds"] / off["seconds"], 3)
        out["checks_on_over_off_cpu"] = round(on["cpu_seconds"] / off["cpu_seconds"], 3)
    if on and j2:
        out["j2_over_j1"] = round(j2["seconds"] / on["seconds"], 3)
    inc = res.get("incremental")
    if inc:
        out["reread_vs_expected"] = f"{inc['reread_count']}/{inc['expected_count']}"
    return out


# ---------------------------------------------------------------- report


def targets(sizes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []

    def add(name: str, status: bool | None, detail: str) -> None:
        out.append({"target": name, "status": "not measured" if status is None else ("met" if status else "not met"),
                    "detail": detail})

    s100, s10 = sizes.get("100x"), sizes.get("10x")
    name = f"claimdocs check on the 100x site under {CHECK_100X_SECONDS:g} s"
    if s100 and not s100["check"]["failed"]:
        c = s100["check"]
        add(name, c["seconds"] < CHECK_100X_SECONDS,
            f"{c['seconds']:.2f} s wall ({c['cpu_seconds']:.2f} s CPU; exit {c['rc']}, {c['findings']} finding(s))")
    else:
        add(name, None, "100x not run" if not s100 else f"the checker could not run: {s100['check']['summary'][:200]}")
    name = f"time per claim use at 100x <= {PER_USE_RATIO} x at 10x"
    if s100 and s10 and "check_ms_per_use" in s100["ratios"] and "check_ms_per_use" in s10["ratios"]:
        a, b = s100["ratios"]["check_ms_per_use"], s10["ratios"]["check_ms_per_use"]
        detail = f"{a:.3f} ms vs {b:.3f} ms per use: x{a / b:.2f} (wall, process start included)"
        ia, ib = s100["ratios"].get("check_internal_ms_per_use"), s10["ratios"].get("check_internal_ms_per_use")
        if ia and ib:
            detail += f"; x{ia / ib:.2f} on the checker's own clock (imports left out)"
        add(name, a / b <= PER_USE_RATIO, detail)
    else:
        add(name, None, "needs 10x and 100x")
    built = [(k, v) for k, v in sizes.items() if "checks_on_over_off" in v.get("ratios", {})]
    name = f"checks add <= {100 * CHECKS_OVERHEAD:g}% to a full HTML build"
    if built:
        worst = max(v["ratios"]["checks_on_over_off"] for _k, v in built)
        per = ", ".join(f"{k}: {100 * (v['ratios']['checks_on_over_off'] - 1):+.1f}% wall "
                        f"({100 * (v['ratios']['checks_on_over_off_cpu'] - 1):+.1f}% CPU)" for k, v in built)
        add(name, worst <= 1 + CHECKS_OVERHEAD, per)
    else:
        add(name, None, "no builds ran")
    incs = [(k, v["incremental"]) for k, v in sizes.items() if "incremental" in v]
    name = "incremental rebuild re-reads only the pages using the edited claim plus the view pages"
    if incs:
        add(name, all(i["as_expected"] for _k, i in incs), ", ".join(
            f"{k}: {i['reread_count']} re-read, {i['expected_count']} expected"
            + (f" (extra: {', '.join(i['extra'][:3])}{'...' if len(i['extra']) > 3 else ''})" if i["extra"] else "")
            + (f" (missing: {', '.join(i['missing'][:3])})" if i["missing"] else "")
            for k, i in incs))
    else:
        add(name, None, "no incremental build ran")
    comps = [(k, v["j2_vs_j1"]) for k, v in sizes.items() if "j2_vs_j1" in v]
    name = "-j 2 output identical to -j 1"
    if comps:
        add(name, all(c["identical"] for _k, c in comps), ", ".join(
            f"{k}: " + ("identical" if c["identical"] else
                        f"{c['differing_count']} of {c['files']} files differ"
                        + (f", claims.json {'identical' if c['claims_json_identical'] else 'differs'}"))
            for k, c in comps))
    else:
        add(name, None, "no -j 2 build compared")
    return out


COLUMNS = [
    ("size", "l"), ("theme", "l"), ("pages", "r"), ("claims", "r"), ("uses", "r"), ("check s", "r"), ("ms/use", "r"),
    ("build on s", "r"), ("build off s", "r"), ("on/off", "r"), ("-j2 s", "r"), ("j2/j1", "r"),
    ("j2 same", "l"), ("incr s", "r"), ("re-read/exp", "r"),
]


def rows(sizes: dict[str, dict[str, Any]]) -> list[list[str]]:
    def sec(d: dict[str, Any] | None) -> str:
        return f"{d['seconds']:.2f}" if d else "-"

    out = []
    for name, s in sizes.items():
        r = s.get("ratios", {})
        inc = s.get("incremental")
        out.append([
            name, str(s.get("theme", "-")).split(" ")[0] if "build_on" in s else "-", str(s["pages"]), str(s["claims"]), str(s["uses"]), sec(s.get("check")),
            f"{r['check_ms_per_use']:.3f}" if "check_ms_per_use" in r else "-",
            sec(s.get("build_on")), sec(s.get("build_off")),
            f"{r['checks_on_over_off']:.2f}" if "checks_on_over_off" in r else "-",
            sec(s.get("build_j2")), f"{r['j2_over_j1']:.2f}" if "j2_over_j1" in r else "-",
            ("yes" if s["j2_vs_j1"]["identical"] else "no") if "j2_vs_j1" in s else "-",
            sec(inc), f"{inc['reread_count']}/{inc['expected_count']}" if inc else "-",
        ])
    return out


def text_table(sizes: dict[str, dict[str, Any]]) -> str:
    body = rows(sizes)
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, (h, _a) in enumerate(COLUMNS)]

    def fmt(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w) for c, w, (_h, a) in zip(cells, widths, COLUMNS, strict=True))

    lines = [fmt([h for h, _a in COLUMNS]), "  ".join("-" * w for w in widths), *(fmt(r) for r in body)]
    return "\n".join(line.rstrip() for line in lines)


def markdown(results: dict[str, Any]) -> str:
    sizes = results["sizes"]
    head = "| " + " | ".join(h for h, _a in COLUMNS) + " |"
    rule = "|" + "|".join("---:" if a == "r" else "---" for _h, a in COLUMNS) + "|"
    lines = [head, rule, *("| " + " | ".join(r) + " |" for r in rows(sizes))]
    m = results["machine"]
    lines += ["", f"{m['cpu_count']} CPUs, Python {m['python']}, Sphinx {m['sphinx']}, myst-parser {m['myst_parser']}; "
              f"run {results['generated_at']}, {results['total_seconds']:.0f} s in all.", "",
              "| target | status | detail |", "|---|---|---|"]
    lines += [f"| {t['target']} | {t['status']} | {t['detail']} |" for t in results["targets"]]
    return "\n".join(lines) + "\n"


def machine() -> dict[str, Any]:
    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    import sphinx as sphinx_pkg

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src", "docs", "claims"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "sphinx": sphinx_pkg.__version__,
        "myst_parser": version("myst-parser"),
        "docutils": version("docutils"),
        "pyyaml_libyaml": _libyaml(),
        # set: no bytecode cache, so every process compiles what it imports (about 0.3 s for the checker)
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
        "git_commit": commit.stdout.strip() or None,
        "git_dirty_src_docs_claims": bool(dirty.stdout.strip()),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def inputs_digest() -> str:
    """A digest of what is measured (the package, the real pages, claims and article): a change
    during the run (someone editing) makes the numbers a mix, and the results say so."""
    import hashlib

    h = hashlib.sha256()
    for folder, pattern in (("src/claimdocs", "*.py"), ("docs", "*.md"), ("claims", "*.yaml"), ("seeds", "*")):
        for path in sorted((ROOT / folder).rglob(pattern)):
            if path.is_file():
                h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _libyaml() -> bool:
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1,10,100", help="comma-separated multiples of the real site (default 1,10,100)")
    p.add_argument("--quick", action="store_true", help="skip the builds at 100x (still generate and check it)")
    p.add_argument("--theme", default="auto",
                   help="html_theme of the builds: 'auto' (default: the site's Furo up to 10x, 'basic' at 100x, "
                        "where Furo's navigation grows with the square of the pages), 'site' (Furo at every size), "
                        "or any theme name")
    p.add_argument("--output", type=Path, default=BENCH / "results.json")
    args = p.parse_args(argv)
    sizes_wanted = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    started = time.perf_counter()
    digest = inputs_digest()
    real = synth.read_real()
    results: dict[str, Any] = {"generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "machine": machine()}
    log("the real site: claimdocs check")
    rc = check(ROOT, 1)
    results["real_site"] = {"pages": len(real.pages), "views": sorted(real.views), "claims": len(real.claim_ids),
                            "check": rc}
    edit = synth.choose_edit(real)
    results["edit"] = {"claim": edit[0], "page": edit[1]} if edit else None
    if edit is None:
        log("no claim is used on exactly one content page: no incremental measurement")
    sizes: dict[str, dict[str, Any]] = {}
    for n in sizes_wanted:
        builds = not (args.quick and n >= 100)
        res = bench_size(real, n, builds=builds, theme=theme_for(n, args.theme), edit=edit)
        res["ratios"] = ratios(res)
        res["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        sizes[f"{n}x"] = res
    results["sizes"] = sizes
    results["targets"] = targets(sizes)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["inputs_digest"] = digest
    results["inputs_changed_during_run"] = inputs_digest() != digest
    if results["inputs_changed_during_run"]:
        log("WARNING: src/claimdocs, docs, claims or seeds changed during the run: the numbers mix two versions")
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md = args.output.with_suffix(".md")
    md.write_text(markdown(results), encoding="utf-8")
    print(text_table(sizes))
    print()
    for t in results["targets"]:
        print(f"[{t['status']:>12}] {t['target']}: {t['detail']}")
    print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output} and {md.name} "
          f"in {results['total_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
