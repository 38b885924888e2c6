"""Measure :func:`~tropewiki.knowledge.played.detect_played` against hand-labelled real texts.

The labelled set (``tests/knowledge/played_labels.tsv``) holds no text: each row locates one
example text in the shared TV Tropes data (``../shared`` beside the repository), with the first
8 hex digits of the text's SHA-1 to notice drift, and the hand labels. This module resolves the
rows against the shared directory and scores the detector; the test and ``bench/played.py`` both
use it. Pure Python, no Django.

Locator keys, by kind of source file (paths are relative to the shared directory):

* ``*.jsonl.gz`` — ``<record id>/<step>/…``: the record whose ``id`` is the first step, then
  object keys and list indexes, e.g. ``Airplane/roles/f/5`` → ``record["roles"]["f"][5]``;
  a step landing on an object with a ``role`` field reads that field (stereotropes roles).
* ``*.json`` — ``<step>/…`` from the top-level value, e.g. ``12/descriptions/Willow``.
* ``*.psv`` — ``<line>/<column>``: the pipe-separated row on that 1-based file line (line 1 is
  the header naming the columns), e.g. ``1542/media_trope_description``.
* ``*.txt`` — ``<line>``: that 1-based line, stripped of blanks and a leading ``•`` bullet.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tropewiki.knowledge.played import STRAIGHT, VARIATIONS

__all__ = [
    "DriftError",
    "LabelledText",
    "Locator",
    "Miss",
    "Scores",
    "digest",
    "load_labelled",
    "read_locators",
    "resolve",
    "score",
]


class DriftError(ValueError):
    """A located text no longer matches the digest recorded in the labelled set."""


@dataclass(frozen=True)
class Locator:
    """One row of the labelled set: where the text is, its digest, its hand labels."""

    source: str
    key: str
    sha1: str
    labels: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class LabelledText:
    """A located text with its expected variation slugs (empty for a straight example)."""

    locator: Locator
    text: str

    @property
    def expected(self) -> frozenset[str]:
        """The hand-labelled variation slugs."""
        return frozenset(self.locator.labels)


def digest(text: str) -> str:
    """The first 8 hex digits of the SHA-1 of ``text`` (UTF-8), as stored in the labelled set."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def read_locators(tsv: Path) -> list[Locator]:
    """The rows of a labelled-set file; ``#`` lines and the column header are skipped.

    Raises ``ValueError`` naming the line for a malformed row or an unknown label.
    """
    known = {variation.slug for variation in VARIATIONS}
    rows: list[Locator] = []
    for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("source\t"):
            continue
        cells = line.split("\t")
        if len(cells) not in (4, 5):
            raise ValueError(f"{tsv}:{number}: expected 4 or 5 tab-separated cells")
        source, key, sha1, labels = cells[:4]
        slugs = tuple(label.strip() for label in labels.split(",") if label.strip())
        if slugs == (STRAIGHT,):
            slugs = ()
        unknown = sorted(set(slugs) - known)
        if unknown or not labels.strip():
            raise ValueError(f"{tsv}:{number}: unknown labels {unknown or [labels]}")
        note = cells[4] if len(cells) == 5 else ""
        rows.append(Locator(source, key, sha1, slugs, note))
    return rows


def resolve(locators: Iterable[Locator], shared: Path) -> list[LabelledText]:
    """Read each located text under ``shared``; raise :class:`DriftError` if a digest differs."""
    sources = _Sources(shared)
    texts: list[LabelledText] = []
    for locator in locators:
        text = sources.text(locator.source, locator.key)
        if digest(text) != locator.sha1:
            raise DriftError(
                f"{locator.source} {locator.key}: the text's SHA-1 starts {digest(text)}, "
                f"the labelled set recorded {locator.sha1}; the shared data changed, so the "
                "row must be relabelled"
            )
        texts.append(LabelledText(locator, text))
    return texts


def load_labelled(tsv: Path, shared: Path) -> list[LabelledText]:
    """:func:`read_locators` then :func:`resolve`."""
    return resolve(read_locators(tsv), shared)


