"""Serving benchmark: anonymous page views and edit saves, tropewiki against MediaWiki.

    .venv/bin/python bench/serve.py [--peer mediawiki] [--duration 10] [--conns 1,16]

Builds a fresh wiki in a temporary directory through the real CLI, writes the seed work page
(converted to TV Tropes markup, padded to a full-size page) and the pages it links to, serves it
with ``tropewiki serve --workers 2`` and loads it with ``wrk`` on loopback. With ``--peer
mediawiki`` the MediaWiki peer is measured in the same run, alternating with tropewiki. See
bench/README.md for what is measured and how to read the output.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

from _peers import (
    MAX_CONNS,
    SHARED,
    BenchError,
    MediaWikiPeer,
    MediaWikiRun,
    WrkResult,
    busy_cpus,
    find_wrk,
    free_port,
    run_wrk,
    warm_up,
)
from _serve_page import MIN_EXAMPLES, WORK, WorkPage, build_work_page

SEED = SHARED / "seed" / "never-let-me-go.tvtropes.txt"
HOST = "127.0.0.1"
WORKERS = 2
TARGET_TEXT_HTML = 30_000
TARGET_RPS_RATIO = 3.0
TARGET_P99_MS = 30.0
TARGET_EDIT_RATIO = 0.5

_POPULATE = """
import json, sys
import django
django.setup()
from django.db import transaction
from tropewiki.actions import Actor, save_page
pages = json.load(open(sys.argv[1]))
actor = Actor.system("bench")
with transaction.atomic():
    for address, text in pages:
        save_page(address, text, actor, reason="bench setup")
print(len(pages))
"""


class Wiki:
    """A fresh tropewiki data directory, prepared and populated through the CLI and actions."""

    def __init__(self, home: Path, port: int) -> None:
        self.home = home
        self.port = port
        self.base = f"http://{HOST}:{port}"
        self.bin = Path(sys.executable).parent
        self.password = "bench-" + secrets.token_urlsafe(18)
        self.env = {
            **os.environ,
            "TROPEWIKI_HOME": str(home / "data"),
            "TROPEWIKI_DATABASE_URL": "",
            "TROPEWIKI_CACHE_URL": "",
            "TROPEWIKI_DEBUG": "false",
            "TROPEWIKI_BENCH_PASSWORD": self.password,
            "DJANGO_SETTINGS_MODULE": "tropewiki.settings",
        }
        self.server: subprocess.Popen[bytes] | None = None

    def cli(self, *args: str) -> str:
        return self._run([str(self.bin / "tropewiki"), *args])

    def _run(self, argv: list[str]) -> str:
        done = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise BenchError(f"{' '.join(argv[:3])} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def prepare(self, page: WorkPage) -> None:
        self.cli("serve", "--prepare-only", "--no-demo")
        pages = [*page.linked_pages.items(), (WORK, page.text)]
        pages_file = self.home / "pages.json"
        pages_file.write_text(json.dumps(pages))
        self._run([sys.executable, "-c", _POPULATE, str(pages_file)])
        self.cli(
            "createuser", "bench", "--role", "editor", "--password-env", "TROPEWIKI_BENCH_PASSWORD"
        )

    @contextmanager
    def serving(self) -> Iterator[None]:
        argv = [
            str(self.bin / "tropewiki"),
            "serve",
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--workers",
            str(WORKERS),
            "--no-demo",
        ]
        log = (self.home / "serve.log").open("wb")
        self.server = subprocess.Popen(
            argv, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            self._wait_until_up()
            yield
        finally:
            self._stop()
            log.close()

    def _wait_until_up(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server is not None and self.server.poll() is not None:
                raise BenchError(f"tropewiki serve exited: {self._log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base}/{WORK}", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        raise BenchError(f"tropewiki did not answer within {timeout:.0f} s: {self._log_tail()}")

    def _log_tail(self) -> str:
        return (self.home / "serve.log").read_text(errors="replace")[-2000:]

    def _stop(self) -> None:
        """SIGTERM to the gunicorn master (graceful), then SIGKILL to its own process group."""
        server, self.server = self.server, None
        if server is None or server.poll() is not None:
            return
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=35)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


# --- measurements ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageCheck:
    status: int
    cache_hits: int
    tries: int
    served_bytes: int
    text_bytes: int
    list_items: int
    links: int
    red_links: int


def check_page(url: str, out: Path, tries: int = 4) -> PageCheck:
    """curl the page a few times: status, ``X-Page-Cache: hit``, sizes, link colours."""
    hits, status = 0, 0
    for _ in range(tries):
        done = subprocess.run(
            ["curl", "-s", "-D", "-", "-o", str(out), "-w", "%{http_code}", url],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        status = int(done.stdout.strip().rsplit("\n", 1)[-1][-3:])
        hits += bool(re.search(r"^x-page-cache:\s*hit", done.stdout, re.I | re.M))
    body = out.read_text(errors="replace")
    start = body.find('<div class="page-text">')
    end = body.find('<footer class="page-meta">', start)
    text = body[start:end] if start >= 0 and end > start else ""
    anchors = re.findall(r"<a\b[^>]*>", text)
    return PageCheck(
        status=status,
        cache_hits=hits,
        tries=tries,
        served_bytes=len(body.encode()),
        text_bytes=len(text.encode()),
        list_items=text.count("<li"),
        links=len(anchors),
        red_links=sum(bool(re.search(r'class="[^"]*\bnew\b', a)) for a in anchors),
    )


def measure_views(wrk: str, url: str, conns: list[int], duration: int) -> dict[int, WrkResult]:
    """As the peer's bench.sh: 2 s warm-up at 16 connections, a 1 s pause, then each point."""
    warm_up(wrk, url)
    time.sleep(1)
    return {c: run_wrk(wrk, url, c, duration) for c in conns}


