"""Tropes that travel together: co-occurrence ranked by lift, checked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tropewiki.discovery.similarity import build_model

# Eight works. T is in works 1-4. P (popular) is in all 8 works. R (rare) is in works 1-2.
# S is in works 5-8 only (never with T). Q is in works 1 and 5.
PAIRS = (
    [(w, "T") for w in (1, 2, 3, 4)]
    + [(w, "P") for w in range(1, 9)]
    + [(w, "R") for w in (1, 2)]
    + [(w, "S") for w in (5, 6, 7, 8)]
    + [(w, "Q") for w in (1, 5)]
)
IDS = {"T": 100, "P": 101, "R": 102, "S": 103, "Q": 104}


def model():
    return build_model(np.array([w for w, _ in PAIRS]), np.array([IDS[t] for _, t in PAIRS]))


def test_lift_not_raw_count_decides():
    """With T: R (2 works, lift 2.0) before P (4 works, lift 1.0); S never meets T."""
    # lift(T, X) = count(T, X) × N / (df(T) × df(X)), N = 8, df(T) = 4:
    # R: 2 × 8 / (4 × 2) = 2.0; Q: 1 × 8 / (4 × 2) = 1.0; P: 4 × 8 / (4 × 8) = 1.0.
    found = model().companions(IDS["T"], k=10, min_count=1)
    assert [(c.trope_id, c.count, round(c.lift, 3)) for c in found] == [
        (IDS["R"], 2, 2.0),
        (IDS["P"], 4, 1.0),  # same lift as Q, more works together
        (IDS["Q"], 1, 1.0),
    ]


def test_minimum_count_leaves_out_chance_meetings():
    """With min_count=2 the single meeting of T and Q is left out."""
    found = model().companions(IDS["T"], k=10, min_count=2)
    assert [c.trope_id for c in found] == [IDS["R"], IDS["P"]]


@pytest.mark.parametrize("k", [1, 2])
def test_k_limits_the_list(k):
    """At most k companions."""
    assert len(model().companions(IDS["T"], k=k, min_count=1)) == k


def test_unknown_trope_has_no_companions():
    """A trope without examples travels alone."""
    assert model().companions(999) == []