@dataclass
class _Sources:
    """The shared directory's source files, each parsed once, and the texts inside them."""

    shared: Path
    cache: dict[str, Any] = field(default_factory=dict)

    def text(self, source: str, key: str) -> str:
        """The text at ``key`` in ``source``; ``KeyError`` names the locator if there is none."""
        path = self.shared / source
        if source not in self.cache:
            self.cache[source] = _load(path)
        content = self.cache[source]
        try:
            if source.endswith(".jsonl.gz"):
                record_id, _, rest = key.partition("/")
                return _step(content[record_id], rest)
            if source.endswith(".json"):
                return _step(content, key)
            if source.endswith(".psv"):
                line, _, column = key.partition("/")
                header, rows = content
                return rows[int(line)][header.index(column)]
            if source.endswith(".txt"):
                return content[int(key)].strip().removeprefix("\u2022").strip()
        except (KeyError, IndexError, ValueError) as error:
            raise KeyError(f"{source}: no text at {key!r} ({error!r})") from error
        raise ValueError(f"{source}: unknown kind of source file")


def _load(path: Path) -> Any:
    """Parse one source file into what :meth:`_Sources.text` indexes."""
    if path.name.endswith(".jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            records = (json.loads(line) for line in lines if line.strip())
            return {record["id"]: record for record in records}
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    if path.suffix == ".psv":
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="|"))
        # Index by 1-based file line: every row of these files is one line.
        return rows[0], {number: row for number, row in enumerate(rows, start=1)}
    if path.suffix == ".txt":
        lines = path.read_text(encoding="utf-8").splitlines()
        return {number: line for number, line in enumerate(lines, start=1)}
    raise ValueError(f"{path}: unknown kind of source file")


def _step(value: Any, path: str) -> str:
    """Follow ``a/0/b`` from ``value`` down to a text."""
    for step in filter(None, path.split("/")):
        value = value[int(step)] if isinstance(value, list) else value[step]
    if isinstance(value, dict) and "role" in value:
        value = value["role"]
    if not isinstance(value, str):
        raise ValueError(f"not a text but {type(value).__name__}")
    return value


# --- Scores --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Miss:
    """A row whose detected slugs differ from its labels."""

    item: LabelledText
    got: tuple[str, ...]


@dataclass
class Scores:
    """Per-variation counts over a labelled set, and the summary figures derived from them."""

    true_positive: Counter[str] = field(default_factory=Counter)
    false_positive: Counter[str] = field(default_factory=Counter)
    false_negative: Counter[str] = field(default_factory=Counter)
    rows: int = 0
    straight_agreed: int = 0
    misses: list[Miss] = field(default_factory=list)

    def support(self, slug: str) -> int:
        """How many labelled rows carry ``slug``."""
        return self.true_positive[slug] + self.false_negative[slug]

    def precision(self, slug: str | None = None) -> float:
        tp, fp = self._counts(slug, self.true_positive), self._counts(slug, self.false_positive)
        return tp / (tp + fp) if tp + fp else 0.0

    def recall(self, slug: str | None = None) -> float:
        tp, fn = self._counts(slug, self.true_positive), self._counts(slug, self.false_negative)
        return tp / (tp + fn) if tp + fn else 0.0

    def f1(self, slug: str | None = None) -> float:
        """F1 of one slug, or micro-F1 over every slug when ``slug`` is None."""
        precision, recall = self.precision(slug), self.recall(slug)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def micro_f1(self) -> float:
        """F1 over every (row, variation) decision, straight rows adding only false positives."""
        return self.f1()

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the variations that occur in the labels."""
        slugs = [variation.slug for variation in VARIATIONS if self.support(variation.slug)]
        return sum(self.f1(slug) for slug in slugs) / len(slugs) if slugs else 0.0

    @property
    def straight_accuracy(self) -> float:
        """How often "announces something" versus "straight" agrees with the labels."""
        return self.straight_agreed / self.rows if self.rows else 0.0

    @staticmethod
    def _counts(slug: str | None, counter: Counter[str]) -> int:
        return counter[slug] if slug is not None else sum(counter.values())


def score(items: Sequence[LabelledText], detect: Callable[[str], list[str]]) -> Scores:
    """Run ``detect`` on every labelled text and count agreements per variation slug."""
    scores = Scores()
    for item in items:
        got = frozenset(detect(item.text))
        expected = item.expected
        scores.rows += 1
        scores.straight_agreed += (not got) == (not expected)
        scores.true_positive.update(got & expected)
        scores.false_positive.update(got - expected)
        scores.false_negative.update(expected - got)
        if got != expected:
            order = [variation.slug for variation in VARIATIONS]
            scores.misses.append(Miss(item, tuple(slug for slug in order if slug in got)))
    return scores