class Editor:
    """A logged-in editor over HTTP with the standard library only (urllib + cookie jar)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect()
        )

    def request(self, path: str, form: dict[str, str] | None = None) -> tuple[int, str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(f"{self.base}{path}", data=data, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode(errors="replace")

    def cookie(self, name: str) -> str:
        return next((c.value or "" for c in self.jar if c.name == name), "")

    def login(self, username: str, password: str) -> None:
        self.request("/-/login")
        form = {
            "csrfmiddlewaretoken": self.cookie("csrftoken"),
            "username": username,
            "password": password,
            "next": "/",
        }
        status, body = self.request("/-/login", form)
        if status != 302 or not self.cookie("sessionid"):
            raise BenchError(f"login failed ({status}): {body[:300]}")

    def save(self, address: str, n: int) -> float:
        """GET the editor, POST a changed text; returns the POST's wall time in ms."""
        status, body = self.request(f"/{address}/edit")
        if status != 200:
            raise BenchError(f"edit form: HTTP {status}")
        form = {
            "csrfmiddlewaretoken": _field(body, r'name="csrfmiddlewaretoken" value="([^"]*)"'),
            "base_revision": _field(body, r'name="base_revision" value="([0-9]+)"'),
            "text": _edited(_field(body, r'<textarea[^>]*name="text"[^>]*>(.*?)</textarea>'), n),
            "reason": f"bench edit {n}",
            "save": "1",
        }
        started = time.perf_counter()
        status, answer = self.request(f"/{address}/edit", form)
        elapsed = (time.perf_counter() - started) * 1000
        if status != 302:
            raise BenchError(f"save {n}: HTTP {status}: {answer[:300]}")
        return elapsed


def _field(body: str, pattern: str) -> str:
    match = re.search(pattern, body, re.DOTALL)
    if match is None:
        raise BenchError(f"the edit form has no match for {pattern}")
    return html.unescape(match.group(1))


def _edited(text: str, n: int) -> str:
    """The page text with a different trailing comment: a real save that changes nothing shown
    (as the peer's edit part appends a different ``<!-- … -->`` each time)."""
    kept = [line for line in text.split("\n") if not line.startswith("%% bench edit")]
    return "\n".join(kept).rstrip("\n") + f"\n%% bench edit {n} {time.time_ns()}\n"


