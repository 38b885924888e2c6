"""Helpers shared by the benchmarks: wrk runs and the peers in ``../shared/peers``.

Everything here stays on loopback and stops what it starts. The MediaWiki peer is driven
through its own scripts (``setup.sh``, ``bench.sh``), so it is measured exactly the way its
README describes; this module only runs them and reads what they leave behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MEDIAWIKI_DIR = SHARED / "peers" / "mediawiki"
MAX_CONNS = 64
WARMUP_SECONDS = 2

_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([0-9.]+)(us|ms|s|m)\s*$", re.MULTILINE)


class BenchError(RuntimeError):
    """A benchmark cannot go on; the message says why."""


@dataclass(frozen=True, slots=True)
class WrkResult:
    """One wrk point: throughput, latency percentiles and anything that was not a 2xx/3xx."""

    conns: int
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int = 0
    socket_errors: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return self.non_2xx + sum(self.socket_errors.values())

    @property
    def error_text(self) -> str:
        parts = [f"non-2xx/3xx {self.non_2xx}"] if self.non_2xx else []
        parts += [f"socket {k} {v}" for k, v in self.socket_errors.items() if v]
        return ", ".join(parts) or "none"


def parse_wrk(text: str, conns: int) -> WrkResult:
    """Read wrk's ``--latency`` report."""
    rps = re.search(r"^Requests/sec:\s+([0-9.]+)", text, re.MULTILINE)
    total = re.search(r"^\s*([0-9]+) requests in", text, re.MULTILINE)
    if rps is None or total is None:
        raise BenchError(f"unreadable wrk output:\n{text}")
    latency = {p: float(v) * _UNIT_MS[u] for p, v, u in _LATENCY.findall(text)}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+([0-9]+)", text)
    sockets = re.search(
        r"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)", text
    )
    socket_errors = (
        dict(zip(("connect", "read", "write", "timeout"), map(int, sockets.groups()), strict=True))
        if sockets
        else {}
    )
    return WrkResult(
        conns=conns,
        rps=float(rps.group(1)),
        p50_ms=latency.get("50", float("nan")),
        p99_ms=latency.get("99", float("nan")),
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=socket_errors,
    )


def find_wrk() -> str | None:
    return shutil.which("wrk") or ("/usr/bin/wrk" if os.access("/usr/bin/wrk", os.X_OK) else None)


def check_load(url: str, conns: int, duration: int) -> None:
    """Refuse anything but a bounded load on loopback."""
    if not url.startswith("http://127.0.0.1:"):
        raise BenchError(f"loads stay on loopback: {url}")
    if not 1 <= conns <= MAX_CONNS:
        raise BenchError(f"connections must be 1..{MAX_CONNS}, not {conns}")
    if not 1 <= duration <= 600:
        raise BenchError(f"duration must be 1..600 s, not {duration}")


def run_wrk(wrk: str, url: str, conns: int, duration: int) -> WrkResult:
    """``wrk -t1 -c{conns} -d{duration}s --latency url``."""
    check_load(url, conns, duration)
    argv = [wrk, "-t1", f"-c{conns}", f"-d{duration}s", "--latency", url]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=duration + 30)
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr.strip()}")
    return parse_wrk(done.stdout, conns)


def warm_up(wrk: str, url: str, conns: int = 16) -> None:
    """The peers' warm-up: 2 s at 16 connections, not recorded."""
    run_wrk(wrk, url, min(conns, MAX_CONNS), WARMUP_SECONDS)


