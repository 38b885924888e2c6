"""Benchmark: works like this and full-text search at TV Tropes scale, against SQL peers.

    .venv/bin/python bench/discovery.py                 # full scale (about 6 minutes)
    .venv/bin/python bench/discovery.py --scale 0.05    # a quick run at 5 % of the sizes

Builds a synthetic wiki in a fresh SQLite database (the default deployment: WAL, migrated by
the project's migrations, in a temporary TROPEWIKI_HOME): 30k tropes and 100k works whose
~3M examples follow a Zipf–Mandelbrot trope popularity, and 600k pages in the search index
(tropes with laconics, works, and their YMMV/Trivia/… subpages) over a Zipfian vocabulary.
Then, in one run:

* *Works like this*: the model is built from the example table by the production code
  (``discovery.similarity``), then ``similar(work, 10)`` (with its shared-trope reasons) is
  timed for random works, against the same TF-IDF cosine ranking as an SQL self-join of the
  example table (and a plain shared-trope count join) on the same database and works.
* *Full-text search*: ``GET /-/search.json?q=…&limit=10`` through ``tropewiki.wsgi.application``
  — the callable gunicorn serves, given the WSGI environ a server builds (query parsing,
  title tiers, snippets, JSON, headers; see ``tropewiki.web.fast_reads``) — against the raw
  FTS5 ``SELECT rowid … MATCH … ORDER BY rank LIMIT 10`` on the same connection, the two
  interleaved query by query after a warm-up pass. The same request through Django's test
  client (URL routing, nine middleware) and the HTML results page are timed too.
* *Saving with indexing*: ``save_page`` of new work pages into the full database.

Targets: works-like-this p99 ≤ 5 ms and ≥ 20× faster than the SQL self-join (p50s); search
endpoint p50 ≤ 1.5× the raw FTS5 query. See bench/README.md.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET_SIMILAR_P99_MS = 5.0
TARGET_SIMILAR_RATIO = 20.0
TARGET_SEARCH_RATIO = 1.5

SYLLABLES = "ka lo mi ra ne to sa vu de pi go ru ta mo li se an or el is".split()  # noqa: SIM905
MEDIA = {  # share of works per medium
    "Film": 0.2,
    "Literature": 0.2,
    "Series": 0.15,
    "VideoGame": 0.1,
    "Anime": 0.08,
    "ComicBook": 0.07,
    "WesternAnimation": 0.05,
    "Manga": 0.05,
    "Theatre": 0.03,
    "Webcomic": 0.04,
    "Music": 0.03,
}
SUBPAGES = {  # namespace: (of "trope" or "work", how many per thousand of them)
    "Laconic": ("trope", 1000),
    "YMMV": ("work", 1000),
    "Trivia": ("work", 1000),
    "Characters": ("work", 1000),
    "Quotes": ("work", 800),
    "Funny": ("work", 600),
}
PLAYED = ["", "", "", "", "", "", "", "subverted", "averted", "lampshaded", "exaggerated"]


# ---- measuring -------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    ms = np.array(samples) * 1000
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 99))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def step(message: str) -> Callable[[], None]:
    print(f"  {message} …", end="", flush=True)
    start = time.perf_counter()
    return lambda: print(f" {time.perf_counter() - start:.1f} s", flush=True)


# ---- the synthetic wiki ----------------------------------------------------------------------


class Vocabulary:
    """Pseudo-words with Zipf-distributed frequencies (s = 1.05)."""

    def __init__(self, size: int, rng: np.random.Generator) -> None:
        self.words = np.array([self._word(i) for i in range(size)])
        p = 1.0 / np.arange(1, size + 1) ** 1.05
        self.p = p / p.sum()
        self.rng = rng

    @staticmethod
    def _word(i: int) -> str:
        parts, i = [], i + 1
        while i:
            parts.append(SYLLABLES[i % len(SYLLABLES)])
            i //= len(SYLLABLES)
        return "".join(parts)

    def texts(self, lengths: np.ndarray) -> list[str]:
        flat = self.words[self.rng.choice(len(self.words), size=int(lengths.sum()), p=self.p)]
        out, at = [], 0
        for n in lengths:
            out.append(" ".join(flat[at : at + n]))
            at += n
        return out

    def titles(self, n: int) -> list[str]:
        # Titles use mid-frequency words (ranks 50..20000), as names do.
        picks = self.rng.integers(50, min(20000, len(self.words)), size=(n, 3))
        sizes = self.rng.integers(2, 4, size=n)
        return [" ".join(self.words[row[:k]]).title() for row, k in zip(picks, sizes, strict=True)]


def lengths(rng: np.random.Generator, n: int, mean: float) -> np.ndarray:
    """Text lengths in words: lognormal around ``mean``, at least 3."""
    return np.maximum(3, rng.lognormal(math.log(mean) - 0.32, 0.8, n).astype(np.int64))


def build_wiki(args: argparse.Namespace, rng: np.random.Generator) -> dict[str, object]:
    from django.db import connection

    from tropewiki.search.titles import title_keys

    n_tropes, n_works = int(30_000 * args.scale), int(100_000 * args.scale)
    n_examples = int(3_000_000 * args.scale)
    vocab = Vocabulary(50_000, rng)
    db = connection.connection
    db.execute("PRAGMA synchronous=OFF")

    done = step(f"pages ({n_tropes:,} tropes, {n_works:,} works and their subpages)")
    pages: list[tuple] = []
    keys: set[str] = set()
    now = "2024-01-01 00:00:00"

    def add(namespace: str, title: str, page_type: str) -> tuple[int, str]:
        name = "".join(w.capitalize() for w in title.split())
        key = f"{namespace.lower()}/{name.lower()}"
        n = 2
        while key in keys:
            name = f"{name}{n}"
            key = f"{namespace.lower()}/{name.lower()}"
            n += 1
        keys.add(key)
        page_id = len(pages) + 1
        pages.append(
            (page_id, name, key, title, page_type, 0, "", "", now, now, 0, namespace, "", "")
        )
        return page_id, name

    trope_titles = vocab.titles(n_tropes)
    tropes = [add("Main", title, "trope") for title in trope_titles]
    media = list(MEDIA)
    shares = np.array(list(MEDIA.values()))
    work_media = rng.choice(len(media), size=n_works, p=shares / shares.sum())
    work_titles = vocab.titles(n_works)
    works = [add(media[m], title, "work") for m, title in zip(work_media, work_titles, strict=True)]
    subpages: list[tuple[int, str, str]] = []  # (id, namespace, parent title)
    for namespace, (of, per_thousand) in SUBPAGES.items():
        parents = (tropes, trope_titles) if of == "trope" else (works, work_titles)
        count = len(parents[0]) * per_thousand // 1000
        for _, title in list(zip(parents[0], parents[1], strict=True))[:count]:
            page_id, _ = add(namespace, title, "subpage")
            subpages.append((page_id, namespace, title))
    wiki_indexes = _drop_indexes(db, "wiki_page")
    db.executemany(
        "INSERT INTO wiki_page (id, name, key, title, page_type, page_type_locked, lock_reason,"
        " delete_reason, created_at, touched_at, generation, namespace_id, licence, source_url)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        pages,
    )
    for sql in wiki_indexes:
        db.execute(sql)
    db.commit()
    done()

    done = step(f"~{n_examples:,} examples (Zipf–Mandelbrot trope popularity)")
    trope_ids = np.array([t for t, _ in tropes])
    work_ids = np.array([w for w, _ in works])
    # Popularity of the trope at rank r ∝ 1 / (r + 20): the most used trope is in ~15 % of
    # works, the median trope in a few dozen, the tail in one or two.
    popularity = 1.0 / (np.arange(1, n_tropes + 1) + 20.0)
    popularity /= popularity.sum()
    per_work = np.maximum(1, rng.lognormal(math.log(n_examples / n_works) - 0.5, 1.0, n_works))
    per_work = np.minimum(per_work.astype(np.int64), n_tropes // 2)
    per_work = np.maximum(1, per_work * n_examples // max(1, per_work.sum()))
    owners = np.repeat(np.arange(n_works), per_work)
    chosen = rng.choice(n_tropes, size=len(owners), p=popularity)
    pairs = np.unique(owners * n_tropes + chosen)  # one example per (work, trope)
    ex_work, ex_trope = work_ids[pairs // n_tropes], trope_ids[pairs % n_tropes]
    played = rng.choice(PLAYED, size=len(pairs))
    index_sql = _drop_indexes(db, "knowledge_examplesource")
    name_of = {page_id: name for page_id, name in tropes + works}
    ns_of = {w: media[m] for (w, _), m in zip(works, work_media, strict=True)}
    db.executemany(
        "INSERT INTO knowledge_examplesource (side, work_key, trope_key, work_path, trope_path,"
        " text, played, spoiler, folder, position, source_id, trope_id, work_id)"
        " VALUES ('work', ?, ?, ?, ?, '', ?, 0, '', ?, ?, ?, ?)",
        (
            (
                f"{ns_of[w].lower()}/{name_of[w].lower()}",
                f"main/{name_of[t].lower()}",
                f"{ns_of[w]}/{name_of[w]}",
                f"Main/{name_of[t]}",
                p,
                i,
                w,
                t,
                w,
            )
            for i, (w, t, p) in enumerate(
                zip(ex_work.tolist(), ex_trope.tolist(), played.tolist(), strict=True)
            )
        ),
    )
    for sql in index_sql:
        db.execute(sql)
    db.commit()
    df = np.bincount(np.searchsorted(trope_ids, ex_trope), minlength=n_tropes)
    done()

    done = step("search index (documents, FTS5 tables through their triggers, title keys)")
    laconics = vocab.texts(lengths(rng, n_tropes, 12))
    docs: list[tuple] = []
    titles: list[tuple] = []

    def flush() -> None:
        db.executemany(
            "INSERT INTO search_document (page_id, namespace, page_type, path, title, names,"
            " laconic, summary, body, spoilers, year) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            docs,
        )
        db.executemany(
            "INSERT INTO search_title (page_id, target_id, key, title) VALUES (?,?,?,?)", titles
        )
        docs.clear()
        titles.clear()

    def article(page_id: int, ns: str, name: str, title: str, kind: str, laconic: str) -> None:
        summary, body, spoilers = texts.pop(), texts.pop(), texts.pop()
        year = int(rng.integers(1900, 2024)) if kind == "work" else None
        docs.append(
            (
                page_id,
                ns,
                kind,
                f"{ns}/{name}",
                title,
                title,
                laconic,
                summary,
                body,
                spoilers,
                year,
            )
        )
        for key in title_keys(title, name):
            titles.append((page_id, page_id, key, title))
        if len(docs) >= 5000:
            flush()

    batch = 20_000
    articles = [
        (t, "Main", n, trope_titles[i], "trope", laconics[i]) for i, (t, n) in enumerate(tropes)
    ]
    articles += [
        (w, media[work_media[i]], n, work_titles[i], "work", "") for i, (w, n) in enumerate(works)
    ]
    for start in range(0, len(articles), batch):
        chunk = articles[start : start + batch]
        n = len(chunk)
        # Per article: a summary (~50 words), examples (~150), spoilers (1 in 10, ~8).
        spoilers = lengths(rng, n, 8) * (rng.random(n) < 0.1)
        texts = vocab.texts(
            np.stack([lengths(rng, n, 50), lengths(rng, n, 150), spoilers], axis=1).ravel()
        )
        texts.reverse()  # pop() takes summary, body, spoilers in that order
        for row in chunk:
            article(*row)
    for start in range(0, len(subpages), batch):
        chunk = subpages[start : start + batch]
        bodies = vocab.texts(lengths(rng, len(chunk), 60))
        for (page_id, ns, title), body in zip(chunk, bodies, strict=True):
            name = "".join(w.capitalize() for w in title.split())
            docs.append((page_id, ns, "subpage", f"{ns}/{name}", title, "", "", "", body, "", None))
            if len(docs) >= 5000:
                flush()
    flush()
    db.commit()
    db.execute("PRAGMA synchronous=NORMAL")
    done()
    return {
        "vocab": vocab,
        "work_ids": work_ids,
        "trope_ids": trope_ids,
        "examples": len(pairs),
        "df": df,
        "trope_titles": trope_titles,
        "work_titles": work_titles,
        "pages": len(pages),
    }


def _drop_indexes(db, table: str) -> list[str]:
    """Drop a table's secondary indexes for a bulk load; returns the SQL to create them again."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name = ?",
        (table,),
    ).fetchall()
    for name, _ in rows:
        db.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def load_wiki(rng: np.random.Generator) -> dict[str, object]:
    """What :func:`build_wiki` returns, read back from a kept database."""
    from django.db import connection

    connection.ensure_connection()
    db = connection.connection

    def column(sql: str) -> list:
        return [row[0] for row in db.execute(sql)]

    synthetic = "current_revision_id IS NULL AND page_type = '{}' ORDER BY id"
    return {
        "vocab": Vocabulary(50_000, rng),
        "work_ids": np.array(column(f"SELECT id FROM wiki_page WHERE {synthetic.format('work')}")),
        "trope_ids": np.array(
            column(f"SELECT id FROM wiki_page WHERE {synthetic.format('trope')}")
        ),
        "examples": column("SELECT count(*) FROM knowledge_examplesource")[0],
        "trope_titles": column(f"SELECT title FROM wiki_page WHERE {synthetic.format('trope')}"),
        "work_titles": column(f"SELECT title FROM wiki_page WHERE {synthetic.format('work')}"),
        "pages": column("SELECT count(*) FROM search_document")[0],
    }


