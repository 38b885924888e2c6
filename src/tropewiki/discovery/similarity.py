"""Works like this and tropes that travel together, from the work × trope matrix.

The model is built from every resolved example (work, trope) pair: a binary matrix weighted
by smoothed IDF, ``idf(t) = ln((1 + N) / (1 + df(t))) + 1`` (N works, df(t) works having t),
rows L2-normalised, so the dot product of two rows is their cosine. Queries walk an inverted
index (the transposed matrix): only the works sharing a trope with the query work are touched.

The model lives in process memory (float32, about 16 bytes per example), is built on first
use, and is rebuilt when the examples changed: a signature (the last example and revision
ids: two index lookups) is checked at most every :data:`CHECK_SECONDS` per process.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models import Max, Q
from scipy import sparse

from tropewiki.knowledge.models import ExampleSource
from tropewiki.wiki.models import Revision

CHECK_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A similar work, its cosine score and the shared tropes that weigh most."""

    work_id: int
    score: float
    shared: list[int]


@dataclass(frozen=True, slots=True)
class Companion:
    """A trope found with another: in ``count`` of its works, ``lift`` times chance."""

    trope_id: int
    count: int
    lift: float


@dataclass
class SimilarityModel:
    works: np.ndarray  # row → work page id (sorted)
    tropes: np.ndarray  # column → trope page id (sorted)
    X: sparse.csr_matrix  # works × tropes, TF-IDF rows of unit length
    XT: sparse.csr_matrix  # tropes × works, the same weights (the inverted index)
    df: np.ndarray  # works per trope
    signature: tuple[object, ...] = ()
    version: str = ""
    built_at: float = field(default_factory=time.monotonic)

    @property
    def n_works(self) -> int:
        return len(self.works)

    def _index(self, ids: np.ndarray, page_id: int) -> int | None:
        i = int(np.searchsorted(ids, page_id))
        return i if i < len(ids) and ids[i] == page_id else None

    def similar(self, work_id: int, k: int = 10, reasons: int = 4) -> list[Neighbour]:
        """The ``k`` works most like ``work_id`` (cosine over TF-IDF rows), best first."""
        r = self._index(self.works, work_id)
        if r is None:
            return []
        cols, weights = self._row(self.X, r)
        if not len(cols):
            return []
        # The postings of the work's tropes (rows of the inverted index), weighted and summed
        # per work: one pass over the works sharing a trope with this one.
        scores = self.XT[cols].T @ weights
        scores[r] = 0.0
        top = _top(scores, k, self.works)
        return [
            Neighbour(int(self.works[i]), float(scores[i]), self._shared(r, int(i), reasons))
            for i in top
        ]

    def _shared(self, a: int, b: int, n: int) -> list[int]:
        cols_a, w_a = self._row(self.X, a)
        cols_b, w_b = self._row(self.X, b)
        common, ia, ib = np.intersect1d(cols_a, cols_b, assume_unique=True, return_indices=True)
        weight = w_a[ia] * w_b[ib]
        order = np.lexsort((self.tropes[common], -weight))[:n]
        return [int(self.tropes[common[i]]) for i in order]

    def companions(self, trope_id: int, k: int = 10, min_count: int = 2) -> list[Companion]:
        """Tropes found in the same works as ``trope_id``, by lift then by count.

        ``lift = count × N / (df(trope) × df(other))``: how many times more often the two
        meet than they would by chance. Pairs seen in fewer than ``min_count`` works are left
        out (a trope with one work would otherwise top every list).
        """
        c = self._index(self.tropes, trope_id)
        if c is None:
            return []
        work_rows, _ = self._row(self.XT, c)
        counts = np.bincount(self.X[work_rows].indices, minlength=len(self.tropes))
        counts[c] = 0
        keep = np.flatnonzero(counts >= max(1, min_count))
        if not len(keep):
            return []
        lift = counts[keep] * self.n_works / (len(work_rows) * self.df[keep])
        order = np.lexsort((self.tropes[keep], -counts[keep], -np.round(lift, 9)))[:k]
        return [
            Companion(int(self.tropes[keep[i]]), int(counts[keep[i]]), float(lift[i]))
            for i in order
        ]

    def distinctive(self, work_id: int, k: int = 8) -> list[tuple[int, float, int]]:
        """A work's tropes that set it apart: (trope id, TF-IDF weight, works having it),
        highest weight (the rarest trope) first."""
        r = self._index(self.works, work_id)
        if r is None:
            return []
        cols, weights = self._row(self.X, r)
        order = np.lexsort((self.tropes[cols], -weights))[:k]
        return [
            (int(self.tropes[cols[i]]), float(weights[i]), int(self.df[cols[i]])) for i in order
        ]

    def trope_count(self, work_id: int) -> int:
        r = self._index(self.works, work_id)
        return 0 if r is None else int(self.X.indptr[r + 1] - self.X.indptr[r])

    @staticmethod
    def _row(matrix: sparse.csr_matrix, r: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = matrix.indptr[r], matrix.indptr[r + 1]
        return matrix.indices[start:end], matrix.data[start:end]


def _top(scores: np.ndarray, k: int, ids: np.ndarray) -> np.ndarray:
    """Indices of the ``k`` best positive scores, ties broken by page id."""
    candidates = np.flatnonzero(scores > 0)
    if len(candidates) > k:
        kth = np.partition(scores[candidates], len(candidates) - k)[len(candidates) - k]
        candidates = candidates[scores[candidates] >= kth]
    order = np.lexsort((ids[candidates], -scores[candidates]))
    return candidates[order[:k]]


def build_model(
    work_ids: np.ndarray, trope_ids: np.ndarray, signature: tuple[object, ...] = ()
) -> SimilarityModel:
    """The model of these (work, trope) pairs (duplicates count once)."""
    work_ids = np.asarray(work_ids, dtype=np.int64)
    trope_ids = np.asarray(trope_ids, dtype=np.int64)
    works, rows = np.unique(work_ids, return_inverse=True)
    tropes, cols = np.unique(trope_ids, return_inverse=True)
    binary = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(works), len(tropes))
    )
    binary.sum_duplicates()
    binary.data[:] = 1.0
    df = np.bincount(binary.indices, minlength=len(tropes)).astype(np.int64)
    idf = (np.log((1.0 + len(works)) / (1.0 + df)) + 1.0).astype(np.float32)
    X = binary.multiply(idf[np.newaxis, :]).tocsr().astype(np.float32)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel()).astype(np.float32)
    X.data /= np.repeat(norms, np.diff(X.indptr))
    X.sort_indices()
    XT = X.T.tocsr()
    XT.sort_indices()
    version = hashlib.sha1(repr(signature).encode()).hexdigest()[:12]
    return SimilarityModel(works, tropes, X, XT, df, signature, version)