def busy_cpus(seconds: float = 1.0) -> float:
    """How many CPUs were busy over the next ``seconds`` (from /proc/stat), to be called while
    the benchmark itself is idle: the load other people's work puts on the machine."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields[:8]) - idle, sum(fields[:8])

    try:
        busy0, total0 = sample()
        time.sleep(seconds)
        busy1, total1 = sample()
    except OSError:
        return float("nan")
    return (os.cpu_count() or 1) * (busy1 - busy0) / max(total1 - total0, 1)


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


# --- MediaWiki -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MediaWikiRun:
    """What one ``bench.sh`` run measured: page views by connections, the API edit median."""

    views: dict[int, WrkResult]
    edit_api_ms: float | None
    page_bytes: int | None
    summary: str


class MediaWikiPeer:
    """MediaWiki 1.39 on 127.0.0.1:8090, through ``setup.sh`` and ``bench.sh``.

    ``bench.sh`` starts nginx and php-fpm and stops them by PID on exit; if it is interrupted
    before its trap runs, :meth:`_stop_leftovers` stops the two by the PID files under
    ``/tmp/mwpeer/run`` that this run's ``bench.sh`` wrote (and only if it did).
    """

    PORT = 8090
    STATE = Path("/tmp/mwpeer")

    def __init__(self, log_dir: Path, directory: Path = MEDIAWIKI_DIR) -> None:
        self.dir = directory
        self.log_dir = log_dir
        self.file_cache: bool | None = None

    def unavailable_reason(self) -> str | None:
        """Why the peer cannot be measured here, or None."""
        for name in ("setup.sh", "bench.sh"):
            if not (self.dir / name).is_file():
                return f"{self.dir / name} is missing (no ../shared checkout or no peer)"
        if os.geteuid() != 0:
            return "the MediaWiki peer's setup.sh and bench.sh must run as root"
        if port_in_use(self.PORT):
            return f"127.0.0.1:{self.PORT} is already in use (someone else's MediaWiki run?)"
        return None

    def setup(self, *, file_cache: bool) -> None:
        """``[FILE_CACHE=1] ./setup.sh`` (idempotent, ~30 s)."""
        env = {**os.environ, "FILE_CACHE": "1" if file_cache else "0"}
        log = self.log_dir / f"mw-setup-fc{int(file_cache)}.log"
        with log.open("w") as out:
            done = subprocess.run(
                ["bash", str(self.dir / "setup.sh")],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=900,
            )
        if done.returncode != 0:
            raise BenchError(f"setup.sh failed ({done.returncode}); see {log}")
        self.file_cache = file_cache

    def bench(self, name: str, parts: str, conns: list[int], duration: int) -> MediaWikiRun:
        """Run ``bench.sh`` with PARTS/POINTS=view/CONNS/DUR; read its summary and wrk files."""
        if port_in_use(self.PORT):
            raise BenchError(f"127.0.0.1:{self.PORT} is in use before bench.sh started")
        for c in conns:
            check_load(f"http://127.0.0.1:{self.PORT}/", c, duration)
        out = self.log_dir / f"mw-{name}"
        env = {
            **os.environ,
            "OUT": str(out),
            "PARTS": parts,
            "POINTS": "view",
            "CONNS": " ".join(map(str, conns)),
            "DUR": f"{duration}s",
        }
        log = self.log_dir / f"mw-{name}.log"
        started = time.time()
        with log.open("w") as stdout:
            proc = subprocess.Popen(
                ["bash", str(self.dir / "bench.sh")],
                env=env,
                stdout=stdout,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                code = proc.wait(timeout=600)
            except BaseException:
                interrupt(proc)
                self._stop_leftovers(started)
                raise
        if code != 0:
            raise BenchError(f"bench.sh failed ({code}); see {log}")
        return self._read(out)

    def _read(self, out: Path) -> MediaWikiRun:
        summary = (out / "summary.txt").read_text()
        views = {}
        for path in sorted(out.glob("view.c*.wrk.txt")):
            conns = int(path.name.split(".")[1][1:])
            views[conns] = parse_wrk(path.read_text(), conns)
        edit = re.search(r"api\.php action=edit.*?([0-9.]+) ms", summary)
        size = re.search(r"^view\s.*\bbytes=([0-9]+)", summary, re.MULTILINE)
        return MediaWikiRun(
            views=views,
            edit_api_ms=float(edit.group(1)) if edit else None,
            page_bytes=int(size.group(1)) if size else None,
            summary=summary,
        )

    def _stop_leftovers(self, since: float) -> None:
        """Stop nginx/php-fpm left by an interrupted ``bench.sh`` of ours (PID files newer than
        ``since`` whose process is still that program)."""
        for name, program in (("nginx.pid", "nginx"), ("php-fpm.pid", "php-fpm")):
            pid_file = self.STATE / "run" / name
            try:
                if pid_file.stat().st_mtime < since:
                    continue
                pid = int(pid_file.read_text().split()[0])
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except (OSError, ValueError, IndexError):
                continue
            if program.encode() in cmdline:
                _signal(pid, signal.SIGTERM)


def interrupt(proc: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Stop a script we started: SIGINT lets bash run its EXIT trap, then SIGTERM, SIGKILL."""
    for sig, wait in ((signal.SIGINT, 10), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        _signal(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


def _signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)