# ---- works like this -------------------------------------------------------------------------


SQL_TFIDF = """
SELECT b.work_id, SUM(i.w * i.w) / n.norm AS score
FROM knowledge_examplesource a
JOIN knowledge_examplesource b ON b.trope_id = a.trope_id
JOIN bench_idf i ON i.trope_id = a.trope_id
JOIN bench_norm n ON n.work_id = b.work_id
WHERE a.work_id = ? AND b.work_id <> ?
GROUP BY b.work_id ORDER BY score DESC, b.work_id LIMIT 10
"""
SQL_COUNT = """
SELECT b.work_id, COUNT(*) AS shared
FROM knowledge_examplesource a
JOIN knowledge_examplesource b ON b.trope_id = a.trope_id
WHERE a.work_id = ? AND b.work_id <> ?
GROUP BY b.work_id ORDER BY shared DESC, b.work_id LIMIT 10
"""


def bench_similarity(args: argparse.Namespace, rng: np.random.Generator, wiki: dict) -> dict:
    from django.db import connection

    from tropewiki.discovery.similarity import build_model, load_pairs, signature

    db = connection.connection
    done = step("similarity model from the example table (production code)")
    t_sig = timed(signature)
    start = time.perf_counter()
    works, tropes = load_pairs()
    t_load = time.perf_counter() - start
    start = time.perf_counter()
    model = build_model(works, tropes, signature())
    t_build = time.perf_counter() - start
    done()
    memory = sum(m.data.nbytes + m.indices.nbytes + m.indptr.nbytes for m in (model.X, model.XT))

    # The same weights for SQL: idf per trope, norm per work.
    idf = np.log((1.0 + model.n_works) / (1.0 + model.df)) + 1.0
    db.execute("DROP TABLE IF EXISTS bench_idf")
    db.execute("DROP TABLE IF EXISTS bench_norm")
    db.execute("CREATE TABLE bench_idf (trope_id INTEGER PRIMARY KEY, w REAL)")
    db.execute("CREATE TABLE bench_norm (work_id INTEGER PRIMARY KEY, norm REAL)")
    db.executemany(
        "INSERT INTO bench_idf VALUES (?, ?)", zip(model.tropes.tolist(), idf.tolist(), strict=True)
    )
    row_sq = np.add.reduceat((idf[model.X.indices] ** 2), model.X.indptr[:-1]) * (
        np.diff(model.X.indptr) > 0
    )
    db.executemany(
        "INSERT INTO bench_norm VALUES (?, ?)",
        zip(model.works.tolist(), np.sqrt(row_sq).tolist(), strict=True),
    )
    db.commit()

    sample = rng.choice(model.works, size=args.similar_queries, replace=False).tolist()
    for w in sample[:50]:
        model.similar(w, 10)  # warm-up
    scipy_times = [timed(lambda w=w: model.similar(w, 10)) for w in sample]
    sql_sample = sample[: args.sql_queries]
    for w in sql_sample[:5]:
        db.execute(SQL_TFIDF, (w, w)).fetchall()
    sql_times, count_times, agree = [], [], 0
    for w in sql_sample:
        start = time.perf_counter()
        rows = db.execute(SQL_TFIDF, (w, w)).fetchall()
        sql_times.append(time.perf_counter() - start)
        count_times.append(timed(lambda w=w: db.execute(SQL_COUNT, (w, w)).fetchall()))
        mine = [n.work_id for n in model.similar(w, 10)]
        agree += _same_ranking(mine, rows)
    return {
        "signature_s": t_sig,
        "load_s": t_load,
        "build_s": t_build,
        "memory_mb": memory / 1e6,
        "scipy": percentiles(scipy_times),
        "sql": percentiles(sql_times),
        "count": percentiles(count_times),
        "agree": (agree, len(sql_sample)),
        "queries": (len(sample), len(sql_sample)),
        "tropes_per_work": float(np.diff(model.X.indptr).mean()),
        "max_df": int(model.df.max()),
        "median_df": float(np.median(model.df)),
    }