# ---- the process-wide model ------------------------------------------------------------------

_lock = threading.Lock()
_model: SimilarityModel | None = None
_checked_at = 0.0


def signature() -> tuple[object, ...]:
    """Changes whenever examples may have changed: two index lookups, no scan.

    Examples are only written by the write path, which appends a revision for every save,
    cut, restore and rename (so the last revision id moves) and inserts fresh example rows
    when it re-derives a page (so the last example id moves: page-type changes, rebuilds).
    """
    last_example = ExampleSource.objects.aggregate(last=Max("id"))["last"]
    last_revision = Revision.objects.aggregate(last=Max("id"))["last"]
    return (str(connection.settings_dict.get("NAME")), last_example, last_revision)


def load_pairs() -> tuple[np.ndarray, np.ndarray]:
    """Every resolved (work, trope) pair in the database, as two arrays."""
    pairs = ExampleSource.objects.filter(
        Q(work__isnull=False) & Q(trope__isnull=False)
    ).values_list("work_id", "trope_id")
    sql, params = pairs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        flat = np.fromiter(
            (value for row in cursor.fetchall() for value in row), dtype=np.int64
        ).reshape(-1, 2)
    return flat[:, 0], flat[:, 1]


def current_model(max_age: float = CHECK_SECONDS) -> SimilarityModel:
    """The model of the examples as they are (checked at most every ``max_age`` seconds)."""
    global _model, _checked_at
    now = time.monotonic()
    model = _model
    if model is not None and now - _checked_at < max_age:
        return model
    with _lock:
        if _model is not None and time.monotonic() - _checked_at < max_age:
            return _model
        wanted = signature()
        if _model is None or _model.signature != wanted:
            works, tropes = load_pairs()
            _model = build_model(works, tropes, wanted)
        _checked_at = time.monotonic()
        return _model


def forget() -> None:
    """Drop the process's model (the next use rebuilds it)."""
    global _model, _checked_at
    with _lock:
        _model, _checked_at = None, 0.0
