"""Benchmark: `tropewiki import` of every data set in ../shared/data/tvtropes.

Imports the whole shared corpus (data sets, HTML pages) into a fresh SQLite wiki and a fresh
PostgreSQL database, each in its own process, and prints pages, examples, examples/s and the
total time. In the same run it measures the peer: a bare ``executemany`` of the same
(work, trope) rows — every example the SQLite import wrote — into an empty SQLite table with
the wiki's pragmas, and prints the ratio of the import's examples/s to that insert's rows/s.

    .venv/bin/python bench/import.py
    .venv/bin/python bench/import.py --no-postgres
    .venv/bin/python bench/import.py --postgres postgres://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tvtropes"
TARGET_RATE, TARGET_RATIO, TARGET_SECONDS = 50_000, 0.25, 60.0


def worker(data: Path) -> None:
    """Run in a child process: migrate, import, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropewiki.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    from tropewiki.io.runner import Importer

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    summary = Importer(quiet=True).run([data])
    seconds = time.perf_counter() - started
    print(json.dumps({
        "pages": summary.pages.created + summary.pages.changed,
        "examples": summary.pages.examples,
        "seconds": seconds,
        "broken": len(summary.broken),
        "skipped": len(summary.skipped),
        "steps": summary.steps,
    }))  # fmt: skip


def run(database_url: str, home: Path, data: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TROPEWIKI_")}
    env.update(TROPEWIKI_HOME=str(home), TROPEWIKI_DATABASE_URL=database_url,
               TROPEWIKI_SECRET_KEY="bench-only", PYTHONPATH=str(ROOT / "src"))  # fmt: skip
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(data)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"import failed ({database_url or 'sqlite'}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bare_insert(wiki: Path, scratch: Path) -> tuple[int, float]:
    """Rows/s of a plain executemany of the wiki's (work, trope) pairs into an empty table."""
    with sqlite3.connect(wiki) as source:
        rows = source.execute("SELECT work_key, trope_key FROM knowledge_examplesource").fetchall()
    target = sqlite3.connect(scratch)
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=NORMAL")
    target.execute("CREATE TABLE example (work TEXT NOT NULL, trope TEXT NOT NULL)")
    started = time.perf_counter()
    target.executemany("INSERT INTO example (work, trope) VALUES (?, ?)", rows)
    target.commit()
    seconds = time.perf_counter() - started
    target.close()
    return len(rows), len(rows) / seconds


def fresh_postgres(url: str) -> tuple[str, str] | None:
    """A new empty database on the server of ``url``: (its URL, its name), or None."""
    try:
        import psycopg
    except ImportError:
        return None
    name = f"tropewiki_bench_{os.getpid()}"
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        print(f"PostgreSQL skipped: {exc}".strip(), file=sys.stderr)
        return None
    parts = urlparse(url)
    return urlunparse(parts._replace(path=f"/{name}")), name


def drop_postgres(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if not args.data.exists():
        raise SystemExit(f"{args.data} is absent: the benchmark imports the shared data sets")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="tropewiki-bench-") as scratch:
        home = Path(scratch) / "sqlite"
        home.mkdir()
        results["SQLite"] = run("", home, args.data)
        rows, bare_rate = bare_insert(home / "tropewiki.sqlite3", Path(scratch) / "bare.sqlite3")
        if not args.no_postgres:
            created = fresh_postgres(args.postgres)
            if created is not None:
                try:
                    (Path(scratch) / "pg").mkdir()
                    results["PostgreSQL"] = run(created[0], Path(scratch) / "pg", args.data)
                finally:
                    drop_postgres(args.postgres, created[1])
    print(f"Importing {args.data} ({rows:,} (work, trope) rows)\n")
    print(
        f"{'database':<12}{'pages':>9}{'examples':>11}{'seconds':>9}{'examples/s':>12}{'ratio':>8}"
    )
    for name, r in results.items():
        rate = r["examples"] / r["seconds"]
        print(f"{name:<12}{r['pages']:>9,}{r['examples']:>11,}{r['seconds']:>9.1f}{rate:>12,.0f}"
              f"{rate / bare_rate:>8.3f}")  # fmt: skip
    print(f"{'bare insert':<12}{'':>9}{rows:>11,}{rows / bare_rate:>9.1f}{bare_rate:>12,.0f}"
          f"{1:>8.3f}")  # fmt: skip
    print("\nSeconds by step (each step's own time; reading includes the data sets):")
    for name, r in results.items():
        steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in r["steps"].items())
        print(f"  {name}: {steps}")
    sqlite = results["SQLite"]
    rate = sqlite["examples"] / sqlite["seconds"]
    reading = sqlite["steps"].get("read data sets", 0.0)
    if reading:
        ceiling = sqlite["examples"] / reading
        print(
            f"\nCeiling: reading the data sets alone took {reading:.1f} s; were every other "
            f"step free, the import would run at {ceiling:,.0f} examples/s = "
            f"{ceiling / bare_rate:.3f} of the bare insert (≥{TARGET_RATIO} means the whole "
            f"import in {sqlite['examples'] / (TARGET_RATIO * bare_rate):.1f} s)."
        )
    print(
        f"\nTargets: ≥{TARGET_RATE:,} examples/s (SQLite {rate:,.0f}), ≥{TARGET_RATIO} of the "
        f"bare insert ({rate / bare_rate:.3f}), whole corpus < {TARGET_SECONDS:.0f} s "
        f"({sqlite['seconds']:.0f} s). Broken inputs: {sqlite['broken']}; "
        f"skipped: {sqlite['skipped']:,}. Load average: {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs."
    )


if __name__ == "__main__":
    main()