def _same_ranking(mine: list[int], rows: list[tuple[int, float]]) -> bool:
    """The SciPy and SQL top-10 agree (the same works in the same order, up to float ties)."""
    theirs = [r[0] for r in rows]
    if mine == theirs:
        return True
    scores = [r[1] for r in rows]
    ties = {w for w, s in rows if sum(abs(s - t) < 1e-5 for t in scores) > 1}
    return [w for w in mine if w not in ties] == [w for w in theirs if w not in ties]


# ---- full-text search ------------------------------------------------------------------------


def queries(args: argparse.Namespace, rng: np.random.Generator, wiki: dict) -> list[str]:
    """What readers type: titles of pages, one topic word, or two."""
    vocab = wiki["vocab"]
    titles = wiki["trope_titles"] + wiki["work_titles"]
    out = []
    for i in range(args.search_queries):
        kind = i % 5
        if kind < 2:
            out.append(titles[int(rng.integers(len(titles)))].lower())
        elif kind < 4:
            out.append(str(vocab.words[int(rng.integers(30, 3000))]))
        else:
            a, b = rng.integers(30, 3000, size=2)
            out.append(f"{vocab.words[int(a)]} {vocab.words[int(b)]}")
    return out


def wsgi_environ(path: str, query: dict[str, str]) -> dict[str, object]:
    """The environ a WSGI server (gunicorn) hands the application for ``GET path?query``."""
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": urlencode(query),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "testserver",
        "HTTP_USER_AGENT": "bench",
        "HTTP_ACCEPT": "*/*",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def wsgi_get(application: Callable, path: str, query: dict[str, str]) -> tuple[str, bytes]:
    """Status and body of one GET, served as a WSGI server serves it (the body closed)."""
    started: list[str] = []
    chunks = application(wsgi_environ(path, query), lambda status, headers: started.append(status))
    try:
        return started[0], b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()