@dataclass(frozen=True, slots=True)
class EditStats:
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        if len(self.samples) < 2:
            return self.samples[0]
        return statistics.quantiles(self.samples, n=10, method="inclusive")[8]


def measure_edits(wiki: Wiki, saves: int) -> EditStats:
    editor = Editor(wiki.base)
    editor.login("bench", wiki.password)
    return EditStats([editor.save(WORK, n) for n in range(1, saves + 1)])


# --- report ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    label: str
    views: dict[int, WrkResult]
    edit_ms: float | None = None
    edit_p90_ms: float | None = None
    note: str = ""
    busy: float = 0.0  # CPUs busy with other work just before the round (see busy_cpus)


@dataclass(slots=True)
class Results:
    conns: list[int]
    ours: list[Row] = field(default_factory=list)
    mw_plain: list[Row] = field(default_factory=list)
    mw_cached: list[Row] = field(default_factory=list)
    edits: list[EditStats] = field(default_factory=list)
    page: PageCheck | None = None
    examples: int = 0
    mw_bytes: int | None = None
    peer_note: str = ""

    def all_rows(self) -> list[Row]:
        return [*self.ours, *self.mw_plain, *self.mw_cached]


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}ms" if value < 100 else f"{value:.0f}ms"


def _mean(rows: list[Row], conns: int, figure: str) -> float | None:
    """Mean over rounds of one wrk figure (``rps``, ``p99_ms``) at ``conns`` connections."""
    values = [getattr(r.views[conns], figure) for r in rows if conns in r.views]
    return statistics.fmean(values) if values else None


def print_table(results: Results) -> None:
    head = f"{'engine / config':<34}"
    for c in results.conns:
        head += f" │ c={c:<3}{'views/s':>9} {'p50':>8} {'p99':>8}"
    head += f" │ {'edit median':>11} {'p90':>8} │ other CPU"
    print(head)
    print("─" * len(head))
    for row in results.all_rows():
        line = f"{row.label:<34}"
        for c in results.conns:
            v = row.views.get(c)
            line += (
                f" │ {'':<5}{v.rps:>9.1f} {_ms(v.p50_ms):>8} {_ms(v.p99_ms):>8}"
                if v
                else f" │ {'':<5}{'—':>9} {'—':>8} {'—':>8}"
            )
        line += f" │ {_ms(row.edit_ms):>11} {_ms(row.edit_p90_ms):>8} │ {row.busy:9.2f}"
        print(line + (f"  {row.note}" if row.note else ""))


def print_targets(results: Results) -> None:
    top = max(results.conns)
    ours_rps = _mean(results.ours, top, "rps")
    ours_p99 = _mean(results.ours, top, "p99_ms")
    mw_rps = _mean(results.mw_cached, top, "rps")
    ours_edit = statistics.median([s for e in results.edits for s in e.samples])
    mw_edits = [r.edit_ms for r in results.mw_plain if r.edit_ms is not None]
    mw_edit = statistics.median(mw_edits) if mw_edits else None
    print()
    if ours_rps is not None and mw_rps:
        ratio = ours_rps / mw_rps
        _verdict(
            ratio >= TARGET_RPS_RATIO,
            f"tropewiki views/s ÷ MediaWiki file-cache views/s at "
            f"c={top}: {ratio:.2f}× ({ours_rps:.0f} / {mw_rps:.0f}; target ≥ "
            f"{TARGET_RPS_RATIO:.0f}×)",
        )
    else:
        print(f"  —    views/s ratio: no MediaWiki file-cache figure ({results.peer_note})")
    if ours_p99 is not None:
        _verdict(
            ours_p99 <= TARGET_P99_MS,
            f"tropewiki p99 at c={top}: {ours_p99:.1f} ms "
            f"(mean of rounds; target ≤ {TARGET_P99_MS:.0f} ms)",
        )
    if mw_edit:
        ratio = ours_edit / mw_edit
        _verdict(
            ratio <= TARGET_EDIT_RATIO,
            f"tropewiki edit median ÷ MediaWiki API edit median: "
            f"{ratio:.2f} ({ours_edit:.1f} / {mw_edit:.1f} ms; target ≤ "
            f"{TARGET_EDIT_RATIO})",
        )
    else:
        print(
            f"  —    edit ratio: no MediaWiki edit figure (tropewiki median "
            f"{ours_edit:.1f} ms; {results.peer_note})"
        )


