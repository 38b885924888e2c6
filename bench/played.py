"""Benchmark: how well ``detect_played`` reads "Playing With a Trope" variations in real texts.

Loads the hand-labelled set (``tests/knowledge/played_labels.tsv``: locators into the shared TV
Tropes data beside the repository, with hand labels), runs the detector on every text and
prints, per variation, support / precision / recall / F1; micro- and macro-F1; how often
"straight" versus "announces a variation" agrees with the labels; the composition of the set;
the detector's speed; and every misclassified row.

    .venv/bin/python bench/played.py
    .venv/bin/python bench/played.py --no-misses
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tropewiki.knowledge.played import STRAIGHT, VARIATIONS, detect_played  # noqa: E402
from tropewiki.knowledge.played_eval import (  # noqa: E402
    LabelledText,
    Scores,
    load_labelled,
    score,
)

LABELS = ROOT / "tests" / "knowledge" / "played_labels.tsv"
SHARED = ROOT.parent / "shared"


def _source_name(source: str) -> str:
    parts = source.split("/")
    return parts[2] if parts[0] == "data" else parts[0]


def print_composition(items: list[LabelledText]) -> None:
    """Rows per source (keyword rows and random-sample rows) and per label."""
    print(f"Labelled set: {len(items)} rows")
    per_source: Counter[tuple[str, bool]] = Counter(
        (_source_name(item.locator.source), "random sample" in item.locator.note) for item in items
    )
    for name in sorted({name for name, _ in per_source}):
        chosen, drawn = per_source[(name, False)], per_source[(name, True)]
        print(f"  {name:30} {chosen + drawn:5}  ({chosen} chosen, {drawn} random)")
    labels: Counter[str] = Counter()
    for item in items:
        labels.update(item.expected or {STRAIGHT})
    print("  rows per label: " + ", ".join(f"{slug} {n}" for slug, n in labels.most_common()))
    print()


def print_table(scores: Scores) -> None:
    """Per-variation figures, then the summary."""
    print(f"{'variation':20} {'support':>7} {'precision':>9} {'recall':>7} {'F1':>6}")
    for variation in VARIATIONS:
        slug = variation.slug
        support, predicted = scores.support(slug), scores.false_positive[slug]
        if not support and not predicted:
            print(f"{slug:20} {0:7} {'-':>9} {'-':>7} {'-':>6}")
            continue
        print(
            f"{slug:20} {support:7} {scores.precision(slug):9.3f} {scores.recall(slug):7.3f}"
            f" {scores.f1(slug):6.3f}"
        )
    print()
    print(
        f"micro: precision {scores.precision():.3f}  recall {scores.recall():.3f}"
        f"  F1 {scores.micro_f1:.3f}"
    )
    print(f"macro-F1 (variations with support): {scores.macro_f1:.3f}")
    print(
        f"straight vs announced: {scores.straight_agreed}/{scores.rows} agree"
        f" ({scores.straight_accuracy:.3f})"
    )


def print_speed(items: list[LabelledText]) -> None:
    """Texts per second and MB/s over the labelled texts (best of three passes)."""
    texts = [item.text for item in items]
    size = sum(len(text.encode("utf-8")) for text in texts)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            detect_played(text)
        best = min(best, time.perf_counter() - start)
    print(
        f"speed: {len(texts) / best:,.0f} texts/s, {size / best / 1e6:.2f} MB/s"
        f" ({best * 1e6 / len(texts):.0f} µs per text on average)"
    )


def print_misses(scores: Scores) -> None:
    """Every row whose detected variations differ from its labels."""
    print(f"\nMisclassified rows ({len(scores.misses)}):")
    for miss in scores.misses:
        locator = miss.item.locator
        expected = ",".join(locator.labels) or STRAIGHT
        got = ",".join(miss.got) or STRAIGHT
        start = " ".join(miss.item.text.split())[:80]
        print(f"  {_source_name(locator.source)} {locator.key}")
        print(f"      expected {expected}  got {got}  | {start}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-misses", action="store_true", help="do not list misclassified rows")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: this benchmark reads the shared TV Tropes data; skipped.")
        return 0
    items = load_labelled(LABELS, SHARED)
    print_composition(items)
    scores = score(items, detect_played)
    print_table(scores)
    print_speed(items)
    if not args.no_misses:
        print_misses(scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