def bench_search(args: argparse.Namespace, rng: np.random.Generator, wiki: dict) -> dict:
    import json

    from django.db import connection
    from django.test import Client

    from tropewiki.search.backends import Filters, get_backend
    from tropewiki.search.backends.sqlite import fts_expression
    from tropewiki.search.service import _exact_key
    from tropewiki.search.syntax import parse_query
    from tropewiki.wsgi import application

    db = connection.connection
    client = Client()
    backend = get_backend()
    mix = queries(args, rng, wiki)

    def raw(q: str) -> list:
        expression = fts_expression(parse_query(q))
        return db.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 10",
            (expression,),
        ).fetchall()

    def endpoint(q: str) -> dict:
        status, body = wsgi_get(application, "/-/search.json", {"q": q, "limit": "10"})
        assert status == "200 OK", (status, body[:300])
        return json.loads(body)

    def needed_sql(q: str) -> list:
        """The endpoint's own two reads, by the production code: the ranked page of ids (title
        tiers, the 1,001-row count window) and its documents."""
        query = parse_query(q)
        ranked = backend.ranked(query, Filters(), _exact_key(query), 0, 10)
        return backend.documents(ranked.ids)

    def through_django(q: str) -> None:
        response = client.get("/-/search.json", {"q": q, "limit": "10"})
        assert response.status_code == 200, response.content[:300]

    def page(q: str) -> None:
        status, _body = wsgi_get(application, "/-/search", {"q": q})
        assert status == "200 OK", status

    done = step(f"{len(mix)} queries, warm-up pass")
    for q in mix:
        raw(q)
        needed_sql(q)
        assert endpoint(q) == client.get("/-/search.json", {"q": q, "limit": "10"}).json()
    done()
    measured: dict[str, list[float]] = {"raw": [], "endpoint": [], "sql": [], "django": []}
    others = {"raw": raw, "sql": needed_sql, "django": through_django}
    html_times, hits, answered = [], [], 0
    for i, q in enumerate(mix):
        # Those compared take turns at going first (the first to read a query's pages from
        # the OS pays for it).
        order = list(measured)
        order = order[i % len(order) :] + order[: i % len(order)]
        for name in order:
            if name == "endpoint":
                start = time.perf_counter()
                data = endpoint(q)
                measured[name].append(time.perf_counter() - start)
            else:
                measured[name].append(timed(lambda q=q, name=name: others[name](q)))
        html_times.append(timed(lambda q=q: page(q)))
        hits.append(data["total"])
        answered += bool(data["results"])
    return {
        "raw": percentiles(measured["raw"]),
        "endpoint": percentiles(measured["endpoint"]),
        "sql": percentiles(measured["sql"]),
        "django": percentiles(measured["django"]),
        "html": percentiles(html_times),
        "queries": len(mix),
        "hits_median": float(np.median(hits)),
        "hits_p90": float(np.percentile(hits, 90)),
        "answered": answered,
    }