def _verdict(ok: bool, text: str) -> None:
    print(f"  {'PASS' if ok else 'MISS'}  {text}")


def print_page(results: Results) -> None:
    page = results.page
    if page is None:
        return
    mw = (
        f"; MediaWiki serves its seed page in {results.mw_bytes / 1000:.1f} KB"
        if results.mw_bytes
        else ""
    )
    print(
        f"Work page /{WORK}: {results.examples} examples ({page.list_items} <li>), "
        f"{page.text_bytes / 1000:.1f} KB of rendered page text, {page.served_bytes / 1000:.1f} KB "
        f"served HTML{mw}"
    )
    print(
        f"Links in the page text: {page.links}, red: {page.red_links}; HTTP {page.status}; "
        f"X-Page-Cache: hit on {page.cache_hits} of {page.tries} anonymous GETs"
    )


def load_errors(rows: list[Row]) -> list[str]:
    return [
        f"{row.label} c={c}: {v.error_text} of {v.requests} requests"
        for row in rows
        for c, v in row.views.items()
        if v.errors
    ]


def sanity_problems(results: Results) -> list[str]:
    """What makes tropewiki's figures invalid (the run then exits 1)."""
    problems = load_errors(results.ours)
    page = results.page
    if page is not None:
        if page.status != 200:
            problems.append(f"the work page answered HTTP {page.status}")
        if page.cache_hits < page.tries:
            problems.append(f"page cache hit on only {page.cache_hits} of {page.tries} GETs")
        if page.red_links:
            problems.append(f"{page.red_links} red links on the work page")
        if not 0.8 * TARGET_TEXT_HTML <= page.text_bytes <= 1.5 * TARGET_TEXT_HTML:
            problems.append(f"rendered page text is {page.text_bytes} bytes, not ~30 KB")
    if results.examples < MIN_EXAMPLES:
        problems.append(f"only {results.examples} examples (want ≥ {MIN_EXAMPLES})")
    return problems


# --- the run -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer", choices=["mediawiki"], help="also measure this peer")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk point")
    parser.add_argument("--conns", default="1,16", help="comma-separated wrk connection counts")
    parser.add_argument("--rounds", type=int, default=2, help="tropewiki/peer alternations")
    parser.add_argument("--saves", type=int, default=30, help="edit saves per round")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    args.conns = sorted({int(c) for c in args.conns.split(",") if c.strip()})
    if not args.conns or not all(1 <= c <= MAX_CONNS for c in args.conns):
        parser.error(f"--conns: each between 1 and {MAX_CONNS}")
    if not 1 <= args.duration <= 60:
        parser.error("--duration: 1 to 60 seconds")
    if not 1 <= args.rounds <= 5 or not 1 <= args.saves <= 200:
        parser.error("--rounds 1..5, --saves 1..200")
    return args


def peer_for(args: argparse.Namespace, tmp: Path) -> tuple[MediaWikiPeer | None, str]:
    if args.peer != "mediawiki":
        return None, "no --peer given"
    peer = MediaWikiPeer(tmp)
    reason = peer.unavailable_reason()
    if reason:
        print(f"Skipping the MediaWiki peer: {reason}", flush=True)
        return None, reason
    return peer, ""


def run_mediawiki(peer: MediaWikiPeer, results: Results, args: argparse.Namespace, n: int) -> None:
    """Round 1: file cache off (views + API edits), then on; later rounds: file cache on."""
    if n == 1:
        say("MediaWiki: setup.sh (file cache off)")
        peer.setup(file_cache=False)
        say("MediaWiki: page views and API edits, file cache off")
        busy = busy_cpus()
        run = peer.bench("plain", "load edit", args.conns, args.duration)
        results.mw_plain.append(_mw_row("MediaWiki (no file cache)", run, busy))
        results.mw_bytes = run.page_bytes
        say("MediaWiki: FILE_CACHE=1 setup.sh")
        peer.setup(file_cache=True)
    say(f"MediaWiki: page views, file cache on (round {n})")
    busy = busy_cpus()
    run = peer.bench(f"filecache-{n}", "load", args.conns, args.duration)
    results.mw_cached.append(_mw_row(f"MediaWiki file cache, round {n}", run, busy))