def bench_saves(args: argparse.Namespace, wiki: dict) -> tuple[float, float]:
    """Median and p90 of save_page for new work pages (parse, derive, index), ms."""
    from tropewiki.actions import Actor, save_page

    vocab = wiki["vocab"]
    actor = Actor.system("bench")
    rng = np.random.default_rng(7)
    run = int(time.time())  # new pages on every run, also with --reuse
    times = []
    for i in range(args.saves):
        tropes = rng.choice(wiki["trope_titles"], size=25, replace=False)
        texts = vocab.texts(np.full(25, 30))
        bullets = "".join(
            f"* {''.join(w.capitalize() for w in t.split())}: {text}\n"
            for t, text in zip(tropes, texts, strict=True)
        )
        text = f"A synthetic work of 1999.\n\n!!Tropes:\n{bullets}"
        address = f"Film/BenchWork{run}x{i}"
        times.append(timed(lambda address=address, text=text: save_page(address, text, actor)))
    ms = np.array(times) * 1000
    return float(np.median(ms)), float(np.percentile(ms, 90))


# ---- main ------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    parser.add_argument("--similar-queries", type=int, default=1000)
    parser.add_argument("--sql-queries", type=int, default=200)
    parser.add_argument("--search-queries", type=int, default=400)
    parser.add_argument("--saves", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument(
        "--reuse", type=Path, metavar="DIR", help="measure again the wiki a --keep run left in DIR"
    )
    args = parser.parse_args()

    home = args.reuse or Path(tempfile.mkdtemp(prefix="tropewiki-bench-discovery-"))
    os.environ.update(
        TROPEWIKI_HOME=str(home),
        TROPEWIKI_DATABASE_URL="",
        TROPEWIKI_SECRET_KEY="bench-only",
        TROPEWIKI_ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="tropewiki.settings",
    )
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    try:
        rng = np.random.default_rng(args.seed)
        if args.reuse:
            print(f"Measuring the synthetic wiki kept in {home}")
            wiki = load_wiki(rng)
        else:
            print(f"Building the synthetic wiki in {home} (scale {args.scale:g})")
            call_command("migrate", verbosity=0)
            wiki = build_wiki(args, rng)
        similar = bench_similarity(args, rng, wiki)
        search = bench_search(args, rng, wiki)
        saves = bench_saves(args, wiki)
        size = sum(f.stat().st_size for f in home.glob("tropewiki.sqlite3*")) / 1e9
        report(args, wiki, similar, search, saves, size)
    finally:
        if args.keep or args.reuse:
            print(f"kept {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    return 0


def report(args, wiki, similar, search, saves, size) -> None:
    print()
    print(
        f"Sizes: {len(wiki['work_ids']):,} works · {len(wiki['trope_ids']):,} tropes · "
        f"{wiki['examples']:,} examples ({similar['tropes_per_work']:.1f} tropes per work; "
        f"trope popularity: most used in {similar['max_df']:,} works, median "
        f"{similar['median_df']:.0f}) · {wiki['pages']:,} pages in the search index · "
        f"database {size:.2f} GB"
    )
    print(
        f"Model: signature check {similar['signature_s'] * 1000:.0f} ms, load "
        f"{similar['load_s']:.1f} s, build {similar['build_s']:.1f} s, "
        f"{similar['memory_mb']:.0f} MB"
    )
    print()
    (s50, s99), (q50, q99), (c50, c99) = similar["scipy"], similar["sql"], similar["count"]
    n_scipy, n_sql = similar["queries"]
    agree, of = similar["agree"]
    print("Works like this (10 neighbours with reasons)        p50 ms    p99 ms")
    print(f"  SciPy inverted index ({n_scipy} works)           {s50:9.2f} {s99:9.2f}")
    print(f"  SQL self-join, TF-IDF cosine ({n_sql} works)      {q50:9.2f} {q99:9.2f}")
    print(f"  SQL self-join, shared-trope count              {c50:9.2f} {c99:9.2f}")
    print(
        f"  ratio SQL/SciPy: p50 {q50 / s50:.1f}×, p99 {q99 / s99:.1f}× "
        f"(count join: p50 {c50 / s50:.1f}×); same top-10 as SQL for {agree}/{of} works"
    )
    print()
    (r50, r99), (e50, e99), (h50, h99) = search["raw"], search["endpoint"], search["html"]
    print(
        f"Full-text search ({search['queries']} queries: 2/5 page titles, 2/5 one word, "
        f"1/5 two words; median {search['hits_median']:.0f} hits, p90 {search['hits_p90']:.0f})"
    )
    print("                                                   p50 ms    p99 ms")
    print(f"  raw FTS5 MATCH … ORDER BY rank LIMIT 10         {r50:9.2f} {r99:9.2f}")
    d50, d99 = search["django"]
    n50, n99 = search["sql"]
    print(f"  the endpoint's two reads (ranked ids, documents) {n50:9.2f} {n99:9.2f}")
    print(f"  GET /-/search.json?limit=10 (WSGI application)  {e50:9.2f} {e99:9.2f}")
    print(f"    the same through Django's test client         {d50:9.2f} {d99:9.2f}")
    print(f"  GET /-/search (HTML, 20 results)                {h50:9.2f} {h99:9.2f}")
    print(f"  ratio endpoint/raw: p50 {e50 / r50:.2f}×, p99 {e99 / r99:.2f}×")
    print(
        f"  floor: the endpoint's own SQL — title tiers, the count window, the ten documents — "
        f"is {n50 / r50:.2f}× raw; {TARGET_SEARCH_RATIO:g}× leaves "
        f"{TARGET_SEARCH_RATIO * r50 - n50:.2f} ms for parsing, snippets, JSON and the HTTP "
        f"answer, which take {e50 - n50:.2f} ms (through Django's test client {d50 - n50:.2f} ms)"
    )
    print()
    print(
        f"save_page of a new 25-example work page (with indexing): median {saves[0]:.1f} ms, "
        f"p90 {saves[1]:.1f} ms"
    )
    print()
    checks = [
        (f"works-like-this p99 ≤ {TARGET_SIMILAR_P99_MS:g} ms", s99 <= TARGET_SIMILAR_P99_MS),
        (
            f"SQL self-join p50 ≥ {TARGET_SIMILAR_RATIO:g}× SciPy p50",
            q50 / s50 >= TARGET_SIMILAR_RATIO,
        ),
        (
            f"search endpoint p50 ≤ {TARGET_SEARCH_RATIO:g}× raw FTS5 p50",
            e50 / r50 <= TARGET_SEARCH_RATIO,
        ),
    ]
    for label, ok in checks:
        print(f"{'PASS' if ok else 'MISS'}  {label}")


if __name__ == "__main__":
    sys.exit(main())