def _mw_row(label: str, run: MediaWikiRun, busy: float) -> Row:
    return Row(
        label,
        run.views,
        edit_ms=run.edit_api_ms,
        note="edit: api.php, median of 5" if run.edit_api_ms is not None else "",
        busy=busy,
    )


def run_tropewiki(
    wiki: Wiki, wrk: str, results: Results, args: argparse.Namespace, n: int, tmp: Path
) -> None:
    say(f"tropewiki: page views (round {n})")
    busy = busy_cpus()
    views = measure_views(wrk, f"{wiki.base}/{WORK}", args.conns, args.duration)
    if n == 1:
        results.page = check_page(f"{wiki.base}/{WORK}", tmp / "page.html")
    say(f"tropewiki: {args.saves} edit saves (round {n})")
    edits = measure_edits(wiki, args.saves)
    results.edits.append(edits)
    results.ours.append(
        Row(
            f"tropewiki, round {n}",
            views,
            edits.median,
            edits.p90,
            note=f"edit: form POST, median of {len(edits.samples)}",
            busy=busy,
        )
    )


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def run(args: argparse.Namespace, wrk: str, tmp: Path) -> Results:
    page = build_work_page(SEED.read_text(encoding="utf-8"))
    results = Results(conns=args.conns, examples=page.examples)
    wiki = Wiki(tmp, free_port())
    say(f"tropewiki: preparing {tmp} ({len(page.linked_pages) + 1} pages)")
    wiki.prepare(page)
    peer, results.peer_note = peer_for(args, tmp)
    try:
        with wiki.serving():
            say(f"tropewiki: serving on {wiki.base} with {WORKERS} workers")
            for n in range(1, args.rounds + 1):
                run_tropewiki(wiki, wrk, results, args, n, tmp)
                if peer is not None:
                    run_mediawiki(peer, results, args, n)
    finally:
        if peer is not None and peer.file_cache:
            say("MediaWiki: restoring the file cache setting (setup.sh)")
            peer.setup(file_cache=False)
    return results


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)  # clean up on kill as on Ctrl-C
    wrk = find_wrk()
    if wrk is None:
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    if not SEED.is_file():
        print(
            f"The seed page {SEED} is missing: this benchmark needs ../shared beside the "
            "repository.",
            file=sys.stderr,
        )
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="tropewiki-bench-serve-"))
    try:
        results = run(args, wrk, tmp)
    except BenchError as exc:
        print(f"\nbench/serve.py: {exc}\n(logs in {tmp})", file=sys.stderr)
        args.keep = True
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted; everything started was stopped", file=sys.stderr)
        return 130
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    report(results, args)
    problems = sanity_problems(results)
    return 1 if problems else 0


def report(results: Results, args: argparse.Namespace) -> None:
    print()
    print(
        f"Serving benchmark: wrk -t1 -d{args.duration}s --latency on loopback after a 2 s "
        f"warm-up; {WORKERS} workers each; {os.cpu_count()} CPUs"
    )
    print_page(results)
    print()
    print_table(results)
    print(
        "other CPU: CPUs busy with other people's work in the 1 s before the round (of "
        f"{os.cpu_count()}); figures from a busy machine are low and noisy"
    )
    print_targets(results)
    problems = sanity_problems(results)
    print()
    print("Checks: " + ("all responses 200, page cache hit" if not problems else "PROBLEMS"))
    for problem in problems:
        print(f"  ! {problem}")
    for error in load_errors([*results.mw_plain, *results.mw_cached]):
        print(f"  peer: {error}")


if __name__ == "__main__":
    sys.exit(main())
